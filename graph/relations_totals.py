"""The documents' numeric cooperation totals: "136 space cooperation documents with 43
countries or regions and 6 international organizations".

A number (digits or a number word) followed by at most four lower-case words and a
counted noun of cooperation (agreements, documents, countries, organisations,
mechanisms, launches, services, projects, entities) is a total, unless
it is part of a name ("Group 20 mechanisms") or "the two countries". Years, ordinals
and domestic counts ("207 launch missions") do not match.
"""

from __future__ import annotations

import re

from graph.demonyms import demonyms
from graph.grammar import status_at
from graph.model import CooperationTotal, Status, slugify
from graph.reading import Sentence
from graph.word_gate import WordGated

_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_UNITS = "|".join(list(_WORDS)[:9])
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ANY_WORD = "|".join(sorted(_WORDS, key=len, reverse=True))
# "one hundred and fifty", "a hundred": a number as a script for reading aloud writes it
_HUNDREDS = rf"(?:a|{_UNITS})\s+hundred(?:\s+(?:and\s+)?(?:(?:{_TENS})-(?:{_UNITS})|{_ANY_WORD}))?"
NUMBER = rf"(?P<n>\d{{1,3}}(?:,\d{{3}})*|\d+|{_HUNDREDS}|(?:{_TENS})-(?:{_UNITS})|{_ANY_WORD})"
_PEOPLE = (
    r"professionals|engineers|technicians|fellows|scientists|students|experts|astronauts|"
    r"participants|trainees|graduates"
)
_CRAFT = r"satellites|spacecraft"
COUNTED = (
    r"agreements?|memoranda|documents|countries|regions|organi[sz]ations|agencies|states|"
    r"mechanisms|launches|services|projects|entities|institutions|payloads|signatories|"
    r"deliveries|contracts|(?<=cooperation\s)instruments|(?<=legal\s)instruments|"
    # partners and nations are counted like countries; international launch missions are
    # launches (a country's own, "207 launch missions", are not)
    r"partners|nations|governments|parties|(?<=international\slaunch\s)missions|(?<=commercial\slaunch\s)missions|"
    r"experiments|" + _PEOPLE + "|" + _CRAFT
)
# a word between a number and what it counts: never a preposition, nor another number
# ("2008 China has launched five satellites" counts five, not 2008)
# ("in-orbit", "on-orbit": a compound adjective that opens with a preposition is a modifier)
_MODIFIER = rf"(?!(?:for|to|with|from|in|of|by|on|at|and|or|{_ANY_WORD})\b(?!-))[a-z][\w'\u2019-]*"
# two modifiers joined by "and" or "or" describe one set ("11 Latin American and Caribbean
# countries", "nine public and private institutions"): the first is a proper adjective or
# has an adjective's ending, so "five years and ..." is not read as one
_JOINED_MODIFIER = (
    r"(?:(?-i:[A-Z][a-z]+)|[a-z]+(?:al|an|ic|ed|ese|ish|ive|ary|ern))"
    r"\s+(?:and|or)\s+"
)
# what follows "and" when it begins another clause, not another counted noun: "with 23
# countries and has launched satellites for ..." counts the countries, not the satellites
_NEXT_CLAUSE = (
    r"(?:has|have|had|is|are|was|were|will|would|also|then|can|could|may|did|does|do|"
    r"now|since|later|still)\b"
)
_TOTALS = re.compile(
    rf"(?<![\w.,-]){NUMBER}\s+(?P<what>(?:{_JOINED_MODIFIER}|{_MODIFIER}\s+){{0,4}}?"
    rf"(?:{COUNTED})\b"
    # ("... countries and regions", but "50 countries and four organisations" are two)
    r"(?:\s+(?:or|and)\s+(?!"
    + _NEXT_CLAUSE
    + r")(?:(?!(?:"
    + _ANY_WORD
    + r")\b)[a-z][\w-]*\s+){0,2}?(?:"
    + COUNTED
    + r")\b)?)",
    re.IGNORECASE,
)
# tried only on a sentence holding both a number (digits or a number word) and a counted
# word, as every match does (most sentences hold no number)
_TOTAL = WordGated(WordGated(_TOTALS, (COUNTED,)), (r"\d", _ANY_WORD, "hundred"))
_AS_OF = re.compile(r"\b(?:up\s+to\s+now|so\s+far|to\s+date|at\s+present)\b", re.IGNORECASE)
_THROUGHOUT = re.compile(r"\bthroughout\s+((?:19|20)\d{2})\b")


