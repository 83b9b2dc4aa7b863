"""The dumps' kept pieces live in one pack file with an index of lines, not a file each
(graph/dump_pack.py): read back by a later build, safe to kill mid-write, and cleared of
pieces no build uses."""

from __future__ import annotations

import os
from pathlib import Path

from graph.dump_fragments import FragmentCache
from graph.dump_pack import INDEX, PiecePack


def packs(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".pack"))


def test_pieces_put_are_read_by_a_later_build(tmp_path: Path) -> None:
    first = PiecePack(tmp_path)
    first.put("a", b"alpha")
    first.put("b", b"")
    first.put("c", b"gamma" * 1000)
    later = PiecePack(tmp_path)
    assert later.get("a") == b"alpha" and later.get("b") == b""
    assert later.get("c") == b"gamma" * 1000
    assert later.get("d") is None
    assert len(packs(tmp_path)) == 1


def test_a_build_killed_mid_line_loses_only_that_piece(tmp_path: Path) -> None:
    first = PiecePack(tmp_path)
    first.put("a", b"alpha")
    first.put("b", b"beta")
    first.close()
    index = tmp_path / INDEX
    index.write_bytes(index.read_bytes()[:-3])  # "b"'s line torn before its newline
    later = PiecePack(tmp_path)
    assert later.get("a") == b"alpha" and later.get("b") is None
    later.put("c", b"gamma")  # after the torn line, on a line of its own
    again = PiecePack(tmp_path)
    assert again.get("a") == b"alpha" and again.get("c") == b"gamma"
    assert again.get("b") is None


def test_a_line_naming_bytes_past_the_packs_end_is_no_piece(tmp_path: Path) -> None:
    first = PiecePack(tmp_path)
    first.put("a", b"alpha")
    first.close()
    with (tmp_path / INDEX).open("ab") as f:
        f.write(b"b 5 100\n")  # its bytes never written
    assert PiecePack(tmp_path).get("b") is None
    assert PiecePack(tmp_path).get("a") == b"alpha"


def test_keep_only_forgets_unused_pieces_and_copies_when_most_are_dead(tmp_path: Path) -> None:
    pack = PiecePack(tmp_path)
    pack.put("small", b"s" * 10)
    pack.put("big", b"b" * 1000)
    pack.put("other", b"o" * 10)
    before = packs(tmp_path)
    # few dead bytes: the same pack, its index rewritten
    assert pack.keep_only({"small", "big"}) == {INDEX, before[0]}
    assert packs(tmp_path) == before
    kept = PiecePack(tmp_path)
    assert kept.get("big") == b"b" * 1000 and kept.get("other") is None
    # most bytes dead: the used pieces copied into a new pack, the old one removed
    files = kept.keep_only({"small"})
    assert packs(tmp_path) != before and files == {INDEX, packs(tmp_path)[0]}
    again = PiecePack(tmp_path)
    assert again.get("small") == b"s" * 10 and again.get("big") is None
    again.put("new", b"n")
    assert PiecePack(tmp_path).get("new") == b"n"


def test_a_full_build_reads_no_kept_piece_and_starts_a_new_pack(tmp_path: Path) -> None:
    PiecePack(tmp_path).put("a", b"alpha")
    full = PiecePack(tmp_path, fresh=True)
    assert full.get("a") is None
    full.put("b", b"beta")
    assert PiecePack(tmp_path).get("a") is None
    assert PiecePack(tmp_path).get("b") == b"beta"


def test_a_cache_keeps_its_used_pieces_and_the_files_other_writers_named(
    tmp_path: Path,
) -> None:
    """Pieces kept a file each (as before the pack) and files no build used are removed;
    the pack, its index and what the dumps named as used (their members) stay."""
    (tmp_path / "0123abcd").write_bytes(b"a piece kept the old way")
    (tmp_path / "k1").write_bytes(b"one, kept the old way")
    first = FragmentCache(tmp_path)
    assert first.get("k1", lambda: b"one") == b"one"
    assert first.get("k2", lambda: b"two") == b"two"
    (tmp_path / "members-x.gz").write_bytes(b"")
    later = FragmentCache(tmp_path)
    assert later.has("k1") and later.has("k2")
    assert later.get("k1", lambda: b"made again") == b"one" and later.written == 0
    later.used.add("members-x.gz")
    later.keep_only_used()
    names = {p.name for p in tmp_path.iterdir()}
    assert names == {INDEX, "members-x.gz", *packs(tmp_path)}
    last = FragmentCache(tmp_path)
    assert last.has("k1") and not last.has("k2")
    assert not FragmentCache(tmp_path, read=False).has("k1")


def test_pieces_two_forked_processes_put_at_once_all_read_back(tmp_path: Path) -> None:
    """The dumps' worker and its fork (graph/dump_in_two.py) append to one pack: each
    piece lands whole at the place its line names, whichever process put it."""
    pack = PiecePack(tmp_path)
    pack.share()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child
        for i in range(3_000):
            pack.put(f"child-{i}", f"c{i}-".encode() * (i % 50 + 1))
        os._exit(0)
    for i in range(3_000):
        pack.put(f"parent-{i}", f"p{i}-".encode() * (i % 37 + 1))
    assert os.waitpid(child, 0)[1] == 0
    later = PiecePack(tmp_path)
    for i in range(3_000):
        assert later.get(f"child-{i}") == f"c{i}-".encode() * (i % 50 + 1)
        assert later.get(f"parent-{i}") == f"p{i}-".encode() * (i % 37 + 1)
