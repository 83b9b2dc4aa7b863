"""The areas a partner's cooperation is in: the cue words of its own clause first (after
the partner, then before it, then the predicate it shares with other clauses), then what
its role says (an instrument from a partner is a payload), the mission's own area, a
satellite worked on, a body's name, the section's area. Apart from
``graph.relations_cooperation``, which decides whether there is cooperation at all.
"""

from __future__ import annotations

import re

from graph.area_cues import Cue
from graph.cooperation_cues import conjoined_predicate_cues, makes_instrument, predicate_cues
from graph.cooperation_roles import has_cue
from graph.cooperation_words import INSTRUMENT_WORD, names_instrument
from graph.gazetteer import Gazetteer
from graph.grammar import Group, clause_of, clauses, has_verb, own_statement_start, verb_before
from graph.list_items import listed_under
from graph.model import EntityKind
from graph.parsing import INSTRUMENT_NOUNS, clause_verb
from graph.reading import Sentence

_HANDED_ON = re.compile(
    r"^\s*(?:inviting|calling\s+on|encouraging|welcoming|urging)\b", re.IGNORECASE
)
_ON_A_SATELLITE = re.compile(
    r"\bon\s+(?:a|an|the|its|their|two|three|new)\s+(?:[a-z][\w-]*\s+){0,3}"
    r"(?:satellites?|cubesats?|microsatellites?|spacecraft)\b"
)
# an instrument put on a spacecraft: "is expected to be mounted on the China Space Station"
_MOUNTED = re.compile(r"\b(?:mounted|installed|integrated)\s+(?:on|aboard|onto|into)\b")
PARSED_ROLES = ("from", "by", "agent", "between", "item", "place", "object")
# work done with a partner that is cooperation without another word for it ("data
# sharing with ESA", "built with Kenya")
SHARED = frozenset(
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


def shared_cue(
    sentence: Sentence, groups: list[Group], spans: list[tuple[int, int]], group: Group
) -> bool:
    return any(has_cue(sentence, a, b) for a, b in _shared_clauses(sentence, groups, spans, group))


def another_statement(sentence: Sentence, group: Group, cue: Cue) -> bool:
    """Whether the cue belongs to a later coordinated statement with a subject of its
    own ("exchanges data with X, and we have given imagery to the disaster management
    agencies of Y"): the parse puts it under another verb, conjoined, with its own
    subject."""
    doc = sentence.parse
    if doc is None:
        return False
    own = clause_verb(doc, group.start, group.end)
    other = clause_verb(doc, cue.start, cue.end)
    if own is None or other is None or other <= own:
        return False
    verb = doc[other]
    conjoined = verb.dep_ == "conj" and verb.head.i == own
    return conjoined and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _said_again(text: str, group: Group, other: Group) -> bool:
    """Whether ``other`` is ``group``'s short name in brackets right after it."""
    between = text[group.end : other.start]
    return set(other.keys) <= set(group.keys) and re.fullmatch(r"\s*\(\s*", between) is not None


def areas_for(
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
    after = [
        c
        for c in in_clause
        if group.end <= c.start < stop and not another_statement(sentence, group, c)
    ]
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
        and group.governor in SHARED
        and not re.search(r"(?i)\b(?:cube|small)?sat(?:ellite)?s?\b", text[begin:upto])
    )
    if (group.role in PARSED_ROLES or made_with) and (
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


def listed_among_areas(
    sentence: Sentence, mission: str | None, areas: list[Cue | str], gazetteer: Gazetteer
) -> Cue | None:
    """The mission's own area, as a cue where it is named, when the sentence names the
    mission as one item of a list of fields ("remote sensing, BeiDou applications and
    training"): between two of the fields' cues, or after the last one's "and"."""
    cues = sorted((a for a in areas if isinstance(a, Cue)), key=lambda c: c.start)
    area = gazetteer.default_areas.get(mission or "")
    if len(cues) < 2 or area is None or any(c.area == area for c in cues):
        return None
    text = sentence.text
    for m in sentence.mentions:
        if m.key != mission or m.nested:
            continue
        start, end = m.start - sentence.start, m.end - sentence.start
        before = [c for c in cues if c.end <= start]
        after = [c for c in cues if c.start >= end]
        if not before or not _LIST_GLUE.fullmatch(text[before[-1].end : start]):
            continue
        # the items may have a word or two beside the names ("BeiDou applications and
        # personnel training")
        if not after or _ITEM_END.fullmatch(text[end : after[0].start]):
            return Cue(area, start, end, False)
    return None


# what stands between the items of a list of fields
_LIST_GLUE = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)(?:the\s+)?")
_ITEM_END = re.compile(r"(?:\s+[a-z]+){0,2}" + _LIST_GLUE.pattern + r"(?:[a-z]+\s+){0,2}")
