"""One-word bodies named by the work they do with another: "Roscosmos has since worked
with CNSA", "Roscosmos said it will work with China", "it would work with Uzcosmos on
satellite broadband", "(CNSA) and Roscosmos signed".

A capitalised word that no reference file lists is a name only by what the sentence
does with it; one that cooperates, works or partners *with* a body (or is worked with)
acts as a party, and a party is an organisation, not a place or a people. The verb may
come after auxiliaries and adverbs ("has since", "has been", "said it will"), and in
any form ("work", "working", "worked"). ``graph.acronym_candidates.acting_names`` reads
the shorter forms; these are the ones it leaves. Used by ``graph.name_candidates``.
"""

from __future__ import annotations

import re

from graph.demonyms import capitals, demonyms
from graph.name_forms import ORG, Candidate, head_kind
from graph.name_words import BODY_HEADS, MONTH_NAMES, NOT_NAMES, SENTENCE_OPENERS

_ONE_WORD = r"[A-Z][a-z]{3,}(?:[A-Z][A-Za-z]*)?"
_COOPERATE = (
    r"(?:work(?:s|ed|ing)?|cooperat(?:e|es|ed|ing)|collaborat(?:e|es|ed|ing)|"
    r"partner(?:s|ed|ing)?)"
)
# what may stand between a subject and its verb: auxiliaries, "said it will", adverbs
_BETWEEN = (
    r"(?:(?:has|have|had|will|would|is|was|were|been|be|can|could|may|might|shall|should|"
    r"says|said|it|also|since|long|now|already|closely|jointly|actively|still|then|"
    r"continues|continued|plans|planned|agreed|to)\s+){0,5}"
)
# the body a subject works with: China's side, "us", an acronym or a capitalised name
_PARTY = r"(?:the\s+)?(?:Chin(?:a|ese)\b|us\b|[A-Z]{2,}\b|[A-Z][a-z]+\s+[A-Z])"
_WORKING = re.compile(
    rf"(?<![\w'\u2019-])(?P<subject>{_ONE_WORD})\s+{_BETWEEN}{_COOPERATE}\s+"
    rf"(?:closely\s+|together\s+)?with\s+{_PARTY}"
    # "would work with Uzcosmos on ...", "working with Roscosmos since 2021"
    rf"|\b(?:work|works|working|cooperate|cooperating|collaborate|collaborating|partner|"
    rf"partnering)\s+(?:closely\s+)?with\s+(?P<object>{_ONE_WORD})"
    r"(?=\s*[,.;)]|\s+(?:on|in|to|for|at|under|since|from)\b)"
    # "The China National Space Administration (CNSA) and Roscosmos signed ..."
    rf"|\)\s+and\s+(?P<signer>{_ONE_WORD})\s+(?:{_BETWEEN})(?:signed|{_COOPERATE})\b"
)
# plural nouns of people that open a sentence ("Engineers have worked with ...")
_PEOPLE_ENDING = re.compile(r"(?:ers|ists|ians|ors|ees|ants|ents|ies)$")
# what before a word makes it part of a longer name: a capitalised word, a possessive,
# a head and its "of" ("the Institute of Space Research has ...")
_INSIDE_A_NAME = re.compile(
    r"(?:\b[A-Z][\w-]*|['\u2019]s|\b[A-Z][\w-]*\s+(?:of|for|and)(?:\s+the)?)\s+$"
)


def _in_a_longer_name(word: str) -> re.Pattern[str]:
    """The word as the first or last word of a longer capitalised name, or in brackets
    after one ("Uzbekistan Space Research Agency (Uzcosmos)")."""
    w = re.escape(word)
    return re.compile(rf"\b{w}\s+[A-Z][a-z]|[A-Z][\w-]*\s+{w}\b|\(\s*{w}\s*\)")


_NOT_BODIES = frozenset(
    ["Europe", "Africa", "Asia", "America", "Beijing", "China", "Chinese", "Monday",
     "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Today",
     "Yesterday", "Tomorrow"]
)  # fmt: skip
# a word after a preposition is no subject: "said on Monday it would cooperate with"
_AFTER_PREPOSITION = re.compile(
    r"\b(?:on|in|at|by|since|until|from|during|after|before|of|for|to|with)\s+$", re.IGNORECASE
)


def working_names(doc_id: str, chunk: str, offset: int) -> list[Candidate]:
    """The one-word bodies the paragraph ``chunk`` (at clean offset ``offset``) names by
    the work they do with another."""
    out: list[Candidate] = []
    if "with" not in chunk and "signed" not in chunk:
        return out
    for m in _WORKING.finditer(chunk):
        group = next(g for g in ("subject", "object", "signer") if m.group(g))
        word = m.group(group)
        if not _may_be_a_body(word, chunk):
            continue
        if group == "subject" and _PEOPLE_ENDING.search(word):
            continue  # "Researchers have worked with ..."
        if group == "subject" and _AFTER_PREPOSITION.search(chunk, 0, m.start(group)):
            continue  # "said on Monday it would cooperate with CNSA"
        if _INSIDE_A_NAME.search(chunk, 0, m.start(group)):
            continue  # "the National Institute for Space Research has worked with"
        if _in_a_longer_name(word).search(chunk):
            continue  # "Tianlu Orbital Technology ... Tianlu will cooperate": its short form
        start = offset + m.start(group)
        out.append(Candidate(word, ORG, doc_id, start, start + len(word)))
    return out


def _may_be_a_body(word: str, chunk: str) -> bool:
    """Whether the word may be a body's name: no sentence opener, month or common noun
    the paragraph also writes in lower case, no place, people or class word."""
    if word in SENTENCE_OPENERS or word.lower() in NOT_NAMES or word.lower() in MONTH_NAMES:
        return False
    if word in capitals() or word in demonyms().values() or word in _NOT_BODIES:
        return False
    if head_kind(word) is not None or word.lower() in BODY_HEADS:
        return False
    return re.search(rf"\b{re.escape(word.lower())}\b", chunk) is None
