"""The agreement a document is the text of: its title names the parties and the
document, and its closing formula ("Done at Santiago on 14 March 2029") signs it."""

from __future__ import annotations

import re

from graph.agreement_nouns import agreement_kind
from graph.dates import date_in
from graph.gazetteer import CHINA
from graph.model import Agreement, Status
from graph.reading import Sentence

_JOINT_TITLE = re.compile(r"^(?:The\s+)?Joint\s+(?:Statement|Communiqu|Declaration)", re.IGNORECASE)
# the formula that closes an agreement's text: "Done at Santiago on 14 March 2029, in two
# originals", "Signed in Beijing on ..."
_DONE_AT = re.compile(r"^(?:Done|Signed)\s+(?:in\s+duplicate\s+)?(?:at|in)\s+[A-Z]")
_CLOSING = re.compile(r"(?m)^\s*(?:Done|Signed)\s+(?:in\s+duplicate\s+)?(?:at|in)\s+[A-Z]")
# a joint statement's own closing line, numbered or not: "13. This Joint Statement was
# signed in Cairo on 24 November 2025 in duplicate ..."
_SELF_SIGNED = re.compile(
    r"^(?:\d{1,2}\.\s+)?(?:This|The\s+present)\s+Joint\s+(?:Statement|Communiqu\w*|Declaration)\s+"
    r"(?:was|is|has\s+been)\s+(?:signed|done|issued)\b[^.]{0,80}?\b(?:19|20)\d\d\b"
)


def _closed(text: str) -> bool:
    """Whether a document's text has a closing formula that says when it was signed."""
    return _CLOSING.search(text) is not None or any(
        _SELF_SIGNED.match(line.strip()) for line in text.splitlines()
    )


def _is_title(text: str, title: str) -> bool:
    """Whether a line is the document's own title (in capitals or not)."""
    words, heading = text.split(), title.split()
    return len(words) >= 3 and [w.lower() for w in words[:6]] == [w.lower() for w in heading[:6]]


def _signed_by_closing(sentence: Sentence) -> list[Agreement]:
    """The agreement whose text the document is, signed where and when its closing
    formula says, between the parties its title names."""
    title = sentence.agreement_title or ""
    foreign, chinese = sentence.agreement_parties
    signed_on = date_in(sentence.text, sentence.doc.meta.issued, sentence.section_year)[0]
    about = re.search(r"\bon\s+(.+?)\s*$", title)
    return [
        Agreement(
            evidence=(sentence.evidence(0),),
            status=Status.ACHIEVED,
            parties=tuple(sorted({*foreign, *(chinese or (CHINA,))})),
            agreement_kind=agreement_kind(title) or "agreement",
            signed_on=signed_on,
            subject=about.group(1) if about else None,
        )
    ]


def own_text(sentence: Sentence) -> list[Agreement] | None:
    """The agreements a line of an agreement's own text states (its closing formula signs
    the document; its title, where a closing formula follows, states none), or None when
    the line is neither."""
    title = sentence.agreement_title
    if not title:
        return None
    joint = _JOINT_TITLE.match(title) is not None
    if _DONE_AT.match(sentence.text) or (joint and _SELF_SIGNED.match(sentence.text)):
        # the closing formula signs the document the title names, joint statement or not
        return _signed_by_closing(sentence)
    if joint and _is_title(sentence.text, title) and _closed(sentence.doc.text):
        return []  # (the statement is the closing formula's, which dates it)
    if not joint and sentence.text.strip() == title.strip() and _CLOSING.search(sentence.doc.text):
        return []  # (a joint statement's title states the statement, its closing dates it)
    return None
