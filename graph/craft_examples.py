"""Named crafts given as examples of satellites China's side launched, built or delivered:
"launched more than a dozen satellites for Andesat, starting with AndeSat-1 and
AndeSat-2", "launched two satellites for the Omani Space Agency, OmanSat-1 and
OmanSat-2", "had delivered six satellites in orbit to foreign customers, beginning with
KenyaSat-1 for Kenya". The verb's object is a plural craft noun; the members are named in
an apposition of its phrase or after "starting/beginning with", "including" or "such as".
Each member was done for whom its own "for" names, else for whom the verb's does. Used by
``graph.relations_spacecraft``."""

from __future__ import annotations

import re

from spacy.tokens import Token

from graph.chinese_side import names_chinese_side
from graph.craft_arguments import verb_preps
from graph.craft_triggers import activity_of, triggers
from graph.gazetteer import Gazetteer
from graph.grammar import Group
from graph.launch_context import chinese_launch
from graph.model import EntityKind
from graph.parsing import span_root
from graph.reading import Sentence
from graph.spacecraft_partners import CRAFT_NOUNS, governs

_OPENING = frozenset({"start", "begin"})  # "starting with X", "beginning with X"
_OWN_FOR = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:for|to)\s+")

Frame = tuple[str, str, str, int]


def _plural_object(verb: Token) -> Token | None:
    """The plural craft noun the verb acts on ("launched two satellites")."""
    return next(
        (
            c
            for c in verb.children
            if c.dep_ in ("dobj", "nsubjpass")
            and c.tag_ == "NNS"
            and c.lemma_.lower() in CRAFT_NOUNS
        ),
        None,
    )


def _member_of(token: Token, verb: Token) -> bool:
    """Whether a craft's name is given as an example of what ``verb`` acted on."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # "AndeSat-1 and AndeSat-2": the list's first
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_.lower() in _OPENING:
        return head.head.head.i == verb.i  # "..., starting with X"
    if token.dep_ == "pobj" and head.lower_ in ("including", "as"):
        return _within(head, verb)  # "satellites, including X", "such as X"
    if token.dep_ == "appos":
        return _within(head, verb)  # "two satellites for OSA, X and Y"
    return False


def _within(token: Token, verb: Token) -> bool:
    """Whether ``token`` is in the verb's own phrases, no other verb between."""
    while token.i != verb.i:
        if token.head.i == token.i or (token.pos_ == "VERB" and token.dep_ != "amod"):
            return False
        token = token.head
    return True


def named_examples(sentence: Sentence, groups: list[Group], gazetteer: Gazetteer) -> list[Frame]:
    """(activity, spacecraft, partner, offset) for each named example of such a verb."""
    doc = sentence.parse
    crafts = [m for m in sentence.mentions if not m.nested and m.kind is EntityKind.SPACECRAFT]
    if doc is None or not crafts:
        return []
    launch_told = chinese_launch(sentence)
    if not (launch_told or names_chinese_side(sentence, gazetteer)):
        return []
    out: list[Frame] = []
    for verb in triggers(doc, launch_told):
        if verb.pos_ != "VERB" or _plural_object(verb) is None:
            continue
        activity = activity_of(verb)
        if activity == "jointly-developed":
            continue
        served = [
            k
            for prep in verb_preps(verb)
            if prep.lower_ in ("for", "to")
            for g in groups
            if g.role in ("for", "to") and governs(doc, prep, g)
            for k in g.keys
        ]
        for craft in crafts:
            start, end = craft.start - sentence.start, craft.end - sentence.start
            token = span_root(doc, start, end)
            if token is None or not _member_of(token, verb):
                continue
            # "beginning with KenyaSat-1 for Kenya": the member's own customer first
            after = _OWN_FOR.match(sentence.text, end)
            own = [
                k
                for g in groups
                if after and g.start == after.end() and g.role in ("for", "to")
                for k in g.keys
            ]
            out += [(activity, craft.key, p, start) for p in dict.fromkeys(own or served)]
    return out
