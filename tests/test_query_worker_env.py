"""What a query process's environment holds: the allocator settings it runs best with
(``server.query_worker``), and the user's own glibc tuning left as it is."""

from __future__ import annotations

from pathlib import Path

import pytest

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
