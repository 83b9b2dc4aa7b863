"""Two of the apposition patterns are tried only on paragraphs that hold what every match
of them holds ("'s " for a country's body, ", a " or ", Russia's " before the class
noun), looked for first because the patterns open with a look-behind or a word boundary
the engine tries at every character. On every paragraph of the corpus and of the
held-out sets, a paragraph a pattern matches holds what is looked for first, and the
names found are those of every pattern tried everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import apposition_names as an

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = [
    "Peru's space agency, CONIDA, has signed it.",
    "Rosatom, Russia's state nuclear corporation, built it.",
    "Hongmeng, a formation of lunar-orbit microsatellites, flew.",
    "the Delft company Innovative Solutions In Space said",
]


def paragraphs() -> list[str]:
    files = sorted((ROOT / "corpus").glob("*.txt")) + sorted(
        (ROOT / "tests" / "evaluation").glob("heldout*/*.txt")
    )
    found = [p for path in files for p in path.read_text(encoding="utf-8").split("\n\n")]
    assert len(found) > 1000
    return found


@pytest.mark.parametrize("pattern", list(an._HELD))
def test_every_paragraph_a_pattern_matches_holds_what_is_looked_for_first(pattern) -> None:
    matched = [p for p in paragraphs() + EXAMPLES if pattern.search(p)]
    assert matched  # the examples at least
    assert all(an._HELD[pattern].search(p) for p in matched)


def test_the_names_are_those_of_every_pattern_tried_everywhere(monkeypatch) -> None:
    texts = paragraphs()[:3000] + EXAMPLES
    found = [an.appositions("d", p, 0) for p in texts]
    assert sum(map(len, found)) > 10
    monkeypatch.setattr(an, "_HELD", {})  # nothing looked for first
    assert [an.appositions("d", p, 0) for p in texts] == found
