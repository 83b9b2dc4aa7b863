"""The summaries graph is written into the dumps range by range of its subjects in the
store's order, each range's texts kept under a digest of the build's lines of it: the
dumps are the bytes of the graph written whole, and a build whose lines changed in one
range reads that range's subjects from the store and writes that range again, nothing
else (issue 18)."""

from __future__ import annotations

import gzip
from itertools import groupby
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph import dump, dump_ranges, dump_triples, export
from graph import store as store_files
from graph.dump_fragments import FragmentCache
from graph.dump_merged import write_data_dumps
from graph.dump_pack import PiecePack
from graph.export_jsonld import Context
from graph.store_order import store_keys
from graph.vocab import CSK, GRAPH, ID, PREFIXES
from graph.void import Stats

SUMMARIES = ox.NamedNode(str(GRAPH["summaries"]))
DOCUMENT = ox.NamedNode(str(GRAPH["document/d1"]))
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
CONTEXT = Context.load(Path(__file__).resolve().parent.parent / "ontology" / dump.CONTEXT_FILE)


def node(name: str) -> ox.NamedNode:
    return ox.NamedNode(f"{ID}{name}")


def summary_quads(subjects: int, count_of_first: int = 1) -> list[ox.Quad]:
    """Counts, ranks, labels in two languages, lists of several values and types, as the
    summaries graph holds them; the facts' subjects are also the document graph's."""
    quads = []
    for i in range(subjects):
        s = node(f"fact/f{i}") if i % 3 == 0 else node(f"summary/s{i}-{'é' * (i % 11)}")
        count = count_of_first if i == 0 else i
        quads += [
            ox.Quad(s, ox.NamedNode(CSK.documentCount), ox.Literal(str(count), datatype=INTEGER)),
            ox.Quad(s, ox.NamedNode(CSK.passageQuote), ox.Literal(f'"{i}"\n', language="en")),
            ox.Quad(s, ox.NamedNode(CSK.passageQuote), ox.Literal(f"引 {i}", language="zh")),
            ox.Quad(s, ox.NamedNode(CSK.documentList), node(f"document/d{i % 5}")),
            ox.Quad(s, ox.NamedNode(CSK.documentList), node(f"document/d{i % 7}")),
            ox.Quad(s, RDF_TYPE, ox.NamedNode(CSK.Country)),
        ]
    return [ox.Quad(q.subject, q.predicate, q.object, SUMMARIES) for q in quads]


def document_quads(shared: ox.Quad | None = None) -> list[ox.Quad]:
    quads = [
        ox.Quad(node(f"fact/f{i}"), RDF_TYPE, ox.NamedNode(CSK.Cooperation), DOCUMENT)
        for i in range(0, 60, 3)
    ]
    if shared is not None:  # a triple the summaries graph holds too
        quads.append(ox.Quad(shared.subject, shared.predicate, shared.object, DOCUMENT))
    return quads


def on_disk(folder: Path, quads: list[ox.Quad]) -> ox.Store:
    """A store on disk, whose order is that of its keys (a store in memory keeps another)."""
    store = ox.Store(str(folder))
    store.bulk_extend(quads)
    store.flush()
    return store


def lines_of(quads: list[ox.Quad]) -> bytes:
    return ox.serialize(
        [q for q in quads if q.graph_name == SUMMARIES], format=ox.RdfFormat.N_QUADS
    )


def written(store: ox.Store, folder: Path, cache: FragmentCache) -> tuple[dict[str, bytes], Stats]:
    targets = {name: folder / f"data.{name}.gz" for name in export.FORMATS}
    folder.mkdir(parents=True, exist_ok=True)
    graphs = export.select_graphs(store, "all")
    stats = write_data_dumps(store, graphs, targets, context=CONTEXT, cache=cache)
    return {name: gzip.decompress(path.read_bytes()) for name, path in targets.items()}, stats


def ranged_cache(folder: Path | None, quads: list[ox.Quad]) -> FragmentCache:
    cache = FragmentCache(folder)
    cache.ranged = {SUMMARIES.value: lines_of(quads)}
    return cache


class ReadsCounted:
    """The store, with the subjects of the summaries graph read from it."""

    def __init__(self, store: ox.Store) -> None:
        self.store, self.read = store, []

    def quads_for_pattern(self, s, p, o, g=None):
        if g == SUMMARIES:
            self.read.append(s)
        return self.store.quads_for_pattern(s, p, o, g)

    def __getattr__(self, name: str) -> object:
        return getattr(self.store, name)


