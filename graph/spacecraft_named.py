"""Which named spacecraft a verb frame is about: the argument of the verb that holds
the name, through pronouns, appositions and lists ("VRSS-1 (2012) and VRSS-2 (2017)").
Used by ``graph.spacecraft_syntax``."""

from __future__ import annotations

import itertools
import re

from spacy.tokens import Token

from graph.parsing import INSTRUMENT_NOUNS
from graph.prepositional_objects import objects_of
from graph.reading import Sentence
from graph.recognise import Found
from graph.token_lookup import token_at

PRONOUNS = frozenset({"it", "them", "both", "which", "that"})
_REFLEXIVE = frozenset({"itself", "themselves", "herself", "himself"})
_CRAFT_WORDS = frozenset({"satellite", "spacecraft", "cubesat", "microsatellite", "probe"})

_COORDINATED = re.compile(r"^(?:\s*\([^)]*\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+|/)\s*$")


def _coordinated(sentence: Sentence, names: list[Found]) -> bool:
    """Whether the names form one list ("VRSS-1 (2012) and VRSS-2 (2017)"), written so or
    parsed so ("carrying NileSat-7 and a small cubesat, SinaiSat-1,")."""
    ordered = sorted(names, key=lambda m: m.start)
    if sentence.parse is not None and _parsed_as_list(sentence, ordered):
        return True
    return all(
        _COORDINATED.match(sentence.text[a.end - sentence.start : b.start - sentence.start])
        is not None
        for a, b in itertools.pairwise(ordered)
    )


def _parsed_as_list(sentence: Sentence, ordered: list[Found]) -> bool:
    """Whether each later name hangs, through conjuncts and appositions, on the first."""
    doc = sentence.parse
    tokens = [_token_starting(doc, m.start - sentence.start) for m in ordered]
    if len(tokens) < 2 or any(t is None for t in tokens):
        return False
    first = tokens[0]
    for token in tokens[1:]:
        while token.dep_ in ("conj", "appos") and token.head.i != token.i and token.i != first.i:
            token = token.head
        if token.i != first.i:
            return False
    return True


# nouns a spacecraft's name may qualify without being the thing built ("the TKSAT-1
# ground control stations were built with ...")
_OTHER_THINGS = frozenset(
    {"station", "antenna", "terminal", "receiver", "segment", "centre", "center", "data",
     "image", "imagery", "instrument", "camera", "detector", "payload", "facility"}
)  # fmt: skip


def _names_other_thing(sentence: Sentence, mention: Found) -> bool:
    """Whether the name only qualifies another noun ("the TKSAT-1 ground stations")."""
    doc = sentence.parse
    if doc is None:
        return False
    span = doc.char_span(
        mention.start - sentence.start, mention.end - sentence.start, alignment_mode="expand"
    )
    if span is None or not len(span):
        return False
    token = span.root
    while token.dep_ in ("compound", "amod", "nmod") and token.head.i != token.i:
        token = token.head
        if token.lemma_.lower() in _OTHER_THINGS:
            return True
    return False


# verbs whose subject is a spacecraft going up on a rocket: "rode a Kuaizhou-1A",
# "went into orbit on a Long March 4C", "lifted off from Jiuquan"
RIDING = frozenset({"ride", "go", "lift", "blast", "head", "fly", "follow"})
# a craft's own arrival on a launch: "X reached orbit", "X separated from the upper stage"
ARRIVING = frozenset({"reach", "enter", "separate"})
# the words of a launch's manifest: "Among the payloads was X", "Also aboard: X (Peru)"
MANIFEST = frozenset({"payload", "passenger", "aboard"})
# a ride told with the subject after the verb: "Riding along were ...", "Flying with it was"
_INVERTED_RIDE = re.compile(
    r"(?:Riding|Flying|Travelling|Traveling|Going)\s+(?:along|with\s+(?:it|them)|too|up|"
    r"aboard|as\s+well)?\s*(?:were|was)\b"
)


def ride_companions(verb: Token) -> list[Token]:
    """What "shared its ride with X" shared it with, wherever the parser hung "with"."""
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return [o for h in holders for o in objects_of(h, ("with",))]


def _last_list(sentence: Sentence, before: list[Found]) -> list[Found]:
    """The last list of spacecraft named in ``before`` ("AlSat-3A and AlSat-3B"), which
    "them" stands for."""
    listed = [before[-1]]
    for m in reversed(before[:-1]):
        glue = sentence.text[m.end - sentence.start : listed[0].start - sentence.start]
        if not _COORDINATED.match(glue):
            break
        listed.insert(0, m)
    return listed


