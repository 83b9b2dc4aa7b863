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

from graph.area_cues import Cue, area_cues
from graph.cooperation_cues import (
    conjoined_predicate_cues,
    makes_instrument,
    names_the_craft,
    predicate_cues,
)
from graph.cooperation_roles import (
    acting_bodies,
    has_cue,
    listed_with_china,
    parsed_role_holds,
    people_beside_chinese,
    trained_for,
    trained_in_china,
)
from graph.cooperation_words import (
    CONTRIBUTING,
    INSTRUMENT_WORD,
    names_instrument,
)
from graph.gazetteer import CHINA, Gazetteer
from graph.grammar import (
    EARLIER_CLAUSE,
    Group,
    clause_of,
    clauses,
    foreign_subject,
    has_verb,
    own_statement_start,
    owns_named_body,
    verb_before,
)
from graph.headings import future_heading
from graph.list_items import item_bodies, item_context, listed_under
from graph.mission_pairing import (
    carrier,
    mission_in_clause,
    missions_for,
    one_mission_before,
    payload_mission_before,
    payload_status,
    previous_mission,
    said_in_passing,
    same_mission,
)
from graph.model import Cooperation, EntityKind, Status
from graph.negation import negated
from graph.others_work import between_others
from graph.parsing import (
    INSTRUMENT_NOUNS,
    clause_verb,
)
from graph.reading import Sentence
from graph.relations_agreement import DOCUMENT_NAMED_BACK

_HANDED_ON = re.compile(
    r"^\s*(?:inviting|calling\s+on|encouraging|welcoming|urging)\b", re.IGNORECASE
)
_ROLES = ("with", "subject", "anaphora", "owner", "modifier", "for")
_ON_A_SATELLITE = re.compile(
    r"\bon\s+(?:a|an|the|its|their|two|three|new)\s+(?:[a-z][\w-]*\s+){0,3}"
    r"(?:satellites?|cubesats?|microsatellites?|spacecraft)\b"
)
# an instrument put on a spacecraft: "is expected to be mounted on the China Space Station"
_MOUNTED = re.compile(r"\b(?:mounted|installed|integrated)\s+(?:on|aboard|onto|into)\b")
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
_PARSED_ROLES = ("from", "by", "agent", "between", "item", "place", "object")
# work done with a partner that is cooperation without another word for it ("data
# sharing with ESA", "built with Kenya")
_SHARED = frozenset(
    ["build", "develop", "design", "construct", "operate", "study", "test", "share", "exchange"]
)


def _shared_clauses(
    sentence: Sentence, groups: list[Group], spans: list[tuple[int, int]], group: Group
) -> list[tuple[int, int]]:
    """Clauses without a partner list of their own, whose predicate shares the subject
    ("China and Britain have promoted ..., upgraded ..., and launched ..."); a clause
    whose verb hands the action to others ("inviting many countries to ...") does not."""
    if group.role not in ("subject", "anaphora"):
        return []
    taken = {clause_of(spans, g.start) for g in groups}
    return [
        (a, b) for a, b in spans if (a, b) not in taken and not _HANDED_ON.match(sentence.text[a:b])
    ]


def _shared_cue(
    sentence: Sentence, groups: list[Group], spans: list[tuple[int, int]], group: Group
) -> bool:
    return any(has_cue(sentence, a, b) for a, b in _shared_clauses(sentence, groups, spans, group))


def _said_again(text: str, group: Group, other: Group) -> bool:
    """Whether ``other`` is ``group``'s short name in brackets right after it."""
    between = text[group.end : other.start]
    return set(other.keys) <= set(group.keys) and re.fullmatch(r"\s*\(\s*", between) is not None


