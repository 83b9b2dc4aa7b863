"""The parties to a ground station's building, read from the dependency parse.

Why: the station readers of ``relations_ground_station`` match the words between the
station and its verb, so a station whose verb stands past an apposition, a relative
clause or a second noun ("A monitoring network, with three stations in each country,
was built with X"), or whose verb is one they do not list ("updated", "put up",
"installed"), gave nothing. Here the station is found through its place in the parse:
the subject or object of a verb of building, or the noun a participle or relative
clause of building hangs on. Its parties are that verb's ``with`` objects, subjects and
``by`` agents; when they are all on China's side, the station's owner (its possessor,
or the one who operates or runs it) is the partner: "The agency operates a station at
X, built with CNSA".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graph.chinese_side import names_chinese_side
from graph.gazetteer import Gazetteer
from graph.grammar import Group
from graph.reading import Sentence

# the nouns a station is named by; a network or centre only where the sentence says
# "station" or "antenna" too, or a control centre
_STATION_NOUNS = frozenset(["station", "antenna", "dish"])
_WIDER_NOUNS = frozenset(["network", "centre", "center", "segment", "facility"])
# what is done to a station when it is built or made able to do more
_BUILDING = frozenset(
    ["build", "co-build", "set", "establish", "upgrade", "update", "construct", "complete",
     "install", "put", "modernise", "modernize", "expand", "extend", "equip", "refurbish",
     "develop", "adapt", "erect", "deploy", "inaugurate", "commission", "open"]
)  # fmt: skip
# what an owner does with its station: "X operates a station ..., built with CNSA"
_OWNING = frozenset(["operate", "run", "own", "have", "manage", "use"])
# "set up", "put up": the particle the verb needs to mean building
_PARTICLE = {"set": "up", "put": "up"}


def station_partners(
    sentence: Sentence, groups: list[Group], gazetteer: Gazetteer
) -> Iterator[tuple[int, str]]:
    """(local offset of the verb, partner key) of every station the parse shows built
    with a partner of China's side."""
    doc = sentence.parse
    if doc is None:
        return
    for noun in doc:
        if not _is_station(noun):
            continue
        verb = _building_verb(noun)
        if verb is None or _in_orbit(noun, verb):
            continue
        parties = [
            (key, chinese, with_)
            for head, with_ in _parties(verb)
            for key, chinese in _names(sentence, groups, gazetteer, head)
        ]
        # China's side among them, named or not ("the institute of the Chinese Academy")
        helped = any(chinese for _, chinese, _ in parties) or any(
            names_chinese_side(sentence, gazetteer, *_own_words(groups, head))
            for head, _ in _parties(verb)
        )
        foreign = [k for k, chinese, _ in parties if not chinese]
        if len(set(foreign)) == 1 and _jointly(verb):
            helped = True  # "they would jointly build a station": one named, with China
        if not helped and any(not with_ for _, chinese, with_ in parties if not chinese):
            # "Airbus built the station with X": a builder that is not China's side
            foreign = []
        if not foreign and helped:
            foreign = [
                k
                for head in _owners(noun, verb)
                for k, is_chinese in _names(sentence, groups, gazetteer, head)
                if not is_chinese and k not in gazetteer.domestic
            ]
        for key in dict.fromkeys(foreign):
            yield verb.idx, key


def _is_station(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.lower_ in ("space", "orbital") for c in noun.lefts):
        return False  # a space station is not on the ground
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return False  # "no station has been built with it since"
    if lemma in _STATION_NOUNS:
        return True
    if lemma not in _WIDER_NOUNS:
        return False
    words = {t.lemma_.lower() for t in noun.doc}
    control = any(c.lemma_.lower() in ("control", "ground", "receiving") for c in noun.lefts)
    return bool(words & _STATION_NOUNS) or control


def _building_verb(noun: Token) -> Token | None:
    """The verb of building the station is an argument of, or that hangs on it."""
    head = noun
    while head.dep_ == "conj":  # "the centre at X and the station at Y were built"
        head = head.head
    if (
        head.dep_ in ("dobj", "pobj")
        and head.head.tag_ == "VBG"
        and head.head.dep_ in ("acl", "amod")
    ):
        head = head.head.head  # "a data receiving station" parsed as "data (receiving station)"
    for child in noun.children:  # "a station ..., built with X", "stations that X built"
        if child.dep_ in ("acl", "relcl") and _builds(child):
            return child
    if head.dep_ in ("nsubjpass", "dobj", "nsubj") and _builds(head.head):
        return head.head
    if head.dep_ == "dobj":  # "X operates a station at Y, built with Z": the participle
        for child in head.head.children:  # hangs on the verb in the parse, not the noun
            if child.dep_ == "advcl" and child.tag_ == "VBN" and _builds(child):
                return child
    return None


