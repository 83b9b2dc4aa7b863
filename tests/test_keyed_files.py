"""A build's caches keep what the build used and drop the rest: an edited or removed
document's old entries do not pile up from build to build."""

from __future__ import annotations

from pathlib import Path

from graph.keyed_files import KeyedFiles


def test_pruning_keeps_the_entries_a_build_asked_for_or_wrote(tmp_path: Path) -> None:
    earlier = KeyedFiles(tmp_path, ".nq")
    for key in ("aa01", "bb02", "cc03"):
        earlier.write(key, key.encode())
    (tmp_path / "state.pickle").write_bytes(b"kept: not an entry")
    (tmp_path / "bb" / ".bb09.nq.123.partial").write_bytes(b"a killed build's")

    build = KeyedFiles(tmp_path, ".nq")
    assert build.read("aa01") == b"aa01"
    assert build.read("dd04") is None  # asked for, not there: nothing to keep
    build.write("ee05", b"new")

    assert build.prune() == 3  # bb02, cc03 and the leftover
    assert build.read("aa01") == b"aa01" and build.read("ee05") == b"new"
    assert build.read("bb02") is None and build.read("cc03") is None
    assert (tmp_path / "state.pickle").is_file()
    assert not list(tmp_path.glob("*/.*.partial"))


def test_a_full_build_keeps_what_it_wrote(tmp_path: Path) -> None:
    KeyedFiles(tmp_path, ".pickle").write("aa01", b"old")
    full = KeyedFiles(tmp_path, ".pickle", enabled=False)
    assert full.read("aa01") is None  # a full build reads nothing
    full.write("bb02", b"new")
    full.prune()
    assert KeyedFiles(tmp_path, ".pickle").read("aa01") == b"old"  # it asked for it
    assert KeyedFiles(tmp_path, ".pickle").read("bb02") == b"new"
