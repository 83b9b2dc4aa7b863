"""Ground stations as the parse shows them: a station word ("station", "antenna", a
control centre) with a kind of station before it, and a verb of building, upgrading or
operating it (or of a partner hosting a Chinese one), whatever the word order."""

from __future__ import annotations

import re
from typing import NamedTuple

from spacy.tokens import Token

from graph.prepositional_objects import objects_of
from graph.reading import Sentence
from graph.token_lookup import words_among

_STATION_WORDS = frozenset(
    ["station", "stations", "antenna", "antennas", "dish", "dishes", "network", "networks"]
)
# a ground control centre is a station too ("the satellite control centre in Shirvan")
_CENTRES = frozenset(["centre", "center", "centres", "centers"])
# a ground antenna needs no other word ("a 35-metre dish was built with CONAE")
_ANTENNAS = frozenset(["antenna", "antennas", "dish", "dishes"])
_STATION_KIND = re.compile(
    r"\b(?:ground|receiving|tracking|reference|deep[- ]space|data|monitoring|TT&C|"
    r"augmentation|control|observation|gateway)\b",
    re.IGNORECASE,
)
# a network whose kind says it is made of stations on the ground: "an augmentation
# network", "geodetic reference networks", "a network of monitoring stations"
_GROUND_NETWORK = re.compile(
    r"\b(?:augmentation|station|reference|monitoring|tracking|receiving|geodetic|CORS)\b",
    re.IGNORECASE,
)
_STATION_VERBS = frozenset(
    [
        "build",
        "set",
        "establish",
        "upgrade",
        "construct",
        "install",
        "operate",
        "co-build",
        "complete",
        "modernise",
        "modernize",
        "expand",
        # "opened a receiving station near Dushanbe together with X"
        "open",
        "inaugurate",
        "commission",
        # "was put up with X", "was updated with X", "erected ... together with X",
        # "deployed a tracking station in Kenya with X": other verbs of putting a station
        # in place or bringing it up to date
        "put",
        "erect",
        "deploy",
        "update",
        "refurbish",
        "renovate",
    ]
)


class StationFrame(NamedTuple):
    """A station the parse shows: where its verb is, its own words before it, all its
    words, and whether the verb is a partner hosting a Chinese station."""

    at: int
    words: tuple[int, int]
    whole: tuple[int, int]
    hosted: bool


def stations_from_parse(
    sentence: Sentence,
) -> list[tuple[int, tuple[int, int], tuple[int, int]]]:
    """Where the parse shows a ground station built, set up, upgraded, completed,
    installed or operated, whatever the word order ("the station in Cuiaba, upgraded
    jointly by China and Brazil", "the antenna, built with X, began operations", "three
    stations went up in Russia, built jointly with Y"), with the station's own words
    before it and all of its words."""
    doc = sentence.parse
    if doc is None:
        return []
    out = []
    for token in words_among(doc, _STATION_WORDS | _CENTRES):
        centre = token.lower_ in _CENTRES and any(
            c.lower_ == "control" for c in token.children if c.i < token.i
        )
        if token.lower_ not in _STATION_WORDS and not centre:
            continue
        # "the deep-space station": the words as written, not as the parser splits them
        before = re.sub(r"\s*-\s*", "-", " ".join(c.text for c in token.subtree if c.i < token.i))
        # what kind it is, before it or in the participle after ("a station receiving")
        after = " ".join(c.text for c in token.rights if c.tag_ == "VBG")
        misread = token.dep_ == "dobj" and token.head.tag_ == "VBG" and token.head.i < token.i
        if misread:
            # "The Kiruna receiving station ... was built": parsed as Kiruna "receiving" a
            # station; the name the participle hangs on is the station
            before = f"{before} {token.head.text}"
            token = token.head.head
        if (
            token.lower_ not in _ANTENNAS
            and not _STATION_KIND.search(f"{before} {after}")
            and not _stands_at_a_place(token)
        ):
            continue
        if token.lower_.startswith("network") and not _GROUND_NETWORK.search(before):
            continue  # a network of ground stations, not a data or a business network
        station, token = token, _collection_of(token)
        first = token  # "a ground control and receiving station": the list's role
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        verbs = [first.head] if first.dep_ in ("dobj", "nsubjpass", "nsubj") else []
        # "a receiving station is to be built with SANSA": the verb "be" is to do
        verbs += [
            c
            for v in verbs
            if v.lemma_ == "be"
            for c in v.children
            if c.dep_ == "xcomp" and c.tag_ in ("VB", "VBN")
        ]
        # ("a chain of stations that X and China built": the clause on the stations)
        verbs += [
            c
            for t in dict.fromkeys((token, station))
            for c in t.children
            if c.dep_ in ("acl", "relcl")
        ]
        # "a station at Stankovo, west of Minsk, which was built ...": a relative clause
        # the parser hangs on the last place named after the station
        verbs += [
            c
            for t in token.subtree
            if t.i > token.i and t.pos_ == "PROPN"
            for c in t.children
            if _relative(c)
        ]
        # "a network of VHF stations along the equator, built by X": a participle set off
        # by a comma, which the parser hangs on a later word of the station's phrase
        verbs += [c for t in token.subtree if t.i > token.i for c in _set_off(t)]
        if token.dep_ == "nsubj":
            # "three stations went up in China, built jointly with Roscosmos"
            verbs += [c for c in token.head.children if c.dep_ == "advcl" and c.tag_ == "VBN"]
        words = (token.left_edge.idx, token.idx)
        whole = _whole(token)
        chinese = re.search(r"\bChin(?:a|ese)\b", doc.text[whole[0] : whole[1]]) is not None
        for verb in verbs:
            # "... hosts a Chinese data receiving station in Malindi": the host's
            hosted = chinese and verb.lemma_.lower() in _HOSTING
            if verb.lemma_.lower() in _STATION_VERBS or hosted:
                out.append(StationFrame(verb.idx, words, whole, hosted))
    return out + _pronoun_frames(sentence, doc)


