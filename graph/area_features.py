"""What a cooperation fact's sentence says about its area, as features a linear model weighs.

Why: the rules name an area from cue words they list; a clause that states its field in
other words ("they will jointly calibrate radar altimeters") gets the mission's or the
section's area instead. A model trained on the annotated development sets weighs the
clause's own words against the rule's choice. Features are general: lemmas of common
words, dependency labels, the rule's area, the mission's default area, the register;
never a name (proper nouns and the words of recognised names are left out).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from graph.gazetteer import Gazetteer
from graph.model import Cooperation
from graph.parsing import governing_phrase, span_root
from graph.reading import Sentence

_CONTENT = frozenset({"NOUN", "VERB", "ADJ", "ADV"})
_WORD = re.compile(r"(?<![\w-])[a-z][a-z-]{2,}")
_STOP = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "from",
        "that",
        "this",
        "have",
        "has",
        "had",
        "been",
        "will",
        "would",
        "also",
        "its",
        "their",
        "which",
        "who",
        "was",
        "were",
        "are",
        "into",
        "under",
        "over",
        "said",
        "says",
    ]
)


def _names(sentence: Sentence) -> list[tuple[int, int]]:
    return [sentence.local(m) for m in sentence.mentions]


def _in_names(token: Token, names: list[tuple[int, int]]) -> bool:
    return any(a <= token.idx < b for a, b in names)


def _content_words(sentence: Sentence, doc: Doc) -> list[tuple[int, str]]:
    """(local offset, lemma) of the sentence's common content words, read once for all
    the facts of the sentence (kept in its notes)."""
    kept = sentence.notes.get("area_words")
    if kept is None:
        names = _names(sentence)
        kept = [
            (t.idx, t.lemma_.lower())
            for t in doc
            if t.pos_ in _CONTENT
            and not t.is_stop
            and t.is_alpha
            and (t.is_lower or t.is_sent_start)  # "Arab", "Belintersat": a name's word
            and not _in_names(t, names)
        ]
        sentence.notes["area_words"] = kept
    return kept  # type: ignore[return-value]


def _lemmas(words: list[tuple[int, str]], start: int, end: int) -> set[str]:
    """Lemmas of the common content words between local offsets ``start:end``."""
    return {lemma for at, lemma in words if start <= at < end}


def _words(text: str) -> set[str]:
    """Lower-case words of an unparsed line (a lead-in, a heading): no lemmas, and no
    capitalised words, which may be names."""
    return {w for w in _WORD.findall(text) if w not in _STOP}


def _clause(sentence: Sentence, fact: Cooperation) -> tuple[int, int]:
    """The local span of the fact's evidence inside its sentence (the whole sentence when
    the evidence is another sentence's, as a list item's lead-in)."""
    for ev in fact.evidence:
        if ev.doc_id != sentence.doc.id:
            continue
        head = " ".join(ev.exact.split()[:4])
        at = " ".join(sentence.text.split()).find(head) if head else -1
        if at >= 0:
            # offsets of the squashed text are close enough to place a clause's words
            return at, at + len(ev.exact)
    return 0, len(sentence.text)


def _partner_token(sentence: Sentence, fact: Cooperation) -> Token | None:
    if sentence.parse is None:
        return None
    for m in sentence.mentions:
        if m.key == fact.partner:
            a, b = sentence.local(m)
            token = span_root(sentence.parse, a, b)
            if token is not None:
                return token
    return None


def _path(token: Token) -> list[str]:
    """The partner's role on its way up to the verb governing it: the dependency labels
    and prepositions passed, then the verb's lemma."""
    out: list[str] = []
    token = governing_phrase(token)
    out.append(f"dep={token.dep_}")
    for _ in range(8):
        head = token.head
        if head.i == token.i:
            break
        if head.pos_ == "ADP" or token.dep_ == "pobj":
            out.append(f"prep={head.lower_}")
        if head.pos_ in ("VERB", "AUX"):
            out.append(f"gov={head.lemma_.lower()}")
            break
        if head.pos_ == "NOUN" and token.dep_ in ("pobj", "poss", "compound", "nmod"):
            out.append(f"noun={head.lemma_.lower()}")
        token = head
    return out


def features(sentence: Sentence, fact: Cooperation, gazetteer: Gazetteer) -> set[str]:
    """The features of one cooperation fact read from ``sentence``."""
    out = {f"rule={fact.area}", f"register={sentence.doc.meta.kind}", "bias"}
    out.add(f"status={fact.status.value}")
    if fact.mission:
        out.add("mission")
        out.add(f"mission_area={gazetteer.default_areas.get(fact.mission, 'none')}")
        entity = gazetteer.entities.get(fact.mission)
        if entity is not None:
            out.add(f"mission_kind={entity.kind.value}")
    if sentence.section_area:
        out.add(f"section={sentence.section_area}")
    if sentence.section_mission_area:
        out.add(f"heading_area={sentence.section_mission_area}")
    if sentence.table is not None:
        out.add("table")
    if sentence.lead_in is not None:
        out.add("list_item")
        out |= {f"lead={w}" for w in _words(sentence.lead_in.text)}
    start, end = _clause(sentence, fact)
    if sentence.parse is not None:
        doc = sentence.parse
        words = _content_words(sentence, doc)
        out |= {f"s={w}" for w in _lemmas(words, 0, len(sentence.text))}
        out |= {f"c={w}" for w in _lemmas(words, start, end)}
        token = _partner_token(sentence, fact)
        if token is not None:
            out |= set(_path(token))
    else:
        plain = sentence.text
        for a, b in sorted(_names(sentence), reverse=True):
            plain = plain[:a] + " " * (b - a) + plain[b:]
        out |= {f"s={w}" for w in _words(plain)}
        out |= {f"c={w}" for w in _words(plain[start:end])}
    return out
