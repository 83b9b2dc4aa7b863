"""China's participation in international organisations and multilateral mechanisms.

A participation phrase ("participates in", "takes part in the activities organized by",
"joined", "host country of", "rotating chair of", "supports the work of", "within the
framework of ... participated", "through the mechanism of") followed, within a few
words, by a list of organisations. Countries and bilateral bodies are not counted, and
neither is a Chinese body.
"""

from __future__ import annotations

import re
from dataclasses import replace

from graph.anaphoric_bodies import bodies_referred_to
from graph.described_participation import described_frames
from graph.gazetteer import Gazetteer
from graph.grammar import Group, status_at
from graph.hosted_bodies import hosted_bodies
from graph.joint_participation import joint_frames
from graph.labelled_participation import labelled_frames
from graph.mechanism_participation import (
    bilateral_commission,
    framework_frames,
    mechanism_frames,
    works_after,
)
from graph.model import EntityKind, Participation, Status, slugify
from graph.name_words import GATHERING_HEADS
from graph.participation_chain import denied, named_after, pledged_before
from graph.participation_frames import frames
from graph.reading import Sentence
from graph.recognise import Found
from graph.relative_participation import relative_frames
from graph.role_clauses import role_clauses
from graph.word_gate import WordGated

_PHRASES = re.compile(
    r"\b(?P<member>participa(?:t\w*|nts?)\s+in|(?:take|takes|took|taken|taking)\s+(?:an\s+active\s+)?part\s+in|"
    r"joined|member\s+of|support(?:s|ed|ing)?\s+the|"
    # "a member agency of", "sits on the Committee", "leads the ... Program"
    r"member\s+(?:agency|state|country|organi[sz]ation)\s+of|(?:sits?|sat|seat)\s+on|"
    r"(?:leads|initiated|co-?founded|founded)\b(?!\s+by)|"
    # "served as lead agency of the International Charter": a role inside the body
    r"(?:serves?|served|serving|acts?|acted|acting)\s+as\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:agency|member|coordinator|secretariat|vice-?chair|focal\s+point)\s+(?:of|for|in)|"
    # "attended the meetings of the IADC": taking part in its work
    r"attend(?:s|ed|ing)?\s+(?:the\s+)?(?:\w+\s+)?(?:meetings?|sessions?|plenar(?:y|ies))\s+of)"
    r"|\b(?P<host>host\s+(?:country\s+)?of|"
    # "we have hosted the China-Africa BeiDou System Cooperation Forum"
    r"host(?:s|ed|ing)?\s+(?:the\s+)?(?=[A-Z])|"
    # "hosts the Beijing office of UN-SPIDER", "hosts the secretariat of APSCO"
    r"host(?:s|ed|ing)?\s+(?:the\s+)?(?:[A-Z][\w-]*\s+)?(?:office|secretariat|headquarters|seat)\s+of)"
    r"|\b(?P<chair>(?:rotating\s+)?chair\s+of)"
    r"|\b(?P<through>through\s+(?:the\s+mechanism\s+of\s+)?)",
    re.IGNORECASE,
)
# tried only on a sentence holding a word each branch's matches hold (most hold none)
_PHRASE = WordGated(
    _PHRASES,
    (
        "participa",
        r"part\s+in",
        "joined",
        "member",
        r"support(?:s|ed|ing)?\s+the",
        r"(?:sits?|sat|seat)\s+on",
        "leads",
        "initiated",
        "founded",
        r"(?:serv|act)\w*\s+as",
        "attend",
        "host",
        r"chair\s+of",
        "through",
    ),
)
_CHINA_SUBJECT = re.compile(r"\b(?:China|Chinese|It|it)\b")
# a meeting or a working body of an organisation, named as if it were one ("the tenth
# Ministerial Conference of X", "the Working Group on ... of X"): the organisation follows
_EVENT = re.compile(
    r"^(?:[\w'-]+\s+){0,8}?(?:summit|session|meeting|conference|working\s+group|task\s+force|"
    r"team|panel)\b",
    re.IGNORECASE,
)
_OF = re.compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)
# a body of two partners is bilateral: China does not take part in it, it co-chairs it
_BILATERAL_BODY = re.compile(r"\bjoint\b|\bsub-?committee\b", re.IGNORECASE)
_STATUS = {True: Status.PLANNED, False: Status.ACHIEVED}
_ROLES = {
    "member": "participant",
    "host": "host",
    "chair": "chair",
    "through": "participant",
}


