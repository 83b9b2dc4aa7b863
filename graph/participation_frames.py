"""Participation read from the dependency parse: the verb frames through which a text says
that China (or a Chinese body) belongs to, works within or hosts an organisation.

The frames are those of English, not of one document: acting *through* or *within* an
organisation ("files frequencies through the ITU", "exchanges within COPUOS"), sitting or
serving *on* it, representing China *in* it, being one of its *members* ("China and Peru
are both member states of ...", "becomes a member agency of ..."), hosting or chairing it
or its secretariat, supporting, founding or initiating it, signing its convention. The
organisation may be named by a relative pronoun ("APSCO, which China hosts", "of which
both countries are founding members", "the forum ... is the channel through which China
works ..."; ``graph.relative_participation`` reads such clauses from their words as
well). The subject must be Chinese: a Chinese mention, China as a passive agent
("coordinated by China and Algeria through the ITU"), or "the two sides" of a bilateral
text.
"""

from __future__ import annotations

import re

from graph.gazetteer import Gazetteer
from graph.model import Entity
from graph.participation_objects import (
    GATHERINGS,
    PARTS,
    held_at,
    nominal_targets,
    object_after_partner,
)
from graph.reading import Sentence
from graph.token_lookup import tagged_among, words_among

# verb -> (prepositions whose object is the organisation, whether the direct object is)
_FRAMES: dict[str, tuple[frozenset[str], bool, str]] = {
    "participate": (frozenset({"in"}), False, "participant"),
    "take": (frozenset({"in"}), False, "participant"),  # with "part"
    "join": (frozenset(), True, "participant"),
    "attend": (frozenset(), True, "participant"),
    "sit": (frozenset({"on", "in"}), False, "participant"),
    "serve": (frozenset({"on"}), False, "participant"),
    "represent": (frozenset({"in", "at"}), False, "participant"),
    "support": (frozenset({"in", "within"}), True, "participant"),
    "host": (frozenset({"with"}), True, "host"),
    "co-host": (frozenset({"with"}), True, "host"),
    "house": (frozenset(), True, "host"),
    "chair": (frozenset(), True, "chair"),
    "co-chair": (frozenset(), True, "chair"),
    "contribute": (frozenset({"to"}), False, "participant"),  # "contributes data to the X"
    # what a member brings before a body: "presented the plan to COPUOS"
    "present": (frozenset({"to", "before"}), False, "participant"),
    "submit": (frozenset({"to"}), False, "participant"),
    "report": (frozenset({"to"}), False, "participant"),
    "brief": (frozenset(), True, "participant"),  # "will brief COPUOS on the project"
    "address": (frozenset(), True, "participant"),
    "send": (frozenset({"to"}), False, "participant"),  # "sends officials to its meetings"
    "initiate": (frozenset(), True, "participant"),
    "found": (frozenset(), True, "participant"),
    "co-found": (frozenset(), True, "participant"),
    "finance": (frozenset(), True, "participant"),
    "fund": (frozenset(), True, "participant"),
    "lead": (frozenset(), True, "chair"),
    "coordinate": (frozenset({"in", "within", "at"}), True, "participant"),
    "establish": (frozenset(), True, "participant"),
    "create": (frozenset(), True, "participant"),
    "set": (frozenset(), True, "participant"),  # with "up"
    "organise": (frozenset({"with"}), True, "host"),
    "organize": (frozenset({"with"}), True, "host"),
    "co-organise": (frozenset({"with"}), True, "host"),
    "co-organize": (frozenset({"with"}), True, "host"),
    "convene": (frozenset({"with"}), True, "host"),
    # "China has worked with UNOOSA on ...": working with an organisation is taking part
    "work": (frozenset({"with"}), False, "participant"),
    "cooperate": (frozenset({"with"}), False, "participant"),
    "collaborate": (frozenset({"with"}), False, "participant"),
    "partner": (frozenset({"with"}), False, "participant"),
}
_WORKING = frozenset({"work", "cooperate", "collaborate", "partner"})


def of_the_united_nations(entity: Entity) -> bool:
    """A body of the UN system (its office, programme or agency)."""
    if entity.category is not None:
        return entity.category == "UN body"
    return entity.discovered and re.search(r"\bUnited\s+Nations\b", entity.label) is not None


