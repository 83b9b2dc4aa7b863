"""A look-ahead set before a pattern that scans a whole text, so that the engine seeks its
first letters at once, changes none of its matches."""

from __future__ import annotations

import re
from pathlib import Path

from graph.coreference import _IT_ACTS

ROOT = Path(__file__).resolve().parent.parent


def _documents() -> list[str]:
    files = sorted((ROOT / "corpus").glob("*.txt")) + sorted(
        (ROOT / "tests" / "evaluation").glob("*/*.txt")
    )
    return [path.read_text(encoding="utf-8") for path in files]


def test_it_that_acts_is_found_where_the_pattern_without_its_look_ahead_finds_it():
    prefix = "(?=It)(?:"
    assert _IT_ACTS.pattern.startswith(prefix) and _IT_ACTS.pattern.endswith(")")
    bare = re.compile(_IT_ACTS.pattern[len(prefix) : -1], _IT_ACTS.flags)
    texts = [*_documents(), "The agency met. It will also train engineers.\nIts camera flew."]
    found = [[(m.span(), m.groups()) for m in _IT_ACTS.finditer(t)] for t in texts]
    assert found == [[(m.span(), m.groups()) for m in bare.finditer(t)] for t in texts]
    assert found[-1] == [((16, 34), ("It", None)), ((46, 56), (None, "Its"))]
