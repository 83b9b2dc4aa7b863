"""Bodies a document names only by their capitals: an acronym glossed by what it is
("CNES (French space agency)"), one that acts ("CNES supplied ..."), and the initials of
a body the document names elsewhere or of its publisher ("the NSSA", "GISTDA"). The
acronym spelt out in brackets is read with the other name forms in
``graph.name_candidates``."""

from __future__ import annotations

import re

from graph.demonyms import capitals, demonyms
from graph.model import Document
from graph.name_forms import ORG, Candidate, head_kind, initials_fit, leading_initial
from graph.name_words import BODY_HEADS, MONTH_NAMES, NOT_NAMES, SENTENCE_OPENERS
from graph.normalise import CleanText

_BARE_ACRONYM = re.compile(r"(?<![\w-])[A-Z]{3,8}(?![\w-])")


def initials(document: Document, clean: CleanText, found: list[Candidate]) -> list[Candidate]:
    """A text calls a body by its initials without spelling them out ("the NSSA" after
    "Bahrain's National Space Science Agency", "GISTDA" in GISTDA's own report): a bare
    acronym that fits the initials of exactly one body the document names, or of its
    publisher, is that body's."""
    named = [c.label for c in found if c.kind is ORG and not c.alias and " " in c.label]
    if head_kind(document.meta.publisher) is ORG:
        named.insert(0, document.meta.publisher)
    # one body however it is cased ("GEO-INFORMATICS ... AGENCY" in a letterhead)
    forms: dict[str, str] = {}
    for label in named:
        if forms.get(label.lower(), label).isupper() or label.lower() not in forms:
            forms[label.lower()] = label
    # by their first capital: a long document names thousands of bodies and uses hundreds
    # of acronyms, and trying each on all would grow with the square of its length
    bodies: dict[str, list[str]] = {}
    for body in set(forms.values()):
        bodies.setdefault(leading_initial(body), []).append(body)
    spelt = {c.alias for c in found if c.alias}
    out = []
    fitting: dict[str, list[str]] = {}  # each acronym tried on the bodies once
    for m in _BARE_ACRONYM.finditer(clean.text):
        acronym = m.group(0)
        if acronym in spelt or acronym in SENTENCE_OPENERS:
            continue
        if acronym not in fitting:
            fitting[acronym] = [b for b in bodies.get(acronym[0], ()) if initials_fit(b, acronym)]
        fits = fitting[acronym]
        if len(fits) == 1:
            out.append(Candidate(fits[0], ORG, document.id, m.start(), m.end(), alias=acronym))
            spelt.add(acronym)
    return out


# "France: CNES supplied the ECLAIRs telescope": capitals that sign, supply or build are
# a body's, never an instrument's
_ACTING = re.compile(
    r"(?<![\w-])([A-Z]{3,8})\s+(?:has\s+|have\s+|had\s+|will\s+|also\s+)?"
    r"(?:supplied|supplies|provided|provides|built|builds|developed|delivered|designed|"
    r"signed|contributed|joined|funded|manufactured|operates|operated|leads|led|trained|"
    r"works|worked|cooperates|cooperated|collaborates|collaborated|partnered)\b"
)


# "the Thai space agency GISTDA", "the Peruvian agency CONIDA": capitals a body's common
# noun names
_CALLED = re.compile(
    r"\b(?:agency|company|firm|operator|institute|university|observatory|regulator)\s+"
    r"([A-Z]{3,8})(?![\w-])"
)


# What every match of a pattern here holds, looked for first: most paragraphs hold none,
# and the patterns open with a look-behind or a word boundary, which the engine tries at
# every character (10,806 paragraphs at 10 MB), where it finds these by their first
# character (or the paragraph by ``in``)
_THREE_CAPITALS = re.compile(r"[A-Z]{3}")  # _ACTING's and _CALLED's acronym
_COMMA_THE = re.compile(r",\s+the\s")  # _APPOSED's
_COMMA_ARTICLE = re.compile(r",\s+(?:the|a|an|its)\s")  # _DESCRIBED_ACTOR's


