"""Whom "the two agencies" (universities, offices, ...) stand for: the bodies of that
kind the sentence, or the sentences before it, named. Used for an agreement's parties
and for the partner such words point back to."""

from __future__ import annotations

import re

from graph.gazetteer import CHINA, Gazetteer
from graph.model import EntityKind
from graph.reading import Sentence


def body_before(
    sentence: Sentence, gazetteer: Gazetteer, chinese: bool = True, back: bool = False
) -> list[str]:
    """The Chinese (or foreign) body "the two agencies" (universities, ...) stands for: the
    one the sentence names before those words, else (for China's side, or with ``back``)
    the nearest one of that kind the sentences before name, one to a sentence; with no
    kind, the one just before names."""
    said = TWO_BODIES.search(sentence.text)
    heads = _BODY_HEADS.get(said.group(1).lower(), ()) if said else ()

    def bodies(named: Sentence, upto: int | None = None) -> set[str]:
        return {
            m.key
            for m in named.mentions
            if (m.key in gazetteer.domestic) is chinese
            and m.key != CHINA
            and m.kind is EntityKind.ORGANISATION
            and (upto is None or m.start - named.start < upto)
            and (not heads or any(h in gazetteer.entities[m.key].label for h in heads))
        }

    # "CGWIC has worked with X since 2017, when the two firms signed": the sentence's own
    here = bodies(sentence, said.start()) if said else set()
    if len(here) == 1 or not (chinese or back):
        return sorted(here) if len(here) == 1 else []  # a partner: the sentence's own
    before = sentence.previous
    for _ in range(6 if heads else 1):
        if before is None:
            return []
        keys = bodies(before)
        if len(keys) == 1:
            return sorted(keys)
        before = before.previous
    return []


# the words of a name that set its kind apart from the others'
_DISTINCT = frozenset({"University", "Company", "Corporation", "Agency", "Administration"})


def other_kind(sentence: Sentence, keys: tuple[str, ...], gazetteer: Gazetteer) -> bool:
    """Whether the bodies ``keys`` are all of another kind than "the two agencies" (the
    sentence's words) says: their names have another kind's word ("University") and
    none of this kind's (a name with neither, "Roscosmos", may be of any kind)."""
    said = TWO_BODIES.search(sentence.text)
    heads = _BODY_HEADS.get(said.group(1).lower(), ()) if said else ()
    if not heads:
        return False
    others = _DISTINCT - set(heads)  # ("Centre": CNES is an agency whose name says centre)
    labels = [gazetteer.entities[k].label if k in gazetteer.entities else "" for k in keys]
    return all(
        any(h in label for h in others) and not any(h in label for h in heads) for label in labels
    )


# the words a body of each kind has in its name ("the two agencies": CNSA)
_BODY_HEADS = {
    "agencies": ("Agency", "Administration"),
    "administrations": ("Administration",),
    "universities": ("University",),
    "companies": ("Company", "Corporation", "Group"),
    "firms": ("Company", "Corporation", "Group"),
    "institutes": ("Institute",),
    "centres": ("Centre", "Center"),
    "centers": ("Centre", "Center"),
    "offices": ("Office",),
    "ministries": ("Ministry",),
    "academies": ("Academy",),
    "commissions": ("Commission",),
}
# ... and the kinds that name no word of their own
_ANY_KIND = ("institutions", "organisations", "organizations", "bodies")
TWO_BODIES = re.compile(rf"\bthe\s+two\s+({'|'.join((*_BODY_HEADS, *_ANY_KIND))})\b", re.IGNORECASE)
