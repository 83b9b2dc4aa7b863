"""The build's caches keep one whole file per key."""

from __future__ import annotations

from pathlib import Path

from graph.keyed_files import KeyedFiles


def test_a_key_reads_back_what_was_written_and_nothing_before(tmp_path: Path) -> None:
    files = KeyedFiles(tmp_path, ".nq")
    assert files.read("ab12") is None
    files.write("ab12", b"<a> <b> <c> .\n")
    assert files.read("ab12") == b"<a> <b> <c> .\n"
    assert files.path("ab12") == tmp_path / "ab" / "ab12.nq"
    assert not list(tmp_path.rglob("*.partial"))


def test_a_full_build_reads_nothing_but_still_writes(tmp_path: Path) -> None:
    KeyedFiles(tmp_path, ".nq").write("cd34", b"old")
    full = KeyedFiles(tmp_path, ".nq", enabled=False)
    assert full.read("cd34") is None
    full.write("cd34", b"new")
    assert KeyedFiles(tmp_path, ".nq").read("cd34") == b"new"
