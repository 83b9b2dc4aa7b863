"""Dates exactly as precise as the text: "In March 2021" is 2021-03, "on April 14" in an
article issued 2023-04-24 is 2023-04-14, "from 2013 to 2017" is a period."""

from __future__ import annotations

import re

MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
_MONTH = (
    r"(January|February|March|April|May|June|July|August|September|October|November|December"
    # the short forms news and tables write ("10 Dec. 2017", "Sept 3, 2021")
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_TH = r"(?:st|nd|rd|th)?"  # "May 3rd, 2021", "the 28th of February 2025"
_FULL = re.compile(rf"\b{_MONTH}\s+(?:the\s+)?(\d{{1,2}}){_TH},?\s+(\d{{4}})\b")
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(\d{{4}})\b")
_DAY_FIRST = re.compile(
    rf"\b(\d{{1,2}}){_TH}\s+(?:of\s+)?{_MONTH},?\s+(\d{{4}})\b"
)  # "9 March 2021"
_ISO_DATE = re.compile(r"\b((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")
# "on 3 May", and a day noted in brackets after a dated entry ("... (15 April)")
_MONTH_DAY = re.compile(rf"(?:\b[Oo]n\s+|\()\s*{_MONTH}\s+(\d{{1,2}})\b(?![.,]*\s+\d{{4}})")
_DAY_MONTH = re.compile(rf"(?:\b[Oo]n\s+|\()\s*(\d{{1,2}})\s+{_MONTH}\b(?![.,]*\s+\d{{4}})")
_BARE_MONTH = re.compile(rf"\b[Ii]n\s+{_MONTH}\b(?![.,]*\s+\d)")  # "in September"
# ("signed 2023" in a note: "the memorandum ... (signed 2023)")
_YEAR = re.compile(r"\b(?:[Ii]n|[Oo]n|[Dd]uring|[Ss]igned)\s+((?:19|20)\d{2})\b")
# a year as a script for reading aloud writes it: "in twenty twenty-nine", "in two
# thousand and nineteen", "in nineteen ninety-nine"
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = (
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_TWO_DIGITS = (
    rf"(?:(?:{'|'.join(_TENS)})(?:-(?:{'|'.join(_UNITS)}))?|{'|'.join(_TEENS)}|"
    rf"(?:oh|o)[ -](?:{'|'.join(_UNITS)}))"
)
_SPOKEN_YEAR_WORDS = (
    rf"(?:(?:nineteen|twenty)\s+{_TWO_DIGITS}|"
    rf"two\s+thousand(?:\s+and)?(?:\s+(?:{'|'.join(_UNITS)}|{'|'.join(_TEENS)}))?)"
)
_SPOKEN_YEAR = re.compile(rf"\b(?:[Ii]n|[Ss]ince)\s+({_SPOKEN_YEAR_WORDS})\b")


_ORDINALS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
)
# a day read aloud: "the twenty-eighth", "the first", "the thirtieth"
_SPOKEN_DAY = (
    rf"(?:(?:twenty|thirty)[ -](?:{'|'.join(_ORDINALS[:9])})|twentieth|thirtieth|"
    rf"{'|'.join(_ORDINALS)})"
)
# "on the twenty-eighth of February, twenty twenty-five", "February the third, two
# thousand and nineteen"
_SPOKEN_DATE = re.compile(
    rf"\bthe\s+({_SPOKEN_DAY})\s+of\s+{_MONTH},?\s+({_SPOKEN_YEAR_WORDS})\b"
    rf"|\b{_MONTH}\s+the\s+({_SPOKEN_DAY}),?\s+({_SPOKEN_YEAR_WORDS})\b",
    re.IGNORECASE,
)


def spoken_day(words: str) -> int:
    """The day of the month an ordinal in words gives ("twenty-eighth" -> 28)."""
    parts = words.lower().replace("-", " ").split()
    tens = {"twenty": 20, "thirty": 30, "twentieth": 20, "thirtieth": 30}
    return sum(tens.get(w, 0) or _ORDINALS.index(w) + 1 for w in parts)


def spoken_year(words: str) -> int:
    """The year a script for reading aloud writes in words ("twenty twenty-nine")."""
    parts = words.lower().replace("-", " ").split()
    if parts[:2] == ["two", "thousand"]:
        rest = [w for w in parts[2:] if w != "and"]
        return 2000 + (_number(rest) if rest else 0)
    return (1900 if parts[0] == "nineteen" else 2000) + _number(parts[1:])


def _number(words: list[str]) -> int:
    value = 0
    for w in words:
        if w in _TENS:
            value += 20 + 10 * _TENS.index(w)
        elif w in _TEENS:
            value += 10 + _TEENS.index(w)
        elif w in _UNITS:
            value += 1 + _UNITS.index(w)
    return value


# "14.05.2019", "14/05/2019": day first, as most of the world writes it (a month over 12
# in the first place says the writer put the month first)
_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2((?:19|20)\d{2})(?![\d.]\d)")
_PERIOD = re.compile(
    r"\b(?:from\s+)?((?:19|20)\d{2})\s*(?:to|-|\u2013|through)\s*((?:19|20)\d{2})\b"
)


# an entry under a year of its own: "2 March: ...", "- March 2 -- ..."
_ENTRY_DAY = re.compile(
    rf"^\s*(?:[-\u2022*]\s*)?(?:(\d{{1,2}})\s+{_MONTH}|{_MONTH}\s+(\d{{1,2}}))"
    r"\s*[\u2014\u2013:-]\s"
)
_ENTRY_DATE = re.compile(
    rf"^\s*(?:[-\u2022*]\s*)?(?:{_MONTH}\s+)?((?:19|20)\d{{2}})(?:,?\s+{_MONTH})?\s*[\u2014\u2013:-]\s"
)


def _month(name: str) -> int:
    """The month's number from its name, whole or short ("Sept.")."""
    return _BY_PREFIX[name[:3].lower()]


_BY_PREFIX = {name[:3]: number for name, number in MONTHS.items()}


# "last October", "last year", "this year": dates counted from the document's own date
_LAST_MONTH = re.compile(rf"\b[Ll]ast\s+{_MONTH}\b(?!\s+\d)")
_YEAR_WORD = re.compile(r"\b(?:[Ll]ast|[Tt]his|[Nn]ext)\s+year\b")


def _relative(text: str, issued: str) -> list[tuple[int, str, tuple[int, int]]]:
    """The dates a text gives relative to the day it was issued."""
    if not re.match(r"\d{4}", issued):
        return []
    year = int(issued[:4])
    issued_month = int(issued[5:7]) if len(issued) >= 7 else 12
    out = []
    for m in _LAST_MONTH.finditer(text):
        month = _month(m.group(1))
        out.append((m.start(), f"{year - (month >= issued_month):04d}-{month:02d}", m.span()))
    for m in _YEAR_WORD.finditer(text):
        shift = {"last": -1, "this": 0, "next": 1}[m.group(0).split()[0].lower()]
        out.append((m.start(), f"{year + shift:04d}", m.span()))
    return out


def date_in(
    text: str, issued: str, section_year: int | None = None
) -> tuple[str | None, tuple[int, int] | None]:
    """The first date the text gives, as YYYY-MM-DD, YYYY-MM or YYYY, and its span.

    A month and day without a year take ``section_year`` (a chronology's year heading
    over its entries) or else the year of ``issued`` (the document's date), or the year
    before when that day would fall after the document was issued.
    """
    found: list[tuple[int, str, tuple[int, int]]] = []
    for m in _FULL.finditer(text):
        value = f"{m.group(3)}-{_month(m.group(1)):02d}-{int(m.group(2)):02d}"
        found.append((m.start(), value, m.span()))
    for m in _DAY_FIRST.finditer(text):
        value = f"{m.group(3)}-{_month(m.group(2)):02d}-{int(m.group(1)):02d}"
        found.append((m.start(), value, m.span()))
    for m in _ISO_DATE.finditer(text):
        found.append((m.start(), m.group(0), m.span()))
    for m in _SPOKEN_DATE.finditer(text):
        day, month, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else m.group(5, 4, 6)
        value = f"{spoken_year(year)}-{_month(month):02d}-{spoken_day(day):02d}"
        found.append((m.start(), value, m.span()))
    for m in _NUMERIC.finditer(text):
        day, month = int(m.group(1)), int(m.group(3))
        if day <= 12 < month:
            day, month = month, day
        if 1 <= month <= 12 and 1 <= day <= 31:
            found.append((m.start(), f"{m.group(4)}-{month:02d}-{day:02d}", m.span()))
    for m in _MONTH_YEAR.finditer(text):
        if not any(s <= m.start() < e for _p, _v, (s, e) in found):
            found.append((m.start(), f"{m.group(2)}-{_month(m.group(1)):02d}", m.span()))
    entry = _ENTRY_DATE.match(text)
    # a chronology entry's year is the year of the month and day its line gives
    entry_year = int(entry.group(2)) if entry and not (entry.group(1) or entry.group(3)) else None
    days = [(m, _month(m.group(1)), int(m.group(2))) for m in _MONTH_DAY.finditer(text)]
    days += [(m, _month(m.group(2)), int(m.group(1))) for m in _DAY_MONTH.finditer(text)]
    own = _ENTRY_DAY.match(text)
    if own:
        days.append((own, _month(own.group(2) or own.group(3)), int(own.group(1) or own.group(4))))
    for m, month, day in days:
        year = int(issued[:4])
        issued_month = int(issued[5:7]) if len(issued) >= 7 else 12
        issued_day = int(issued[8:10]) if len(issued) == 10 else 31
        if (month, day) > (issued_month, issued_day):
            year -= 1
        if entry_year is not None or section_year is not None:
            year = entry_year or section_year  # type: ignore[assignment]
        found.append((m.start(), f"{year:04d}-{month:02d}-{day:02d}", m.span()))
    for m in _BARE_MONTH.finditer(text):
        # "In May, CNSA and Roscosmos signed": the entry's or the section's year, else the
        # last May the document had seen when it was issued
        if not any(s <= m.start() < e for _p, _v, (s, e) in found):
            month = _month(m.group(1))
            year = entry_year or section_year or int(issued[:4])
            if entry_year is None and section_year is None and len(issued) >= 7:
                year -= month > int(issued[5:7])
            found.append((m.start(), f"{year:04d}-{month:02d}", m.span()))
    for m in _SPOKEN_YEAR.finditer(text):
        found.append((m.start(), str(spoken_year(m.group(1))), m.span()))
    for m in _YEAR.finditer(text):
        if not any(s <= m.start(1) < e for _p, _v, (s, e) in found):
            found.append((m.start(), m.group(1), m.span()))
    found += _relative(text, issued)
    if entry and not found:
        # a chronology's entry: "2018, March — ..." dates what the line says
        month = entry.group(1) or entry.group(3)
        value = entry.group(2)
        if month and month[:3].lower() in _BY_PREFIX:
            value = f"{value}-{_month(month):02d}"
        found.append((0, value, entry.span()))
    if not found:
        return None, None
    _pos, value, span = min(found)
    return value, span


def period_in(text: str) -> tuple[int, int] | None:
    """A validity period "from 2013 to 2017" / "2015-2020", if the text gives one."""
    m = _PERIOD.search(text)
    if not m:
        return None
    start, end = int(m.group(1)), int(m.group(2))
    return (start, end) if start <= end else None


# "since 2017, when the two agencies signed ...": the year the clause after it happened
_SINCE_WHEN = re.compile(
    rf"\b(?:[Ss]ince|[Ii]n)\s+((?:{_MONTH}\s+)?(?:19|20)\d{{2}}),?\s+when\b(?=[^.;]*$)"
)


def when_clause_date(before: str, issued: str) -> str | None:
    """The date of a "when" clause that ``before`` (the text up to a word inside the
    clause) opens after a date: "since May 2017, when the two agencies signed"."""
    m = _SINCE_WHEN.search(before)
    return date_in(f"in {m.group(1)}", issued)[0] if m else None
