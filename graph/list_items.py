"""Fact-sheet lines ("- Sweden: neutral atom analyser" under "CHANG'E-4 PAYLOADS"): the
mission and area a line takes from its lead-in, and the bodies it names."""

from __future__ import annotations

import re

from graph.area_cues import Cue, area_cues
from graph.cooperation_words import names_instrument
from graph.gazetteer import Gazetteer
from graph.grammar import has_verb
from graph.headings import REGION_HEADING
from graph.line_kinds import BULLET
from graph.model import EntityKind
from graph.reading import Sentence, label_end

# a list line whose partner an apposition describes: "- the University of X (UX), a
# neutral gas mass spectrometer;" (the item's contribution, or what the partner is)
_APPOSED = re.compile(r"(?:\s*\([^)]*\))?,\s+(?:a|an)\s")
_FLOWN = re.compile(r"\b(?:flown|flew|flies|to fly|carried|aboard|on board|onboard)\b")


def listed_under(sentence: Sentence) -> bool:
    """Whether a line is an item of a list that a line ending in a colon introduces
    ("Foreign payloads:" over "(a) DORN, provided by CNES"), not an answer under its
    question or a line under a heading."""
    lead = sentence.lead_in
    return (
        lead is not None
        and not lead.is_heading
        and lead.text.rstrip().endswith(":")
        and BULLET.match(sentence.text) is not None
    )


def item_context(
    sentence: Sentence, gazetteer: Gazetteer, mission: str | None, areas: list[Cue | str]
) -> tuple[str | None, list[Cue | str]]:
    """A fact-sheet line takes the mission and area of its lead-in ("Payloads on
    Chang'e-6:"): the mission the lead-in names comes first, since the item's own names
    are often its instrument's ("Netherlands: NCLE radio antennas")."""
    lead = sentence.lead_in
    if lead is None:
        return mission, areas
    context = lead_paragraph(lead)
    named = {
        m.key
        for m in lead.mentions
        if not m.nested and m.kind in (EntityKind.MISSION, EntityKind.SPACECRAFT)
    }
    if not named and not lead.is_heading:
        # "All six payloads selected for Chang'e-7 arrived. Their providers are:": the
        # lead-in's paragraph names the mission
        named = {
            m.key
            for s in context
            for m in s.mentions
            if not m.nested and m.kind is EntityKind.MISSION
        }
    opening = [
        m.key
        for m in lead.mentions
        if m.start == lead.start and m.kind in (EntityKind.MISSION, EntityKind.SPACECRAFT)
    ]
    if len(named) == 1:
        mission = named.pop()
    elif opening:  # "SMILE — Solar wind Magnetosphere ... Explorer: payload contributions"
        mission = opening[0]
    elif (
        mission is None
        and sentence.section_mission
        and lead.is_heading
        and REGION_HEADING.fullmatch(lead.text.strip())
        and bare_item(sentence)
    ):
        # "- Kenya (2026)" under "Africa" under "ILRS partners by continent": the
        # mission of the heading the region divides
        mission = sentence.section_mission
    payload = sentence.section_mission_area == "payloads" or any(
        names_instrument(t) for t in (*(s.text for s in context), sentence.text)
    )
    missionless = mission is None or gazetteer.kind(mission) is not EntityKind.MISSION
    # a payload line of a fact sheet titled with its mission ("Chang'e-7 fact sheet")
    framing = (sentence.section_mission or sentence.title_mission) if payload else None
    if framing and missionless:
        # "A.1 POLAR-2 polarimeter / Partners: ..." under "Payloads on the China Space
        # Station": an instrument's entry, carried by the section's mission
        mission = framing
        if sentence.section_mission_area == "payloads":
            return mission, ["payloads"]  # the entry's title names its subject, not the area
    lead_cues = [c.area for c in area_cues(lead, gazetteer) if lead.is_heading or not c.titled]
    own_field = gazetteer.default_areas.get(mission or "")
    if payload and own_field:
        # "CHANG'E-6 (far-side sample return)" over "Pakistan - a cubesat released into
        # lunar orbit": words of the mission's own field describe it and its instruments
        lead_cues = [c for c in lead_cues if c != own_field]
        if any(_area(a) == own_field for a in areas):
            return mission, [a for a in areas if _area(a) != own_field] or ["payloads"]
    if lead_cues and "payloads" not in lead_cues:
        # an item that says what was done ("CONAE: tracking of Chang'e-4") under a
        # heading of a field ("LUNAR AND DEEP-SPACE EXPLORATION"): the item's own work;
        # under a heading of payloads, the item's words describe its instrument
        after_label = label_end(sentence)
        own = [
            c.area
            for c in area_cues(sentence, gazetteer)
            if not c.titled and after_label and c.start >= after_label
        ]
        if own:
            return mission, list(dict.fromkeys(own))
    if lead_cues:
        return mission, list(dict.fromkeys(lead_cues))
    heading_area = sentence.section_mission_area
    if (
        heading_area
        and not any(isinstance(a, Cue) for a in areas)
        and not (payload and heading_area == own_field)
    ):
        # under "CHINA SPACE STATION - SPACE SCIENCE EXPERIMENTS", an item that names no
        # area of its own takes the heading's area, and with it the heading's mission
        return (sentence.section_mission if missionless else mission), [heading_area]
    if not any(isinstance(a, Cue) for a in areas):
        if payload or _FLOWN.search(sentence.text):
            return mission, ["payloads"]  # "Peru: bacterial growth in microgravity, flown"
        if mission in gazetteer.default_areas:
            return mission, [gazetteer.default_areas[mission]]
    return mission, areas


