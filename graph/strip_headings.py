"""A heading drawn as one row of cells: "1  CHANG'E-6 | far-side sample return |
launched 3 May 2024" between two rulings, or on a line of its own above prose or items.
By its pipes it looks like a table's row, but no header and no other row stand with it:
it heads the block under it, and its first cell names what the block is about."""

from __future__ import annotations

import re

from graph.line_kinds import RULE, TERMINAL, is_heading, is_table_row
from graph.text_lines import Line

# the first cell: an optional number, then a name of at most six words, in capitals or
# with capitals opening its words ("2  CHANG'E-7", "M3 | Tianwen-2", "CHINA SPACE STATION")
_FIRST_CELL = re.compile(
    r"^(?:[A-Z]?\d{1,2}[.)]?\s+)?(?:[A-Z][\w'\u2019.-]*)(?:\s+[A-Z0-9][\w'\u2019.-]*){0,5}\s*\|"
)


def strip_heading(prev: Line | None, line: Line, following: list[Line]) -> bool:
    """Whether ``line`` is a row of cells standing alone as a block's heading: set off
    above (a ruling, a blank line, a sentence's end or the text's start), with no row of
    cells in the ``following`` lines (the next two) under it."""
    text = line.text
    if "|" not in text or not is_table_row(text) or text.endswith(TERMINAL[:3]):
        return False
    set_off = (
        prev is None
        or line.blank_before
        or RULE.match(prev.text) is not None
        or prev.text.endswith(TERMINAL[:3])  # (a ruling under a paragraph is not kept)
    )
    # (a table's header has its rows under it, past the ruling under the header)
    nxt = next((f for f in following if RULE.match(f.text) is None), None)
    alone = nxt is None or not is_table_row(nxt.text)
    if prev is not None and is_table_row(prev.text):
        return False
    return set_off and alone and _FIRST_CELL.match(text) is not None


def ruled_strip(prev: Line, line: Line, following: list[Line]) -> bool:
    """Whether ``line``, right under a ruling, is a block's strip ("3  STATION | guest
    experiments", "1  CHANG'E-6 | sample return | launched 2024"): it starts a paragraph
    of its own, whatever the ruling's characters."""
    return RULE.match(prev.text) is not None and (
        ("|" in line.text and is_heading(line.text)) or strip_heading(prev, line, following)
    )
