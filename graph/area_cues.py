"""The areas a sentence names: set phrases from ``ontology/reference/area-cues.ttl`` in
any of their word forms ("tracking", "tracked"), and areas said by a verb and its object
("exchange CBERS data"), outside entity names; a phrase inside a longer noun phrase with
another cue gives way to the head."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from graph.gazetteer import Gazetteer
from graph.model import EntityKind
from graph.reading import Sentence


@dataclass(frozen=True)
class Cue:
    area: str
    start: int
    end: int
    titled: bool  # written as part of a capitalised name ("for Space Weather")


# areas said by a verb and its object rather than by a set phrase: data that are shared,
# exchanged or given access to ("exchange CBERS data", "imagery will be shared")
_DATA_WORDS = r"(?:data|datasets?|imagery|images|observations|records|samples)"
_PATTERN_CUES = (
    (
        re.compile(
            rf"\b(?:exchang|shar)\w*\s+(?:[\w'\u2019-]+\s+){{0,4}}?{_DATA_WORDS}\b"
            # where the data come from is part of what is exchanged ("data from the camera")
            rf"(?:\s+from\s+(?:the|its|their)\s+(?:[\w-]+\s+){{0,2}}?[\w-]+\b)?"
            rf"|\b{_DATA_WORDS}\s+(?:\w+\s+){{0,5}}?(?:shared|exchanged)\b"
            rf"|\baccess\s+to\s+(?:[\w'\u2019-]+\s+){{0,4}}?{_DATA_WORDS}\b",
            re.IGNORECASE,
        ),
        "data-exchange",
    ),
)


def _inflected(phrase: str) -> str:
    """A cue word may take any of its inflections ("tracking" is also "tracked" and
    "track", "trained" also "training"), a cue phrase its plural."""
    stem, endings = _stem(phrase)
    return re.escape(stem) + endings


def _stem(phrase: str) -> tuple[str, str]:
    """The words every form of the phrase starts with, and the endings it may take."""
    if phrase.isupper() or not phrase[-1:].isalpha():
        return phrase, ""
    head, _sep, last = phrase.rpartition(" ")
    if head:  # in a phrase only the plural: "satellite engineering" is not "... engineers"
        return phrase, r"(?:s|es)?"
    base = last
    for suffix in ("ing", "ed", "es", "s"):
        if last.endswith(suffix) and len(last) - len(suffix) >= 4 and not last.endswith("ss"):
            base = last[: -len(suffix)]
            break
    return head + _sep + base, r"(?:s|es|ed|d|ing|e)?"


@dataclass(frozen=True)
class _CuePattern:
    pattern: re.Pattern[str]
    area: str
    upper: bool  # written in capitals, matched as written
    stem: str  # what every match holds (lower-cased unless ``upper``)

    def may_match(self, text: str, low: str | None) -> bool:
        """False when the text cannot hold the phrase: the pattern is slow beside
        ``in``. Without regard to case, only text lower-cased where that is what
        ``re.IGNORECASE`` does (``low``: ``lowered``) and an ASCII stem are compared."""
        if self.upper:
            return self.stem in text
        return low is None or not self.stem.isascii() or self.stem in low


@lru_cache(maxsize=8)
def _cue_patterns(cues: tuple[tuple[str, str], ...]) -> tuple[_CuePattern, ...]:
    """Each cue phrase's pattern, longest phrase first: compiled once per gazetteer, not
    once per sentence."""
    return tuple(
        _CuePattern(
            re.compile(
                rf"(?<![\w&]){_inflected(phrase)}(?![\w&])",
                0 if phrase.isupper() else re.IGNORECASE,
            ),
            area,
            phrase.isupper(),
            _stem(phrase)[0] if phrase.isupper() else _stem(phrase)[0].lower(),
        )
        for phrase, area in sorted(cues, key=lambda c: -len(c[0]))
    )


# what ``re.IGNORECASE`` takes for an ASCII character though it is none (the Kelvin sign
# for "k", the long s for "s", dotted and dotless i: a test finds them among all of
# Unicode). In a text without them, a phrase in ASCII can match only ASCII characters,
# which lower-casing compares as the pattern does
_FOLDED_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def lowered(text: str) -> str | None:
    """``text`` lower-cased, where an ASCII stem found in it (``in``) is a pre-test of
    the pattern without regard to case; else None (every phrase is tried)."""
    if text.isascii() or not _FOLDED_TO_ASCII.search(text):
        return text.lower()
    return None


# the words of a text: each cue phrase is indexed by its stem's first characters (every
# match opens a word with its stem), so that a sentence is tried only on the phrases whose
# key one of its words opens with, not on all of them
_KEY = 4
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class _CueIndex:
    """Which cue phrases a sentence may hold, found in one scan of its words: the
    phrases matched without regard to case (their places in ``_cue_patterns``) by the
    first ``_KEY`` characters of their stem lower-cased; the others (in capitals, or
    whose stem opens with fewer word characters, or not ASCII) are tried on every
    sentence."""

    keyed: dict[str, tuple[int, ...]]
    always: tuple[int, ...]
    every: tuple[int, ...]

    def candidates(self, text: str, low: str | None) -> list[int] | tuple[int, ...]:
        """The phrases to try on ``text`` (``low``: ``lowered(text)``), in
        ``_cue_patterns``' order: a superset of those that match; all of them when
        ``low`` is None. A word that opens with a phrase's stem opens with its key
        lower-cased: the stem's ASCII characters are matched by ASCII ones."""
        if low is None:
            return self.every
        found = set(self.always)
        keyed = self.keyed
        for key in {word[:_KEY].lower() for word in _WORDS.findall(text)}:
            if key in keyed:
                found.update(keyed[key])
        return sorted(found)


