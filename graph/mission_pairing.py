"""Which mission or spacecraft a sentence pairs with its partner lists: a single
mission framing the sentence, the one in a list's own clause, or the one "its" refers
to in the sentence before. Used by the cooperation reader."""

from __future__ import annotations

import re

from graph.cooperation_words import INSTRUMENT_NAME
from graph.coordinated_clauses import OPENER, own_coordinated_clause
from graph.gazetteer import Gazetteer
from graph.grammar import Group, clause_of, clauses, status_at
from graph.model import EntityKind, Status
from graph.parsing import span_root
from graph.reading import Sentence
from graph.recognise import Found
from graph.subject_mission import subject_mission

_MISSION_KINDS = (EntityKind.MISSION, EntityKind.SPACECRAFT)


def missions_for(
    sentence: Sentence, groups: list[Group]
) -> dict[int, tuple[str, tuple[int, int] | None]]:
    """Which groups (by index) the sentence pairs with one mission or spacecraft (see
    ``_pairing``), except a group that is the subject of a clause of its own joined to
    the mission's by "and": a second statement, not one about the mission; a group it
    pairs with nothing takes the mission that is its verb's subject, if any."""
    paired = _pairing(sentence, groups)
    out = {
        i: (key, clause)
        for i, (key, clause) in paired.items()
        if not own_coordinated_clause(
            sentence, groups[i], [m for m in sentence.mentions if m.key == key and not m.nested]
        )
    }
    # "Its successor, Tianwen-3, is due in 2030 and will carry instruments from X": the
    # parse finds the mission the clause cut left in a clause of its own
    missions = [m for m in sentence.mentions if not m.nested and m.kind in _MISSION_KINDS]
    for i, group in enumerate(groups):
        if i not in paired and (key := subject_mission(sentence, group, missions)):
            out[i] = (key, None)
    return out


def _pairing(
    sentence: Sentence, groups: list[Group]
) -> dict[int, tuple[str, tuple[int, int] | None]]:
    """Which groups (by index) the sentence pairs with one mission or spacecraft.

    A mission named in a list of missions, right after "such as"/"including", or in a
    "through ..." phrase pairs with nothing. Otherwise a single mission before the first
    partner list frames the whole sentence; one inside a clause pairs with that clause's
    lists, or with the sentence's subject when its clause has no list of its own.
    """
    text = sentence.text
    spans = clauses(text)
    mentions = [m for m in sentence.mentions if not m.nested and m.kind in _MISSION_KINDS]
    candidates: list[Found] = []
    in_lists = listed_missions(sentence)
    for m in mentions:
        s = m.start - sentence.start
        listed = m.key in in_lists
        clause_start = clause_of(spans, s)[0]
        # "Russia's GLONASS system": the partner's own system, not a shared mission
        owned = any(g.role == "owner" and 0 <= s - g.end <= 3 for g in groups)
        if owned:
            continue
        introduced = re.search(r"\b(?:such\s+as|including)\s+(?:the\s+)?$", text[:s])
        # "cooperated on Earth observation through the CBERS programme" pairs with it;
        # a mission inside a longer "through ..." phrase does not
        through = re.search(r"\bthrough\b(?!\s+(?:the\s+)?$)", text[clause_start:s])
        if not (listed or introduced or through):
            candidates.append(m)
    paired = _each_with_its_own(sentence, groups, mentions)
    if paired:
        return paired
    carried = _carried_list(sentence, groups, candidates)
    if carried is not None:
        return dict.fromkeys(range(len(groups)), (carried, None))
    # "Chang'e-6 carried four payloads: ..., the ICUBE-Q cubesat of ...": what the list
    # after a carrier's colon names is carried, not the mission
    colon = re.search(r"\b(?:payloads?|instruments?|experiments?)\s*:", text)
    if colon and any(m.start - sentence.start < colon.start() for m in candidates):
        candidates = [m for m in candidates if m.start - sentence.start < colon.start()]
    carrying = _without_carried(sentence, candidates)
    if len(carrying) < len(candidates) and len({m.key for m in carrying}) == 1 and groups:
        return dict.fromkeys(range(len(groups)), (carrying[0].key, None))
    carriers = [m for m in candidates if not INSTRUMENT_NAME.search(m.text)]
    if carriers:  # a mission and its instruments: the mission is what the sentence pairs
        candidates = carriers
    if not candidates or not groups:
        return {}
    first_group = clause_of(spans, groups[0].start)
    keys = {m.key for m in candidates}
    leading = min(candidates, key=lambda m: m.start)
    lead_at = leading.start - sentence.start
    framed = lead_at < groups[0].start and (
        clause_of(spans, lead_at) == first_group or OPENER.match(text[:lead_at])
    )
    opener = OPENER.match(text[:lead_at])
    if (len(keys) == 1 and framed) or opener:
        # "On SVOM, CNES supplied ... the Microchannel X-ray Telescope": the opening
        # names the mission; names after it are its parts and instruments
        return dict.fromkeys(range(len(groups)), (leading.key, None))
    group_clauses = {clause_of(spans, g.start) for g in groups}
    out = {}
    for clause in {clause_of(spans, m.start - sentence.start) for m in candidates}:
        here = {m.key for m in candidates if clause_of(spans, m.start - sentence.start) == clause}
        if len(here) != 1:
            continue
        (key,) = here
        for i, g in enumerate(groups):
            own = clause_of(spans, g.start) == clause
            shared = clause not in group_clauses and g.role in ("subject", "anaphora")
            if own:
                out[i] = (key, None)
            elif shared:
                out[i] = (key, clause)
    return out


