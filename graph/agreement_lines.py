"""How a line or a news item's sentence names and dates an agreement without telling
its signing in full: a chronology's or list's line that opens with its date ("2021:
CNSA and Roscosmos memorandum of understanding on the ILRS"), and a signing put at an
event the text has just told of ("After the meeting, X and CNSA signed ...", "X also
signed ..."). Used by ``graph.relations_agreement``."""

from __future__ import annotations

import re

from graph.agreement_nouns import AGREEMENT_NOUN
from graph.dates import date_in
from graph.reading import Sentence

# the date a chronology's or a newsletter's entry opens with
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
DATED_ENTRY = re.compile(
    rf"^(?:\d{{1,2}}\s+{_MONTHS}|{_MONTHS}(?:\s+\d{{1,2}})?|(?:19|20)\d\d(?:-\d\d){{0,2}})"
    r"(?:,?\s+(?:19|20)\d\d)?\s*[:\u2013\u2014]\s+"
)


# a second signing told right after a first: "X also signed a contract with Y"
ALSO_SIGNED = re.compile(r"\balso\s+(?:signed|concluded|initialled)\b", re.IGNORECASE)
# a signing put at an event the text has just told of
AT_THE_EVENT = re.compile(
    r"\b(?:after|at|during|on\s+the\s+sidelines\s+of|following)\s+the\s+"
    r"(?:meeting|talks|visit|ceremony|forum|session|event|conference|summit)\b",
    re.IGNORECASE,
)


def event_day(sentence: Sentence, reach: int = 3) -> str | None:
    """The day of the event an undated signing refers to: the first full date of the
    nearest earlier sentence that gives one ("On 14 October 2025, the ambassador met
    ..."), within ``reach`` sentences."""
    before = sentence.previous
    for _ in range(reach):
        if before is None:
            return None
        day = date_in(before.text, sentence.doc.meta.issued)[0]
        if day and len(day) == 10:
            return day
        before = before.previous
    return None


def parties_before_noun(sentence: Sentence) -> tuple[tuple[str, ...], int | None]:
    """The names a verbless line sets before its document's noun, and where the noun
    starts: "2021: CNSA and Roscosmos memorandum of understanding on the ILRS", "- the
    Egyptian Space Agency and CAST agreement on MisrSat-3"; nothing for a sentence."""
    text = sentence.text
    noun = AGREEMENT_NOUN.search(text, 0, 160)
    if noun is None:
        return (), None
    lead = re.match(r"(?:[-\u2022*]\s*|\(?\d{1,2}[.)]\s*)?", text)
    start = lead.end() if lead else 0
    dated = DATED_ENTRY.match(text[start:])  # (its "^" holds at the string's start only)
    start += dated.end() if dated else 0
    # (one name before the noun is its title's: "Cooperation Agreement")
    names = _names_only(sentence, start, noun.start(), _NAMES_BEFORE)
    return (names, noun.start()) if names else ((), None)


def label_parties(sentence: Sentence, start: int, end: int) -> tuple[str, ...]:
    """The names a line's label joins before its colon or dash, when it names two or
    more: "CNES and CMSA: cooperation agreement on ...", "DLR, ESA and CNSA - letter of
    intent"; the line's document is theirs, whatever its sentence goes on to say."""
    return _names_only(sentence, start, end, _NAMES_LABEL)


def parties_after_noun(sentence: Sentence, after: int) -> tuple[str, ...]:
    """The names a verbless line ends with, after its document: "2023 — ILRS memorandum
    of understanding, CNSA and NARIT"; "April 2015 — agreement on the station, China and
    Argentina"."""
    text = sentence.text.rstrip(" .;")
    comma = text.rfind(",", after)
    dash = max(text.rfind(" \u2014 ", after), text.rfind(" \u2013 ", after))
    cut = max(comma, dash)
    if cut < 0:
        return ()
    start = cut + (1 if cut == comma else 3)
    return _names_only(sentence, start, len(text), _NAMES_AFTER)


def _names_only(sentence: Sentence, start: int, end: int, form: re.Pattern[str]) -> tuple[str, ...]:
    """The keys of two or more names that fill ``start:end`` of the sentence with only
    the words that join them between (the longest name where one holds another)."""
    text = sentence.text
    names = [
        (f.start - sentence.start, f.end - sentence.start, f.key)
        for f in sentence.mentions
        if not f.nested and start <= f.start - sentence.start < end
    ]
    if len(names) < 2:
        return ()
    masked, at = [], start
    for a, b, _key in sorted(names, key=lambda n: (n[0], -n[1])):
        if a < at:
            continue  # a name inside the longer one just read ("Senegalese Space ...")
        masked.append(text[at:a])
        masked.append("\x00")
        at = b
    masked.append(text[at:end])
    if not form.fullmatch("".join(masked)):
        return ()
    longest = [
        key
        for a, b, key in names
        if not any(c <= a and b <= d and (c, d) != (a, b) for c, d, _k in names)
    ]
    return tuple(dict.fromkeys(longest))


# names and what joins them, and nothing else: "CNSA and Roscosmos ", "the ESA, CNES and "
_JOINED = r"(?:the\s+)?\x00(?:\s*(?:,|and|&|,\s*and)\s*(?:the\s+)?\x00)+"
_NAMES_BEFORE = re.compile(_JOINED + r"(?:'s|\u2019s)?\s+")
_NAMES_AFTER = re.compile(r"\s*" + _JOINED + r"\s*")
_NAMES_LABEL = re.compile(_JOINED + r"\s*(?::|\s[-\u2013\u2014])\s*")


def opening_noun(bare: str) -> int | None:
    """Where the agreement noun a verbless line opens with starts: at once, or after up
    to two words of its name ("Implementation Agreement between CAST and KSA")."""
    m = AGREEMENT_NOUN.search(bare, 0, 40)
    if m is None:
        return None
    before = bare[: m.start()]
    # (or its kind's words: "implementing agreement on the test centre, CNSA and EgSA")
    if not re.fullmatch(r"(?:[A-Z][\w-]*\s+){0,2}|(?:[a-z][\w-]*\s+){1,2}", before):
        return None
    if before and before.split()[0].capitalize() in _DETERMINERS:
        return None  # "Our agreement with NASA concerns ...": a sentence, not a title
    return m.start()


_DETERMINERS = frozenset(
    {"The", "This", "That", "These", "Those", "Our", "Their", "Its", "His", "Her", "Any", "No"}
    | {"A", "An", "Each", "Every", "Such", "Another", "Other", "New", "Both", "Which"}
)
