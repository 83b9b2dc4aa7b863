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
    if _DONE_AT.match(sentence.text):
        # a joint statement states what the sides agreed; the agreements are in it
        return [] if _JOINT_TITLE.match(title) else _signed_by_closing(sentence)
    joint = _JOINT_TITLE.match(title) is not None
    if not joint and sentence.text.strip() == title.strip() and _CLOSING.search(sentence.doc.text):
        return []  # (a joint statement's title states the statement, its closing dates it)
    return None


def is_own_title(sentence: Sentence) -> bool:
    """Whether the sentence is the title of the agreement whose text the document is (in
    capitals or not): the document's closing formula, not the title line, dates it."""
    title = sentence.agreement_title
    if not title:
        return False
    words, heading = sentence.text.split(), title.split()
    return len(words) >= 3 and [w.lower() for w in words[:6]] == [w.lower() for w in heading[:6]]
