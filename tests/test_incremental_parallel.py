"""Parallel extraction writes the same graph, byte for byte, as one process.

The same synthetic corpus is built twice into fresh stores: once with every document read
in this process, once by a pool of two worker processes given a chunk of documents each
(the thresholds that keep small corpora in one process are lowered for the test). The
N-Quads each build loads into its store, lines sorted as the build id digests them, must
be identical bytes. (rdflib writes the ontology's triples in no fixed order, and the
published dumps are read back from the store, which labels blank nodes afresh on every
load: two builds of the same corpus in one process already differ in those.)
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from graph import extract_parallel, pipeline, store
from graph.config import Paths
from tests.test_incremental import ROOT, load_generator


def build_dump(paths: Paths) -> bytes:
    result = pipeline.build(paths)
    assert store.current_path(paths.store).resolve().name == result.info.build_id
    nquads = result.dataset.serialize(format="nquads", encoding="utf-8")
    return b"\n".join(sorted(nquads.splitlines()))


def _built_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Paths, bytes]:
    """Six synthetic documents built by one process, with a snapshot of the ontology and
    saved queries (the checkout may change between builds): the paths and the dump."""
    load_generator().generate(tmp_path / "synthetic", 6)
    for folder in ("ontology", "queries"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    base = replace(
        Paths.defaults(ROOT),
        corpus=tmp_path / "synthetic" / "corpus",
        ontology=tmp_path / "ontology",
        queries=tmp_path / "queries",
    )
    monkeypatch.setattr(extract_parallel, "default_workers", lambda: 1)
    return base, build_dump(replace(base, store=tmp_path / "one-process"))


@pytest.mark.slow
def test_a_pool_of_workers_builds_the_same_bytes_as_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base, alone = _built_alone(tmp_path, monkeypatch)

    used: list[int] = []
    real_chunks = extract_parallel.chunks
    monkeypatch.setattr(extract_parallel, "default_workers", lambda: 2)
    monkeypatch.setattr(extract_parallel, "_POOL_FROM_CHARS", 0)
    monkeypatch.setattr(
        extract_parallel,
        "chunks",
        lambda originals: (
            used.append(len(real_chunks(originals, 4_000))) or real_chunks(originals, 4_000)
        ),
    )
    pooled = build_dump(replace(base, store=tmp_path / "two-workers"))

    assert used and used[0] >= 2, "the pool was not used: the documents fit in one chunk"
    assert pooled == alone
    assert b"/graph/document/synthetic-00005>" in pooled


@pytest.mark.slow
def test_readers_started_before_discovery_build_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cold build of many documents starts its readers before the corpus's names are
    known; they find the name candidates with this process, then read each document
    with the gazetteer its task carries: the same bytes as one process."""
    base, alone = _built_alone(tmp_path, monkeypatch)

    shared: list[int] = []
    real = extract_parallel.candidates_in_parallel
    monkeypatch.setattr(extract_parallel, "default_workers", lambda: 2)
    monkeypatch.setattr(extract_parallel, "_POOL_FROM_CHARS", 0)
    monkeypatch.setattr(extract_parallel, "_CHUNK_CHARS", 3_000)
    monkeypatch.setattr(
        extract_parallel,
        "candidates_in_parallel",
        lambda documents, *rest: shared.append(len(documents)) or real(documents, *rest),
    )
    pooled = build_dump(replace(base, store=tmp_path / "early-readers"))

    assert shared == [6], "the readers were not started before discovery"
    assert pooled == alone


def test_readings_come_back_in_corpus_order() -> None:
    """Chunks cover every document once, in order, whatever their sizes."""

    class Clean:
        def __init__(self, n: int) -> None:
            self.text = "x" * n

    originals = [(None, Clean(n)) for n in (5, 50, 1, 30, 30, 2, 70)]
    groups = extract_parallel.chunks(originals, size=60)  # type: ignore[arg-type]
    assert [i for group in groups for i in group] == list(range(len(originals)))
    assert all(group for group in groups)
    assert len(groups) > 1
