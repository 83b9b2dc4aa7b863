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

from spacy.tokens import Token

from graph.craft_antecedents import pointed_craft
from graph.craft_arguments import (
    builders_named,
    chinese_subject,
    foreign_subject,
    owned_object,
    subject_partners,
    verb_preps,
)
from graph.craft_causatives import had_done_for
from graph.craft_home_builders import made_in
from graph.craft_made_with import made_with_china, with_china_only
from graph.craft_orders import ordered_from_china
from graph.craft_phrases import chinese_rocket, made_jointly, others_rocket
from graph.craft_triggers import TAKING, VERB_ACTIVITY, activity_of, makes, triggers
from graph.gazetteer import Gazetteer
from graph.grammar import Group
from graph.launch_context import chinese_launch
from graph.model import EntityKind
from graph.negation import WRONG_REPORT
from graph.reading import Sentence
from graph.recognise import Found
from graph.spacecraft_named import gapped_crafts, names_holding, own_craft
from graph.spacecraft_partners import (
    CRAFT_NOUNS,
    after_other_craft,
    china_among,
    earlier_customers,
    governs,
    mention_of,
    named_for,
    owner_of,
)

_JOINT_WORDS = frozenset({"jointly", "together", "joint", "co-developed", "partnership"})

Frame = tuple[str, str, str, int]  # activity, spacecraft key, partner key, offset


def frames(sentence: Sentence, groups: list[Group], gazetteer: Gazetteer) -> list[Frame]:
    """Every (activity, spacecraft, partner, offset) the sentence's parse states."""
    doc = sentence.parse
    if doc is None:
        return []
    crafts = [m for m in sentence.mentions if not m.nested and m.kind is EntityKind.SPACECRAFT]
    crafts = crafts or pointed_craft(sentence, VERB_ACTIVITY)
    if not crafts:
        return []
    spans = [(m.start - sentence.start, m.end - sentence.start) for m in crafts]
    out: list[Frame] = []
    joint: dict[str, set[str]] = {}
    # whom each spacecraft was built, launched or sent for (or ordered by)
    served = ordered_from_china(sentence, groups, crafts, gazetteer)
    builders: dict[str, set[str]] = {}  # a foreign builder of a spacecraft China launched
    made_for: dict[str, set[str]] = {}  # ... and whom it built it for
    pending: list[tuple[str, str, int]] = []
    for verb in triggers(doc, chinese_launch(sentence)):
        if any(c.dep_ == "neg" for c in verb.children):
            continue  # "Nicasat-1 ... was never built"
        if WRONG_REPORT.search(sentence.text, 0, verb.idx):
            continue  # "wrongly reported that X had been launched by China"
        activity = activity_of(verb)
        jointly = _is_joint(verb, spans)
        if jointly and activity == "built":
            activity = "jointly-developed"  # "Egypt: MisrSat-2, developed jointly"
        # "built by X with Tsinghua University": X made it jointly with China's side
        partners = made_with_china(sentence, verb, groups, gazetteer) or _partners(
            sentence, verb, groups, gazetteer, jointly
        )
        if partners == [] and (causers := had_done_for(verb, groups, gazetteer)):
            partners = [(activity, p) for p in causers]  # "Peru had X launched by China"
        listed = _craft_of(sentence, verb, crafts)
        # "KACST's SaudiSat-5A and SaudiSat-5B": the owner of a list's first is the list's
        launch = activity == "launched"
        first_owner = owner_of(sentence, listed[0], groups, True, launch) if len(listed) > 1 else ()
        if first_owner and _apposed_owner(sentence, listed[0], groups, first_owner):
            first_owner = ()  # "GhanaSat-1, Ghana's first satellite, and KenSat-9": its own
        for craft in listed:
            if partners is None:  # done by others
                sentence.notes.setdefault("made_by_others", set()).add(craft.key)  # type: ignore[union-attr]
                if activity == "built":
                    made = builders_named(sentence, verb, groups) or made_in(sentence, verb, groups)
                    builders.setdefault(craft.key, set()).update(made)
                    # "developed by X for Y": Y is whom a Chinese launch of it served
                    made_for.setdefault(craft.key, set()).update(_customers(verb, groups))
                continue
            found = partners
            if not found and not jointly and activity != "built":
                owners = owner_of(sentence, craft, groups, True, launch) or first_owner
                found = [(activity, p) for p in owners]
            elif not found and not jointly:
                # "CAST built PRSS-1, Pakistan's first remote-sensing satellite": the
                # owner an apposition names, when China's side is the builder
                chinese = chinese_subject(sentence, verb, gazetteer) or _by_china(
                    sentence, verb, gazetteer
                )
                found = [(activity, p) for p in owner_of(sentence, craft, groups, chinese)]
            elif not found and with_china_only(sentence, verb, gazetteer):
                # "X, Kenya's imaging satellite, was developed jointly with China" (or with
                # a Chinese university): its owner
                owners = owner_of(sentence, craft, groups, True, china_told=True)
                found = [(activity, p) for p in owners]
            for kind, partner in found:
                if kind == "jointly-developed" and activity in ("built", "jointly-developed"):
                    joint.setdefault(craft.key, set()).add(partner)
                if kind == "jointly-developed" and activity == "launched":
                    joint.setdefault(craft.key, set()).add(partner)
                    kind = "launched"
                if kind != "jointly-developed" and found is partners:
                    served.setdefault(craft.key, set()).add(partner)
                out.append((kind, craft.key, partner, verb.idx))
            if not found:
                pending.append((activity, craft.key, verb.idx))
    # a fact-sheet line "Saudi Arabia: SaudiSat-5A ... were launched": its label is
    # whom the work was for when the line names no one else
    label = [k for g in groups if g.role == "item" for k in g.keys]
    for activity, key, at in pending:
        if activity == "launched" and joint.get(key):
            # "X, developed jointly with Brazil, was launched in 2019"
            out += [("launched", key, p, at) for p in sorted(joint[key])]
        elif served.get(key):
            # "X, built by CAST, was launched for Pakistan": the same customer
            out += [(activity, key, p, at) for p in sorted(served[key])]
        elif activity == "launched" and made_for.get(key):
            # "Among the payloads was X, developed by A for B": launched for B
            out += [("launched", key, p, at) for p in sorted(made_for[key])]
        elif activity == "launched" and builders.get(key):
            # "Chang'e-6 carried ICUBE-Q, a cubesat built by Pakistan's IST"
            out += [("launched", key, p, at) for p in sorted(builders[key])]
        elif label and not builders.get(key) and not _elsewhere(sentence, at):
            # ... unless the line names the spacecraft's owner ("microsatellites of the
            # company Satellogic")
            owners = owner_of(sentence, mention_of(crafts, key), groups, False)
            out += [(activity, key, p, at) for p in owners or label]
        elif not builders.get(key) and (
            named := named_for(sentence, mention_of(crafts, key), gazetteer)
        ):
            # "The Kenya Earth Observation Satellite was launched from Jiuquan"
            out += [(activity, key, p, at) for p in named]
        elif not builders.get(key):
            # "China launched PRSS-1 for Pakistan. PRSS-1 was built by CAST": the customer
            # the paragraph gave the spacecraft before
            out += [(activity, key, p, at) for p in earlier_customers(sentence, key)]
    sentence.notes["served"] = {k: frozenset(v) for k, v in served.items()}
    return list(dict.fromkeys(out))


