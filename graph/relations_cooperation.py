"""Cooperation facts: a partner, an area, optionally a mission, per sentence.

A partner list counts when the sentence says China worked with it (a cooperation word
outside names and agreement titles) and the list is tied to China by its role: ``with``
it, ``China and`` it, "the two countries", a possessive or a "Sino-"/"China-" compound.
Each list takes the area phrases of its own clause, those after it first ("with Sweden
... on payloads"), then those between the verb and it ("cooperated on TT&C with");
failing that, the areas of clauses that have no list of their own (coordinated
predicates share the subject), the mission's usual area, a capitalised name's area
("Laboratory for Space Weather"), and last the section heading's area.
"""

from __future__ import annotations

import re
from dataclasses import replace

from graph.agreement_dates import DOCUMENT_NAMED_BACK
from graph.area_cues import Cue, area_cues
from graph.carried_parts import carried_part, names_other_crafts, part_carrier
from graph.clause_missions import mission_in_clause, said_in_passing
from graph.cooperation_areas import PARSED_ROLES, SHARED, areas_for, listed_among_areas, shared_cue
from graph.cooperation_cues import (
    names_the_craft,
)
from graph.cooperation_roles import (
    acting_bodies,
    has_cue,
    listed_with_china,
    parsed_role_holds,
)
from graph.cooperation_words import (
    CONTRIBUTING,
    names_instrument,
)
from graph.fronted_fields import fronted_field_areas
from graph.gazetteer import CHINA, Gazetteer
from graph.grammar import (
    EARLIER_CLAUSE,
    Group,
    clause_of,
    clauses,
    foreign_subject,
    owns_named_body,
)
from graph.headings import future_heading
from graph.instrument_origins import instrument_origin
from graph.joined_missions import joins_the_documents_mission
from graph.list_items import item_bodies, item_context, listed_under
from graph.mission_pairing import (
    carrier,
    missions_for,
    one_mission_before,
    payload_mission_before,
    payload_status,
    previous_mission,
    same_mission,
)
from graph.model import Cooperation, Status
from graph.negation import negated
from graph.others_work import between_others, other_items
from graph.parsing import (
    INSTRUMENT_NOUNS,
    clause_verb,
    span_root,
    verb_above,
)
from graph.people_roles import people_beside_chinese, trained_for, trained_in_china
from graph.reading import Sentence
from graph.separate_statements import separate_statement
from graph.shared_work import shared_with_china
from graph.training_missions import training_mission_of

_ROLES = ("with", "subject", "anaphora", "owner", "modifier", "for")
# "The plan, signed by the two countries' ministers, covers satellite communications and
# navigation": what a document told of before is about, no cooperation of its own
_ABOUT_A_DOCUMENT = re.compile(
    rf"{DOCUMENT_NAMED_BACK}[^.;]{{0,120}}?\b(?:covers|covered|includes|included|"
    r"provides\s+for|provided\s+for|foresees|sets\s+out|lists)\b"
)
_LEADING = frozenset(
    {
        *("lead", "co-lead", "propose", "initiate", "announce", "co-found"),
        # what China and a partner do to a mission together: "the Brazilian Space Agency
        # and CNSA agreed to extend the CBERS programme"
        *("agree", "extend", "continue", "expand", "operate", "upgrade", "prepare"),
    }
)
_TAKING_PART = frozenset({"participation", "membership", "accession", "involvement"})
_HELPING = frozenset({"help", "assist", "support", "aid", "set"})
# bodies one is a member of: joining one is taking part in it, not a partner's project
_MEMBERSHIP_BODIES = frozenset({"international organisation", "UN body", "cooperation mechanism"})
_DOING = frozenset(
    {"continue", "agree", "conduct", "carry", "pursue", "implement", "undertake", "run"}
    | {"organise", "organize", "hold", "promote", "advance", "deepen", "expand"}
    # the work itself, when the parse hangs the partner on it: "development with Chile"
    | {"development", "research", "construction", "work"}
)


def _taker_named_after(sentence: Sentence, group: Group) -> Group:
    """A partner named after "of" a word of taking part is its owner: "the accession of
    X to the ILRS" says what "X's accession to the ILRS" says."""
    if group.role != "other" or group.governor not in _TAKING_PART:
        return group
    if not _OF_BEFORE.search(sentence.text, 0, group.start):
        return group
    return replace(group, role="owner")


_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$")