@lru_cache(maxsize=8)
def _cue_index(cues: tuple[tuple[str, str], ...]) -> _CueIndex:
    keyed: dict[str, list[int]] = {}
    always = []
    patterns = _cue_patterns(cues)
    for at, cue in enumerate(patterns):
        key = cue.stem[:_KEY]
        if cue.upper or not cue.stem.isascii() or len(key) < _KEY or not _WORDS.fullmatch(key):
            always.append(at)
        else:
            keyed.setdefault(key, []).append(at)
    return _CueIndex(
        {k: tuple(v) for k, v in keyed.items()}, tuple(always), tuple(range(len(patterns)))
    )


def first_cue(text: str, cues: tuple[tuple[str, str], ...], last: bool = False) -> str | None:
    """The area of the first (or ``last``) cue phrase in ``text``, in any of its forms."""
    found = [
        (m.start() if not last else -m.end(), cue.area)
        for cue in _cue_patterns(cues)
        for m in cue.pattern.finditer(text)
    ]
    return min(found)[1] if found else None


# "training in satellite navigation": a cue followed by "in" and another is the head of
# the phrase, and the second only says what it is in
_MODIFIER_AFTER = re.compile(r"\s+in\s+(?:the\s+)?")


def area_cues(sentence: Sentence, gazetteer: Gazetteer) -> list[Cue]:
    """Area phrases of a sentence outside entity names; a phrase inside a longer noun
    phrase with another cue ("earth observation satellite data exchange") gives way
    to the head, the last one, or the first when "in" joins them ("training in
    satellite navigation")."""
    # the area words inside a body's name are titled cues ("Joint Laboratory for Space
    # Weather"); inside other names they are no cue at all
    masked = tuple(
        (m.start - sentence.start, m.end - sentence.start)
        for m in sentence.mentions
        if m.kind is not EntityKind.ORGANISATION or not gazetteer.entities[m.key].discovered
    )
    return list(_text_cues(sentence.text, masked, gazetteer.area_cues))


# a sentence said again (a repeated paragraph, a table's boilerplate: each of the large
# benchmark's sentences about eighty times) has the same cues, which depend on its text,
# where the names lie in it and the gazetteer's cue phrases alone
@lru_cache(maxsize=8192)
def _text_cues(
    text: str, masked: tuple[tuple[int, int], ...], cues: tuple[tuple[str, str], ...]
) -> tuple[Cue, ...]:
    """``area_cues`` of a sentence's ``text`` whose names lie at ``masked`` (offsets in
    the text)."""
    taken: list[Cue] = []
    low = lowered(text)
    patterns = _cue_patterns(cues)
    for at in _cue_index(cues).candidates(text, low):
        cue = patterns[at]
        # (``cue.may_match`` written out)
        stem = cue.stem
        if cue.upper:
            if stem not in text:
                continue
        elif low is not None and stem.isascii() and stem not in low:
            continue
        area, upper = cue.area, cue.upper
        for m in cue.pattern.finditer(text):
            s, e = m.start(), m.end()
            if any(a < e and s < b for a, b in masked) or any(
                c.start < e and s < c.end for c in taken
            ):
                continue
            words = m.group(0).split()
            titled = not upper and len(words) > 0 and all(w[:1].isupper() for w in words) and s > 0
            taken.append(Cue(area, s, e, titled))
    for pattern, area in _PATTERN_CUES:
        for m in pattern.finditer(text):
            s, e = m.start(), m.end()
            # the data are what is exchanged: a phrase that only says which data
            # ("exchanging Earth observation data") gives way to the exchange
            inner = [c for c in taken if s <= c.start and c.end <= e and not c.titled]
            if not any(c.start < e and s < c.end for c in taken if c not in inner):
                taken = [c for c in taken if c not in inner] + [Cue(area, s, e, False)]
    taken.sort(key=lambda c: c.start)
    heads: list[Cue] = []
    for cue in taken:
        if heads and not cue.titled and not heads[-1].titled:
            between = text[heads[-1].end : cue.start]
            if (
                not re.search(r"[,;:()\u2013\u2014]|\b(?:and|or|with|on|for|to)\b", between)
                and len(between.split()) <= 3
            ):
                if not _MODIFIER_AFTER.fullmatch(between):
                    heads[-1] = cue
                # ("training in satellite navigation": the field is what the training is in)
                continue
        heads.append(cue)
    return tuple(heads)
