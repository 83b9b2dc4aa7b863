"""A cold build's document graphs are written by this process and a forked copy of it,
half each, into the very lines (and cache entries) one process writes."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from graph import document_lines_forked, pipeline, rdf_lines
from graph.config import Paths
from tests.test_incremental import ROOT, load_generator


def _extracted(tmp_path: Path, documents: int):
    work = tmp_path / "synthetic"
    load_generator().generate(work, documents)
    paths = replace(Paths.defaults(ROOT), corpus=work / "corpus", store=tmp_path / "store")
    return pipeline._extracted(paths, lambda _stage: None, cache=None)


def _writers_noted(monkeypatch, note: Path) -> None:
    """Each process that writes a document's graph notes its id in ``note``."""
    write = rdf_lines.document_lines

    def noted(*args, **kwargs):
        with note.open("a") as out:
            out.write(f"{os.getpid()}\n")
        return write(*args, **kwargs)

    monkeypatch.setattr(rdf_lines, "document_lines", noted)


def test_two_processes_write_the_lines_one_process_writes(tmp_path: Path, monkeypatch) -> None:
    documents, extraction = _extracted(tmp_path, 6)
    alone = rdf_lines.QuadsCache(tmp_path / "alone")
    expected = rdf_lines.documents_lines(documents, extraction, alone)

    note = tmp_path / "writers"
    _writers_noted(monkeypatch, note)
    monkeypatch.setattr(document_lines_forked, "FORK_FROM", 2)
    # a build's process runs no other thread; the test run may have one left by another
    # test, which would (rightly) keep a build from forking
    monkeypatch.setattr(document_lines_forked, "may_fork", lambda: True)
    shared = rdf_lines.QuadsCache(tmp_path / "shared")
    made = document_lines_forked.documents_lines(documents, extraction, shared)

    assert made == expected  # same graphs, in the same order, byte for byte
    assert list(made) == list(expected)
    assert shared.written == alone.written == 6
    writers = note.read_text().split()
    assert len(writers) == 6 and str(os.getpid()) in writers
    assert len(set(writers)) == 2  # a forked child wrote the rest
    # what is kept is what one process keeps: a second build reads every graph back
    again = rdf_lines.QuadsCache(tmp_path / "shared")
    assert document_lines_forked.documents_lines(documents, extraction, again) == expected
    assert again.written == 0


def test_few_graphs_to_write_fork_nothing(tmp_path: Path, monkeypatch) -> None:
    documents, extraction = _extracted(tmp_path, 3)
    note = tmp_path / "writers"
    _writers_noted(monkeypatch, note)
    cache = rdf_lines.QuadsCache(tmp_path / "quads")
    made = document_lines_forked.documents_lines(documents, extraction, cache)
    assert len(made) == 3 and cache.written == 3
    assert set(note.read_text().split()) == {str(os.getpid())}
