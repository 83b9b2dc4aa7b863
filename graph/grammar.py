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
from dataclasses import dataclass

from graph.gazetteer import CHINA
from graph.model import EntityKind, Status
from graph.reading import Sentence
from graph.tense import future_clause, past_relative
from graph.word_gate import WordGated

# roles only the parse can tell: "payloads from X", "developed by X", "between X and Y",
# "X contributed ..."
# ", and China has exchanged ...": a coordinated clause with a subject of its own
_TIME = r"(?:on|in)\s+(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?(?:\d{1,2},?\s+)?(?:19|20)\d\d,?\s+"
_OWN_SUBJECT = (
    r",\s*(?:and|but|so)\s+"
    # a time of its own may open it (", and on 14 April 2031 it signed ..."; a pronoun
    # without one goes on with the clause before: ", and it will also work with ...")
    rf"(?=(?:{_TIME}(?:it|they|he|she|we)\s+"
    rf"|(?:{_TIME})?(?:the\s+)?(?:[A-Z][\w'-]*\s+){{1,6}}"
    r"|(?:the|that|this|these|those|its|their)\s+(?:[a-z]+\s+){1,2})"
    r"(?:has|have|had|will|would|built|made|sent|launched|signed|developed|provided)\s)"
)
_CLAUSE_BREAK = re.compile(
    r";\s*|,\s*(?:but|while|whereas|although|though)\s+(?=[A-Z])"
    rf"|{_OWN_SUBJECT}"
    # ", and memorandums of understanding on lunar cooperation were concluded with ..."
    r"|,\s*(?:and|but)\s+(?=(?:[a-z][\w-]*\s+){1,7}(?:was|were)\s+[a-z]+(?:ed|en)\b)"
    # ", and in 2024 signed a joint statement": a verb of the same subject after its time
    r"|,\s*(?:and|but)\s+(?=(?:in|on|last|later|then|this|that)\s+[\w ]{1,20}?\s+"
    r"(?:signed|joined|launched|built|agreed|concluded|became)\b)"
    r"|,\s*(?:and\s+|but\s+)?(?=(?:with|stating|promoting|providing|inviting|maintaining|"
    r"expanding|adding|completing|conducting|establishing|thereby|boosting|improve|conduct|"
    r"has|have|had|is|are|was|were|will|would|built|made|set|held|led|took|sent|"
    r"(?!(?:un)?manned\b|advanced\b|related\b|integrated\b|shared\b|combined\b|based\b|"
    r"detailed\b|selected\b|specialized\b|dedicated\b)[a-z]+ed)\b)"
)
_PLANNED = re.compile(
    r"\b(?:will|would|shall|plans?\s+to|intends?\s+to|aims?\s+to|determination\s+to|"
    r"hop(?:e|es|ed|ing)\s+to|seeks?\s+to|expects?\s+to|wants?\s+to|"
    # readiness and consideration are not the thing done: "is ready to consider carrying"
    r"(?:is|are|stands?|remains?)\s+(?:(?:also|still|always|fully)\s+)?"
    r"(?:ready|willing|prepared|keen|eager)\s+to|looks?\s+forward\s+to|(?:will\s+)?consider(?:s|ing)?\s+[a-z]+ing\b|"
    # an offer or a proposal is not yet the thing done
    r"(?<!were\s)(?<!was\s)(?<!been\s)(?<!are\s)(?<!is\s)(?:offer|propose)(?:s|d|ed)?\s+to\s+"
    r"(?=[a-z])|"
    # what the sides agreed or pledged to do is still to be done
    r"(?:agreed|agrees|decided|decides|pledged|pledges|undertook|undertakes)\s+to\s+(?!date\b)|"
    r"to\s+(?:further\s+|jointly\s+|continue\s+to\s+)?strengthen|in\s+the\s+next\s+five\s+years|"
    r"(?:is|are)\s+(?:(?:then|now|also|still|currently)\s+)?"
    r"(?:due\s+|expected\s+|scheduled\s+|set\s+|planned\s+)?to\s+(?!date\b)\w+)\b",
    re.IGNORECASE,
)
_ANAPHORA = re.compile(
    r"\b(?:the\s+two\s+(?:countries|sides|nations|parties|governments|agencies|"
    r"organi[sz]ations|institutions|institutes|bodies|companies|universities|centres|centers|"
    r"offices|ministries|academies|administrations|commissions|laboratories|observatories|"
    r"firms|operators)|"
    r"both\s+(?:sides|countries|parties)|the\s+Parties|they|"
    # a sentence that opens with the people or bodies of the partner just named: "Its
    # universities have worked with ...", "Their engineers will ..."
    r"^(?:its|their)(?:\s+[a-z-]+)?\s+(?:universities|engineers|scientists|researchers|"
    r"astronomers|experts|students|specialists|technicians|institutes|(?:space\s+)?agency))\b",
    re.IGNORECASE,
)
# what every match holds ("its" and "their" open the text: inside words they are common)
ANAPHORA = WordGated(_ANAPHORA, ("two", "both", "parties", "they"), openings=("its", "their"))
_VERB = re.compile(
    r"\b(?:cooperat\w*|work(?:ed|ing|s)?|conduct\w*|carried\s+out|promot\w*|built|signed|"
    r"launched|developed|provided|establish\w*|joined|exchang\w*)\b",
    re.IGNORECASE,
)
COOPERATION_CUE = re.compile(
    r"\b(?:cooperat\w*|collaborat\w*|joint(?:ly)?|together|co-\w+|exchang\w*|"
    r"partnership|(?:links|ties)(?=\s+with\b)|"
    r"work(?:ed|ing|s)?"
    r"\s+(?:[a-z]+ly\s+)?(?:with|together|to)|dialogue|research|experiments|coordinat\w*|joined|"
    r"support(?:s|ed|ing)?|"
    # "China's assistance in building X", "thanked China for its help in launching X"
    r"(?:assistance|help)(?=\s+(?:in|with)\s+[a-z]+ing\b)|"
    # data given to a partner: "has shared Fengyun meteorological data with Cuba"
    r"shar(?:e|es|ed|ing)(?=\s+(?:[\w'-]+\s+){0,4}?(?:data|imagery|images)\b)|"
    # training given together: "organised training ... with X", "a course with Y"
    r"(?:training|courses?|workshops?|summer\s+schools?|seminars?)(?=[^.;]{0,80}\bwith\b))\b",
    re.IGNORECASE,
)
PARTNER_KINDS = (EntityKind.COUNTRY, EntityKind.ORGANISATION)


