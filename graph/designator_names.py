"""Names with a serial number or letter ("Fengyun-3D", "CBERS-04A", "Long March-5"):
the word after a designator, or a list of them, says what it names; a rocket's name is
kept apart so that a craft launched on it is not taken for it."""

from __future__ import annotations

import itertools
import re

from graph.cooperation_words import INSTRUMENT_NAME
from graph.name_forms import DESIGNATOR, Candidate, EntityKind, S
from graph.name_words import AFTER_DESIGNATOR, LAUNCHER_WORDS, MONTH_NAMES, SENTENCE_OPENERS

_CRAFT_CLASS = re.compile(
    r"(?i)(?:cube|nano|micro|pico|small|mini)?-?sat(?:ellite)?s?|probe|spacecraft|rover|"
    r"lander|orbiter|rocket|launcher"
)
_PREPOSITIONS = frozenset({"on", "in", "at", "from", "by", "with", "for", "to", "aboard", "into"})
_HEADLINE_WORD = re.compile(
    r"(?:ON|IN|AT|FROM|BY|WITH|FOR|TO|ABOARD|INTO|OF|AND|OR|AS|NEW|"
    r"[A-Z]+(?:ES|ED|ING))"
)


def designators(doc_id: str, chunk: str, offset: int) -> list[Candidate]:
    found = []
    matches = list(DESIGNATOR.finditer(chunk))
    for i, m in enumerate(matches):
        start, end = m.start(1), m.end(1)
        name = chunk[start:end]
        first = name.split(" ", 1)[0]
        # "THE CHANG'E-9" in a capitals heading: an article however it is cased
        opener = first in SENTENCE_OPENERS or first.title() in SENTENCE_OPENERS
        # "In January PRSC-EO1 was launched": a month is a date, not the name's first word
        opener = opener or first.lower() in MONTH_NAMES
        # "Replaced NigComSat-1 (2007), which failed": a verb opening a list's line
        opener = opener or re.fullmatch(r"[A-Z][a-z]{3,}ed", first) is not None
        # "the CubeSat CubeBug-1": the word for its kind of craft, not its name's first word
        opener = opener or _CRAFT_CLASS.fullmatch(first) is not None
        # "CONTROL OF TAIFA-2", "CHINA LAUNCHES KENSAT-2" in a capitals headline: a small
        # word or a verb before the name, capitalised with the rest of the line
        opener = opener or (first.isupper() and _HEADLINE_WORD.fullmatch(first) is not None)
        if " " in name and (opener or not first[:1].isupper()):
            start += len(first) + 1
            name = chunk[start:end]
        # in a list of designators ("Long March-5, Long March-7A and Long March-8
        # rockets") the word after the last one says what every one is
        last = end
        for nxt in matches[i + 1 :]:
            if re.fullmatch(
                r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:the\s+)?", chunk[last : nxt.start(1)]
            ):
                last = nxt.end(1)
            else:
                break
        following = re.match(r"(?:[\s-]+[a-z][\w-]*){1,4}", chunk[last:])
        words = following.group(0).replace("-", " ").split() if following else []
        # the word that says what it is stands before any preposition ("X on a rocket")
        words = list(itertools.takewhile(lambda w: w not in _PREPOSITIONS, words))
        word = next((w for w in words if w in AFTER_DESIGNATOR), "")
        before = chunk[max(0, start - 40) : start].lower()
        kind: EntityKind | None = S
        launcher, explicit = False, word in AFTER_DESIGNATOR
        if word in AFTER_DESIGNATOR:
            kind = AFTER_DESIGNATOR[word]
            launcher = word in LAUNCHER_WORDS
        elif re.match(r"\s+launch\s+vehicle|\s+carrier\s+rocket", chunk[last:], re.I):
            kind, launcher = None, True
        # "... on the rocket Vega-C", or a record's "Launch vehicle: Vega-C"
        if re.search(
            r"\b(?:rockets?|launch\s+vehicles?|launchers?)\s*:?\s+(?:the\s+|an?\s+)?$", before
        ):
            kind, launcher = None, True
        if kind is None and not launcher:
            continue
        # "plasma wave receiver (PWR-4)", "a neutron spectrometer named TNS-1"
        glossed = re.search(
            r"(\w+)\s*(?:\(|,?\s+(?:named|called|dubbed|designated|known\s+as)\s+)$",
            chunk[max(0, start - 40) : start],
        )
        if glossed and (
            INSTRUMENT_NAME.search(glossed.group(1)) or glossed.group(1).lower() in _DEVICES
        ):
            continue  # "plasma wave receiver (PWR-4)": an instrument's short name, no craft
        if (
            words
            and words[0] not in AFTER_DESIGNATOR
            and (INSTRUMENT_NAME.fullmatch(words[0]) or words[0] in _DEVICES)
        ):
            continue  # "the KX-2 imager", "its HEPD-02 detector": an instrument, no craft
        if _NOT_CRAFT.match(name):
            continue  # a disease's or a technical standard's designator ("UTF-8")
        found.append(
            Candidate(name, kind, doc_id, offset + start, offset + end, None, launcher, explicit)
        )
    return found


# designators of diseases, text encodings, hashes, standards and data levels ("Level-2
# data"), never a craft's
_NOT_CRAFT = re.compile(
    r"(?i)(?:covid|sars|mers|h\dn\d|utf|ucs|iso|iec|sha|md|crc|ipv|usb|pm|rfc|din|en|level)-?\d"
)


# what an instrument's short name in brackets may follow besides ``INSTRUMENT_NAME``'s
_DEVICES = frozenset(
    {
        "receiver",
        "counter",
        "antenna",
        "package",
        "experiment",
        "retroreflector",
        "reflector",
        "boom",
        "suite",
        "array",
        "spectrograph",
        "photometer",
        "polarimeter",
        "seismometer",
        "laser",
        "drill",
        "arm",
    }
)
