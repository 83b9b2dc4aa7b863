"""Coordinated lists of partners in a sentence and the role the words around each list
give it: ``with`` a partner, ``China and`` a co-subject, ``for`` a beneficiary, ``in`` a
place, or the role only the parse can tell ("payloads from X", "developed by X"). A
list may hold China among its members ("Brazil, Russia, India, China and South Africa
signed"); a name after ", and" may open a clause of its own instead.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from graph.anaphora_groups import with_anaphora
from graph.bodies_named_again import named_again
from graph.ellipsis import did_the_same
from graph.gazetteer import CHINA, Gazetteer
from graph.grammar import PARTNER_KINDS, Group
from graph.item_values import value_start
from graph.list_items import apposed_item, bare_item
from graph.model import EntityKind
from graph.reading import Sentence
from graph.recognise import Found
from graph.subject_roles import sayers_pronouns
from graph.syntactic_roles import syntactic_role
from graph.token_lookup import token_at

_POSSESSIVE = re.compile(r"(?:'s|'|\u2019s|\u2019)\s")
# where an item's partner may start: the line's start, a bullet, a number, or a field
# label ("Partners: Switzerland, Germany, Poland")
_ITEM_START = re.compile(
    r"(?:[-\u2022\u00b7*]\s*|\(?\d+[.)]\s*)?"
    r"(?:(?:international\s+)?(?:partners?|countries|contributors?|participants?)\s*:\s*)?"
    # a note's "China → Nigeria:", "CN -> Pakistan:": what China did for whom
    r"(?:(?:China|CN|PRC)\s*(?:\u2192|->|=>|\u27f6)\s*)?",
    re.IGNORECASE,
)
# a bulleted line of a list may name its partner after an article or the country whose
# body it is: "- the Italian National Institute ...", "- Egypt's National Authority ..."
_OWNED_ITEM = re.compile(
    r"[-\u2022\u00b7*]\s*(?:the\s+|[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,2}(?:'s|\u2019s)\s+)"
)
# what may stand between an item's partner and its colon or dash: an acronym in brackets,
# the partner's town or country ("Institute of Space Technology, Islamabad — ...")
_ITEM_GLUE = re.compile(
    r"(?:\s*\([^)]*\))?(?:,\s*[A-Z][\w'\u2019-]*(?:\s[A-Z][\w'\u2019-]*){0,2})?"
    r"\s*(?::|\s[-\u2013\u2014]\s)"
)
_SYNTAX_FIRST = frozenset({"from", "by", "between", "owner", "source"})

_PRO_FORMS = frozenset(["one", "ones", "those", "that"])
_STATE = "(?:Republic|Kingdom|State|Sultanate|Emirate|Federation|Principality)"
_LIST_GLUE = re.compile(
    # an item may carry a note in brackets: "Nicaragua (April), Serbia (May) and ..."
    r"^(?:\s*\([^()]{1,40}\))?"
    r"(?:-|\s*,?\s+as\s+well\s+as\s+|\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)"
    r"(?:the\s+)?(?:space\s+agencies\s+of\s+)?"
    # "China and the Republic of Uzbekistan": a state by its formal name
    rf"(?:{_STATE}\s+of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)


# the role a name plays by the words around it (compiled once: each name of each
# sentence is asked about)
_CHINA_AND = re.compile(r"(?:\bchina|\bchinese)\s+and\s+(?:the\s+)?(?:space\s+agencies\s+of\s+)?$")
_AND_CHINA = re.compile(r"\s+and\s+China\b")
_WITH = re.compile(
    r"\bwith\s+(?:the\s+)?(?:(?:other\s+)?countries\s+(?:including|such\s+as)\s+(?:the\s+)?)?$"
)
_HELPED = re.compile(
    r"\b(?:joined|helped|assisted)\s+(?:countries\s+(?:including|such\s+as)\s+)?(?:the\s+)?$"
)
_OWNER = re.compile(r"\s*(?:'s|'|\u2019s|\u2019)(?=\s)")
_FOR = re.compile(r"\bfor\s+(?:the\s+)?(?:countries\s+(?:including|such\s+as)\s+(?:the\s+)?)?$")
_TO = re.compile(r"\bto\s+(?:the\s+)?$")
_PLACE = re.compile(r"\b(?:in|from|throughout|around|across|at|over)\s+(?:the\s+)?$")
_CAPITAL_AFTER = re.compile(r"[ -]+[A-Z]")
_SINO = re.compile(r"(?:china|sino)-$")


def _role(sentence: Sentence, start: int, end: int, first: Found) -> str:
    text = sentence.text
    before = text[max(0, start - 60) : start].lower()
    after = text[end : end + 30]
    if _CHINA_AND.search(before) or _AND_CHINA.match(after):
        return "subject"
    if _WITH.search(before):
        return "with"
    if _HELPED.search(before):
        return "with"
    if _OWNER.match(after):
        return "owner"
    if _FOR.search(before):
        return "for"
    if _TO.search(before):
        return "to"
    if _PLACE.search(before):
        return "place"
    if first.adjectival or _CAPITAL_AFTER.match(after) or _SINO.search(before):
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


_SAYERS = frozenset({"agent", "subject"})
# a list set after a colon that follows the word for a mission's new members
_NEW_MEMBERS = re.compile(
    r"\b(?:partners?|members?|participants?|signatories)\b[^.;:]{0,40}:\s*(?:the\s+)?$"
)
_PHRASE_END = re.compile(r"\s*(?:[;.)]|$)")


def _placed_after(sentence: Sentence, body: Found, country: Found, glue: str) -> bool:
    """ "the University of Lisbon, Portugal;": a country set after a body by a comma and
    ending the phrase says where the body is; it is no second member of a list."""
    return (
        body.kind is EntityKind.ORGANISATION
        and country.kind is EntityKind.COUNTRY
        and _COMMA_AFTER.fullmatch(glue) is not None
        and _PHRASE_END.match(sentence.text, country.end - sentence.start) is not None
    )


_COMMA_AFTER = re.compile(r"\s*(?:\([^()]{1,15}\)\s*)?,\s*")
_IN_PLACE = re.compile(r"\s*,?\s+(?:in|at)\s+(?:the\s+)?$")


def _located(sentence: Sentence, group: Group, groups: list[Group]) -> Group:
    """ "built at Radboud University in the Netherlands", "Aalto University (Finland)",
    "CNES, France;": a country named right after a body, as where the body is, is no
    partner of its own (its role becomes "location")."""
    before = sentence.text[: group.start]
    bracketed = (
        re.search(r"\(\s*$", before) is not None
        and re.match(r"\s*\)", sentence.text[group.end :]) is not None
        and all(gazetteer_kind is EntityKind.COUNTRY for gazetteer_kind in _kinds(sentence, group))
    )
    # "provided by the Centre National d'Etudes Spatiales (CNES), France;": a country
    # set after a body's name by a comma, ending the phrase, is where the body is
    trailing = _PHRASE_END.match(sentence.text, group.end) is not None and all(
        kind is EntityKind.COUNTRY for kind in _kinds(sentence, group)
    )
    if group.role not in ("place", "other") and not bracketed and not trailing:
        return group
    for g in groups:
        if g.end > group.start:
            continue
        if (
            _IN_PLACE.fullmatch(before[g.end :])
            or (bracketed and re.fullmatch(r"\s*\(\s*", before[g.end :]))
            or (trailing and _COMMA_AFTER.fullmatch(before[g.end :]))
        ):
            bodies = [m for m in sentence.mentions if m.end - sentence.start == g.end]
            if bodies and bodies[0].kind is EntityKind.ORGANISATION:
                return replace(group, role="location")
    return group


def _kinds(sentence: Sentence, group: Group) -> list[EntityKind]:
    """The classes of the names a group spans."""
    return [
        m.kind
        for m in sentence.mentions
        if not m.nested and group.start <= m.start - sentence.start < group.end
    ]


def _sayers_pronouns(
    sentence: Sentence, groups: list[Group], china: list[tuple[int, int]]
) -> list[Group]:
    """ "NARIT says it will also work with China": the pronoun stands for the sayer's list,
    in the role its own clause gives it."""
    doc = sentence.parse
    if doc is None:
        return []
    out = []
    for pronoun, sayer in sayers_pronouns(doc):
        said = [g for g in groups if g.start <= sayer.idx < g.end and g.role in _SAYERS]
        if said:
            start, end = pronoun.idx, pronoun.idx + len(pronoun)
            role, governor = syntactic_role(doc, start, end, china)
            out.append(Group(said[0].keys, start, end, role, False, governor))
    return sorted(out, key=lambda g: g.start)


# "the latest Latin American country", "South American partners": a region's adjective,
# not the United States'
_REGION_BEFORE = re.compile(r"\b(?:Latin|South|Central|North)[\s-]+$")


def partner_groups(sentence: Sentence, gazetteer: Gazetteer) -> list[Group]:
    """Coordinated lists of foreign countries and organisations, with their roles."""
    mentions = [
        m
        for m in sentence.mentions
        if m.kind in PARTNER_KINDS
        and (not m.nested or _in_joint_body(sentence, m, gazetteer))
        and not (m.adjectival and _REGION_BEFORE.search(sentence.text, 0, m.start - sentence.start))
    ]
    # a joint body stands for its partner ("China-Brazil ... Laboratory" -> Brazil)
    mentions = [
        m
        for m in mentions
        if not any(o is not m and m.start <= o.start and o.end <= m.end for o in mentions)
    ]
    groups: list[list[Found]] = []
    listed_china = _china_inside_lists(sentence, mentions)
    listed_owner: Found | None = None  # "A, B and Poland's ...": an owner at a list's end
    for m in mentions:
        if groups:
            last = groups[-1][-1]
            glue = sentence.text[last.end - sentence.start : m.start - sentence.start]
            if (
                last is listed_owner
                and len(groups) > 1
                and _POSSESSIVE.fullmatch(glue)
                and not any(o.key == CHINA or o.key in gazetteer.domestic for o in groups[-2])
            ):
                # "... and Poland's National Centre for Nuclear Research": the body the
                # owner's name opens is the list's member, its owner only says whose
                groups[-2].append(m)
                listed_owner = None
                continue
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
                and not _placed_after(sentence, last, m, glue)
            ):
                groups[-1].append(m)
                continue
            if owned and _LIST_GLUE.match(glue) and not last.adjectival and not m.adjectival:
                listed_owner = m
        groups.append([m])
    out = []
    item_end: int | None = None  # where a fact-sheet line's partners end (its colon)
    values_from = value_start(sentence)  # where they start, when they follow the label
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
            elif role == "modifier" and syntax == "subject" and len(members) == 1:
                role = syntax  # "The Argentine government and China signed"
        head = sentence.text[:start]
        if role in ("object", "other", "place") and _NEW_MEMBERS.search(head):
            # "The ILRS gained four new partners in 2030: A, B and C": they joined it
            role, governor = "agent", "join"
        if values_from is not None and start >= values_from:
            role = "item"  # "Dust counter - University of Tartu (Estonia)", "- Peru, Chile"
        elif (
            _ITEM_START.fullmatch(head)
            or (sentence.lead_in is not None and _OWNED_ITEM.fullmatch(head))
        ) and (
            _ITEM_GLUE.match(sentence.text[end:])
            or head.rstrip().endswith(":")
            or (apposed_item(sentence, end) and not item_end)
        ):
            role = "item"  # a fact-sheet line: "Sweden: neutral atom analyser"
            item_end = _item_label_end(sentence.text, end)
        elif item_end is None and _ITEM_START.fullmatch(head):
            item_end = _item_label_end(sentence.text, end)
            role = "item" if item_end is not None else role
        elif item_end is not None and end <= item_end:
            role = "item"  # "Egyptian Space Agency, with Bahrain's NSSA: a camera"
        if role in ("other", "object") and sentence.lead_in is not None and bare_item(sentence):
            role = "item"  # "- Kenya (2026)" under "ILRS partners", a line of names
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
            if named.role in ("other", "place", "object"):  # the parser left the name no role
                # the phrase from the demonym on is the partner's ("Indonesian operator
                # Indosat"), where the parse hangs it on its preposition
                out[i] = replace(named, start=first.start, role=first.role, governor=first.governor)
            del out[i - 1]
    # "instruments from A and B, as well as one from C": the pro-form stands for the noun
    # of the list before it
    for i, g in enumerate(out):
        if g.governor in _PRO_FORMS and i and out[i - 1].role == g.role:
            out[i] = replace(g, governor=out[i - 1].governor)
    # "X remains a partner of the ILRS, and so do A, B and C"; "X joined the ILRS, and A
    # and B followed": those who did the same do it in the first one's role
    for i, g in enumerate(out):
        if i and g.role in ("object", "other", "agent", "subject") and did_the_same(sentence, g):
            lead = next((o for o in out[:i] if o.role in ("agent", "subject")), None)
            if lead is not None:
                out[i] = replace(g, role=lead.role, governor=lead.governor)
    subjects = {k for g in out if g.role == "subject" for k in g.keys}
    # "Dutch" or "China-U.S." repeating the co-subject adds no partner of its own
    out = [g for g in out if not (g.role == "modifier" and set(g.keys) <= subjects)]
    out = sorted(out + _sayers_pronouns(sentence, out, china), key=lambda g: g.start)
    out = [_located(sentence, g, out) for g in out]
    out = [named_again(sentence, g, gazetteer) for g in out]  # "the Ecuadorian agency"
    return with_anaphora(sentence, out, gazetteer)