@dataclass(frozen=True)
class Group:
    """A coordinated list of partners and the role the words before it give them."""

    keys: tuple[str, ...]
    start: int  # sentence-local offsets
    end: int
    role: str  # with|subject|anaphora|for|from|by|agent|between|owner|modifier|to|place|...
    adjectival: bool = False
    governor: str = ""  # lemma of the word the list depends on ("payload", "develop")


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
    # (with the words just after: "the two sides agreed| to expand ...")
    if _PLANNED.search(sentence.text[: pos + 4]):
        return Status.PLANNED
    if sentence.parse is not None and future_clause(sentence.parse, pos):
        return Status.PLANNED
    return Status.ACHIEVED


_TWO_SIDES = re.compile(r"\b(?:[Tt]he\s+two|[Bb]oth)\s+sides\b")
_PARTIES = re.compile(r"\b(?:[Tt]he|[Bb]oth|[Tt]wo)\s+Parties\b")


def anaphora(sentence: Sentence) -> tuple[str, ...]:
    """Partners that "the two countries"/"they" refer to: the bilateral partner the
    previous sentence of the paragraph was about; in an agreement's own text, "the
    Parties" are the foreign parties its title names."""
    if not ANAPHORA.search(sentence.text):
        return ()
    two_sides = _TWO_SIDES.search(sentence.text) is not None
    if two_sides and sentence.agreement_parties[0]:
        # "the two sides" of a joint statement are the states it is between, whatever
        # body the paragraph before named ("a memorandum between CNSA and the EgSA")
        return sentence.agreement_parties[0]
    before = sentence.previous.notes.get("bilateral", ()) if sentence.previous else ()
    if not before and _PARTIES.search(sentence.text):
        # "the Parties" of an agreement's own text
        return sentence.agreement_parties[0]
    if two_sides:
        if sentence.opens_paragraph and (told := _two_sides_before(sentence)):
            # a new paragraph's "the two sides" are those the document called so before,
            # not the body the last paragraph ended on
            before = told
        elif not before and sentence.section_sides:
            # "I. China-Pakistan space cooperation" over "the two sides have worked ..."
            before = (sentence.section_sides,)
        sentence.notes["two_sides"] = tuple(before)
    return tuple(before)  # type: ignore[arg-type]


