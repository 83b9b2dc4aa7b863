"""A build's helper processes (the extraction pool's readers, spaCy's second parser) end
with the build however it ends, and a helper lost while starting stops the build with
one line instead of hanging it (issue 17; graph/helper_pool.py, graph/quiet_workers.py).

Each test runs a real ``spacekg build`` and kills a process from outside, as the OOM
killer or ``kill -9`` would: no test hook in the build itself."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from benchmarks.large_document_bench import large_text
from graph import pipeline, store
from graph.config import Paths
from tests.processes import alive
from tests.reliability.small_corpus import SPACEKG, entry, one_line_error, small_corpus

# the extraction pool starts from 200,000 characters in two or more chunks; spaCy's
# second parser from 200 sentences to parse in one process (graph/parsing.py)
POOL_DOCUMENTS = 5
POOL_DOCUMENT_BYTES = 60_000
ONE_DOCUMENT_BYTES = 150_000


def _corpus(paths: Paths, sizes: list[int]) -> None:
    """Replace the corpus with documents of ``sizes`` bytes of the corpus's own text."""
    for old in paths.corpus.glob("*.txt"):
        old.unlink()
    entries = []
    for i, size in enumerate(sizes):
        (paths.corpus / f"part-{i}.txt").write_text(large_text(size), encoding="utf-8")
        # a white paper: a news article's cleaning would drop much of the text as chrome
        news = entry(f"part-{i}.txt", id=f"part-{i}")
        entries.append(news.replace("news-article", "white-paper"))
    (paths.corpus / "manifest.toml").write_text("\n".join(entries), encoding="utf-8")


def _start_build(paths: Paths) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        # a build that hangs is sent SIGABRT, and says where each of its threads waits
        "PYTHONFAULTHANDLER": "1",
        "SPACEKG_CORPUS": str(paths.corpus),
        "SPACEKG_ONTOLOGY": str(paths.ontology),
        "SPACEKG_QUERIES": str(paths.queries),
        "SPACEKG_STORE": str(paths.store),
    }
    return subprocess.Popen(
        [*SPACEKG, "build"],
        env=env,
        cwd=paths.corpus.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def _children(pid: int) -> dict[int, bytes]:
    """The processes whose parent is ``pid``, with their command lines."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found[int(stat.parent.name)] = (stat.parent / "cmdline").read_bytes()
    return found


def _wait_for(
    build: subprocess.Popen[str], chosen: Callable[[bytes], bool], count: int
) -> list[int]:
    """The first ``count`` children of ``build`` whose command line ``chosen`` accepts."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and build.poll() is None:
        found = [pid for pid, cmd in _children(build.pid).items() if chosen(cmd)]
        if len(found) >= count:
            return found[:count]
        time.sleep(0.02)
    build.kill()
    pytest.fail(f"the build never had {count} such helper(s): {build.communicate()[1]}")


def _where_it_hangs(build: subprocess.Popen[str]) -> str:
    """The tracebacks of a hung build's threads (its fault handler's, on SIGABRT), once
    the build and its helpers are ended."""
    helpers = list(_children(build.pid))
    with contextlib.suppress(ProcessLookupError):
        os.kill(build.pid, signal.SIGABRT)
    try:
        _out, err = build.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        err = "(no tracebacks: the build did not end on SIGABRT)"
    with contextlib.suppress(ProcessLookupError):
        os.killpg(build.pid, signal.SIGKILL)
    for pid in helpers:  # ours: the test started the build
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    build.wait()
    return f"helpers {helpers}; stderr:\n{err}"


def _started(pid: int) -> int:
    """When the process started, in clock ticks since boot (/proc/<pid>/stat field 22)."""
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19])


def _pool_worker(cmdline: bytes) -> bool:
    return b"spawn_main" in cmdline


def _forked_parser(cmdline: bytes) -> bool:
    # a fork runs the build's own command line (spawned helpers run multiprocessing's)
    return b"cli.main" in cmdline


@pytest.fixture()
def previous_build(tmp_path: Path) -> tuple[Paths, Path]:
    """A store with a build served, and the build's folder."""
    paths = small_corpus(tmp_path)
    pipeline.build(paths)
    return paths, store.current_path(paths.store).resolve()


def _killed_with_the_build(paths: Paths, chosen: Callable[[bytes], bool], count: int) -> None:
    build = _start_build(paths)
    helpers = _wait_for(build, chosen, count)
    time.sleep(3)  # at work (or still loading the parser)
    os.kill(build.pid, signal.SIGKILL)
    build.wait(timeout=30)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(alive(pid) for pid in helpers):
        time.sleep(0.1)
    left = [pid for pid in helpers if alive(pid)]
    for pid in left:  # ours: the test started them
        os.kill(pid, signal.SIGKILL)
    assert not left, f"helpers {left} outlived the killed build"


@pytest.mark.slow
def test_the_extraction_pools_readers_end_with_a_killed_build(tmp_path: Path) -> None:
    paths = small_corpus(tmp_path)
    _corpus(paths, [POOL_DOCUMENT_BYTES] * POOL_DOCUMENTS)
    _killed_with_the_build(paths, _pool_worker, 2)


@pytest.mark.slow
def test_spacys_second_parser_ends_with_a_killed_build(tmp_path: Path) -> None:
    paths = small_corpus(tmp_path)
    _corpus(paths, [ONE_DOCUMENT_BYTES])
    _killed_with_the_build(paths, _forked_parser, 1)


@pytest.mark.slow
@pytest.mark.parametrize("after", [0.0, 2.0], ids=["at-once", "loading-the-parser"])
def test_a_reader_lost_while_starting_stops_the_build_with_one_line(
    previous_build: tuple[Paths, Path], after: float
) -> None:
    """The new documents' name candidates are not cached, so the readers start before the
    corpus's names are known and share that work with the build process (the early
    readers, ``extract_parallel.candidates_in_parallel``): a reader lost then, or while it
    loads the parser, breaks the pool, and the build stops with its one line."""
    paths, served = previous_build
    _corpus(paths, [POOL_DOCUMENT_BYTES] * POOL_DOCUMENTS)
    build = _start_build(paths)
    # a build that follows a served one starts its dumps' worker first, a spawned helper
    # too (graph.dump_background): the reader is the one started after it
    helper = max(_wait_for(build, _pool_worker, 2), key=_started)
    time.sleep(after)
    os.kill(helper, signal.SIGKILL)
    try:
        # read as it goes: a build blocked on a full pipe would look like a hang
        out, err = build.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the build hung after losing a helper:\n{_where_it_hangs(build)}")
    result = subprocess.CompletedProcess(build.args, build.returncode, out, err)
    assert result.returncode == 2
    assert "helper process reading documents ended" in one_line_error(result)
    assert store.current_path(paths.store).resolve() == served
