"""The rows of a table drawn with pipes whose cells wrap onto the lines below, read as
one row each.

A table drawn in a fixed width wraps a long cell onto the next line, which leaves the
first cell blank and goes on under the cells it continues::

    | Mar 2021 | Andean Remote Sensing   | letter of intent on a |
    |          | Centre; CAST            | radar satellite       |

Read line by line, each line is a row of its own and every cell is cut in two. A line
goes on with the row above when its first cell is blank, its pipes stand where the row's
do, and each of its words could not have fitted on the line above (that is why the cell
wrapped) or the cell above stops on a word that runs on ("of", "and", a hyphen). A blank
first cell under a full row that starts a cell afresh ("| | 2021 | agreement |") is a row
of its own, as is a line whose number stands under a number ("2019" over "2022"), which
no narrow column wraps. Every character keeps its offset in the file (``Line.offsets``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (the lines module reads its lines through this one)
    from graph.text_lines import Line

_NUMBER = re.compile(r"[\d\s.,/:%-]+")
_RUNS_ON = re.compile(r"(?:\b(?:the|a|an|of|and|or|on|in|to|for|with|by|from|at)|[-,;/])$", re.I)


def _pipes(line: Line) -> list[int] | None:
    """Where a drawn row's pipes stand (from the margin), or None for any other line."""
    text = line.text
    if not (text.startswith("|") and text.endswith("|")) or text.count("|") < 3:
        return None
    return [line.indent + i for i, ch in enumerate(text) if ch == "|"]


def _cells(line: Line) -> list[tuple[int, int]]:
    """Each cell's text as a span of the line's text, without its padding."""
    text = line.text
    bars = [i for i, ch in enumerate(text) if ch == "|"]
    out = []
    for a, b in pairwise(bars):
        inner = text[a + 1 : b]
        lead = len(inner) - len(inner.lstrip())
        out.append((a + 1 + lead, a + 1 + lead + len(inner.strip())))
    return out


def _goes_on(above: str, below: str, width: int) -> bool:
    """Whether a cell's text below goes on with the text above it: its first word did
    not fit beside the text above, or the text above runs on."""
    if _NUMBER.fullmatch(above) and _NUMBER.match(below):
        return False  # "2019" over "2022": a value of its own, however narrow the column
    first = below.split()[0]
    return len(above) + 1 + len(first) > width - 2 or bool(_RUNS_ON.search(above))


def _continues(row: list[str], line: Line, pipes: list[int]) -> bool:
    if line.blank_before or _pipes(line) != pipes:
        return False
    cells = [line.text[a:b] for a, b in _cells(line)]
    if cells[0] or not any(cells):
        return False
    widths = [b - a - 1 for a, b in pairwise(pipes)]
    return all(
        not below or (above and _goes_on(above, below, width))
        for above, below, width in zip(row, cells, widths, strict=True)
    )


def _joined(lines: list[Line]) -> Line:
    """The row with each cell's wrapped pieces after its own, one space between them."""
    first = lines[0]
    chars: list[str] = ["|"]
    offsets: list[int] = [first.start]
    spans = [_cells(line) for line in lines]
    bars = [i for i, ch in enumerate(first.text) if ch == "|"]
    for n in range(len(bars) - 1):
        chars.append(" ")
        offsets.append(first.start + bars[n])
        pieces = [
            (line, cells[n])
            for line, cells in zip(lines, spans, strict=True)
            if cells[n][1] > cells[n][0]
        ]
        for k, (line, (a, b)) in enumerate(pieces):
            if k:
                chars.append(" ")
                offsets.append(line.start + a - 1)
            chars.extend(line.text[a:b])
            offsets.extend(line.start + i for i in range(a, b))
        chars.extend(" |")
        offsets.extend((first.start + bars[n + 1], first.start + bars[n + 1]))
    return replace(first, text="".join(chars), offsets=tuple(offsets))


def rejoin_pipe_rows(lines: list[Line]) -> list[Line]:
    """The lines with each drawn row's wrapped cells joined back into the row."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        pipes = _pipes(line)
        if pipes is None or line.offsets:
            out.append(line)
            continue
        row = [line.text[a:b] for a, b in _cells(line)]
        if not row[0]:
            out.append(line)
            continue
        group = [line]
        while i < len(lines) and _continues(row, lines[i], pipes):
            below = [lines[i].text[a:b] for a, b in _cells(lines[i])]
            row = [b or a for a, b in zip(row, below, strict=True)]
            group.append(lines[i])
            i += 1
        out.append(_joined(group) if len(group) > 1 else line)
    return out
