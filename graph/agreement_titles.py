"""A document that is an agreement's own text ("Agreement between the Government of the
People's Republic of China and the Government of ..."): its title, from the manifest or its
first line, and the parties that title names, foreign and China's side. ``graph.reading``
gives them to every sentence, for "the Parties" and the closing "Done at ..."."""

from __future__ import annotations

import re

from graph.model import EntityKind
from graph.normalise import CleanText
from graph.recognise import Found, Recogniser
from graph.spans import SpanIndex

_PARTIES_KINDS = (EntityKind.COUNTRY, EntityKind.ORGANISATION)

# "Agreement between the Government of the People's Republic of China and ...": the
# title of a document that is the agreement's own text
_AGREEMENT_TITLE = re.compile(
    r"^(?:The\s+)?(?:[A-Z][\w-]*\s+){0,2}?(?:Agreement|Memorandum|Treaty|Protocol|Accord|"
    # a joint statement is signed by the two sides it names, as an agreement is
    r"Convention|Joint\s+(?:Statement|Communiqu[eé]|Declaration))\b.{0,120}?\bbetween\b"
)


def agreement_text(
    title: str,
    clean: CleanText,
    spans: list[tuple[int, int]],
    by_place: SpanIndex[Found],
    recogniser: Recogniser,
) -> tuple[str | None, tuple[tuple[str, ...], tuple[str, ...]]]:
    """The title of an agreement whose text the document is (its manifest title or its
    first line), with the parties that title names: (foreign, China's side)."""
    for text, start in ((title, None), *((clean.text[a:b], a) for a, b in spans[:1])):
        if not _AGREEMENT_TITLE.match(text):
            continue
        gazetteer = recogniser.gazetteer
        names = (
            recogniser.mentions(text)
            if start is None
            else [f for f in by_place.near(start, start + len(text)) if f.end <= start + len(text)]
        )
        keys = [f.key for f in names if not f.nested and f.kind in _PARTIES_KINDS]
        foreign = tuple(dict.fromkeys(k for k in keys if k not in gazetteer.domestic))
        chinese = tuple(dict.fromkeys(k for k in keys if k in gazetteer.domestic))
        if foreign:
            return text, (foreign, chinese)
    return None, ((), ())
