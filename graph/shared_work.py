"""Work done together, read from the tree rather than from a cooperation word: a partner
that does something *with* China's side ("the Kenya Space Agency has run a flood-mapping
project with China since 2022"), or China's side doing something with the partner
("CAST has run a flood-mapping project with the Kenya Space Agency"). The field is left
to the area phrases of the clause: with none, no fact comes of it.

Verbs after which "with" does not mean together are left out: one signs, talks or
competes with another, is equipped or launched with something, without the two working
side by side. Used by ``graph.relations_cooperation``.
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.area_cues import area_cues
from graph.chinese_side import names_chinese_side, phrase_names_chinese_side
from graph.cooperation_words import EXCHANGING, GIVING, RECEIVING
from graph.gazetteer import Gazetteer
from graph.grammar import Group
from graph.negation import verb_unreal
from graph.parsing import governing_phrase, span_root
from graph.reading import Sentence

_WITH = frozenset({"with", "alongside"})
_NOT_TOGETHER = frozenset(
    {
        *("sign", "conclude", "ink", "initial", "agree", "negotiate", "discuss", "talk"),
        *("meet", "consult", "confer", "compete", "compare", "contrast", "clash", "trade"),
        *("equip", "fit", "replace", "launch", "provide", "supply", "present", "credit"),
        *("be", "have", "deal", "associate", "connect", "link", "align", "report"),
    }
)
_TALK = frozenset({"talk", "discussion", "meeting", "negotiation", "consultation", "visit"})


def shared_with_china(sentence: Sentence, group: Group, gazetteer: Gazetteer) -> bool:
    """Whether the partner list and China's side are the two doers of one verb: the list
    its subject and China's side the object of its "with" (or of its object's), or
    the list that object and China's side its subject."""
    doc = sentence.parse
    root = None if doc is None else span_root(doc, group.start, group.end)
    if root is None:
        return False
    token = governing_phrase(root)
    if group.role == "agent" and token.dep_ == "nsubj":
        verb = token.head
        together = any(phrase_names_chinese_side(sentence, gazetteer, p) for p in _withs(verb))
    elif group.role == "with" and token.dep_ == "pobj" and token.head.lower_ in _WITH:
        verb = _verb_of(token.head.head)
        subjects = [] if verb is None else [c for c in verb.children if c.dep_ == "nsubj"]
        together = any(phrase_names_chinese_side(sentence, gazetteer, s) for s in subjects)
    elif group.role in ("subject", "agent"):
        # "China and Chile have worked on radio astronomy instruments": China's side and
        # the partner are one coordinated subject, so the verb is done by both
        first = _first_conjunct(token)
        verb = first.head
        together = first.dep_ == "nsubj" and any(
            _own_words_name_china(sentence, gazetteer, t, group.keys) for t in _conjuncts(first)
        )
    else:
        return False
    return (
        together
        and verb is not None
        and _together(verb)
        and _names_a_field(sentence, gazetteer, verb)
    )


def _first_conjunct(token: Token) -> Token:
    """The head of the coordination a token is a later member of ("Chile" in "China and
    Chile"), or the token itself."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _conjuncts(first: Token) -> list[Token]:
    """Every member of the coordination ``first`` heads, ``first`` included."""
    found = [first]
    for child in first.children:
        if child.dep_ == "conj":
            found += _conjuncts(child)
    return found


def _own_words_name_china(
    sentence: Sentence, gazetteer: Gazetteer, member: Token, partners: tuple[str, ...]
) -> bool:
    """Whether a coordination member's own words, without the members after it, name
    China's side and no partner ("the Chinese Academy of Sciences and ..." but not
    "Chile and ..." nor "the Chinese-Chilean team")."""
    own = [member] + [
        t
        for c in member.children
        if c.dep_ not in ("conj", "cc", "punct")
        for t in c.subtree
    ]
    left = min(t.idx for t in own)
    right = max(t.idx + len(t) for t in own)
    local = (m.start - sentence.start for m in sentence.mentions if m.key in partners)
    if any(left <= at < right for at in local):
        return False
    return names_chinese_side(sentence, gazetteer, left, right)


def _together(verb: Token) -> bool:
    """A verb of doing, said as done ("reported no projects with China" is not), of
    work rather than of talk ("held talks with CNSA"); data given, shared or received
    are the data frame's (``graph.cooperation_frames``), which knows what they serve."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma in _NOT_TOGETHER | GIVING | RECEIVING | EXCHANGING:
        return False
    if verb_unreal(verb):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    denied = [c for t in (verb, *objects) for c in t.children if c.dep_ == "neg"]
    denied += [c for o in objects for c in o.children if c.dep_ == "det" and c.lower_ == "no"]
    return not denied and not any(o.lemma_.lower() in _TALK for o in objects)


def _names_a_field(sentence: Sentence, gazetteer: Gazetteer, verb: Token) -> bool:
    """Whether an area phrase stands among the verb's own words ("a flood-mapping
    project"): a field the heading or the mission would give is not enough."""
    left, right = verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge)
    return any(left <= c.start < right for c in area_cues(sentence, gazetteer) if not c.titled)


def _withs(verb: Token) -> list[Token]:
    """The "with" phrases of a verb and of its object ("ran a project with X"), also
    after "together" ("worked together with X")."""
    heads = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "advmod"))]
    return [p for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in _WITH]


def _verb_of(token: Token) -> Token | None:
    """The verb a "with" hangs on, directly or through the verb's object."""
    if token.pos_ == "VERB":
        return token
    if token.dep_ == "dobj" and token.head.pos_ == "VERB":
        return token.head
    return None
