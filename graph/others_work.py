"""Work between two other parties: "Bahrain's first satellite, a CubeSat built with Khalifa
University", "Senegal, whose satellite was built with a French university". A sentence
that names no Chinese side (China, a Chinese body, a mission, a curated spacecraft) and
sets the partner beside another foreign party who acts or owns is about their work, not
China's cooperation. Used by ``graph.relations_cooperation``."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from graph.chinese_side import names_chinese_side
from graph.gazetteer import Gazetteer
from graph.grammar import Group, owns_named_body
from graph.model import EntityKind
from graph.parsing import span_root
from graph.reading import Sentence

# roles in which another party does or owns the work: acting or owning it; and, beside
# a partner who does so itself, working with it
_ACTING = frozenset({"owner", "agent"})
_ALONGSIDE = frozenset({"with", "by"})


def chinese_side_named(sentence: Sentence, gazetteer: Gazetteer) -> bool:
    """Whether the sentence names China, a Chinese body, a mission or one of the
    spacecraft of the reference data (China's, or joint: "Einstein Probe", "SMILE")."""
    return names_chinese_side(sentence, gazetteer) or any(
        _curated_craft(gazetteer, m.key) for m in sentence.mentions
    )


def _curated_craft(gazetteer: Gazetteer, key: str) -> bool:
    """A mission (curated or found: "the Tianwen-3 mission"), or a curated spacecraft; a
    satellite only the text names may be anyone's ("Light-1, a CubeSat")."""
    entity = gazetteer.entities.get(key)
    return entity is not None and (
        entity.kind is EntityKind.MISSION
        or (entity.kind is EntityKind.SPACECRAFT and not entity.discovered)
    )


def between_others(
    sentence: Sentence, groups: list[Group], group: Group, gazetteer: Gazetteer
) -> bool:
    """Whether ``group``'s partners work with another foreign party and no Chinese side
    is named (a list item's label is the partner itself, not another party)."""
    if group.role == "item":
        return False  # "- France: IRFU built ...": the line's label and its body are one
    others = {
        key
        for g in groups
        if g is not group
        and (g.role in _ACTING or (group.role in _ACTING and g.role in _ALONGSIDE))
        # "Italy's National Institute ...": the country whose body acts is no other party
        and not (g.role == "owner" and owns_named_body(sentence, g))
        # "a detector from X, a camera that A and B built": items of one list, each
        # another instrument's maker
        and not other_items(sentence.parse, group, g)
        for key in g.keys
        if key not in group.keys
    }
    return bool(others) and not chinese_side_named(sentence, gazetteer)


def other_items(doc: Doc | None, one: Group, other: Group) -> bool:
    """Whether two partner lists belong to different items of a list of things ("an
    analyser from X, a camera that Y built"): the path between them in the tree passes
    a noun coordinated with another noun (or, in a list after a colon, set in
    apposition to one)."""
    a = None if doc is None else _list_head(doc, one)
    b = None if doc is None else _list_head(doc, other)
    if a is None or b is None:
        return False
    above_a, above_b = [a, *a.ancestors], [b, *b.ancestors]
    shared = {t.i for t in above_b}
    common = next((t for t in above_a if t.i in shared), None)
    if common is None:
        return False
    path = above_a[: above_a.index(common)] + above_b[: [t.i for t in above_b].index(common.i)]
    # after a colon, the parser may set the items in apposition; elsewhere an apposition
    # says the same thing again ("Rwanda's satellite, a cubesat built with X")
    colon = doc[: min(a.i, b.i)].text.find(":") >= 0
    joins = ("conj", "appos") if colon else ("conj",)
    return any(
        t.dep_ in joins and t.pos_ == "NOUN" and t.head.pos_ in ("NOUN", "PROPN") for t in path
    )


def _list_head(doc: Doc, group: Group) -> Token | None:
    """The first name of a partner list, above the names coordinated with it."""
    token = span_root(doc, group.start, group.end)
    while (
        token is not None
        and token.dep_ == "conj"
        and group.start <= token.head.idx < group.end
        and token.head.i != token.i
    ):
        token = token.head
    return token
