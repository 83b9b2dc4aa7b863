"""What a dependency tree says about a partner's role in its sentence.

``syntactic_role`` climbs from a name to the phrase that governs it (through
coordination, apposition and "countries including ...", as
``graph.parsing.governing_phrase`` does) and says what the governor makes of it: the
object of ``with``, ``from``, ``for`` or ``by``, a subject beside China or on its own, a
possessive, a place. Its own module because the partner lists and agreement parties
read roles with a vocabulary of their own (joining verbs, places, the subject frames of
``graph.subject_roles``) that the parser and its clause readings in ``graph.parsing``
do not need.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from graph.parsing import INSTRUMENT_NOUNS, governing_phrase, span_root
from graph.subject_roles import (
    acting_people,
    class_clause,
    described_clause,
    helped_by_china,
    said_again,
    signs_up,
)
from graph.token_lookup import controlled_lemma

_WITH = frozenset({"with", "alongside"})
_PLACE = frozenset({"in", "at", "across", "over", "throughout", "around", "near", "within"})
_JOINING_VERBS = frozenset({"join", "help", "assist", "invite", "support", "partner", "accompany"})


def syntactic_role(
    doc: Doc, start: int, end: int, china: Sequence[tuple[int, int]]
) -> tuple[str, str]:
    """The role of the partner named at ``start:end``, and the lemma of the word that
    governs it ("payload" in "payloads from X", "develop" in "developed by X").

    Roles: with, from, for, by, to, between, place, subject (beside China), agent (a
    subject without China), owner, object, other. ``china`` are the character spans
    where China (or a Chinese body) is named.
    """
    root = span_root(doc, start, end)
    if root is None:
        return "other", ""
    token = governing_phrase(root)
    dep, head = token.dep_, token.head
    if dep == "pobj" and head.lower_ in ("at", "from", "of") and acting_people(head.head):
        # "astronomers at the University of Chile have worked with ...": the body acts
        token = head.head
        dep, head = token.dep_, token.head
    if dep == "poss":
        if head.lemma_.lower() in _MEASURING and head.dep_ not in ("nsubj", "nsubjpass"):
            # "will carry Spain's spectrometer": one from Spain (but "Thailand's payload
            # is being built by NARIT" names its maker, the partner, on its own)
            return "from", head.lemma_.lower()
        return "owner", head.lemma_.lower()
    if dep in ("nsubj", "nsubjpass"):
        if helped_by_china(head, china):
            return "with", head.lemma_.lower()  # "China will help Laos build a station"
        if signs_up(head):
            return "agent", "join"  # "X signed up to the ILRS": X joined it
        if said_again(head):  # "..., as has APSCO": APSCO did what the main clause says
            head = head.head
            if signs_up(head):
                return "agent", "join"
        described = described_clause(head)
        if described is not None:  # "X are among the countries that have joined M"
            return "agent", "join" if signs_up(described) else controlled_lemma(described)
        conjuncts = {token, *token.conjuncts}
        spans = [(t.idx, t.idx + len(t.text)) for t in conjuncts]
        beside = any(s <= cs < e or cs <= s < ce for s, e in spans for cs, ce in china)
        return ("subject" if beside else "agent"), controlled_lemma(head)
    if dep == "pobj":
        prep = head
        while prep.dep_ == "conj" and prep.head.dep_ in ("prep", "agent", "conj"):
            prep = prep.head  # "by ESA and by the MPE": the second "by" is the first's
        word, governor = head.lower_, prep.head.lemma_.lower()
        if word == "to" and governor == "accord":
            return "source", governor  # "according to SUPARCO": who says so, no party
        if prep.dep_ == "agent" or word == "by":
            return "by", governor
        if word in _WITH:
            return "with", governor
        if word in ("from", "for", "to", "between"):
            return word, governor
        if word in _PLACE:
            return "place", governor
        if word == "of" and _instrument_named(prep.head):
            # "the dust analyser DXA of DLR", "the radon detector of France": whose it is
            return "from", _instrument_named(prep.head)
        return "other", governor
    if (
        dep in ("npadvmod", "compound")
        and head.lemma_.lower() in _MADE
        and head.dep_ == "amod"
        and head.head.lemma_.lower() in INSTRUMENT_NOUNS
    ):
        return "from", head.head.lemma_.lower()  # "a Thai-built instrument": from Thailand
    if dep in ("amod", "compound") and head.lemma_.lower() in INSTRUMENT_NOUNS:
        return "from", head.lemma_.lower()  # "two Estonian instruments": instruments from X
    if dep == "dobj":
        verb = head.lemma_.lower()
        return ("with" if verb in _JOINING_VERBS else "object"), verb
    if dep == "ROOT" and token.pos_ in ("NOUN", "PROPN"):
        acting = misread_verb(token)
        if acting is not None:
            # "INPE and CNSA exchange CBERS data", parsed as one noun phrase whose last
            # noun takes an object: that noun is the verb, the names its subjects
            near = [token, *(c for c in acting.children if c.dep_ == "compound")]
            beside = any(t.idx <= cs < t.idx + len(t) for t in near for cs, _ce in china)
            return ("subject" if beside else "agent"), acting.lemma_.lower()
    listed = class_clause(token) if token.i != root.i and token.dep_ == "ROOT" else None
    if listed is not None:  # "Countries that joined the ILRS in 2024: A, B and C"
        return "agent", controlled_lemma(listed)
    return "other", head.lemma_.lower()


# instruments, which fly on a craft; a country's cubesat or rover is a craft of its own
_MEASURING = INSTRUMENT_NOUNS - {"cubesat", "rover"}


def _instrument_named(token: Token) -> str | None:
    """The instrument noun a word is or names ("detector"; "DXA" in "the analyser DXA")."""
    for word in (token, token.head if token.dep_ in ("appos", "compound") else None):
        if word is not None and word.lemma_.lower() in _MEASURING:
            return word.lemma_.lower()
    return None


def misread_verb(noun: Token) -> Token | None:
    """The word a parse took for a noun joined to ``noun`` though it has an object of
    its own ("... and CNSA exchange CBERS data": "exchange" as a noun): the verb."""
    return next(
        (
            c
            for c in noun.children
            if c.dep_ == "conj"
            and c.tag_ in ("NN", "VBP", "VB")
            and any(g.dep_ == "dobj" for g in c.children)
        ),
        None,
    )


# how an instrument's maker is joined to it: "Thai-built", "German-made"
_MADE = frozenset({"build", "make", "design", "develop", "supply"})
