"""Records whose status field undoes them ("Status: WITHDRAWN at the request of the
proposers"): every line of such an entry states no fact. Used by ``graph.reading``."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from graph.reading import Sentence

# "Status: WITHDRAWN at the request of the proposers": a record's field that undoes it
_WITHDRAWN = re.compile(
    r"^(?:status|state|outcome|result)\s*:\s*(?:\w+\s+){0,2}?(?:withdrawn|cancell?ed|"
    r"canceled|rejected|not\s+selected|terminated|abandoned|suspended|dropped)\b",
    re.IGNORECASE,
)

# "Background: SRSS-1 was built and launched by China in 2019": what led up to the entry,
# true whatever became of it
_STANDING = re.compile(r"^(?:background|history|context)\s*:", re.IGNORECASE)


def mark_withdrawn(sentences: list[Sentence]) -> None:
    """The fields of a record whose status says it was withdrawn or cancelled state no
    fact: every line under the same entry title is marked ``notes["withdrawn"]``, but for
    the entry's background, which is history."""
    records: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        if sentence.lead_in is not None:
            records.setdefault(id(sentence.lead_in), []).append(sentence)
    for lines in records.values():
        if any(_WITHDRAWN.match(line.text) for line in lines):
            for line in lines:
                if not _STANDING.match(line.text):
                    line.notes["withdrawn"] = True
