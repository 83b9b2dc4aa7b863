"""Records of labelled fields: a database export, a register of treaties, an infobox
("Title: ...", "Parties: A; B", "Signed: 14 October 2019"). One record states one thing
across several short lines, none of which is a sentence, so the sentence rules cannot
read it; ``graph.relations_records`` reads the records this module finds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# "Date of signature: 2015-11-23", "Parties: ...": a short label, a colon, a value
_FIELD = re.compile(
    r"^[ \t]*(?:[-*\u2022\u00b7][ \t]+)?(?P<label>[A-Z][A-Za-z]*(?:[ /-][A-Za-z()]+){0,4})"
    r"[ \t]*:[ \t]+(?P<value>\S[^\n]*?)[ \t]*$",
    re.MULTILINE,
)
_MIN_FIELDS = 3  # fewer is a line or two of prose with a colon, not a record


@dataclass(frozen=True)
class Field:
    label: str  # lower case, single spaces: "date of signature"
    value: str
    start: int  # the line's span in clean text
    end: int
    value_start: int


@dataclass(frozen=True)
class Record:
    fields: tuple[Field, ...]

    @property
    def start(self) -> int:
        return self.fields[0].start

    @property
    def end(self) -> int:
        return self.fields[-1].end

    def first(self, labels: frozenset[str]) -> Field | None:
        """The first field whose label is one of ``labels`` (or ends with one)."""
        return next(
            (f for f in self.fields if f.label in labels or f.label.split()[-1] in labels),
            None,
        )


def records(text: str) -> list[Record]:
    """Runs of at least three consecutive field lines (a blank line may separate two
    fields of one record; any other line, or a label said again, ends it)."""
    out: list[Record] = []
    run: list[Field] = []
    last_end = -1
    for m in _FIELD.finditer(text):
        between = text[last_end : m.start()] if last_end >= 0 else ""
        label = " ".join(m.group("label").lower().split())
        # another line between, or a label said again: the next record
        if run and (between.strip() or label in {f.label for f in run}):
            out += [Record(tuple(run))] if len(run) >= _MIN_FIELDS else []
            run = []
        run.append(Field(label, m.group("value"), m.start("label"), m.end(), m.start("value")))
        last_end = m.end()
    if len(run) >= _MIN_FIELDS:
        out.append(Record(tuple(run)))
    return out
