"""Hanging indents in plain text: a list whose entries wrap deeper than they start
("  Belarus (2016) - Belintersat-1, a satellite built" / "    by CAST for Belarus"). A
line back at the entry's indent starts the next entry; a first-line indent, where the
deeper line opens a paragraph after a full stop, is no such list. Used by
``graph.normalise`` while it joins wrapped lines."""

from __future__ import annotations

from graph.line_kinds import ANY_FIELD, TERMINAL
from graph.text_lines import Line


def entry_indent(entry: int | None, prev: Line, line: Line) -> int | None:
    """The indent of the entry being read after ``line``: set when ``line`` goes on with
    the line before set in deeper, cleared at a blank line or a lesser indent."""
    if line.blank_before or (entry is not None and line.indent < entry):
        entry = None
    if (
        line.indent > prev.indent
        and not line.blank_before
        and not prev.text.endswith(TERMINAL)
        and line.text[:1].islower()
    ):
        entry = prev.indent
    return entry


def starts_next_entry(entry: int | None, prev: Line, line: Line) -> bool:
    """Whether ``line``, back at the entry's indent after its deeper wrap, is the next entry."""
    return (
        entry is not None
        and line.indent == entry
        and prev.indent > entry
        and (line.text[:1].isupper() or line.text[:1].isdigit())
    )


def hangs_under(prev: Line, line: Line) -> bool:
    """Whether ``line`` goes on with the list line above it: set in deeper, with no blank
    line between, in small letters."""
    return line.indent > prev.indent and not line.blank_before and line.text[:1].islower()


def next_field_line(field_indent: int | None, line: Line) -> bool:
    """Whether a "Label: value" line follows one like it at the same indent
    ("Norway (University of Oslo): tumour cells" under "Switzerland (...): POLAR-2, a
    ..."): the next line of the same list, not a heading over what follows."""
    return (
        field_indent is not None
        and line.indent == field_indent
        and not line.blank_before
        and ANY_FIELD.match(line.text) is not None
    )