def acting_acronyms(doc_id: str, chunk: str, offset: int) -> list[Candidate]:
    """Capitals that act as a body (``_ACTING``) or that a body's noun names (``_CALLED``)."""
    if not _THREE_CAPITALS.search(chunk):
        return []
    return [
        Candidate(m.group(1), ORG, doc_id, offset + m.start(1), offset + m.end(1))
        for m in [*_ACTING.finditer(chunk), *_CALLED.finditer(chunk)]
        if m.group(1) not in SENTENCE_OPENERS
    ]


# "CNES (French space agency)": an acronym glossed by what it is
_GLOSSED = re.compile(
    r"(?<![\w-])([A-Z]{3,8})\s+\((?:the\s+)?(?:[\w'\u2019-]+\s+){0,4}?"
    rf"({'|'.join(BODY_HEADS)})\)",
    re.IGNORECASE,
)


def glossed_acronyms(doc_id: str, chunk: str, offset: int) -> list[Candidate]:
    """Acronyms glossed by what they are ("CNES (French space agency)"), spelt out in a
    key of abbreviations (``defined_acronyms``), or the short name of a body that acts
    (``bracketed_actors``)."""
    return (
        [
            Candidate(m.group(1), ORG, doc_id, offset + m.start(1), offset + m.end(1))
            for m in (_GLOSSED.finditer(chunk) if "(" in chunk else ())
            if m.group(1).isupper() and m.group(1) not in SENTENCE_OPENERS
        ]
        + defined_acronyms(doc_id, chunk, offset)
        + bracketed_actors(doc_id, chunk, offset)
        + apposed_acronyms(doc_id, chunk, offset)
    )


# "SVOM, the Space Variable Objects Monitor, ...": an acronym spelt out in apposition
_APPOSED = re.compile(
    r"(?<![\w-])(?P<acronym>[A-Z][A-Z0-9]{2,11}),\s+the\s+"
    r"(?P<name>[A-Z][\w'\u2019-]*(?:\s+(?:(?:of|for|and|on|the)\s+)*[A-Z][\w'\u2019-]*){1,9})"
    r"(?=\s*[,.;:)])"
)


def apposed_acronyms(doc_id: str, chunk: str, offset: int) -> list[Candidate]:
    """An acronym spelt out after it, between commas ("SVOM, the Space Variable Objects
    Monitor, was ..."): the name, with the acronym as its other name, as if the acronym
    stood in brackets after it."""
    return [
        Candidate(
            m.group("name"),
            head_kind(m.group("name")),
            doc_id,
            offset + m.start("name"),
            offset + m.end("name"),
            m.group("acronym"),
        )
        for m in (_APPOSED.finditer(chunk) if _COMMA_THE.search(chunk) else ())
        if initials_fit(m.group("name"), m.group("acronym"))
        and not any(w.lower() in NOT_NAMES for w in m.group("name").split())
    ]