def _areas_for(
    sentence: Sentence,
    index: int,
    groups: list[Group],
    cues: list[Cue],
    gazetteer: Gazetteer,
    mission: str | None,
) -> list[Cue | str]:
    text = sentence.text
    spans = clauses(text)
    group = groups[index]
    if group.role == "from" and (
        group.governor in INSTRUMENT_NOUNS or INSTRUMENT_WORD.search(group.governor)
    ):
        # "a lunar-sky imager from X": an instrument from a partner is a payload, whatever
        # field its name's words touch on
        return ["payloads"]
    clause = clause_of(spans, group.start)
    # a name said again ("the Space Research Institute ... (IKI) on space weather") is
    # the same partner, not a later one the rest of the clause belongs to
    later = [
        g.start
        for g in groups[index + 1 :]
        if clause_of(spans, g.start) == clause
        and g.start >= group.end  # not an owner inside the list ("and Poland's ...")
        and not _said_again(text, group, g)
        and g.role != "location"  # "Aalto University (Finland)": where the body is
    ]
    stop = min(later) if later else clause[1]
    plain = [c for c in cues if not c.titled]
    in_clause = [c for c in plain if clause[0] <= c.start < clause[1]]
    after = [c for c in in_clause if group.end <= c.start < stop]
    verb = verb_before(text, group.start)
    earlier = [g.end for g in groups[:index] if clause_of(spans, g.start) == clause]
    floor = max([verb, *earlier])
    # a cue that holds the verb-like word itself ("conducted personnel exchanges with X")
    before = [c for c in in_clause if c.start < floor <= c.end or floor <= c.start]
    before = [c for c in before if c.end <= group.start]
    own = after or before or (in_clause if not earlier and not later else [])
    if not own and not later and not earlier:
        own = predicate_cues(sentence, group, plain, clause)
    if not own and not has_verb(text[clause[0] : clause[1]]):
        following = [s for s in spans if s[0] >= clause[1]][:1]
        own = [c for c in plain for a, b in following if a <= c.start < b]
    if not own and group.role in ("agent", "subject"):
        own = conjoined_predicate_cues(sentence, group, plain)
    shared = _shared_clauses(sentence, groups, spans, group)
    own = own + [c for c in plain if clause_of(spans, c.start) in shared]
    if own:
        return own
    upto = max(clause[1], group.start)  # the partner's clause and what comes before it
    # "a polarimeter built ... with X" (building a CubeSat with X is making a satellite)
    begin = own_statement_start(text, group.start)
    made_with = (
        group.role == "with"
        and group.governor in _SHARED
        and not re.search(r"(?i)\b(?:cube|small)?sat(?:ellite)?s?\b", text[begin:upto])
    )
    if (group.role in _PARSED_ROLES or made_with) and (
        # the thing may be the subject before a passive's own clause ("two of its
        # instruments, ..., were supplied by X"); "a polarimeter", "mounted on"
        names_instrument(text[begin:upto])
        # an item under "Foreign payloads:" is one of them ("- DORN, provided by CNES")
        or (listed_under(sentence) and names_instrument(sentence.lead_in.text))
        or _MOUNTED.search(text, begin)
        or makes_instrument(sentence, group)
    ):
        return ["payloads"]  # "carried a cubesat from X", "a camera provided by Y"
    if mission and mission in gazetteer.default_areas:
        return [gazetteer.default_areas[mission]]
    if _ON_A_SATELLITE.search(text[clause[0] : clause[1]]):
        return ["satellite-development"]  # "is working with China on a small satellite"
    if mission and gazetteer.kind(mission) is EntityKind.SPACECRAFT:
        return ["satellite-development"]  # working together on a named spacecraft
    # a body's name says what another body does ("set up the Joint Laboratory for Space
    # Weather with X"), not what a partner named does ("National Astronomical Research
    # Institute of Thailand" is no more than a partner in astronomy)
    partners = {k for g in groups for k in g.keys}
    titled = [
        c
        for c in cues
        if c.titled
        and clause[0] <= c.start < clause[1]
        and not any(
            m.key in partners and m.start <= sentence.start + c.start < m.end
            for m in sentence.mentions
        )
    ]
    if titled:
        return titled
    return [sentence.section_area] if sentence.section_area else []


