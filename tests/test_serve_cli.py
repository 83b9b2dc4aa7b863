"""``spacekg serve``: a real granian server on a free port, and its one-line errors.

``running_server`` is shared with the other live-server tests (endpoint, load, remote).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests

from graph.config import Paths
from tests.processes import alive

SPACEKG = Path(sys.executable).with_name("spacekg")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, proc: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with status {proc.returncode}")
        with contextlib.suppress(requests.RequestException):
            if requests.get(url, timeout=2).status_code == 200:
                return
        time.sleep(0.2)
    raise RuntimeError(f"server at {url} did not come up within {seconds} s")


@contextlib.contextmanager
def running_server(
    args: list[str],
    *,
    env: dict[str, str] | None = None,
    health: str = "/healthz",
    cwd: Path | None = None,
) -> Iterator[str]:
    """Run ``spacekg serve ARGS`` on a free port (in ``cwd``); yield its base URL; stop it
    after."""
    with running_server_process(args, env=env, health=health, cwd=cwd) as (base, _proc):
        yield base


@contextlib.contextmanager
def running_server_process(
    args: list[str],
    *,
    env: dict[str, str] | None = None,
    health: str = "/healthz",
    cwd: Path | None = None,
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """``running_server``, yielding the main process too (its pid is granian's)."""
    port = free_port()
    proc = subprocess.Popen(
        [str(SPACEKG), "serve", "--port", str(port), *args],
        env={**os.environ, **(env or {})},
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + health, proc)
        yield base, proc
    finally:
        # The server's process group: granian's main process, which stops its workers
        # (each in a group of its own) and they their query processes.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        if proc.stderr:
            proc.stderr.close()


def test_serve_has_help() -> None:
    out = subprocess.run([str(SPACEKG), "serve", "--help"], capture_output=True, text=True)
    assert out.returncode == 0
    for option in ("--host", "--port", "--store", "--workers", "--threads", "--query-timeout"):
        assert option in out.stdout


def test_serve_without_a_build_says_what_to_do_in_one_line(tmp_path: Path) -> None:
    out = subprocess.run(
        [str(SPACEKG), "serve", "--store", str(tmp_path / "nothing"), "--port", str(free_port())],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 2
    lines = [line for line in out.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "spacekg build" in lines[0]
    assert "Traceback" not in out.stderr


def test_serve_with_a_corrupt_store_says_so_in_one_line(
    built, built_paths: Paths, tmp_path: Path
) -> None:
    root = tmp_path / "store"
    shutil.copytree(built_paths.store, root, symlinks=True)
    build = (root / "current").resolve()
    (build / "CURRENT").write_text("garbage\n")
    out = subprocess.run(
        [str(SPACEKG), "serve", "--store", str(root), "--port", str(free_port())],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 2
    lines = [line for line in out.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, out.stderr
    assert "cannot be opened" in lines[0] and "Corruption" in lines[0]
    assert "spacekg build" in lines[0]


def test_serve_answers_under_granian_with_query_workers(built, backend, built_paths: Paths) -> None:
    with running_server(
        ["--store", str(built_paths.store), "--workers", "1", "--threads", "2"]
    ) as base:
        health = requests.get(base + "/healthz", timeout=10)
        assert health.headers["Server"] == "granian"
        body = health.json()
        assert body["build_id"] == built.info.build_id
        assert body["triples"] == built.info.triples
        assert body["store"] == str(built_paths.store)
        assert body["query_workers"] == 2
        answer = requests.get(
            base + "/sparql",
            params={"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"},
            timeout=10,
        )
        count = int(answer.json()["results"]["bindings"][0]["n"]["value"])
        named = sum(1 for q in backend.store if q.graph_name != ox.DefaultGraph())
        assert count == named  # the default graph holds their merge


PAGES = (
    "/",
    "/queries",
    "/queries/top-partners",
    "/editor",
    "/documents/",
    "/search?q=esa",
    "/id/country/brazil",
    "/ontology",
    "/dumps/",
    "/openapi.json",
)


def test_serve_started_from_another_directory_serves_every_page(
    built, built_paths: Paths, tmp_path: Path
) -> None:
    """Folders default to the project's, not the current directory's."""
    with running_server(
        ["--store", str(built_paths.store), "--workers", "1", "--threads", "1"], cwd=tmp_path
    ) as base:
        for path in PAGES:
            response = requests.get(base + path, headers={"Accept": "text/html"}, timeout=30)
            assert response.status_code == 200, (path, response.text[:200])
        answer = requests.get(base + "/sparql", params={"query": "ASK {}"}, timeout=10)
        assert answer.json() == {"head": {}, "boolean": True}
        listing = requests.get(base + "/queries", timeout=10).json()
        assert len(listing["queries"]) == len(list(Paths.defaults().queries.glob("*.rq")))


def test_serve_takes_the_queries_folder_as_an_option(
    built, built_paths: Paths, tmp_path: Path
) -> None:
    """A broken file is listed with its error; the server starts and serves the others."""
    folder = tmp_path / "queries"
    folder.mkdir()
    good = Paths.defaults().queries / "top-partners.rq"
    (folder / good.name).write_text(good.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "broken.rq").write_text("SELECT * WHERE {", encoding="utf-8")
    args = [
        "--store",
        str(built_paths.store),
        "--queries",
        str(folder),
        "--workers",
        "1",
        "--threads",
        "1",
    ]
    with running_server(args) as base:
        listing = requests.get(base + "/queries", timeout=10).json()
        assert [q["name"] for q in listing["queries"]] == ["top-partners"]
        assert listing["broken"][0]["file"] == "broken.rq"
        assert "is missing" in listing["broken"][0]["error"]
        page = requests.get(base + "/queries", headers={"Accept": "text/html"}, timeout=10)
        assert "broken.rq" in page.text
        assert requests.get(base + "/queries/top-partners", timeout=10).status_code == 200


def test_serve_reads_settings_from_the_environment(built, built_paths: Paths) -> None:
    env = {"SPACEKG_ROW_LIMIT": "3", "SPACEKG_STORE": str(built_paths.store)}
    with running_server(["--workers", "1", "--threads", "1"], env=env) as base:
        answer = requests.get(
            base + "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"}, timeout=10
        )
        assert answer.headers["X-SPARQL-Truncated"] == "true"
        assert len(answer.json()["results"]["bindings"]) == 3


@pytest.mark.parametrize("bad", ["--workers=0", "--port=notaport", "--query-workers=0"])
def test_serve_rejects_bad_options(bad: str) -> None:
    out = subprocess.run([str(SPACEKG), "serve", bad], capture_output=True, text=True, timeout=60)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr


def _children(pid: int) -> set[int]:
    """Child processes of ``pid`` (none once it is gone)."""
    with contextlib.suppress(OSError):
        return {int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}
    return set()


def _start(built_paths: Paths, *args: str) -> tuple[subprocess.Popen[bytes], str]:
    """``spacekg serve`` in a process group of its own, as a terminal gives; its pid is
    granian's main process."""
    port = free_port()
    proc = subprocess.Popen(
        [str(SPACEKG), "serve", "--store", str(built_paths.store), "--port", str(port), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    wait_until_up(base + "/healthz", proc)
    return proc, base


def _family(proc: subprocess.Popen[bytes]) -> set[int]:
    """The server's workers and their query processes."""
    workers = _children(proc.pid)
    return workers | {child for pid in workers for child in _children(pid)}


def _kill_all(proc: subprocess.Popen[bytes], pids: set[int]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    proc.wait()


def _gone(pids: set[int], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(alive(pid) for pid in pids):
            return True
        time.sleep(0.1)
    return False


def test_sighup_replaces_the_workers_and_the_server_keeps_answering(
    built, built_paths: Paths
) -> None:
    """The README's way to serve a new build: ``kill -HUP`` the server."""
    proc, base = _start(built_paths, "--workers", "1", "--threads", "1")
    family = _family(proc)
    try:
        before = _children(proc.pid)
        os.kill(proc.pid, signal.SIGHUP)
        deadline = time.monotonic() + 30
        after = before
        while time.monotonic() < deadline and (not after or after & before):
            time.sleep(0.2)
            after = _children(proc.pid)
        family |= _family(proc)
        assert before and after and not after & before
        assert requests.get(base + "/healthz", timeout=10).json()["status"] == "ok"
    finally:
        _kill_all(proc, family)


def test_ctrl_c_stops_the_whole_server_promptly_and_quietly(built, built_paths: Paths) -> None:
    """Ctrl-C signals the terminal's whole process group. Three times over, since a
    worker that heard it as well as its main process used to hang about one stop in two."""
    for _ in range(3):
        proc, _base = _start(built_paths)
        family = _family(proc)
        try:
            os.killpg(proc.pid, signal.SIGINT)
            proc.wait(timeout=8)
            stderr = proc.stderr.read().decode() if proc.stderr else ""
        finally:
            _kill_all(proc, family)
        assert "Traceback" not in stderr
        assert _gone(family, 5), "a worker or query process outlived the server"


def test_workers_do_not_outlive_a_killed_main_process(built, built_paths: Paths) -> None:
    proc, _base = _start(built_paths)
    family = _family(proc)
    try:
        proc.kill()
        proc.wait(timeout=10)
        assert _gone(family, 15)
    finally:
        _kill_all(proc, family)
