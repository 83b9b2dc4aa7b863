"""A partner that made a spacecraft with China's side: "NamibSat-1 was built by the
Namibia University of Science and Technology with Tsinghua University", "a cubesat the
Lanka Institute designed together with Zhejiang University". The maker is named as the
passive's "by", the active subject or the place a coordinated verb of making names
("designed at X and developed with Y"); the "with" names a Chinese body. Without
"jointly" the work done by the maker reads as the maker's own, so the "with" is what
says it was a joint development. Used by ``graph.spacecraft_syntax``."""

from __future__ import annotations

from spacy.tokens import Token

from graph.gazetteer import Gazetteer
from graph.grammar import Group
from graph.parsing import INSTRUMENT_NOUNS
from graph.reading import Sentence
from graph.spacecraft_partners import china_among, governs

# what a partner builds for a mission's payload, not a craft ("a detector that X builds")
_INSTRUMENTS = INSTRUMENT_NOUNS - {"cubesat", "rover"}
_PLACED = frozenset({"installation", "install", "mounting", "mount", "integration"})
_PURPOSE = frozenset({"prep", "advcl", "xcomp"})
_MAKING = frozenset({"build", "develop", "design", "make", "construct", "assemble", "manufacture"})


def _coordinated(verb: Token) -> list[Token]:
    """The verb and the verbs of making coordinated with it ("designed at X and built")."""
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return [v for v in (first, *first.conjuncts) if v.lemma_.lower() in _MAKING]


def _with_phrases(verb: Token) -> list[Token]:
    """The "with" phrases of a verb of making, also where the parser hangs them on an
    adverb ("together with") or inside the maker's phrase ("by the IST in Islamabad with")."""
    found = []
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "with":
            found.append(child)
        elif child.dep_ == "advmod":
            found += [c for c in child.children if c.dep_ == "prep" and c.lower_ == "with"]
        elif child.dep_ == "agent":
            found += [t for t in child.subtree if t.dep_ == "prep" and t.lower_ == "with"]
    return found


def _makers(
    sentence: Sentence, verb: Token, groups: list[Group], gazetteer: Gazetteer
) -> list[str]:
    """The partners named as the ones who made it, none of them China's side."""
    doc = sentence.parse
    keys: list[str] = []
    for v in _coordinated(verb):
        for child in v.children:
            names = child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in ("by", "at"))
            if names and not china_among(sentence, child, gazetteer):
                keys += [k for g in groups if _maker(g) and governs(doc, child, g) for k in g.keys]
            elif child.dep_ == "nsubj":
                left, right = child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
                if not _chinese_span(sentence, gazetteer, left, right):
                    keys += [
                        k for g in groups if _maker(g) and left <= g.start < right for k in g.keys
                    ]
    return [k for k in dict.fromkeys(keys) if k != "china" and k not in gazetteer.domestic]


def _maker(group: Group) -> bool:
    """Whether a group names a maker, not the country a maker belongs to ("Pakistan's")."""
    return group.role != "owner"


def _pronoun_craft(verb: Token) -> bool:
    """Whether what was made is a pronoun ("built it with IHEP"), which may stand for an
    instrument as well as for the last craft named."""
    return any(c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "PRON" for c in verb.children)


def _instrument(verb: Token) -> bool:
    """Whether what was made is described as an instrument ("POLAR-3, a detector that the
    University of X is building with IHEP") or made to be installed on another craft: a
    payload, whatever its name's form."""
    if verb.dep_ in ("relcl", "acl") and verb.head.lemma_.lower() in _INSTRUMENTS:
        return True
    # "... is being developed by X with IHEP for installation on the station"
    placed = (t for c in verb.children if c.dep_ in _PURPOSE for t in c.subtree)
    if any(t.lemma_.lower() in _PLACED for t in placed):
        return True
    made = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(
        a.dep_ == "appos" and a.lemma_.lower() in _INSTRUMENTS for m in made for a in m.children
    )


def _chinese_span(sentence: Sentence, gazetteer: Gazetteer, left: int, right: int) -> bool:
    return any(
        (m.key == "china" or m.key in gazetteer.domestic)
        and left <= m.start - sentence.start < right
        for m in sentence.mentions
    )


def made_with_china(
    sentence: Sentence, verb: Token, groups: list[Group], gazetteer: Gazetteer
) -> list[tuple[str, str]]:
    """("jointly-developed", partner) for each maker of a craft made with a Chinese body."""
    if verb.lemma_.lower() not in _MAKING or sentence.parse is None:
        return []
    if _pronoun_craft(verb) or _instrument(verb):
        return []
    withs = [p for v in _coordinated(verb) for p in _with_phrases(v)]
    if not any(china_among(sentence, p, gazetteer) for p in withs):
        return []
    return [("jointly-developed", k) for k in _makers(sentence, verb, groups, gazetteer)]


def with_china_only(sentence: Sentence, verb: Token, gazetteer: Gazetteer) -> bool:
    """Whether whom the verb says the work was done with is China's side alone: "China"
    or a Chinese body ("developed jointly with Tsinghua University"), whose partner is
    then the craft's owner."""
    withs = [
        p
        for holder in (verb, *(c for c in verb.children if c.dep_ == "advmod"))
        for p in holder.children
        if p.dep_ == "prep" and p.lower_ == "with"
    ]
    return bool(withs) and all(china_among(sentence, p, gazetteer) for p in withs)
