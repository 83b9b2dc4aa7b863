"""The Chinese side of a signing the text leaves implied, in a Chinese company's own
release or report: "A memorandum was signed with the Asia-Pacific Space Cooperation
Organization in June 2025" in a satellite maker's release is that company's memorandum,
not China's.

Why: a company reports its own deals without naming itself ("in June 2024 we signed ...",
"a data-sharing memorandum signed with GISTDA"); the implied party is the company whose
words the document is, where the document says so (its first person) or its publisher is
that company. Only a company is taken so: a news service, an information office, a
ministry, a laboratory or a think tank publishes the agreements of others (a laboratory's
slides list a programme's partners), an agency's page also lists its government's (kept
as China's: a never-read set lost one when agencies were taken too), and a state signs
with China, so China stays the implied party there.
"""

from __future__ import annotations

import re

from graph.gazetteer import CHINA, Gazetteer
from graph.model import EntityKind
from graph.reading import Sentence

# the bodies that sign what their own releases report: companies, curated or by name
_SIGNERS = ("company",)
_COMPANY = re.compile(
    r"\b(?:Co\.?,?\s+Ltd\.?|Ltd\.?|Inc\.?|Corporation|Company|Group|LLC|GmbH)\s*$"
)


def own_chinese_body(sentence: Sentence, partners: list[str], gazetteer: Gazetteer) -> str | None:
    """The Chinese company whose own words the sentence's document is, if it
    could be a party to what it reports signed with ``partners``; None for China itself,
    for a publisher of others' agreements, and where a partner is a state (a state signs
    with China, as "the 1988 agreement with Brazil" in an agency's history is China's)."""
    if not partners or any(gazetteer.kind(k) is not EntityKind.ORGANISATION for k in partners):
        return None
    key = sentence.voice if sentence.voice in gazetteer.domestic else sentence.publisher
    if key is None or key == CHINA or key not in gazetteer.domestic:
        return None
    entity = gazetteer.entities.get(key)
    if entity is None or entity.kind is not EntityKind.ORGANISATION:
        return None
    signs = entity.category in _SIGNERS if entity.category else _COMPANY.search(entity.label)
    return key if signs else None