# "Chang'e-7 ... will carry instruments from abroad: a camera built by X; a reflector
# from Y": what a carrier's verb announces before a colon, the list after it gives
_ANNOUNCED = re.compile(
    r"\b(?:carr(?:y|ies|ied|ying)|fl(?:y|ies|ew|own)|host(?:s|ed)?|take|takes|took|bring|"
    r"brings|brought|include|includes|included)\b[^:;]*"
    r"\b(?:payloads?|instruments?|experiments?|detectors?|devices?|guests?)\b[^:;]*:\s"
)


def _carried_list(sentence: Sentence, groups: list[Group], candidates: list[Found]) -> str | None:
    """The one mission a sentence names before the colon that opens the list of what it
    carries, when every partner is in that list."""
    text = sentence.text
    announced = _ANNOUNCED.search(text)
    if announced is None or not groups or groups[0].start < announced.end():
        return None
    before = {m.key for m in candidates if m.end - sentence.start <= announced.start()}
    return before.pop() if len(before) == 1 else None


# the verbs by which a mission carries what flies on it
CARRYING = frozenset(("carry", "host", "fly", "bring", "take", "include"))


def _without_carried(sentence: Sentence, candidates: list[Found]) -> list[Found]:
    """Drop the crafts a carrying verb takes as its object when another candidate is its
    subject: in "Chang'e-6, which ..., carried a detector from A and the ICUBE-Q cubesat
    from B" the cubesat is one of the things carried, and Chang'e-6 is the mission."""
    doc = sentence.parse
    if doc is None or len(candidates) < 2:
        return candidates
    carried = set()
    for m in candidates:
        token = span_root(doc, m.start - sentence.start, m.end - sentence.start)
        steps = 0
        while token is not None and token.head.i != token.i and steps < 12:
            steps += 1
            head = token.head
            if head.pos_ in ("VERB", "AUX"):
                if token.dep_ in ("nsubj", "nsubjpass") or head.lemma_ not in CARRYING:
                    break
                subjects = [c for c in head.children if c.dep_ == "nsubj"]
                if any(
                    any(
                        t.idx <= o.start - sentence.start < t.idx + len(t)
                        for s in subjects
                        for t in s.subtree
                    )
                    for o in candidates
                    if o is not m
                ):
                    carried.add(id(m))
                break
            token = head
    kept = [m for m in candidates if id(m) not in carried]
    return kept or candidates


def _between(text: str, sentence: Sentence, a: Found, b: Found) -> str:
    first, second = (a, b) if a.start < b.start else (b, a)
    return text[first.end - sentence.start : second.start - sentence.start]


