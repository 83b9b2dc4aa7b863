"""The cue phrases and rocket names a long document is searched for are looked up
without trying every pattern on every sentence or at every character; what is found is
what trying them all finds (issue 17 item 11: a 10 MB document)."""

from __future__ import annotations

import re
from pathlib import Path

from graph.area_cues import _FOLDED_TO_ASCII, _cue_index, _cue_patterns, lowered
from graph.headings import heading_area
from graph.launch_context import (
    _CHINESE_OPENINGS,
    _OTHERS_OPENINGS,
    CHINESE_LAUNCH,
    OTHERS_ROCKETS,
    _match_starts,
)

ROOT = Path(__file__).resolve().parent.parent


def _texts() -> list[str]:
    """The corpus's and held-out sets' documents, cut into sentences."""
    paths = sorted(ROOT.glob("corpus/*.txt")) + sorted(ROOT.glob("tests/evaluation/heldout*/*.txt"))
    text = "\n".join(p.read_text(encoding="utf-8") for p in paths)
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def _matching(cues, text: str) -> list[int]:
    return [at for at, cue in enumerate(_cue_patterns(cues)) if cue.pattern.search(text)]


def test_a_sentence_is_tried_on_every_phrase_it_holds_and_few_others(reference):
    cues = reference.gazetteer.area_cues
    index = _cue_index(cues)
    texts = _texts()
    tried = 0
    for text in texts:
        candidates = index.candidates(text, lowered(text))
        matching = _matching(cues, text)
        assert set(matching) <= set(candidates), text
        # ... and the stem's pre-test lets each through, the text lower-cased or not
        assert all(_cue_patterns(cues)[at].may_match(text, lowered(text)) for at in matching)
        assert list(candidates) == sorted(candidates)  # longest phrase first, as before
        tried += len(candidates)
    assert tried < len(texts) * len(_cue_patterns(cues)) / 3


def test_a_phrase_inside_a_longer_word_or_in_another_form_is_still_found(reference):
    cues = reference.gazetteer.area_cues
    index = _cue_index(cues)
    for text in (
        "The two agencies trained crews and tracked the probe.",  # "train", "track"
        "It supports Tracking And Command, GNSS and TT&C services.",  # capitals
        "Lunar-exploration data\u2019s exchange",  # not ASCII, read lower-cased too
        "\u201cTRAC\u212aING\u201d",  # a Kelvin sign, which IGNORECASE takes for "k"
    ):
        candidates = index.candidates(text, lowered(text))
        assert _matching(cues, text)
        assert set(_matching(cues, text)) <= set(candidates)


def test_the_characters_taken_for_ascii_ones_without_regard_to_case_are_all_known():
    """Of all of Unicode, those ``re.IGNORECASE`` matches with an ASCII character: a text
    holding none of them is read lower-cased, one holding any is tried on every phrase."""
    ascii_ignoring_case = re.compile(r"[\x00-\x7f]", re.IGNORECASE)
    found = {chr(c) for c in range(0x80, 0x110000) if ascii_ignoring_case.fullmatch(chr(c))}
    assert found == {c for c in "\u0130\u0131\u017f\u212a" if _FOLDED_TO_ASCII.fullmatch(c)}
    assert lowered("Space \u201cweather\u201d") == "space \u201cweather\u201d"
    assert lowered("TRAC\u212aING") is None


def test_a_heading_names_the_area_of_the_longest_phrase_it_holds(reference):
    gazetteer = reference.gazetteer
    # "deep space stations" (tracking) before "deep space" (exploration)
    assert heading_area("Deep space stations", gazetteer) == "tt-c"
    assert heading_area("(4) Deep-space exploration", gazetteer) == (
        "lunar-and-deep-space-exploration"
    )
    assert heading_area("SATELLITE NAVIGATION", gazetteer) == "satellite-navigation"
    assert heading_area("Contents", gazetteer) is None


def test_rockets_are_found_where_the_whole_pattern_finds_them():
    text = "\n".join(_texts())
    text += " Long March-5 xLong March; aXichang, CZ-2C from Kourou and Falcon 9 HH3 H3."
    for pattern, openings in (
        (CHINESE_LAUNCH, _CHINESE_OPENINGS),
        (OTHERS_ROCKETS, _OTHERS_OPENINGS),
    ):
        expected = [m.start() for m in pattern.finditer(text)]
        assert expected
        assert list(_match_starts(pattern, openings, text)) == expected
