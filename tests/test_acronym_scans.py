"""The acronym and body patterns are tried only on paragraphs that hold what every match
of them holds (three capitals, a bracket, "=" or ":", ", the ", ", a ", a verb of
signing or working), looked for first because the patterns open with a look-behind or a
word boundary the engine tries at every character. On every paragraph of the corpus and
of the held-out sets, and on examples of each kind, a paragraph a pattern matches holds
what is looked for first, and the candidates are those the patterns find."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from graph import acronym_candidates as ac

ROOT = Path(__file__).resolve().parent.parent

# each pattern, and what a paragraph it matches holds (as the module looks for it)
NEEDS: list[tuple[re.Pattern[str], Callable[[str], object]]] = [
    (ac._ACTING, ac._THREE_CAPITALS.search),
    (ac._CALLED, ac._THREE_CAPITALS.search),
    (ac._GLOSSED, lambda chunk: "(" in chunk),
    (ac._APPOSED, ac._COMMA_THE.search),
    (ac._DEFINED, lambda chunk: "=" in chunk or ":" in chunk),
    (ac._NAMED_ACTOR, lambda chunk: "(" in chunk),
    (ac._DESCRIBED_ACTOR, ac._COMMA_ARTICLE.search),
    (ac._ACTING_NAME, lambda chunk: any(word in chunk for word in ac._ACTING_WORDS)),
]
EXAMPLES = [
    "CNES has supplied the camera.",
    "the Thai space agency GISTDA said",
    "CNES (French space agency) built it.",
    "SVOM, the Space Variable Objects Monitor, was launched.",
    "AMSA = Mauritanian Space Agency; CONAE: the National Commission",
    "Shanghai Spacecom Satellite Technology (SpaceSail), the company deploying it, signed",
    "Chang Guang Satellite Technology, the maker of the Jilin-1 constellation, signed",
    "CNSA and Roscosmos signed it; it was launched for Satellogic on a Long March 2D.",
]


def paragraphs() -> list[str]:
    files = sorted((ROOT / "corpus").glob("*.txt")) + sorted(
        (ROOT / "tests" / "evaluation").glob("heldout*/*.txt")
    )
    found = [p for path in files for p in path.read_text(encoding="utf-8").split("\n\n")]
    assert len(found) > 1000
    return found


@pytest.mark.parametrize("example", EXAMPLES)
def test_each_example_is_matched_and_holds_what_is_looked_for(example: str) -> None:
    matched = [needs for pattern, needs in NEEDS if pattern.search(example)]
    assert matched  # the examples are found: each pattern at least once among them
    assert all(needs(example) for needs in matched)


def test_every_pattern_is_found_by_an_example() -> None:
    assert all(any(p.search(e) for e in EXAMPLES) for p, _needs in NEEDS)


def test_every_paragraph_a_pattern_matches_holds_what_is_looked_for_first() -> None:
    matched = 0
    for paragraph in paragraphs():
        for pattern, needs in NEEDS:
            if pattern.search(paragraph):
                matched += 1
                assert needs(paragraph), (pattern.pattern[:40], paragraph[:80])
    assert matched > 100


def test_the_candidates_are_those_the_patterns_find() -> None:
    for paragraph in paragraphs()[:3000] + EXAMPLES:
        acting = [
            m.group(1)
            for m in [*ac._ACTING.finditer(paragraph), *ac._CALLED.finditer(paragraph)]
            if m.group(1) not in ac.SENTENCE_OPENERS
        ]
        assert [c.label for c in ac.acting_acronyms("d", paragraph, 0)] == acting
