"""Records of labelled fields: a database export, a register of treaties, an infobox
("Title: ...", "Parties: A; B", "Signed: 14 October 2019"). One record states one thing
across several short lines, none of which is a sentence, so the sentence rules cannot
read it; ``graph.relations_records`` reads the records this module finds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# "Date of signature: 2015-11-23", "Parties: ...": a short label, a colon, a value
_FIELD = re.compile(
    r"^[ \t]*(?:[-*\u2022\u00b7][ \t]+)?(?P<label>[A-Z][A-Za-z]*(?:[ /-][A-Za-z()]+){0,4})"
    r"[ \t]*:[ \t]+(?P<value>\S[^\n]*?)[ \t]*$",
    re.MULTILINE,
)
# the lines between two fields that go on with the first one's value: indented, or
# starting in small letters
_CONTINUED = re.compile(r"\n(?:[ \t]+\S[^\n]*|[a-z][^\n]*)(?:\n(?:[ \t]+\S[^\n]*|[a-z][^\n]*))*\n")
_OPENING = re.compile(r"\b(?:title|name|instrument)$")  # the field that opens a record
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
    # the line right above the first field that is no field: a database entry's title
    # ("[0412] VeneSat-1 (Simon Bolivar)   COSPAR 2008-055A"), which names what the
    # fields under it describe
    title: Field | None = None

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


@lru_cache(maxsize=4)
def records(text: str) -> tuple[Record, ...]:
    """Runs of at least three consecutive field lines (a blank line may separate two
    fields of one record, and a value may wrap onto indented lines; any other line, a
    label said again, or a title after a lone field ends the record)."""
    out: list[Record] = []
    run: list[Field] = []
    last_end = -1
    for m in _FIELD.finditer(text):
        between = text[last_end : m.start()] if last_end >= 0 else ""
        if run and _CONTINUED.fullmatch(between):
            # a long value wrapped onto an indented line: the field goes on to its end
            last = run[-1]
            end = m.start() - 1
            run[-1] = Field(
                last.label, text[last.value_start : end].strip(), last.start, end, last.value_start
            )
            between = "\n"
        label = " ".join(m.group("label").lower().split())
        # another line between, a label said again, or a title after a lone field (a
        # page's "Search results: 2 found" line): the next record
        opens = _OPENING.search(label) is not None and len(run) < 2
        if run and (between.strip() or opens or label in {f.label for f in run}):
            out += [_record(text, run)] if len(run) >= _MIN_FIELDS else []
            run = []
        run.append(Field(label, m.group("value"), m.start("label"), m.end(), m.start("value")))
        last_end = m.end()
    if len(run) >= _MIN_FIELDS:
        out.append(_record(text, run))
    return tuple(out)


_TITLE_CHARS = 120  # longer is a paragraph of prose, not an entry's title


def _record(text: str, run: list[Field]) -> Record:
    """The record of ``run``, with the title line above its first field (a blank line may
    stand between, as the cleaned text puts one between lines): short, not a field, not
    a sentence ending in a stop. A rule of dashes before it on its line is no part of it."""
    end = text.rfind("\n", 0, run[0].start)  # the line break above the first field
    above_start = text.rfind("\n", 0, max(end, 0)) + 1
    if end > 0 and not text[above_start:end].strip():  # one blank line up
        end = above_start - 1
        above_start = text.rfind("\n", 0, max(end, 0)) + 1
    if end <= 0:
        return Record(tuple(run))
    above = text[above_start:end]
    rule = _RULE.match(above)
    begin = above_start + (rule.end() if rule else 0)
    words = text[begin:end].strip()
    if (
        not words
        or len(words) > _TITLE_CHARS
        or _FIELD.fullmatch(text[begin:end])
        or words.endswith((".", ":", ";", ","))
    ):
        return Record(tuple(run))
    begin += len(text[begin:end]) - len(text[begin:end].lstrip())
    return Record(tuple(run), Field("", words, begin, begin + len(words), begin))


_RULE = re.compile(r"\s*[-=_*~#.]{3,}\s*")


def is_field(line: str) -> bool:
    """Whether a line is one labelled field ("Launch vehicle: Long March 2D")."""
    return _FIELD.fullmatch(line.strip()) is not None