def _area(area: Cue | str) -> str:
    return area.area if isinstance(area, Cue) else area


def lead_paragraph(lead: Sentence) -> list[Sentence]:
    """A list's lead-in with the sentences of its paragraph before it ("All six payloads
    selected for X arrived in May. Their providers are:"): what the list is about."""
    out = [lead]
    while not out[-1].opens_paragraph and out[-1].previous is not None and len(out) < 4:
        out.append(out[-1].previous)
    return out


def item_bodies(sentence: Sentence, gazetteer: Gazetteer) -> tuple[str, ...]:
    """The bodies a fact-sheet line names ("Belgium: a detector from the Universite Libre
    de Bruxelles"): the partner is the university or agency where the line names one."""
    return tuple(
        dict.fromkeys(
            m.key
            for m in sentence.mentions
            if not m.nested
            and m.kind is EntityKind.ORGANISATION
            and m.key not in gazetteer.domestic
        )
    )


def bare_item(sentence: Sentence) -> bool:
    """Whether a line is a list's item that only names ("- Kenya (2026)", "- Seismometer,
    Kyrgyz State Technical University"): a bullet and no verb, so what it names is what
    its heading or lead-in lists."""
    text = sentence.text
    bullet = BULLET.match(text)
    if bullet is None or has_verb(text) or len(text.split()) > 14:
        return False
    if ":" in text[bullet.end() :]:
        return False  # "- Operators: CAST; University of Tartu": a record's field
    doc = sentence.parse  # ("files", "names", "selected": verbs the word list does not know)
    return doc is None or not any(t.pos_ in ("VERB", "AUX") for t in doc)


def apposed_item(sentence: Sentence, end: int) -> bool:
    """Whether a bulleted line of a list opens with its partner, ending at ``end``, and
    an apposition ("- the University of X (UX), a mass spectrometer;"): the line is the
    list's item, its partner the name before the comma."""
    lead = sentence.lead_in
    return (
        lead is not None
        # a list the lead-in introduces, or one under a mission's heading (not the
        # "Highlights" of a release, whose lines may open with a craft: "X, a cubesat")
        and (lead.text.rstrip().endswith(":") or sentence.section_mission is not None)
        and BULLET.match(sentence.text) is not None
        and _APPOSED.match(sentence.text, end) is not None
    )
