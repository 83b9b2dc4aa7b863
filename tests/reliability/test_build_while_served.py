"""Builds and the server that reads the store (issue 17, items 3 and 8): two builds while
a server runs leave every query answering, and two builds at once cannot both write."""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph import pipeline, store
from graph.config import Paths, Settings
from graph.errors import StoreError
from server import create_app
from server.embedded import EmbeddedBackend
from tests.reliability.small_corpus import entry, small_corpus

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def settings_for(paths: Paths) -> Settings:
    folders = {
        "store": paths.store,
        "queries": paths.queries,
        "ontology": paths.ontology,
        "corpus": paths.corpus,
    }
    return Settings.load(folders, environ={})


def retitle(paths_corpus: Path, title: str) -> None:
    """Change the document's title: a different graph, so a new build id."""
    (paths_corpus / "manifest.toml").write_text(entry().replace("A short article", title))


@pytest.mark.slow
def test_two_builds_while_a_server_runs_leave_every_query_answering(tmp_path: Path) -> None:
    paths = small_corpus(tmp_path)
    pipeline.build(paths)
    served = store.current_path(paths.store).resolve()
    backend = EmbeddedBackend.open(paths.store, workers=1)
    client = create_app(settings_for(paths), store=backend).test_client()
    try:
        assert client.get("/sparql", query_string={"query": COUNT}).status_code == 200
        for n in (2, 3):
            retitle(paths.corpus, f"Build {n}")
            pipeline.build(paths)
        builds = [p for p in (paths.store / "builds").iterdir() if p.is_dir()]
        assert store.current_path(paths.store).resolve() != served
        assert len([p for p in builds if not p.name.endswith(store.DUMPS_SUFFIX)]) == 3
        assert served.is_dir(), "the build the server reads was pruned"
        # new query processes open the served build again, as a respawn would
        backend.close()
        backend.start_workers(1)
        answer = client.get("/sparql", query_string={"query": COUNT})
        assert answer.status_code == 200, answer.get_data(as_text=True)
        assert client.get("/healthz").status_code == 200
    finally:
        backend.close()


def _fake_build(builds: Path, name: str, age: float) -> Path:
    build = builds / name
    build.mkdir(parents=True)
    (builds / f"{name}.json").write_text("{}")
    os.utime(build, (time.time() - age, time.time() - age))
    return build


def test_prune_keeps_the_newest_two_and_every_pinned_build(tmp_path: Path) -> None:
    builds = tmp_path / "builds"
    oldest = _fake_build(builds, "a", 300)
    pinned = _fake_build(builds, "b", 200)
    _fake_build(builds, "c", 100)
    _fake_build(builds, "d", 0)
    # another reader's pin: a shared lock on its own open file, as a server holds it
    fd = os.open(builds / f"b{store.PIN_SUFFIX}", os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_SH)
    try:
        store._prune(builds, keep={"d"})
        assert not oldest.exists() and not (builds / "a.json").exists()
        assert pinned.is_dir() and (builds / "b.json").exists()
    finally:
        os.close(fd)
    store._prune(builds, keep={"d"})  # the reader is gone: now it may go
    assert not pinned.exists() and not (builds / f"b{store.PIN_SUFFIX}").exists()
    assert sorted(p.name for p in builds.iterdir()) == ["c", "c.json", "d", "d.json"]


def test_open_store_pins_the_build_it_opens(tmp_path: Path) -> None:
    paths = small_corpus(tmp_path)
    build = paths.store / "builds" / "x"
    build.parent.mkdir(parents=True)
    del_store = ox.Store(str(build))
    del del_store
    (paths.store / "current").symlink_to(Path("builds") / "x")
    store.open_store(paths.store)
    fd = os.open(build.with_name("x" + store.PIN_SUFFIX), os.O_RDWR)
    try:
        with pytest.raises(BlockingIOError):
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    finally:
        os.close(fd)


def test_one_build_lock_per_store(tmp_path: Path) -> None:
    root = tmp_path / "store"
    refused = pytest.raises(StoreError, match=f"process {os.getpid()}.*is writing to")
    with store.build_lock(root):
        with refused, store.build_lock(root):
            pass
        with store.build_lock(tmp_path / "another-store"):
            pass  # another store root has a lock of its own
    with store.build_lock(root):
        pass  # released when the first build ended
    assert StoreError.exit_code == 2


def test_a_build_waits_for_no_lock_it_cannot_get(tmp_path: Path) -> None:
    """The lock is refused, not waited for: the second build stops before reading."""
    paths = small_corpus(tmp_path)
    with store.build_lock(paths.store):
        started = time.monotonic()
        with pytest.raises(StoreError, match="wait for it to finish"):
            pipeline.build(paths)
        assert time.monotonic() - started < 5
    assert not (paths.store / "builds").exists()
