"""A satellite a text describes by a headed name and then sets apart by its designator
("The Lake Monitoring Satellite, LakeSat-1, was built ..."): one craft, known by the
designator. Used by ``graph.name_candidates``."""

from __future__ import annotations

import re

from graph.model import EntityKind
from graph.name_forms import Candidate


def designated_crafts(found: list[Candidate], text: str) -> list[Candidate]:
    """ "The Lake Monitoring Satellite, LakeSat-1, was built ...": a satellite described
    by a headed name and then given its designator is one craft, known by the
    designator, with the described name as another of its names."""
    # the candidates by where they start: each described name looks only past its comma
    by_start = {d.start: d for d in found if re.search(r"\d", d.label) and " " not in d.label}
    out = list(found)
    for c in found:
        if c.kind is not EntityKind.SPACECRAFT or re.search(r"\d", c.label):
            continue
        comma = _APPOSED.match(text, c.end)
        d = by_start.get(comma.end()) if comma else None
        if d is None or d.launcher or not re.match(r"\s*[,)]", text[d.end : d.end + 2]):
            continue
        out = [x for x in out if x is not c and x is not d]
        out.append(Candidate(d.label, EntityKind.SPACECRAFT, d.doc_id, d.start, d.end, c.label))
    return out


# between a satellite's described name and its designator: a comma (in brackets the
# designator is the described name's short form, and the described name stays the key)
_APPOSED = re.compile(r"\s*,\s*")
