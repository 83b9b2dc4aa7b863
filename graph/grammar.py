"""The pieces of sentence grammar that relation rules share.

Partners come in coordinated lists ("with Sweden, Germany, the Netherlands and Saudi
Arabia"), and the words before a list say what role it plays (``with`` a partner,
``China and`` a co-subject, ``for`` a beneficiary, ``in`` a place). Sentences are cut
into clauses at semicolons and at commas that open a new predicate (", and with ...",
", stating that ..."), so that "on engineering technology" and "on payloads" stay with
their own lists. Area phrases are read per clause; "will", "would" and "to strengthen"
mark what follows them as planned.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from graph.gazetteer import CHINA, Gazetteer
from graph.model import EntityKind, Status
from graph.parsing import syntactic_role
from graph.reading import Sentence
from graph.recognise import Found
from graph.tense import future_clause, past_relative
from graph.token_lookup import token_at

# roles only the parse can tell: "payloads from X", "developed by X", "between X and Y",
# "X contributed ..."
_POSSESSIVE = re.compile(r"(?:'s|'|\u2019s|\u2019)\s")
# where an item's partner may start: the line's start, a bullet, a number, or a field
# label ("Partners: Switzerland, Germany, Poland")
_ITEM_START = re.compile(
    r"(?:[-\u2022\u00b7*]\s*|\(?\d+[.)]\s*)?"
    r"(?:(?:international\s+)?(?:partners?|countries|contributors?|participants?)\s*:\s*)?",
    re.IGNORECASE,
)
# what may stand between an item's partner and its colon or dash: an acronym in brackets,
# the partner's town or country ("Institute of Space Technology, Islamabad — ...")
_ITEM_GLUE = re.compile(
    r"(?:\s*\([^)]*\))?(?:,\s*[A-Z][\w'\u2019-]*(?:\s[A-Z][\w'\u2019-]*){0,2})?"
    r"\s*(?::|\s[-\u2013\u2014]\s)"
)
_SYNTAX_FIRST = frozenset({"from", "by", "between", "owner"})

_PRO_FORMS = frozenset(["one", "ones", "those", "that"])
_STATE = "(?:Republic|Kingdom|State|Sultanate|Emirate|Federation|Principality)"
_LIST_GLUE = re.compile(
    r"^(?:-|\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s+as\s+well\s+as\s+)"
    r"(?:the\s+)?(?:space\s+agencies\s+of\s+)?"
    # "China and the Republic of Uzbekistan": a state by its formal name
    rf"(?:{_STATE}\s+of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
# ", and China has exchanged ...": a coordinated clause with a subject of its own
_OWN_SUBJECT = (
    r",\s*(?:and|but|so)\s+"
    r"(?=(?:(?:the\s+)?(?:[A-Z][\w'-]*\s+){1,6}"
    r"|(?:the|that|this|these|those|its|their)\s+(?:[a-z]+\s+){1,2})"
    r"(?:has|have|had|will|would|built|made|sent|launched|signed|developed|provided)\s)"
)
_CLAUSE_BREAK = re.compile(
    r";\s*|,\s*(?:but|while|whereas|although|though)\s+(?=[A-Z])"
    rf"|{_OWN_SUBJECT}"
    r"|,\s*(?:and\s+|but\s+)?(?=(?:with|stating|promoting|providing|inviting|maintaining|"
    r"expanding|adding|completing|conducting|establishing|thereby|boosting|improve|conduct|"
    r"has|have|had|is|are|was|were|will|would|built|made|set|held|led|took|sent|"
    r"(?!(?:un)?manned\b|advanced\b|related\b|integrated\b|shared\b|combined\b|based\b|"
    r"detailed\b|selected\b|specialized\b|dedicated\b)[a-z]+ed)\b)"
)
_PLANNED = re.compile(
    r"\b(?:will|would|shall|plans?\s+to|intends?\s+to|aims?\s+to|determination\s+to|"
    r"to\s+(?:further\s+|jointly\s+|continue\s+to\s+)?strengthen|in\s+the\s+next\s+five\s+years|"
    r"(?:is|are)\s+(?:due\s+|expected\s+|scheduled\s+|set\s+|planned\s+)?to\s+(?!date\b)\w+)\b",
    re.IGNORECASE,
)
_ANAPHORA = re.compile(
    r"\b(?:the\s+two\s+(?:countries|sides|nations|parties|governments|agencies)|"
    r"both\s+(?:sides|countries)|they)\b",
    re.IGNORECASE,
)
_VERB = re.compile(
    r"\b(?:cooperat\w*|work(?:ed|ing|s)?|conduct\w*|carried\s+out|promot\w*|built|signed|"
    r"launched|developed|provided|establish\w*|joined|exchang\w*)\b",
    re.IGNORECASE,
)
COOPERATION_CUE = re.compile(
    r"\b(?:cooperat\w*|collaborat\w*|joint(?:ly)?|together|co-\w+|exchang\w*|"
    r"partnership|work(?:ed|ing|s)?"
    r"\s+(?:with|together|to)|dialogue|research|experiments|coordinat\w*|joined|"
    r"support(?:s|ed|ing)?|"
    # training given together: "organised training ... with X", "a course with Y"
    r"(?:training|courses?|workshops?|summer\s+schools?|seminars?)(?=[^.;]{0,80}\bwith\b))\b",
    re.IGNORECASE,
)
_PARTNER_KINDS = (EntityKind.COUNTRY, EntityKind.ORGANISATION)


@dataclass(frozen=True)
class Group:
    """A coordinated list of partners and the role the words before it give them."""

    keys: tuple[str, ...]
    start: int  # sentence-local offsets
    end: int
    role: str  # with|subject|anaphora|for|from|by|agent|between|owner|modifier|to|place|...
    adjectival: bool = False
    governor: str = ""  # lemma of the word the list depends on ("payload", "develop")


def _role(sentence: Sentence, start: int, end: int, first: Found) -> str:
    text = sentence.text
    before = text[max(0, start - 60) : start].lower()
    after = text[end : end + 30]
    if re.search(
        r"(?:\bchina|\bchinese)\s+and\s+(?:the\s+)?(?:space\s+agencies\s+of\s+)?$", before
    ) or re.match(r"\s+and\s+China\b", after):
        return "subject"
    if re.search(
        r"\bwith\s+(?:the\s+)?(?:(?:other\s+)?countries\s+(?:including|such\s+as)\s+(?:the\s+)?)?$",
        before,
    ):
        return "with"
    if re.search(
        r"\b(?:joined|helped|assisted)\s+(?:countries\s+(?:including|such\s+as)\s+)?(?:the\s+)?$",
        before,
    ):
        return "with"
    if re.match(r"\s*(?:'s|'|\u2019s|\u2019)(?=\s)", after):
        return "owner"
    if re.search(
        r"\bfor\s+(?:the\s+)?(?:countries\s+(?:including|such\s+as)\s+(?:the\s+)?)?$", before
    ):
        return "for"
    if re.search(r"\bto\s+(?:the\s+)?$", before):
        return "to"
    if re.search(r"\b(?:in|from|throughout|around|across|at|over)\s+(?:the\s+)?$", before):
        return "place"
    if first.adjectival or re.match(r"[ -]+[A-Z]", after) or re.search(r"(?:china|sino)-$", before):
        return "modifier"
    return "other"


def _opens_clause(sentence: Sentence, found: Found, first: Found) -> bool:
    """Whether a name after ", and" is the subject of a clause of its own ("... for
    Azercosmos, and CGWIC is expected to launch it"), not the next item of a list. After
    a bare comma it is one only when the list before it hangs on a preposition ("With
    Brazil, Russia and China launched"; but "Brazil, Russia and China signed")."""
    glue = sentence.text[: found.start - sentence.start]
    if not re.search(r"\b(?:and|or)\s+(?:the\s+)?$", glue):
        before = sentence.text[: first.start - sentence.start]
        if not re.search(
            r"(?i)\b(?:with|for|by|to|from|of|like|unlike|besides|and)\s+(?:the\s+)?$", before
        ):
            return False
    doc = sentence.parse
    token = None if doc is None else token_at(doc, found.start - sentence.start)
    if token is None:
        return False
    while token.dep_ == "compound" and token.head.i != token.i:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ in ("conj", "ROOT")


def _in_joint_body(sentence: Sentence, found: Found, gazetteer: Gazetteer) -> bool:
    """A partner named in a discovered joint body's name ("the China-Brazil Joint
    Laboratory for Space Weather"): the body is China's and the partner's together."""
    before = sentence.text[: found.start - sentence.start]
    if not re.search(r"(?:China|Sino)[-\u2013]$", before):
        return False
    return any(
        o.start < found.start
        and found.end <= o.end
        and not o.nested
        and o.kind is EntityKind.ORGANISATION
        and gazetteer.entities[o.key].discovered
        for o in sentence.mentions
    )


# the label of a fact-sheet line: names, brackets and the small words between them
_ITEM_LABEL = re.compile(
    r"(?:[\s,]+|\([^)]*\)|'s\b|\u2019s\b|\b(?:with|and|of|the|for|in|de|du)\b"
    r"|\b[A-Z][\w'\u2019.-]*)*?\s*(?::|\s[-\u2013\u2014]\s)"
)


def _item_label_end(text: str, end: int) -> int | None:
    """Where the label of a line such as "Egyptian Space Agency, with Bahrain's National
    Space Science Agency (NSSA): camera" ends, if the line is one."""
    m = _ITEM_LABEL.match(text, end)
    return m.end() if m and m.end() - end <= 120 else None


def _china_inside_lists(sentence: Sentence, mentions: list[Found]) -> set[int]:
    """China named inside a list of partners, with partners before and after it
    ("Brazil, Russia, India, China and South Africa signed"): a member like the others,
    not the subject of a clause of its own ("Together with Brazil, China launched")."""
    text, base = sentence.text, sentence.start
    inside = set()
    for before, china, after in zip(mentions, mentions[1:], mentions[2:], strict=False):
        if china.key != CHINA:
            continue
        glues = (
            text[before.end - base : china.start - base],
            text[china.end - base : after.start - base],
        )
        if all(_LIST_GLUE.fullmatch(g) for g in glues) and "and" not in glues[0]:
            inside.add(id(china))
    return inside


def partner_groups(sentence: Sentence, gazetteer: Gazetteer) -> list[Group]:
    """Coordinated lists of foreign countries and organisations, with their roles."""
    mentions = [
        m
        for m in sentence.mentions
        if m.kind in _PARTNER_KINDS and (not m.nested or _in_joint_body(sentence, m, gazetteer))
    ]
    # a joint body stands for its partner ("China-Brazil ... Laboratory" -> Brazil)
    mentions = [
        m
        for m in mentions
        if not any(o is not m and m.start <= o.start and o.end <= m.end for o in mentions)
    ]
    groups: list[list[Found]] = []
    listed_china = _china_inside_lists(sentence, mentions)
    for m in mentions:
        if groups:
            last = groups[-1][-1]
            glue = sentence.text[last.end - sentence.start : m.start - sentence.start]
            china_glue = (
                CHINA not in (last.key, m.key)
                or glue.strip() in ("and", "-")
                or id(last) in listed_china
                or id(m) in listed_china
                or re.fullmatch(rf"\s+and\s+the\s+{_STATE}\s+of\s+(?:the\s+)?", glue) is not None
            )
            owned = _POSSESSIVE.match(sentence.text[m.end - sentence.start :]) is not None
            if (
                _LIST_GLUE.match(glue)
                and china_glue
                and not last.adjectival
                and not m.adjectival
                and not owned  # "ESA and Germany's institute": Germany owns, not ESA
                and not ("," in glue and _opens_clause(sentence, m, groups[-1][0]))
            ):
                groups[-1].append(m)
                continue
        groups.append([m])
    out = []
    item_end: int | None = None  # where a fact-sheet line's partners end (its colon)
    china = [
        (m.start - sentence.start, m.end - sentence.start)
        for m in sentence.mentions
        if m.key == CHINA or m.key in gazetteer.domestic
    ]
    for members in groups:
        start, end = members[0].start - sentence.start, members[-1].end - sentence.start
        role = _role(sentence, start, end, members[0])
        governor = ""
        if sentence.parse is not None:
            first_end = members[0].end - sentence.start
            syntax, governor = syntactic_role(sentence.parse, start, first_end, china)
            if syntax in _SYNTAX_FIRST or (role in ("other", "place") and syntax != "other"):
                role = syntax
        head = sentence.text[:start]
        if _ITEM_START.fullmatch(head) and (
            _ITEM_GLUE.match(sentence.text[end:]) or head.rstrip().endswith(":")
        ):
            role = "item"  # a fact-sheet line: "Sweden: neutral atom analyser"
            item_end = _item_label_end(sentence.text, end)
        elif item_end is None and _ITEM_START.fullmatch(head):
            item_end = _item_label_end(sentence.text, end)
            role = "item" if item_end is not None else role
        elif item_end is not None and end <= item_end:
            role = "item"  # "Egyptian Space Agency, with Bahrain's NSSA: a camera"
        for a, b in itertools.pairwise(members):
            beside_body = role in ("other", "agent") and {a.key, b.key} & gazetteer.domestic
            if CHINA not in (a.key, b.key) and not beside_body:
                continue  # "China and X", "SANSA and CNSA": X beside China's side
            glue = sentence.text[a.end - sentence.start : b.start - sentence.start]
            role = "subject" if "and" in glue else "modifier"  # "China and X" / "China-X"
        keys = tuple(dict.fromkeys(m.key for m in members if m.key not in gazetteer.domestic))
        if keys:
            out.append(Group(keys, start, end, role, members[0].adjectival, governor))
    # "for the Indonesian operator Indosat": the body the demonym describes is the one
    # named after the noun, in the demonym's role
    for i in range(len(out) - 1, 0, -1):
        first, named = out[i - 1], out[i]
        between = sentence.text[first.end : named.start]
        if (
            first.adjectival
            and re.fullmatch(r"\s+(?:[a-z][\w-]*\s+){1,3}", between)
            and not re.search(r"\b(?:at|of|in|from|for|with|by|on|and|to)\b", between)
        ):
            if named.role in ("other", "place"):  # the parser left the name no role
                # the phrase from the demonym on is the partner's ("Indonesian operator
                # Indosat"), where the parse hangs it on its preposition
                out[i] = replace(named, start=first.start, role=first.role, governor=first.governor)
            del out[i - 1]
    # "instruments from A and B, as well as one from C": the pro-form stands for the noun
    # of the list before it
    for i, g in enumerate(out):
        if g.governor in _PRO_FORMS and i and out[i - 1].role == g.role:
            out[i] = replace(g, governor=out[i - 1].governor)
    subjects = {k for g in out if g.role == "subject" for k in g.keys}
    # "Dutch" or "China-U.S." repeating the co-subject adds no partner of its own
    out = [g for g in out if not (g.role == "modifier" and set(g.keys) <= subjects)]
    m = _ANAPHORA.search(sentence.text)
    if m and not any(g.role == "subject" for g in out):
        # "CMA has shared data with the KMD since 2018, and the two sides installed ...":
        # the one partner of the clauses before, else the sentence before's
        before = {
            k
            for g in out
            if g.end <= m.start() and g.role in ("with", "agent", "by", "to", "between")
            for k in g.keys
        }
        refs = tuple(before) if len(before) == 1 else anaphora(sentence)
        if refs:
            out.append(Group(refs, m.start(), m.end(), "anaphora"))
            out.sort(key=lambda g: g.start)
    return out


def clauses(text: str) -> list[tuple[int, int]]:
    """Clause spans of a sentence (local offsets)."""
    cuts = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(text)] + [len(text)]
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def own_statement_start(text: str, pos: int) -> int:
    """Where the statement holding ``pos`` starts: after the last semicolon or coordinated
    clause with a subject of its own before it ("A flew on X, and the NSSA will ...")."""
    cuts = [m.end() for m in _STATEMENT_BREAK.finditer(text) if m.end() <= pos]
    return cuts[-1] if cuts else 0


_STATEMENT_BREAK = re.compile(rf";\s*|{_OWN_SUBJECT}")


def clause_of(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for a, b in spans:
        if a <= pos < b:
            return a, b
    return spans[-1]


def status_at(sentence: Sentence, pos: int) -> Status:
    """Planned when the section is about the future, a marker precedes ``pos``, or the
    verb whose clause holds the words at ``pos`` is in the future ("Instruments from X
    *will* ride on Chang'e-7")."""
    if sentence.section_planned:
        return Status.PLANNED
    if sentence.parse is not None and past_relative(sentence.parse, pos):
        return Status.ACHIEVED  # "... will be received at the station, which China built"
    if _PLANNED.search(sentence.text[:pos]):
        return Status.PLANNED
    if sentence.parse is not None and future_clause(sentence.parse, pos):
        return Status.PLANNED
    return Status.ACHIEVED


def anaphora(sentence: Sentence) -> tuple[str, ...]:
    """Partners that "the two countries"/"they" refer to: the bilateral partner the
    previous sentence of the paragraph was about."""
    if not _ANAPHORA.search(sentence.text) or sentence.previous is None:
        return ()
    return tuple(sentence.previous.notes.get("bilateral", ()))  # type: ignore[arg-type]


def has_verb(text: str) -> bool:
    """Whether a clause has a verb of its own (an introductory phrase such as "in
    partnership with Thailand" has none and belongs to the clause after it)."""
    return bool(_VERB.search(text) or re.search(r"\b(?:has|have|had|is|are|was|were|will)\b", text))


def verb_before(text: str, pos: int) -> int:
    """Offset just after the last verb-like word before ``pos`` (0 if none)."""
    last = 0
    for m in _VERB.finditer(text[:pos]):
        last = m.end()
    return last


def foreign_subject(
    sentence: Sentence, groups: list[Group], verb: int, domestic: frozenset[str] = frozenset()
) -> bool:
    """Someone other than China does the verb at ``verb``: a partner list with no tie to
    China stands between the clause start and the verb ("India signed ... with Japan")."""
    a, b = clause_of(clauses(sentence.text), verb)
    tied = {k for g in groups if g.role in ("subject", "anaphora", "with") for k in g.keys}
    china_after = any(
        verb <= m.start - sentence.start < b
        and (m.key == CHINA or m.key in domestic)
        and not m.nested
        and re.search(
            r"\b(?:with|between)\s+(?:the\s+)?$", sentence.text[: m.start - sentence.start]
        )
        for m in sentence.mentions
    )
    if china_after:
        return False  # "APSCO signed a memorandum with CNSA": China is the other side
    # with a parse, only a list the parser makes a subject acts; without one, any list
    # of no known role before the verb may
    subjects = ("agent",) if sentence.parse is not None else ("other", "agent")
    return any(
        a <= g.start < verb
        and g.role in subjects
        and not set(g.keys) <= tied
        and not _beside_chinese(sentence, g, domestic)
        for g in groups
    )


# (an acronym in brackets may end the name before it: "... Agency (GISTDA) and the ...")
_AND = re.compile(r"^\)?\s*(?:\([^()]*\)\s*)?,?\s*and\s+(?:the\s+)?$")


def _beside_chinese(sentence: Sentence, group: Group, domestic: frozenset[str]) -> bool:
    """Whether a Chinese body is joined to the list by "and" ("The China National Space
    Administration (CNSA) and the NSSA signed"): the two act together."""
    text = sentence.text
    for m in sentence.mentions:
        if m.nested or not (m.key == CHINA or m.key in domestic):
            continue
        start, end = m.start - sentence.start, m.end - sentence.start
        if end <= group.start and _AND.match(text[end : group.start]):
            return True
        if group.end <= start and _AND.match(text[group.end : start]):
            return True
    return False


# "its instruments", "their data": a thing of the mission the text spoke of just before


def owns_named_body(sentence: Sentence, group: Group) -> bool:
    """Whether a possessive names the owner of a body the sentence names right after it
    ("Bahrain's National Space Science Agency"): the body is the party, not the owner."""
    gap = re.match(
        r"(?:'s|\u2019s|'|\u2019)\s+(?:the\s+|own\s+|new\s+)?", sentence.text[group.end :]
    )
    at = sentence.start + group.end + (gap.end() if gap else 0)
    return gap is not None and any(
        m.start == at and m.kind is EntityKind.ORGANISATION and not m.nested
        for m in sentence.mentions
    )