def test_the_store_lists_subjects_in_the_order_of_their_keys(tmp_path: Path) -> None:
    iris = [f"{ID}s/{'x' * (i % 40)}{i}{'é' * (i % 3)}" for i in range(2_000)]
    quads = [ox.Quad(ox.NamedNode(i), RDF_TYPE, RDF_TYPE, SUMMARIES) for i in iris]
    listed = [q.subject.value for q in on_disk(tmp_path / "s", quads)]
    high, low = store_keys([i.encode() for i in iris])
    by_key = sorted(range(len(iris)), key=lambda i: (int(high[i]), int(low[i])))
    assert listed == [iris[i] for i in by_key]


@pytest.mark.parametrize("bits", [2, dump_ranges.RANGE_BITS])
def test_a_graph_written_by_ranges_is_the_bytes_of_it_written_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bits: int
) -> None:
    monkeypatch.setattr(dump_ranges, "RANGE_BITS", bits)
    quads = summary_quads(300) + document_quads()
    store = on_disk(tmp_path / "store", quads)
    whole, whole_stats = written(store, tmp_path / "whole", FragmentCache(None))
    ranged, stats = written(store, tmp_path / "ranged", ranged_cache(tmp_path / "pieces", quads))
    assert ranged == whole
    assert stats == whole_stats
    kept = ranged_cache(tmp_path / "pieces", quads)
    assert written(store, tmp_path / "again", kept) == (whole, whole_stats)
    assert kept.written == 0  # every range's piece was kept


def test_a_build_makes_again_only_the_ranges_whose_lines_changed(tmp_path: Path) -> None:
    before = summary_quads(300) + document_quads()
    pieces = tmp_path / "pieces"
    written(on_disk(tmp_path / "before", before), tmp_path / "first", ranged_cache(pieces, before))
    after = summary_quads(300, count_of_first=42) + document_quads()
    store = on_disk(tmp_path / "after", after)
    counted = ReadsCounted(store)
    cache = ranged_cache(pieces, after)
    dumps = written(counted, tmp_path / "second", cache)  # type: ignore[arg-type]
    assert cache.written == 1
    # the changed subject and the others of its range, nothing else, read from the store
    assert node("fact/f0") in counted.read and len(counted.read) < 5
    assert dumps == written(store, tmp_path / "whole", FragmentCache(None))


def test_a_graph_with_a_blank_node_subject_is_written_whole(tmp_path: Path) -> None:
    blank = ox.Quad(ox.BlankNode("b1"), RDF_TYPE, ox.NamedNode(CSK.Country), SUMMARIES)
    quads = [*summary_quads(30), blank, *document_quads()]
    store = on_disk(tmp_path / "store", quads)
    assert (
        dump_ranges.ranged_graph(
            store,
            SUMMARIES,
            dump_ranges.ranges_of(SUMMARIES.value, lines_of(quads)),
            CONTEXT,
            FragmentCache(None),
            context_key="",
            uri_space=str(ID),
        )
        is None
    )
    whole = written(store, tmp_path / "whole", FragmentCache(None))
    assert written(store, tmp_path / "ranged", ranged_cache(None, quads)) == whole


def test_a_triple_an_earlier_graph_holds_is_walked_line_by_line(tmp_path: Path) -> None:
    summaries = summary_quads(60)
    quads = summaries + document_quads(shared=summaries[1])  # the document graph sorts first
    store = on_disk(tmp_path / "store", quads)
    whole, whole_stats = written(store, tmp_path / "whole", FragmentCache(None))
    ranged, stats = written(store, tmp_path / "ranged", ranged_cache(None, quads))
    assert ranged == whole and stats == whole_stats
    assert stats.triples == len(set(quads)) - 1  # the shared triple once in the merge


def test_the_build_writes_the_summaries_graph_as_it_is_written_whole(
    built, built_paths, tmp_path: Path
) -> None:
    """The real summaries graph, as the build wrote it (by ranges of its lines)."""
    store = store_files.open_store(built_paths.store)
    whole, _stats = written(store, tmp_path / "whole", FragmentCache(None))
    folder = dump.current_dumps(built_paths.store)
    for name, data in whole.items():
        assert gzip.decompress((folder / dump.dump_file_name(name)).read_bytes()) == data, name
    # its ranges' pieces are kept for the next build, besides the other graphs'
    lines = lines_of(list(store.quads_for_pattern(None, None, None, SUMMARIES)))
    ranges = dump_ranges.ranges_of(SUMMARIES.value, lines)
    assert ranges is not None and len(ranges) > 100
    kept = PiecePack(built_paths.store / "dump-cache").entries
    assert len(kept) > len(ranges) + len(export.select_graphs(store, "all"))


