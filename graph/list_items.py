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
    named = {
        m.key
        for m in lead.mentions
        if not m.nested and m.kind in (EntityKind.MISSION, EntityKind.SPACECRAFT)
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
        names_instrument(t) for t in (lead.text, sentence.text)
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
    if heading_area and not any(isinstance(a, Cue) for a in areas):
        # under "CHINA SPACE STATION - SPACE SCIENCE EXPERIMENTS", an item that names no
        # area of its own takes the heading's area, and with it the heading's mission
        return (sentence.section_mission if missionless else mission), [heading_area]
    if not any(isinstance(a, Cue) for a in areas):
        if payload or _FLOWN.search(sentence.text):
            return mission, ["payloads"]  # "Peru: bacterial growth in microgravity, flown"
        if mission in gazetteer.default_areas:
            return mission, [gazetteer.default_areas[mission]]
    return mission, areas


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
