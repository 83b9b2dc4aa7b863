"""What an agreement is about, in the sentence that reports it: "a memorandum of
understanding *on lunar research*, under which ...". Used by ``graph.relations_agreement``."""

from __future__ import annotations

import re

from graph.grammar import Group
from graph.reading import Sentence

_MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_SUBJECT_STOP = re.compile(
    r",?\s+(?:which|that)\s+[^,.;]*?\b(?:signed|concluded|inked)\b"  # its own relative clause
    r"|,?\s+(?:under|by|through|with|in)\s+which\b"  # "..., under which Zimbabwe will join"
    r"|\s+(?:was|were|has\s+been|have\s+been)\s+(?:signed|concluded|inked|issued|agreed)\b"
    r"|,\s*(?:signed|concluded|inked)\b"  # "A memorandum on BeiDou, signed by ..."
    # "... on navigation by CNSA and X took place": the signers and the event
    # (not a participle's agent: "the payload carried by BeiDou")
    r"|(?<!ed)\s+by\s+(?:the\s+)?[A-Z]|\s+(?:took|takes|will\s+take)\s+place\b"
    r"|,\s*(?:and\b|\w+ing\b|according\b|[^,]*\b(?:said|says|reported|announced)\b)|;|\.|\s+in\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\b|\s+on\s+(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b|\s+with\s|\s+through\s|\s+within\s"
    # a day before its month ("on 5 May 2031"), and the place of a signing before its date
    # ("in Buenos Aires on 5 May")
    rf"|\s+on\s+\d{{1,2}}\s+{_MONTH}\b|\s*\((?=[^()]*\d)"  # "(15 April)", "(2019)"
    rf"|\s+in\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+){{0,2}}(?=\s+on\s+(?:\d|{_MONTH}\b))"
)
_DATE_FIRST = re.compile(
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}\b|\d{{1,4}}[./-]\d|(?:19|20)\d\d\b"
    # "signed an agreement on Tuesday": a day of the week is when, not what
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
    re.IGNORECASE,
)


def subject_of(text: str, end: int, sentence: Sentence, groups: list[Group]) -> str | None:
    """What the agreement whose noun ends at ``end`` is about: the words after its "on",
    "for" or "to" (past a "with" list), up to where the sentence goes on to its signers,
    date or place; not a date ("on 11 March 2025") nor a pronoun ("a contract for it")."""
    for g in groups:  # "signed an agreement with Egypt on ...": the subject follows the list
        if g.role == "with" and 0 <= g.start - end <= 20:
            end = g.end
    rest = text[end:]
    m = re.match(r"\s+(on|for|to)\s+", rest)
    if not m:
        return None
    if m.group(1) == "on" and _DATE_FIRST.match(rest, m.end()):
        return None  # "signed a letter of intent on 11 March 2025 to build ...": a date
    stop = _SUBJECT_STOP.search(rest, m.end())
    subject = rest[m.end() : stop.start() if stop else len(rest)].strip(" ,.")
    if m.group(1) == "for":
        names = [
            f
            for f in sentence.mentions
            if f.start - sentence.start
            == end + m.end() - (4 if rest[m.end() - 4 : m.end()] == "the " else 0)
        ]
        subject = names[0].text if names else re.sub(r"^the\s+", "", subject)
    subject = re.sub(r"^the\s+", "", subject)
    if re.match(r"(?:it|them|this|that|these|those)\b", subject):
        return None  # "a contract for it in Cairo": the thing named before, no subject
    return subject or None