# any verb with a Chinese subject: an organisation as its channel or its frame
_ANY_VERB_PREPS = frozenset({"through", "within"})
_FOUNDING_TEXTS = frozenset({"convention", "charter", "constitution", "statute", "statutes"})
_SIGNING = frozenset({"sign", "ratify", "accede"})
_MEMBER = frozenset({"member", "members"})
_BILATERAL_SUBJECT = re.compile(
    r"^(?:(?:the\s+two|both)\s+(?:sides|countries|nations|parties|governments)"
    # a bilateral text's own name for its signers: "The Parties will ..."
    r"|the\s+(?:parties|sides))$",
    re.IGNORECASE,
)
# what stands between an organisation and its part: "BRICS mechanism", "WMO's council"
_OWNER_GAP = re.compile(r"\s*(?:['\u2019]s\s*)?")
_RELATIVE_GAP = re.compile(r"^\s*(?:\([^()]*\)\s*)?,?\s*$")


Frame = tuple[str, int, str, bool | None]  # organisation, offset, role, planned if known
PLANNED = re.compile(r"\b(?:will|would|shall|plans?\s+to|intends?\s+to|aims?\s+to)\b", re.I)


def _clause(verb) -> str:
    """The words of a verb's own clause, with its auxiliaries."""
    return " ".join(t.lower_ for t in verb.children if t.dep_ in ("aux", "auxpass", "neg"))