def extract(sentence: Sentence, groups: list[Group], gazetteer: Gazetteer) -> list[Participation]:
    """Organisations the sentence says China takes part in."""
    text = sentence.text
    facts: dict[str, Participation] = {}
    organisations = [
        _meeting_of(m, gazetteer)
        for m in sorted([*sentence.mentions, *bodies_referred_to(sentence)], key=_at)
        if not m.nested
        and m.kind is EntityKind.ORGANISATION
        and m.key not in gazetteer.domestic
        and not _BILATERAL_BODY.search(m.text)
        and not re.search(r"[A-Za-z]-$", sentence.text[: m.start - sentence.start])
        and not re.match(r"-[A-Za-z]", sentence.text[m.end - sentence.start :])
    ]  # "Multi-GNSS Asia", "UN-affiliated": a name inside a longer word is not the organisation
    for phrase in _PHRASE.finditer(text):
        kind = next(k for k, v in phrase.groupdict().items() if v)
        if kind == "through" and not works_after(sentence, 0):
            continue
        clause = text.rfind(";", 0, phrase.start()) + 1
        segment = text[clause : phrase.start()]
        # "As a member of WMO, China will ...": what the adjunct says holds already
        adjunct = _china_after_adjunct(sentence, gazetteer, phrase)
        chinese = (
            _CHINA_SUBJECT.search(segment)
            or _chinese_in(sentence, gazetteer, clause, phrase.start())
            or adjunct
            or _china_above_item(sentence, gazetteer, segment)
            # "Through the WMO, Chinese data reach ...", "data of China's satellites are
            # shared through X": a channel China's side uses, named anywhere in the clause
            or (kind == "through" and _chinese_clause(sentence, gazetteer, clause))
        )
        if not chinese:
            continue  # someone else is the member ("Fengyun is a member of ...")

        # "Through APSCO, SUPARCO works with ...": the comma closes an opening adjunct
        closed = text.find(",", phrase.end()) if not segment.strip(" \u2022*-") else -1

        def partner(org: Found, kind: str = kind, closed: int = closed) -> bool:
            """ "shares data through the Egyptian Space Agency": a partner, not a mechanism;
            nor is the subject after an opening "Through X," adjunct."""
            return kind == "through" and (
                bilateral_commission(org, gazetteer)
                or _national(sentence, org, gazetteer)
                or 0 <= closed < org.start - sentence.start
            )

        for org in named_after(sentence, organisations, phrase.end(), partner):
            pledged = pledged_before(text, phrase.start())
            facts.setdefault(
                org.key,
                Participation(
                    evidence=(sentence.evidence(phrase.start()),),
                    status=Status.PLANNED
                    if pledged
                    else Status.ACHIEVED
                    if adjunct
                    else status_at(sentence, phrase.start()),
                    organisation=org.key,
                    role=_ROLES[kind],
                ),
            )
    chinese = _chinese_spans(sentence, gazetteer)
    for key, at, role, planned in [
        *framework_frames(sentence, organisations, gazetteer),
        *frames(sentence, organisations, gazetteer),
        *relative_frames(sentence, organisations, gazetteer),
        *joint_frames(sentence, organisations, gazetteer),
        *described_frames(sentence, _described(sentence, organisations, gazetteer), chinese),
        *labelled_frames(sentence, organisations, chinese),
        *mechanism_frames(sentence, organisations, gazetteer),
        *hosted_bodies(sentence, organisations, gazetteer),
        *_held_in_china(sentence, organisations, gazetteer),
        *role_clauses(sentence, organisations, gazetteer),
    ]:
        named_at = [m.start - sentence.start for m in organisations if m.key == key]
        if denied(sentence, min(named_at, default=at)):
            continue  # "China is not a member of X", "has never joined X"
        if key in facts and not (facts[key].status is Status.PLANNED and planned is False):
            continue  # stated once is enough, unless this frame says it already holds
        facts[key] = Participation(
            evidence=(sentence.evidence(at),),
            status=status_at(sentence, at) if planned is None else _STATUS[planned],
            organisation=key,
            role=role,
        )
    return list(facts.values())


def _at(mention: Found) -> int:
    """Where a name starts: the readers walk a sentence's names in the order they stand."""
    return mention.start


