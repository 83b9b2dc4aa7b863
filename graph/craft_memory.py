"""A craft keeps its partner through the sentences that follow: "Uruguay's AUIE and CNSA
will jointly develop UruSat-1. ... China will launch UruSat-1 on a Long March 6 rocket
in 2034." A launch by China of a craft the text has already tied to a partner, in a
sentence that names no partner of its own for it, is a launch for that partner.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from graph.grammar import Group, status_at
from graph.launch_context import CHINESE_LAUNCH
from graph.model import EntityKind, SpacecraftActivity
from graph.negation import negated
from graph.reading import Sentence
from graph.word_gate import WordGated

_LAUNCHES = re.compile(
    r"\blaunch(?:ed|es|ing)?\b|\blifted\s+off\b|\blofted\b"
    # "a Long March 3B lifted the satellite into orbit", "went up on a Long March"
    r"|\b(?:lifted|placed|put|carried|sent|took)\b[^.;]{0,60}?\b(?:into|in|to)\s+orbit\b"
    r"|\bwent\s+up\b|\brode\b",
    re.IGNORECASE,
)
_LAUNCH = WordGated(_LAUNCHES, ("launch", "lifted", "lofted", "orbit", "went", "rode"))
# China's own launch: "China will launch X", "China launched X"
_CHINA_LAUNCHES = re.compile(r"\bChina\s+(?:\w+\s+){0,3}?launch(?:ed|es)?\b")


def remembered_launches(
    sentence: Sentence, found: list[SpacecraftActivity], groups: Sequence[Group] = ()
) -> list[SpacecraftActivity]:
    """Launches of crafts whose partner an earlier sentence gave; remembers the partners
    of this sentence's crafts for the sentences after it."""
    before = sentence.previous.notes.get("craft_partners") if sentence.previous else None
    memory: dict[str, str] = before or {}  # type: ignore[assignment]
    added = {}
    for fact in found:
        if fact.spacecraft and fact.spacecraft not in memory:
            added.setdefault(fact.spacecraft, fact.partner)
    if added:  # a new dict only when this sentence ties a new craft: sentences share it
        memory = {**memory, **added}
    sentence.notes["craft_partners"] = memory
    text = sentence.text
    launch = _LAUNCH.search(text)
    if launch is None or not (CHINESE_LAUNCH.search(text) or _CHINA_LAUNCHES.search(text)):
        return []
    if negated(sentence, launch.end()):
        return []
    others = sentence.notes.get("made_by_others", set())
    named = {f.spacecraft for f in found}
    out = []
    for m in sentence.mentions:
        if m.nested or m.kind is not EntityKind.SPACECRAFT or m.key not in memory:
            continue
        if m.key in named or m.key in others:  # type: ignore[operator]
            continue
        at = m.start - sentence.start
        out.append(
            SpacecraftActivity(
                evidence=(sentence.evidence(at),),
                status=status_at(sentence, max(at, launch.start())),
                activity="launched",
                partner=memory[m.key],
                spacecraft=m.key,
                method="spacecraft-trigger",
            )
        )
    if not out and not named:
        customers = tuple(k for g in groups if g.role == "for" for k in g.keys)
        out = _launched_again(sentence, memory, customers)
    return out


# what stands for the crafts of the sentence before: "it", "the satellite", "both", "the
# first of them", "the second"
_ORDINALS = ("first", "second", "third", "fourth")
_ANAPHOR = re.compile(
    r"\b(?:(?P<one>it|the\s+(?:satellite|spacecraft|craft|probe|cubesat|observatory))"
    r"|(?P<all>them|both(?:\s+of\s+them)?|the\s+(?:satellites|spacecraft|pair|two))"
    rf"|the\s+(?P<nth>{'|'.join(_ORDINALS)})(?:\s+(?:of\s+them|one|satellite))?)\b",
    re.IGNORECASE,
)


# a launch by another's launcher, or said not to be China's
_OTHERS_LAUNCH = re.compile(
    r"\blaunched\s+by\s+(?!China\b|Chinese\b|the\s+Chinese\b|a\s+Chinese\b|a\s+Long\s+March)"
    r"(?:an?\s+|the\s+)?[A-Z]|\bnot\s+(?:on|by|aboard)\s+(?:a\s+)?Chinese\b"
)
_ROCKET = re.compile(
    r"\b(?:on|by|aboard)\s+(?:an?\s+|the\s+)?(?P<rocket>(?:[\w-]+\s+){0,3}?)"
    r"(?:rocket|launcher|launch\s+vehicle)s?\b"
)


def _launched_again(
    sentence: Sentence, memory: dict[str, str], customers: tuple[str, ...] = ()
) -> list[SpacecraftActivity]:
    """Launches told of the crafts the sentence before tied to a partner, by a word
    that stands for them ("CGWIC will build AlSat-5A and AlSat-5B for ASAL. The first of
    them was launched from Jiuquan in 2031, and the second is to be launched in 2032.")."""
    before = sentence.previous
    if before is None or any(
        m.kind is EntityKind.SPACECRAFT and not m.nested for m in sentence.mentions
    ):
        return []
    crafts = list(
        dict.fromkeys(
            m.key
            for m in before.mentions
            if m.kind is EntityKind.SPACECRAFT and not m.nested and (m.key in memory or customers)
        )
    )
    if not crafts:
        return []
    text = sentence.text
    if _OTHERS_LAUNCH.search(text) or any(
        not CHINESE_LAUNCH.search(m.group("rocket")) for m in _ROCKET.finditer(text)
    ):
        return []  # "the spacecraft will be launched by Arianespace on a Vega-C rocket"
    launches = list(_LAUNCH.finditer(text))
    out = []
    for m in _ANAPHOR.finditer(text):
        launch = next(
            (
                v
                for v in launches
                if v.start() <= m.start() < v.end()  # "lifted the satellite into orbit"
                or 0 <= v.start() - m.end() <= 40  # "it was launched"
                or 0 <= m.start() - v.end() <= 2  # "launched it"
            ),
            None,
        )
        if launch is None or negated(sentence, launch.end()):
            continue
        if m.group("nth"):
            n = _ORDINALS.index(m.group("nth").lower())
            meant = crafts[n : n + 1]
        else:
            meant = crafts if m.group("all") or len(crafts) == 1 else []
        # whom the launch was for: this sentence's "for X", else the partner the craft has
        out += [
            SpacecraftActivity(
                evidence=(sentence.evidence(m.start()),),
                status=status_at(sentence, launch.start()),
                activity="launched",
                partner=partner,
                spacecraft=craft,
                method="spacecraft-trigger",
            )
            for craft in meant
            for partner in (customers or (memory[craft],))
        ]
    return out