def number_value(token: str) -> int:
    """ "1,245" -> 1245, "Forty-one" -> 41, "one hundred and fifty" -> 150."""
    words = token.lower().replace("-", " ").split()
    if all(w in _WORDS or w in ("a", "and", "hundred") for w in words):
        value = 0
        for w in words:
            value = max(value, 1) * 100 if w == "hundred" else value + _WORDS.get(w, 0)
        return value
    return int(token.replace(",", ""))


# a key-figure line: "International payloads flown to date: 8", "Countries served .... 24",
# "Projects selected in the first call (2019): more than 9", "Launches (cumulative) 58"
_LABEL_TAIL = r"(?:[^:.\d\n]|\b(?:19|20)\d\d\b|(?<=[A-Za-z]-)\d+|(?<=[A-Z])\d+)"
_ABOUT = r"(?:(?:more\s+than|over|about|nearly|almost|at\s+least)\s+)?"
_FIGURE = re.compile(
    rf"(?:^|(?<=\s))(?P<what>(?:[A-Za-z][\w'\u2019-]*\s+){{0,8}}?(?:{COUNTED})\b"
    rf"{_LABEL_TAIL}{{0,60}}?)"
    rf"(?::\s*{_ABOUT}|\s*\.{{2,}}\s*|\s+(?=\S+\s*$))(?P<n>\d{{1,3}}(?:,\d{{3}})*|\d+)\b",
    re.IGNORECASE,
)
# what every key-figure line holds (a colon, dots or a number last, and a counted word):
# the full pattern is slow, and most sentences lack these
_HAS_FIGURE_END = re.compile(r":|\.{2}|\s\d\S*\s*$")
_HAS_COUNTED = re.compile(COUNTED, re.IGNORECASE)


# the number first: "17 - countries that have joined the ILRS", "42: partner agencies"
_FIGURE_FIRST = re.compile(
    rf"^{_ABOUT}(?P<n>\d{{1,3}}(?:,\d{{3}})*)\+?\s*(?:[-\u2013\u2014:|]|\s\-)\s*"
    rf"(?P<what>(?:[A-Za-z][\w'\u2019-]*\s+){{0,3}}?(?:{COUNTED})\b[^\n]{{0,80}}?)\s*[.;]?$",
    re.IGNORECASE,
)


def _key_figures(text: str) -> list[re.Match[str]]:
    """The key-figure lines' matches in ``text``: none without what every one holds. The
    cheap tests go first: most sentences end on no figure and open with none, and the
    counted words' pattern costs about twenty times the figure's end."""
    first = _FIGURE_FIRST.match(text)
    if first is None and _HAS_FIGURE_END.search(text) is None:
        return []
    if _HAS_COUNTED.search(text) is None:
        return []
    return [first] if first is not None else list(_FIGURE.finditer(text))


def figures(sentence: Sentence) -> list[CooperationTotal]:
    """The totals of key-figure lines: a label naming what is counted, then the number;
    a table's cell rules are no part of them ("| Foreign partner institutions | 7 |")."""
    whole = sentence.text.replace("|", " ")
    text = _LEAD.sub("", whole)
    offset = len(whole) - len(text)
    out = []
    for m in _key_figures(text):
        counted = " ".join(m.group("what").split())
        if re.fullmatch(r"(?:19|20)\d\d|0", m.group("n")):
            continue  # a year or a nought is no total
        if _REFERENCE.search(text, 0, m.start("n")):
            continue  # "Documents signed for the projects in Table 1": a pointer, no figure
        first = _HAS_COUNTED.search(counted)
        craft = first and re.fullmatch(_CRAFT, first.group(0), re.I)
        if craft and not (_FOREIGN.search(counted) or _foreign_people(counted)):
            continue  # "Satellites in orbit: 30" are China's own; "Countries ...: 14" are not
        if re.search(rf"\b(?:{_PEOPLE})\b", counted, re.I):
            continue  # "Engineers trained: 40" counts people, not cooperation
        at = offset + m.start("n")
        out.append(
            CooperationTotal(
                evidence=(sentence.evidence(at),),
                status=status_at(sentence, at),
                quantity=number_value(m.group("n")),
                counted=counted,
                measure=slugify(counted),
            )
        )
    return out


