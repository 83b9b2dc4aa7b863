"""The word at a character of a parse, found by bisection rather than by walking the
parse: the rules ask it of the same sentence many times, and every step of a walk makes
a new spaCy ``Token``."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from spacy.attrs import LOWER, POS
from spacy.parts_of_speech import IDS
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

# the words' offsets of the last parses asked about (a sentence's rules ask many times)
_STARTS: dict[int, tuple[Doc, list[int]]] = {}


def token_at(doc: Doc, pos: int) -> Token | None:
    """The first word whose characters, or the one after them, hold character ``pos``
    (a space belongs to the word before it), found by bisection."""
    held = _STARTS.get(id(doc))
    if held is None or held[0] is not doc:
        if len(_STARTS) >= 256:
            _STARTS.clear()
        held = _STARTS[id(doc)] = (doc, [t.idx for t in doc])
    starts = held[1]
    i = bisect_right(starts, pos) - 1
    # words do not overlap: only the word starting at or before pos, or the one before
    # it (pos the character after it), can hold it
    for j in (i - 1, i):
        if j >= 0 and starts[j] <= pos < starts[j] + len(doc[j]) + 1:
            return doc[j]
    return None


def words_among(doc: Doc, forms: Iterable[str]) -> list[Token]:
    """The words of a parse whose lower-case form is one of ``forms``, in order: the
    same as testing each word's ``lower_``, without making a ``Token`` of every word of a
    long parse (the rules look for a few words, "it", "which", in every sentence)."""
    wanted = {hash_string(f) for f in forms}
    return [doc[i] for i, h in enumerate(doc.to_array(LOWER).tolist()) if h in wanted]


def tagged_among(doc: Doc, tags: Iterable[str]) -> list[Token]:
    """The words of a parse whose part of speech (``pos_``) is one of ``tags``, in order,
    without making a ``Token`` of every other word."""
    wanted = {IDS[t] for t in tags}
    return [doc[i] for i, p in enumerate(doc.to_array(POS).tolist()) if p in wanted]


# verbs whose subject does what their complement says: "X is expected to provide ..."
_CONTROL = frozenset(
    [
        "expect",
        "plan",
        "intend",
        "hope",
        "agree",
        "aim",
        "seek",
        "want",
        "prepare",
        "decide",
        "begin",
        "start",
        "continue",
        "select",
        "choose",
        "keep",
        "try",
        "wish",
        "resume",
        "pledge",
        "promise",
        "offer",
    ]  # "began to cooperate with", "keep working with": so doing
)


# forms the small English model gives a wrong lemma ("hopes" -> "hop")
_MISLEMMATISED = {"hopes": "hope", "hoped": "hope", "hoping": "hope"}


def controlled_lemma(verb: Token) -> str:
    """The lemma of what a subject does: the complement of a verb of planning or
    expecting ("provide" in "ESA is expected to provide tracking"), else the verb's own."""
    lemma = _MISLEMMATISED.get(verb.lower_, verb.lemma_.lower())
    # "had planned to send a rover" tells a plan given up, not what was done
    given_up = any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)
    if lemma == "be" and any(c.dep_ == "xcomp" for c in verb.children):
        lemma = "expect"  # "are to be trained": what is to be done, as with "expected to"
    if lemma in _CONTROL and not given_up:
        done = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if done is not None:
            return done.lemma_.lower()
    return lemma


def arguments(verb: Token) -> list[Token]:
    """The verb's own dependents, and the subject it takes from "be" when it is what is
    to be done ("operators are to be trained": the operators are trained)."""
    raised = verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "be"
    if not raised:  # (the head's dependents, which can be most of a long line, are not read)
        return list(verb.children)
    return [*verb.children, *(c for c in verb.head.children if c.dep_ == "nsubj")]
