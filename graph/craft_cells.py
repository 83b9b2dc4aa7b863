"""A name in a table's satellite column is a spacecraft's name, whatever its form
("PacifiCom-A", "Tupac Katari", "ÑuSat"): the header says what the column holds, so a
craft needs no designator to be found there. Used by ``graph.name_candidates``."""

from __future__ import annotations

import re

from graph.name_forms import DESIGNATOR, Candidate, S, is_generic
from graph.name_words import SENTENCE_OPENERS
from graph.tables import cells

# header words that say a column holds spacecraft, not missions, payloads or projects
_CRAFT_LABEL = re.compile(r"\b(?:satellites?|spacecraft|cubesats?|probes?)\b", re.IGNORECASE)
_LAUNCH_LABEL = re.compile(r"launch|rocket|orbit", re.IGNORECASE)
# the cell's name: capitalised, up to five words
_NAME = re.compile(r"(?:the\s+)?([A-Z\u00d1][\w'\u2019.-]*(?:\s[\w'\u2019.-]+){0,4}?)\s*$")

_PLACEHOLDERS = frozenset({"tbd", "tba", "none", "unknown", "unnamed", "various"})


def craft_cells(doc_id: str, chunk: str, offset: int, labels: tuple[str, ...]) -> list[Candidate]:
    """The spacecraft named in a row's cells under a header label such as "Satellite"."""
    found = []
    # a plain "Name" column is a craft's in a table of launches ("Name | Operator | Rocket")
    launches = any(_LAUNCH_LABEL.search(label) for label in labels)
    for (a, b), label in zip(cells(chunk), labels, strict=False):
        if not (_CRAFT_LABEL.search(label) or (launches and label.strip().lower() == "name")):
            continue
        if "(" in chunk[a:b] or DESIGNATOR.search(chunk[a:b]):
            continue  # a designator is found as one, and a name beside one is its other
        name = _NAME.match(chunk[a:b])
        if name is None or len(name.group(1)) < 3:
            continue
        text = name.group(1)
        if is_generic(text) or text.split()[0] in SENTENCE_OPENERS or text.lower() in _PLACEHOLDERS:
            continue
        start = offset + a + name.start(1)
        found.append(Candidate(text, S, doc_id, start, start + len(text)))
    return found
