"""The field a sentence opens with: "In the fields of lunar and deep-space exploration,
China cooperated on TT&C with X" names two areas of X's cooperation, the fronted field
and the one on the verb. The nearest cue alone would drop the field, so the areas of an
opening "In the field(s)/area(s)/domain(s) of ...," adjunct are added to each partner's
areas. Used by ``graph.relations_cooperation``.
"""

from __future__ import annotations

import re

from graph.area_cues import Cue
from graph.reading import Sentence

# the opening adjunct, up to its comma
_FRONTED = re.compile(
    r"^\W*(?:In|Within)\s+the\s+(?:fields?|areas?|domains?|sphere)\s+of\s+[^,;:]{3,80},",
    re.IGNORECASE,
)


def fronted_field_areas(sentence: Sentence, cues: list[Cue], areas: list) -> list[Cue]:
    """The cues of the sentence's opening field adjunct that ``areas`` does not hold."""
    opening = _FRONTED.match(sentence.text)
    if opening is None:
        return []
    held = {a.area if isinstance(a, Cue) else a for a in areas}
    if not held:
        return []  # no area of its own on the verb: the field is already the nearest cue
    out: list[Cue] = []
    for cue in cues:
        if cue.end <= opening.end() and cue.area not in held:
            held.add(cue.area)
            out.append(cue)
    return out
