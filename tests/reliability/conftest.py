"""Shared helpers of the reliability suite: a live ``spacekg serve`` over the real graph,
HTTP from a chosen loopback address (so one machine can play several clients), and the
memory of the server's query processes.

The queries that misbehave are kept here, so every test (and the regression tests)
use the same texts as the reports that found them (issue 17).
"""

from __future__ import annotations

import contextlib
import http.client
import json
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from urllib.parse import urlencode, urlsplit

import pytest
from test_serve_cli import running_server_process

from graph.config import Paths

# Panicked pyoxigraph's sort (a comparison that is not a total order) on the real graph.
SORT_PANIC = "SELECT * WHERE { ?s ?p ?o } ORDER BY ?o ?s"
# The same sort on an expression, which the server leaves as written: it still crashes
# the engine, and must come back as one clear line.
SORT_CRASH = "SELECT * WHERE { ?s ?p ?o } ORDER BY COALESCE(?o, ?s) ?s"
# Crashed the parser (segmentation fault).
NESTED = "SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000
# Sorts every pair of objects in full (a subquery: no LIMIT lets the engine keep only the
# top rows): grows by a few hundred MiB a second until stopped.
MEMORY_RUNAWAY = (
    "SELECT * WHERE { { SELECT ?c ?f WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY (?c) (?f) } } "
    "LIMIT 1"
)
# Minutes of CPU in almost no memory.
CPU_RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@dataclass(frozen=True)
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes
    seconds: float

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def json(self) -> dict:
        return json.loads(self.body)


def request(
    base: str,
    path: str,
    *,
    method: str = "GET",
    params: dict[str, str] | None = None,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    source: str | None = None,
    timeout: float = 60,
) -> Answer:
    """One request with a fresh connection from ``source`` (a 127.x.y.z address: each
    is another client to the server)."""
    url = urlsplit(base)
    conn = http.client.HTTPConnection(
        url.hostname, url.port, timeout=timeout, source_address=(source, 0) if source else None
    )
    started = time.monotonic()
    try:
        target = path + ("?" + urlencode(params) if params else "")
        conn.request(method, target, body=body, headers=headers or {})
        response = conn.getresponse()
        data = response.read()
        return Answer(
            response.status,
            {k.lower(): v for k, v in response.getheaders()},
            data,
            time.monotonic() - started,
        )
    finally:
        conn.close()


def query(base: str, sparql: str, **options) -> Answer:
    return request(
        base, "/sparql", params={"query": sparql}, headers={"Accept": "application/json"},
        **options,
    )


def query_process_pids(server_pid: int) -> set[int]:
    """The query processes under the server whose main process is ``server_pid``."""
    found = set()
    for status in Path("/proc").glob("[0-9]*/cmdline"):
        with contextlib.suppress(OSError):
            if b"server.query_process" in status.read_bytes():
                pid = int(status.parent.name)
                if _descends_from(pid, server_pid):
                    found.add(pid)
    return found


def _descends_from(pid: int, ancestor: int) -> bool:
    while pid > 1:
        if pid == ancestor:
            return True
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            return False
        pid = int(stat.rsplit(")", 1)[1].split()[1])
    return False


def memory_kib(pid: int) -> tuple[int, int]:
    """(VmRSS, VmSize) of ``pid`` in KiB; zeros once it is gone."""
    values = {"VmRSS": 0, "VmSize": 0}
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            name = line.split(":", 1)[0]
            if name in values:
                values[name] = int(line.split()[1])
    return values["VmRSS"], values["VmSize"]


@dataclass(frozen=True)
class Server:
    base: str
    pid: int


@contextlib.contextmanager
def serve(
    store: Path, *args: str, env: dict[str, str] | None = None
) -> Iterator[Server]:
    """``spacekg serve`` over ``store`` with ``args``, until the block ends."""
    with running_server_process(["--store", str(store), *args], env=env) as (base, proc):
        yield Server(base, proc.pid)


@pytest.fixture(scope="session")
def graph_store(built, built_paths: Paths) -> Path:
    """The real graph, built once per session (shared with the rest of the suite)."""
    return built_paths.store


@pytest.fixture(scope="session")
def kit() -> ModuleType:
    """The helpers and queries above, for the tests: a conftest cannot be imported by its
    name here, since ``tests/`` has one of its own."""
    return sys.modules[__name__]
