"""The data dumps written by two processes (issue 18): the quad formats by the dumps'
worker, the triple formats and the VoID counts by a process it forks, from the inputs the
worker reads once. The files are the bytes one process writes, whether the pieces were
kept or made, and the pieces both processes make land in the one pack for the next build."""

from __future__ import annotations

import gzip
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph import dump, dump_in_two, export
from graph.dump_fragments import FragmentCache
from graph.dump_in_two import write_data_dumps_in_two
from graph.dump_merged import QUAD_FORMATS, TRIPLE_FORMATS, TripleDumps, write_data_dumps
from graph.errors import InputError
from graph.export_jsonld import Context
from graph.vocab import CSK, GRAPH, ID
from graph.void import Stats

SUMMARIES = ox.NamedNode(str(GRAPH["summaries"]))
DOCUMENT = ox.NamedNode(str(GRAPH["document/d1"]))
BLANK = ox.NamedNode(str(GRAPH["document/d2"]))  # lines unknown to the cache: read whole
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
CONTEXT = Context.load(Path(__file__).resolve().parent.parent / "ontology" / dump.CONTEXT_FILE)


def node(name: str) -> ox.NamedNode:
    return ox.NamedNode(f"{ID}{name}")


def term(name: str) -> ox.NamedNode:
    return ox.NamedNode(str(CSK[name]))


def corpus(count_of_first: int = 1) -> list[ox.Quad]:
    """A summaries graph written by ranges, a document graph whose lines the cache knows
    (its N-Quads a kept piece) sharing a triple with it, one with a blank node (read from
    the store every time)."""
    quads = []
    for i in range(400):
        s = node(f"fact/f{i}") if i % 3 == 0 else node(f"summary/s{i}-{'é' * (i % 7)}")
        count = count_of_first if i == 0 else i
        quads += [
            ox.Quad(s, term("documentCount"), ox.Literal(str(count), datatype=INTEGER), SUMMARIES),
            ox.Quad(s, term("passageQuote"), ox.Literal(f'"{i}"\n', language="en"), SUMMARIES),
            ox.Quad(s, RDF_TYPE, term("Country"), SUMMARIES),
        ]
    shared = quads[5]
    quads += [
        ox.Quad(node(f"fact/f{i}"), RDF_TYPE, term("Cooperation"), DOCUMENT)
        for i in range(0, 90, 3)
    ]
    quads.append(ox.Quad(shared.subject, shared.predicate, shared.object, DOCUMENT))
    quads.append(ox.Quad(ox.BlankNode("b1"), RDF_TYPE, term("Cooperation"), BLANK))
    return quads


def stored(folder: Path, quads: list[ox.Quad]) -> ox.Store:
    store = ox.Store(str(folder))
    store.bulk_extend(quads)
    store.flush()
    return store


def kept_cache(folder: Path, store: ox.Store) -> FragmentCache:
    """Pieces kept in ``folder``, keyed as a build keys them: the summaries by ranges of
    its lines, the document graph by a digest of its lines."""
    summaries = ox.serialize(
        store.quads_for_pattern(None, None, None, SUMMARIES), format=ox.RdfFormat.N_QUADS
    )
    document = ox.serialize(
        store.quads_for_pattern(None, None, None, DOCUMENT), format=ox.RdfFormat.N_QUADS
    )
    cache = FragmentCache(folder, lines={DOCUMENT.value: dump.dump_fragments.digest(document)})
    cache.ranged = {SUMMARIES.value: summaries}
    return cache


def dumps(
    store: ox.Store, folder: Path, cache: FragmentCache, *, in_two: bool
) -> tuple[dict[str, bytes], Stats]:
    """The six data dumps (format -> gzip file's bytes) and the counts."""
    folder.mkdir(parents=True, exist_ok=True)
    targets = {name: folder / f"data.{name}.gz" for name in export.FORMATS}
    graphs = export.select_graphs(store, "all")
    write = write_data_dumps_in_two if in_two else write_data_dumps
    stats = write(store, graphs, targets, context=CONTEXT, cache=cache)
    return {name: path.read_bytes() for name, path in targets.items()}, stats


@pytest.fixture
def writers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A file in which every dump's writer notes its process and file (the fork too)."""
    noted = tmp_path / "writers.txt"
    original = dump_in_two.member_writer

    @contextmanager
    def noting(target: Path, cache: FragmentCache | None = None) -> Iterator[object]:
        with noted.open("a") as f:
            f.write(f"{os.getpid()} {target.name}\n")
        with original(target, cache) as writer:
            yield writer

    monkeypatch.setattr(dump_in_two, "member_writer", noting)
    return noted


def by_process(noted: Path) -> dict[str, int]:
    """Format name -> the process that wrote its dump."""
    found = {}
    for line in noted.read_text().splitlines():
        pid, name = line.split(" ")
        found[name.split(".")[1]] = int(pid)
    return found


def test_the_triple_formats_are_written_by_a_second_process_as_one_process_writes_them(
    tmp_path: Path, writers: Path
) -> None:
    store = stored(tmp_path / "store", corpus())
    one, one_stats = dumps(
        store, tmp_path / "one", kept_cache(tmp_path / "p1", store), in_two=False
    )
    two, two_stats = dumps(store, tmp_path / "two", kept_cache(tmp_path / "p2", store), in_two=True)
    assert two == one
    assert two_stats == one_stats
    assert gzip.decompress(two["nt"]).count(b"\n") == one_stats.triples
    wrote = by_process(writers)
    assert {wrote[f.name] for f in QUAD_FORMATS} == {os.getpid()}
    triples_by = {wrote[f.name] for f in TRIPLE_FORMATS}
    assert len(triples_by) == 1 and os.getpid() not in triples_by


def test_an_add_one_build_in_two_reads_the_kept_pieces_and_keeps_what_both_made(
    tmp_path: Path, writers: Path
) -> None:
    pieces = tmp_path / "pieces"
    before = stored(tmp_path / "before", corpus())
    dumps(before, tmp_path / "first", kept_cache(pieces, before), in_two=False)
    after = stored(tmp_path / "after", corpus(count_of_first=7))  # one range changed
    shutil.copytree(pieces, tmp_path / "pieces-one")
    one, one_stats = dumps(
        after, tmp_path / "one", kept_cache(tmp_path / "pieces-one", after), in_two=False
    )
    cache = kept_cache(pieces, after)
    two, two_stats = dumps(after, tmp_path / "two", cache, in_two=True)
    assert (two, two_stats) == (one, one_stats)
    # the changed range's texts and the stretches around it were made, by both processes
    assert cache.written > 0
    cache.keep_only_used()
    again = kept_cache(pieces, after)  # the next build finds every piece in the pack
    assert dumps(after, tmp_path / "again", again, in_two=False)[0] == one
    assert again.written == 0


def test_a_failure_in_the_second_process_is_the_build_s_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unspellable(self: TripleDumps, *args: object) -> None:
        raise ValueError("a term RDF/XML cannot spell")

    monkeypatch.setattr(TripleDumps, "add", unspellable)
    forked, fork = [], os.fork

    def noted_fork() -> int:
        forked.append(fork())
        return forked[-1]

    monkeypatch.setattr(os, "fork", noted_fork)
    store = stored(tmp_path / "store", corpus())
    with pytest.raises(InputError, match="cannot write the dumps: a term RDF/XML"):
        dumps(store, tmp_path / "two", kept_cache(tmp_path / "p", store), in_two=True)
    assert forked and forked[0] > 0
    with pytest.raises(ChildProcessError):
        os.waitpid(forked[0], os.WNOHANG)  # waited for: no child left behind