# verbs of making, and the instruments whose making is not their carrier's
_MAKING = frozenset(
    {"build", "develop", "design", "make", "construct", "assemble", "manufacture", "supply"}
)
# (a cubesat or a rover carried is a craft of its own, and "payload" may be one)
_INSTRUMENTS = (INSTRUMENT_NOUNS - {"cubesat", "rover", "payload"}) | {
    "telescope",
    "counter",
    "reflector",
    "antenna",
    "altimeter",
    "radar",
    "monitor",
}
_MADE_THING = frozenset({"nsubjpass", "dobj"})
# what the parser may call a copula's subject ("AndeSat-6 is ...": "AndeSat-6" an advmod)
_MISREAD_SUBJECT = frozenset({"advmod", "npadvmod", "dep"})
_EVENTS = frozenset({"delivery", "launch", "handover", "transfer"})
_SERIES = frozenset({"series", "family", "constellation", "programme", "program", "line"})


def _series_member(noun: Token) -> Token:
    """The craft a relative clause on its series tells of: "Taifa-3 is the third
    satellite of the series, which China and Kenya developed jointly" (the satellite)."""
    if noun.lemma_.lower() in _SERIES and noun.dep_ == "pobj" and noun.head.lower_ == "of":
        member = noun.head.head
        if member.lemma_.lower() in _CRAFT_WORDS:
            return member
    return noun


def _described_craft(sentence: Sentence, verb: Token, noun: Token, crafts: list[Found]) -> Token:
    """The description of a craft that a participle set off by a comma tells of, when the
    parser hung it on the last noun of that description: "GhanaSat-4, China's first
    satellite for a West African country, built and launched in 2030" (the satellite,
    not the country). Only through prepositions of a description apposed to a named
    craft; any other noun stays what the participle describes."""
    if verb.i == 0 or verb.doc[verb.i - 1].text != "," or _names_craft(sentence, noun, crafts):
        return noun
    held = noun
    while held.dep_ == "pobj" and held.head.dep_ == "prep":
        held = held.head.head
        if held.dep_ == "appos" and _names_craft(sentence, held.head, crafts):
            return held
    return noun


def _names_craft(sentence: Sentence, token: Token, crafts: list[Found]) -> bool:
    """Whether ``token`` lies in the name of one of ``crafts``."""
    return any(m.start - sentence.start <= token.idx < m.end - sentence.start for m in crafts)


def misparsed_object(
    sentence: Sentence, verb: Token, crafts: list[Found], riding: bool = False
) -> list[Token]:
    """A craft's name the parser hung on the verb as punctuation or an unlabelled
    dependent (its designator read as a symbol): the object of an active verb it
    directly follows ("CGWIC handed KenSat-2 over ..."), or the subject of a passive one
    it comes before ("KenSat-2 was built for ..."), as a name the parser knew would be."""
    if riding:
        return []
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if any(c.dep_ == ("nsubjpass" if passive else "dobj") for c in verb.children):
        return []
    starts = {m.start - sentence.start for m in crafts}
    return [
        c
        for c in verb.children
        if c.dep_ in ("punct", "dep")
        and c.idx in starts
        and (
            c.i < verb.i
            and not any(
                c.i < a.i < verb.i and a.dep_ in ("nsubj", "nsubjpass") for a in verb.children
            )
            if passive
            else c.i == verb.i + 1
        )
    ]