def _apposed_owner(
    sentence: Sentence, first: Found, groups: list[Group], owners: tuple[str, ...] | list[str]
) -> bool:
    """Whether the owner of a list's first craft is named after it, in its apposition
    ("GhanaSat-1, Ghana's first satellite, and KenSat-9"): that owner is the first's
    alone, where one named before the list ("KACST's A and B") is every member's."""
    at = first.start - sentence.start
    return any(g.role == "owner" and g.start > at and set(g.keys) & set(owners) for g in groups)


def _customers(verb: Token, groups: list[Group]) -> list[str]:
    """The partners a verb of making names after "for" ("built by Thales for Mexico")."""
    doc = verb.doc
    return [
        k
        for prep in verb_preps(verb)
        if prep.lower_ == "for"
        for g in groups
        if g.role == "for" and governs(doc, prep, g)
        for k in g.keys
    ]


def _names_maker(prep: Token) -> bool:
    """Whether a "by" phrase names who did it, not when ("by 2028", "by the end of May")."""
    return any(
        o.dep_ == "pobj"
        and not o.like_num
        and o.ent_type_ not in ("DATE", "TIME")
        and o.lower_ not in ("end", "middle", "start", "beginning", "time")
        for o in prep.children
    )


def _made_by_others_with(
    sentence: Sentence, verb: Token, made_with: list[Token], gazetteer: Gazetteer
) -> bool:
    """Whether a craft "built with the University of Nairobi and Tohoku University" was
    made by others: whom it was built with are named, and China's side is none of them,
    nor the verb's subject or agent."""
    if not made_with or any(china_among(sentence, p, gazetteer) for p in made_with):
        return False
    return not (chinese_subject(sentence, verb, gazetteer) or _by_china(sentence, verb, gazetteer))


