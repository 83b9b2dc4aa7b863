"""Names that hold a list of their own: "Ministry of Science, Technology, Knowledge and
Innovation", "Ministry of Transport, Communications and Information Technology". The
general name pattern stops at a comma; a ministry's or department's remit, listed with
commas and a last "and", is still its name. Used by ``graph.name_candidates``."""

from __future__ import annotations

import re

from graph.name_forms import ORG, Candidate

_WORDS = r"[A-Z][\w'\u2019-]*(?:\s[A-Z][\w'\u2019-]*)*"
_LISTED = re.compile(
    rf"\b(?:Ministry|Department|Secretariat|Commission|Council|Office|State\sCommittee)"
    rf"\s(?:of|for)\s(?:the\s)?{_WORDS}(?:,\s{_WORDS})+,?\sand\s{_WORDS}"
)


def listed_names(doc_id: str, chunk: str, offset: int) -> list[Candidate]:
    """Bodies whose name lists their remit (see ``_LISTED``)."""
    return [
        Candidate(m.group(0), ORG, doc_id, offset + m.start(), offset + m.end())
        for m in _LISTED.finditer(chunk)
    ]