def own_craft(sentence: Sentence, verb: Token, crafts: list[Found]) -> list[Found]:
    """The named spacecraft verb ``verb`` is about, among ``crafts``: its object or
    passive subject, the noun its participle or relative clause describes, the object of
    a nominal trigger, or the spacecraft a pronoun stands for; one name, or one list."""
    objects = [
        c
        for c in verb.children
        # ("which CGWIC built free of charge": an adjective the parser took for the object)
        if c.dep_ == "dobj"
        and c.lower_ not in PRONOUNS
        and c.pos_ not in ("ADJ", "ADV")
        # ("that KACST built itself": the maker alone, not what was made)
        and c.lower_ not in _REFLEXIVE
    ]
    if verb.dep_ == "relcl" and not objects:
        # "the traffic of Belintersat-1, which was built ...": the spacecraft just before
        # the relative pronoun, wherever the parser hung its clause
        relative = [c.idx for c in verb.children if c.lower_ in ("which", "that")]
        just_before = [
            m
            for m in crafts
            if relative
            and m.end - sentence.start <= relative[0]  # (a craft after it is not "before")
            and re.fullmatch(r"\s*,?\s*", sentence.text[m.end - sentence.start : relative[0]])
        ]
        if just_before:
            return just_before
    if _INVERTED_RIDE.match(sentence.text, verb.idx) or verb.lemma_.lower() in MANIFEST:
        # "Riding along were X and Y, ...": the craft after the verb, which the parser
        # cannot hang on it
        return [m for m in crafts if m.start - sentence.start > verb.idx]
    if verb.lemma_.lower() == "share":  # "shared its ride with PakTES-1A"
        nouns = ride_companions(verb)
    elif verb.dep_ in ("acl", "relcl") and objects:
        nouns = objects  # "the mission, which carried Pakistan's ICUBE-Q satellite"
    elif verb.dep_ in ("acl", "relcl"):
        nouns = [_described_craft(sentence, verb, _series_member(verb.head), crafts)]
    elif (
        verb.dep_ == "amod"
        and verb.tag_ == "VBN"
        and verb.head.i < verb.i
        and _names_craft(sentence, verb.head, crafts)
    ):
        # "KenSat-1R, its replacement - built and launched by CGWIC": a participle after
        # the name that the parser took for its adjective tells of it
        nouns = [verb.head]
    elif verb.pos_ == "NOUN":
        # "the delivery of X", or the owner of an event with no object: "its launch"
        nouns = [c for c in verb.children if c.lower_ == "of"]
        nouns = nouns or [c for c in verb.children if c.dep_ == "poss"]
    else:
        # ("Palapa-D, launched 2009": a year the parser takes for the object is none)
        # a craft that rides a rocket is the subject ("PeruSat-2 rode a Long March 2D"),
        # one lifted into orbit (or "was lifted") the object
        lemma, deps = verb.lemma_.lower(), {c.dep_ for c in verb.children}
        riding = (
            lemma in RIDING
            and not deps & {"nsubjpass", "auxpass"}
            and not (lemma == "lift" and "dobj" in deps)
        ) or lemma in ARRIVING
        roles = ("nsubj",) if riding else ("nsubjpass", "dobj")
        # ("Its delivery to X followed": an event follows, no craft rides)
        nouns = [
            c
            for c in verb.children
            if c.dep_ in roles and c.pos_ != "NUM" and c.lemma_.lower() not in _EVENTS
        ] or misparsed_object(sentence, verb, crafts, riding)
        if not nouns and verb.dep_ == "xcomp":
            # "the satellite ... is expected to be built by China": the raised subject
            nouns = [c for c in verb.head.children if c.dep_ in ("nsubjpass", "nsubj")]
        if not nouns and verb.lemma_.lower() != "carry":
            # a spacecraft does not build or launch: with no object, its subject is what
            # was done ("CBERS-04A, developed jointly with Brazil, was launched", as the
            # parser may read it; "the satellite launched in 2019")
            nouns = [
                c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() not in _EVENTS
            ]
        if not nouns and "auxpass" in deps:
            # "In March PRSC-EO1, a satellite ..., was launched": the subject the parser
            # took for the object of the opening preposition
            nouns = [
                o
                for p in verb.children
                if p.dep_ == "prep" and p.i < verb.i
                for o in p.children
                if o.dep_ == "pobj" and o.pos_ == "PROPN"
            ]
    if any(n.tag_ == "NNS" and n.lemma_.lower() in _CRAFT_WORDS for n in nouns):
        # "launched 14 satellites for foreign customers, including Algeria's Alcomsat-2":
        # the examples the parser hung on the verb are of its object
        nouns += [
            o
            for c in verb.children
            if c.lower_ in ("including", "includes", "among")
            for o in c.children
            if o.dep_ == "pobj"
        ]
    resolved = []
    for noun in nouns:
        if noun.lower_ in PRONOUNS:
            if noun.lower_ in ("which", "that") and verb.dep_ == "relcl":
                resolved.append(_series_member(verb.head))
                continue
            # the spacecraft named before, or the one the pronoun itself stands for
            before = [m for m in crafts if m.end - sentence.start <= noun.idx]
            before += [m for m in crafts if m.start - sentence.start == noun.idx]
            if before and noun.lower_ in ("them", "both"):
                # "A and B ... will launch them", "A and B -- China launched both"
                return _last_list(sentence, before)
            if before:
                return [before[-1]]  # "built X ... and launched it"
            continue
        resolved.append(noun)
        resolved += [c for c in noun.children if c.dep_ == "appos"]  # "its successor, X,"
        if noun.dep_ == "appos":
            resolved.append(noun.head)
        if noun.dep_ == "attr":  # "SMILE is a joint mission, built ...", "... is X, a satellite"
            resolved += [
                c
                for c in noun.head.children
                if c != noun
                and (c.dep_ in ("nsubj", "attr") or (c.dep_ in _MISREAD_SUBJECT and c.i < noun.i))
            ]
    names: dict[str, Found] = {}
    making = verb.lemma_.lower() in _MAKING
    for noun in resolved:
        if making and noun.lemma_.lower() in _INSTRUMENTS and noun.dep_ in _MADE_THING:
            # "the X-ray camera for Einstein Probe was developed ...", "Einstein Probe's
            # magnetometer was built ...": the instrument was made; the craft carries it
            continue
        left, right = noun.left_edge.idx, noun.right_edge.idx + len(noun.right_edge)
        if noun.dep_ in ("nsubj",) or noun.i == verb.head.i:
            right = noun.idx + len(noun)
            left = min(left, noun.idx)
            # "Kenya's imaging satellite KenSat-2 followed": a name right after its noun,
            # which the parser may hang on it as punctuation
            named = [c for c in noun.children if c.i == noun.i + 1 and c.tag_ == "NNP"]
            right = max([right, *(c.idx + len(c) for c in named)])
            # "A and B, satellites developed ...": the subject is the whole list
            for c in (c for c in noun.children if c.dep_ == "conj" and c.i > noun.i):
                if not _COORDINATED.match(sentence.text[right : c.left_edge.idx]):
                    break
                right = c.right_edge.idx + len(c.right_edge)
        # "CSES-02, the second China Seismo-Electromagnetic Satellite,": the apposition
        # describes the craft the noun names, it is no second craft
        described = [
            (c.left_edge.idx, c.right_edge.idx + len(c.right_edge))
            for c in noun.children
            if c.dep_ == "appos" or (c.dep_ == "npadvmod" and c.i > noun.i)  # as misparsed
        ]
        own = [m for m in crafts if left <= m.start - sentence.start < right]
        plain = [m for m in own if not any(a <= m.start - sentence.start < b for a, b in described)]
        for m in plain or own:
            if not _names_other_thing(sentence, m):
                names[m.key] = m
        for m in crafts:
            if m not in own and re.fullmatch(
                r"\s*,\s*", sentence.text[m.end - sentence.start : left]
            ):
                names[m.key] = m  # "X, a satellite built for Y,": an apposition misparsed
        if not names and noun.lemma_.lower() in _CRAFT_WORDS:
            names.update(_named_after(sentence, noun, crafts))
        if names:
            break
    found = list(names.values())
    return found if len(found) == 1 or _coordinated(sentence, found) else []