def _set_off(word: Token) -> list[Token]:
    """The past participles or relative clauses hung on a word that open after a comma
    ("..., built by X", "..., which were built with Y")."""
    return [
        c
        for c in word.children
        if c.i > word.i
        and c.left_edge.i > 0
        and word.doc[c.left_edge.i - 1].text == ","
        and ((c.dep_ in ("acl", "advcl") and c.tag_ == "VBN") or _relative(c))
    ]


def _relative(clause: Token) -> bool:
    """Whether a clause is a relative clause opened by "which" or "that"."""
    return clause.dep_ == "relcl" and any(w.lower_ in ("which", "that") for w in clause.children)


def _whole(token: Token) -> tuple[int, int]:
    """Where a word's phrase starts and ends."""
    return (token.left_edge.idx, token.right_edge.idx + len(token.right_edge))


# "A tracking antenna entered service at X. It was built with Y.": the station is the
# subject of the next sentence's verb, named there by a pronoun
_PRONOUNS = ("it", "they")
# the sentence before names a ground station ("A tracking antenna entered service at X.
# It was built with Y.")
_STATION_BEFORE = re.compile(
    r"\b(?:ground|receiving|tracking|reference|deep[- ]space|monitoring|TT&C|control|"
    r"augmentation|laser|VLBI)\s+(?:[\w-]+\s+)?(?:station|antenna|dish)s?\b",
    re.IGNORECASE,
)


def _pronoun_frames(sentence: Sentence, doc) -> list[StationFrame]:
    """Stations a pronoun opening the sentence stands for as the subject of a verb of
    building, named by the sentence before."""
    out = []
    for pronoun in words_among(doc, _PRONOUNS):
        verb = pronoun.head
        if pronoun.dep_ != "nsubjpass" or verb.lemma_.lower() not in _STATION_VERBS:
            continue
        if pronoun.i == 0 and station_before(sentence):
            out.append(StationFrame(verb.idx, (0, 0), (0, 0), False))
    return out


def station_before(sentence: Sentence) -> bool:
    """Whether the sentence opens on a pronoun and the one before it, in the same
    paragraph, names a ground station the pronoun may stand for."""
    before = sentence.previous
    return (
        re.match(r"\s*(?:It|They)\b", sentence.text) is not None
        and before is not None
        and not sentence.opens_paragraph
        and _STATION_BEFORE.search(before.text) is not None
    )


def _stands_at_a_place(station: Token) -> bool:
    """Whether a station with no kind word stands at a named place ("the station at
    Bajada del Agrio", "GISTDA's station in Si Racha", "the station in Mendoza province",
    "a station abroad", or one its verb places: "will be built at Malindi"): a station on
    the ground, not the one in orbit ("the space station", "Tiangong station", "the
    station in low Earth orbit")."""
    if any(c.lower_ == "space" or (c.pos_ == "PROPN" and c.dep_ != "poss") for c in station.lefts):
        return False
    if any(c.dep_ == "advmod" and c.lower_ == "abroad" for c in station.children):
        return True
    holders = [station]
    after = station.doc[station.i + 1 : station.i + 3]
    if len(after) == 2 and after[0].text == ",":
        holders.append(after[0])  # "The station, in the hills above X, was ...": set apart
    if station.dep_ in ("nsubjpass", "dobj") and station.head.lemma_.lower() in _STATION_VERBS:
        holders.append(station.head)  # "the station ... was built at Y": its verb's place
    return any(_named_place(c) for holder in holders for c in holder.children)