def frames(sentence: Sentence, organisations, gazetteer: Gazetteer) -> list[Frame]:
    """(organisation, offset after the verb, role, planned) for each frame the parse shows."""
    doc = sentence.parse
    if doc is None or not organisations:
        return []
    base = sentence.start
    spans = [(m.start - base, m.end - base, m.key) for m in organisations]
    chinese = [
        (m.start - base, m.end - base)
        for m in sentence.mentions
        if m.key in gazetteer.domestic and not m.nested
    ]
    bilateral = bool(sentence.notes.get("bilateral"))
    antecedents = _antecedents(sentence, doc, spans)

    def orgs_in(token, stop_at_with: bool = True) -> list[str]:
        """The organisations a noun phrase names, not those it names after "with"."""
        keys = []
        if token.i in antecedents:
            keys.append(antecedents[token.i])
        for t in token.subtree:
            if t.i in antecedents and t.i != token.i and t.head.i == token.i:
                keys.append(antecedents[t.i])
        skip = [
            (w.left_edge.idx, w.right_edge.idx + len(w.right_edge))
            for w in token.subtree
            if stop_at_with and w.dep_ == "prep" and w.lower_ in ("with", "between", "under")
        ]
        left, right = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
        for a, b, key in spans:
            # "the UN Committee on ...": the UN qualifies the committee's name
            qualifies = any(b + 1 == a2 for a2, _b2, _k in spans)
            if left <= a < right and not any(s <= a < e for s, e in skip) and not qualifies:
                keys.append(key)
        return keys

    def named(token) -> list[str]:
        """The organisation a noun names: itself, or the one whose part it is ("the
        secretariat of APSCO", "its secretariat", "the BRICS mechanism")."""
        own = [k for a, b, k in spans if a <= token.idx < b]
        if token.i in antecedents:
            own.append(antecedents[token.i])
        if own or token.lemma_.lower() not in PARTS:
            return own
        text = sentence.text
        # its owner just before it, or among its words ("the 40th IAF Scientific Assembly")
        left = token.left_edge.idx
        own = [
            k
            for a, b, k in spans
            if b <= token.idx and (_OWNER_GAP.fullmatch(text, b, token.idx) or left <= a)
        ]
        own += [antecedents[c.i] for c in token.children if c.i in antecedents]
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                own += [k for c in prep.children for k in named(c)]
        return own

    def is_chinese(verb) -> bool:
        # "we take part, alongside China, in ...": China acts beside the subject
        beside = [
            o
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ in ("alongside", "beside")
            for o in c.children
        ]
        if any(a <= o.idx < b for o in beside for a, b in chinese):
            return True
        for subject in _subjects(verb):
            if any(a <= subject.idx < b for a, b in chinese):
                return True
            # "Chinese mission teams", "CNSA engineers": China's people act for it
            modifiers = [c for c in subject.children if c.dep_ in ("amod", "compound")]
            # "Experts of CMA", "engineers from CAST": a body's people act for it
            modifiers += [
                o
                for p in subject.children
                if p.dep_ == "prep" and p.lower_ in ("of", "from")
                for o in p.children
            ]
            if any(a <= m.idx < b for m in modifiers for a, b in chinese):
                return True
            phrase = doc[subject.left_edge.i : subject.right_edge.i + 1].text
            if bilateral and _BILATERAL_SUBJECT.match(phrase):
                return True
        return False

    out: list[Frame] = []
    for verb in tagged_among(doc, ("VERB", "AUX")):
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        lemma = verb.lemma_.lower()
        targets: list[tuple[str, str]] = []
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in _ANY_VERB_PREPS:
                targets += [(k, "participant") for c in child.children for k in named(c)]
        for child in verb.children:  # "exchanges within COPUOS": the frame on the object
            if child.dep_ in ("dobj", "nsubjpass"):
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ == "within":
                        targets += [(k, "participant") for c in prep.children for k in named(c)]
        for child in verb.children:  # "China, one of the co-chairs of GEO, has ..."
            if child.dep_ in ("nsubj", "nsubjpass") and any(a <= child.idx < b for a, b in chinese):
                for role in _apposed_roles(child):
                    for prep in role.children:
                        if prep.dep_ == "prep" and prep.lower_ == "of":
                            found = [k for c in prep.children for k in named(c)]
                            targets += [(k, "member") for k in found]
        for child in verb.children:  # "As a member of the WMO, China will ..."
            if child.dep_ == "prep" and child.lower_ == "as":
                for member in (c for c in child.children if _is_member(c)):
                    for prep in member.children:
                        if prep.dep_ == "prep" and prep.lower_ == "of":
                            members = [k for c in prep.children for k in named(c)]
                            targets += [(k, "member") for k in members]
        # "China and UNOOSA selected nine experiments": a UN body acting beside China
        # takes China into its work (a bloc beside China is China's partner instead)
        subjects = _subjects(verb)
        if len(subjects) > 1:
            targets += [
                (k, "participant")
                for t in subjects
                for k in named(t)
                if of_the_united_nations(gazetteer.entities[k])
            ]
        frame = _FRAMES.get(lemma)
        if lemma == "set" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
            frame = None  # "set up" founds; "set" alone does not
        if frame and not (lemma == "take" and not any(c.lower_ == "part" for c in verb.children)):
            preps, direct, role = frame
            # "coordinate their positions in the ITU": the frame's preposition on the object
            objects = [
                c for c in verb.children if c.dep_ == "dobj" and (c.lower_ == "other" or preps)
            ]
            # "co-organised by CNSA with UNOOSA": the frame's preposition on the agent
            objects += [o for a in verb.children if a.dep_ == "agent" for o in a.children]
            # "reports on its projects to COPUOS": the frame's preposition after another's
            objects += [o for p in verb.children if p.lower_ in ("on", "about") for o in p.children]
            shifted = object_after_partner(verb) if direct else None
            if shifted is not None:
                targets += [(k, role) for k in named(shifted)]
            for child in [*verb.children, *(p for o in objects for p in o.children)]:
                if child.dep_ == "prep" and child.lower_ in preps:
                    find = orgs_in if lemma in ("participate", "take") else named
                    found = [k for c in child.children for k in find(c)]
                    if lemma in _WORKING or (shifted is not None and child.lower_ == "with"):
                        # with an agency or a bloc it is cooperation; a co-host of the
                        # body hosted is China's partner, not a body China takes part in
                        found = [k for k in found if of_the_united_nations(gazetteer.entities[k])]
                    targets += [(k, role) for k in found]
                if lemma == "take" and child.dep_ == "dobj" and child.lower_ != "part":
                    targets += [(k, role) for k in named(child)]  # "part in the X initiative"
                if direct and child.dep_ in ("dobj", "nsubjpass") and verb.dep_ != "amod":
                    targets += [(k, role) for k in named(child)]
                    if child.lemma_.lower() in GATHERINGS:
                        # "chaired two sessions on X at the Y congress": a part in the
                        # body's gathering, whichever word the parser hangs "at" on
                        targets += [(k, "participant") for k in held_at(verb, child, named)]
        if lemma in _SIGNING:
            for child in verb.children:
                if child.dep_ == "dobj" and child.lemma_.lower() in _FOUNDING_TEXTS:
                    targets += [(k, "participant") for k in orgs_in(child)]
        # "are founding members of X", which the parser reads as "founding" done to them
        kids = list(verb.children)
        founding = lemma == "found" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in kids)
        if lemma in ("be", "become") or founding:
            for child in verb.children:
                if child.dep_ in ("attr", "acomp", "dobj") and _is_member(child):
                    # "members of the IADC and of the CCSDS": the second "of" may hang on
                    # the verb
                    ofs = [p for p in (*child.children, *kids) if p.dep_ == "prep"]
                    ofs += [c for p in ofs for c in p.conjuncts]
                    for prep in (p for p in ofs if p.lower_ == "of"):
                        targets += [(k, "participant") for c in prep.children for k in named(c)]
        targets += nominal_targets(verb, named)
        # "the institute represents China in X": whoever acts, China takes part
        speaks_for_china = lemma == "represent" and any(
            c.dep_ == "dobj" and any(a <= c.idx < b for a, b in chinese) for c in verb.children
        )
        if targets and (is_chinese(verb) or speaks_for_china):
            # a relative clause states what holds, whatever the main clause plans
            planned = bool(PLANNED.search(_clause(verb))) if verb.dep_ == "relcl" else None
            # "As a member of X, China will ...": the membership holds now
            out += [
                (key, verb.idx + len(verb), "participant", False)
                if role == "member"
                else (key, verb.idx + len(verb), role, planned)
                for key, role in targets
            ]
    return out