_ITS_THING = re.compile(
    r"\b(?:its|their)\s+(?:[\w-]+\s+){0,3}?(?:instruments?|payloads?|detectors?|cameras?|"
    r"telescopes?|data|imagery|images|observations|samples|sensors?|spectrometers?|"
    # the craft's own parts: "mounted on its orbiter and lander are instruments from X"
    r"orbiters?|landers?|rovers?|modules?|ascenders?)\b",
    re.IGNORECASE,
)


# "It had carried instruments from ...", "The lander will host ...": the craft the sentence
# before named is the subject that carries
_CRAFT_PART = r"(?:mission|probe|spacecraft|lander|orbiter|rover|station|satellite)"
_IT_CARRIES = re.compile(
    rf"^(?:It|(?:Both\s+)?The\s+{_CRAFT_PART}(?:\s+and\s+(?:the\s+|its\s+)?{_CRAFT_PART})?)\s+"
    r"(?:(?:will|would|also|had|has|have|then|later|successfully|already|be|been)\s+){0,3}"
    r"(?:carr(?:y|ies|ied)|host(?:s|ed)?|fl(?:y|ies|ew|own)|brought|bring|brings)\b"
)


def previous_mission(sentence: Sentence, start: int = 0, end: int | None = None) -> str | None:
    """The mission "its" refers to in "its instruments were supplied by X" or "it" in "It
    carried instruments from X" (between
    ``start`` and ``end``): the one mission or spacecraft the sentence before names, when
    this sentence names none."""
    if not (
        _ITS_THING.search(sentence.text, start, len(sentence.text) if end is None else end)
        or _IT_CARRIES.match(sentence.text)
    ):
        return None
    if any(m.kind in _MISSION_KINDS and not m.nested for m in sentence.mentions):
        return None
    before = sentence.previous
    if before is None:
        return None
    keys = {m.key for m in before.mentions if m.kind in _MISSION_KINDS and not m.nested}
    return keys.pop() if len(keys) == 1 else None


_CARRIES = re.compile(
    r"\b(?:payloads?|instruments?|experiments?|carr(?:y|ies|ied|ying)|fl(?:y|ies|ew)\s+on|aboard|on\s+board)\b",
    re.IGNORECASE,
)


def payload_mission_before(sentence: Sentence) -> str | None:
    """The mission a payload that names none flies on when the sentence before, in the
    same paragraph, is about one mission's payloads ("Chang'e-9 will carry six
    international instruments. Egypt will supply a camera."), or itself took its
    mission so; remembered for the sentence after."""
    before = sentence.previous
    # "The selected payloads include ...": a paragraph that opens with the payloads the
    # last one announced goes on with its mission
    if before is None or (sentence.opens_paragraph and not _THE_PAYLOADS.match(sentence.text)):
        return None
    if "payload_mission" in before.notes:
        return before.notes["payload_mission"]  # type: ignore[return-value]
    keys = {m.key for m in before.mentions if m.kind in _MISSION_KINDS and not m.nested}
    if len(keys) != 1 or not _CARRIES.search(before.text):
        return None
    return keys.pop()


_THE_PAYLOADS = re.compile(
    r"(?:The|These|Its)\s+(?:[a-z-]+\s+){0,2}(?:payloads|instruments|experiments)\b"
)
_SAME_CRAFT = re.compile(
    r"\b(?:the\s+)?same\s+(?:mission|probe|spacecraft|satellite|lander|orbiter|rover|station)\b",
    re.IGNORECASE,
)


def same_mission(sentence: Sentence, start: int, end: int) -> str | None:
    """The mission "the same mission" between ``start`` and ``end`` refers back to: the
    last one named before it in the sentence, else the one the sentence before names."""
    said = _SAME_CRAFT.search(sentence.text, start, end)
    if said is None:
        return None
    before = [
        m
        for m in sentence.mentions
        if m.kind in _MISSION_KINDS and not m.nested and m.end - sentence.start <= said.start()
    ]
    if before:
        return before[-1].key
    earlier = sentence.previous
    keys = [m.key for m in earlier.mentions if m.kind in _MISSION_KINDS] if earlier else []
    return keys[-1] if keys else None