def _gapped_subject(sentence: Sentence, groups: list[Group], group: Group) -> Group:
    """A partner standing for the subject of a clause whose verb is left out ("Peru
    joined the ILRS in 2023, Chile in 2025"): the first subject's role, with its verb."""
    if group.role != "other":
        return group
    text = sentence.text
    if not (_GAP_BEFORE.search(text, 0, group.start) and _GAP_AFTER.match(text, group.end)):
        return group
    first = next(
        (g for g in groups if g.end <= group.start and g.role in ("agent", "subject")), None
    )
    if first is None:
        return group
    return replace(group, role=first.role, governor=first.governor)


# a time closes the first clause, and one follows the partner of the gapped one
_GAP_BEFORE = re.compile(r"\b(?:in|on|since)\s+(?:[A-Z][a-z]+\s+)?\d{4}\s*,\s*(?:and\s+)?$")
_GAP_AFTER = re.compile(r"\s*(?:in|on|since)\s+(?:[A-Z][a-z]+\s+)?\d{4}\b")


def _with_chinese_body(sentence: Sentence, group: Group, gazetteer: Gazetteer) -> bool:
    """Whether the partner's "with" follows a Chinese body's name straight away."""
    before = sentence.text[: group.start]
    glue = re.search(r",?\s+(?:together\s+)?with\s+(?:the\s+)?$", before)
    if glue is None:
        return False
    return any(
        m.key in gazetteer.domestic and m.key != CHINA and m.end - sentence.start == glue.start()
        for m in sentence.mentions
    )


