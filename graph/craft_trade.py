"""Crafts a sentence tells of as trade, without naming them: a launch sold as a service
("provided satellite carrying or launching services for countries including A and B",
"will offer commercial launch services to C") is a launch for each customer, and
satellites exported ("exported satellites to D", "exported satellites and made in-orbit
delivery of E's communications satellite") were built for each buyer. The guidelines
count both as spacecraft activities for the partner, the craft unnamed.

Only China's side sells here: a sentence whose seller is a named partner, or that names
another country's rocket or launch firm, tells of someone else's trade."""

from __future__ import annotations

from spacy.tokens import Token

from graph.gazetteer import Gazetteer
from graph.grammar import Group
from graph.launch_context import OTHERS_ROCKETS
from graph.negation import verb_denied
from graph.reading import Sentence
from graph.spacecraft_partners import CRAFT_NOUNS

# (activity, description, partner key, local offset)
Traded = tuple[str, str, str, int]

# the words that make a service a launch ("launch services", "satellite carrying services")
_LAUNCHING = frozenset({"launch", "launching", "carry", "carrying", "rideshare", "piggyback"})
_SERVICE = frozenset({"service", "services"})
# the roles a customer or buyer takes after the service or the export
_CUSTOMER = ("for", "to")


def traded_crafts(sentence: Sentence, groups: list[Group], gazetteer: Gazetteer) -> list[Traded]:
    """Launches sold and satellites exported to the partners the sentence names."""
    doc = sentence.parse
    if doc is None or OTHERS_ROCKETS.search(sentence.text):
        return []
    out: list[Traded] = []
    for token in doc:
        lemma = token.lemma_.lower()
        if lemma in _SERVICE and _launching(token):
            verb = _seller_verb(token)
            if _someone_else_sells(sentence, verb, gazetteer) or verb_denied(sentence, verb):
                continue
            for g in _customers(groups, token.idx, (lemma, verb.lemma_.lower(), "service")):
                out += [("launched", "satellites (launch service)", k, token.idx) for k in g.keys]
        elif lemma == "export" and token.pos_ == "VERB":
            crafts = [
                c
                for c in token.children
                # (the passive, "satellites ... are exported to D", relations_spacecraft reads)
                if c.dep_ == "dobj" and c.lemma_.lower() in CRAFT_NOUNS
            ]
            if not crafts or _someone_else_sells(sentence, token, gazetteer):
                continue
            if verb_denied(sentence, token):
                continue
            craft = crafts[0]
            description = doc.text[craft.left_edge.idx : craft.idx + len(craft)]
            buyers = [g for g in groups if g.role == "to" and g.governor == "export"]
            # "exported satellites and made in-orbit delivery of E's ...": the crafts
            # the joined clause hands over are the ones exported
            for conj in (c for c in token.children if c.dep_ == "conj"):
                left, right = conj.left_edge.idx, conj.right_edge.idx + len(conj.right_edge)
                buyers += [
                    g for g in groups if g.role == "owner" and left <= g.start and g.end <= right
                ]
            out += [("built", description, k, token.idx) for g in buyers for k in g.keys]
    return out


def _launching(service: Token) -> bool:
    """ "launch services", "satellite carrying or launching services": a word of launching
    modifies the noun, directly or as one of a coordination of modifiers (or the parser
    makes the noun the object of "launching")."""
    head = service.head
    if service.dep_ == "dobj" and head.tag_ in ("VBG", "NN") and _is_launching(head):
        return True  # (not "the satellite carries data services for X")
    for child in service.children:
        if child.dep_ not in ("compound", "amod", "nmod"):
            continue
        words = [child, *child.conjuncts]
        if any(_is_launching(w) for w in words):
            return True
    return False


def _is_launching(word: Token) -> bool:
    return word.lemma_.lower() in _LAUNCHING or word.lower_ in _LAUNCHING


def _seller_verb(service: Token) -> Token:
    """The verb whose subject sells the service: "provided" in "China has provided
    satellite carrying or launching services", past the words of launching."""
    word = service
    while word.dep_ in ("dobj", "conj", "nsubjpass", "attr") and word.head is not word:
        word = word.head
        if word.pos_ in ("VERB", "AUX") and not _is_launching(word):
            return word
    return word


def _customers(groups: list[Group], after: int, governors: tuple[str, ...]) -> list[Group]:
    """The lists of partners the service is for: after it, for or to, governed by the
    service noun or its verb ("provided ... services for", "offer ... services to")."""
    return [
        g for g in groups if g.role in _CUSTOMER and g.governor in governors and g.start > after
    ]


def _someone_else_sells(sentence: Sentence, verb: Token, gazetteer: Gazetteer) -> bool:
    """The verb's subject names a partner, not China's side: "Brazil exported ..."."""
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subject.dep_ == "nsubjpass":
            continue
        left = subject.left_edge.idx + sentence.start
        right = subject.right_edge.idx + len(subject.right_edge) + sentence.start
        named = [m for m in sentence.mentions if left <= m.start and m.end <= right]
        if named and all(m.key not in gazetteer.domestic for m in named):
            return True
    return False