def _named_place(prep: Token) -> bool:
    """Whether a preposition of place leads to a named place on Earth ("in Mendoza
    province", "on the coast north of Walvis Bay"), not to an orbit."""
    if prep.dep_ != "prep" or prep.lower_ not in ("at", "in", "near", "on", "outside"):
        return False
    words = list(prep.subtree)[1:]
    if any(w.lower_ in ("orbit", "space", "board", "Earth") for w in words):
        return False
    return any(w.pos_ == "PROPN" for w in words)


# nouns that gather stations into one thing built at once: "a network of 40 stations"
_COLLECTIONS = frozenset(["network", "chain", "string", "array", "set", "series", "ring", "grid"])


def _collection_of(station: Token) -> Token:
    """The noun that stands for the stations in the clause when they are named as its
    parts ("a chain of receiving stations was built", "built a network of some 30
    reference stations"): the verb governs it, not them."""
    prep = station.head
    if station.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in _COLLECTIONS:
        return prep.head
    return station


# a partner that hosts or houses a station China's side runs
_HOSTING = frozenset(["host", "house"])


# nouns through which a partner is said to have had a hand in the work
_BACKING = frozenset(["support", "help", "assistance", "backing", "cooperation", "participation"])
_HELPING = frozenset(["help", "assist", "enable"])


def partner_phrases(sentence: Sentence, at: int) -> list[tuple[int, int]]:
    """The spans that name, outside the usual roles, who worked with China's side on the
    building verb at local offset ``at``: who backed it ("built with the Kenyan
    government's support", "upgraded with the help of the agency") or whom China helped
    to do it ("will help the Sri Lankan side build a station"). Whether a span is China's
    own side the caller decides."""
    doc = sentence.parse
    if doc is None:
        return []
    verb = next((t for t in doc if t.idx <= at < t.idx + len(t)), None)
    if verb is None:
        return []
    nouns = [
        c
        for noun in objects_of(verb, ("with",))
        if noun.lemma_.lower() in _BACKING
        for c in noun.children
        if c.dep_ in ("poss", "prep", "compound", "amod")
    ]
    if verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_.lower() in _HELPING:
        nouns += [c for c in verb.children if c.dep_ == "nsubj"]
        nouns += [c for c in verb.head.children if c.dep_ == "dobj"]
    return [(n.left_edge.idx, n.right_edge.idx + len(n.right_edge)) for n in nouns]


def hangs_on_station(sentence: Sentence, start: int, station_at: int) -> bool:
    """Whether the words at local offset ``start`` belong to the station's own phrase
    ("a second station, with X, ...") and not to a clause inside it ("the station that
    was built with X ...", whose verb is not the frame's)."""
    doc = sentence.parse
    token = None if doc is None else next((t for t in doc if t.idx <= start < t.idx + len(t)), None)
    for _ in range(12):
        if token is None or token.pos_ in ("VERB", "AUX"):
            return False
        if token.idx == station_at:
            return True
        if token.head is token:
            return False
        token = token.head
    return False


def denied(sentence: Sentence, at: int) -> bool:
    """Whether the parse negates the station's verb at local offset ``at`` ("China does
    not operate any ground station there"); a negation elsewhere in a long line (a
    chronology's other entry) does not reach it."""
    doc = sentence.parse
    verb = None if doc is None else next((t for t in doc if t.idx <= at < t.idx + len(t)), None)
    return verb is not None and any(c.dep_ == "neg" for c in verb.children)


def still_to_build(sentence: Sentence, at: int) -> bool:
    """Whether the verb at local offset ``at`` is a passive infinitive ("a station to be
    built with X"): the station is not there yet. An active one ("helped X to set up a
    station") says nothing of the time by itself."""
    doc = sentence.parse
    verb = None if doc is None else next((t for t in doc if t.idx <= at < t.idx + len(t)), None)
    if verb is None:
        return False
    kids = {(c.dep_, c.lower_) for c in verb.children}
    return ("aux", "to") in kids and ("auxpass", "be") in kids
