"""Who signs an agreement a sentence reports: the bodies and countries it names as
signers ("CNSA and X signed", "signed by A, B and C", "X signed ... with China", "the
two agencies" of the sentence before), China's own body where one signs in its name, and
the partners that each get a document of their own ("memoranda with A, B and C"). Used
by ``graph.relations_agreement``."""

from __future__ import annotations

import re

from graph.dates import date_in
from graph.gazetteer import CHINA, Gazetteer
from graph.grammar import Group, clause_of, clauses, owns_named_body
from graph.model import EntityKind
from graph.parsing import span_root
from graph.reading import Sentence
from graph.signing_clause import SIGNING, SIGNS_BESIDE, SIGNS_NEXT, of_its_signing
from graph.syntactic_roles import syntactic_role

_WITH_CHINA = re.compile(r"\bwith\s+(?:China|the\s+Chinese\b|the\s+China\b)")


# what a possessive may own besides the agreement ("Pakistan's Commission signed ...")
_NOT_AGREED = frozenset(
    [
        "commission",
        "agency",
        "administration",
        "institute",
        "university",
        "office",
        "centre",
        "center",
        "organization",
        "organisation",
        "academy",
        "ministry",
        "committee",
        "president",
        "government",
    ]
)
# verbs of making a craft: their "by" names the makers, not a document's signers
_WORK_VERBS = frozenset({"develop", "build", "make", "design", "manufacture", "launch", "operate"})
_PARTY_ROLES = frozenset({"subject", "agent", "with", "owner", "between", "by"})
# the work for a party goes on to the deal it is done under: "for X under a US$80 million"
_UNDER = re.compile(r"(?:\s*\([^()]*\))?[^.;:()]{0,60}?\bunder\s+(?:a|an|the)\s+[^.;:()]{0,40}")
# a body's head named after it: "CNSA Administrator Li Wei"
_HEAD_AFTER = re.compile(
    r"(?:\s*\([A-Z]+\))?\s+(?:Administrator|Director(?:[- ]General)?|President|Chairman|"
    r"Chief|Head|Minister|Secretary)\b"
)
# the people through whom a body signs, right before its name
_DELEGATION = re.compile(
    r"\b(?:delegations?|representatives?|officials?|envoys?|heads?)\s+(?:from|of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


# a body, a description of it between commas, then its signing verb
_SIGNS_AFTER_APPOSITION = re.compile(
    r"(?:\s*\([^()]*\))?\s*,\s+(?:the|a|an|its|which|that)\b[^,;()]{3,120},\s+"
    r"(?:(?:has|have|had|also|then|will|would|on\s+\w+(?:\s+\d+)?)\s+)*"
    r"(?:signed|concluded|inked|initialled|initialed)\b"
)


def _chinese_bodies(
    sentence: Sentence,
    gazetteer: Gazetteer,
    clause: tuple[int, int],
    signers: list[tuple[int, int]],
) -> list[tuple[str, str]]:
    """Chinese organisations named in the clause, with their role in the parse; one named
    inside the list of a signing verb's subjects (``signers``) signs with them."""
    out = []
    for f in sentence.mentions:
        local = f.start - sentence.start
        if (
            f.nested
            or f.key == CHINA
            or f.key not in gazetteer.domestic
            or f.kind is not EntityKind.ORGANISATION
        ):
            continue
        role, governor = "other", ""
        if sentence.parse is not None:
            role, governor = syntactic_role(sentence.parse, local, f.end - sentence.start, ())
        if role in ("subject", "agent") and governor not in SIGNING:
            role = "other"  # "..., CNSA said": the source of the news, not a party
        if role == "by" and governor in _WORK_VERBS:
            role = "other"  # "developed jointly by KSA and CAST under the agreement ..."
        if _DELEGATION.search(sentence.text[:local]) or (
            _HEAD_AFTER.match(sentence.text, f.end - sentence.start)
            and re.search(r"\bby\b", sentence.text[:local])
        ):
            role = "by"  # "signed by ... and a delegation from CNSA", "by CNSA Administrator X"
        if role == "other" and re.search(r"\bw/\s*$", sentence.text[:local]):
            role = "with"  # a note's "MoU w/ CNSA"
        if role in ("other", "place") and _SIGNS_AFTER_APPOSITION.match(
            sentence.text, f.end - sentence.start
        ):
            # "CGWIC, the CASC subsidiary that sells ..., signed": misparsed (also as a
            # place after "In Tashkent, ...": a body is no place)
            role = "subject"
        if role == "other" and (
            _beside_signer(sentence, local, f.end - sentence.start)
            or any(a <= local < b for a, b in signers)
        ):
            role = "subject"  # "a memorandum that the MBRSC and CNSA signed"
        if role not in _PARTY_ROLES and (
            SIGNS_NEXT.match(sentence.text, f.end - sentence.start)
            or SIGNS_BESIDE.match(sentence.text, f.end - sentence.start)
        ):
            role = "subject"  # "..., CNSA and X signed a ...", however the parser hung it
        signs = role in ("subject", "agent")  # the signer, however far its clause reaches
        if not (clause[0] <= local < clause[1] or signs):
            continue
        out.append((f.key, role))
    return out


def _beside_signer(sentence: Sentence, local: int, end: int) -> bool:
    """Whether the body named at ``local`` (to ``end``) is joined by "and" to a subject of
    a signing verb (in a relative clause the parser may hang the subject on "that"); one
    that only qualifies another noun ("CGWIC, the CASC subsidiary, signed") is not."""
    doc = sentence.parse
    if doc is None:
        return False
    token = next((t for t in doc if t.idx <= local < t.idx + len(t.text)), None)
    while token is not None and token.dep_ in ("conj", "compound", "appos"):
        if token.dep_ == "compound" and token.head.idx >= end:
            return False
        token = token.head
        if token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        joined = [token, *token.conjuncts]
        verbs = [token.head, *(c for t in joined for c in t.children if c.dep_ in ("acl", "relcl"))]
        return any(v.lemma_.lower() in SIGNING for v in verbs)
    return False


# a general word for a document, then the one in apposition: "A document, a letter ..."
_APPOSED_TO = re.compile(
    r"\b(?:document|text|instrument|deal)s?,\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


def apposed_clause_end(text: str, noun: int, clause: tuple[int, int]) -> int | None:
    """Where the clause after ``clause`` ends, when the document's noun at ``noun`` stands
    in apposition to a general word ("A second document, a letter of intent on ..., | was
    signed by A and B"): its signing is told there. None otherwise."""
    if not _APPOSED_TO.search(text, 0, noun):
        return None
    return clause_of(clauses(text), clause[1])[1] if clause[1] < len(text) else len(text)


# a clause that opens with the signing its subject, the clause before, underwent
_SIGNED_NEXT = re.compile(
    r"\s*(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?"
    r"(?:signed|concluded|initialled|co-signed)\b"
)


def parties_of(
    sentence: Sentence,
    groups: list[Group],
    noun: tuple[int, int],
    title: tuple[int, int] | None,
    gazetteer: Gazetteer,
) -> tuple[list[str], list[str]]:
    """(parties named for everyone, list partners that each get their own agreement)."""
    text = sentence.text
    spans = clauses(text)
    clause = clause_of(spans, noun[0])
    signed = next((b for a, b in spans if a == clause[1] and _SIGNED_NEXT.match(text, a)), None)
    if signed is not None:
        clause = (clause[0], signed)  # "A second document, a letter of intent, | was signed by"
    named: list[str] = []
    listed: list[str] = []
    groups = of_its_signing(sentence, groups, noun)
    signers = [(g.start, g.end) for g in groups if g.role == "subject" and g.governor in SIGNING]
    chinese = _chinese_bodies(sentence, gazetteer, clause, signers)
    titled = []
    if title:
        titled = [
            f
            for f in sentence.mentions
            if title[0] <= f.start - sentence.start
            and f.end - sentence.start <= title[1]
            and f.kind in (EntityKind.COUNTRY, EntityKind.ORGANISATION)
        ]
    for g in groups:
        inside_title = title and title[0] <= g.start < title[1]
        if inside_title:
            continue
        if g.role in ("subject", "anaphora") or (
            SIGNS_NEXT.match(text, g.end) and not re.search(r"\bof\s+(?:the\s+)?$", text[: g.start])
        ):
            # (a name right before "signed" signs, however the parser hung what opens it)
            named += g.keys
        elif (
            g.role == "modifier"
            and re.match(r"\s+side\b", text[g.end :])
            and not re.search(r"\b(?:on|from|for|in|of|by)\s+the\s+$", text[: g.start])
        ):
            named += g.keys  # "the Chilean side": the country whose side it is
        elif (
            g.role == "with"
            and clause[0] <= g.start < clause[1]
            and g.start > noun[0] - 80
            # "..., joining Venezuela and Nicaragua among the partners": whom the signer
            # now stands beside, not who signed with it
            and g.governor != "join"
        ):
            listed += g.keys
        elif g.role in ("by", "between") and clause[0] <= g.start < clause[1]:
            named += g.keys  # "signed by A, B and C", "between CNSA and X"
        elif clause[0] <= g.start < clause[1] and _DELEGATION.search(text[: g.start]):
            named += g.keys  # "signed by CNSA's head and a delegation from X"
        elif g.role == "for" and g.end <= noun[0] and _UNDER.fullmatch(text[g.end : noun[0]]):
            # "CGWIC will build two satellites for X under a contract signed": the worker
            named += [*g.keys, *(key for key, _role in chinese)]
        elif (
            g.role == "owner"
            and 0 <= noun[0] - g.end <= 60
            and g.governor not in _NOT_AGREED
            and not owns_named_body(sentence, g)
            and not _describes_a_party(text, groups, g)
        ):
            named += g.keys
        elif (
            g.role == "owner"
            and g.governor in _NOT_AGREED
            and clause[0] <= g.start < clause[1]
            and not owns_named_body(sentence, g)
            and _owned_body_signs(sentence, g)
        ):
            named += g.keys  # "Egypt's space agency and CNSA signed", "with Peru's ministry"
        elif (
            g.role == "agent"
            and (g.governor in SIGNING or _signs_in_a_later_clause(sentence, g))
            # "... with China", or a Chinese body signing beside it ("CNSA and the NSSA
            # signed", however the parser joins them)
            and (
                _WITH_CHINA.search(text)
                or any(r in ("with", "subject", "agent") for _k, r in chinese)
            )
        ):
            named += g.keys  # "the Kyrgyz Space Agency signed ... with China"
    # China's side, where a Chinese body signs in its name ("CNSA and X signed")
    named += [key for key, role in chinese if role in _PARTY_ROLES]
    bodies = [k for k in named if gazetteer.kind(k) is EntityKind.ORGANISATION]
    # "CNSA and the Brazilian Space Agency signed the Agreement on the China-Brazil
    # Satellite": the bodies that signed are the parties, not the countries of the title
    named += [
        f.key
        for f in titled
        if not (bodies and f.kind is EntityKind.COUNTRY and f.key not in gazetteer.domestic)
    ]
    rest = text[noun[1] : noun[1] + 6]
    if rest.startswith((" for ", " for")):
        for f in sentence.mentions:
            if f.kind is EntityKind.MISSION and 0 < f.start - sentence.start - noun[1] <= 10:
                named += [
                    n.key
                    for n in sentence.mentions
                    if n.nested and f.start <= n.start < f.end and n.kind is EntityKind.ORGANISATION
                ]
    if not named and not listed and re.search(r"\bthe\s+two\s+(?:countries|sides)\b", text):
        foreign = {k for g in groups for k in g.keys}
        if len(foreign) == 1:
            named += sorted(foreign)
    return list(dict.fromkeys(named)), list(dict.fromkeys(listed))


def _signs_in_a_later_clause(sentence: Sentence, group: Group) -> bool:
    """Whether the subject of one verb signs with a verb coordinated with it that has no
    subject of its own ("Uruguay joined APSCO in 2024, and last year signed a joint
    statement with China")."""
    doc = sentence.parse
    token = None if doc is None else span_root(doc, group.start, group.end)
    if token is None or token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return any(
        verb.lemma_.lower() in SIGNING
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        for verb in token.head.conjuncts
    )


def _owned_body_signs(sentence: Sentence, owner: Group) -> bool:
    """Whether the unnamed body a country owns ("Egypt's space agency", "Peru's transport
    ministry") is a signer: a subject of a signing verb, or the object of its "with",
    "by" or "between"."""
    doc = sentence.parse
    if doc is None:
        return False
    token = next((t for t in doc if t.idx <= owner.start < t.idx + len(t.text)), None)
    if token is None or token.dep_ != "poss":
        return False
    body = token.head
    while body.dep_ == "conj" and body.head.i != body.i:
        body = body.head
    if body.dep_ in ("nsubj", "nsubjpass"):
        return body.head.lemma_.lower() in SIGNING
    return body.dep_ == "pobj" and body.head.lower_ in ("with", "by", "between")


def _describes_a_party(text: str, groups: list[Group], owner: Group) -> bool:
    """Whether the owner opens an apposition of a party named just before it ("Kazakhstan
    Gharysh Sapary, Kazakhstan's national satellite company, signed"): the body signs,
    not its country."""
    return any(
        g.end <= owner.start and _APPOSITION_GAP.fullmatch(text[g.end : owner.start])
        for g in groups
        if g is not owner
    )


_APPOSITION_GAP = re.compile(r"\s*(?:\([^()]*\))?\s*,\s*")


def own_partners(
    listed: list[str], groups: list[Group], m: re.Match[str], kinds: list[re.Match[str]]
) -> list[str]:
    """ "an agreement on navigation with Bolivia and a memorandum on lunar science with
    Uruguay": each document's "with" list is the one between it and the next document."""
    if len(kinds) < 2:
        return listed
    bound = next((k.start() for k in kinds if k.start() > m.end()), None)
    own = {
        k
        for g in groups
        if g.role == "with" and m.end() <= g.start and (bound is None or g.start < bound)
        for k in g.keys
    }
    return [k for k in listed if k in own] if own else listed


def dates_after_partners(sentence: Sentence, groups: list[Group], after: int) -> dict[str, str]:
    """Each partner's own date where a list of signings gives one after each ("with
    Azerbaijan in October 2023 and with Senegal in September 2024")."""
    text, issued = sentence.text, sentence.doc.meta.issued
    listed = [g for g in groups if g.role == "with" and g.start >= after and len(g.keys) == 1]
    dates = {}
    for g, nxt in zip(listed, [*listed[1:], None], strict=False):
        stretch = text[g.end : nxt.start if nxt else min(len(text), g.end + 40)]
        value = date_in(stretch, issued, sentence.section_year)[0]
        if value:
            dates[g.keys[0]] = value
    # "with Chile (May 2032) and Kenya (July 2032)": a date in brackets after each member
    for m in sentence.mentions:
        local = m.start - sentence.start
        if m.nested or not any(g.role == "with" and g.start <= local < g.end for g in groups):
            continue
        note = re.match(r"\s*\(([^()]{1,40})\)", text[m.end - sentence.start :])
        value = date_in(note.group(1), issued, sentence.section_year)[0] if note else None
        if note and value is None and re.fullmatch(r"\s*((?:19|20)\d\d)\s*", note.group(1)):
            value = note.group(1).strip()  # "Colombia (2026)": the year alone
        if value:
            dates[m.key] = value
    return dates