_HELPING = frozenset({"help", "assist", "support", "aid", "set"})
# bodies one is a member of: joining one is taking part in it, not a partner's project
_MEMBERSHIP_BODIES = frozenset({"international organisation", "UN body", "cooperation mechanism"})
_DOING = frozenset(
    {"continue", "agree", "conduct", "carry", "pursue", "implement", "undertake", "run"}
    | {"organise", "organize", "hold", "promote", "advance", "deepen", "expand"}
    # the work itself, when the parse hangs the partner on it: "development with Chile"
    | {"development", "research", "construction", "work"}
)


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
        if group.role in _PARSED_ROLES:
            if not parsed_role_holds(sentence, group, spans, cued, gazetteer):
                continue
        elif (
            group.role not in _ROLES
            or not (
                cued
                or group.role == "for"
                or (group.role in ("modifier", "owner") and acting_bodies(sentence, group))
                or (group.role == "modifier" and people_beside_chinese(sentence, group))
                # "the ILRS, a Moon base project led by China and Russia": leading a
                # mission with China is working on it
                or (group.role == "subject" and group.governor in _LEADING and missions)
                # "built with Kenya", "led by X with Y": working with the one who contributes
                or (group.role == "with" and group.governor in _SHARED | CONTRIBUTING)
                # "China helped the Rwanda Space Agency set up ...": helping is working with
                or (group.role == "with" and group.governor in _HELPING and cues)
                # "We will continue satellite development with Brazil": doing the work a
                # clause names with a partner
                or (group.role == "with" and group.governor in _DOING and cues)
                # "Magnetometer .... National Space Science Center, with X": a Chinese
                # body's work with the partner
                or (group.role == "with" and _with_chinese_body(sentence, group, gazetteer))
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
            and foreign_subject(sentence, groups, group.start, gazetteer.domestic)
        ):
            continue
        if between_others(sentence, groups, group, gazetteer):
            continue  # "Bahrain's satellite, built with Khalifa University": not China's
        own_cue = has_cue(sentence, *clause_of(spans, group.start))
        if group.role in ("owner", "modifier") and not (
            own_cue or acting_bodies(sentence, group) or people_beside_chinese(sentence, group)
        ):
            continue
        if group.role == "owner" and owns_named_body(sentence, group):
            continue  # "Bahrain's National Space Science Agency": the agency is the partner
        contributed = group.role == "from" and group.governor in INSTRUMENT_NOUNS
        if (
            set(group.keys) <= parties
            and not contributed  # "... would carry a French payload" is more than the deal
            and not (own_cue or _shared_cue(sentence, groups, spans, group))
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
            )
        if mission is not None:
            mission = carrier(sentence, gazetteer, mission)
        areas = _areas_for(sentence, i, groups, cues, gazetteer, mission)
        if group.governor == "join" and mission in gazetteer.default_areas:
            areas = [gazetteer.default_areas[mission]]  # joining a mission: its own area
        partners = group.keys
        if group.role == "modifier" and trained_in_china(sentence, group):
            # their training is the cooperation, whatever mission the sentence names
            mission, areas = None, ["training-and-education"]
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
            paired = mission
            if paired is None and i not in missions and key == "payloads":
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


def _verb_end(sentence: Sentence, group: Group) -> int:
    """Where the verb a subject acts through ends ("Roscosmos and CNSA *will build*"), so
    that its tense counts; 0 for other roles."""
    doc = sentence.parse
    if doc is None or group.role not in ("subject", "agent", "anaphora", "modifier"):
        return 0  # ("Kenyan engineers never worked ...": the people's verb)
    verb = clause_verb(doc, group.start, group.end)
    return 0 if verb is None else doc[verb].idx + len(doc[verb])
