"""Answers sorted by a build-time rank, cut at the row cap before they are made whole.

The engine sorts an answer whole before its first row, so a list of 29,000 partners
costs its six lookups a row 29,000 times even when 10,001 rows are sent (ROW_LIMIT).
A saved query whose rows come in the order of one integer the build wrote (top-partners:
``csk:partnerRank``) declares it in its header, ``#+ rank: ?rank``, and promises that
its only sort key is ``ORDER BY ?rank`` and that every row binds it. Its answer is then
the rows ranked at most R followed by the rows ranked above R, each part in the same
order, and the engine sets the other part aside at the rank's own triple (a FILTER on
the rank). A rank is not the row's place (``graph/rank_values.py``: a row added to a
list leaves the others' ranks be), but it starts with the row's page (16 rows, then
pages doubling up to 1,024 rows), so R is the largest rank of the pages that hold the
first rows up to the cap: those pages hold at least that many rows, at most twice as
many or 1,023 more. ``server.evaluate`` evaluates the
first part; when it holds more rows than the cap, those begin the whole answer and the
rest is never made; otherwise the second part (with the LIMIT still needed) follows it,
so the answer is never changed.

When the first part is short, the second is evaluated only if some rank above R exists:
an ``ASK`` on the rank's own triple pattern (``rank_predicate``), far cheaper than the
query again. On the real graph every rank is below R, and the second evaluation of the
whole query cost a ranked list a third of its time.
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.rank_values import page_end
from server import sparql_scan
from server.sparql_scan import tokens

_RANK = re.compile(r"^#\+\s*rank:\s*\?([A-Za-z_][A-Za-z0-9_]*)\s*$", re.MULTILINE)
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


@lru_cache(maxsize=1024)
def rank_variable(sparql: str) -> str | None:
    """The variable a ``#+ rank: ?name`` header line declares, if the text ends with
    ``ORDER BY ?name`` (comments aside), as a saved query's loading checks; else None."""
    match = _RANK.search(sparql)
    if match is None:
        return None
    code = "\n".join(line.split("#", 1)[0] for line in sparql.splitlines()).strip()
    order = re.search(rf"ORDER\s+BY\s+\?{match.group(1)}\s*\Z", code, re.IGNORECASE)
    return match.group(1) if order else None


def cut_rank(cap: int) -> int:
    """R for a cap of ``cap`` rows: the last rank of the pages holding the cap, one row to
    tell a truncated answer, and a tenth more for ranked subjects the query leaves out
    (China, a threshold)."""
    return page_end(cap + 1 + (cap + 1) // 10)


def ranked_text(sparql: str, condition: str) -> str | None:
    """``sparql`` with ``FILTER(condition)`` opening its first WHERE group (a FILTER holds
    for its whole group wherever it stands; the engine checks it as soon as the rank is
    read), or None without such a group."""
    offset = 0
    for line in sparql.splitlines(keepends=True):
        match = None if line.lstrip().startswith("#") else _WHERE.search(line)
        if match:
            at = offset + match.end()
            return f"{sparql[:at]}\n  FILTER({condition})  # a part of the ranks{sparql[at:]}"
        offset += len(line)
    return None


@lru_cache(maxsize=1024)
def part(
    sparql: str, variable: str, *, above: int | None = None, upto: int | None = None, rows: int
) -> str | None:
    """The rows ranked above ``above`` or at most ``upto``, at most ``rows`` of them
    (remembered: the same saved query comes again and again, and its text cost up to
    40 µs to make)."""
    condition = f"?{variable} <= {upto}" if upto is not None else f"?{variable} > {above}"
    text = ranked_text(sparql, condition)
    if text is None:
        return None
    return sparql_scan.with_row_limit(text, sparql_scan.inspect(text), rows) or text


# Tokens after which a variable is not bound by a triple pattern's object: a BIND's or a
# projection's AS, a VALUES block (the rank could then come from elsewhere).
_BINDS = frozenset({"AS", "VALUES"})
_PATH = frozenset({"|", "/", "^", "!", "*", "+", "?"})


@lru_cache(maxsize=1024)
def rank_predicate(sparql: str, variable: str) -> str | None:
    """The predicate of the one triple pattern that binds ``?variable`` (as its object,
    ``?s csk:partnerRank ?rank``), written as an IRI, when every row's rank is a value of
    that predicate in the query's default graph; None when it cannot be told so simply
    (another pattern, a path, a BIND or VALUES, GRAPH or FROM, an unknown prefix)."""
    toks = tokens(sparql)
    words = {t.text.upper() for t in toks if t.kind == "word"}
    if words & {"GRAPH", "FROM", "SERVICE"}:
        return None
    prefixes = {
        toks[i + 1].text: toks[i + 2].text[1:-1]
        for i in range(len(toks) - 2)
        if toks[i].kind == "word"
        and toks[i].text.upper() == "PREFIX"
        and toks[i + 1].kind == "pname"
        and toks[i + 2].kind == "iri"
    }
    found = set()
    for i, tok in enumerate(toks):
        if tok.kind != "var" or tok.text[1:] != variable or i == 0:
            continue
        before = toks[i - 1]
        if before.kind == "word" and before.text.upper() in _BINDS:
            return None
        if before.kind not in ("iri", "pname"):
            continue
        if i > 1 and toks[i - 2].text in _PATH:
            return None
        if before.kind == "iri":
            found.add(before.text)
        else:
            prefix, _, local = before.text.partition(":")
            if prefix + ":" not in prefixes:
                return None
            found.add(f"<{prefixes[prefix + ':']}{local}>")
    return found.pop() if len(found) == 1 else None


def above_text(predicate: str, above: int) -> str:
    """An ASK: is any value of ``predicate`` above ``above``?"""
    return f"ASK {{ ?subject {predicate} ?rank . FILTER(?rank > {above}) }}"
