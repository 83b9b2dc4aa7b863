"""``spacekg query`` runs a query as the server does (issue 17, items 6 and 7): in a
query process, within QUERY_TIMEOUT and QUERY_MEMORY, refusing SERVICE; whatever goes
wrong is one line on stderr and exit status 2 (1 for a timeout), never a backtrace."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest

SPACEKG = Path(sys.executable).with_name("spacekg")


def run_query(
    store: Path, tmp_path: Path, sparql: str, *options: str
) -> subprocess.CompletedProcess:
    query_file = tmp_path / "query.rq"
    query_file.write_text(sparql, encoding="utf-8")
    return subprocess.run(
        [str(SPACEKG), "query", "--store", str(store), "--file", str(query_file),
         "--format", "csv", *options],
        capture_output=True, text=True, timeout=120,
    )


def one_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr and "panicked" not in stderr
    return lines[0]


def test_the_sort_that_panicked_the_engine_answers(
    graph_store: Path, tmp_path: Path, kit: ModuleType
) -> None:
    out = run_query(graph_store, tmp_path, kit.SORT_PANIC)
    assert out.returncode == 0, out.stderr
    assert len(out.stdout.splitlines()) > 1000


def test_a_deeply_nested_query_is_one_line(
    graph_store: Path, tmp_path: Path, kit: ModuleType
) -> None:
    out = run_query(graph_store, tmp_path, kit.NESTED)
    assert out.returncode == 2
    assert "nests groups or brackets 3000 levels deep" in one_line(out.stderr)


def test_a_query_over_the_memory_limit_is_one_line(
    graph_store: Path, tmp_path: Path, kit: ModuleType
) -> None:
    started = time.monotonic()
    out = run_query(graph_store, tmp_path, kit.MEMORY_RUNAWAY, "--query-memory", "768")
    assert out.returncode == 2
    assert "the query used more than 768 MiB" in one_line(out.stderr)
    assert time.monotonic() - started < 30


def test_a_runaway_is_stopped_at_the_timeout(
    graph_store: Path, tmp_path: Path, kit: ModuleType
) -> None:
    started = time.monotonic()
    out = run_query(graph_store, tmp_path, kit.CPU_RUNAWAY, "--query-timeout", "2")
    assert out.returncode == 1
    assert "stopped after 2 s" in one_line(out.stderr)
    assert time.monotonic() - started < 20


def test_service_is_refused_and_nothing_is_sent(graph_store: Path, tmp_path: Path) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.5)
    port = listener.getsockname()[1]
    try:
        sparql = f"SELECT * WHERE {{ SERVICE SILENT <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}"
        out = run_query(graph_store, tmp_path, sparql)
        with pytest.raises(TimeoutError):
            listener.accept()
    finally:
        listener.close()
    assert out.returncode == 2
    assert "SERVICE is not allowed" in one_line(out.stderr)
