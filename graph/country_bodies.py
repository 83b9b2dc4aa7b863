"""The body a list's line pairs with a name the text already knows: "- Russia -
Roscosmos (2021)", "Kazakhstan: Kazakhstan Gharysh Sapary". A line that names a
country and, after a dash or colon, something else only by name says whose body that
is; the name is then a body whatever its form (one word, no class word), which prose
alone would not tell."""

from __future__ import annotations

import re
from collections.abc import Sequence

from graph.cooperation_words import INSTRUMENT_NAME
from graph.line_kinds import BULLET
from graph.name_forms import ORG, Candidate, head_kind, is_generic
from graph.name_words import PERSON_TITLES, SENTENCE_OPENERS

# after the known name: the separator, the body's name (capitalised words and the small
# words inside a name), then an acronym or a year in brackets, and the line's end
_PAIRED = re.compile(
    r"\s+[-\u2013\u2014]\s+|\s*:\s+"  # " - ", " — ", ": "
)
_BODY = re.compile(
    r"(?:the\s+)?(?P<name>[A-Z][\w'\u2019.&-]*(?:\s+(?:(?:of|for|and|de|du|des|la|el|the)\s+)?"
    r"[A-Z][\w'\u2019.&-]*)*)\s*(?:\([^()]*\)\s*)*[.;,]?$"
)


def country_bodies(
    doc_id: str, chunk: str, offset: int, known: Sequence[tuple[int, int]]
) -> list[Candidate]:
    """The body a bare list line names after a known name and a dash or colon.

    ``known`` are the chunk-relative spans of curated names in ``chunk``; the line must
    open with one of them (after its bullet) and say nothing else but the body: no verb,
    no second clause.
    """
    bullet = BULLET.match(chunk)
    lead = bullet.end() if bullet else 0
    first = next((span for span in known if span[0] == lead), None)
    if first is None or "\n" in chunk.strip():
        return []
    sep = _PAIRED.match(chunk, first[1])
    if sep is None:
        return []
    body = _BODY.fullmatch(chunk, sep.end())
    if body is None:
        return []
    name = body.group("name")
    words = name.split()
    if len(words) > 10 or len(name) < 3 or is_generic(name) or words[0] in SENTENCE_OPENERS:
        return []
    # "Kazakhstan Gharysh Sapary": a body's name may open with its country's
    country_word = words[0] == chunk[first[0] : first[1]].split()[0]
    inside = any(s >= body.start("name") and e <= body.end("name") for s, e in known)
    if inside and not country_word:
        return []  # "Brazil - China": two names the text knows, no body of Brazil's
    if any(INSTRUMENT_NAME.search(w) for w in words) or head_kind(name) not in (None, ORG):
        return []  # "Sweden: Advanced Small Analyzer for Neutrals": what the country gave
    if len(words) == 2 and not country_word:
        return []  # "Russia - Yuri Borisov": a person's two names, as like as a body's
    start = offset + body.start("name")
    return [Candidate(name, ORG, doc_id, start, start + len(name))]


# "Indonesia's Pasifik Satelit Nusantara": a known name owning a name of three words or
# more that no class word heads (capitals alone are as often an instrument's, "ESA's NILS")
_OWNED = re.compile(r"(?:'s|\u2019s)\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){2,4}(?![\w-]))")


def owned_bodies(
    doc_id: str, chunk: str, offset: int, known: Sequence[tuple[int, int]]
) -> list[Candidate]:
    """The body a known foreign name owns ("Indonesia's Pasifik Satelit Nusantara"): a
    name of three words or more after the possessive that no class word heads (a
    company's) and that is no person's ("Pakistan's Prime Minister ...")."""
    out = []
    for start, end in known:
        owner = chunk[start:end]
        if owner.startswith(("China", "Chinese")):
            continue  # "China's Tiangong ...": China's own works, not a partner's body
        m = _OWNED.match(chunk, end)
        if m is None:
            continue
        name = m.group("name")
        words = name.split()
        if words[0] in PERSON_TITLES or words[0] in SENTENCE_OPENERS:
            continue
        if head_kind(name) is not None or any(INSTRUMENT_NAME.search(w) for w in words):
            continue  # a class word heads it: read as such by the headed names
        if any(s < m.end("name") and m.start("name") < e for s, e in known):
            continue  # a name the text already knows
        at = offset + m.start("name")
        out.append(Candidate(name, ORG, doc_id, at, at + len(name)))
    return out