_ROLE_NOUNS = frozenset(
    {"member", "members", "chair", "co-chair", "chairs", "co-chairs", "founder", "host",
     "founding", "party", "signatory"}
)  # fmt: skip


def _apposed_roles(subject) -> list:
    """The role nouns an apposition gives the subject: "China, a co-chair of ...",
    "China, one of the co-chairs of ..." (through "one of")."""
    out = []
    for appos in (c for c in subject.children if c.dep_ == "appos"):
        if appos.lower_ in _ROLE_NOUNS or appos.lemma_.lower() in _ROLE_NOUNS:
            out.append(appos)
        for prep in (c for c in appos.children if c.dep_ == "prep" and c.lower_ == "of"):
            out += [o for o in prep.children if o.lemma_.lower() in _ROLE_NOUNS | {"chair"}]
        # "co-chairs" cut by the tokenizer: "one of the co - chairs of ..."
        out += [t for t in appos.subtree if t.lemma_.lower() in ("chair", "member", "founder")]
    return out


def _is_member(token) -> bool:
    """ "member", "members", "member states", "member agency", "founding members"."""
    if token.lower_ in _MEMBER:
        return True
    return any(c.dep_ == "compound" and c.lower_ in _MEMBER for c in token.children)


def _subjects(verb) -> list:
    """The subjects of a verb, inherited along conjoined, open-complement and participle
    verbs ("agreed to strengthen", "is financing and building"), with passive agents."""
    seen = verb
    for _ in range(4):
        subjects = [c for c in seen.children if c.dep_ in ("nsubj", "nsubjpass")]
        agents = [
            p for c in seen.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
        ]
        if subjects or agents:
            relative = ("which", "who", "that")  # "China, which hosts ...": China
            out = [
                s.head.head if s.lower_ in relative and s.head.dep_ == "relcl" else s
                for s in subjects
            ] + agents
            return out + [c for s in out for c in s.conjuncts]
        # "co-chaired", cut by the tokenizer: "chaired" hangs on "co" as a dep
        prefix = seen.dep_ == "ccomp" and seen.head.lower_ in ("co", "re")  # as the parser cuts it
        if (seen.dep_ in ("xcomp", "conj", "advcl", "dep") or prefix) and seen.head is not seen:
            seen = seen.head
            continue
        break
    return []


def _antecedents(sentence: Sentence, doc, spans) -> dict[int, str]:
    """Relative pronouns (and "its") standing for the organisation just before them."""
    text = sentence.text
    out: dict[int, str] = {}
    for token in words_among(doc, ("which", "whose", "its")):
        if token.lower_ not in ("which", "whose", "its"):
            continue
        before = [s for s in spans if s[1] <= token.idx]
        if not before:
            continue
        _a, b, key = max(before, key=lambda s: s[1])
        if token.lower_ == "its":
            if not re.search(r"[:|\n]", text[b : token.idx]) and token.dep_ == "poss":
                out[token.i] = key
            continue
        gap = text[b : token.idx]
        gap = re.sub(r"\b(?:of|through|in|within)\s*$", "", gap)
        if _RELATIVE_GAP.match(gap) or _RELATIVE_GAP.match(re.sub(r",[^,]*,\s*and\s*$", ",", gap)):
            out[token.i] = key
            continue
        # "the forum ... is the channel through which China works": the copula's subject
        relcl = next((t for t in token.ancestors if t.dep_ == "relcl"), None)
        if relcl is not None and relcl.head.dep_ == "attr":
            for subject in _subjects(relcl.head.head):
                for s, e, k in spans:
                    if s <= subject.idx < e:
                        out[token.i] = k
    return out
