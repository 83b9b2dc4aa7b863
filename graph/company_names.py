"""Companies named with their legal form: "Chang Guang Satellite Technology Co., Ltd.",
"Hanxing Orbital Systems Co. Ltd", "PT Indosat Tbk", "Thales Alenia Space S.p.A.". The
form ends the name and makes it a body; its abbreviations carry full stops and commas
that cut an ordinary run of capitalised words short ("... Technology Co"), so the form
is read here as part of the name. A company that publishes, prints or sponsors the page
is its furniture, not a body the text is about."""

from __future__ import annotations

import re

from graph.name_forms import ORG, Candidate
from graph.name_words import MONTH_NAMES, SENTENCE_OPENERS

# the legal forms, longest first; each ends where a word does
_FORM = (
    r"Co\.,?\s*Ltd\.?|Co\.\s*,?\s*Limited|Company\s+Limited|Corporation\s+Limited|"
    r"Ltd\.?|Limited|Inc\.|Corp\.|LLC|PLC|GmbH|S\.p\.A\.|S\.A\.|SpA|Tbk|N\.V\.|B\.V\.|JSC"
)
# capitalised words (with "&", "and" or "of" between them) before the form, one space
# apart (a wider gap is a table's next column)
_COMPANY = re.compile(
    r"(?<![\w&'\u2019.-])((?:PT )?[A-Z][\w&'\u2019-]*"
    r"(?: (?:(?:and|of|&) )?[A-Z][\w&'\u2019-]*){0,6})"
    rf",? (?:{_FORM})(?![\w-])"
)
# who made the page: its publisher, printer, sponsor or copyright holder
_MAKER = re.compile(
    r"(?:\b(?:published|printed|sponsored|supported|powered|distributed|produced)\s+by\s+"
    r"|\u00a9\s*(?:\d{4}\s+)?|\bcopyright\s+(?:\u00a9\s*)?(?:\d{4}\s+)?)$",
    re.IGNORECASE,
)


def company_names(doc_id: str, chunk: str, offset: int) -> list[Candidate]:
    """The companies the paragraph ``chunk`` (at clean offset ``offset``) names with a
    legal form, as bodies."""
    found = []
    for m in _COMPANY.finditer(chunk):
        start, words = m.start(1), m.group(1).split()
        while len(words) > 1 and (words[0] in SENTENCE_OPENERS or words[0].lower() in MONTH_NAMES):
            start = chunk.index(words[1], start + len(words[0]))
            words = words[1:]
        if words[0] in SENTENCE_OPENERS or _MAKER.search(chunk[max(0, start - 40) : start]):
            continue
        label = chunk[start : m.end()]
        found.append(Candidate(label, ORG, doc_id, offset + start, offset + m.end()))
    return found
