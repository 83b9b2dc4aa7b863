"""What China did, told inside the cell that names the spacecraft: "| Egypt | MisrSat-9
built and launched by China | 2031 |" under "Flagship project". A table with no column
for China's role says it there; the words count only when the cell names China's side
as the one who did them ("by China", "by CAST"), so that "KenSat-2 built by Airbus" or a
bare "camera on Chang'e-9" gives nothing. Used by ``graph.relations_table``."""

from __future__ import annotations

import re

from graph.chinese_side import names_chinese_side
from graph.gazetteer import Gazetteer
from graph.model import EntityKind
from graph.reading import Sentence

# "built and launched by China": the words of work and the doer after "by"
_DONE_BY = re.compile(
    r"\b((?:[a-z-]+(?:,\s+|\s+and\s+|\s+)){0,4}?[a-z-]+)\s+by\s+"
    r"((?:the\s+)?[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)"
)


def work_in_craft_cells(
    sentence: Sentence, spans: list[tuple[int, int]], gazetteer: Gazetteer
) -> str:
    """The words of work the cells at ``spans`` that name a spacecraft say China's side
    did."""
    text = sentence.text
    said = []
    crafts = [
        m.start - sentence.start
        for m in sentence.mentions
        if not m.nested and m.kind is EntityKind.SPACECRAFT
    ]
    for a, b in spans:
        if not any(a <= at < b for at in crafts):
            continue
        for m in _DONE_BY.finditer(text, a, b):
            if names_chinese_side(sentence, gazetteer, m.start(2), m.end(2)):
                said.append(m.group(1))
    return " ; ".join(said)
