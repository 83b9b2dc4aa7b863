"""Names whose class the lowercase word after them gives: "the Double Star mission", "the
Student Small Satellites programme", "the Tianqi Lianxing constellation". A run of two or
more capitalised words that no reference file lists, before a word for a mission or a
craft, is that mission's or craft's name; a place, a people, a month, a body (its head
word says it is one), a rocket or a heavenly body in the run makes it none."""

from __future__ import annotations

import re
from functools import cache

from graph.demonyms import capitals, demonyms, is_country_name
from graph.name_forms import Candidate, EntityKind, head_kind, is_generic
from graph.name_words import LAUNCHER_WORDS, MONTH_NAMES, SENTENCE_OPENERS

_CLASS = {
    **dict.fromkeys(["mission", "missions", "programme", "program", "constellation"], "M"),
    **dict.fromkeys(["satellite", "satellites", "probe", "spacecraft", "telescope"], "S"),
}
_RUN = re.compile(
    r"(?<![\w'\u2019-])((?:[A-Z][\w'\u2019]*[ -]){1,3}[A-Z][\w'\u2019]*)"
    rf" ({'|'.join(_CLASS)})\b(?! (?:launch|ground|data|centre|center|operator|maker))"
)
# heavenly bodies and the words of launch vehicles, never a mission's own name
_NOT_IN_NAME = frozenset(
    {"Moon", "Mars", "Sun", "Earth", "Lunar", "Solar", "Venus", "Jupiter", "Mercury", "Space"}
)


@cache
def _places() -> frozenset[str]:
    return frozenset(demonyms().values()) | capitals()


def classed_names(doc_id: str, chunk: str, offset: int) -> list[Candidate]:
    """The missions and crafts the paragraph ``chunk`` (at clean offset ``offset``) names
    by a run of capitalised words before a class word."""
    found = []
    for m in _RUN.finditer(chunk):
        start, name = m.start(1), m.group(1)
        owner = re.match(r".*['\u2019]s ", name)  # "Pakistan's ICUBE-Q": the owner's, not its
        if owner:
            start, name = start + owner.end(), name[owner.end() :]
        words = re.split(r"[ -]", name)
        if words[0] in SENTENCE_OPENERS or words[0].lower() in MONTH_NAMES:
            start += len(words[0]) + 1
            name, words = name[len(words[0]) + 1 :], words[1:]
        if len(words) < 2 or is_generic(name) or head_kind(name) is not None:
            continue  # one word alone, a description, or a body ("Kenya Space Agency")
        if any(w in _places() or w in _NOT_IN_NAME or is_country_name(w) for w in words):
            continue
        if any(w.lower() in LAUNCHER_WORDS or w.lower() == "march" for w in words):
            continue  # "the Long March satellite dispenser"
        kind = EntityKind.MISSION if _CLASS[m.group(2)] == "M" else EntityKind.SPACECRAFT
        found.append(Candidate(name, kind, doc_id, offset + start, offset + start + len(name)))
    return found
