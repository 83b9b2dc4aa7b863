"""A sentence is cut after a footnote's mark ("... missions.1 The ..."), after a
designator's full stop ("... PakSat-1R. Built by ...") and before an item's letter
("... satellites. (b) The ..."). Each cut's pattern is tried only where the text holds
what the cut needs (a stop before a digit, superscript or bracket; a hyphen before a
digit; a bracket): the cuts are those of trying every pattern everywhere, on every
paragraph of the corpus and of the held-out sets and on marks at the edge of the range."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from graph import recognise
from graph.recognise import _after_footnotes

ROOT = Path(__file__).resolve().parent.parent


def every_pattern_everywhere(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cuts as made before the patterns were sought by what they need."""
    cuts = {
        m.end()
        for pattern in (recognise._FOOTNOTE_END, recognise._DESIGNATOR_END, recognise._ITEM_MARK)
        for m in pattern.finditer(text, start, end)
    }
    pieces = []
    for a, b in itertools.pairwise([start, *sorted(cuts), end]):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            pieces.append((a, b))
    return pieces


def test_each_kind_of_cut_is_still_made() -> None:
    text = (
        "It flew science missions.1 The Leibniz Institute joined. It used PakSat-1R. "
        "Built by CAST, it served. It was a specialist.[16] Pakistan will fly. "
        "It took Fengyun data. (b) The National Centre agreed. In July 1990.\u00b9 China built it."
    )
    pieces = _after_footnotes(text, 0, len(text))
    assert [text[a:b] for a, b in pieces][:5] == [
        "It flew science missions.1",
        "The Leibniz Institute joined. It used PakSat-1R.",
        "Built by CAST, it served. It was a specialist.[16]",
        "Pakistan will fly. It took Fengyun data.",
        "(b) The National Centre agreed. In July 1990.\u00b9",
    ]
    assert pieces == every_pattern_everywhere(text, 0, len(text))


def test_a_mark_whose_stop_is_just_before_the_range_is_seen() -> None:
    text = "It ended here.[3] The next one began."
    start = text.index("[")  # the stop the look-behind needs is outside the range
    assert _after_footnotes(text, start, len(text)) == every_pattern_everywhere(
        text, start, len(text)
    )
    assert _after_footnotes(text, start, len(text))[0] == (start, start + 3)


def test_the_cuts_of_every_paragraph_of_the_corpus_and_held_out_sets_are_unchanged() -> None:
    files = sorted((ROOT / "corpus").glob("*.txt")) + sorted(
        (ROOT / "tests" / "evaluation").glob("heldout*/*.txt")
    )
    assert len(files) > 100
    cut = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        for paragraph in re.finditer(r"[^\n]+", text):
            start, end = paragraph.span()
            pieces = _after_footnotes(text, start, end)
            assert pieces == every_pattern_everywhere(text, start, end), path.name
            cut += len(pieces) > 1
    assert cut > 50  # paragraphs where a cut was made: the patterns were tried and found
