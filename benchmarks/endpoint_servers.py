"""The servers the endpoint benchmark compares, each started on a free port and stopped
after use (the synthetic graph it also measures is ``synthetic_graph.py``'s).

Used by ``endpoint_bench.py``; run by hand, never by the test suite.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Server:
    name: str
    base: str
    path: str  # where queries are POSTed
    pid: int | None = None  # the server's main process, for its CPU time

    @property
    def url(self) -> str:
        return self.base + self.path


def tree_cpu_seconds(pid: int) -> float:
    """User and system CPU seconds of ``pid`` and every process under it (web workers,
    query processes), from /proc: the CPU a request costs, which other people's load on
    a shared machine disturbs far less than requests per second. A process that ended
    and was reaped counts in its parent's figures (utime, stime, cutime, cstime), so a
    query process replaced during a run is not subtracted."""
    parents: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            child = int(stat.parent.name)
            parents[child] = int(fields[1])
            # with the CPU of the children it has reaped (query processes replaced)
            ticks[child] = sum(int(f) for f in fields[11:15])
    tree, changed = {pid}, True
    while changed:
        found = {child for child, parent in parents.items() if parent in tree} - tree
        tree |= found
        changed = bool(found)
    return sum(ticks.get(p, 0) for p in tree) / os.sysconf("SC_CLK_TCK")


def check_answers(server: Server, queries: list[str], expected: list[int]) -> str:
    """Rows per query from the server against the store's own count: a benchmark of
    wrong answers would mean nothing."""
    wrong = []
    for i, query in enumerate(queries):
        request = urllib.request.Request(
            server.url,
            data=urllib.parse.urlencode({"query": query}).encode(),
            headers={"Accept": "application/sparql-results+json"},
        )
        with urllib.request.urlopen(request, timeout=120) as response:
            got = len(json.load(response)["results"]["bindings"])
        if got != expected[i]:
            wrong.append(f"query {i + 1}: {got} rows, store {expected[i]}")
    return "; ".join(wrong) or "same row counts as the store"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait(url: str, proc: subprocess.Popen[bytes], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{url}: server exited with status {proc.returncode}")
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=5) as response:
            if response.status == 200:
                return
        time.sleep(0.3)
    raise RuntimeError(f"{url}: not up within {seconds:.0f} s")


@contextlib.contextmanager
def _process(
    command: list[str], probe: str, env: dict[str, str] | None = None, seconds: float = 120
) -> Iterator[int]:
    proc = subprocess.Popen(
        command,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        _wait(probe, proc, seconds)
        yield proc.pid
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


@contextlib.contextmanager
def spacekg(
    store_root: Path,
    *,
    cached: bool,
    workers: int | None = None,
    threads: int | None = None,
    query_workers: int | None = None,
    env: dict[str, str] | None = None,
) -> Iterator[Server]:
    """``spacekg serve`` over ``store_root``; ``env`` adds variables (``PYTHONPATH`` to run
    another copy of the code). Workers and threads not given are the code's defaults."""
    port = free_port()
    # No row cap in the comparison: the other servers send every row. No memory cap or
    # per-address cap either: they have none, and wrk's connections share one address.
    env = {
        "SPACEKG_RESULT_CACHE_BYTES": str(256 * 2**20 if cached else 0),
        "SPACEKG_ROW_LIMIT": str(10**9),
        "SPACEKG_QUERY_MEMORY": "0",
        "SPACEKG_CLIENT_QUERIES": "0",
        **(env or {}),
    }
    command = [str(BIN / "spacekg"), "serve", "--store", str(store_root), "--port", str(port)]
    if workers is not None:
        command += ["--workers", str(workers)]
    if threads is not None:
        command += ["--threads", str(threads)]
    if query_workers is not None:  # else one per thread, the default
        command += ["--query-workers", str(query_workers)]
    base = f"http://127.0.0.1:{port}"
    with _process(command, base + "/healthz", env) as pid:
        name = "spacekg serve (cached)" if cached else "spacekg serve (uncached)"
        yield Server(name, base, "/sparql", pid)


@contextlib.contextmanager
def oxigraph(build_dir: Path) -> Iterator[Server]:
    port = free_port()
    command = [str(BIN / "oxigraph"), "serve-read-only", "--location", str(build_dir)]
    command += ["--bind", f"127.0.0.1:{port}"]  # the default graph holds the merge
    base = f"http://127.0.0.1:{port}"
    with _process(command, base + "/query?query=ASK%7B%7D") as pid:
        yield Server("oxigraph serve-read-only", base, "/query", pid)


@contextlib.contextmanager
def rdflib_endpoint(nquads: Path) -> Iterator[Server]:
    port = free_port()
    command = [str(BIN / "rdflib-endpoint"), "serve", str(nquads), "--host", "127.0.0.1"]
    command += ["--port", str(port)]
    base = f"http://127.0.0.1:{port}"
    with _process(command, base + "/?query=ASK%7B%7D", seconds=600) as pid:
        yield Server("rdflib-endpoint", base, "/", pid)


def probe(build_dir: Path, queries: list[str], seconds: float) -> list[int | None]:
    """Rows each query answers over ``build_dir``, or None when it runs past ``seconds``
    (stopped by the endpoint's own killable query processes)."""
    from server import sparql_scan
    from server.backend import QueryJob, QueryTimeout
    from server.worker_pool import WorkerPool

    pool = WorkerPool(build_dir, 1)
    counts: list[int | None] = []
    try:
        for query in queries:
            shape = sparql_scan.inspect(query)
            job = QueryJob(query, shape.form or "SELECT", "TSV", 10**9)
            try:
                outcome = pool.run(job, seconds)
                # A long answer comes in frames, and its process is busy until all are read.
                body = b"".join(outcome.chunks) if outcome.chunks is not None else outcome.body
                counts.append(body.count(b"\n") - 1)
            except QueryTimeout:
                counts.append(None)
                # The killed process is replaced in the background, and opening a large
                # store can outlast ``seconds``: wait for a fresh pool instead.
                pool.close()
                pool = WorkerPool(build_dir, 1)
    finally:
        pool.close()
    return counts
