"""The rows of a table set out in columns of spaces whose cells wrap onto the lines
below, read as one row each.

A typed table narrower than its cells wraps them: the next lines leave the first
column blank and set their words in under the cell they go on with::

    2019-05-14   ESA / CNSA      letter of intent on lunar
                                 sample exchange

Read line by line, the row loses the rest of its cells and the lines below end the
table. Joined cell by cell, the row reads whole, and every character keeps its place in
the file (``Line.offsets``), so the row's evidence is still the file's own text.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from graph.line_kinds import RULE, is_table_row

if TYPE_CHECKING:  # (the lines module reads its lines through this one)
    from graph.normalise import CleanText
    from graph.text_lines import Line

# a cell: words parted by single spaces (two spaces or a tab part cells, as the cleaner
# parts them)
_PIECE = re.compile(r"[^\t ]+(?: [^\t ]+)*")


def _pieces(line: Line) -> list[tuple[int, int, int]]:
    """A line's cells as (column, start, end): the column from the margin, the span in
    the line's text."""
    return [(line.indent + m.start(), m.start(), m.end()) for m in _PIECE.finditer(line.text)]


def _is_row(line: Line, pieces: list[tuple[int, int, int]], columns: list[int] | None) -> bool:
    """A row of an aligned table: three cells or more, or cells set in the columns of the
    header or ruling above (two spaces may part them where a cell fills its column); not
    a form's field ("Function:   Earth observation"), whose value wraps as prose."""
    if "|" in line.text or line.offsets or len(pieces) < 2:
        return False
    if line.text[: pieces[0][2]].endswith(":"):
        return False
    starts = [c for c, _a, _b in pieces]
    aligned = columns is not None and starts[0] == columns[0] and set(starts) <= set(columns)
    return aligned or is_table_row(line.text)


def _wrap_of(line: Line, columns: list[int]) -> list[tuple[int, int, int]] | None:
    """The cells of a line that goes on with the row above: set in past its first
    column, each under one of the row's later cells; None for any other line."""
    if line.blank_before or RULE.match(line.text) or line.indent <= columns[0]:
        return None
    cells = _pieces(line)
    if not cells or any(c not in columns[1:] for c, _a, _b in cells):
        return None
    return cells


def _joined(row: Line, wraps: list[tuple[Line, list[tuple[int, int, int]]]]) -> Line:
    """The row with each wrapped piece after the cell it continues, cells parted by a
    tab; each character mapped to its offset in the file."""
    chars: list[str] = []
    offsets: list[int] = []
    cells = _pieces(row)
    for n, (column, start, end) in enumerate(cells):
        if n:
            chars.append("\t")
            offsets.append(row.start + cells[n - 1][2])  # the gap before the cell
        chars.extend(row.text[start:end])
        offsets.extend(range(row.start + start, row.start + end))
        for line, pieces in wraps:
            for c, a, b in pieces:
                if c == column:
                    chars.append(" ")
                    offsets.append(line.start + a - 1)
                    chars.extend(line.text[a:b])
                    offsets.extend(range(line.start + a, line.start + b))
    return replace(row, text="".join(chars), offsets=tuple(offsets))


def rejoin_wrapped_cells(lines: list[Line]) -> list[Line]:
    """The lines with each table row's wrapped cells joined back into the row."""
    out: list[Line] = []
    columns: list[int] | None = None  # where the cells of the table being read start
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        pieces = _pieces(line)
        starts = [c for c, _a, _b in pieces]
        if RULE.match(line.text) or (
            is_table_row(line.text) and not _is_row(line, pieces, columns)
        ):
            # a header, or the ruling under it: the columns of the rows to come
            columns = starts if len(starts) >= 2 and "|" not in line.text else None
            out.append(line)
            continue
        if not _is_row(line, pieces, columns):
            columns = None
            out.append(line)
            continue
        columns = columns or starts
        wraps = []
        while i < len(lines) and (cells := _wrap_of(lines[i], starts)) is not None:
            wraps.append((lines[i], cells))
            i += 1
        # (a row whose cells two spaces part is set out with tabs, as the cleaner reads rows)
        out.append(_joined(line, wraps) if wraps or not is_table_row(line.text) else line)
    return out


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def reads_apart(raw: str, clean: CleanText, start: int, end: int) -> bool:
    """Whether the file's text over a clean span holds other words than the span: a name
    whose cell wraps in a middle column ("South African National" / "Space Agency") has
    the next cells' words between its lines, so the file quotes no such name."""
    a, b = clean.to_raw(start, end)
    return _letters(raw[a:b]) != _letters(clean.text[start:end])
