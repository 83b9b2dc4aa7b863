"""ORDER BY keys the engine can sort without crashing.

pyoxigraph before 0.5.3 compared two literals it cannot order (a number and a string,
strings in two languages, a date with a time zone and one without, NaN) as equal. That is
not a total order (1 = "x" = 2 but 1 < 2), and Rust's sort aborts the whole process when
it notices: ``SELECT * WHERE { ?s ?p ?o } ORDER BY ?o ?s`` killed the query process on
the project's own graph. The pinned 0.5.13 sorts that query, and every mix of kinds
tried, whole (``tests/test_sort_keys.py``), so the query processes send a query as
written and use these keys only to run again a query whose sort aborted its process
(``server.worker_pool``), and where no process can be lost (a store queried in the web
process, ``server.embedded``). Each key that is a variable (alone, or in ASC()/DESC()) is
then preceded by a key naming its kind of value: unbound, blank node, IRI, number, NaN,
then each literal datatype with its language and whether it has a time zone. Within one
kind the engine's comparison is a total order, and the kinds sort in the order SPARQL
gives them (unbound, blank nodes, IRIs, literals), so the answer is one the
specification allows.

For a string (plain or with a language) and an IRI the kind key also carries the value,
after its kind and a space (below every character a kind can hold, so kinds keep their
order): ``"4<xsd:string>@ Brazil"``, ``"2https://..."``. The engine compares a stored
string or IRI by reading it from the store at each comparison (one RocksDB read a side,
most of the time of sorting a large answer); a key it made itself it compares in memory.
Within such a kind the engine orders values by their characters, as it orders the key, so
the order is the same as with the kind alone, and the variable that follows decides only
between equal values.

Keys that are other expressions are left as written; should one crash the engine, the
query process dies alone and the client is told why (``server.worker_pool``).
"""

from __future__ import annotations

from functools import lru_cache

from server.sparql_scan import Token, tokens

_DIRECTIONS = ("ASC", "DESC")
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def kind_key(variable: str) -> str:
    """A SPARQL expression naming the kind of value ``variable`` holds, as a string (so
    the keys themselves always compare), followed by the value itself for a string or an
    IRI; unbound stays unbound, which sorts first. A plain string, the commonest key, is
    told first, with the fewest readings of the value."""
    # One expression for every literal (its datatype, language and zone, then the text of
    # a string), written once: the engine parses and plans the key with every query, and
    # on a small graph that cost more than sorting (a third of a millisecond for two
    # keys written out branch by branch, twice the text).
    v = variable
    return (
        f'IF(isLITERAL({v}), IF(isNUMERIC({v}), IF({v} = {v}, "3", "3n"), '
        f'CONCAT("4", STR(DATATYPE({v})), "@", LANG({v}), '
        f'IF(COALESCE(TZ({v}) != "", false), "z", ""), '
        f'IF(LANG({v}) != "" || DATATYPE({v}) = <{_XSD_STRING}>, CONCAT(" ", STR({v})), ""))), '
        f'IF(isIRI({v}), CONCAT("2", STR({v})), "1"))'
    )


def _closing(toks: list[Token], opening: int) -> int | None:
    """Index of the bracket closing the one at ``opening``."""
    level = 0
    for i in range(opening, len(toks)):
        if toks[i].text == "(" and toks[i].kind == "other":
            level += 1
        elif toks[i].text == ")" and toks[i].kind == "other":
            level -= 1
            if level == 0:
                return i
    return None


def _conditions(toks: list[Token], start: int) -> list[tuple[int, int, str | None, str]]:
    """The ORDER BY conditions from ``toks[start]`` on: (first, last) token indexes, the
    variable if the condition is one (possibly in ASC/DESC), and its direction."""
    found = []
    i = start
    while i < len(toks):
        tok = toks[i]
        if tok.kind == "var":
            found.append((i, i, tok.text, "ASC"))
            i += 1
            continue
        word = tok.text.upper() if tok.kind in ("word", "pname") else None
        opens = i + 1 < len(toks) and toks[i + 1].text == "("
        if tok.text == "(" and tok.kind == "other":
            end = _closing(toks, i)
        elif word is not None and opens:
            end = _closing(toks, i + 1)
        else:
            break  # LIMIT, OFFSET, VALUES, a closing brace or the end: no more keys
        if end is None:
            break
        inner = toks[i + 2 : end] if word else []
        variable = inner[0].text if len(inner) == 1 and inner[0].kind == "var" else None
        if word in _DIRECTIONS and variable is not None:
            found.append((i, end, variable, word))
        else:
            found.append((i, end, None, "ASC"))
        i = end + 1
    return found


@lru_cache(maxsize=1024)
def with_total_order(text: str) -> str:
    """``text`` with a kind key before every variable ORDER BY key (every ORDER BY, also
    in subqueries); the text itself when it sorts on nothing."""
    toks = tokens(text)
    edits: list[tuple[int, int, str]] = []
    for i, tok in enumerate(toks[:-1]):
        if tok.kind != "word" or tok.text.upper() != "ORDER":
            continue
        if toks[i + 1].kind != "word" or toks[i + 1].text.upper() != "BY":
            continue
        for first, last, variable, direction in _conditions(toks, i + 2):
            if variable is None:
                continue
            start = toks[first].start
            end = toks[last].start + len(toks[last].text)
            edits.append((start, end, f"{direction}({kind_key(variable)}) {direction}({variable})"))
    for start, end, replacement in reversed(edits):
        text = text[:start] + replacement + text[end:]
    return text