def _builds(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if verb.pos_ not in ("VERB", "AUX") or lemma not in _BUILDING:
        return False
    needed = _PARTICLE.get(lemma)
    return needed is None or any(c.dep_ == "prt" and c.lower_ == needed for c in verb.children)


def _parties(verb: Token) -> Iterator[tuple[Token, bool]]:
    """Who built: the verb's ``with`` objects ("together with" too), subjects and agents,
    each with its conjuncts; the verb's own conjuncts share them ("built and operated")."""
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    if verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verbs.append(verb.head)  # "built and operated": not "X share data, and Y was built"
    for v in verbs:
        for child in v.children:
            if child.dep_ in ("nsubj", "agent", "prep", "advmod"):
                yield from _heads(child)


def _heads(child: Token) -> Iterator[tuple[Token, bool]]:
    """The names a subject, agent or ``with`` phrase holds, with their conjuncts, each
    with whether it was a ``with`` (a co-builder) rather than the builder."""
    if child.dep_ == "nsubj":  # a pronoun too: the groups hold whom it stands for
        yield from ((t, False) for t in _with_conjuncts(child))
        return
    if child.dep_ == "advmod" and child.lower_ == "together":
        for prep in child.children:
            if prep.dep_ == "prep" and prep.lower_ == "with":
                yield from ((t, True) for t in _objects(prep))
        return
    if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "with"):
        yield from ((t, child.dep_ == "prep") for t in _objects(child))
        for obj in child.children:  # "by CGWIC together with X"
            for sub in obj.children:
                if sub.dep_ == "advmod" and sub.lower_ == "together":
                    yield from _heads(sub)
                if sub.dep_ == "prep" and sub.lower_ == "with":
                    yield from ((t, True) for t in _objects(sub))


def _objects(prep: Token) -> Iterator[Token]:
    for obj in prep.children:
        if obj.dep_ == "pobj":
            yield from _with_conjuncts(obj)


def _with_conjuncts(token: Token) -> Iterator[Token]:
    yield token
    for c in token.children:
        if c.dep_ == "conj":
            yield from _with_conjuncts(c)


def _owners(noun: Token, verb: Token) -> Iterator[Token]:
    """Whose station it is: its possessor ("SANSA's station"), or the subject of the
    verb of owning it stands under ("X operates a station ..., built with ...")."""
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in ("its", "their", "our", "his", "her"):
            yield child
    head = noun
    while head.dep_ == "conj":
        head = head.head
    if head.dep_ == "dobj" and head.head.lemma_.lower() in _OWNING and head.head is not verb:
        for child in head.head.children:
            if child.dep_ == "nsubj":
                yield from _with_conjuncts(child)


def _names(
    sentence: Sentence, groups: list[Group], gazetteer: Gazetteer, head: Token
) -> Iterator[tuple[str, bool]]:
    """(key, on China's side) of the partner groups inside the phrase ``head`` heads."""
    left, right = _own_words(groups, head)
    for g in groups:
        if not left <= g.start < right or g.role == "place":
            continue
        for key in g.keys:
            # each name of a list by its own words: "SANSA and the Chinese institute"
            at = [
                (m.start - sentence.start, m.end - sentence.start)
                for m in sentence.mentions
                if m.key == key and g.start <= m.start - sentence.start < g.end
            ]
            a, b = at[0] if at else (g.start, g.end)
            yield key, key in gazetteer.domestic or names_chinese_side(sentence, gazetteer, a, b)


def _own_words(groups: list[Group], head: Token) -> tuple[int, int]:
    """The local span of the phrase ``head`` heads: its own words, not its conjuncts
    (read apart) or a clause hanging on it."""
    own = [head] + [
        t
        for c in head.children
        if c.dep_ not in ("conj", "cc", "relcl", "acl", "punct", "appos", "prep")
        or (c.dep_ == "prep" and c.i < head.i)
        for t in c.subtree
    ]
    # "the Aerospace Information Research Institute of the Chinese Academy": its "of"
    own += [t for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
    # "with Argentina's CONAE": the body, not the country it belongs to, unless the
    # possessor is all there is ("with Kenya's help")
    named = [g for g in groups if _inside(g, own) and not _inside(g, _possessors(head))]
    if named:
        own = [t for t in own if t not in _possessors(head)]
    return min(t.idx for t in own), max(t.idx + len(t) for t in own)


def _possessors(head: Token) -> list[Token]:
    return [t for c in head.children if c.dep_ == "poss" for t in c.subtree]


def _inside(group: Group, tokens: list[Token]) -> bool:
    return any(t.idx <= group.start < t.idx + len(t) for t in tokens)


def _in_orbit(noun: Token, verb: Token) -> bool:
    """ "The station in low Earth orbit was built with ...": not on the ground."""
    near = [*noun.subtree, *(t for c in verb.children if c.dep_ == "prep" for t in c.subtree)]
    return any(t.lemma_.lower() in ("orbit", "orbital") for t in near)


def _jointly(verb: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ in ("jointly", "together") for c in verb.children)
