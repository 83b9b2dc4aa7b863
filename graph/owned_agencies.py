"""The space agency a country's possessive names without its name, in a sentence about a
signed document: "Kenya's space agency signed a memorandum with CNSA" is the Kenya Space
Agency's signing, where a body of that country is known whose name says it is its space
agency ("Kenya Space Agency", "Egyptian Space Agency").

Why: a report names a foreign agency by its country once it has named it, or names it so
where readers know it; the parties to a document are the bodies that signed it, not their
countries. A country with no such body, or with two, keeps its own mention ("Pakistan's
space agency" is SUPARCO, whose name does not say so). Elsewhere ("a satellite built for
Senegal's space agency") the country stays the partner, as the other readers take it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from graph.agreement_nouns import AGREEMENT_NOUN
from graph.gazetteer import CHINA, Gazetteer
from graph.model import EntityKind
from graph.recognise import Found

# "'s space agency", "'s national space agency", not followed by the agency's own name
# ("Russia's space agency Roscosmos", "Peru's space agency (CONIDA)")
_OWNED_AGENCY = re.compile(
    r"(?:'s|\u2019s)\s+(?:national\s+)?(?P<noun>space\s+agency)\b(?!\s*\(|\s+[A-Z]|['\u2019-])"
)
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n\s*\n")
_AGENCY_NAME = re.compile(r"\bSpace\s+Agency\b")

_AGENCIES: dict[int, tuple[Gazetteer, dict[str, str]]] = {}


def _agencies(gazetteer: Gazetteer) -> dict[str, str]:
    """Each country with exactly one body whose name holds "Space Agency" and one of the
    country's own forms ("Egyptian", "Kenya"), the key of that body."""
    held = _AGENCIES.get(id(gazetteer))
    if held is not None and held[0] is gazetteer:
        return held[1]
    forms: dict[str, set[str]] = {}
    for form, key in gazetteer.forms:
        if gazetteer.kind(key) is EntityKind.COUNTRY and key != CHINA and form[:1].isupper():
            forms.setdefault(key, set()).add(form)
    bodies = [
        (key, entity.label)
        for key, entity in gazetteer.entities.items()
        if entity.kind is EntityKind.ORGANISATION and _AGENCY_NAME.search(entity.label)
    ]
    found: dict[str, set[str]] = {}
    for country, names in forms.items():
        for key, label in bodies:
            if any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", label) for n in names):
                found.setdefault(country, set()).add(key)
    out = {country: keys.pop() for country, keys in found.items() if len(keys) == 1}
    _AGENCIES.clear()  # (one gazetteer at a time: the extraction's own)
    _AGENCIES[id(gazetteer)] = (gazetteer, out)
    return out


def with_owned_agencies(text: str, found: list[Found], gazetteer: Gazetteer) -> list[Found]:
    """``found`` (text order) with a mention of the agency each "<country>'s space
    agency" of ``text`` stands for, over the whole phrase; the country's own mention is
    kept inside it, as a name inside a longer one is."""
    if "pace agency" not in text:
        return found
    agencies = _agencies(gazetteer)
    out: list[Found] = []
    for f in found:
        m = None
        if not f.nested and f.kind is EntityKind.COUNTRY and f.key in agencies:
            m = _OWNED_AGENCY.match(text, f.end)
        if m is not None and not _about_a_document(text, f.start):
            m = None
        if m is None:
            out.append(f)
            continue
        start, end = f.start, m.end("noun")
        out.append(Found(agencies[f.key], EntityKind.ORGANISATION, start, end, text[start:end]))
        out.append(replace(f, nested=True))
    return out


def _about_a_document(text: str, at: int) -> bool:
    """Whether the sentence around ``at`` names an agreement, memorandum or the like."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, at - 400), at)]
    start = ends[-1] if ends else max(0, at - 400)
    end = _SENTENCE_END.search(text, at)
    return AGREEMENT_NOUN.search(text, start, end.start() if end else len(text)) is not None
