"""A cold build stages its store in a thread while it validates (of few long documents,
handing it to the dumps' worker; of many, writing its dumps itself after):
the staged store is the one staging in the build's own thread makes, it reaches the
dumps' worker as soon as it is written, and a build that fails on either side waits for
the thread and leaves no store, no dumps and no worker behind."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph import build_validation, dump_background, pipeline, store, store_delta
from graph.config import Paths
from graph.dump_background import abandoned
from graph.errors import StoreError, ValidationFailed
from graph.staging_thread import StagingThread

LINES = (
    b'<http://example.org/a> <http://example.org/name> "A" <http://example.org/g1> .\n'
    b"<http://example.org/a> <http://example.org/knows> <http://example.org/b> "
    b"<http://example.org/g2> .\n"
)


class Worker:
    """What the thread tells the dumps' worker."""

    def __init__(self) -> None:
        self.told: list[tuple[Path, str]] = []

    def staged(self, store_dir: Path, build_id: str) -> None:
        self.told.append((store_dir, build_id))


def nquads(tmp_path: Path) -> Path:
    path = tmp_path / "build.nq"
    path.write_bytes(LINES)
    return path


def test_the_thread_stages_what_the_build_s_own_thread_stages(tmp_path: Path) -> None:
    worker = Worker()
    staging = StagingThread(tmp_path / "beside", nquads(tmp_path), worker, full=False)  # type: ignore[arg-type]
    staged, build_id = staging.result()
    alone, alone_id = store_delta.stage(tmp_path / "alone", nquads(tmp_path))
    assert build_id == alone_id
    assert (staged.triples, staged.quads) == (alone.triples, alone.quads) == (2, 2)
    assert worker.told == [(staged.path, build_id)]
    assert len(ox.Store.read_only(str(staged.path))) == 4  # two quads, their merge
    # its thread is gone: the next large document may be read in forked parts
    assert not [t for t in threading.enumerate() if t.name.startswith("staging")]


def test_a_staging_that_fails_says_why_when_its_result_is_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise StoreError("the disk is full")

    monkeypatch.setattr(store_delta, "stage", full_disk)
    worker = Worker()
    staging = StagingThread(tmp_path, nquads(tmp_path), worker, full=False)  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="the disk is full"):
        staging.result()
    assert abandoned(staging) is None  # nothing staged to drop
    assert worker.told == []


def test_an_abandoned_staging_gives_the_store_it_staged_to_drop(tmp_path: Path) -> None:
    staging = StagingThread(tmp_path, nquads(tmp_path), Worker(), full=False)  # type: ignore[arg-type]
    staged = abandoned(staging)
    assert staged is not None and staged.path.is_dir()
    store.discard_build(staged)
    assert not staged.path.exists()


@pytest.mark.slow
def test_a_build_rejected_while_its_store_is_staged_leaves_nothing(
    built_paths: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def rejected(*_args: object, **_kwargs: object) -> None:
        raise ValidationFailed("the new graph has 1 SHACL violation(s)")

    monkeypatch.setattr(dump_background, "COLD_FROM_CHARS", 0)  # the corpus taken as large
    monkeypatch.setattr(build_validation, "validated", rejected)
    paths = replace(built_paths, store=tmp_path / "store")
    with pytest.raises(ValidationFailed):
        pipeline.build(paths)
    builds = paths.store / "builds"
    # the staged store and the dumps' worker's folder are gone (only the sorted lines
    # staging keeps for a next build's comparison stay, a file under the build's id)
    assert not list(builds.glob(".*"))
    assert not [p for p in builds.iterdir() if p.is_dir()]
    assert not store.current_path(paths.store).exists()
    assert not list(paths.store.glob(".build-*.nq"))


@pytest.mark.slow
def test_a_cold_build_of_many_documents_stages_its_store_while_it_validates(
    built_paths: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the checkout's corpus is taken as many short documents: no dumps' worker
    monkeypatch.setattr(dump_background, "COLD_UP_TO_DOCUMENTS", 0)
    started: list[StagingThread] = []
    running_while_validating: list[bool] = []

    class Recorded(StagingThread):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            started.append(self)

    validated = build_validation.validated

    def watched(*args: object, **kwargs: object) -> object:
        running_while_validating.append(bool(started))
        return validated(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "StagingThread", Recorded)
    monkeypatch.setattr(build_validation, "validated", watched)
    paths = replace(built_paths, store=tmp_path / "store")
    result = pipeline.build(paths)
    # staged by its thread, started before validation, with no worker to tell
    assert len(started) == 1 and running_while_validating == [True]
    # the same store as the build staged after its validation: the same id and quads
    kept = store_delta.lines_path(store.current_path(paths.store).resolve())
    alone, alone_id = store_delta.stage(tmp_path / "alone", kept)
    assert result.info.build_id == alone_id
    assert (result.info.triples, result.info.quads) == (alone.triples, alone.quads)
    assert not [t for t in threading.enumerate() if t.name.startswith("staging")]
