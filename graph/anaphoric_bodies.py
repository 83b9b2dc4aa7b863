"""An organisation named again by its head noun: "the forum", "that committee".

"The Asia-Pacific Ground Segment Forum met first in 2015. China has chaired the forum
since 2019": the second sentence names the body only by the noun its name is built on,
with a definite or demonstrative article. The noun points back to the nearest body
named before it (in the same sentence or in the few sentences of the paragraph before)
whose name has that head; the phrase then stands for that body wherever a reader of
participation looks for one. Pronouns ("it") and a head no body named before has are
left alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from graph.model import EntityKind
from graph.reading import Sentence
from graph.recognise import Found

# "the forum", "that Charter", "this committee": the article and the noun after it
_DEFINITE = re.compile(r"\b(?:the|that|this)\s+(?P<head>[A-Za-z]+)\b", re.IGNORECASE)
# what shows the phrase goes on into a name or a description of its own: "the forum
# on ...", "the Committee's secretariat" is fine, "the forum of ministers" is not this one
_GOES_ON = re.compile(r"\s*(?:(?:of|on|for)\b|-)")
# the words a name's head stands before ("Forum on ...", "Group on ...", "Charter
# 'Space and ...'") and the spelling variants of one head
_HEAD_ENDS = re.compile(r"\s+(?:of|on|for|in|to)\b|\s*[(\"\u201c\u2018']")
_SPELLINGS = {"organisation": "organization", "programme": "program", "centre": "center"}
# a name glued to the word before it by a hyphen or a dash is part of a longer name
_DASHED = re.compile(r"[A-Za-z][-\u2013]$")
# how many sentences back the body may have been named
_LOOKBACK = 3


def bodies_referred_to(sentence: Sentence) -> list[Found]:
    """The organisations the sentence names again by their head noun, each as a mention
    spanning the phrase ("that forum")."""
    text = sentence.text
    if not _DEFINITE.search(text):
        return []
    named = [(m.start - sentence.start, m.end - sentence.start) for m in sentence.mentions]
    out: list[Found] = []
    for phrase in _DEFINITE.finditer(text):
        start, end = phrase.start(), phrase.end()
        if any(a < end and start < b for a, b in named):
            continue  # a word of a name the text already reads
        if _GOES_ON.match(text, end):
            continue
        body = _nearest_with_head(sentence, _spelt(phrase.group("head")), start)
        if body is None:
            continue
        if phrase.group(0)[:3].lower() == "the":
            start = phrase.start("head")  # "supports the forum": the article is the verb's
        out.append(
            replace(
                body,
                start=sentence.start + start,
                end=sentence.start + end,
                text=text[start:end],
                nested=False,
            )
        )
    return out


def _nearest_with_head(sentence: Sentence, head: str, before: int) -> Found | None:
    """The organisation named last before local offset ``before`` (going back up to a
    few sentences in the paragraph) whose name's head is ``head``; None if the nearest
    name with that head is no organisation."""
    current: Sentence | None = sentence
    limit = sentence.start + before
    for _ in range(_LOOKBACK + 1):
        if current is None:
            return None
        for m in sorted(current.mentions, key=lambda m: -m.start):
            if m.nested or m.start >= limit or _head(m.text) != head:
                continue
            if _DASHED.search(current.text, 0, m.start - current.start):
                return None  # "Sino–Andean Data Forum": the name read is only a part
            return m if m.kind is EntityKind.ORGANISATION else None
        current = current.previous
        limit = current.end if current is not None else 0
    return None


def _head(name: str) -> str:
    """The noun a name is built on: its last word before "of", "on" or "for" ("Forum on
    China-Africa Cooperation": forum), or its last word."""
    words = _HEAD_ENDS.split(name, maxsplit=1)[0].split()
    return _spelt(words[-1]) if words else ""


def _spelt(word: str) -> str:
    """One spelling of a head noun, in lower case."""
    word = word.lower()
    return _SPELLINGS.get(word, word)
