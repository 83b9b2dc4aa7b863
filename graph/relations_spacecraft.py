"""Spacecraft China built, delivered, launched or jointly developed for or with a partner.

A trigger ("in-orbit delivery of", "launched", "launch service for", "took on",
"co-developed", "joint development of", "developing ... for", "exported to") is followed
by its objects: a list of named spacecraft or of satellites described by their owner
("Nigeria's communications satellite"). The partner is, in this order, a country inside
the spacecraft's own name ("Pakistan Remote-Sensing Satellite"), its possessive owner,
the list after "for"/"to", or, for joint work and for successful launches, the
co-subject ("China and Brazil", "They"). Coordinated verbs share their objects
("developed and successfully launched the ..."). A spacecraft named after China and a
partner ("the Sino-French ocean satellite") in a sentence about cooperation is a joint
development. Without a partner there is no fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from graph.craft_classes import class_members
from graph.craft_examples import named_examples
from graph.craft_trade import traded_crafts
from graph.gazetteer import Gazetteer
from graph.grammar import Group, clause_of, clauses, status_at
from graph.joint_craft_names import joint_developments
from graph.launch_context import CHINESE_LAUNCH
from graph.model import EntityKind, SpacecraftActivity, Status
from graph.reading import Sentence
from graph.spacecraft_partners import CHINESE_SIDE, named_in
from graph.spacecraft_syntax import frames
from graph.tense import under_way
from graph.unnamed_launches import unnamed_launches

# the verbs in their third-person present too: a headline tells a past event so
# ("Chinese rocket launches satellites for Mongolia"), a company release its trade
_TRIGGERS = [
    ("delivered", r"in-orbit\s+delivery\s+of|delivered|delivers|handed\s+over|hands\s+over"),
    (
        "jointly-developed",
        r"(?:jointly|co-)\s*develop\w*|joint\s+(?:research\s+and\s+)?development\s+of|"
        r"research\s+and\s+development\s+of",
    ),
    ("launched", r"launch\s+services?\s+for|launch(?:ed|es)?|took\s+on"),
    ("built", r"developing|develop(?:ed|s)?|built|builds?|exported|made"),
]
_TRIGGER = re.compile(
    r"(?<![\w-])(?:" + "|".join(f"(?P<{k.replace('-', '_')}>{p})" for k, p in _TRIGGERS) + r")\b"
)
_LEAD = re.compile(
    r"^(?:\s+and\s+(?:successfully\s+)?(?:launched|delivered|developed))?\s*(?:of\s+)?"
    r"(?:the\s+|an?\s+|its\s+)?(?:\d+\s+)?"
)
_DESCRIPTION = re.compile(
    r"^((?:(?!(?:for|to|with|from|by|on|in|at|the|own)\b)[A-Za-z][\w-]*\s+){0,5}?"
    r"satellites?(?:-\d+)?)\b(?!\s+(?:carrying|data))"
)
_GLUE = re.compile(r"^\s*(?:\([^)]*\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")
_JOINT_CUE = re.compile(r"^(?:-\s*)?together\s+with\b|\b(?:jointly|co-|joint)\b", re.IGNORECASE)
_AGREED = re.compile(
    r"\b(?:agreements?|memorand(?:um|a)|statements?|letters?\s+of\s+intent|outlines?)\s+"
    r"(?:of\s+understanding\s+)?(?:on|for|to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SPACECRAFT_KINDS = (EntityKind.SPACECRAFT, EntityKind.MISSION)


@dataclass(frozen=True)
class _Item:
    spacecraft: str | None
    description: str | None
    start: int
    end: int
    partners: tuple[str, ...]  # from the name or a possessive owner


def _item_at(
    sentence: Sentence, pos: int, groups: list[Group], gazetteer: Gazetteer
) -> _Item | None:
    text = sentence.text
    owner: tuple[str, ...] = ()
    for g in groups:
        if g.role == "owner" and g.start == pos:
            owner = g.keys
            rest = re.match(r"\s*(?:'s|'|\u2019s|\u2019)\s+", text[g.end :])
            pos = g.end + (rest.end() if rest else 0)
            break
    for m in sentence.mentions:
        if m.nested or m.kind not in _SPACECRAFT_KINDS or m.start - sentence.start != pos:
            continue
        end = m.end - sentence.start
        tail = re.match(r"(?:\s+[\w-]+){0,3}?\s+satellite\b", text[end:])
        if tail:
            end += tail.end()
        partners = named_in(sentence, m, gazetteer) or owner
        if m.kind is EntityKind.SPACECRAFT:
            return _Item(m.key, None, pos, end, partners)
        label = gazetteer.entities[m.key].label
        return _Item(None, label, pos, end, partners)
    described = _DESCRIPTION.match(text[pos:])
    if described:
        end = pos + described.end()
        # "the Bolivian communications satellite TKSat-2": the demonym names the owner,
        # the name after the description the craft (where China's side is named at all:
        # "South African cubesats were launched by Russia")
        china = CHINESE_SIDE.search(text)
        owner = owner or tuple(
            m.key
            for m in sentence.mentions
            if china
            and m.adjectival
            and m.kind is EntityKind.COUNTRY
            and pos <= m.start - sentence.start < end
        )
        for m in sentence.mentions:
            named = m.start - sentence.start == end + 1
            if named and not m.nested and m.kind is EntityKind.SPACECRAFT:
                return _Item(m.key, None, pos, m.end - sentence.start, owner)
        return _Item(None, described.group(1), pos, end, owner)
    return None


def _objects(
    sentence: Sentence, pos: int, groups: list[Group], gazetteer: Gazetteer
) -> list[_Item]:
    text = sentence.text
    lead = _LEAD.match(text[pos:])
    pos += lead.end() if lead else 0
    items: list[_Item] = []
    glue = None
    while True:
        item = _item_at(sentence, pos, groups, gazetteer)
        if item is None:
            break
        apposed = glue is not None and "and" not in glue.group(0)
        if apposed and items and items[-1].spacecraft and not item.spacecraft:
            # "ETRSS-1, Ethiopia's first satellite,": the same craft, whose description
            # runs on to whom it was for ("Belintersat-1, a satellite for Belarus")
            items[-1] = replace(items[-1], end=item.end)
        elif apposed and items and not items[-1].spacecraft and item.spacecraft:
            # "two satellites, AndeSat-5 and AndeSat-6,": they are named; "Malawi's first
            # satellite, MalaSat-1": the owner the description gave is the name's too
            items[-1] = replace(item, partners=item.partners or items[-1].partners)
        else:
            items.append(item)
        glue = _GLUE.match(text[item.end :])
        if not glue:
            break
        pos = item.end + glue.end()
    return items


_ENTRY = re.compile(r"^(?:[-\u2022*]\s*|(?:[A-Z]\.?)?\d+(?:\.\d+)*\.?\s+)?")


def _entry_head(sentence: Sentence, groups: list[Group]) -> tuple[_Item, tuple[str, ...]] | None:
    """The spacecraft an entry line is about and its partners: those its parenthesis
    names ("<spacecraft> (with <partner>): <what happened>"), else whom the line says the
    work was for or with, else the partner its section is headed with."""
    text = sentence.text
    lead = _ENTRY.match(text)
    at = lead.end() if lead else 0
    head = [
        f
        for f in sentence.mentions
        if not f.nested and f.kind is EntityKind.SPACECRAFT and f.start - sentence.start == at
    ]
    if not head:
        return None
    end = head[0].end - sentence.start
    note = re.match(r"\s*(?:\(([^)]*)\))?\s*:", text[end:])
    if note is None:
        return None
    partners: tuple[str, ...] = ()
    if note.group(1) is not None:
        inside = (end + note.start(1), end + note.end(1))
        partners = _keys(groups, "with", *inside)
    # "VeneSat-1: ... built for Venezuela", "MisrSat-2: jointly developed with the EgSA":
    # whom the line says the work was for, or with
    partners = partners or _keys(groups, "for", end) or _keys(groups, "with", end)
    if not partners and sentence.section_partner and _CHINA_MADE.search(text, end):
        # "- NigComSat-1R: built by CGWIC, launched from Xichang" under "Nigeria": the
        # partner of the section, for a craft China made or launched
        partners = (sentence.section_partner,)
    return (_Item(head[0].key, None, 0, 0, ()), partners) if partners else None


def _keys(groups: list[Group], role: str, start: int, end: int | None = None) -> tuple[str, ...]:
    """The partners of the groups in ``role`` between ``start`` and ``end``."""
    return tuple(
        k
        for g in groups
        if g.role == role and start <= g.start and (end is None or g.start < end)
        for k in g.keys
    )


_FORMAL_STATE = re.compile(
    r"\s+(?:for|to)\s+(?:the\s+)?(?:Government|Sultanate|Kingdom|Republic|Emirate|Federation|"
    r"Principality|State)\s+of\s+(?:the\s+)?"
)
_IN_ORBIT = re.compile(r"(?:\s+in(?:\s+|-)orbit\b)?")
_CHINA_MADE = re.compile(rf"{CHINESE_SIDE.pattern}|{CHINESE_LAUNCH.pattern}")


def _group_after(groups: list[Group], pos: int, role: str, limit: int) -> Group | None:
    for g in groups:
        if g.role == role and pos <= g.start <= pos + limit:
            return g
    return None


_MAKING = frozenset({"built"})  # (developing jointly is cooperation already under way)


def extract(
    sentence: Sentence, groups: list[Group], gazetteer: Gazetteer
) -> list[SpacecraftActivity]:
    """Spacecraft activities the sentence states, with the sentence as evidence."""
    text = sentence.text
    spans = clauses(text)
    subject = [k for g in groups if g.role in ("subject", "anaphora") for k in g.keys]
    joint_with = [k for g in groups if g.role == "with" for k in g.keys]  # "jointly with X"
    joint_sentence = bool(_JOINT_CUE.search(text))
    facts: dict[tuple, SpacecraftActivity] = {}

    def add(
        activity: str, item: _Item, partner: str, at: int, method: str = "spacecraft-trigger"
    ) -> None:
        agreed = _AGREED.search(text[: max(at, 0)])  # "an agreement on the joint development of"
        fact = SpacecraftActivity(
            evidence=(sentence.evidence(at),),
            status=Status.PLANNED
            if agreed or (activity in _MAKING and under_way(sentence.parse, at))
            else status_at(sentence, at),
            activity=activity,
            partner=partner,
            spacecraft=item.spacecraft,
            description=None if item.spacecraft else item.description,
            method=method,
        )
        facts.setdefault((activity, partner, item.spacecraft, item.description), fact)

    for m in _TRIGGER.finditer(text):
        word = m.group(0)
        if word[:1].isupper() and m.start() > 2:
            continue  # part of a title ("Joint Development of CBERS-04A")
        if word.endswith("s") and _plural_noun(sentence, m.start()):
            continue  # "Chinese launches of American satellites": the noun, not the verb
        activity = next(k for k, v in m.groupdict().items() if v).replace("_", "-")
        clause = clause_of(spans, m.start())
        if word.startswith("develop") and (joint_sentence or subject) and activity == "built":
            activity = "jointly-developed"
        if word == "exported":
            target = _group_after(groups, m.end(), "to", 5)
            if target:
                before = re.findall(
                    r"\b((?:[a-z][\w-]*\s+){0,2}satellites?)\b", text[clause[0] : m.start()]
                )
                item = _Item(None, before[-1] if before else "satellites", m.start(), m.end(), ())
                for partner in target.keys:
                    add("built", item, partner, m.start())
                continue
        items = _objects(sentence, m.end(), groups, gazetteer)
        entry = _entry_head(sentence, groups) if not items else None
        if entry is not None:
            # a status entry: "CSES-02 (with Italy): launched on 14 June 2025"
            item, partners = entry
            for partner in partners:
                add(activity, item, partner, m.start())
            continue
        if not items:
            continue
        # "delivered satellites in orbit to Laos": where the craft went, past its orbit
        reach = 12 + len(_IN_ORBIT.match(text, items[-1].end).group(0))
        # "for the Sultanate of Oman": the state by its formal name
        formal = _FORMAL_STATE.match(text, items[-1].end + reach - 12)
        reach += len(formal.group(0)) if formal else 0
        beneficiary = (
            _group_after(groups, items[-1].end, "for", reach)
            or (activity == "delivered" and _group_after(groups, items[-1].end, "to", reach))
            or None
        ) or next(
            (g for g in groups if g.role == "for" and g.governor == _LEMMA.get(word.lower())),
            None,
        )  # "launched the Taifa-2 Earth observation satellite for Kenya": the parse says
        if beneficiary is None and activity == "launched" and CHINESE_SIDE.search(text):
            # "Long March rockets have launched satellites from Argentina and Luxembourg"
            beneficiary = _group_after(groups, items[-1].end, "from", 6)
        if beneficiary is not None and not any(i.spacecraft for i in items):
            # "launched satellites for KACST: SaudiSat-5A and SaudiSat-5B": the crafts
            items = _listed_after(sentence, beneficiary.end) or items
        joint = activity == "jointly-developed"
        successful = re.search(r"successfully\s+$", text[: m.start()]) is not None
        for item in items:
            # whom the sentence says the work was for comes before whom the craft's name
            # or owner suggests ("GhanaSat-4 ... for the Ghana Space Science Institute")
            partners: tuple[str, ...] = beneficiary.keys if beneficiary else item.partners
            if not beneficiary and joint and joint_with:
                partners = tuple(joint_with)  # "MisrSat-2: developed jointly with the EgSA"
            if not partners and (joint or successful) and subject:
                partners = tuple(subject)
            if not partners and joint and joint_sentence:
                partners = tuple(joint_with)
            if (
                not partners
                and activity == "launched"
                and CHINESE_LAUNCH.search(text)
                and status_at(sentence, m.start()) is Status.ACHIEVED  # not a report of a plan
            ):
                # "Satellogic has launched dozens of satellites on Long March rockets":
                # the foreign body that launched on China's rockets is the customer
                partners = tuple(
                    k for g in groups if g.role == "agent" and g.governor in _FLYING for k in g.keys
                )
            for partner in partners:
                add(activity, item, partner, m.start())
        coordinated = re.match(r"\s+and\s+(?:successfully\s+)?(launched)\b", text[m.end() :])
        if coordinated and joint:
            for item in items:
                for partner in item.partners or (
                    (beneficiary.keys if beneficiary else ()) or tuple(subject)
                ):
                    add("launched", item, partner, m.start())
    for activity, craft, partner, at, method in joint_developments(sentence, groups, gazetteer):
        add(activity, _Item(craft, None, 0, 0, ()), partner, at, method)
    for activity, description, partner, at in unnamed_launches(sentence, groups):
        add(activity, _Item(None, description, 0, 0, ()), partner, at)
    # launch services sold, satellites exported
    for activity, description, partner, at in traded_crafts(sentence, groups, gazetteer):
        add(activity, _Item(None, description, 0, 0, ()), partner, at, "spacecraft-trade")
    for activity, craft, partner, at in [
        *frames(sentence, groups, gazetteer),
        *class_members(sentence, groups, gazetteer),
        *named_examples(sentence, groups, gazetteer),  # "satellites for X, starting with Y"
    ]:
        add(activity, _Item(craft, None, 0, 0, ()), partner, at)
    return list(facts.values())


def _plural_noun(sentence: Sentence, at: int) -> bool:
    """Whether the word at ``at`` ("launches", "builds") is a plural noun, as the parse
    or the words around it say: a determiner or adjective on it, "of" after it."""
    if re.match(r"\w+\s+of\b", sentence.text[at:]):
        return True
    doc = sentence.parse
    token = next((t for t in doc if t.idx == at), None) if doc is not None else None
    return (
        token is not None
        and token.tag_ == "NNS"
        and any(c.dep_ in ("det", "amod", "nummod", "poss") for c in token.children)
    )


_FLYING = frozenset({"launch", "fly", "send", "put", "place", "loft"})


def _listed_after(sentence: Sentence, at: int) -> list[_Item]:
    """The named crafts a colon after ``at`` lists ("for KACST: A and B")."""
    text = sentence.text
    colon = re.match(r"\s*:\s*", text[at:])
    if colon is None:
        return []
    crafts = sorted(
        (m for m in sentence.mentions if not m.nested and m.kind is EntityKind.SPACECRAFT),
        key=lambda m: m.start,
    )
    items, pos = [], at + colon.end()
    for m in crafts:
        start, end = m.start - sentence.start, m.end - sentence.start
        if start < pos:
            continue
        if not re.fullmatch(r"(?:\s*,\s*|\s+and\s+|,\s+and\s+)?", text[pos:start]):
            break  # the list ends where other words come between its names
        items.append(_Item(m.key, None, start, end, ()))
        pos = end
    return items


_LEMMA = {
    **dict.fromkeys(("launch", "launched", "launches"), "launch"),
    **dict.fromkeys(("delivered", "delivers"), "deliver"),
    **dict.fromkeys(("built", "builds"), "build"),
}
