"""How a run of capitalised words is cut into names: the article and words that open
it ("the", "Chinese") are no part of a name, and "A and B" holds two names when each
side is a whole name. Shared by the readers of headed names and of bracketed acronyms."""

from __future__ import annotations

import re

from graph.name_forms import ORG, head_kind
from graph.name_words import MONTH_NAMES, SENTENCE_OPENERS

_DESIGNATOR_FOR = re.compile(
    r"(?:\S+\s+)*?\S*\d\S*\s+(?:(?:for|of|to|on|in)\s+(?:the\s+)?|the\s+)(?=[A-Z])"
)


def strip_lead(name: str) -> str:
    """Drop words before a name's first capitalised word and a leading opener, and a
    designator joined to the name by a preposition or an article ("TKSAT-1 for the
    Bolivian Space Agency", "For Zhangheng-1 the Italian Space Agency": a satellite and
    a body, not one name)."""
    joined = _DESIGNATOR_FOR.match(name)
    if joined:
        name = name[joined.end() :]
    words = name.split(" ")
    while (
        len(words) > 1
        and (
            not words[0][:1].isupper()
            or words[0] in SENTENCE_OPENERS
            # a gerund opening the clause ("Using Wukong ..."), not "King" or "Beijing"
            or (words[0].endswith("ing") and not words[1][:1].isupper())
            or words[0].lower().rstrip(",") in MONTH_NAMES  # "December 2023, the Egyptian ..."
            or words[0].rstrip(",").isdigit()
            # a verb opening the sentence, then its object ("Covers the X Centre"): no
            # name has "the" for its second word
            or (len(words) > 2 and words[1] == "the" and words[2][:1].isupper())
        )
    ):
        words = words[1:]
    return " ".join(words)


_AND_CUT = re.compile(r"\s(?:and|,|for(?:\sthe)?)\s")
# (compiled once: ``split_names`` reads every run of capitalised words)
_PLACE_WORD = re.compile(r"[A-Z][a-z]+")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,9}")
_ONE_WORD = re.compile(r"[A-Z][\w-]+")
_CAPITALS_RUN = re.compile(r"[A-Z][\w-]+(?:\s[A-Z][\w-]+){0,3}")
_ACRONYM_AFTER = re.compile(r"(?:the\s+)?[A-Z][A-Z0-9&]{1,9}")
# (the fields may be named in up to three words: "Institute of Space Technique and
# Technology and the ...")
_FIELD_BEFORE = re.compile(r"\b(?:of|for)\s+(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*$")
_FIELD_AFTER = re.compile(r"[A-Z][\w-]*(?:\s+and\s|,\s)")
_OWNER = re.compile(r"^((?:[\w-]+\s)*?[\w-]+)(?:'s|\u2019s)\s+")


def split_names(name: str) -> list[tuple[int, str]]:
    """ "China Manned Space Agency and Pakistan's Space and Upper Atmosphere Research
    Commission" holds two names: cut at an "and" with a whole name on each side (each
    ending in a head word); "Space and Upper Atmosphere Research Commission" stays one.
    A possessive that opens a name is its owner, not part of it."""
    out = []
    at = 0
    while True:
        cut = None
        for m in _AND_CUT.finditer(name[at:]):
            left, right = name[at : at + m.start()], name[at + m.end() :]
            if m.group(0).startswith(" for"):
                # "China Academy of Space Technology for the Algerian Space Agency": a
                # whole body, then whom it worked for ("Centre for Space Science" is one)
                # ... or a place, then whom the work there was for ("China for the
                # Bolivian Space Agency"; "Centre for Space Science" keeps its head word)
                whole_left = head_kind(left) and len(left.split()) >= 2
                place_left = _PLACE_WORD.fullmatch(left) and not head_kind(left)
                # (a body: "Institute for Extraterrestrial Physics on the X Probe" is one
                # name and its topic, not a body that worked for a probe)
                body_right = head_kind(right) is ORG and len(right.split()) >= 2
                if (whole_left or place_left) and body_right:
                    cut = m
                    break
                continue
            # an acronym is a whole name too: "ASAL and China Great Wall Industry ..."
            acronym = _ACRONYM.fullmatch(left) is not None
            # ... as is a one-word name before "and the <name>" ("Azercosmos and the China
            # Centre for ..."): the article opens a name of its own ("Space and Upper
            # Atmosphere Research Commission" has none)
            # ("Space Pioneer and the Kenya Space Agency": so is a run of capitalised words)
            acronym = acronym or (
                _CAPITALS_RUN.fullmatch(left) is not None and right.startswith("the ")
            )
            # ... and after it: "China Manned Space Agency and SUPARCO"
            # (or "the University of Lusaka and the NRSCC": an acronym after its article)
            right_name = head_kind(right) or _ACRONYM_AFTER.fullmatch(right)
            # "Ministry of Science and Innovation and CGWIC": "of A and B" is one name's
            # pair of fields when another "and" follows the pair
            pair = _FIELD_BEFORE.search(left) and _FIELD_AFTER.match(right)
            if (
                right_name
                and not pair
                and (acronym or (head_kind(left) and len(left.split()) >= 2))
            ):
                cut = m
                break
        if cut is None:
            out.append((at, name[at:]))
            break
        out.append((at, name[at : at + cut.start()]))
        at += cut.end()
    cleaned = []
    for start, part in out:
        if part.startswith(("the ", "The ")):
            start, part = start + 4, part[4:]
        owner = _OWNER.match(part)
        if owner:
            if head_kind(owner.group(1)) and len(owner.group(1).split()) >= 2:
                cleaned.append((start, owner.group(1)))  # "Kiel University's experiment"
            start, part = start + owner.end(), part[owner.end() :]
        cleaned.append((start, part))
    return cleaned
