"""The country a spacecraft was made in, when the text says so instead of naming its
maker: "PakTES-2, designed and built in Pakistan, was launched by China". A craft made
at home by a partner and launched by China is a launch for that partner, as one "built
by SUPARCO" is. Only a country counts, and only after "in" on the verb of making: a city
or a company's plant is where, not whose; and only where the sentence names China's
launch (its rocket, its launch site, or China): a made-at-home craft is often launched by
others. Used by ``graph.spacecraft_syntax``."""

from __future__ import annotations

import re

from spacy.tokens import Token

from graph.grammar import Group
from graph.launch_context import CHINESE_LAUNCH
from graph.model import EntityKind
from graph.reading import Sentence
from graph.spacecraft_partners import governs

_CHINA = re.compile(r"\b(?:China|Chinese)\b(?!\s+(?:and|or)\b)")


def made_in(sentence: Sentence, verb: Token, groups: list[Group]) -> list[str]:
    """The countries a verb of making says the craft was made in ("built in Kenya")."""
    doc = sentence.parse
    if doc is None or not (CHINESE_LAUNCH.search(sentence.text) or _CHINA.search(sentence.text)):
        return []
    countries = {
        m.key for m in sentence.mentions if m.kind is EntityKind.COUNTRY and not m.nested
    }
    places = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"]
    return [
        k
        for prep in places
        for g in groups
        if g.role == "place" and governs(doc, prep, g)
        for k in g.keys
        if k in countries
    ]
