"""The run of organisations a participation phrase names.

"takes part in the activities of COPUOS, the IADC and the CCSDS": after the phrase, the
organisations follow one another, joined by commas, "and" and a few words that say which
of a body's parts or works is meant ("the relevant activities organised by", "its two
subcommittees"). The run ends at the first text that is none of these. One walker serves
every reader of such phrases, so that they all agree where a list of bodies ends.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from graph.negation import negated
from graph.reading import Sentence
from graph.recognise import Found

# what may stand between the phrase and the organisations it names
_BRIDGE = re.compile(
    r"^(?:\s*(?:the|relevant|activities|activity|work|of|organi[sz]ed|sponsored|by|"
    r"international|organi[sz]ations|mechanisms?|such|as|in|(?:\w+\s+)?office|actively|an|"
    r"and|other|intergovernmental|construction|use|development|secretariat|headquarters|"
    # "COPUOS and its two subcommittees, the IADC and ...": the bodies of one named before
    r"its|their|two|three|four|five|subsidiary|sub-?committees|bodies|organs|including|"
    r"namely)\b|"
    r"'s\b|\u2019s\b|"
    r"[\s,()\"\u201c\u201d])*$",
    re.IGNORECASE,
)
# an organisation's name directly before another's qualifies it ("UN Committee on ...")
_QUALIFIER = re.compile(r"[ \t]+[A-Z]")
# a part of the organisation one is a member of: "the Space Data Link Security working
# group of the CCSDS" is membership of the CCSDS
_SUB_BODY = re.compile(
    r"(?:[A-Z][\w-]*\s+){0,5}(?:working\s+group|task\s+force|expert\s+group|panel)s?\s+of\b"
)

# a promise is a plan: "has pledged to support the ..."
_PLEDGED = re.compile(
    r"\b(?:pledged?|promised?|undertakes|undertook|committed)\s+to\s+(?:\w+ly\s+)?$", re.I
)


def pledged_before(text: str, at: int) -> bool:
    """Whether the phrase at ``at`` is what someone pledged to do: a plan."""
    return bool(_PLEDGED.search(text, 0, at))


def named_after(
    sentence: Sentence,
    organisations: list[Found],
    end: int,
    skip: Callable[[Found], bool] = lambda org: False,
) -> Iterator[Found]:
    """The organisations of the run that starts at local offset ``end`` (a phrase's end),
    leaving out those ``skip`` refuses, a name that qualifies the next one ("the UN
    Committee on ..."), a body's parent named to say whose it is ("the Committee ... of
    the United Nations") and a body the sentence denies ("not a member of X")."""
    text = sentence.text
    chain_end = end
    for org in organisations:
        start, stop = org.start - sentence.start, org.end - sentence.start
        if start < chain_end or skip(org):
            continue
        if not _BRIDGE.match(_SUB_BODY.sub(" ", text[chain_end:start])):
            return
        parent = chain_end > end and re.fullmatch(r"\s+of\s+(?:the\s+)?", text[chain_end:start])
        chain_end = stop
        if _QUALIFIER.match(text[stop:]) or parent:
            continue
        if denied(sentence, start):
            continue
        yield org


def denied(sentence: Sentence, at: int) -> bool:
    """Whether a negation governs the organisation named at ``at``; one before a "that"
    between them governs the clause above it ("don't forget that China sits in X")."""
    if not negated(sentence, at):
        return False
    that = [m.start() for m in re.finditer(r"\bthat\b", sentence.text[:at])]
    return not (that and negated(sentence, that[-1]))