def _chinese_spans(sentence: Sentence, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Where the sentence names China or a Chinese body (local offsets)."""
    return [
        (m.start - sentence.start, m.end - sentence.start)
        for m in sentence.mentions
        if m.key in gazetteer.domestic and not m.nested
    ]


def _national(sentence: Sentence, org: Found, gazetteer: Gazetteer) -> bool:
    """Whether the organisation is one country's: a space agency, or a name holding a
    country's name or demonym ("the Egyptian Space Agency")."""
    if gazetteer.entities[org.key].category == "space agency":
        return True
    return any(
        m.nested and m.kind is EntityKind.COUNTRY and org.start <= m.start < org.end
        for m in sentence.mentions
    )


# "As host of APSCO, China ...": an opening adjunct whose role the main clause's subject has
_AS_ADJUNCT = re.compile(r"^\W*As\s+(?:the\s+|a\s+|its\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# "• Member of COPUOS since 1980": a list's line whose role is its lead-in's subject's
_ITEM_MARK = r"\s*(?:[\u2022*-]|\d{1,2}[.)])"
_BARE_ITEM = re.compile(_ITEM_MARK + r"\s*")
_ITEM_LINE = re.compile(_ITEM_MARK + r"\s")


def _china_after_adjunct(sentence: Sentence, gazetteer: Gazetteer, phrase: re.Match[str]) -> bool:
    """Whether the phrase opens the sentence's "As ..." adjunct and China (or a Chinese
    body) is the subject of the clause after it."""
    text = sentence.text
    if not _AS_ADJUNCT.match(text[: phrase.start()]):
        return False
    comma = text.find(",", phrase.end())
    if comma < 0:
        return False
    rest = text[comma + 1 :].lstrip()
    at = len(text) - len(rest)
    return bool(
        re.match(r"(?:China|the\s+Chinese|Chinese|we|it)\b", rest, re.IGNORECASE)
        or _chinese_in(sentence, gazetteer, at, at + 1)
    )


def _china_above_item(sentence: Sentence, gazetteer: Gazetteer, segment: str) -> bool:
    """Whether a verbless list line ("• Member of ... since 1980") goes on from a lead-in
    or a sentence just before whose subject is China."""
    if not _BARE_ITEM.fullmatch(segment) or not sentence.text.lstrip(" \u2022*-").strip():
        return False
    before = sentence.previous  # the sentence before the list's first item
    for _ in range(30):
        if before is None or not _ITEM_LINE.match(before.text):
            break
        before = before.previous
    return any(
        re.match(r"\W*(?:China|Chinese|We|Our)\b", above.text)
        or any(m.key in gazetteer.domestic and m.start - above.start < 20 for m in above.mentions)
        for above in (sentence.lead_in, before)
        if above is not None
    )


def _chinese_clause(sentence: Sentence, gazetteer: Gazetteer, clause: int) -> bool:
    """Whether the clause from local offset ``clause`` to the next semicolon names China,
    something Chinese or a Chinese body."""
    end = sentence.text.find(";", clause)
    end = len(sentence.text) if end < 0 else end
    return bool(
        re.search(r"\bChin(?:a|ese)\b", sentence.text[clause:end])
        or _chinese_in(sentence, gazetteer, clause, end)
    )


def _chinese_in(sentence: Sentence, gazetteer: Gazetteer, start: int, end: int) -> bool:
    """A Chinese body named between ``start`` and ``end`` ("My country", "the
    administration" read as the national meteorological body)."""
    return any(
        m.key in gazetteer.domestic and start <= m.start - sentence.start < end
        for m in sentence.mentions
    )


def _described(sentence: Sentence, organisations: list[Found], gazetteer: Gazetteer) -> list:
    """The organisations a describing clause may be about: a discovered name that opens on
    a known body's name is that body's part ("the WMO Regional Training Centre, hosted by
    ..."); a gathering or working body "of" a body not known is left out (whose it is
    cannot be said)."""
    out = []
    for org in organisations:
        if _EVENT.match(org.text) and _OF.search(org.text) and _meeting_of(org, gazetteer) is org:
            continue  # not read as its body's by _meeting_of
        if gazetteer.entities[org.key].discovered:
            owner = [
                m
                for m in sentence.mentions
                if m.nested and m.kind is EntityKind.ORGANISATION and m.start == org.start
            ]
            org = replace(org, key=owner[0].key) if owner else org
        out.append(org)
    return out


def _meeting_of(mention: Found, gazetteer: Gazetteer) -> Found:
    """ "the Beijing Summit of the Forum on ..." is a meeting of the forum: the forum; a
    working group "of" a known body is that body's."""
    event = _EVENT.match(mention.text)
    if event:
        for of in _OF.finditer(mention.text, event.end()):
            key = slugify(mention.text[of.end() :])
            if key in gazetteer.entities:
                return replace(mention, key=key)
    return mention


# "The first China-Arab States BeiDou Cooperation Forum is held in Shanghai": a gathering
# held in a Chinese place is one China hosts
_HELD = re.compile(
    r"\s*(?:,[^,]{0,60},\s*)?(?:is|was|were|are|will\s+be|has\s+been|had\s+been)\s+"
    r"(?:(?:first|again|also|then)\s+)?(?:held|hosted|convened|organi[sz]ed|staged)\s+in\s+"
    r"(?:the\s+)?(?:Chinese\s+)?(?:city\s+of\s+)?(?P<place>[A-Z][\w-]+)"
)


def _held_in_china(
    sentence: Sentence, organisations: list[Found], gazetteer: Gazetteer
) -> list[tuple[str, int, str, bool | None]]:
    """Gatherings the sentence says are held in China or one of its places."""
    out = []
    for org in organisations:
        held = _HELD.match(sentence.text, org.end - sentence.start)
        if held is None or not _GATHERING_NAME.search(org.text):
            continue
        place = held.group("place")
        if place == "China" or place in gazetteer.domestic_places:
            out.append((org.key, org.start - sentence.start, "host", None))
    return out


_GATHERING_NAME = re.compile(rf"(?i)\b(?:{'|'.join(GATHERING_HEADS)})\b")
