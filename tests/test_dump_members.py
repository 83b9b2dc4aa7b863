"""A data dump is gzip members cut between pieces of text where a piece's CRC-32 says
(graph/dump_members.py, issue 18): every gzip reader reads it whole, a member depends on
its text alone (so a build that copies the previous build's members writes the bytes of
one that compresses everything, and a changed piece changes only its own member), and
the server sends it as a file, never with a Content-Encoding a client would undo reading
only the first member."""

from __future__ import annotations

import gzip
import shutil
import subprocess
import zlib
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset

from graph import dump, dump_members, export
from graph import store as store_files
from graph.dump_fragments import FragmentCache
from graph.dump_members import GROUP, MIN_MEMBER, member_key, member_writer
from graph.dump_merged import write_data_dumps
from graph.export import FORMATS
from graph.export_jsonld import Context

ENGINE_FORMAT = {
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "nt": ox.RdfFormat.N_TRIPLES,
}
RDFLIB_FORMAT = {"nq": "nquads", "trig": "trig", "nt": "nt"}
PIECES = [f"piece {i}\n".encode() * (MIN_MEMBER // 6) for i in range(64)]


def write(target: Path, cache: FragmentCache, pieces: list[bytes]) -> int:
    """A dump of ``pieces`` with short texts around them; the members copied."""
    with member_writer(target, cache) as out:
        out.write(b"head\n")
        for piece in pieces:
            out.piece(piece)
            out.write(b",\n")
            out.piece(b"short")  # below MIN_MEMBER: goes with the text around it
        out.write(b"foot\n")
    return out.copied


def text(pieces: list[bytes]) -> bytes:
    return b"head\n" + b"".join(p + b",\nshort" for p in pieces) + b"foot\n"


def members(data: bytes) -> int:
    count = 0
    while data:
        unpacker = zlib.decompressobj(31)
        unpacker.decompress(data)
        data, count = unpacker.unused_data, count + 1
    return count


def test_every_gzip_reader_reads_all_the_members(tmp_path: Path) -> None:
    target = tmp_path / "dump.nq.gz"
    write(target, FragmentCache(None), PIECES)
    data = target.read_bytes()
    ends = sum(zlib.crc32(piece) % GROUP == 0 for piece in PIECES[:-1])
    assert ends >= 2 and members(data) == ends + 1  # cut after those pieces only
    assert gzip.decompress(data) == text(PIECES)
    with gzip.open(target) as f:  # reading as a stream, member after member
        assert f.read() == text(PIECES)
    if shutil.which("gzip"):
        subprocess.run(["gzip", "-t", str(target)], check=True)
        found = subprocess.run(["gzip", "-dc", str(target)], check=True, capture_output=True)
        assert found.stdout == text(PIECES)


def test_a_piece_given_a_smaller_group_ends_its_member_more_often(tmp_path: Path) -> None:
    """The summaries' ranges end a member every ``RANGE_GROUP`` pieces or so: a change
    spread over the ranges then makes fewer of their members again."""
    target = tmp_path / "dump.nq.gz"
    with member_writer(target) as out:
        for piece in PIECES:
            out.piece(piece, 1)
            out.write(b",\n")
    assert members(target.read_bytes()) == len(PIECES) + 1  # and the text after the last
    assert gzip.decompress(target.read_bytes()) == b"".join(p + b",\n" for p in PIECES)


def test_a_member_of_keyed_pieces_is_found_by_their_keys_not_their_text(
    tmp_path: Path,
) -> None:
    """A piece's key (its key among the kept pieces) names its text: the member's key is
    made of the keys, so the text is not hashed; the bytes are those of compressing it."""
    assert member_key([b"one text"], ["k"]) == member_key([b"another"], ["k"])
    assert member_key([b"one text"], [None]) != member_key([b"another"], [None])
    assert member_key([b"ab"], [None]) != member_key([b"a", b"b"], [None, None])
    assert member_key([b"k"], [None]) != member_key([b"k"], ["k"])

    def keyed(target: Path, cache: FragmentCache) -> int:
        with member_writer(target, cache) as out:
            for i, piece in enumerate(PIECES):
                out.piece(piece, key=f"piece {i}")
                out.write(b",\n")
        return out.copied

    for build in ("first", "second"):
        (tmp_path / build).mkdir()
    assert keyed(tmp_path / "first" / "dump.gz", FragmentCache(tmp_path / "pieces")) == 0
    second = tmp_path / "second" / "dump.gz"
    assert keyed(second, FragmentCache(tmp_path / "pieces")) == members(second.read_bytes())
    with member_writer(tmp_path / "fresh.gz") as out:  # no keys, nothing kept
        for piece in PIECES:
            out.piece(piece)
            out.write(b",\n")
    assert second.read_bytes() == (tmp_path / "fresh.gz").read_bytes()


def test_a_build_copies_the_members_of_unchanged_pieces_into_the_same_bytes(
    tmp_path: Path,
) -> None:
    for build in ("first", "second", "fresh"):
        (tmp_path / build).mkdir()
    # each build writes its dump into its own folder, under the same name
    assert write(tmp_path / "first" / "dump.gz", FragmentCache(tmp_path / "pieces"), PIECES) == 0
    changed = [*PIECES[:9], b"x" * MIN_MEMBER, *PIECES[10:]]
    again = FragmentCache(tmp_path / "pieces")
    second = tmp_path / "second" / "dump.gz"
    # the members but the changed piece's (and the one after, if the piece ended its
    # member and the new one does not) are copied
    copied = write(second, again, changed)
    assert members(second.read_bytes()) - 2 <= copied < members(second.read_bytes())
    write(tmp_path / "fresh" / "dump.gz", FragmentCache(None), changed)
    assert second.read_bytes() == (tmp_path / "fresh" / "dump.gz").read_bytes()
    assert {"members-dump.gz", "members-dump.gz.index"} <= again.used


def test_a_kept_dump_that_is_not_the_one_indexed_is_not_copied_from(tmp_path: Path) -> None:
    cache = FragmentCache(tmp_path / "pieces")
    write(tmp_path / "dump.gz", cache, PIECES)
    kept = tmp_path / "pieces" / "members-dump.gz"
    kept.unlink()
    kept.write_bytes(b"\0" * kept.with_suffix(".gz.index").stat().st_size)
    assert write(tmp_path / "dump.gz", FragmentCache(tmp_path / "pieces"), PIECES) == 0
    assert gzip.decompress((tmp_path / "dump.gz").read_bytes()) == text(PIECES)
    # a full build reads nothing kept
    assert write(tmp_path / "dump.gz", FragmentCache(tmp_path / "pieces", read=False), PIECES) == 0


def test_a_dump_of_nothing_is_still_a_gzip_file(tmp_path: Path) -> None:
    with member_writer(tmp_path / "empty.gz") as _out:
        pass
    assert gzip.decompress((tmp_path / "empty.gz").read_bytes()) == b""


@pytest.fixture(scope="module")
def dumps_dir(built, built_paths) -> Path:
    return dump.current_dumps(built_paths.store)


@pytest.mark.parametrize("fmt", ["nq", "trig", "nt"])
def test_the_builds_dumps_cut_at_every_piece_are_read_whole_by_the_engine_and_rdflib(
    built, built_paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.setattr(dump_members, "GROUP", 1)  # a member per piece: many members
    monkeypatch.setattr(dump_members, "RANGE_GROUP", 1)
    store = store_files.open_store(built_paths.store)
    graphs = export.select_graphs(store, "all")
    context = Context.load(built_paths.ontology / dump.CONTEXT_FILE)
    targets = {name: tmp_path / dump.dump_file_name(name) for name in FORMATS}
    write_data_dumps(store, graphs, targets, context=context)
    path = targets[fmt]
    assert members(path.read_bytes()) > 3
    if shutil.which("gzip"):
        subprocess.run(["gzip", "-t", str(path)], check=True)
    if FORMATS[fmt].quads:  # the named graphs
        expected = sum(1 for q in store if not isinstance(q.graph_name, ox.DefaultGraph))
    else:  # their merge
        expected = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    with gzip.open(path) as f:  # the engine, reading the stream member after member
        assert sum(1 for _ in ox.parse(f, format=ENGINE_FORMAT[fmt])) == expected
    with gzip.open(path) as f:
        ds = Dataset()
        ds.parse(f, format=RDFLIB_FORMAT[fmt])
    assert sum(1 for _ in ds.quads((None, None, None, None))) == expected


def test_the_server_sends_a_dump_as_a_file_not_an_encoding(client, dumps_dir) -> None:
    name = dump.dump_file_name("nq")
    response = client.get(f"/dumps/{name}")
    assert response.headers["Content-Type"] == "application/gzip"
    assert "Content-Encoding" not in response.headers  # no client undoes it on the way
    assert gzip.decompress(response.data) == gzip.decompress((dumps_dir / name).read_bytes())
