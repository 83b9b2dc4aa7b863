"""Whom a spacecraft was for, read from the parse of a verb frame's arguments: the
owner a possessive or an apposition names ("Bolivia's Tupac-3", "X, imaging
microsatellites of the company Y"), the noun a relative pronoun stands for ("Algeria,
for which China built ..."), whether China is among a preposition's objects, and a
"for" that belongs to another spacecraft ("X for A, together with Y for B"). Used by
``graph.spacecraft_syntax``."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from graph.chinese_side import names_chinese_side
from graph.craft_full_names import apposed_name
from graph.gazetteer import Gazetteer
from graph.grammar import Group
from graph.launch_context import chinese_launch
from graph.model import EntityKind
from graph.parsing import span_root
from graph.reading import Sentence
from graph.recognise import Found
from graph.subject_roles import people_noun


def after_other_craft(sentence: Sentence, prep: Token) -> bool:
    """Whether ``prep`` follows a "(together) with <spacecraft>" phrase directly."""
    if prep.i == 0:
        return False
    before = prep.doc[prep.i - 1]
    return (
        before.dep_ == "pobj"
        and before.head.lower_ in ("with", "alongside")
        and any(
            m.kind is EntityKind.SPACECRAFT
            and m.start - sentence.start <= before.idx < m.end - sentence.start
            for m in sentence.mentions
        )
    )


def named_in(sentence: Sentence, mention: Found, gazetteer: Gazetteer) -> tuple[str, ...]:
    """The foreign countries and bodies named inside a spacecraft's own name ("Pakistan
    Remote-Sensing Satellite", "Kenya Earth Observation Satellite"): the name says whom
    it was for."""
    return tuple(
        dict.fromkeys(
            n.key
            for n in sentence.mentions
            if n.nested
            and mention.start <= n.start < mention.end
            and n.kind in (EntityKind.COUNTRY, EntityKind.ORGANISATION)
            and n.key not in gazetteer.domestic
        )
    )


def named_for(sentence: Sentence, mention: Found, gazetteer: Gazetteer) -> tuple[str, ...]:
    """The partner a spacecraft's own name gives, or the full name set beside it ("X,
    the China-Peru Climate Satellite, was launched"), in a sentence that names China's
    side (a craft named after its country may have flown on anyone's rocket)."""
    if not CHINESE_SIDE.search(sentence.text):
        return ()
    full = apposed_name(sentence, mention)
    # (where a passive names its makers, "jointly developed by the two agencies", they
    # are the partners, read or not, and the full name's country is no guess against them)
    makers = sentence.parse is not None and any(t.dep_ == "agent" for t in sentence.parse)
    return named_in(sentence, mention, gazetteer) or (
        named_in(sentence, full, gazetteer) if full is not None and not makers else ()
    )


def mention_of(crafts: list[Found], key: str) -> Found:
    return next(m for m in crafts if m.key == key)


# between an owner and its craft's name: "Bolivia's new", "Ecuador's first radar satellite"
_OWNED_CRAFT = re.compile(
    r"(?:'s|\u2019s|'|\u2019)\s+(?:(?:new|own)\s+)?"
    # ("Ethiopia's first remote-sensing satellite, ETRSS-1": the name in apposition)
    r"(?:(?:[a-z][\w-]*\s+){0,3}(?:satellite|cubesat|microsatellite|spacecraft|probe)(?:\s*,)?\s+)?"
)


# what a maker's possessive heads after "of": "a satellite of Kenya's own making"
_MAKING = frozenset({"making", "make", "design", "construction", "manufacture", "build"})


def owner_of(
    sentence: Sentence,
    mention: Found,
    groups: list[Group],
    appositive: bool = True,
    launched: bool = False,
    china_told: bool = False,
) -> tuple[str, ...]:
    """The partner whose possessive stands right before the spacecraft's name, or whose
    adjective describes it in an apposition ("ET-SMART-RSS, a small Ethiopian satellite,
    was launched from Taiyuan"); only in a sentence that names China's side at all, as
    an owner's satellite may have flown on anyone's rocket; a craft ``launched`` in a
    report of a Chinese launch went up on China's (``china_told``: the caller found
    China's side in a Chinese body, "developed jointly with Tsinghua University")."""
    if not (CHINESE_SIDE.search(sentence.text) or china_told) and not (
        launched and chinese_launch(sentence)
    ):
        return ()
    at = mention.start - sentence.start
    for g in groups:
        if g.role == "owner" and _OWNED_CRAFT.fullmatch(sentence.text[g.end : at]):
            return g.keys
    bracketed = _bracketed_owner(sentence, mention)
    if bracketed:
        return bracketed  # "Also aboard: Tupi-4 (Brazil), Andes-Q (Colombia)"
    doc = sentence.parse
    if not appositive:
        return ()
    token = span_root(doc, at, mention.end - sentence.start) if doc is not None else None
    if token is None:
        return ()
    # "PeruSat-3, which belongs to CONIDA, ...", "X, which is owned by Y"
    for clause in (c for c in token.children if c.dep_ == "relcl"):
        holders = [p for p in clause.children if _owning_prep(clause, p)]
        keys = [k for p in holders for g in groups if governs(doc, p, g) for k in g.keys]
        if keys:
            return tuple(dict.fromkeys(keys))
    # an apposition, or what the parser takes for one more list item ("X and Y, imaging
    # microsatellites of ...")
    nouns = [c for c in token.children if c.dep_ in ("appos", "conj")]
    if token.dep_ == "conj":  # the second of the list: what is said of the first
        nouns += [c for c in token.head.children if c.dep_ in ("appos", "conj") and c != token]
    if token.dep_ in ("appos", "dep", "npadvmod"):  # (or as a bare noun phrase)
        # "ChiSat-2, Chile's first satellite, was launched": the parser may hang the
        # name on the apposition's noun
        nouns.append(token.head)
    # "LaoSat-1, Laos's first communications satellite, was launched": the apposition the
    # parser made the subject, the name left hanging before it
    comma = re.match(r"\s*,\s*", sentence.text[mention.end - sentence.start :])
    if comma and doc is not None:
        after = mention.end - sentence.start + comma.end()
        # (the parser may hang the name itself under that noun, as punctuation: its left
        # edge is then the name, so the edge is taken from the comma on)
        nouns += [
            t
            for t in doc
            if t.idx > after
            and t.left_edge.idx <= after  # (only a noun whose words reach back to the comma)
            and min(x.idx for x in t.subtree if x.idx >= after) == after
        ]
    for noun in nouns:
        if noun.lemma_.lower() not in CRAFT_NOUNS or not _describes(sentence, mention, noun):
            continue
        for g in groups:
            if g.role in ("modifier", "owner") and noun.left_edge.idx <= g.start < noun.idx:
                return g.keys
        # "... the first communications satellite owned by Belarus": its owner
        owning = [c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in _OWNING]
        for verb in owning:
            for agent in (c for c in verb.children if c.dep_ == "agent"):
                keys = [k for g in groups if governs(doc, agent, g) for k in g.keys]
                if keys:
                    return tuple(dict.fromkeys(keys))
        # "Its first satellite, Badr-1, ...": the partner the sentence before was about
        if any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in noun.children):
            before = sentence.previous.notes.get("bilateral", ()) if sentence.previous else ()
            if len(before) == 1:  # type: ignore[arg-type]
                return tuple(before)  # type: ignore[arg-type]
        # "ÑuSat-1 and ÑuSat-2, imaging microsatellites of the company Satellogic"
        of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
        for prep in of:
            for g in groups:
                root = span_root(doc, g.start, g.end) if doc is not None else None
                while root is not None and root.dep_ in ("conj", "appos", "compound"):
                    root = root.head
                if root is not None and root.dep_ == "pobj" and root.head.i == prep.i:
                    return g.keys
                # "an optical satellite of SUPARCO's own making": its maker's
                if (
                    root is not None
                    and root.dep_ == "poss"
                    and root.head.dep_ == "pobj"
                    and root.head.head.i == prep.i
                    and root.head.lemma_.lower() in _MAKING
                ):
                    return g.keys
    return ()


