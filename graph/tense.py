"""The time a clause speaks of, read from the parse: the future of its own verb ("will
ride"), or the past of a relative clause inside a sentence about plans ("..., which China
built in 2001"), or work still under way ("is building"). Used by
``graph.grammar.status_at`` and the spacecraft and ground-station readers."""

from __future__ import annotations

from spacy.tokens import Doc

from graph.parsing import clause_verb
from graph.token_lookup import token_at

_FUTURE_AUX = frozenset({"will", "shall", "'ll"})


def future_clause(doc: Doc, pos: int) -> bool:
    """Whether the verb whose clause holds the word at character ``pos`` speaks of the
    future: "will"/"shall" beside it, or beside the verb it completes ("will continue
    to carry")."""
    word = token_at(doc, pos)
    if word is None:
        return False
    verb = clause_verb(doc, word.idx, word.idx + len(word))
    token = doc[verb] if verb is not None else None
    for _ in range(3):
        if token is None:
            return False
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in token.children):
            return True
        if _is_to(token) or (token.dep_ == "xcomp" and _is_to(token.head)):
            return True  # "the institute is to join", "operators are to be trained"
        if _bare_infinitive(token):
            return True  # "Belintersat-2 for Belarus: to be built by China"
        if token.dep_ not in ("xcomp", "conj") or token.head.i == token.i:
            return False
        token = token.head
    return False


_RANKING = frozenset({"first", "second", "third", "last", "only", "latest", "newest", "biggest"})


def _bare_infinitive(verb) -> bool:
    """An infinitive no finite verb governs ("X: to be launched in 2027", "KenSat-9, to
    be launched next year, ..."): what is still to be done; but "the first satellite to
    be launched by China" ranks a craft among those already launched."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if verb.dep_ in ("xcomp", "ccomp", "advcl", "pcomp", "csubj"):
        return False  # "plans to build", "in order to launch": the verb above says
    head = verb.head if verb.dep_ != "ROOT" else verb
    return not any(c.lower_ in _RANKING or c.tag_ == "JJS" for c in head.children)


def _is_to(verb) -> bool:
    """ "is to" + a verb: what is to be done."""
    return verb.lemma_.lower() == "be" and any(
        c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in verb.children
    )


def past_relative(doc: Doc, pos: int) -> bool:
    """Whether the word at character ``pos`` is the verb, or in the clause, of a relative
    clause told in the past ("the station, which China built with Namibia in 2001"):
    what it says happened, whatever the sentence around it plans."""
    word = token_at(doc, pos)
    if word is None:
        return False
    verb = doc[word.i] if word.pos_ in ("VERB", "AUX") else None
    if verb is None:
        index = clause_verb(doc, word.idx, word.idx + len(word))
        verb = doc[index] if index is not None else None
    while verb is not None and verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head  # "which China built ... and upgraded in 2024"
    return (
        verb is not None
        and verb.dep_ == "relcl"
        and verb.tag_ in ("VBD", "VBN")
        and not any(c.lower_ in _FUTURE_AUX or c.lower_ == "would" for c in verb.children)
    )


def under_way(doc: Doc | None, at: int) -> bool:
    """Whether the verb at ``at`` tells of work still going on ("China is building two
    satellites", "KenSat-4 is being built"): a thing being made is not made yet.
    ``at`` is a character offset in ``doc``, the sentence's parse."""
    verb = None if doc is None else token_at(doc, at)
    if verb is None:
        return False
    helpers = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    present = bool(helpers & {"is", "are", "'s", "'re"})
    return present and (verb.tag_ == "VBG" or "being" in helpers)