# A one-word name acting beside another body or signing with China's: "CNSA and
# Roscosmos signed", "Satellogic has worked with CGWIC", "signed a contract with Rosatom".
# The word is a body's: a name that acts as a party is an organisation (not a place).
_ONE_WORD = r"[A-Z][a-z]{3,}(?:[A-Z][A-Za-z]*)?"
_ACTS = (
    r"(?:has\s+|have\s+|had\s+|will\s+|jointly\s+|also\s+|then\s+)?"
    # "began to cooperate", "agreed to work"
    r"(?:(?:began|begun|started|continued|agreed|plans|planned)\s+to\s+)?"
    r"(?:signed|agreed|sign|co-signed|cooperated|collaborated|partnered|worked|initialled|"
    r"cooperate|collaborate|work|partner)\b"
)
_AND = r"(?:and|&|\+)"  # "CNSA + Roscosmos signed", a note's shorthand
_BODY = r"[A-Z][\w-]*(?:\s+(?:(?:of|for|and|the)\s+)*[A-Z][\w-]*)*(?:\s+\([A-Z]{2,8}\))?"
_ACTING_NAME = re.compile(
    rf"(?:\b[A-Z][\w-]*\s+{_AND}\s+(?P<after>{_ONE_WORD})\s+{_ACTS}"
    rf"|(?<![\w'-])(?P<before>{_ONE_WORD})\s+{_AND}\s+(?:the\s+)?{_BODY}\s+{_ACTS}"
    # "Sri Lanka's SupremeSAT began to cooperate with ...": a country's body that acts
    rf"|(?:'s|\u2019s)\s+(?P<owned>{_ONE_WORD})\s+{_ACTS}\s+with\b"
    # "the Argentine company Satellogic", "the Luxembourg operator SES": a one-word name
    # its common noun calls a body
    rf"|\b(?:company|firm|operator|start-?up|manufacturer|maker|agency)\s+(?P<called>{_ONE_WORD})"
    r"(?![\w-])"
    # "Russia's Roscosmos, which ...", "Russia's Roscosmos will supply": a country's one
    # word body that acts or is described
    rf"|\b[A-Z][a-z]+(?:'s|\u2019s)\s+(?P<national>{_ONE_WORD})"
    r"(?=,\s+(?:which|the|a|an|its)\b|\s+(?:will|has|have|had|is|was|signed|supplied|"
    r"provided|supplies|provides|joined|agreed|contributed|contributes|announced|said)\b)"
    rf"|\b(?:signed|concluded|co-signed|initialled|cooperated|collaborated|partnered|worked)\b"
    rf"[^.;:]{{0,90}}?\bwith\s+(?:[A-Z][\w-]*(?:'s|\u2019s)\s+)?(?P<with>{_ONE_WORD})"
    r"(?=\s*[,.;)]|\s+(?:on|in|to|for|at|under|since)\b)"
    # "signed by CGWIC and Kazcosmos", "between CNSA and Roscosmos": a signer beside a body
    rf"|\b(?:signed|concluded|initialled)\s+(?:by|between)\s+(?:the\s+)?{_BODY}\s+and\s+"
    rf"(?P<signer>{_ONE_WORD})(?=\s*[,.;)]|\s+(?:on|in|at|for)\b)"
    # "launched both for Satellogic on a Long March 2D", "built for Motorola": the customer
    # a craft was launched or built for
    rf"|\b(?:launched|launch|launches|built|orbited)\b[^.;:]{{0,60}}?\bfor\s+"
    rf"(?:[A-Z][\w-]*(?:'s|\u2019s)\s+)?(?P<customer>{_ONE_WORD})"
    r"(?=\s*[,.;)]|\s+(?:on|in|at|from|aboard|as)\b))"
)


# a word every match of ``_ACTING_NAME`` holds (a verb of ``_ACTS``, a body's noun, a
# possessive, a verb of signing or launching): three paragraphs in four hold none
_ACTING_WORDS = (
    "sign", "agreed", "cooperate", "collaborate", "partner", "work", "initialled",
    "company", "firm", "operator", "start", "manufacturer", "maker", "agency",
    "'s", "\u2019s", "concluded", "launch", "built", "orbited",
)  # fmt: skip


def acting_names(doc_id: str, chunk: str, offset: int) -> list[Candidate]:
    """One-word bodies that sign or work with another (``_ACTING_NAME``)."""
    out: list[Candidate] = []
    if not any(word in chunk for word in _ACTING_WORDS):
        return out
    for m in _ACTING_NAME.finditer(chunk):
        group = next(
            g
            for g in (
                "after",
                "before",
                "owned",
                "national",
                "called",
                "with",
                "signer",
                "customer",
            )
            if m.group(g)
        )
        word = m.group(group)
        if word in SENTENCE_OPENERS or word in NOT_NAMES or word in MONTH_NAMES:
            continue
        if word in capitals() or word in demonyms().values() or word in _PEOPLES:
            continue
        if head_kind(word) is not None or word.lower() in BODY_HEADS:
            continue  # "The University and the NSSC signed": a class noun, said again
        # "Sri Lanka's SupremeSAT began ...", "with Brazil's Telebras": a country's body
        if group == "national" and re.search(r"sat$", word, re.IGNORECASE):
            continue  # "Egypt's NileSat": a satellite's name
        owned = group in ("owned", "national", "called") or (
            group == "with" and re.search(r"(?:'s|\u2019s)\s+$", chunk[: m.start(group)])
        )
        if not owned and _INSIDE_A_NAME.search(chunk, 0, m.start(group)):
            continue  # "Pakistan's Space and Upper Atmosphere Research Commission"
        start = offset + m.start(group)
        out.append(Candidate(word, ORG, doc_id, start, start + len(word)))
    return out