def _named_after(sentence: Sentence, noun: Token, crafts: list[Found]) -> dict[str, Found]:
    """The crafts that name a plain noun right after it ("lifted two satellites, X and Y,
    into orbit"), however the parser hung them."""
    text = sentence.text
    pos = noun.idx + len(noun)
    names: dict[str, Found] = {}
    for m in sorted(crafts, key=lambda m: m.start):
        start = m.start - sentence.start
        if start < pos:
            continue
        glue = r"\s*,\s*" if not names else r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)"
        if not re.fullmatch(glue, text[pos:start]):
            break
        names[m.key] = m
        pos = m.end - sentence.start
    return names


def names_holding(sentence: Sentence, token: Token) -> set[str]:
    """The names a word lies inside ("the Gulf Institute for Space Research": its "for"
    is part of the name, and the name no object of that "for")."""
    at = token.idx + sentence.start
    return {m.key for m in sentence.mentions if m.start < at < m.end}


def gapped_crafts(
    sentence: Sentence, verb: Token, crafts: list[Found], found: list[Found]
) -> list[Found]:
    """Spacecraft the verb governs by gapping ("China launched AlSat-3A for ASAL on 16
    January and AlSat-3B on 21 June"): a name after "and" that the parser joined to a
    word of the verb's clause, with no verb of its own on the way up to it."""
    doc = verb.doc
    out = []
    for m in crafts:
        if m in found:
            continue
        token = _token_starting(doc, m.start - sentence.start)
        if token is None or token.dep_ != "conj" or doc[token.i - 1].lower_ != "and":
            continue
        head = token.head
        while head.i != verb.i and head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if head.i == verb.i:
            out.append(m)
    return out


def _token_starting(doc, at: int) -> Token | None:
    """The word that starts at character ``at`` of the parse, if one does."""
    token = token_at(doc, at)
    return token if token is not None and token.idx == at else None
