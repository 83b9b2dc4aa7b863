"""What a query process's environment holds: the allocator settings it runs best with
(``server.query_worker``, ``server.allocator``), and the user's own glibc tuning and
preload left as they are."""

from __future__ import annotations

from pathlib import Path

import pytest

from server import allocator
from server.query_worker import QueryWorker, child_environment


def _environment(tmp_path: Path) -> dict[str, str]:
    """What the query process started with: read from /proc while it runs, or (when it
    has already ended, as a process with no store may before it is read) what it was
    given."""
    worker = QueryWorker(tmp_path / "no-store", {}, 0)
    try:
        raw = Path(f"/proc/{worker.process.pid}/environ").read_bytes()
    finally:
        worker.kill()
    started = dict(entry.split("=", 1) for entry in raw.decode().split("\0") if "=" in entry)
    return started or child_environment()


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc")
def test_a_query_process_keeps_more_freed_blocks_per_thread(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("GLIBC_TUNABLES", raising=False)
    environment = _environment(tmp_path)
    assert environment["GLIBC_TUNABLES"] == "glibc.malloc.tcache_count=1000"
    assert environment["MALLOC_ARENA_MAX"] == "2"


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc")
def test_the_users_own_glibc_tuning_is_kept(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("GLIBC_TUNABLES", "glibc.malloc.tcache_count=0")
    assert _environment(tmp_path)["GLIBC_TUNABLES"] == "glibc.malloc.tcache_count=0"


@pytest.fixture
def library_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder standing for the system's libraries, holding what a test puts there."""
    folder = tmp_path / "lib"
    folder.mkdir()
    monkeypatch.setattr(allocator, "library_folders", lambda: [folder])
    monkeypatch.delenv("LD_PRELOAD", raising=False)
    allocator.faster_allocator.cache_clear()
    yield folder
    allocator.faster_allocator.cache_clear()


def test_a_query_process_preloads_mimalloc_rather_than_jemalloc(library_folder: Path) -> None:
    (library_folder / "libjemalloc.so.2").touch()
    assert child_environment()["LD_PRELOAD"] == str(library_folder / "libjemalloc.so.2")
    (library_folder / "libmimalloc.so.2").touch()
    allocator.faster_allocator.cache_clear()
    assert child_environment()["LD_PRELOAD"] == str(library_folder / "libmimalloc.so.2")


def test_without_either_library_nothing_is_preloaded(library_folder: Path) -> None:
    assert "LD_PRELOAD" not in child_environment()
    assert child_environment()["GLIBC_TUNABLES"]  # glibc's malloc, tuned as before


def test_the_users_own_preload_is_kept(library_folder: Path, monkeypatch) -> None:
    (library_folder / "libmimalloc.so.2").touch()
    monkeypatch.setenv("LD_PRELOAD", "/opt/mine/libtrace.so")
    assert child_environment()["LD_PRELOAD"] == "/opt/mine/libtrace.so"


@pytest.mark.skipif(
    allocator.faster_allocator() is None or not Path("/proc/self/environ").exists(),
    reason="neither mimalloc nor jemalloc is installed here",
)
def test_a_started_query_process_gets_the_machines_faster_allocator(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("LD_PRELOAD", raising=False)
    assert _environment(tmp_path)["LD_PRELOAD"] == str(allocator.faster_allocator())