def _by_china(sentence: Sentence, verb: Token, gazetteer: Gazetteer, own: bool = False) -> bool:
    """Whether a passive's "by" names China's side ("had been built and launched by
    China"), its own or (unless ``own``) its coordinated verb's."""
    return any(
        (p.dep_ == "agent" or p.lower_ == "by")
        and not (p.i > 0 and p.nbor(-1).lower_ in ("not", "never"))  # "by SpaceX, not by China"
        and china_among(sentence, p, gazetteer)
        for v in ([verb] if own else _chain(verb))
        for p in v.children
    )


def _elsewhere(sentence: Sentence, at: int) -> bool:
    """Whether the work at ``at`` is told after the line's first clause ("...; both
    satellites were designed and built in Riyadh"): a line's label is whom its first
    statement is for."""
    return ";" in sentence.text[:at]


# verbs whose complement tells what the subject will undergo: "is expected to be launched"
_RAISING = frozenset({"expect", "schedule", "plan", "set", "slate", "due", "intend", "aim", "go"})


def _chain(verb: Token) -> list[Token]:
    """The verbs coordinated with ``verb``, first the one it is coordinated to (a verb
    completing "is expected to" stands for "expected")."""
    first = verb
    while first.dep_ == "xcomp" and first.head.lemma_.lower() in _RAISING:
        first = first.head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return [first, *(c for c in first.conjuncts if c.i != first.i)]


def _is_joint(verb: Token, crafts: list[tuple[int, int]]) -> bool:
    """Whether the work was done jointly: said on the verb or on a verb coordinated
    with it ("designed, built and operated together with ESA"); "launched it together
    with PakTES-1A" (another spacecraft, ``crafts`` are where they are named) is not."""
    for v in _chain(verb) if verb.pos_ != "NOUN" else [verb]:
        own = [
            c
            for c in v.children
            if c.dep_ in ("advmod", "prep", "npadvmod") and not _with_craft(c, crafts)
        ]
        words = {w.lower_ for c in own for w in c.subtree}
        if v.lower_.startswith("co-") or words & _JOINT_WORDS:
            return True
        if any(c.dep_ == "amod" and c.lower_ == "joint" for c in v.children):
            return True
    return False


def _with_craft(phrase: Token, crafts: list[tuple[int, int]]) -> bool:
    """Whether a "(together) with ..." phrase names a spacecraft as its object."""
    if not crafts:
        return False  # (no walk of the phrase, which can be most of a long line)
    return any(
        t.dep_ == "pobj" and t.head.lower_ == "with" and any(a <= t.idx < b for a, b in crafts)
        for t in phrase.subtree
    )


def _craft_of(sentence: Sentence, verb: Token, crafts: list[Found]) -> list[Found]:
    """The named spacecraft ``verb`` is about (several when they are coordinated:
    "CBERS-4 and CBERS-04A were developed"), looking at the verbs it is coordinated
    with when it has no subject or object of its own."""
    found = own_craft(sentence, verb, crafts)
    if found:
        return found + gapped_crafts(sentence, verb, crafts, found)
    if (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBN"
        and verb.i < verb.head.i
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    ):
        # "Built by CAST, KenSat-3 was launched ...": an opening participle tells of the
        # subject of the clause it opens
        return own_craft(sentence, verb.head, crafts)
    if verb.pos_ == "NOUN" and not (verb.dep_ == "conj" and verb.head.pos_ == "VERB"):
        return found  # (but "which China would build and launch": a verb tagged a noun)
    chain = _chain(verb)
    if chain[0].dep_ == "ROOT" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj") for v in chain for c in v.children
    ):
        # a line that opens with the spacecraft and goes on without a verb of its own
        # ("ALSAT-3B, to be launched from Jiuquan in 2026")
        first = next((t for t in verb.doc if not t.is_space), None)
        opening = [m for m in crafts if first is not None and m.start - sentence.start == first.idx]
        if opening:
            return opening
    if _describes_unnamed(sentence, verb, crafts):
        return []  # "built and launched Earth observation satellites for ...": unnamed
    for other in _chain(verb):
        if other.i != verb.i:
            found = own_craft(sentence, other, crafts)
            if found:
                return found
    return []


