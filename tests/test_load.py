"""Load: 8 concurrent clients for 30 s on the saved-query mix, one of them sending a
query that would run for minutes. The others must see no error at all, and every
runaway must be stopped at the timeout. Not a benchmark: nothing here asserts speed."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
import requests
from test_serve_cli import running_server

from graph.config import Paths
from graph.saved_queries import editor_text, load_queries

CLIENTS = 8
SECONDS = 30.0
TIMEOUT = 3.0
# a cross product counted: CPU without end and little memory, so the time limit stops it
# (sorted, it may fill the query memory limit first and get a 507 of its own)
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def loaded_server(built, built_paths: Paths) -> Iterator[str]:
    args = ["--store", str(built_paths.store), "--workers", "2", "--threads", "4"]
    # No result cache: every request is evaluated by a query process. The eight clients
    # share one address here, so no per-address cap (tests/reliability covers it).
    env = {"SPACEKG_QUERY_TIMEOUT": str(TIMEOUT), "SPACEKG_RESULT_CACHE_BYTES": "0",
           "SPACEKG_CLIENT_QUERIES": "0"}
    with running_server(args, env=env) as base:
        yield base


def query_mix(paths: Paths) -> list[str]:
    queries = load_queries(paths.queries).values()
    mix = [editor_text(q, q.bind({})) for q in sorted(queries, key=lambda q: q.name)]
    assert mix, "no saved queries"
    return mix


@pytest.mark.slow
def test_eight_clients_with_a_runaway_among_them(loaded_server: str, built_paths: Paths) -> None:
    mix = query_mix(built_paths)
    stop_at = time.monotonic() + SECONDS
    failures: list[str] = []
    answered = [0] * CLIENTS
    runaway_seconds: list[float] = []
    runaway_statuses: list[int] = []

    def client(number: int) -> None:
        session = requests.Session()
        i = number
        while time.monotonic() < stop_at:
            query = mix[i % len(mix)]
            i += 1
            try:
                response = session.post(
                    loaded_server + "/sparql", data={"query": query}, timeout=60
                )
            except requests.RequestException as exc:
                failures.append(f"client {number}: {exc}")
                continue
            if response.status_code != 200:
                failures.append(f"client {number}: {response.status_code} {response.text[:200]}")
            else:
                answered[number] += 1

    def runaway() -> None:
        session = requests.Session()
        while time.monotonic() < stop_at:
            started = time.monotonic()
            response = session.get(loaded_server + "/sparql", params={"query": RUNAWAY}, timeout=60)
            runaway_seconds.append(time.monotonic() - started)
            runaway_statuses.append(response.status_code)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS - 1)]
    threads.append(threading.Thread(target=runaway))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    assert all(answered[: CLIENTS - 1]), answered
    assert len(runaway_statuses) >= SECONDS / (TIMEOUT + 3)
    assert set(runaway_statuses) == {503}
    assert all(TIMEOUT <= s < TIMEOUT + 3 for s in runaway_seconds), runaway_seconds
    health = requests.get(loaded_server + "/healthz", timeout=10).json()
    assert health["status"] == "ok"