def test_an_add_one_builds_share_of_changed_ranges_is_read_subject_by_subject(
    tmp_path: Path,
) -> None:
    """Adding a document to 1,000 changed a fifth of the summaries' ranges (its counts
    and ranks move): their subjects are read one by one, not the graph whole, which took
    four times as long."""
    before = summary_quads(300) + document_quads()
    pieces = tmp_path / "pieces"
    written(on_disk(tmp_path / "before", before), tmp_path / "first", ranged_cache(pieces, before))
    changed = {node(f"summary/s{i}-{'é' * (i % 11)}") for i in range(300) if i % 6 in (1, 2)}
    after = [
        ox.Quad(q.subject, q.predicate, ox.Literal("1000", datatype=INTEGER), q.graph_name)
        if q.subject in changed and q.predicate == ox.NamedNode(CSK.documentCount)
        else q
        for q in before
    ]
    store = on_disk(tmp_path / "after", after)
    counted = ReadsCounted(store)
    cache = ranged_cache(pieces, after)
    dumps = written(counted, tmp_path / "second", cache)  # type: ignore[arg-type]
    assert len(changed) == 100 and cache.written > 300 // 8  # ranges made again
    assert None not in counted.read  # no read of the whole graph
    assert changed <= set(counted.read) and len(counted.read) < 2 * len(changed)
    assert dumps == written(store, tmp_path / "whole", FragmentCache(None))


def test_ranges_not_in_the_store_order_write_the_graph_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another engine's keys (here: the order reversed) are found out when the graph is
    read whole, before anything is written."""
    quads = summary_quads(100) + document_quads()
    store = on_disk(tmp_path / "store", quads)
    whole = written(store, tmp_path / "whole", FragmentCache(None))
    monkeypatch.setattr(dump_ranges, "store_keys", lambda iris: tuple(-k for k in store_keys(iris)))
    lines = lines_of(quads)
    found = dump_ranges.ranged_graph(
        store,
        SUMMARIES,
        dump_ranges.ranges_of(SUMMARIES.value, lines),
        CONTEXT,
        FragmentCache(None),
        context_key="",
        uri_space=str(ID),
    )
    assert found is None
    assert written(store, tmp_path / "ranged", ranged_cache(None, quads)) == whole


def engine_turtle(quads: list[ox.Quad]) -> bytes:
    """The engine's Turtle of the quads' triples, its prefix lines left out."""
    text = ox.serialize([q.triple for q in quads], format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    return dump_triples.split_serialised(text, ox.RdfFormat.TURTLE)[1]


def trig_block(quads: list[ox.Quad]) -> bytes:
    """The lines between a graph's ``{`` and ``}`` in the engine's TriG of the quads."""
    trig = ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
    return trig[trig.index(b" {\n") + 3 : -2]


def test_a_ranges_turtle_is_its_trig_block_a_tab_less() -> None:
    # literals holding newlines, tabs and quotes, languages, lists of objects, a blank
    # node subject and object, several subjects
    blank = ox.BlankNode("b1")
    quads = [
        *summary_quads(12),
        ox.Quad(
            node("s/x"), ox.NamedNode(CSK.passageQuote), ox.Literal("a\n\tb\t\n\t\tc"), SUMMARIES
        ),
        ox.Quad(node("s/x"), ox.NamedNode(CSK.documentList), blank, SUMMARIES),
        ox.Quad(blank, RDF_TYPE, ox.NamedNode(CSK.Country), SUMMARIES),
        ox.Quad(
            blank, ox.NamedNode(CSK.passageQuote), ox.Literal('"""\n"', language="en"), SUMMARIES
        ),
    ]
    assert dump_ranges.turtle_of_block(trig_block(quads)) == engine_turtle(quads)


def test_every_range_of_the_builds_summaries_has_the_engines_turtle(built, built_paths) -> None:
    store = store_files.open_store(built_paths.store)
    quads = list(store.quads_for_pattern(None, None, None, SUMMARIES))
    ranges = dump_ranges.ranges_of(SUMMARIES.value, lines_of(quads))
    assert ranges is not None
    by_subject = {s.value.encode(): list(g) for s, g in groupby(quads, key=lambda q: q.subject)}
    for found in ranges:
        part = [q for subject in found.subjects for q in by_subject[subject]]
        assert dump_ranges.turtle_of_block(trig_block(part)) == engine_turtle(part)
