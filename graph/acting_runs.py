"""Names of several capitalised words that act as a party: "Galactic Energy and Sultan
Qaboos University signed", "Uzbekcosmos and Chang Guang Satellite Technology signed",
"signed a contract with Space Pioneer in May". No class word heads such a name (a
company's rarely has one), so only what it does says it is a body: it signs, agrees or
works beside another body, or with one. The one-word names that act so are read in
``graph.acronym_candidates``; a person's name is told by the title before it.
"""

from __future__ import annotations

import re

from graph.demonyms import capitals, demonyms, is_country_name
from graph.name_forms import ORG, Candidate, head_kind, is_generic
from graph.name_words import MONTH_NAMES, NOT_NAMES, PERSON_TITLES, SENTENCE_OPENERS

# two to four capitalised words, the first not in capitals alone (an acronym's run)
_RUN = r"(?<!['\u2019]s\s)[A-Z][a-z][\w-]*(?:\s+[A-Z][\w-]*){1,3}(?!['\u2019])"
_ACTS = (
    r"(?:has\s+|have\s+|had\s+|will\s+|jointly\s+|also\s+|then\s+|formally\s+)?"
    r"(?:(?:began|agreed|plan|plans|planned)\s+to\s+)?"
    r"(?:signed|sign|signs|co-signed|concluded|initialled|inked|agreed|cooperated|"
    r"collaborated|partnered|worked)\b"
)
_OTHER = (
    r"[A-Z][\w'\u2019-]*(?:\s+(?:(?:of|for|and|the)\s+)*[A-Z][\w'\u2019-]*)*"
    r"(?:\s+\([A-Z]{2,8}\))?"
)
_ACRONYM = r"[A-Z][A-Z0-9&]{1,9}(?![\w-])"
_ACTING_RUN = re.compile(
    # (only an article or an acronym shows where one name ends and the next begins:
    # "Bangladesh Space Research and Remote Sensing Organization" is one name)
    rf"(?<![\w'\u2019-])(?P<before>{_RUN})\s+(?:and|&)\s+(?:the\s+{_OTHER}|{_ACRONYM})\s+{_ACTS}"
    rf"|(?<![\w'\u2019-])(?:{_ACRONYM}|[A-Z][a-z]+)\s+(?:and|&)\s+(?:the\s+)?"
    rf"(?P<after>{_RUN})\s+{_ACTS}"
    rf"|\b(?:signed|concluded|co-signed|initialled|inked)\b[^.;:]{{0,90}}?\bwith\s+(?:the\s+)?"
    rf"(?P<with>{_RUN})(?=\s*[,.;)]|\s+(?:on|in|to|for|at|under|since|covering)\b)"
)
# a date's words that open a sentence before the name ("On Tuesday X and the CGWIC ...")
_DATE_WORDS = MONTH_NAMES | {
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
}
# a word every match holds: most paragraphs hold none
_CUES = (
    "sign", "conclu", "initial", "inked", "agreed", "operated", "laborated", "partnered", "worked",
)  # fmt: skip


def acting_runs(doc_id: str, chunk: str, offset: int) -> list[Candidate]:
    """Bodies of several words that act beside or with another body."""
    if not any(cue in chunk for cue in _CUES):
        return []
    out = []
    for m in _ACTING_RUN.finditer(chunk):
        group = "before" if m.group("before") else "after" if m.group("after") else "with"
        name, start = m.group(group), m.start(group)
        words = name.split()
        while words and (words[0] in SENTENCE_OPENERS or words[0].lower() in _DATE_WORDS):
            start += chunk[start:].index(words[1]) if len(words) > 1 else len(name)
            words = words[1:]
        if len(words) < 2:
            continue
        name = chunk[start : m.end(group)]
        if head_kind(name) is not None or is_generic(name):
            continue  # a headed name: the readers of headed names take it
        if any(w in PERSON_TITLES or w.lower() in NOT_NAMES for w in words):
            continue
        if any(
            w in capitals() or w in demonyms().values() or is_country_name(w) for w in words
        ) or is_country_name(name):
            continue  # "Saudi Arabia", "the Egyptian side": a country or its people
        out.append(Candidate(name, ORG, doc_id, offset + start, offset + start + len(name)))
    return out