def extract(
    sentence: Sentence,
    groups: list[Group],
    gazetteer: Gazetteer,
    parties: frozenset[str] = frozenset(),
) -> list[Cooperation]:
    """Cooperation facts the sentence states, each with the sentence as evidence;
    ``parties`` are the partners of agreements the sentence reports."""
    if not groups or _ABOUT_A_DOCUMENT.match(sentence.text):
        return []
    groups = [_taker_named_after(sentence, g) for g in groups]
    groups = [_gapped_subject(sentence, groups, g) for g in groups]
    # "the radio instrument NCLE of X", "that sensor came from X": where an instrument
    # comes from, as "instruments from X" says
    groups = [
        replace(g, role="from", governor="instrument") if instrument_origin(sentence, g) else g
        for g in groups
    ]
    cued = has_cue(sentence)
    cues = [c for c in area_cues(sentence, gazetteer) if not names_the_craft(sentence, c)]
    spans = clauses(sentence.text)
    missions = missions_for(sentence, groups)
    facts: list[Cooperation] = []
    # "The Algerian side informed ... that Algeria will not join X": a partner that says
    # it will not act states no cooperation however else the sentence names it
    refusing = {
        k
        for g in groups
        if g.role in ("agent", "subject") and negated(sentence, max(g.end, _verb_end(sentence, g)))
        for k in g.keys
    }
    for i, group in enumerate(groups):
        if set(group.keys) <= refusing:
            continue
        if group.role in PARSED_ROLES:
            if not (
                parsed_role_holds(sentence, group, spans, cued, gazetteer)
                # "X has run a flood-mapping project with China": doing it together
                or shared_with_china(sentence, group, gazetteer)
            ):
                continue
        elif (
            group.role not in _ROLES
            or not (
                cued
                or group.role == "for"
                or (group.role in ("modifier", "owner") and acting_bodies(sentence, group))
                or (group.role == "modifier" and people_beside_chinese(sentence, group))
                # "China and Chile have worked on radio astronomy": done by both at once
                or (group.role == "subject" and shared_with_china(sentence, group, gazetteer))
                # "the ILRS, a Moon base project led by China and Russia": leading a
                # mission with China is working on it
                or (group.role == "subject" and group.governor in _LEADING and missions)
                # "Islamabad and Beijing agreed to send an astronaut to the station":
                # what the two agree to do together on a mission
                or (
                    group.role == "subject"
                    and _verb_lemma(sentence, group) in _LEADING
                    and (missions or cues)
                )
                # "built with Kenya", "led by X with Y": working with the one who contributes
                or (group.role == "with" and group.governor in SHARED | CONTRIBUTING)
                # "China helped the Rwanda Space Agency set up ...": helping is working with
                or (group.role == "with" and group.governor in _HELPING and cues)
                # "We will continue satellite development with Brazil": doing the work a
                # clause names with a partner
                or (group.role == "with" and group.governor in _DOING and cues)
                # "welcomes Uzbekistan's participation in the ILRS": its part in a mission
                or (group.role == "owner" and group.governor in _TAKING_PART and missions)
                # "X is building the camera with the NSSC and Y": the parse may hang the
                # "with" on the object, but the list with China's body shares the verb
                or (
                    group.role == "with"
                    and _verb_lemma(sentence, group) in SHARED | CONTRIBUTING
                    and listed_with_china(sentence, group, gazetteer)
                )
                # "Magnetometer .... National Space Science Center, with X": a Chinese
                # body's work with the partner
                or (group.role == "with" and _with_chinese_body(sentence, group, gazetteer))
                # "CAST has run a flood-mapping project with X"
                or (group.role == "with" and shared_with_china(sentence, group, gazetteer))
                # "The two sides will use such data for disaster prevention": what the two
                # sides do together in a field is their cooperation
                or (group.role == "anaphora" and not sentence.text[: group.start].strip() and cues)
            )
        ):
            continue  # "which China is building with Russia": shared work without a cue
        if (
            group.role == "with"
            and group.governor == "join"
            and all(
                k in gazetteer.entities and gazetteer.entities[k].category in _MEMBERSHIP_BODIES
                for k in group.keys
            )
        ):
            continue  # "China joined COPUOS in 1980": a membership, read as participation
        if negated(sentence, group.start):
            continue
        # an acting partner ("Egypt joined the ILRS") is the subject itself
        if (
            group.role != "agent"
            and not (group.role == "with" and listed_with_china(sentence, group, gazetteer))
            and foreign_subject(
                sentence,
                [g for g in groups if not other_items(sentence.parse, group, g)],
                group.start,
                gazetteer.domestic,
            )
        ):
            continue
        joining = group.governor == "join" and joins_the_documents_mission(sentence, group)
        if between_others(sentence, groups, group, gazetteer) and not joining:
            # ("A and B signed on last year, and C joined": each joins the mission the
            # title names, none works with another)
            continue  # "Bahrain's satellite, built with Khalifa University": not China's
        own_cue = has_cue(sentence, *clause_of(spans, group.start))
        taking_part = group.role == "owner" and group.governor in _TAKING_PART and missions
        if group.role in ("owner", "modifier") and not (
            own_cue
            or taking_part
            or acting_bodies(sentence, group)
            or people_beside_chinese(sentence, group)
        ):
            continue
        if group.role == "owner" and owns_named_body(sentence, group):
            continue  # "Bahrain's National Space Science Agency": the agency is the partner
        contributed = group.role == "from" and group.governor in INSTRUMENT_NOUNS
        if (
            set(group.keys) <= parties
            and not contributed  # "... would carry a French payload" is more than the deal
            and not (own_cue or shared_cue(sentence, groups, spans, group))
        ):
            continue  # the sentence is about the agreement they signed
        mission, mission_clause = missions.get(i, (None, None))
        if mission is not None and said_in_passing(sentence, group, mission):
            mission, mission_clause = None, None
        if mission is None and i not in missions:
            mission = (
                mission_in_clause(sentence, group)
                or previous_mission(sentence)
                or same_mission(sentence, *clause_of(spans, group.start))
                # "signed ... on building the ILRS, and the two agencies have since worked"
                or (
                    one_mission_before(sentence, group.start)
                    if group.governor == EARLIER_CLAUSE
                    else None
                )
                # "Peru joined the project in 2030" under a title naming the ILRS
                or (
                    (sentence.title_mission or sentence.section_mission)
                    if group.governor == "join" and joins_the_documents_mission(sentence, group)
                    else None
                )
            )
        if mission is not None:
            mission = carrier(sentence, gazetteer, mission)
        # "the ICUBE-Q cubesat of X": a payload's mission is what carries the part; when
        # the sentence names none, the one its context is about, unless it names others
        part = (
            mission is not None
            and carried_part(sentence, mission)
            # (its own maker's statement is about the craft: a spacecraft activity)
            and sentence.notes.get("craft_partners", {}).get(mission) not in group.keys
        )
        carried_on = part_carrier(sentence, gazetteer, mission) if part else None
        look_around = not names_other_crafts(sentence, mission) if part else i not in missions
        if mission is not None and separate_statement(sentence, group, mission):
            mission = None  # "X cooperates on tracking, and the station supported M"
        areas = areas_for(sentence, i, groups, cues, gazetteer, mission)
        areas = [*areas, *fronted_field_areas(sentence, cues, areas)]
        if group.governor == "join" and mission in gazetteer.default_areas:
            areas = [gazetteer.default_areas[mission]]  # joining a mission: its own area
        listed_area = listed_among_areas(sentence, mission, areas, gazetteer)
        if listed_area is not None:
            # "on satellite remote sensing, BeiDou applications and personnel training":
            # the mission is one of the fields, in its own area, and not the others' mission
            areas = [*areas, listed_area]
        partners = group.keys
        if group.role == "modifier" and trained_in_china(sentence, group):
            # their training is the cooperation, whatever mission the sentence names
            mission = training_mission_of(sentence, group.start, group.end)
            areas = ["training-and-education"]
        if group.role == "item":
            mission, areas = item_context(sentence, gazetteer, mission, areas)
            partners = item_bodies(sentence, gazetteer) or partners
        elif (
            mission is None
            and i not in missions
            and listed_under(sentence)
            and (
                sentence.section_mission
                or names_instrument(sentence.lead_in.text)
                # "- a magnetometer supplied by X" under "Tianwen-3 took three guests:"
                or names_instrument(sentence.text)
            )
        ):
            # "- DORN, provided by CNES" under "Chang'e-6 carried four foreign payloads:":
            # the mission and area of the list the line is an item of
            mission, areas = item_context(sentence, gazetteer, mission, areas)
        method = {"item": "cooperation-list-item", "anaphora": "cooperation-anaphora"}.get(
            group.role, "cooperation-syntax"
        )
        for area in areas:
            key = area.area if isinstance(area, Cue) else area
            paired = mission if listed_area is None or area is listed_area else None
            if part and key == "payloads":
                paired = carried_on
            if paired is None and look_around and key == "payloads":
                # a payload the sentence pairs with no mission flies on its section's
                # ("CHANG'E-6 PAYLOADS" over "POLAR-2, led by the University of Geneva")
                paired = sentence.section_mission or payload_mission_before(sentence)
                if paired is not None:
                    sentence.notes["payload_mission"] = paired
            if (
                mission_clause
                and isinstance(area, Cue)
                and clause_of(spans, area.start) != mission_clause
            ):
                paired = None
            if group.role == "for" and not (
                key == "launch-services"
                or (key == "training-and-education" and trained_for(sentence, group))
            ):
                continue  # only "launched ... for X" and "trained engineers for X" are with X
            # the time of the area's own clause ("X, whose laboratory has worked with the
            # NSSC on space weather, will lead ..."), else of the partner's verb ("X and
            # CNSA will build ...")
            if isinstance(area, Cue):
                pos = max(group.end, area.start)
            else:
                pos = max(group.start, _verb_end(sentence, group))
            if negated(sentence, min(pos, clause_of(spans, group.start)[1] - 1)):
                continue  # "X does not yet contribute ..., but Y receives"
            status = payload_status(sentence, pos, key, paired, mission_clause)
            if group.role == "item" and future_heading(sentence.text, sentence.doc):
                # a verbless line says its time as a heading does: "Denmark, Finland:
                # experiment, due to fly", "X-ray payload, planned 2027"
                status = Status.PLANNED
            for partner in partners:
                facts.append(
                    Cooperation(
                        evidence=(sentence.evidence(group.start),),
                        status=status,
                        partner=partner,
                        area=key,
                        mission=paired,
                        method=method,
                    )
                )
    return facts


def _verb_lemma(sentence: Sentence, group: Group) -> str | None:
    """The lemma of the verb above a partner list, whatever noun the parse hangs it on."""
    doc = sentence.parse
    token = None if doc is None else span_root(doc, group.start, group.end)
    verb = None if token is None else verb_above(token)
    return None if verb is None else doc[verb].lemma_.lower()


def _verb_end(sentence: Sentence, group: Group) -> int:
    """Where the verb a subject acts through ends ("Roscosmos and CNSA *will build*"), so
    that its tense counts; 0 for other roles."""
    doc = sentence.parse
    if doc is None or group.role not in ("subject", "agent", "anaphora", "modifier"):
        return 0  # ("Kenyan engineers never worked ...": the people's verb)
    verb = clause_verb(doc, group.start, group.end)
    return 0 if verb is None else doc[verb].idx + len(doc[verb])