def _two_sides_before(sentence: Sentence) -> tuple[str, ...]:
    """Whom an earlier "the two sides" of the document stood for."""
    earlier = sentence.previous
    while earlier is not None:
        told = earlier.notes.get("two_sides")
        if told:
            return told  # type: ignore[return-value]
        earlier = earlier.previous
    return ()


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
        and not beside_chinese(sentence, g, domestic)
        for g in groups
    )


# (an acronym in brackets may end the name before it: "... Agency (GISTDA) and the ...")
# (and the owner of the body after it: "CMSA and Pakistan's SUPARCO signed")
_AND = re.compile(
    r"^\)?\s*(?:\([^()]*\)\s*)?,?\s*and\s+(?:the\s+)?"
    r"(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}(?:'s|\u2019s|'|\u2019)\s+)?$"
)


def beside_chinese(sentence: Sentence, group: Group, domestic: frozenset[str]) -> bool:
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


# between an owner and its body's name: the possessive, and what the body is in common
# words ("Russia's space agency Roscosmos", "Indonesia's state operator Telkomsat")
_OWNED_GAP = re.compile(
    r"(?:'s|\u2019s|'|\u2019)\s+(?:the\s+|own\s+|new\s+)?"
    r"(?:(?:[a-z][\w-]*\s+){0,3}(?:agency|company|operator|institute|university|regulator|"
    r"firm|observatory|administration|commission|corporation|organi[sz]ation)\s+)?"
)


def owns_named_body(sentence: Sentence, group: Group) -> bool:
    """Whether a possessive names the owner of a body the sentence names right after it
    ("Bahrain's National Space Science Agency", "Russia's space agency Roscosmos"): the
    body is the party, not the owner."""
    gap = _OWNED_GAP.match(sentence.text[group.end :])
    at = sentence.start + group.end + (gap.end() if gap else 0)
    return gap is not None and any(
        m.start == at and m.kind is EntityKind.ORGANISATION and not m.nested
        for m in sentence.mentions
    )


EARLIER_CLAUSE = "clause before"  # the governor of "the two agencies" of a clause before


def earlier_subjects(
    sentence: Sentence, groups: list[Group], said: re.Match[str], domestic: frozenset[str]
) -> tuple[str, ...]:
    """The foreign subject of an earlier clause that "the two agencies" (after ", and")
    stands for, when no subject follows those words."""
    before = sentence.text[: said.start()]
    if not said.group(0).startswith("the two") or not re.search(r",\s+and\s+$", before):
        return ()
    if any(g.role == "subject" and g.start >= said.start() for g in groups):
        return ()
    keys = {
        k
        for g in groups
        if g.role == "subject" and g.end <= said.start()
        for k in g.keys
        if k not in domestic
    }
    return tuple(keys) if len(keys) == 1 else ()
