"""The words of a parse that can name a spacecraft activity are found from its array of
lemmas; the triggers are those a test of every word finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph import craft_triggers
from graph.parsing import parse_all

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def parses():
    """Sentences of the corpus and held-out sets that hold a word of launching, building,
    handing over or riding (and some that do not), parsed."""
    files = sorted((ROOT / "corpus").glob("*.txt")) + sorted(
        (ROOT / "tests" / "evaluation").glob("*/*.txt")
    )
    text = " ".join(p.read_text(encoding="utf-8") for p in files)
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if 20 < len(s) < 400]
    cue = re.compile(
        r"launch|lofted|built|develop|deliver|orbit|rode|ride|aboard|payload|passenger|"
        r"control of|reached|separated|deploy|shared",
        re.IGNORECASE,
    )
    chosen = [s for s in sentences if cue.search(s)][:1500] + sentences[:200]
    return parse_all(chosen)


def test_the_triggers_are_those_every_word_tested_gives(parses, monkeypatch):
    found = [[t.i for t in craft_triggers.triggers(d, told)] for d in parses for told in (0, 1)]
    monkeypatch.setattr(craft_triggers, "_asked_about", list)  # every word tested
    every = [[t.i for t in craft_triggers.triggers(d, told)] for d in parses for told in (0, 1)]
    assert found == every
    assert sum(map(len, found)) > 500


def test_a_word_is_asked_about_by_its_lemma_in_any_case(parses):
    for doc in parses[:300]:
        asked = [t.i for t in craft_triggers._asked_about(doc)]
        assert asked == [t.i for t in doc if t.lemma_.lower() in craft_triggers._ASKED]
