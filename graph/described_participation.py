"""Participation said in a clause that describes the organisation rather than in the
main clause: a participle ("the Association, founded in 2022 and hosted by China", "a
programme led by China", "the ninth session of X, hosted by China"), a relative clause
with "that" or no pronoun, or one on a noun set beside the name ("BRICS, the grouping
that China co-founded with ...", "the Centre, a regional body that China hosts at ...",
"UN-SPIDER, whose Beijing office China has hosted since 2010").

The main clause is often about someone else ("South Africa joined BRICS, the grouping
that China co-founded"): the describing clause is the only place China's part is said,
so it is read from the parse wherever it hangs. ``graph.relative_participation`` reads
"..., which China hosts" from the words; both give the same frame.
"""

from __future__ import annotations

from graph.participation_frames import PLANNED, Frame
from graph.prepositional_objects import objects_of

# what China does to the body the clause describes, and the role it gives China
_ROLES = {
    "host": "host",
    "co-host": "host",
    "house": "host",
    "organise": "host",
    "organize": "host",
    "convene": "host",
    "chair": "chair",
    "co-chair": "chair",
    "lead": "chair",
    "found": "participant",
    "co-found": "participant",
    "initiate": "participant",
    "establish": "participant",
    "create": "participant",
    "propose": "participant",
    "sponsor": "participant",
    "join": "participant",
    "support": "participant",
}
# a gathering of the body, described in its stead
_GATHERINGS = frozenset(["meeting", "session", "summit", "conference", "assembly", "congress"])
# a part of the body that stands for it in the clause: "whose Beijing office China hosts"
_OWN_PARTS = frozenset(["office", "secretariat", "headquarters", "seat", "presidency"])


def described_frames(sentence, organisations, chinese: list[tuple[int, int]]) -> list[Frame]:
    """(organisation, offset, role, planned) for each describing clause on a body in
    which China (or a Chinese body, by the spans ``chinese``) hosts, leads, founds or
    joins it."""
    doc = sentence.parse
    if doc is None or not organisations or not chinese:
        return []
    base = sentence.start

    def is_chinese(token) -> bool:
        return any(a <= token.idx < b for a, b in chinese)

    out: list[Frame] = []
    for org in organisations:
        head = _head(doc, org.start - base, org.end - base)
        if head is None:
            continue
        for clause in _describing_clauses(head):
            role = _ROLES.get(clause.lemma_.lower())
            if role is None or not _china_does_it(clause, is_chinese):
                continue
            aux = " ".join(t.lower_ for t in clause.children if t.dep_ in ("aux", "auxpass"))
            out.append((org.key, clause.idx, role, bool(PLANNED.search(aux))))
    return out


def _head(doc, start: int, end: int):
    """The token of a name's span that the rest of the sentence hangs on."""
    inside = [t for t in doc if start <= t.idx < end]
    return next((t for t in inside if not (start <= t.head.idx < end) or t.head is t), None)


def _describing_clauses(name) -> list:
    """The clause verbs that describe a name: participles and relative clauses on it, on
    a noun set beside it, or on the noun after that noun's "of" ("a chain of stations led
    by ..."), with the verbs coordinated with them ("founded in 2022 and hosted by ...")."""
    nouns = [name] + [c for c in name.children if c.dep_ == "appos"]
    gathering = name.head.head
    if name.dep_ == "pobj" and name.head.lower_ == "of" and gathering.lower_ in _GATHERINGS:
        nouns.append(gathering)  # "the ninth Council Meeting of X, hosted by China"
    nouns += [o for n in nouns[1:] for o in objects_of(n, ("of",))]
    verbs = [c for n in nouns for c in n.children if c.dep_ in ("acl", "relcl")]
    return verbs + [c for v in verbs for c in v.conjuncts if c.pos_ == "VERB"]


def _china_does_it(clause, is_chinese) -> bool:
    """Whether China is the one who acts in the describing clause: the agent of a
    participle ("hosted by China"), or the subject of a relative clause whose object is
    the name or a part of it ("that China hosts", "whose office China has hosted")."""
    kids = list(clause.children)
    agents = [o for a in kids if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    if clause.tag_ == "VBN" and clause.dep_ in ("acl", "conj") and agents:
        return any(is_chinese(a) or any(is_chinese(c) for c in a.conjuncts) for a in agents)
    subjects = [c for c in kids if c.dep_ == "nsubj"]
    if not subjects or not any(is_chinese(s) for s in subjects):
        return False
    objects = [c for c in kids if c.dep_ == "dobj"]
    # "that China hosts": the pronoun is the object, or no pronoun at all
    if any(o.lower_ in ("that", "which") for o in objects) or not objects:
        return clause.dep_ == "relcl"
    return any(
        o.lemma_.lower() in _OWN_PARTS and any(c.lower_ == "whose" for c in o.children)
        for o in objects
    )