def carrier(sentence: Sentence, gazetteer: Gazetteer, key: str) -> str:
    """The mission that carries an instrument the sentence pairs with the partner ("the
    Follow-up X-ray Telescope, one of the Einstein Probe's two instruments"; "two of the
    instruments on SVOM, ... the Microchannel X-ray Telescope"): its recorded parent, the
    other mission the sentence names, or the mission of the section."""
    entity = gazetteer.entities.get(key)
    if entity is None or not INSTRUMENT_NAME.search(entity.label):
        return key
    if entity.part_of:
        return entity.part_of[0]
    others = {
        m.key
        for m in sentence.mentions
        if not m.nested
        and m.kind in (EntityKind.MISSION, EntityKind.SPACECRAFT)
        and m.key != key
        and not INSTRUMENT_NAME.search(gazetteer.entities[m.key].label)
    }
    if len(others) == 1:
        return others.pop()
    return sentence.section_mission or key


_LIST_GLUE = re.compile(r"\s*(?:satellites?\s*)?(?:,|and|,\s*and)\s*(?:the\s+)?")


def listed_missions(sentence: Sentence) -> set[str]:
    """The missions the sentence names in a list of missions ("the Chang'e-4 and Chang'e-5
    missions"): a list pairs with no one mission."""
    mentions = [m for m in sentence.mentions if not m.nested and m.kind in _MISSION_KINDS]
    return {
        m.key
        for m in mentions
        for other in mentions
        if other.key != m.key
        # "instruments on Chang'e-9, the Lunar Dust Telescope and ...": its instrument
        and not INSTRUMENT_NAME.search(other.text)
        and not INSTRUMENT_NAME.search(m.text)
        and _LIST_GLUE.fullmatch(_between(sentence.text, sentence, m, other))
    }


def payload_status(
    sentence: Sentence,
    pos: int,
    area: str,
    mission: str | None,
    mission_clause: tuple[int, int] | None,
) -> Status:
    """The time of the partner's verb; but a payload is on its mission when it flies:
    "built by X, and it will fly on Chang'e-7" is planned."""
    status = status_at(sentence, pos)
    if area != "payloads" or mission is None:
        return status
    within = mission_clause or (0, len(sentence.text))
    named = [
        m.start - sentence.start
        for m in sentence.mentions
        if m.key == mission and within[0] <= m.start - sentence.start < within[1]
    ]
    if named and status_at(sentence, named[0]) is Status.PLANNED:
        return Status.PLANNED
    return status


_ON_WHAT = re.compile(r"\s*(?:on|in)\s+(?:the\s+|its\s+|their\s+)?")


def _each_with_its_own(
    sentence: Sentence, groups: list[Group], mentions: list[Found]
) -> dict[int, tuple[str | None, tuple[int, int] | None]]:
    """ "worked with Brazil on CBERS-6 and with France on the SVOM satellite": each
    partner with the work its own "on" phrase names (a mission, or none), when the
    sentence gives two partners such phrases of their own."""
    text = sentence.text
    own: dict[int, tuple[str | None, tuple[int, int] | None]] = {}
    for i, g in enumerate(groups):
        on = _ON_WHAT.match(text, g.end)
        if g.role != "with" or on is None:
            continue
        named = [m.key for m in mentions if m.start - sentence.start == on.end()]
        own[i] = (named[0] if named else None, None)
    # ("... with ESA on engineering technology, and with Austria on payloads": fields,
    # not work of their own; the mission that frames the sentence holds for both)
    return own if len(own) >= 2 and any(key for key, _clause in own.values()) else {}


def one_mission_before(sentence: Sentence, before: int) -> str | None:
    """The one mission a sentence names before ``before``, whatever clause names it."""
    named = {
        m.key
        for m in sentence.mentions
        if m.kind is EntityKind.MISSION and not m.nested and m.end - sentence.start <= before
    }
    return next(iter(named)) if len(named) == 1 else None
