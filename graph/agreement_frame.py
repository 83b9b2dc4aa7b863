"""The frame of an agreement noun in the dependency parse: the verb that brings the
document into being and the names that stand in its party roles.

Text seldom puts the parties as the subject and the "with" object of "signed" alone. A
signer puts its name to a document, comes in or joins through it, concludes, adopts,
renews or inks it; a document between two bodies "followed" on a day; the parties stand
inside the noun phrase ("an agreement between A and B", "a letter in which A and B
agree", "a memorandum signed with B"). Reading the parse around the noun covers these
at once, where one pattern per wording would not. Verbs of talks, plans or ends
(negotiate, discuss, propose, expire) are no frame: such a document was not made.
Used by ``graph.relations_agreement``.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from graph.gazetteer import Gazetteer
from graph.model import EntityKind
from graph.parsing import span_root
from graph.prepositional_objects import objects_of
from graph.reading import Sentence
from graph.signing_clause import SIGNING

# verbs whose object (or passive subject) is a document its subject made with another
_MAKING = frozenset(
    {"sign", "conclude", "ink", "renew", "adopt", "seal", "finalise", "finalize", "initial"}
)
# verbs that make a document through a preposition: "came in through a memorandum",
# "joined by a letter of intent", "put its name to a statement"
_THROUGH = {"join": ("through", "via", "by", "with"), "come": ("through", "via")}
_SIGNATURE = frozenset({"name", "names", "signature", "signatures", "seal"})
# a document that is the subject of these came into being ("... between A and B
# followed on 5 May")
_CAME = frozenset({"follow"})
_BESIDE = ("with", "between")


@dataclass(frozen=True)
class Frame:
    """The verb that makes the document (its character offset in the sentence) and the
    parse tokens that name its parties."""

    verb_at: int | None  # None for a verbless line's document ("A letter, dated ...")
    signing: bool  # whether the verb is one of signing, which the sentence reader knows
    parties: tuple[int, ...]  # token indices heading a party's name
    between: tuple[int, ...] = ()  # those of them "between" names: both sides, or it is misread


def _noun_head(doc: Doc, noun: tuple[int, int]) -> Token | None:
    token = span_root(doc, *noun)
    while token is not None and token.dep_ in ("compound", "amod") and token.head.i != token.i:
        token = token.head
    return token


def _with_conjuncts(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for t in tokens:
        out += [t, *t.conjuncts]
    return out


def _subjects(verb: Token) -> list[Token]:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ == "conj":
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return [s for s in subjects if s.lower_ not in ("which", "that", "who", "it")]


def _agents(verb: Token) -> list[Token]:
    return [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]


def _maker(head: Token) -> tuple[Token, str] | None:
    """The verb that makes the document headed by ``head`` and how the noun stands to it
    ("object", "passive", "through", "subject")."""
    verb = head.head
    if head.dep_ == "dobj" and verb.lemma_.lower() in _MAKING:
        return verb, "object"
    if head.dep_ == "nsubjpass" and verb.lemma_.lower() in _MAKING:
        return verb, "passive"
    if head.dep_ == "nsubj" and verb.lemma_.lower() in _CAME:
        return verb, "subject"
    dated = next((c for c in head.children if c.dep_ == "acl" and c.lower_ == "dated"), None)
    if dated is not None:
        return dated, "dated"  # "A letter of intent, dated 2 April, in which A and B agree"
    if head.dep_ == "pobj" and verb.dep_ == "prep":
        prep, verb = verb, verb.head
        lemma = verb.lemma_.lower()
        if prep.lower_ in _THROUGH.get(lemma, ()):
            return verb, "through"
        if (
            lemma == "put"
            and prep.lower_ == "to"
            and any(c.dep_ == "dobj" and c.lower_ in _SIGNATURE for c in verb.children)
        ):
            return verb, "through"  # "put its name to a joint statement"
    return None


def agreement_frame(sentence: Sentence, noun: tuple[int, int]) -> Frame | None:
    """The frame of the agreement noun at ``noun`` (sentence-local offsets), when a verb
    of making governs it; None when none does or the sentence was not parsed."""
    doc = sentence.parse
    head = _noun_head(doc, noun) if doc is not None else None
    if head is None:
        return None
    made = _maker(head)
    if made is None and head.dep_ != "ROOT":
        return None
    parties: list[Token] = []
    if made is not None:
        verb, how = made
        if how in ("object", "through"):
            parties += _subjects(verb)
        if how == "passive":
            parties += _agents(verb)
        parties += objects_of(verb, ("with",))
    between = _with_conjuncts(objects_of(head, ("between",)))
    parties += between + objects_of(head, ("with",))
    # (the clause may hang on the noun's last word: "memorandum of understanding signed")
    phrase = [head, *(t for t in head.subtree if t.dep_ == "pobj" and t.head.head.i == head.i)]
    for clause in (c for t in phrase for c in t.children if c.dep_ in ("relcl", "acl")):
        # "signed with CNSA", "in which A and B agree", "that A and B concluded"
        parties += _subjects(clause) + _agents(clause) + objects_of(clause, ("with",))
    tokens = tuple(sorted({t.i for t in _with_conjuncts(parties)}))
    verb = made[0] if made else None
    return Frame(
        verb_at=verb.idx if verb is not None else None,
        signing=verb is not None and verb.lemma_.lower() in SIGNING,
        parties=tokens,
        between=tuple(t.i for t in between),
    )


def frame_parties(sentence: Sentence, frame: Frame) -> list[str]:
    """The keys of the countries and bodies whose names the frame's party tokens head;
    none when a party is a proper name no mention places ("A and the Xyz Tracking
    General signed"): China standing in for it would be a wrong party, not a missing one."""
    doc = sentence.parse
    if doc is None:
        return []
    keys = []
    rooted: list[tuple[str, int]] = []
    covered: set[int] = set()
    for f in sentence.mentions:
        span = doc.char_span(f.start - sentence.start, f.end - sentence.start, "expand")
        covered |= {t.i for t in span} if span is not None else set()
        if f.nested or f.kind not in (EntityKind.COUNTRY, EntityKind.ORGANISATION):
            continue
        root = span_root(doc, f.start - sentence.start, f.end - sentence.start)
        if root is not None and root.i in frame.parties:
            keys.append(f.key)
            rooted.append((f.key, root.i))
    if any(doc[i].pos_ == "PROPN" and i not in covered for i in frame.parties):
        return []
    if frame.between and len([k for k, i in rooted if i in frame.between]) < 2:
        return []  # "between A (AA) and B": the parse lost B behind the bracket
    return list(dict.fromkeys(keys))


_WORD = re.compile(r"\S+")


def made_at(text: str, frame: Frame | None) -> re.Match[str] | None:
    """The verb that made the document, where only the frame knows it ("put its name to",
    "came in through", "followed on 5 May", "adopted"); the patterns of signing read the
    verbs of signing themselves."""
    if frame is None or frame.verb_at is None or frame.signing:
        return None
    return _WORD.match(text, frame.verb_at)


def parties_framed(
    sentence: Sentence, frame: Frame, known: Collection[str], made: bool, gazetteer: Gazetteer
) -> list[str] | None:
    """The frame's parties where they should replace those the sentence reader found
    (``known``): when it found no foreign one, or fewer than a frame of a verb it does not
    know ("A and CNSA put their names to ..."); [] to keep its own. A document only the
    frame saw made (``made``) takes the frame's parties or none (None)."""
    framed = frame_parties(sentence, frame)
    domestic = gazetteer.domestic
    if any(k not in domestic for k in framed) and (
        made or set(known) <= domestic or (set(known) < set(framed) and not frame.signing)
    ):
        return framed
    return None if made else []


def own_clause_text(sentence: Sentence, noun: tuple[int, int]) -> str | None:
    """The sentence with only the clause of the verb that governs the noun left
    ("A renewed theirs in 2026, and on 8 October 2025 B signed a memorandum": the
    memorandum's clause is the second); the clauses coordinated with it are blanked, so
    that a date found keeps its place. None without a parse or a verb."""
    doc = sentence.parse
    head = _noun_head(doc, noun) if doc is not None else None
    verb = head
    while verb is not None and verb.pos_ not in ("VERB", "AUX"):
        verb = None if verb.head.i == verb.i else verb.head
    if verb is None:
        return None
    dropped = {t.i for c in verb.children if c.dep_ == "conj" for t in c.subtree}
    if not dropped and verb.dep_ != "conj":
        return None  # one clause: the sentence's own reading of it stands
    kept = [t for t in verb.subtree if t.i not in dropped]
    chars = [" "] * len(sentence.text)
    for t in kept:
        chars[t.idx : t.idx + len(t.text)] = t.text
    return "".join(chars)
