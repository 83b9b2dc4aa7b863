"""Spacecraft activities read from the dependency parse, one verb frame at a time.

A frame is a verb (or a noun such as "launch of") whose lemma names an activity, the one
named spacecraft it is about, and the partner its arguments name. The spacecraft is the
verb's passive subject or object, the noun its participle or relative clause describes,
the object of a nominal trigger, or a pronoun ("launch it", "which ... developed") that
stands for one of those. Verbs in coordination share what one of them lacks: "built X
for Bolivia and launched it" launches X for Bolivia, "was built by China for Nigeria and
launched in 2007" launches it for Nigeria too. The partner is whom the work was for
("for"/"to"), whom it was done with or by beside China ("jointly with", "by China and
X", "Chinese and Ethiopian engineers developed it jointly"), or whose the spacecraft is
("Bolivia's Tupac-3"). A spacecraft developed jointly with a partner and launched in the
same sentence was launched with that partner too. Work done by others gives nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from graph.gazetteer import Gazetteer
from graph.grammar import Group
from graph.model import EntityKind
from graph.parsing import span_root
from graph.reading import Sentence
from graph.recognise import Found

VERB_ACTIVITY = {
    "launch": "launched",
    "carry": "launched",
    "deliver": "delivered",
    "hand": "delivered",
    "develop": "built",
    "co-develop": "jointly-developed",
    "codevelop": "jointly-developed",
    "build": "built",
    "manufacture": "built",
    "design": "built",
    "make": "built",
    "construct": "built",
    "assemble": "built",
}
_VERB_TAGS = frozenset({"VB", "VBD", "VBN", "VBG", "VBZ", "VBP", "NN"})
_JOINT_WORDS = frozenset({"jointly", "together", "joint", "co-developed", "partnership"})
_PRONOUNS = frozenset({"it", "them", "which", "that"})

Frame = tuple[str, str, str, int]  # activity, spacecraft key, partner key, offset


def frames(sentence: Sentence, groups: list[Group], gazetteer: Gazetteer) -> list[Frame]:
    """Every (activity, spacecraft, partner, offset) the sentence's parse states."""
    doc = sentence.parse
    if doc is None:
        return []
    crafts = [m for m in sentence.mentions if not m.nested and m.kind is EntityKind.SPACECRAFT]
    if not crafts:
        return []
    out: list[Frame] = []
    joint: dict[str, set[str]] = {}
    launches: list[tuple[str, int]] = []
    for verb in _triggers(doc):
        activity = VERB_ACTIVITY[verb.lemma_.lower()]
        craft = _craft_of(sentence, verb, crafts)
        if craft is None:
            continue
        jointly = _is_joint(verb)
        partners = _partners(sentence, verb, groups, gazetteer, jointly)
        if partners is None:  # done by others
            continue
        if not partners and not jointly:
            partners = [(activity, p) for p in _owner_of(sentence, craft, groups)]
        for kind, partner in partners:
            if kind == "jointly-developed" and activity in ("built", "jointly-developed"):
                joint.setdefault(craft.key, set()).add(partner)
            if kind == "jointly-developed" and activity == "launched":
                joint.setdefault(craft.key, set()).add(partner)
                kind = "launched"
            out.append((kind, craft.key, partner, verb.idx))
        if activity == "launched" and not partners:
            launches.append((craft.key, verb.idx))
    for key, at in launches:  # "X, developed jointly with Brazil, was launched in 2019"
        out += [("launched", key, p, at) for p in sorted(joint.get(key, ()))]
    return out


def _triggers(doc: Doc) -> Iterator[Token]:
    for token in doc:
        if token.lemma_.lower() in VERB_ACTIVITY and token.tag_ in _VERB_TAGS:
            if token.tag_ == "NN" and token.lemma_.lower() not in ("launch",):
                continue
            yield token


def _chain(verb: Token) -> list[Token]:
    """The verbs coordinated with ``verb``, first the one it is coordinated to."""
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return [first, *(c for c in first.conjuncts if c.i != first.i)]


def _is_joint(verb: Token) -> bool:
    """Whether the work was done jointly: said on the verb or on a verb coordinated
    with it ("designed, built and operated together with ESA")."""
    for v in _chain(verb) if verb.pos_ != "NOUN" else [verb]:
        own = [c for c in v.children if c.dep_ in ("advmod", "prep", "npadvmod")]
        words = {w.lower_ for c in own for w in c.subtree}
        if v.lower_.startswith("co-") or words & _JOINT_WORDS:
            return True
        if any(c.dep_ == "amod" and c.lower_ == "joint" for c in v.children):
            return True
    return False


def _craft_of(sentence: Sentence, verb: Token, crafts: list[Found]) -> Found | None:
    """The one named spacecraft ``verb`` is about, looking at the verbs it is
    coordinated with when it has no subject or object of its own."""
    found = _own_craft(sentence, verb, crafts)
    if found is not None or verb.pos_ == "NOUN":
        return found
    for other in _chain(verb):
        if other.i != verb.i:
            found = _own_craft(sentence, other, crafts)
            if found is not None:
                return found
    return None


