"""The mission that is the doer of a partner's verb, found in the parse when the clause
cutter cannot see it: "Its successor, Tianwen-3, is due in 2030 and will carry
instruments from Peru" names the mission in apposition to the subject ("its successor"),
and the verb that governs Peru ("carry") is coordinated with the one that subject is
written against. The cut at ", is due" puts the name in a clause of its own, so the
clause reading leaves the partners without a mission; the tree does not.

Used by ``graph.mission_pairing`` for the partner lists it pairs with nothing.
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.cooperation_words import INSTRUMENT_NAME
from graph.grammar import Group
from graph.parsing import governing_phrase, span_root
from graph.reading import Sentence
from graph.recognise import Found

_SUBJECTS = ("nsubj", "nsubjpass")


def subject_mission(sentence: Sentence, group: Group, missions: list[Found]) -> str | None:
    """The one mission among ``missions`` named in apposition to the subject of the verb
    governing the group (or of a verb it is coordinated with and shares a subject with):
    "Its successor, Tianwen-3, ..."; None otherwise, and None when the group is itself
    the subject."""
    doc = sentence.parse
    root = None if doc is None else span_root(doc, group.start, group.end)
    if root is None:
        return None
    phrase = governing_phrase(root)
    verb = _verb_of(phrase)
    if verb is None or _made_by(phrase, verb):
        return None
    subjects = _subjects(verb)
    if any(root.i in {t.i for t in s.subtree} for s in subjects):
        return None
    named = {
        m.key
        for m in missions
        if not INSTRUMENT_NAME.search(m.text)
        and any(_names(s, m.start - sentence.start, m.end - sentence.start) for s in subjects)
    }
    return named.pop() if len(named) == 1 else None


def _made_by(phrase: Token, verb: Token) -> bool:
    """Whether the group is the "by" of a passive verb whose subject is named: "The
    ... Explorer, or SMILE, was jointly developed by ESA" says who made the craft, not
    what the craft carries."""
    by = phrase.head
    return (
        phrase.dep_ == "pobj"
        and by.dep_ == "agent"
        and by.head.i == verb.i
        and any(c.dep_ == "nsubjpass" for c in verb.children)
    )


def _verb_of(token: Token) -> Token | None:
    """The verb (or auxiliary) whose clause the phrase belongs to."""
    for _ in range(12):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _subjects(verb: Token) -> list[Token]:
    """The verb's own subjects; a verb coordinated with another and with none of its own
    ("... and will carry") shares the first verb's, and a participle describing a thing
    ("a detector supplied by X") the subject of the verb that takes the thing."""
    for _ in range(6):
        own = [c for c in verb.children if c.dep_ in _SUBJECTS]
        if own:
            return own
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head
        elif verb.dep_ == "acl" and (above := _verb_of(verb.head)) is not None:
            verb = above  # "took along a detector supplied by X": the taker's subject
        else:
            return []
    return []


def _names(subject: Token, start: int, end: int) -> bool:
    """Whether a name set in apposition to the subject lies at ``start:end`` ("its
    successor, Tianwen-3,"). A craft that is the subject itself is the clause reading's
    to pair, and often what was built rather than what carries ("X and Y were built by
    Z"); a mission merely mentioned inside the subject phrase does not count."""
    return any(c.dep_ == "appos" and start <= c.idx < end for c in subject.children)
