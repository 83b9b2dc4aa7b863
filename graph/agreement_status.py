"""Whether a document a sentence names has been signed or is still to be: a signing
with its day or place ("signed in Algiers on 3 May") is done, whatever the clause around
it plans; otherwise the clause's own tense and cues say."""

from __future__ import annotations

import re

from graph.grammar import status_at
from graph.model import Status
from graph.reading import Sentence

# a signing still to come or put as a condition: "to be signed by", "once signed by"
_NOT_YET = re.compile(
    r"\b(?:(?:to|will|would|shall|may|might|could|should|must)\s+(?:be|have)|once|if|when|"
    r"unless|until|before|after|being)\s+$",
    re.IGNORECASE,
)


def signing_status(sentence: Sentence, m: re.Match[str], signed: re.Match[str] | None) -> Status:
    """An agreement "signed on 16 September" or "signed by A and B" has been signed,
    whatever the clause around it plans ("will build ... under a contract signed in
    Algiers on ...", "will train ... under an agreement the agency signed with B")."""
    if (
        signed is not None
        and signed.group(0).lower() in ("signed", "concluded", "inked")
        and not re.search(r"[.;:]", sentence.text[m.end() : signed.start()])
        and not _NOT_YET.search(sentence.text[: signed.start()])
        and re.match(r"\s+(?:in|on|at|by|with)\b", sentence.text[signed.end() :])
    ):
        return Status.ACHIEVED
    return status_at(sentence, m.start())
