"""`spacekg build` and its neighbours given bad input: one line saying what to do, exit
status 2 (130 for Ctrl-C), no traceback, and the previous graph still served (issue 17,
items 9 and 10)."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import serve as serve_module
from cli.main import main
from graph import pipeline, store, store_delta
from graph.config import Paths, Settings
from graph.errors import CorpusError
from server import create_app
from tests.reliability.small_corpus import (
    ARTICLE,
    SPACEKG,
    entry,
    one_line_error,
    run_cli,
    small_corpus,
)


@pytest.fixture(scope="module")
def built_once(tmp_path_factory: pytest.TempPathFactory) -> Paths:
    """The small corpus built once (copied by each test that changes it)."""
    paths = small_corpus(tmp_path_factory.mktemp("built"))
    pipeline.build(paths)
    return paths


@pytest.fixture()
def built(built_once: Paths, tmp_path: Path) -> Paths:
    """A copy of the built corpus and store for one test to damage."""
    shutil.copytree(built_once.corpus, tmp_path / "corpus")
    shutil.copytree(built_once.store, tmp_path / "store", symlinks=True)
    return Paths(tmp_path / "corpus", built_once.ontology, built_once.queries, tmp_path / "store")


def run_main(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str):
    """``spacekg ARGS`` in this process (so a test can make the disk fail): exit status
    and the lines on stderr."""
    monkeypatch.setattr(sys, "argv", ["spacekg", *args])
    with pytest.raises(SystemExit) as stopped:
        main()
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return stopped.value.code, [line for line in err.splitlines() if line.strip()]


# -- the manifest ---------------------------------------------------------------------


def test_a_manifest_entry_outside_the_corpus_is_refused_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("China and Sweden signed a secret agreement.\n")
    paths = small_corpus(tmp_path, manifest=entry("../outside/secret.txt"))
    (paths.corpus / ARTICLE).unlink()
    result = run_cli("build", paths=paths)
    assert result.returncode == 2, result.stderr
    assert "leads outside" in one_line_error(result)
    assert not paths.store.exists()


def test_a_symbolic_link_leading_outside_the_corpus_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("China and Sweden signed a secret agreement.\n")
    paths = small_corpus(tmp_path, manifest=entry("linked.txt"))
    (paths.corpus / ARTICLE).unlink()
    (paths.corpus / "linked.txt").symlink_to(outside / "secret.txt")
    result = run_cli("build", paths=paths)
    assert result.returncode == 2, result.stderr
    assert "'linked.txt' leads outside" in one_line_error(result)
    assert not paths.store.exists()


def test_a_symbolic_link_inside_the_corpus_is_still_read(tmp_path: Path) -> None:
    paths = small_corpus(tmp_path, manifest=entry("linked.txt"))
    (paths.corpus / "originals").mkdir()
    (paths.corpus / ARTICLE).rename(paths.corpus / "originals" / ARTICLE)
    (paths.corpus / "linked.txt").symlink_to(Path("originals") / ARTICLE)
    from graph.corpus import read_corpus

    (document,) = read_corpus(paths.corpus)
    assert "Chinese Academy of Sciences" in document.text


@pytest.mark.parametrize("issued", ["2024-02-30", "2023-13", "2023-00-10", "2023-04-31"])
def test_an_impossible_date_in_the_manifest_is_one_line(tmp_path: Path, issued: str) -> None:
    paths = small_corpus(tmp_path, manifest=entry(issued=issued))
    result = run_cli("build", paths=paths)
    assert result.returncode == 2, result.stderr
    line = one_line_error(result)
    assert issued in line and "not a date" in line
    assert not paths.store.exists()


def test_a_real_leap_day_is_a_date(tmp_path: Path) -> None:
    from graph.corpus import read_manifest

    paths = small_corpus(tmp_path, manifest=entry(issued="2024-02-29"))
    assert read_manifest(paths.corpus)[0].issued == "2024-02-29"


def test_a_document_over_the_size_limit_is_one_line(tmp_path: Path) -> None:
    paths = small_corpus(tmp_path)
    result = run_cli("build", "--max-document-bytes", "1000", paths=paths)
    assert result.returncode == 2, result.stderr
    line = one_line_error(result)
    assert ARTICLE in line and "size limit of 1,000" in line and "MAX_DOCUMENT_BYTES" in line
    assert not paths.store.exists()
    with pytest.raises(CorpusError, match="size limit"):
        pipeline.build(paths, max_document_bytes=1000)


# -- the store ------------------------------------------------------------------------


def test_a_second_build_while_one_runs_exits_2_at_once(tmp_path: Path) -> None:
    paths = small_corpus(tmp_path)
    with store.build_lock(paths.store):
        started = time.monotonic()
        result = run_cli("build", paths=paths)
    assert result.returncode == 2, result.stderr
    line = one_line_error(result)
    assert f"process {os.getpid()}" in line and "is writing to" in line
    assert time.monotonic() - started < 60  # it did not wait for the lock


def _refuse_writes_under(root: Path, monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    """Make files under ``root`` unwritable: with permissions where they bind (not for
    root), else by failing the opens and folder creations the build makes there."""
    real_open, real_mkdir = os.open, os.mkdir

    def refused(path: object) -> bool:
        return Path(os.fsdecode(path)).is_relative_to(root)  # type: ignore[arg-type]

    def fake_open(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if refused(path) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(code, os.strerror(code), os.fsdecode(path))
        return real_open(path, flags, *args, **kwargs)

    def fake_mkdir(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if refused(path):
            raise OSError(code, os.strerror(code), os.fsdecode(path))
        return real_mkdir(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", fake_open)
    monkeypatch.setattr(os, "mkdir", fake_mkdir)


def test_a_read_only_store_folder_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = small_corpus(tmp_path)
    paths.store.mkdir()
    if os.geteuid() != 0:
        paths.store.chmod(0o555)
    else:
        _refuse_writes_under(paths.store, monkeypatch, errno.EROFS)
    monkeypatch.setenv("SPACEKG_CORPUS", str(paths.corpus))
    code, lines = run_main(monkeypatch, capsys, "build", "--store", str(paths.store))
    paths.store.chmod(0o755)
    assert code == 2
    assert len(lines) == 1 and f"cannot write the store at {paths.store}" in lines[0]
    assert not (paths.store / "builds").exists()


# how a full disk reaches Python: from the file system, and from the store engine (its
# words when a real 2 MB tmpfs filled up under a build)
FULL_DISK = [
    OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)),
    OSError("IO error: No space left on device: While appending to file: x/000010.sst"),
]


@pytest.mark.slow
@pytest.mark.parametrize("error", FULL_DISK, ids=["errno", "engine"])
def test_a_full_disk_while_writing_the_store_is_one_line_and_keeps_the_graph(
    built: Paths,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    error: OSError,
) -> None:
    before = store.current_path(built.store).resolve()
    (built.corpus / "manifest.toml").write_text(entry().replace("A short", "Another"))

    def full(*_args: object) -> None:
        raise error

    # the store is written whole, or as a copy of the previous one with the changes
    monkeypatch.setattr(store, "write_merged_default_graph", full)
    monkeypatch.setattr(store_delta, "_apply", full)
    monkeypatch.setenv("SPACEKG_CORPUS", str(built.corpus))
    code, lines = run_main(monkeypatch, capsys, "build", "-q", "--store", str(built.store))
    assert code == 2
    assert len(lines) == 1 and "the disk is full" in lines[0], lines
    assert "previous graph is still in place" in lines[0]
    assert store.current_path(built.store).resolve() == before
    assert not list((built.store / "builds").glob(".*.partial"))
    store.open_store(built.store)  # the previous build still opens


@pytest.mark.slow
def test_garbage_in_the_build_summary_is_one_line(built: Paths) -> None:
    summary = store.current_path(built.store).resolve().with_suffix(".json")
    for garbage in ("{not json", "[1, 2]", '{"build_id": "x"}'):
        summary.write_text(garbage)
        result = run_cli("stats", paths=built)
        assert result.returncode == 2, result.stderr
        line = one_line_error(result)
        assert str(summary) in line and "run `spacekg build` again" in line


@pytest.mark.slow
def test_validate_on_a_damaged_store_exits_2(built: Paths) -> None:
    build_dir = store.current_path(built.store).resolve()
    for table in build_dir.glob("*.sst"):
        table.write_bytes(b"\x00garbage" * 8)
    result = run_cli("validate", paths=built)
    assert result.returncode == 2, result.stderr
    assert "run `spacekg build` again" in one_line_error(result)


@pytest.mark.slow
def test_ctrl_c_early_in_a_build_is_one_line_and_keeps_the_graph(built: Paths) -> None:
    env = {**os.environ, "SPACEKG_CORPUS": str(built.corpus), "SPACEKG_STORE": str(built.store)}
    for delay in (0.6, 2.0):
        # a build of this small corpus may end before the signal reaches it on a quiet
        # machine (or finish the swap it had started): then the next try signals sooner,
        # with a title it has not built yet
        for attempt in range(8):
            title = f"Another ({delay}, {attempt})"
            (built.corpus / "manifest.toml").write_text(entry().replace("A short", title))
            before = store.current_path(built.store).resolve()
            # a group of its own, signalled whole, as a terminal's Ctrl-C is
            child = subprocess.Popen(
                [*SPACEKG, "build"],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                start_new_session=True,
            )
            time.sleep(delay / 2**attempt)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child.pid, signal.SIGINT)
            _out, err = child.communicate(timeout=120)
            if child.returncode != 0:
                break  # interrupted: what the rest of the test is about
            # exit 0 only for a build that finished: the new graph is the one served
            assert store.current_path(built.store).resolve() != before, err
        assert child.returncode == 130, err
        lines = [line for line in err.splitlines() if line.strip()]
        assert lines == ["interrupted; the previous graph is still in place"], err
        assert store.current_path(built.store).resolve() == before
    store.open_store(built.store)


# -- settings -------------------------------------------------------------------------


@pytest.mark.slow
def test_a_relative_store_serves_the_dumps(built: Paths, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(built.store.parent)
    base = Settings.load({"query_workers": 0}, environ={})
    for settings in (
        base.replace(store=Path("store")),
        Settings.load({"store": "store", "query_workers": 0}, environ={}),
    ):
        assert settings.store == built.store.resolve()
        client = create_app(settings).test_client()
        listing = client.get("/dumps/", headers={"Accept": "application/json"})
        assert listing.status_code == 200
        for item in listing.get_json()["files"]:
            assert client.get(f"/dumps/{item['name']}").status_code == 200, item["name"]


def test_settings_folders_are_absolute_however_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    made = Settings.load(environ={}).replace(store=Path("here"), dumps=Path("dumps"))
    assert made.store == tmp_path / "here" and made.dumps == tmp_path / "dumps"
    assert Settings.load(environ={}).store.is_absolute()


def test_serve_takes_queries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[Settings] = []
    monkeypatch.setattr(serve_module, "check_store_opens", lambda *_args, **_kwargs: None)
    monkeypatch.setattr(serve_module, "run_granian", lambda settings, *_rest: seen.append(settings))
    queries = tmp_path / "my-queries"
    queries.mkdir()
    result = CliRunner().invoke(serve_module.serve, ["--queries", str(queries)], env={})
    assert result.exit_code == 0, result.output
    assert seen and seen[0].queries == queries
    assert "--queries" in CliRunner().invoke(serve_module.serve, ["--help"]).output
