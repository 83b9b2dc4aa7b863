"""The arguments of a spacecraft verb that say whom the work was for or by: its
prepositions (wherever the parser hangs them: on the object, the agent, the subject's
participle or apposition), the partners among its subject, whether that subject is China's
side or someone else alone, and the builders its "by" names. Used by
``graph.spacecraft_syntax``."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from graph.craft_phrases import described_by
from graph.gazetteer import Gazetteer
from graph.grammar import Group
from graph.model import EntityKind
from graph.parsing import span_root
from graph.reading import Sentence
from graph.spacecraft_partners import governs
from graph.subject_roles import people_noun


def verb_preps(verb: Token) -> list[Token]:
    preps = [c for c in verb.children if c.dep_ in ("prep", "agent", "dative")]
    for agent in [c for c in preps if c.dep_ == "agent"]:
        # "built by CAST for Kenya": the parser may hang "for" on the builder
        preps += [
            p for o in agent.children for p in o.children if p.dep_ == "prep" and p.lower_ == "for"
        ]
    for into in [c for c in preps if c.lower_ in ("into", "in", "to")]:
        # "lifted X into orbit for KACST", "delivered X in orbit to ESA": the parser may
        # hang "for" or "to" on the orbit
        preps += [
            p
            for o in into.children
            for p in o.children
            if p.dep_ == "prep" and p.lower_ in ("for", "to")
        ]
    for where in [c for c in preps if c.lower_ in ("on", "from", "at")]:
        # "launched from Xichang on 3 May for NIGCOMSAT": the parser may hang "for" on
        # the place or the day
        preps += [
            p for o in where.children for p in o.children if p.dep_ == "prep" and p.lower_ == "for"
        ]
    for child in verb.children:
        if child.dep_ == "advmod":  # "developed jointly with Brazil"
            preps += [c for c in child.children if c.dep_ == "prep"]
        elif child.dep_ == "dobj":  # "built VRSS-2 for Venezuela", as the parser attaches it
            preps += [c for c in child.children if c.dep_ == "prep" and c.lower_ in ("for", "to")]
    if verb.dep_ not in ("acl", "relcl") and verb.pos_ != "NOUN":
        # "the satellite, built for Kyrgyzstan, was handed over": the participle on the
        # subject names whom it was for
        for noun in (c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")):
            for mod in noun.children:
                if mod.dep_ == "prep":
                    preps.append(mod)
                elif mod.dep_ in ("acl", "relcl"):  # (its builder is not the launch's)
                    preps += [c for c in mod.children if c.dep_ == "prep" and c.lower_ != "by"]
            # "SVOM, a satellite (for gamma-ray bursts) built jointly with France, was
            # launched": the participle describing the subject's apposition, however deep
            # in its phrase the parser hangs it
            for described in described_by(noun):  # (its builder is not the launch's)
                preps += [c for c in described.children if c.dep_ == "prep" and c.lower_ != "by"]
                preps += [
                    p
                    for a in described.children
                    if a.dep_ == "advmod"
                    for p in a.children
                    if p.dep_ == "prep"
                ]
    elif verb.head.dep_ in ("pobj", "dobj", "nsubj", "attr", "appos"):
        preps += [c for c in verb.head.children if c.dep_ == "prep"]  # "the launch of X for Y"
    return preps


def subject_partners(sentence: Sentence, verb: Token, groups: list[Group]) -> list[str]:
    """Partners among the verb's active subject: "Chinese and Ethiopian engineers"."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    keys: list[str] = []
    for subject in subjects:
        left = subject.left_edge.idx
        right = subject.right_edge.idx + len(subject.right_edge)
        keys += [
            k
            for g in groups
            if g.role in ("subject", "agent", "modifier", "anaphora") and left <= g.start < right
            for k in g.keys
        ]
    return keys


def chinese_subject(sentence: Sentence, verb: Token, gazetteer: Gazetteer) -> bool:
    """Whether the verb's active subject names China's side ("CAST built ...")."""
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        left = subject.left_edge.idx
        right = subject.right_edge.idx + len(subject.right_edge)
        if any(
            left <= m.start - sentence.start < right
            and (m.key == "china" or m.key in gazetteer.domestic)
            for m in sentence.mentions
        ):
            return True
    return False


def foreign_subject(sentence: Sentence, verb: Token, gazetteer: Gazetteer, jointly: bool) -> bool:
    """Whether the active subject is someone else alone ("Airbus built ...")."""
    if jointly:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "conj":
        # "which Russia's RSC Energia built and launched": the first verb's subject
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    first = verb.head if verb.dep_ == "conj" else verb
    people = not subjects and first.dep_ == "acl" and people_noun(first.head)
    if people:
        # "which SUPARCO engineers designed and built": a relative clause the parser
        # hung on its subject, the people of a body, as a participle
        subjects = [first.head]
    for subject in subjects:
        left = subject.left_edge.idx
        right = subject.right_edge.idx + len(subject.right_edge)
        if people:
            right = subject.idx + len(subject)  # (the people, not what they did)
        inside = [
            m
            for m in sentence.mentions
            if not m.nested and left <= m.start - sentence.start < right
        ]
        kinds = (EntityKind.COUNTRY, EntityKind.ORGANISATION)
        if inside and all(m.kind in kinds and m.key not in gazetteer.domestic for m in inside):
            return True
    return False


def builders_named(sentence: Sentence, verb: Token, groups: list[Group]) -> list[str]:
    """The partners named as the ones who built it ("built by Pakistan's IST"), or the
    active subject that built it ("KazSat-5, which Kazakhstan built at home, ...")."""
    agents = [c for c in verb_preps(verb) if c.dep_ == "agent" or c.lower_ == "by"]
    doc = sentence.parse
    return [
        k
        for prep in agents
        for g in groups
        if doc is not None
        and (
            (governs(doc, prep, g) and g.role not in ("owner",))
            or (g.role == "owner" and _staff_of(doc, prep, g))
            or _staff_at(doc, prep, g)
        )
        for k in g.keys
    ] + subject_partners(sentence, verb, groups)


_STAFF = frozenset({"engineer", "team", "scientist", "student", "staff", "researcher"})


def _staff_at(doc: Doc, prep: Token, group: Group) -> bool:
    """Whether the preposition's object is people of the group's body: "by students in
    the Department of X", "by engineers at the University of Y"."""
    root = span_root(doc, group.start, group.end)
    while root is not None and root.dep_ in ("conj", "appos", "compound") and root.head != root:
        root = root.head
    if root is None or root.dep_ != "pobj" or root.head.lower_ not in ("in", "at", "of", "from"):
        return False
    people = root.head.head
    return people.lemma_.lower() in _STAFF and people.head.i == prep.i


def _staff_of(doc: Doc, prep: Token, group: Group) -> bool:
    """Whether the preposition's object is the group's people: "by SUPARCO's own
    engineers" names SUPARCO as the builder."""
    root = span_root(doc, group.start, group.end)
    return (
        root is not None
        and root.dep_ == "poss"
        and root.head.lemma_.lower() in _STAFF
        and root.head.head.i == prep.i
    )


def owned_object(verb: Token) -> bool:
    """Whether the verb's own object names its owner ("built Ethiopia's first satellite,
    ETRSS-1"): whom the work was for, before what a coordinated verb says."""
    return any(
        c.dep_ == "dobj" and any(g.dep_ == "poss" and g.pos_ == "PROPN" for g in c.children)
        for c in verb.children
    )