# what before a word makes it part of a longer name: a capitalised word, a possessive,
# or a head and its "of" ("the University of Zimbabwe and Beihang University signed")
_INSIDE_A_NAME = re.compile(
    r"(?:\b[A-Z][\w-]*,?|['\u2019]s|\b[A-Z][\w-]*\s+(?:of|for)(?:\s+the)?)\s+$"
)
_PEOPLES = frozenset({"Europe", "Africa", "Asia", "America", "Beijing", "China", "Chinese"})


# "AMSA = Mauritanian Space Agency; GSOC = ...", "ABE: Bolivian Space Agency": a key of
# abbreviations (a table's note, a glossary) spells each out after "=" or a colon
_DEFINED = re.compile(
    r"(?<![\w-])([A-Z][A-Za-z]{0,8}[A-Z])\s*(?:=|:)\s*(?:the\s+)?"
    r"([A-Z][\w'\u2019&.-]*(?:\s+(?:(?:of|for|and|the|de|du|des|la)\s+)*[A-Z][\w'\u2019&.-]*)*)"
    r"(?=\s*(?:\([^)]*\)\s*)?(?:[;,.]|$))",
    re.MULTILINE,
)


def defined_acronyms(doc_id: str, chunk: str, offset: int) -> list[Candidate]:
    """Bodies a key of abbreviations spells out ("AMSA = Mauritanian Space Agency"),
    with the abbreviation as their other name."""
    out: list[Candidate] = []
    if "=" not in chunk and ":" not in chunk:
        return out
    for m in _DEFINED.finditer(chunk):
        acronym, name = m.group(1), m.group(2).rstrip(".")
        if acronym in SENTENCE_OPENERS or head_kind(name) is not ORG or " " not in name:
            continue
        start = offset + m.start(2)
        out.append(Candidate(name, ORG, doc_id, start, start + len(name), acronym))
    return out


# "Shanghai Spacecom Satellite Technology (SpaceSail), the company deploying ..., signed":
# a company's name has no head word to tell it, but with its short name in brackets and
# a verb of signing or working it is a body
_NAMED_ACTOR = re.compile(
    r"(?<![\w'-])(?P<run>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){1,5})\s+\((?P<short>[A-Z][\w-]{2,})\)"
    rf"(?:,\s+(?:the|a|an)\s+[^,;.]{{0,90}},)?\s+{_ACTS}"
)


# "Chang Guang Satellite Technology, the maker of the Jilin-1 constellation, signed": a
# name described as a company, maker or operator that signs or works is a body
_DESCRIBED_ACTOR = re.compile(
    r"(?<![\w'-])(?P<run>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){1,5}),\s+(?:the|a|an|its)\s+"
    r"(?:[^,;.]{0,40}?\s)?(?:maker|manufacturer|company|firm|operator|developer|provider|"
    r"subsidiary|start-?up|supplier|builder|producer|contractor|owner|group|corporation)s?\b"
    rf"[^,;.]{{0,90}},\s+{_ACTS}"
)


def bracketed_actors(doc_id: str, chunk: str, offset: int) -> list[Candidate]:
    """Bodies named with a short name in brackets (``_NAMED_ACTOR``), or described as a
    company (``_DESCRIBED_ACTOR``), that sign or work."""
    named = _NAMED_ACTOR.finditer(chunk) if "(" in chunk else ()
    described = _DESCRIBED_ACTOR.finditer(chunk) if _COMMA_ARTICLE.search(chunk) else ()
    out = []
    for m in [*named, *described]:
        run = m.group("run")
        if run.split()[0] in SENTENCE_OPENERS:
            run = run.split(" ", 1)[1]
        if head_kind(run) is not None or re.search(
            r"[A-Z][\w-]*,?\s+(?:and|of|for|de|the|&)\s+$", chunk[: m.start("run")]
        ):
            continue  # a headed name is read with its brackets elsewhere; a name's tail
        start = offset + m.end("run") - len(run)
        short = m.groupdict().get("short")
        out.append(Candidate(run, ORG, doc_id, start, start + len(run), short))
    return out
