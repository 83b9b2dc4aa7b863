"""The dependency parses of a document's sentences: one batch for all the sentences that
name a partner, each parsed without what is no part of its grammar (a list item's
bullet and label, a dated entry's date, a news report's dateline, a long sentence's
closing attribution) and set back in place, so that every word keeps its offset."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from graph.grammar import ANAPHORA
from graph.model import EntityKind
from graph.parsing import padded, parse_all, shifted
from graph.reading import Sentence, label_end

_PARTNERS = (EntityKind.COUNTRY, EntityKind.ORGANISATION)
_CRAFTS = (EntityKind.SPACECRAFT, EntityKind.MISSION)


def _points_back(sentence: Sentence) -> bool:
    """A sentence naming a spacecraft or mission whose partner is told by words that
    point back ("X, developed jointly by the two countries, ..."): it names a partner
    too, through the sentence before."""
    return any(m.kind in _CRAFTS for m in sentence.mentions) and bool(
        ANAPHORA.search(sentence.text)
    )


def parse_sentences(sentences: list[Sentence]) -> None:
    """Parse, in one batch, the sentences that name a partner, by name or by words
    pointing back: only they can state a fact with one, and the parser is the slowest
    stage."""
    wanted = [
        s for s in sentences if any(m.kind in _PARTNERS for m in s.mentions) or _points_back(s)
    ]
    # a parse depends on the text alone, and nothing changes one after: a sentence said
    # again (a repeated paragraph, a table's boilerplate) shares the first one's parse
    cuts = {id(s): (label_end(s), _attribution_start(s.text)) for s in wanted}

    def parsed_text(sentence: Sentence) -> str:
        # a sentence ending on whose words it reports is parsed without them, ended by a
        # full stop where the comma before them stood: a long sentence's trailing ", the
        # company said in a statement" otherwise makes its first craft the sayer's subject
        start, end = cuts[id(sentence)]
        return sentence.text[start:end] + ("." if end < len(sentence.text) else "")

    texts = list(dict.fromkeys(parsed_text(s) for s in wanted))
    parses = dict(zip(texts, parse_all(texts), strict=True))
    placed: dict[tuple[str, int, int], Doc] = {}  # and so does its parse set back in place
    for sentence in wanted:
        cut, end = cuts[id(sentence)]
        key = (parsed_text(sentence), cut, len(sentence.text) - end)
        if key not in placed:
            placed[key] = padded(shifted(parses[key[0]], cut), key[2] - 1)
        sentence.parse = placed[key]


# ", the China Great Wall Industry Corporation said in a statement.": who reports it
_ATTRIBUTION = re.compile(
    r",\s+(?:the\s+|a\s+|an\s+)?(?:[\w'\u2019.&-]+\s+){1,9}?"
    r"(?:said|says|reported|announced|added|told\s+(?:[A-Z][\w-]*\s*){1,4})"
    r"(?:\s+(?:in\s+a\s+statement|on\s+\w+|late\s+\w+|earlier|yesterday|today))?\s*[.!]?\s*$"
)


def _attribution_start(text: str) -> int:
    """Where a sentence's closing attribution begins (its comma), or the text's end; only
    for sentences long enough for the parser to lose its way (25 words or more)."""
    m = _ATTRIBUTION.search(text)
    if m is None or len(text.split()) < 25 or '"' in text[m.start() :]:
        return len(text)
    return m.start()
