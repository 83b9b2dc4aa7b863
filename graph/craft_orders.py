"""Crafts a partner orders or buys from China's side: "The Andean Space Agency ordered a
radar satellite, ANDESAT-R, from CGWIC", "Belarus ordered Belintersat-1, which China
would build". The order states no work by itself, but it says
whom the craft is for, so a later sentence of the paragraph that has China's side build,
launch or deliver it ("ANDESAT-R was built by CAST") does that for the buyer. Used by
``graph.spacecraft_syntax``."""

from __future__ import annotations

from graph.chinese_side import names_chinese_side
from graph.gazetteer import Gazetteer
from graph.grammar import Group
from graph.reading import Sentence
from graph.recognise import Found

_ORDERING = frozenset({"order", "buy", "purchase", "procure", "acquire", "commission"})


def ordered_from_china(
    sentence: Sentence, groups: list[Group], crafts: list[Found], gazetteer: Gazetteer
) -> dict[str, set[str]]:
    """For each craft the sentence has a partner order from China's side, its buyers."""
    doc = sentence.parse
    out: dict[str, set[str]] = {}
    if doc is None:
        return out
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _ORDERING:
            continue
        # "ordered X from CGWIC": the parser may hang "from" on the object
        heads = [verb, *(o for o in verb.children if o.dep_ == "dobj")]
        sources = [p for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "from"]
        # "Belarus ordered Belintersat-1, which China would build and launch": the one the
        # object's own clause has make it is whom it was ordered from
        sources += [
            s
            for o in heads[1:]
            for r in o.subtree
            if r.dep_ == "relcl"
            for s in r.children
            if s.dep_ in ("nsubj", "nsubjpass") and s.lower_ not in ("which", "that", "who")
        ]
        if not any(
            names_chinese_side(sentence, gazetteer, p.idx, p.right_edge.idx + len(p.right_edge))
            for p in sources
        ):
            continue
        buyers = [
            k
            for s in verb.children
            if s.dep_ == "nsubj"
            for g in groups
            if s.left_edge.idx <= g.start < s.right_edge.idx + len(s.right_edge)
            for k in g.keys
            if k not in gazetteer.domestic
        ]
        bought = [
            m.key
            for o in verb.children
            if o.dep_ == "dobj"
            for m in crafts
            if o.left_edge.idx <= m.start - sentence.start < o.right_edge.idx + len(o.right_edge)
        ]
        for key in bought:
            out.setdefault(key, set()).update(buyers)
    return {k: v for k, v in out.items() if v}
