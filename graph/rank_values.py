"""Rank values that keep their order when a row is added, without renumbering the list.

A saved list's rank (``csk:corroborationRank`` and the others) was the row's place, 1
first, so a row added near the top of a list moved every later row down by one: the
1,003rd article changed 14,948 lines of a 1,002-document build, 12,590 of them facts'
``csk:corroborationRank``, and each changed line is staged, validated again and written
again into the dumps. The saved queries only sort on the rank (``ORDER BY ?rank``) and the
server cuts its answer at "the first R rows" (``server/rank_cut.py``); neither needs the
places to be consecutive.

So a rank is now two numbers in one integer (below 2**63, the engine's integers):

- the row's *page*, in the bits from ``PAGE_SHIFT`` up: the server reads the first R rows
  as the pages that hold them (``rank_cut.cut_rank``). Pages hold ``PAGE_ROWS`` rows, but
  the first ones fewer (16, 16, 32, 64, ... 512 rows: ``page_of``), so that a small cap
  (a CLI ``--limit 10``) makes 16 rows, not 1,024, before its cut;
- below it, a *count* that grows along the list and that a row added or removed changes
  only for a few rows after it. Each row has a level drawn from a digest of its own
  identity (its IRI: level ``k`` for one row in ``4**k``, as in a skip list), and the
  count is a number of digits, one per level: a row of level ``k`` adds one to digit
  ``k`` and sets the digits below it to zero. A row added with level ``k`` raises the
  count only of the rows after it up to the next row of a higher level (three rows a
  level, on average); its page moves only the rows at the later pages' edges.

At 1,002 documents the 1,003rd article so changes 195 of 6,733 facts' ranks (dense
places: 6,620). The values depend on the list alone (its rows, in order, and their
IRIs), so two builds of the same corpus give the same ranks.
"""

from __future__ import annotations

import hashlib

from graph.errors import StoreError

PAGE_ROWS = 1024  # rows a full page: a cut reads whole pages (at most 2R rows, or R + 1,023)
_FIRST_ROWS = 16  # rows of the first page; each page up to PAGE_ROWS holds as many as before it
_SMALL = (PAGE_ROWS // _FIRST_ROWS).bit_length() - 1  # pages before the first full one (6)
PAGE_SHIFT = 48  # a rank's page is ``rank >> PAGE_SHIFT``
_LEVEL_BITS = 2  # a row has level >= k with chance 4**-k
_DIGIT_BITS = 7  # digits of levels below the top: a carry past 127 raises the row's level
_LEVELS = 6  # levels 0 to 5; the top digit has the bits left below the page
_TOP_BITS = PAGE_SHIFT - _DIGIT_BITS * (_LEVELS - 1)
_MAX_PAGE = (2**63 - 1) >> PAGE_SHIFT


def page_of(index: int) -> int:
    """The page of the list's row at ``index`` (0 first): rows 0-15 page 0, 16-31 page 1,
    32-63 page 2, ... 512-1,023 page 6, then 1,024 rows a page."""
    if index >= PAGE_ROWS:
        return _SMALL + index // PAGE_ROWS
    return max(0, index.bit_length() - _FIRST_ROWS.bit_length() + 1)


def page_end(rows: int) -> int:
    """The largest rank a row of the pages holding a list's first ``rows`` rows can have:
    every row ranked at most this is among the first ``rows`` rows' pages, and those pages
    hold at least ``rows`` rows when the list has that many (at most twice as many, or
    1,023 more)."""
    return ((page_of(max(rows, 1) - 1) + 1) << PAGE_SHIFT) - 1


def _level(identity: str) -> int:
    """The row's level, from a digest of its identity (never Python's salted ``hash``)."""
    h = int.from_bytes(hashlib.blake2b(identity.encode(), digest_size=8).digest(), "little")
    level = 0
    while level < _LEVELS - 1 and not h & ((1 << _LEVEL_BITS) - 1):
        level += 1
        h >>= _LEVEL_BITS
    return level


class RankValues:
    """The ranks of one list's rows, given in the list's order: ``next`` for each row."""

    def __init__(self) -> None:
        self._rows = 0
        self._digits = [0] * _LEVELS

    def next(self, identity: str) -> int:
        """The rank of the list's next row, ``identity`` its IRI (or another string that
        names it alone); larger than every rank given before.

        :raises StoreError: the list is longer than a rank can count (millions of rows).
        """
        level = _level(identity)
        digits = self._digits
        while level < _LEVELS - 1 and digits[level] == (1 << _DIGIT_BITS) - 1:
            level += 1  # a carry: 127 rows of one level in a row (about never)
        if level == _LEVELS - 1 and digits[level] == (1 << _TOP_BITS) - 1:
            raise StoreError(f"a saved list of more than {self._rows:,} rows cannot be ranked")
        digits[level] += 1
        for lower in range(level):
            digits[lower] = 0
        page = page_of(self._rows)
        if page > _MAX_PAGE:
            raise StoreError(f"a saved list of more than {self._rows:,} rows cannot be ranked")
        self._rows += 1
        count = 0
        for k in range(_LEVELS - 1, -1, -1):
            count = (count << _DIGIT_BITS) | digits[k] if k < _LEVELS - 1 else digits[k]
        return (page << PAGE_SHIFT) | count
