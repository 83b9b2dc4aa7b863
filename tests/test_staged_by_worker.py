"""A cold build of few long documents has the dumps' worker stage its store, then write
the dumps from it, while the build validates its lines: no thread of the build's stages
it (one that took turns at Python's lock with validation), and the store committed is
the one the build's own process stages from the same lines."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest

from graph import dump, dump_background, pipeline, store, store_delta
from graph.config import Paths
from graph.errors import StoreError


@pytest.mark.slow
def test_the_dumps_worker_stages_a_cold_build_of_a_long_document(
    built_paths: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dump_background, "COLD_FROM_CHARS", 0)  # the corpus taken as long
    threads: list[str] = []

    class NoThread:
        def __init__(self, *_args: object, **_kwargs: object) -> None:
            threads.append("started")
            raise AssertionError("a thread of the build staged the store")

    def not_here(*_args: object, **_kwargs: object) -> None:
        raise StoreError("staged in the build's own process")

    monkeypatch.setattr(pipeline, "StagingThread", NoThread)
    # the worker is spawned: it imports its own store_delta, not this patched one
    monkeypatch.setattr(store_delta, "stage", not_here)
    paths = replace(built_paths, store=tmp_path / "store")
    result = pipeline.build(paths)
    monkeypatch.undo()

    assert threads == []
    assert not [t for t in threading.enumerate() if t.name.startswith("staging")]
    # the store the worker staged is the one staging the build's kept lines alone gives
    kept = store_delta.lines_path(store.current_path(paths.store).resolve())
    alone, alone_id = store_delta.stage(tmp_path / "alone", kept)
    assert result.info.build_id == alone_id
    assert (result.info.triples, result.info.quads) == (alone.triples, alone.quads)
    # and the dumps beside it were written from it, every checksum right
    assert dump.verify_checksums(dump.current_dumps(paths.store)) == []
