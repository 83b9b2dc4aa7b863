"""A store that cannot be opened under a running server (issue 17, item 3, the server's
side): ``/healthz`` says "degraded" and why, queries are told at once rather than after
the timeout, and the server keeps trying, with a growing pause, instead of crashing or
starting processes in a loop."""

from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path
from types import ModuleType

from graph.store import current_path


def test_a_store_removed_under_the_server_is_reported_not_hidden(
    graph_store: Path, tmp_path: Path, kit: ModuleType
) -> None:
    store = tmp_path / "store"
    shutil.copytree(graph_store, store, symlinks=True)
    with kit.serve(store, "--workers", "1", "--threads", "1", "--query-timeout", "20") as server:
        assert kit.query(server.base, "ASK {}").status == 200
        shutil.rmtree(current_path(store).resolve())  # as a careless prune would
        (query_process,) = kit.query_process_pids(server.pid)
        os.kill(query_process, signal.SIGKILL)  # its replacement cannot open the build
        deadline = time.monotonic() + 20
        health = kit.request(server.base, "/healthz")
        while health.status == 200 and time.monotonic() < deadline:
            time.sleep(0.2)
            health = kit.request(server.base, "/healthz")
        assert health.status == 503, health.text
        body = health.json()
        assert body["status"] == "degraded"
        assert "cannot open the store" in body["reason"]
        assert health.seconds < 1
        answer = kit.query(server.base, "ASK { ?s ?p 42 }")  # not in the result cache
        assert answer.status == 503 and answer.seconds < 2, answer.text
        assert "no query process can open the store" in answer.json()["error"]
        # pages that need no query still answer
        assert kit.request(server.base, "/openapi.json").status == 200
        # and the failed starts are paced (0.5 s, 1 s, 2 s, ... apart), not a storm
        first = body["query_worker_start_failures"]
        time.sleep(4)
        later = kit.request(server.base, "/healthz").json()["query_worker_start_failures"]
        assert 1 <= later - first <= 3
