"""Answers sorted by a build-time rank, cut at the row cap before they are made whole.

The engine sorts an answer whole before its first row, so a list of 29,000 partners
costs its six lookups a row 29,000 times even when 10,001 rows are sent (ROW_LIMIT).
A saved query whose rows come in the order of one integer the build wrote (top-partners:
``csk:partnerRank``) declares it in its header, ``#+ rank: ?rank``, and promises that
its only sort key is ``ORDER BY ?rank`` and that every row binds it. Its answer is then
the rows ranked at most R followed by the rows ranked above R, each part in the same
order, and the engine sets the other part aside at the rank's own triple (a FILTER on
the rank). ``server.evaluate`` evaluates the first part; when it holds more rows than
the cap, those begin the whole answer and the rest is never made; otherwise the second
part (with the LIMIT still needed) follows it, so the answer is never changed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from server import sparql_scan

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
    """R for a cap of ``cap`` rows: the cap, one row to tell a truncated answer, and a
    tenth more for ranked subjects the query leaves out (China, a threshold)."""
    return cap + 1 + (cap + 1) // 10


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


def part(sparql: str, variable: str, *, above: int | None = None, upto: int | None = None,
         rows: int) -> str | None:
    """The rows ranked above ``above`` or at most ``upto``, at most ``rows`` of them."""
    condition = f"?{variable} <= {upto}" if upto is not None else f"?{variable} > {above}"
    text = ranked_text(sparql, condition)
    if text is None:
        return None
    return sparql_scan.with_row_limit(text, sparql_scan.inspect(text), rows) or text
