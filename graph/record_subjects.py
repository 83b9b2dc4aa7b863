"""The craft a record of labelled fields is about: a space-object register's entry opens
with "Name of space object: Chang'e-6", and every line under it, the wrapped list of its
"Foreign payloads:" included, is about that craft, as the lines under a heading that
names a mission are. Used by ``graph.reading``."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.model import EntityKind
from graph.record_fields import is_field, records

if TYPE_CHECKING:
    from collections.abc import Sequence

    from graph.reading import Sentence
    from graph.recognise import Found

# the field that names what an entry is about: "Name of space object", "Mission", "Title"
_NAMING = re.compile(r"\b(?:name|title|mission|spacecraft|satellite|object)$")
_CRAFTS = (EntityKind.MISSION, EntityKind.SPACECRAFT)


def mark_record_subjects(text: str, sentences: list[Sentence], found: Sequence[Found]) -> None:
    """Give the lines of each record that names one craft in its opening field that
    craft as their section's mission, where no heading gave them one."""
    entries = [r for r in records(text) if _NAMING.search(r.fields[0].label)]
    ends = [r.start for r in entries[1:]] + [len(text)]
    for record, after in zip(entries, ends[: len(entries)], strict=True):
        opening = record.fields[0]
        # the entry goes on past its last field (a list under "Foreign payloads:") to
        # the next entry or the next heading that is no field
        inside = []
        for sentence in sentences:
            if sentence.start < record.start or sentence.start >= after:
                continue
            if sentence.start >= record.end and sentence.is_heading and not is_field(sentence.text):
                break
            inside.append(sentence)
        crafts = {
            m.key
            for m in found
            if m.kind in _CRAFTS and not m.nested and opening.value_start <= m.start < opening.end
        }
        if len(crafts) != 1:
            continue
        craft = crafts.pop()
        for sentence in inside:
            if sentence.section_mission is None:
                sentence.section_mission = craft
