"""Definite descriptions that refer back to a body named shortly before.

News and reports name a body once and then call it "the agency", "the institute" or
"the company" ("Since then the agency has received Fengyun data from China"). Such a
description is read as a mention of a body named before it, within a few sentences,
whose name holds the same noun ("the agency" after "the National Space Science Agency");
where several do, the one named just before (in the same sentence), else the one the
text has named most often so far. A description followed
by a name or by "of"/"for" is a name of its own ("the Agency for ...") and is left
alone, as is one with no such body before it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence

from graph.gazetteer import Gazetteer
from graph.model import EntityKind
from graph.recognise import Found
from graph.spans import SpanIndex

_DESCRIPTION = re.compile(
    # "the Company" as a report calls its publisher, in capitals or not
    r"\b[Tt]he\s+(?P<chinese>Chinese\s+)?(?P<noun>(?i:agency|institute|company|corporation|university|centre|center|"
    r"organi[sz]ation|commission|observatory|administration|academy|firm|start-?up|"
    r"laboratory|association))\b"
    r"(?!\s+(?:of|for|on)\b)(?!\s+[A-Z])(?!-)(?!['\u2019](?!s\b))"
)
# words a description and a name may use for the same kind of body ("the company" for
# the China Great Wall Industry Corporation)
_SAME = {
    "center": "centre",
    "organization": "organisation",
    "corporation": "company",
    "firm": "company",
    "startup": "company",
    "start-up": "company",
}
# what a text says a body is, right after its name: "Satellogic, the Buenos Aires-born
# Earth observation company," (a name that does not say it)
_APPOSED_NOUN = re.compile(
    r"\s*(?:\([^()]*\))?,\s+(?:the|a|an)\s+(?:[\w'\u2019-]+\s+){0,5}?"
    r"((?i:agency|institute|company|corporation|university|centre|center|organi[sz]ation|"
    r"commission|observatory|administration|academy|firm|start-?up|laboratory|association))\b"
)
_REACH = 1200  # characters back to look for the body: a few sentences
_CLOSE = 160  # a body named this close before is the one meant, however often others were
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"\u201c])")


def _noun(word: str) -> str:
    word = word.lower()
    return _SAME.get(word, word)


def definite_references(
    text: str, found: Sequence[Found], gazetteer: Gazetteer, publisher: str | None = None
) -> list[Found]:
    """Mentions for the definite descriptions of ``text`` that refer to a body in
    ``found`` (clean offsets, text order), or else to the document's ``publisher`` (the
    key of the body whose report says "signed by the company"). One pass over both, in
    text order: the bodies named so far are counted as they go by, so a long document
    costs its length."""
    bodies = [f for f in found if not f.nested and f.kind is EntityKind.ORGANISATION]
    taken = SpanIndex((f.start, f.end) for f in found)
    named: Counter[str] = Counter()  # bodies named so far, by key
    latest: dict[str, int] = {}  # where each was last named (end offset)
    nouns: dict[str, set[str]] = {}
    out: list[Found] = []
    next_body = 0
    for m in _DESCRIPTION.finditer(text):
        while next_body < len(bodies) and bodies[next_body].end <= m.start():
            body = bodies[next_body]
            named[body.key] += 1
            latest[body.key] = body.end
            nouns.setdefault(body.key, _words(body.key, gazetteer))
            apposed = _APPOSED_NOUN.match(text, body.end)
            if apposed:
                nouns[body.key].add(_noun(apposed.group(1)))
            next_body += 1
        start, end = m.start("noun"), m.end("noun")
        if taken.overlaps(start, end):
            continue  # inside a name ("the Bolivian Space Agency")
        noun = _noun(m.group("noun"))
        if noun != "company" and m.end() < len(text) and text[m.end()] in "'\u2019":
            continue  # "the organisation's activities": only a firm's craft are its own
        near = [
            k
            for k, at in latest.items()
            if m.start() - at <= _REACH
            # "the Chinese agency": a Chinese body named before, not the partner's, and
            # the space agency whatever its name calls it ("Administration")
            and (
                noun in nouns[k]
                if not m.group("chinese")
                else k in gazetteer.domestic
                and (noun in nouns[k] or _is_agency(k, noun, gazetteer))
            )
        ]
        close = [
            k
            for k in near
            if m.start() - latest[k] <= _CLOSE
            and not _SENTENCE_END.search(text, latest[k], m.start())
        ]
        if close:  # named just before, in the same sentence: "built by EXA, ... for the agency"
            key = max(close, key=lambda k: latest[k])
            out.append(Found(key, EntityKind.ORGANISATION, start, end, text[start:end]))
        elif near:
            # the body the text is about: the one it has named most so far, then the latest
            key = max(near, key=lambda k: (named[k], latest[k]))
            out.append(Found(key, EntityKind.ORGANISATION, start, end, text[start:end]))
        elif publisher is not None and noun in _words(publisher, gazetteer):
            out.append(Found(publisher, EntityKind.ORGANISATION, start, end, text[start:end]))
    return out


def _is_agency(key: str, noun: str, gazetteer: Gazetteer) -> bool:
    entity = gazetteer.entities.get(key)
    return noun == "agency" and entity is not None and entity.category == "space agency"


def _words(key: str, gazetteer: Gazetteer) -> set[str]:
    entity = gazetteer.entities.get(key)
    return {_noun(w) for w in re.findall(r"[A-Za-z]+", entity.label if entity else "")}


# "The representative of Pakistan said that her country ...": the country a speaker stands
# for, and the words that later stand for it
_SPEAKER_OF = re.compile(
    r"\b(?:representatives?|delegates?|delegations?|ambassadors?|envoys?|observers?|ministers?)"
    r"\s+(?:of|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_ANOTHER_SPEAKER = re.compile(r"\b(?:representative|delegate|ambassador)\b", re.IGNORECASE)
_THEIR_COUNTRY = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:country|nation|government)\b")


def speakers_countries(text: str, found: Sequence[Found]) -> list[Found]:
    """Mentions of the speaker's country for "his country", "her government", ... where
    the text names a speaker by the country it represents ("The representative of Peru
    said that his country ..."), within a few sentences before; a speaker named since by
    no country ends the reference."""
    speakers = [
        f
        for f in found
        if not f.nested
        and f.kind is EntityKind.COUNTRY
        and _SPEAKER_OF.search(text, max(0, f.start - 40), f.start)
    ]
    out: list[Found] = []
    for m in _THEIR_COUNTRY.finditer(text):
        before = [f for f in speakers if f.end <= m.start() and m.start() - f.end <= _REACH]
        if not before:
            continue
        last = before[-1]
        if _ANOTHER_SPEAKER.search(text, last.end, m.start()):
            continue  # another speaker since, not named by a country
        out.append(Found(last.key, EntityKind.COUNTRY, m.start(), m.end(), m.group(0)))
    return out


# "Client: Andean Meteorological Service (Peru)" and later "for the client"
_CLIENT_FIELD = re.compile(r"(?:^|\n)\s*(?:Client|Customer)s?\s*:\s*", re.IGNORECASE)
_THE_CLIENT = re.compile(r"\b[Tt]he\s+(?:client|customer)(?:['\u2019]s)?\b(?!\s+(?:of|for)\b)")


def clients(text: str, raw: str, mentions: Callable[[str], Sequence[Found]]) -> list[Found]:
    """Mentions of the body a case study's "Client:" field names (read in the raw text, as
    a web page's cleaning may drop the field block), for each "the client" or "the
    customer" of the clean ``text``."""
    named = None
    for m in _CLIENT_FIELD.finditer(raw):
        end = raw.find("\n", m.end())
        line = raw[m.end() : end if end >= 0 else len(raw)]
        bodies = [f for f in mentions(line) if not f.nested and f.kind is EntityKind.ORGANISATION]
        if bodies:
            named = bodies[0].key
            break
    if named is None:
        return []
    return [
        Found(named, EntityKind.ORGANISATION, m.start(), m.end(), m.group(0))
        for m in _THE_CLIENT.finditer(text)
    ]


# "It will also train ...": a sentence that opens with "It" and a verb a body does. (Both
# branches behind a look-ahead for "It": the engine then seeks it at once, where it tried
# the look-behinds at every character, 0.81 s against 0.11 s on the 10 MB benchmark's text.)
_IT_ACTS = re.compile(
    r"(?=It)(?:(?:^|(?<=[.!?]\s)|(?<=\n))(It)\s+(?:(?:will|would|has|have|had|also|then|later|"
    r"already|is|was|plans\s+to|agreed\s+to|is\s+to)\s+){0,3}"
    r"(?:train|trained|trains|provide|provided|provides|supply|supplied|supplies|sign|"
    r"signed|signs|join|joined|joins|cooperate|cooperated|cooperates|contribute|"
    r"contributed|contributes|build|built|builds|host|hosted|hosts|operate|operated|"
    r"operates|share|shared|shares|exchange|exchanged)\b"
    # "Its first lunar instrument, a camera ...": what the body owns
    r"|(?:^|(?<=[.!?]\s)|(?<=\n))(Its)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:instruments?|payloads?|cameras?|satellites?|cubesats?|detectors?|experiments?)\b)"
)


def acting_pronouns(text: str, found: Sequence[Found]) -> list[Found]:
    """Mentions for a sentence-opening "It" that acts ("It will also train Chinese
    specialists"): the body that opened the sentence before, when no other body or
    country was named since (a mission or craft may be: "... for Chang'e-8. It will")."""
    parties = sorted(
        (
            f
            for f in found
            if not f.nested and f.kind in (EntityKind.ORGANISATION, EntityKind.COUNTRY)
        ),
        key=lambda f: f.end,
    )
    ends = [f.end for f in parties]
    out = []
    for m in _IT_ACTS.finditer(text):
        group = 1 if m.group(1) else 2
        at = bisect_right(ends, m.start(group))  # (each "It" looks back once: linear)
        if not at:
            continue
        last = parties[at - 1]
        if group == 2:
            # "Its" owns for the body that opened the sentence before, whoever it named after
            opened = max(text.rfind(". ", 0, m.start(2) - 2), text.rfind("\n", 0, m.start(2) - 2))
            earlier = [p for p in parties[:at] if p.start > opened]
            last = earlier[0] if earlier else last
        if m.start(group) - last.end > _CLOSE * 2 or last.kind is not EntityKind.ORGANISATION:
            continue
        # the body opens its sentence: only "The" and a sentence's end or a line before it
        lead = re.sub(r"[Tt]he\s+$", "", text[max(0, last.start - 12) : last.start])
        at_start = last.start <= 12 and not lead.strip()
        if at_start or re.search(r"[.!?\n]\s*$", lead):
            out.append(Found(last.key, last.kind, m.start(group), m.end(group), m.group(group)))
    return out
