"""A SPARQL lexer just deep enough to judge a query before it reaches the engine.

The endpoint must know three things before evaluating a query: its form (to negotiate
a result format), whether it is an update or uses ``SERVICE`` (both refused: the
endpoint is read-only and never makes outbound requests), and where its outermost
``LIMIT`` goes (to enforce the row cap inside the engine, so an enormous result is never
computed). A substring test would refuse ``?service`` or a literal mentioning the word
and miss nothing clever; the tokens below follow the SPARQL grammar's terminals (strings,
IRIs, comments, variables, prefixed names), so a keyword is only a keyword where the
engine would read one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from graph.errors import QueryError

_TOKEN = re.compile(
    r"""
      (?P<ws>\s+)
    | (?P<comment>\#[^\n\r]*)
    | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''
                | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
                | '(?:[^'\\\n\r]|\\.)*'
                | "(?:[^"\\\n\r]|\\.)*")
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$][\w\u00B7-\uFFFF]+)
    | (?P<bnode>_:[\w\u00B7-\uFFFF][\w.\-\u00B7-\uFFFF]*)
    | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    | (?P<pname>(?:[A-Za-z\u00C0-\uFFFF][\w.\-\u00B7-\uFFFF]*)?:(?:[\w.\-:%\\\u00B7-\uFFFF])*)
    | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
    | (?P<number>[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_WORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    start: int
    depth: int  # brace depth before the token: 0 is the query's outermost level


@dataclass(frozen=True)
class QueryShape:
    """What the endpoint needs to know about a query before running it."""

    form: str | None  # SELECT, ASK, CONSTRUCT, DESCRIBE; None when not a query
    is_update: bool
    uses_service: bool
    limit: int | None  # the outermost LIMIT, if any
    limit_token: Token | None
    values_token: Token | None  # a trailing outermost VALUES clause
    nesting: int = 0  # deepest nesting of { ( [ anywhere in the query


def tokens(text: str) -> list[Token]:
    """Significant tokens (no whitespace or comments) with their brace depth."""
    out: list[Token] = []
    depth = 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind in ("ws", "comment"):
            continue
        value = match.group()
        if kind == "other" and value == "}":
            depth = max(depth - 1, 0)
        out.append(Token(kind, value, match.start(), depth))
        if kind == "other" and value == "{":
            depth += 1
    return out


def _unescape(text: str) -> str:
    """The query as the SPARQL spec reads it: codepoint escapes decoded first."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def _mentions_service(toks: list[Token]) -> bool:
    return any(t.kind == "word" and t.text.upper() == "SERVICE" for t in toks)


@lru_cache(maxsize=2048)
def inspect(text: str) -> QueryShape:
    """Read the form, update keywords, SERVICE use and the outermost LIMIT of ``text``.

    Cached by text: saved queries and resource pages send the same few texts again and
    again, and a shape depends on nothing else.
    """
    toks = tokens(text)
    uses_service = _mentions_service(toks)
    if not uses_service and ("\\u" in text or "\\U" in text):
        # Some engines decode escapes before parsing, as the spec says: judge that text too.
        uses_service = _mentions_service(tokens(_unescape(text)))
    form = None
    is_update = False
    for tok in toks:
        if tok.kind != "word":
            continue
        word = tok.text.upper()
        if word in QUERY_FORMS:
            form = word
            break
        if word in UPDATE_WORDS:
            is_update = True
            break
    limit = limit_token = values_token = None
    for i, tok in enumerate(toks):
        if tok.depth or tok.kind != "word":
            continue
        word = tok.text.upper()
        if word == "LIMIT" and i + 1 < len(toks) and toks[i + 1].kind == "number":
            limit_token = toks[i + 1]
            limit = int(float(limit_token.text))
        elif word == "VALUES" and form is not None:
            values_token = tok
    return QueryShape(
        form, is_update, uses_service, limit, limit_token, values_token, _nesting(toks)
    )


def _nesting(toks: list[Token]) -> int:
    """The deepest nesting of groups and brackets: the engine's parser recurses per level."""
    deepest = level = 0
    for tok in toks:
        if tok.kind != "other":
            continue
        if tok.text in "{([":
            level += 1
            deepest = max(deepest, level)
        elif tok.text in "})]":
            level = max(level - 1, 0)
    return deepest


def with_row_limit(text: str, shape: QueryShape, rows: int) -> str | None:
    """``text`` with its outermost LIMIT lowered to ``rows``; None if it already asks for
    no more than that. Solution modifiers come before a trailing VALUES clause, so the
    LIMIT is written there, or at the end on its own line (after any final comment)."""
    if shape.limit is not None and shape.limit <= rows:
        return None
    if shape.limit_token is not None:
        tok = shape.limit_token
        return f"{text[: tok.start]}{rows}{text[tok.start + len(tok.text) :]}"
    if shape.values_token is not None:
        at = shape.values_token.start
        return f"{text[:at]}LIMIT {rows}\n{text[at:]}"
    return f"{text}\nLIMIT {rows}\n"


_POSITION = re.compile(r"^error at (\d+):(\d+): ?")


def syntax_message(engine_message: str) -> str:
    """pyoxigraph's ``error at 3:2: expected X`` as ``line 3, column 2: expected X``."""
    match = _POSITION.match(engine_message)
    if not match:
        return f"SPARQL syntax error: {engine_message}"
    line, column = match.groups()
    return f"SPARQL syntax error at line {line}, column {column}: {engine_message[match.end() :]}"


def bind_values(sparql: str, substitutions: Mapping[str, Any]) -> str:
    """``sparql`` with the bindings as a VALUES block opening its outermost WHERE group, so
    they are joined first and the engine plans with them (the embedded backend adds them
    as ``substitutions`` too, the remote one can only send this), and written as terms
    where a FILTER or HAVING condition reads them (``_condition_variables``). The terms
    are written by pyoxigraph (``str`` of a term is its N-Triples form, IRIs validated and
    literals escaped when the term was made), so a value can never close the block or a
    condition and add query text.

    :raises QueryError: no WHERE group to put them in.
    """
    at = _pattern_start(sparql)
    if at is None:
        raise QueryError("cannot bind parameters: the query has no WHERE group")
    names = " ".join(f"?{name}" for name in substitutions)
    row = " ".join(str(term) for term in substitutions.values())
    edits = [
        (start, end, str(substitutions[name]))
        for start, end, name in _condition_variables(sparql)
        if name in substitutions
    ]
    edits.append((at, at, f" VALUES ({names}) {{ ({row}) }} "))
    text = sparql
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


@lru_cache(maxsize=2048)
def _condition_variables(sparql: str) -> tuple[tuple[int, int, str], ...]:
    """Where each variable stands (start, end, name) inside a FILTER or HAVING condition.

    A parameter read only by a condition ("facts in at least ``?mindocs`` documents")
    shares no variable with the patterns, so the engine joins its VALUES block last, after
    reading every candidate and everything else about it, and only then filters. Written
    as a term, the condition is one the engine applies as soon as the candidate's own
    variables are bound (facts-in-several-documents: 40 % less time on the 100x graph).
    The parameter has one value wherever it appears, as ``substitutions`` already have it,
    so the answers are the same. Cached: a saved query's text repeats."""
    toks = tokens(sparql)
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(toks):
        first = _condition_start(toks, i)
        end = _closing_bracket(toks, first) if first is not None else None
        if first is None or end is None:
            i += 1
            continue
        found += [
            (t.start, t.start + len(t.text), t.text[1:]) for t in toks[first:end] if t.kind == "var"
        ]
        i = end + 1
    return tuple(found)


def _condition_start(toks: list[Token], i: int) -> int | None:
    """Index of the bracket opening the condition of a FILTER or HAVING at ``i``
    (``FILTER(...)``, ``FILTER regex(...)``); None for anything else, and for
    ``FILTER [NOT] EXISTS``, whose group is patterns."""
    if toks[i].kind != "word" or toks[i].text.upper() not in ("FILTER", "HAVING"):
        return None
    following = toks[i + 1 : i + 3]
    if following and following[0].text == "(":
        return i + 1
    if len(following) == 2 and following[1].text == "(" and following[0].kind in ("word", "pname"):
        return None if following[0].text.upper() in ("EXISTS", "NOT") else i + 2
    return None


def _closing_bracket(toks: list[Token], opening: int) -> int | None:
    level = 0
    for j in range(opening, len(toks)):
        if toks[j].kind != "other":
            continue
        if toks[j].text in "([{":
            level += 1
        elif toks[j].text in ")]}":
            level -= 1
            if level == 0:
                return j
    return None


@lru_cache(maxsize=2048)
def _pattern_start(sparql: str) -> int | None:
    """Offset just inside the outermost WHERE group, or None. Cached: a saved query's
    text is the same on every call, and scanning it costs far more than evaluating a
    small query."""
    form = None
    after_where = False
    for tok in tokens(sparql):
        if tok.depth:
            continue
        if tok.kind == "word":
            word = tok.text.upper()
            if form is None and word in QUERY_FORMS:
                form = word
            elif word == "WHERE":
                after_where = True
        elif tok.text == "{" and form is not None:
            if form == "CONSTRUCT" and not after_where:
                continue  # the template, not the pattern
            return tok.start + 1
    return None