def _describes_unnamed(sentence: Sentence, verb: Token, crafts: list[Found]) -> bool:
    """Whether the object of a verb (or of the verbs sharing its subject) describes
    satellites without naming one ("built and launched Earth observation satellites
    for ..."): what was built is said, and a craft named in another clause is not it."""
    # the verbs sharing this one's subject: "built and launched <object>"
    shared = [
        v
        for v in _chain(verb)
        if v.i == verb.i or not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)
    ]
    for v in shared:
        for c in v.children:
            if c.dep_ != "dobj":
                continue
            words = list(c.subtree)
            left, right = words[0].idx, words[-1].idx + len(words[-1])
            plural = any(t.tag_ == "NNS" and t.lemma_.lower() in CRAFT_NOUNS for t in words)
            named = any(left <= m.start - sentence.start < right for m in crafts)
            if plural and not named:
                return True
    return False


def _partners(
    sentence: Sentence, verb: Token, groups: list[Group], gazetteer: Gazetteer, jointly: bool
) -> list[tuple[str, str]] | None:
    """(activity, partner) pairs the verb's arguments name, its own first and then
    those of the verbs it is coordinated with; None when others did the work."""
    doc = sentence.parse
    activity = activity_of(verb)
    # "built by the Oman Space Institute and launched by China": the launch's own agent
    # is China's side, so the builder named on the other verb is not the launcher
    china_did = _by_china(sentence, verb, gazetteer, own=True)
    for scope in ([verb], [v for v in _chain(verb) if v.i != verb.i]):
        if scope and scope[0].i != verb.i and owned_object(verb):
            break  # "launched satellites for A and B, and built Ethiopia's X": X's owner
        out: list[tuple[str, str]] = []
        others = False
        maker = False  # someone not China's side named as the maker
        made_with: list[Token] = []  # "built with the University of Tokyo"
        for v in scope:
            preps = verb_preps(v)
            for prep in preps:
                word = prep.lower_
                if word in ("for", "to") and after_other_craft(sentence, prep):
                    continue  # "X for A, together with Y for B": B is Y's
                by = prep.dep_ == "agent" or word == "by"
                # "built in Bulgaria by EnduroSat", named or not; a launch by anyone but
                # China is others' however jointly the craft was made ("developed jointly
                # with ESA and will be carried into orbit by a European rocket")
                launch_by = activity == "launched" and v.i == verb.i  # the launch's own "by"
                if launch_by and others_rocket(sentence, prep):
                    others = True  # "to be launched on a European Vega-C rocket"
                    continue
                if launch_by and by and chinese_rocket(sentence, prep):
                    continue  # "was launched by a Long March 2C": China's, no one else's
                if word == "in" and activity == "built" and makes(v) and not jointly:
                    # "SaudiSat-5A, built in Saudi Arabia, launched on a Long March 2D"
                    # (or "designed and built in ..."): made in a partner's own country
                    if any(g.role == "place" and governs(doc, prep, g) for g in groups):
                        others = maker = True
                    continue
                if by and (not jointly or launch_by) and not china_among(sentence, prep, gazetteer):
                    others = True
                    # "built by Thales for Mexico" (not "by 2028", "by the end of 2027")
                    maker = maker or (activity == "built" and v.i == verb.i and _names_maker(prep))
                    continue
                named = names_holding(sentence, prep)  # "the Institute for Space Research"
                for g in (g for g in groups if governs(doc, prep, g) and not named & set(g.keys)):
                    if word in ("for", "to") and not jointly:
                        out += [(activity, p) for p in g.keys]
                    elif by:
                        kind = "jointly-developed" if activity == "built" else activity
                        out += [(kind, p) for p in g.keys]
                    elif word == "with" and jointly:
                        out += [("jointly-developed", p) for p in g.keys]
                    elif word == "with" and made_jointly(prep):
                        # "SVOM, a satellite built jointly with France, was launched":
                        # the partner the craft was made with is the launch's too
                        out += [(activity, p) for p in g.keys]
                    elif word == "with" and activity == "built" and v.i == verb.i:
                        made_with.append(prep)
                        if chinese_subject(sentence, v, gazetteer):
                            # "CAST built KenSat-4 with the Kenya Space Agency"
                            out += [("jointly-developed", p) for p in g.keys]
            if jointly and v.i == verb.i:
                out += [("jointly-developed", p) for p in subject_partners(sentence, v, groups)]
            if v.pos_ == "NOUN" and v.dep_ == "dobj" and v.head.lemma_.lower() in TAKING:
                out += [(activity, p) for p in subject_partners(sentence, v.head, groups)]
        if maker and not china_did:
            return None  # "built by Thales for Mexico": whom it was for says not who made it
        if out:
            return list(dict.fromkeys(out))
        if (others and not china_did) or foreign_subject(sentence, verb, gazetteer, jointly):
            return None
        if _made_by_others_with(sentence, verb, made_with, gazetteer):
            return None
    return []