_LEAD = re.compile(r"^(?:[-\u2022*]\s*)")
# a number that numbers a part of the document, or a chart's sample, not a count
_REFERENCE = re.compile(
    r"\b(?:Table|Figure|Fig\.|Annex|Appendix|Chapter|Section|Box|Part|Article|Paragraph|"
    r"No\.|Note)\s*$|\bn\s*=\s*$",  # "(n = 206)": the size of a chart's sample
    re.IGNORECASE,
)


def extract(sentence: Sentence) -> list[CooperationTotal]:
    """Numeric totals the sentence states, and those of key-figure lines."""
    text = sentence.text
    out: list[CooperationTotal] = figures(sentence)
    stripped = _LEAD.sub("", text.replace("|", " "))
    offset = len(text) - len(stripped)
    read = {offset + f.start("n") for f in _key_figures(stripped)}
    for m in _TOTAL.finditer(text):
        if m.start("n") in read:
            continue  # the number of a key-figure line, read above
        before = text[: m.start()]
        if re.search(r"\bthe\s+$", before) or re.search(r"[A-Z][\w-]*\s+$", before):
            continue  # "the two countries", "Group 20 mechanisms"
        if not _counts_cooperation(text, m):
            continue
        quantity = number_value(m.group("n"))
        counted = " ".join(m.group("what").split())
        as_of = None
        throughout = _THROUGHOUT.search(text, m.end())
        if throughout:
            as_of = throughout.group(1)
        elif _AS_OF.search(text):
            as_of = sentence.doc.meta.issued
        context = slugify(re.sub(r"\b(?:a|the|of|more|than|almost|over)\b", " ", counted))
        out.append(
            CooperationTotal(
                evidence=(sentence.evidence(m.start()),),
                status=Status.PLANNED if expected(before) else status_at(sentence, m.start()),
                quantity=quantity,
                counted=counted,
                measure=context,
                as_of=as_of,
            )
        )
    return out


# people are never a total of cooperation, even when trained (the countries they came
# from are); satellites are when they were for someone else; countries when they are not
# where a meeting's audience came from
_FOREIGN = re.compile(
    r"\b(?:for|to)\s+(?:the\s+)?(?:[A-Z]|(?:\w+\s+){0,2}(?:foreign|international|"
    r"customers?|countries|partners?|region))|\bjointly\b|\b(?i:foreign|international)\b"
)
# satellites for someone: the beneficiary follows in the same clause, or "jointly" precedes
_FOR_WHOM = re.compile(
    r"(?:\s*\([^()]*\))?(?:\s+[\w'-]+){0,7}?\s+(?:for|to)\s+(?:the\s+)?(?:[A-Z]|"
    r"(?:\w+\s+){0,2}?(?:foreign|international|customers?|countries|partners?|region))"
)
_JOINTLY = re.compile(r"\bjointly\b")
_SIGNING = re.compile(r"\bsign\w*|\bcooperation\b|\bconclud\w*", re.IGNORECASE)
_AUDIENCE = re.compile(
    r"\b(?:delegates|officials|respondents|people|visitors|attendees|guests|interviews?|"
    # who came to a meeting or a show, lent to it, or were studied or served there
    r"participants|exhibitors|representatives|speakers|lenders|fieldwork|broadcasters)"
    r"\b[^.;:]{0,80}?\b(?:from|in)\s+(?:more\s+than\s+|about\s+|some\s+|over\s+)?$",
    re.IGNORECASE,
)
# people who were trained are counted by the countries they came from
_TRAINED = re.compile(r"\b(?:train\w*|courses?|scholarships?|fellowships?)\b", re.IGNORECASE)
# an agreement or programme another country leads, which countries sign or join: their
# count is not China's ("the Brazil-led pact, which 30 states have joined")
_LED_BY_OTHERS = re.compile(
    r"\b(?!Chin)[A-Z][\w.]*-(?:led|backed|sponsored)\b|\bled\s+by\s+(?:the\s+)?(?!Chin)[A-Z]"
)
# what an experiment counted is for: one chosen abroad or from abroad, not one of one's own
_CHOSEN = re.compile(r"\b(?:select\w*|chose|chosen|picked|international|foreign)\b", re.I)


