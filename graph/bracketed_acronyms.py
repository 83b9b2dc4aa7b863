"""Acronyms spelt out in brackets after a name ("the Kenya Space Agency (KSA)"): the name,
with the acronym as its other name, as far back as the acronym's initials reach."""

from __future__ import annotations

import re

from graph.described_bodies import described_body
from graph.lower_case_names import spelt_before
from graph.name_forms import (
    ACRONYM,
    ORG,
    Candidate,
    head_kind,
    initials_fit,
    name_before,
    trim_name,
)
from graph.name_splitting import split_names, strip_lead
from graph.name_words import NOT_NAMES, SENTENCE_OPENERS


def bracketed_acronyms(doc_id: str, chunk: str, offset: int, text: str = "") -> list[Candidate]:
    """Names with their acronym or short name in brackets; ``text`` is the whole
    document's (``chunk`` starts at ``offset`` in it), where a short name is taken up
    again after its brackets."""
    found = []
    for m in ACRONYM.finditer(chunk):
        acronym = m.group(1)
        span = spelt_before(chunk, m.start(), acronym) or name_before(chunk, m.start())
        if span is None:
            continue
        start, end = trim_name(chunk, *span)
        start = _through_commas(chunk, start, end, acronym)
        # the run may start with words that are not part of the expansion
        words = strip_lead(chunk[start:end]).split(" ")
        # the shortest run of words that fits: "China National Space Administration and
        # France's Centre National d'Etudes Spatiales (CNES)" is the last body only
        fitting = [i for i in range(len(words)) if initials_fit(" ".join(words[i:]), acronym)]
        words = words[fitting[-1] :] if fitting else words[-1:]
        name = strip_lead(" ".join(words))
        whole = strip_lead(chunk[start:end])
        whole = re.sub(r"^[\w-]+(?:'s|\u2019s)\s+", "", whole)  # "Italy's National ..."
        whole = split_names(whole)[-1][1]  # "CNSA and the Senegalese Space Studies Agency"
        # "For Zhangheng-1 the Italian Space Agency (ASI)": the name starts after its
        # article ("Space Agency of the Republic of ..." keeps the one inside it)
        whole = re.split(r"(?<!\bof)\s+the\s+(?=[A-Z])", whole)[-1]
        dropped = whole[: len(whole) - len(name)].strip()
        if initials_fit(name, acronym):
            if (
                re.fullmatch(r"[A-Z][a-z]+", dropped)
                and dropped not in SENTENCE_OPENERS
                and head_kind(name) is ORG
            ):
                name = whole  # the acronym leaves out the country: "Bangladesh ... (SPARRSO)"
        elif head_kind(whole) is ORG and (
            re.fullmatch(r"[A-Z]{3,8}", acronym)
            or _short_name(acronym, text or chunk, (offset if text else 0) + m.end())
        ):
            # an acronym of the name in its own language ("Algerian Space Agency (ASAL)",
            # "Bolivian Space Agency (ABE)"), or the short name a body goes by ("Space
            # Agency of the Republic of Azerbaijan (Azercosmos)"): a named body with its
            # other name in brackets, after any description of a thing of it
            name = whole[described_body(whole) :]
        else:
            continue
        if any(w.lower() in NOT_NAMES for w in name.split()):
            continue
        start = end - len(name)
        found.append(
            Candidate(name, head_kind(name), doc_id, offset + start, offset + end, acronym)
        )
    return found


def _short_name(word: str, text: str, after: int) -> bool:
    """A one-word name in brackets ("Azercosmos", "Roscosmos") that the document goes on
    using for the body, as a writer uses a short name; a place in brackets is not taken
    up again as the body's name."""
    if not re.fullmatch(r"[A-Z][a-z]{3,}(?:[A-Z][a-z]+)?", word) or word in SENTENCE_OPENERS:
        return False
    used = re.compile(rf"\b{word}\b(?!\s+(?:of|in|on|to)\b)")
    return used.search(text, after) is not None


def _through_commas(chunk: str, start: int, end: int, acronym: str) -> int:
    """Where a name whose words run across commas starts, when only the whole run fits
    its acronym ("Ministry of Transport, Communications and Information Technology
    (MTCIT)"); else ``start``."""
    if initials_fit(strip_lead(chunk[start:end]), acronym):
        return start
    begin = start
    for _ in range(3):
        comma = re.search(r",\s+$", chunk[:begin])
        span = name_before(chunk, comma.start()) if comma else None
        if span is None:
            return start
        begin = trim_name(chunk, *span)[0]
        if initials_fit(strip_lead(chunk[begin:end]), acronym):
            return begin
    return start
