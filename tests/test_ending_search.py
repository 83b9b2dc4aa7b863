"""A pattern asked of the text just before a place answers as if asked of the whole
text before it (``graph/ending_search.py``), whatever whitespace lies there."""

from __future__ import annotations

import random
import re
from pathlib import Path

from graph.ending_search import WINDOW, ends_at

ROOT = Path(__file__).resolve().parent.parent
OF_BEFORE = re.compile(r"\s(?:of|for|de|du|in)\s+(?:the\s+)?$")


def test_a_name_after_of_is_seen_in_a_long_text() -> None:
    text = "x " * 10_000 + "the Institute of the Space Centre"
    at = text.index("Space")
    assert ends_at(OF_BEFORE, text, at, letters=6)
    assert not ends_at(OF_BEFORE, text, text.index("Institute"), letters=6)


def test_a_match_longer_than_the_window_is_still_found() -> None:
    # "of", then more whitespace than the window holds: only the whole text shows it
    text = "Institute of" + " " * (WINDOW * 3) + "Space"
    at = text.index("Space")
    assert OF_BEFORE.search(text[at - WINDOW : at]) is None
    assert ends_at(OF_BEFORE, text, at, letters=6)


def test_every_place_of_the_corpus_answers_as_the_whole_text_before_it() -> None:
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("corpus/*.txt")))
    places = [m.start() for m in re.finditer(r"[A-Z]", text)]
    for at in random.Random(17).sample(places, 3_000):
        assert ends_at(OF_BEFORE, text, at, 6) == (OF_BEFORE.search(text[:at]) is not None)


def test_random_whitespace_runs_answer_as_the_whole_text_before_them() -> None:
    pick = random.Random(11)
    words = ["of", "for", "the", "in", "du", "X", "Agency", "\n", "\n\n", " " * 70, "\t"]
    for _ in range(300):
        text = " ".join(pick.choice(words) for _ in range(pick.randint(1, 30)))
        for at in range(len(text) + 1):
            expected = OF_BEFORE.search(text[:at]) is not None
            assert ends_at(OF_BEFORE, text, at, 6) == expected, (text, at)