def _owning_prep(verb, prep) -> bool:
    """ "belongs *to* X", "is owned/operated *by* X"."""
    lemma = verb.lemma_.lower()
    if lemma == "belong":
        return prep.dep_ == "prep" and prep.lower_ == "to"
    return lemma in _OWNING and prep.dep_ == "agent"


_BRACKETED = re.compile(r"\s*\(([^()]{2,60})\)")


def _bracketed_owner(sentence: Sentence, mention: Found) -> tuple[str, ...]:
    """The partner a bracket right after a spacecraft's name holds and nothing else:
    "Tupi-4 (Brazil)", "Andes-Q (Colombian Space Commission)"."""
    end = mention.end - sentence.start
    bracket = _BRACKETED.match(sentence.text, end)
    if bracket is None:
        return ()
    a, b = bracket.span(1)
    inside = _names_between(sentence, a, b, (EntityKind.COUNTRY, EntityKind.ORGANISATION))
    if not inside:
        return ()
    return tuple(dict.fromkeys(m.key for m in inside))


def _describes(sentence: Sentence, mention: Found, noun) -> bool:
    """Whether an apposition's noun follows the spacecraft's name with only other names of
    its list between ("X and Y, imaging microsatellites of ..."), not after a clause of
    its own ("X, built by A; and Y, a microsatellite of B": B's is Y alone)."""
    start, end = mention.end - sentence.start, noun.left_edge.idx
    return (
        end <= start or _names_between(sentence, start, end, (EntityKind.SPACECRAFT,)) is not None
    )