def _own_craft(sentence: Sentence, verb: Token, crafts: list[Found]) -> Found | None:
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ not in _PRONOUNS]
    if verb.dep_ in ("acl", "relcl") and objects:
        nouns = objects  # "the mission, which carried Pakistan's ICUBE-Q satellite"
    elif verb.dep_ in ("acl", "relcl"):
        nouns = [verb.head]
    elif verb.pos_ == "NOUN":
        nouns = [c for c in verb.children if c.lower_ == "of"]
    else:
        nouns = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
        if not nouns and verb.lemma_.lower() != "carry":
            # a spacecraft does not build or launch: with no object, its subject is what
            # was done ("CBERS-04A, developed jointly with Brazil, was launched", as the
            # parser may read it; "the satellite launched in 2019")
            nouns = [c for c in verb.children if c.dep_ == "nsubj"]
    resolved = []
    for noun in nouns:
        if noun.lower_ in _PRONOUNS:
            if noun.lower_ in ("which", "that") and verb.dep_ == "relcl":
                resolved.append(verb.head)
                continue
            before = [m for m in crafts if m.end - sentence.start <= noun.idx]
            if before:
                return before[-1]  # "built X ... and launched it"
            continue
        resolved.append(noun)
        resolved += [c for c in noun.children if c.dep_ == "appos"]  # "its successor, X,"
        if noun.dep_ == "appos":
            resolved.append(noun.head)
        if noun.dep_ == "attr":  # "SMILE is a joint mission, built ...", "... is X, a satellite"
            resolved += [c for c in noun.head.children if c.dep_ in ("nsubj", "attr") and c != noun]
    names: dict[str, Found] = {}
    for noun in resolved:
        left, right = noun.left_edge.idx, noun.right_edge.idx + len(noun.right_edge)
        if noun.dep_ in ("nsubj",) or noun.i == verb.head.i:
            right = noun.idx + len(noun)
            left = min(left, noun.idx)
        for m in crafts:
            if left <= m.start - sentence.start < right:
                names[m.key] = m
        if names:
            break
    return next(iter(names.values())) if len(names) == 1 else None


def _partners(
    sentence: Sentence, verb: Token, groups: list[Group], gazetteer: Gazetteer, jointly: bool
) -> list[tuple[str, str]] | None:
    """(activity, partner) pairs the verb's arguments name, its own first and then
    those of the verbs it is coordinated with; None when others did the work."""
    doc = sentence.parse
    activity = VERB_ACTIVITY[verb.lemma_.lower()]
    for scope in ([verb], [v for v in _chain(verb) if v.i != verb.i]):
        out: list[tuple[str, str]] = []
        others = False
        for v in scope:
            preps = _preps(v)
            for prep in preps:
                word = prep.lower_
                by = prep.dep_ == "agent" or word == "by"
                if by and not jointly and not _china_among(sentence, prep, gazetteer):
                    others = True  # "built in Bulgaria by EnduroSat", named or not
                    continue
                for g in (g for g in groups if _governs(doc, prep, g)):
                    if word in ("for", "to") and not jointly:
                        out += [(activity, p) for p in g.keys]
                    elif by:
                        kind = "jointly-developed" if activity == "built" else activity
                        out += [(kind, p) for p in g.keys]
                    elif word == "with" and jointly:
                        out += [("jointly-developed", p) for p in g.keys]
            if jointly and v.i == verb.i:
                out += [("jointly-developed", p) for p in _subjects(sentence, v, groups)]
        if out:
            return list(dict.fromkeys(out))
        if others or _foreign_subject(sentence, verb, gazetteer, jointly):
            return None
    return []


def _preps(verb: Token) -> list[Token]:
    preps = [c for c in verb.children if c.dep_ in ("prep", "agent", "dative")]
    for agent in [c for c in preps if c.dep_ == "agent"]:
        # "built by CAST for Kenya": the parser may hang "for" on the builder
        preps += [
            p for o in agent.children for p in o.children if p.dep_ == "prep" and p.lower_ == "for"
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
                elif mod.dep_ in ("acl", "relcl"):
                    preps += [c for c in mod.children if c.dep_ in ("prep", "agent")]
    elif verb.head.dep_ in ("pobj", "dobj", "nsubj", "attr", "appos"):
        preps += [c for c in verb.head.children if c.dep_ == "prep"]  # "the launch of X for Y"
    return preps


def _subjects(sentence: Sentence, verb: Token, groups: list[Group]) -> list[str]:
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


def _foreign_subject(sentence: Sentence, verb: Token, gazetteer: Gazetteer, jointly: bool) -> bool:
    """Whether the active subject is someone else alone ("Airbus built ...")."""
    if jointly:
        return False
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        left = subject.left_edge.idx
        right = subject.right_edge.idx + len(subject.right_edge)
        inside = [
            m
            for m in sentence.mentions
            if not m.nested and left <= m.start - sentence.start < right
        ]
        kinds = (EntityKind.COUNTRY, EntityKind.ORGANISATION)
        if inside and all(m.kind in kinds and m.key not in gazetteer.domestic for m in inside):
            return True
    return False


def _owner_of(sentence: Sentence, mention: Found, groups: list[Group]) -> tuple[str, ...]:
    """The partner whose possessive stands right before the spacecraft's name."""
    at = mention.start - sentence.start
    for g in groups:
        if g.role == "owner" and re.fullmatch(
            r"(?:'s|\u2019s|'|\u2019)\s+(?:new\s+)?", sentence.text[g.end : at]
        ):
            return g.keys
    return ()


def _governs(doc: Doc, prep: Token, group: Group) -> bool:
    """Whether the partner list is the object of the preposition in the tree."""
    root = span_root(doc, group.start, group.end)
    while root is not None and root.dep_ in ("conj", "appos", "compound") and root.head.i != root.i:
        root = root.head
    return root is not None and root.dep_ == "pobj" and root.head.i == prep.i


def _china_among(sentence: Sentence, prep: Token, gazetteer: Gazetteer) -> bool:
    """Whether China, or a Chinese body, is among the objects of ``prep``."""
    left, right = prep.left_edge.idx, prep.right_edge.idx + len(prep.right_edge)
    return any(
        m.key in gazetteer.domestic and left <= m.start - sentence.start < right
        for m in sentence.mentions
    )
