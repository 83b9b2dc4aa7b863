"""A large new document is parsed by a forked helper while the build finds its names;
the reading takes the helper's parses and parses the rest itself. The extraction is the
same as one process's, whether the helper parsed everything, part of it, or was lost.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from benchmarks.large_document_bench import large_text
from graph import early_parse, extract_incremental
from graph.extract import Reference
from graph.extraction_cache import ExtractionCache
from graph.model import Document, DocumentMeta, Extraction
from tests.conftest import ROOT

ONTOLOGY = ROOT / "ontology"


def _document(size: int) -> Document:
    meta = DocumentMeta(
        id="large",
        file="large.txt",
        title="A large document",
        publisher="benchmark",
        issued="2024-01-01",
        kind="white-paper",
    )
    return Document(meta=meta, path=Path("large.txt"), text=large_text(size, headed=True))


def _extraction(document: Document, reference: Reference, tmp: Path, workers: int) -> Extraction:
    cache = ExtractionCache(tmp / f"cache-{workers}", enabled=False)
    extraction, _stats = extract_incremental.extract_corpus(
        [document], reference, cache, ontology_dir=ONTOLOGY, workers=workers
    )
    return extraction


@pytest.fixture(scope="module")
def document() -> Document:
    return _document(450_000)


@pytest.fixture(scope="module")
def alone(document: Document, reference: Reference, tmp_path_factory: pytest.TempPathFactory):
    return _extraction(document, reference, tmp_path_factory.mktemp("alone"), workers=1)


def _taken(monkeypatch: pytest.MonkeyPatch, *, once_parsing: bool = False) -> list[int]:
    """How many parses the reading took from the helper, each time it asked
    (``once_parsing``: asking once the helper has begun to parse, however late)."""
    taken: list[int] = []
    real = early_parse.EarlyParses.parses

    def counted(self: early_parse.EarlyParses) -> dict:
        if once_parsing:
            self._parsing.wait(120)
        parses = real(self)
        taken.append(len(parses))
        return parses

    monkeypatch.setattr(early_parse.EarlyParses, "parses", counted)
    return taken


def test_the_helpers_parses_give_the_same_extraction(
    document: Document,
    reference: Reference,
    alone: Extraction,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    taken = _taken(monkeypatch, once_parsing=True)
    assert _extraction(document, reference, tmp_path, workers=2) == alone
    assert len(taken) == 1 and taken[0] > 0
    assert alone.facts


def test_a_helper_stopped_part_way_leaves_the_rest_to_parse(
    document: Document,
    reference: Reference,
    alone: Extraction,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One batch of parses, then lost (as a helper killed or out of memory)."""
    taken = _taken(monkeypatch, once_parsing=True)
    monkeypatch.setattr(early_parse, "_BATCH", 20)
    real = early_parse.parsing.parse_all
    batches = [0]

    def one_batch(texts: Sequence[str]) -> list:
        batches[0] += 1
        if batches[0] > 1:
            time.sleep(2)  # the first batch on its way back
            os._exit(9)
        return real(texts)

    monkeypatch.setattr(early_parse.parsing, "parse_all", one_batch)
    assert _extraction(document, reference, tmp_path, workers=2) == alone
    assert taken == [20]


def test_a_helper_lost_before_it_parses_is_not_waited_for(
    document: Document,
    reference: Reference,
    alone: Extraction,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    taken = _taken(monkeypatch)
    monkeypatch.setattr(early_parse, "read_document", lambda *_a, **_k: os._exit(9))
    assert _extraction(document, reference, tmp_path, workers=2) == alone
    assert taken == [0]


def test_a_small_document_or_one_core_starts_no_helper(reference: Reference) -> None:
    assert reference.gazetteer is not None
    small = _document(50_000)
    with early_parse.early_parses([small], reference.gazetteer, workers=2) as early:
        assert early is None
    with early_parse.early_parses([_document(450_000)], reference.gazetteer, workers=1) as early:
        assert early is None
