"""What an organisation is named by when it is the object of a participation frame: one
of its parts or its gatherings ("the working group of X", "sessions at the X congress"),
a frame noun ("support for the work of X"), and the body a parser misreads as an
apposition after a co-host set between commas ("hosts, together with Y, the Z Forum")."""

from __future__ import annotations

# the parts of an organisation that stand for it as an object ("hosts the secretariat of")
PARTS = frozenset(
    ["secretariat", "headquarters", "seat", "work", "activity", "session", "summit", "meeting",
     "mechanism", "framework", "platform", "channel", "network", "council", "board",
     "initiative",
     # its gatherings: "co-chaired the ASEAN Regional Forum workshop"
     "workshop", "conference", "assembly", "congress", "symposium",
     # its working bodies: "took part in the data task team of GEO"
     "team", "subcommittee", "panel", "taskforce",
     # its units and offices: "the space-weather working group of X", "its regional
     # office in Nairobi", "the bureau of X", "the efforts of X"
     "group", "subgroup", "office", "bureau", "plenary", "committee", "commission", "forum",
     "effort"]
)  # fmt: skip
# the parts that are gatherings, which a body holds "at" itself: "sessions at X's congress"
GATHERINGS = frozenset(
    ["session", "meeting", "workshop", "panel", "plenary", "symposium", "seminar"]
)


def held_at(verb, gathering, named) -> list[str]:
    """The bodies named after "at" in the verb's phrases that follow a gathering it
    governs, when the gathering names none itself; another verb's clause is not read."""
    if named(gathering):
        return []
    out = []
    phrases = [c for c in (*gathering.children, *verb.children) if c.dep_ == "prep"]
    for phrase in (c for c in phrases if c.i > gathering.i):
        for prep in phrase.subtree:
            if prep.dep_ == "prep" and prep.lower_ == "at":
                if any(t.pos_ in ("VERB", "AUX") for t in verb.doc[phrase.i : prep.i]):
                    continue
                out += [k for c in prep.children for k in named(c)]
    return out


def object_after_partner(verb):
    """The direct object the parser hung, as an apposition, on a partner set between
    commas before it ("X hosts, together with Y, the Z Forum"): Z is what is hosted."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "with" or prep.i < verb.i:
            continue
        if not any(c.lower_ in ("together", "jointly") for c in prep.children):
            continue
        for partner in (c for c in prep.children if c.dep_ == "pobj"):
            after = [c for c in partner.children if c.dep_ == "appos" and c.i > partner.i]
            comma = (
                partner.right_edge.i + 1 < len(verb.doc)
                and any(t.text == "," for t in verb.doc[partner.i : after[0].i])
                if after
                else False
            )
            if after and comma:
                return after[0]
    return None


# a noun that says what its owner does in an organisation: "(their) support for the work
# of X", "China's participation in X", "its membership of X"
_NOMINAL_FRAMES = {
    "support": frozenset({"for", "of", "to"}),
    "participation": frozenset({"in"}),
    "coordination": frozenset({"in", "within"}),
    "role": frozenset({"in"}),
    "membership": frozenset({"of", "in"}),
    "involvement": frozenset({"in"}),
}


def nominal_targets(verb, named) -> list[tuple[str, str]]:
    """Organisations named after a frame noun the verb governs ("Both sides reaffirmed
    their support for the work of COPUOS"): the verb's subject is the one who acts."""
    out = []
    for noun in verb.children:
        if noun.dep_ not in ("dobj", "nsubjpass") or noun.lemma_.lower() not in _NOMINAL_FRAMES:
            continue
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in _NOMINAL_FRAMES[noun.lemma_.lower()]:
                out += [(k, "participant") for c in prep.children for k in named(c)]
    return out
