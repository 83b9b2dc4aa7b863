"""The columns of a plain-text table set out with spaces, found by how its rows line up.

A table without pipes or grid lines parts its cells with runs of spaces, and how wide a
run is says little: a header label may stand one space from the next ("No. Partner"), a
cell filled to its column leaves one space before the next, and a narrow table parts
every cell with two. What does not change from row to row is where the columns start:
each starts where, in every line of the table, a space stands just before it. So the
columns are read from the whole block of lines at once (a ruling's dashes under the
header keep a column whole), and every row is cut at the same places, whatever
the width of its gaps. The cleaner (``graph.normalise``) turns each cut into a tab, so
the rows reach the table reader (``graph.tables``) as rows of any other layout do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from graph.line_kinds import is_table_row
from graph.text_lines import Line

# a run of two or more spaces (or a tab) inside a line: a gap a column may stand behind
_GAP = re.compile(r"\t|\s{2,}")
# a ruling of dashes under the header, its runs of dashes as wide as the columns
_DASHES = re.compile(r"^[-=\u2500\u2501\u2550]+(?:\s+[-=\u2500\u2501\u2550]+)+$")
_MIN_ROWS = 3  # a header and two rows, or two rows under a ruling


def _row_like(line: Line) -> bool:
    """A line that may be a row: two gaps or more, no pipes, not rejoined from pieces."""
    return "|" not in line.text and not line.offsets and len(_GAP.findall(line.text)) >= 2


def _blocks(lines: Sequence[Line]) -> list[list[int]]:
    """Runs of adjacent row-like lines (a ruling may stand among them)."""
    blocks: list[list[int]] = []
    run: list[int] = []
    for i, line in enumerate(lines):
        fits = _row_like(line) or bool(_DASHES.match(line.text))
        if fits and run and not line.blank_before:
            run.append(i)
        else:
            if run:
                blocks.append(run)
            run = [i] if fits else []
    if run:
        blocks.append(run)
    return blocks


def _grid(line: Line, width: int) -> str:
    """The line as it stands on the page, from the margin, padded to ``width``."""
    return (" " * line.indent + line.text.replace("\t", " ")).ljust(width)


def column_starts(lines: Sequence[Line]) -> list[int]:
    """Where the columns of one table start, from the margin: where every line (a
    ruling's dashes too) has a space just before, and some line has text after a wide
    gap (two rows that both say "Long March 3B" do not part "3B" from the rest)."""
    width = max(ln.indent + len(ln.text) for ln in lines) + 2
    pages = [_grid(ln, width) for ln in lines]
    return [
        c
        for c in range(width)
        if all(p[c - 1] == " " for p in pages)
        and any(p[c] != " " and (c < 2 or p[c - 2] == " ") for p in pages)
    ]


def aligned_tables(lines: Sequence[Line]) -> dict[int, list[int]]:
    """Each line of a table set out in aligned columns, with the starts of its columns
    (from the margin). A block of three lines or more, each with two wide gaps or more,
    is such a table when its lines line up in three columns or more."""
    tables: dict[int, list[int]] = {}
    for block in _blocks(lines):
        rows = [lines[i] for i in block if not _DASHES.match(lines[i].text)]
        if len(block) < _MIN_ROWS or len(rows) < 2:
            continue
        starts = column_starts([lines[i] for i in block])
        if len(starts) < 3:
            continue
        for i in block:
            tables[i] = starts
    return tables


def gap_columns(line: Line, prev: Line | None, header: list[int]) -> tuple[list[int], list[int]]:
    """The column starts of the table a row belongs to, read from its first row's gaps
    (from the margin), and the same in the row's own offsets; none outside such tables.
    The reading row by row that ``aligned_tables`` corrects where a whole block lines up."""
    if not is_table_row(line.text) or "|" in line.text or line.offsets:
        return [], []  # (a row whose wrapped cells were joined back: its tabs part them)
    if prev is None or not is_table_row(prev.text) or not header:
        starts = [m.end() for m in re.finditer(r"\t|\s{2,}", line.text)]
        header = [line.indent, *(line.indent + c for c in starts)]
    return header, [c - line.indent for c in header]