def _counts_cooperation(text: str, m: re.Match) -> bool:
    """Whether a number and its noun count cooperation rather than people at large,
    satellites of one's own, years or the parties of a comparison."""
    n = m.group("n")
    head = m.group("what").split()[-1].lower()
    before = text[: m.start()]
    first = re.split(r"[-\s]", n)[0].lower()
    if (first in _WORDS or first == "a") and not n.islower() and _LEAD.sub("", before).strip():
        return False  # a capitalised number word only opens a sentence
    if re.fullmatch(r"(?:19|20)\d\d", n):
        return False  # a year: "In 2024 GISTDA held ... documents"
    if n.lower() == "two" and re.search(r"\b(?:between|for|of|with|in|by|our|their)\s+$", before):
        return False  # "between two developing countries", "run by two partners", "our two"
    what = m.group("what").lower().split()
    if "member" in what or (what[0] == "other" and re.search(r"(?:\b(?:and|or)|,)\s+$", before)):
        return False  # "and five other states", "its eight member states"
    if what == ["documents"] and not _SIGNING.search(text):
        return False  # "Two documents of recent years set the direction"
    if re.fullmatch(_PEOPLE, head, re.IGNORECASE):
        return False  # people, trained or not: the countries they came from are the total
    if re.fullmatch(_CRAFT, head, re.IGNORECASE):
        if not m.group("what").split()[-1].islower():
            return False  # "6 China-Brazil Earth Resources Satellites": a name
        return bool(
            _FOR_WHOM.match(text, m.end())
            or _JOINTLY.search(before[-40:])
            or _foreign_people(m.group("what"))
        )
    if head == "partners" and not (re.search(r"\bChin(?:a|ese)\b", before) or _with_whom(before)):
        return False  # "the agency has 14 foreign partners": its own, not China's
    if head == "experiments" and not _CHOSEN.search(text):
        return False  # "the station hosts 100 experiments": its own work
    if _LED_BY_OTHERS.search(text) and re.search(r"countries|states|nations|signator", head):
        return False  # "30 countries have joined the Brazil-led pact"
    return not (_AUDIENCE.search(before) and not _TRAINED.search(text))


# a count a speaker looks forward to: "we expect the count to pass 45 projects", "the
# total is forecast to reach 60 agreements"
_EXPECTED = re.compile(
    r"\b(?:expect(?:s|ed|ing)?|anticipat(?:e|es|ed|ing)|forecast|predict(?:s|ed)?|"
    r"projected|estimated)\b[^.;:]*?\bto\s+(?:[\w'\u2019-]+\s+){0,5}?"
    r"(?:(?:more\s+than|over|about|at\s+least|some)\s+)?$",
    re.IGNORECASE,
)


def expected(before: str) -> bool:
    """Whether the words before a count make it one expected to be reached, not one
    already reached."""
    return _EXPECTED.search(before[-120:]) is not None


def _with_whom(before: str) -> bool:
    """Whether the partners counted are those a total just before was shared with ("we
    count 24 projects with 7 partners", "40 agreements signed with 12 partners")."""
    last = re.search(r"\bwith\s+(?:(?:some|about|over|more\s+than|nearly)\s+)?$", before)
    if last is None:
        return False
    clause = re.split(r"[;:.]", before[: last.start()])[-1]
    return any(_counts_cooperation(clause, m) for m in _TOTALS.finditer(clause))


def _foreign_people(counted: str) -> bool:
    """Whether a counted phrase names another people's craft ("six Kenyan satellites",
    "Algerian satellites launched by China"): they were launched or built for them."""
    peoples = set(demonyms().values()) - {"Chinese"}
    return any(word in peoples for word in re.findall(r"[A-Z][\w-]*", counted))
