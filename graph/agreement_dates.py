"""The day an agreement was signed, where a list's line or the document itself says it
apart from the sentence that names the agreement. Used by ``graph.relations_agreement``."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from graph.agreement_nouns import AGREEMENT_NOUN
from graph.dates import date_in, period_in

if TYPE_CHECKING:
    from graph.reading import Sentence

# a place and a day after it: "Beijing, 9 November 2023", "Bangkok, May 24, 2017"
_PLACE_DAY = (
    r"[A-Z][\w'\u2019. -]{1,30},\s+"
    r"(?P<day>\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})"
)
_PLACE_AND_DAY = re.compile(
    rf"(?:\(|[\u2014\u2013]\s*|\s-\s|,\s*)(?:signed\s+(?:in|at)\s+)?{_PLACE_DAY}"
)


# the day a list's line gives its document by a word that says so: "..., dated 13 May
# 2025", "... (signed 2 March 2024)", "..., signed on 4 June 2023 in Rome"
_DATED = re.compile(
    r"(?:,\s*|\(\s*|\s+)(?:dated|signed(?:\s+(?:on|in))?)\s+(?P<day>"
    r"\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}|\d{4}-\d\d-\d\d)"
)


def place_and_day(text: str, start: int, issued: str | None) -> str | None:
    """The day a list's line gives after its document, with where it was signed: "...
    on Space Cooperation (Beijing, 9 November 2023)", "... — Bangkok, 24 May 2017", or
    with a word that says it is the document's day: "..., dated 13 May 2025"."""
    placed = _PLACE_AND_DAY.search(text, start) or _DATED.search(text, start)
    return date_in(placed.group("day"), issued)[0] if placed else dated_after(text, start, issued)


# "A memorandum between A and B, dated 12 May, covers ...": the day set beside the
# document in apposition (the year, when not given, is the report's)
_DATED_BESIDE = re.compile(
    r"[^.;:]{0,160}?,\s*dated\s+(?P<day>\d{1,2}\s+[A-Z][a-z]+\.?(?:\s+\d{4})?|"
    r"[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s+\d{4})?)\b"
)


def dated_after(text: str, start: int, issued: str | None) -> str | None:
    """The day the document ending at ``start`` is "dated" in an apposition after it."""
    placed = _DATED_BESIDE.match(text, start)
    return date_in("on " + placed.group("day"), issued)[0] if placed else None


# a line of its own after a document's title, where and when it was signed ("Beijing,
# 23 April 2014"), as a treaty series or a list of outcomes prints it
_DATELINE = re.compile(rf"\s*{_PLACE_DAY}\.?\s*(?:\n|$)")


def dateline_after(clean_text: str, end: int, issued: str | None) -> str | None:
    """The day the line right after a title gives with its place, if that line is
    nothing else ("... (with annex).\nBeijing, 23 April 2014")."""
    line = _DATELINE.match(clean_text, end)
    return date_in(line.group("day"), issued)[0] if line else None


@lru_cache(maxsize=2)  # (documents are read one at a time: a larger cache only holds texts)
def document_signed_on(text: str, issued: str | None) -> str | None:
    """The day a document says it was itself signed: "This Joint Statement was signed in
    Cairo on 24 November 2025", "Done at Santiago on 14 March 2029"."""
    m = _SELF_SIGNED.search(text)
    return date_in(m.group(0), issued)[0] if m else None


_SELF_SIGNED = re.compile(
    r"(?:\b(?:This|The\s+present)\s+(?:Joint\s+Statement|Joint\s+Communiqu\w*|Agreement|"
    r"Memorandum(?:\s+of\s+Understanding)?|Declaration)\s+(?:was|is|has\s+been)\s+signed|"
    r"^\s*(?:Done|Signed)\s+(?:in\s+duplicate\s+)?(?:at|in)\s+[A-Z])[^.\n]{0,120}",
    re.MULTILINE,
)


# "The document runs for five years, from 2026 to 2030.": the sentence after a signing
# that gives the period of the document it names back
# (a document named back, as "The plan" or "This memorandum": ``DOCUMENT_NAMED_BACK``)
DOCUMENT_NAMED_BACK = (
    r"(?:The|This|That|Its|Their)\s+(?:[\w-]+\s+){0,3}?(?:document|agreement|memorandum|"
    r"accord|protocol|plan|programme|program|contract|arrangement|statement|outline|MoU)\b"
)
_PERIOD_AFTER = re.compile(rf"\s*{DOCUMENT_NAMED_BACK}[^.]{{0,160}}")


def period_after(sentence: Sentence, m: re.Match[str]) -> tuple[int, int] | None:
    """The period the next sentence gives the one document this sentence signs."""
    if m.group(0).lower().endswith("s") or len(AGREEMENT_NOUN.findall(sentence.text)) > 1:
        return None
    following = _PERIOD_AFTER.match(sentence.clean.text, sentence.end)
    return period_in(following.group(0)) if following else None