def _names_between(
    sentence: Sentence, start: int, end: int, kinds: tuple[EntityKind, ...]
) -> list[Found] | None:
    """The names of ``kinds`` between local offsets ``start`` and ``end`` when nothing but
    list glue (commas, "and", "or", "/") stands beside them there; None otherwise."""
    inside = [
        m
        for m in sentence.mentions
        if not m.nested
        and m.kind in kinds
        and start <= m.start - sentence.start
        and m.end - sentence.start <= end
    ]
    rest = list(sentence.text[start:end])
    for m in inside:
        at = m.start - sentence.start - start
        rest[at : at + m.end - m.start] = " " * (m.end - m.start)
    return inside if _LIST_GAP.fullmatch("".join(rest)) else None


_LIST_GAP = re.compile(r"[\s,/]*(?:(?:and|or)\b[\s,/]*)?")


# China, its launchers and its launch sites
CHINESE_SIDE = re.compile(
    r"\b(?:China|Chinese|Beijing|Long\s+March|Jiuquan|Taiyuan|Xichang|Wenchang|CAST|CGWIC|"
    r"Kuaizhou|Kinetica|Jielong|Zhuque|Ceres-1|Lijian)\b"
)
_OWNING = frozenset({"own", "operate", "order", "commission"})
CRAFT_NOUNS = frozenset({"satellite", "cubesat", "microsatellite", "spacecraft", "probe"})


_RELATIVE = frozenset({"which", "whom", "whose"})


def _antecedent(prep: Token) -> Token | None:
    """The noun a relative pronoun object stands for: "Algeria, *for which* China built
    and launched Alcomsat-1" is for Algeria."""
    objects = [c for c in prep.children if c.dep_ == "pobj" and c.lower_ in _RELATIVE]
    if not objects:
        return None
    verb = prep.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.head if verb.dep_ in ("relcl", "acl") else None


def governs(doc: Doc, prep: Token, group: Group) -> bool:
    """Whether the partner list is the object of the preposition in the tree (or the
    noun a relative pronoun object stands for)."""
    root = span_root(doc, group.start, group.end)
    antecedent = _antecedent(prep)
    if antecedent is not None and root is not None:
        while root.dep_ in ("conj", "appos") and root.head.i != root.i:
            root = root.head
        return root.i == antecedent.i
    adjective = False
    while (
        root is not None
        and root.dep_ in ("conj", "appos", "compound", "amod", "nmod")
        and root.head.i != root.i
    ):
        adjective = adjective or root.dep_ in ("amod", "nmod")
        root = root.head
        if adjective and (root.pos_ == "PROPN" or any(c.dep_ == "appos" for c in root.children)):
            return False  # "the French space agency CNES": the body named is the partner
    if root is not None and root.dep_ == "poss" and root.head.lemma_.lower() in _BODY_NOUNS:
        root = root.head  # "for Senegal's space agency": the unnamed body stands for its owner
    if (
        root is not None
        and root.dep_ == "pobj"
        and root.head.lower_ in ("of", "from", "at")
        and people_noun(root.head.head)
    ):
        root = root.head.head  # "by engineers of CASC and Mongolia's agency": their bodies
    if (
        root is not None
        and root.dep_ == "pobj"
        and root.head.lower_ == "of"
        and root.head.head.lemma_.lower() in _STATE_NOUNS
    ):
        root = root.head.head  # "for the Sultanate of Oman", "the Government of Laos"
    return root is not None and root.dep_ == "pobj" and root.head.i == prep.i


_STATE_NOUNS = frozenset(
    {"sultanate", "kingdom", "republic", "emirate", "federation", "principality", "government"}
)
_BODY_NOUNS = frozenset(
    {"agency", "government", "ministry", "operator", "company", "military", "army", "navy"}
)


def china_among(sentence: Sentence, prep: Token, gazetteer: Gazetteer) -> bool:
    """Whether China, or a Chinese body, is among the objects of ``prep``."""
    left, right = prep.left_edge.idx, prep.right_edge.idx + len(prep.right_edge)
    return names_chinese_side(sentence, gazetteer, left, right)


def sentences_before(sentence: Sentence, reach: int) -> Iterator[Sentence]:
    """The up to ``reach`` sentences before this one under its heading, nearest first
    (``Sentence.previous`` stops at a heading)."""
    before = sentence.previous
    for _ in range(reach):
        if before is None:
            return
        yield before
        before = before.previous


def earlier_customers(sentence: Sentence, key: str, reach: int = 4) -> tuple[str, ...]:
    """Whom the last few sentences of the paragraph said the spacecraft was built,
    launched or delivered for, when this sentence names China's side doing the work and
    no one it was for."""
    if not CHINESE_SIDE.search(sentence.text):
        return ()
    for before in sentences_before(sentence, reach):
        served = before.notes.get("served", {})
        if isinstance(served, dict) and served.get(key):
            return tuple(sorted(served[key]))
    return ()
