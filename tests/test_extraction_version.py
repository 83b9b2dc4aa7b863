"""The extractor's version (part of every extraction cache key) is the code extraction
runs: editing a module that only runs after it (the summaries, the store, the dumps,
validation) must not make the next build read every document again."""

from __future__ import annotations

from pathlib import Path

from graph import extraction_cache

GRAPH = Path(extraction_cache.__file__).resolve().parent
AFTER = ("summar", "store", "dump", "validate")


def test_modules_that_run_after_extraction_are_not_in_its_version() -> None:
    later = {p.name for p in GRAPH.glob("*.py") if p.name.startswith(AFTER)}
    assert later, "no module found: the prefixes above are out of date"
    assert later <= extraction_cache._AFTER_EXTRACTION
