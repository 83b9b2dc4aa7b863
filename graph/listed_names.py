"""Names that hold a list of their own: "Ministry of Science, Technology, Knowledge and
Innovation", "Ministry of Transport, Communications and Information Technology". The
general name pattern stops at a comma; a ministry's or department's remit, listed with
commas and a last "and", is still its name. Used by ``graph.name_candidates``."""

from __future__ import annotations

import re

from graph.demonyms import capitals, is_country_name
from graph.name_forms import ORG, Candidate

_WORDS = r"[A-Z][\w'\u2019-]*(?:\s[A-Z][\w'\u2019-]*)*"
_LISTED = re.compile(
    # the words before the head are the name's too ("Information and Research Institute")
    rf"(?:\b(?:(?!The\b|A\b|An\b|In\b|On\b)[A-Z][\w-]*\s(?:and\s)?)*?)"
    rf"\b(?P<head>Ministry|Department|Secretariat|Commission|Council|Office|State\sCommittee|"
    rf"Institute|Centre|Center|Agency|Authority|Academy)"
    rf"\s(?:of|for)\s(?:the\s)?{_WORDS}(?:,\s{_WORDS})+,?\sand\s{_WORDS}"
)
_REMITS = ("Ministry", "Department", "Secretariat", "Commission", "Council", "Office", "State")


def listed_names(doc_id: str, chunk: str, offset: int) -> list[Candidate]:
    """Bodies whose name lists their remit (see ``_LISTED``): a ministry's always; an
    institute's or agency's ("Institute of Meteorology, Hydrology and Environment") when
    no item of the list is a place ("the Institute of Space Technology, Sweden and
    Norway" names three partners)."""
    out = []
    for m in _LISTED.finditer(chunk):
        items = re.split(r",\s|,?\sand\s", m.group(0)[m.end("head") - m.start() :])
        if not m.group("head").startswith(_REMITS) and any(_place(i) for i in items[1:]):
            continue
        out.append(Candidate(m.group(0), ORG, doc_id, offset + m.start(), offset + m.end()))
    return out


def _place(words: str) -> bool:
    return words in capitals() or is_country_name(words)
