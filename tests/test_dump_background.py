"""The dumps' worker of a build that follows another is given the graphs first and the
staged store later: it writes the graphs whose pieces the previous build left while the
store is staged, and opens the store only when a graph needs it. The dumps are those
written from the staged store alone; a build that gives up before staging, or a worker
that fails before the store arrives, leaves no dumps and no worker behind."""

from __future__ import annotations

import gzip
import shutil
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph import dump, export, validate_lines
from graph import store as store_files
from graph.dump_background import BackgroundDumps
from graph.dump_fragments import FragmentCache, graph_nquads
from graph.errors import InputError, StoreError

ISSUED = date(2026, 12, 6)


def document_digests(store_dir: Path) -> dict[str, str]:
    """Each document graph's digest of its lines, as a build gives the worker."""
    store = ox.Store.read_only(str(store_dir))
    graphs = export.select_graphs(store, "all")
    return {
        g.value: validate_lines.lines_digest(dump.dump_fragments.graph_nquads(store, g))
        for g in graphs
        if g.value.startswith(export.DOCUMENT_GRAPHS)
    }


def graph_names(store_dir: Path) -> list[str]:
    return [g.value for g in ox.Store.read_only(str(store_dir)).named_graphs()]


@pytest.fixture(scope="module")
def previous(built, built_paths, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A copy of the built store, and the pieces its dumps left."""
    work = tmp_path_factory.mktemp("background")
    store_dir = work / "builds" / "staged"
    shutil.copytree(store_files.current_path(built_paths.store).resolve(), store_dir)
    pieces = work / "pieces"
    cache = FragmentCache(pieces, lines=document_digests(store_dir))
    dump.write_staged_dumps(store_dir, work / "first", built_paths.ontology, "build", ISSUED, cache)
    return store_dir, pieces


def test_dumps_begun_before_the_store_is_staged_are_those_of_the_staged_store(
    previous, built_paths, tmp_path: Path
) -> None:
    store_dir, pieces = previous
    digests = document_digests(store_dir)
    background = BackgroundDumps(
        built_paths.ontology, ISSUED, FragmentCache(pieces, lines=digests), store_dir.parent
    )
    background.graphs(digests, graph_names(store_dir))
    background.staged(store_dir, "build")
    background.wait()
    written = background.install(tmp_path / "build")
    alone = tmp_path / "alone"
    dump.write_staged_dumps(store_dir, alone, built_paths.ontology, "build", ISSUED)
    ours, theirs = dump.read_checksums(written), dump.read_checksums(alone)
    # pyLODE's page, made afresh for the dumps written alone, differs from run to run
    del ours[dump.ONTOLOGY_HTML], theirs[dump.ONTOLOGY_HTML]
    assert ours == theirs
    assert not list(store_dir.parent.glob(".*.partial"))


def test_a_build_that_gives_up_before_staging_leaves_no_dumps(previous, built_paths) -> None:
    store_dir, pieces = previous
    digests = document_digests(store_dir)
    background = BackgroundDumps(
        built_paths.ontology, ISSUED, FragmentCache(pieces, lines=digests), store_dir.parent
    )
    background.graphs(digests, graph_names(store_dir))
    background.discard()  # the staging failed: the worker is told and waited for
    assert not background._process.is_alive()
    assert not list(store_dir.parent.glob(".*.partial"))


def test_a_worker_that_fails_before_the_store_arrives_says_why_when_waited_for(
    previous, built_paths, tmp_path: Path
) -> None:
    store_dir, pieces = previous
    ontology = tmp_path / "ontology"  # no JSON-LD context: the dumps cannot be written
    shutil.copytree(built_paths.ontology, ontology)
    (ontology / dump.CONTEXT_FILE).unlink()
    background = BackgroundDumps(ontology, ISSUED, FragmentCache(pieces), store_dir.parent)
    background.graphs({}, graph_names(store_dir))
    background.staged(store_dir, "build")  # the worker may be gone: not an error here
    with pytest.raises(InputError, match=r"context\.jsonld is missing"):
        background.wait()
    background.discard()
    assert not list(store_dir.parent.glob(".*.partial"))


def test_a_store_whose_graphs_are_not_the_builds_is_refused_in_one_line(
    previous, built_paths
) -> None:
    store_dir, pieces = previous
    background = BackgroundDumps(
        built_paths.ontology, ISSUED, FragmentCache(pieces), store_dir.parent
    )
    background.graphs({}, [*graph_names(store_dir), "https://example.org/graph/missing"])
    background.staged(store_dir, "build")
    with pytest.raises(StoreError, match="not the build's") as raised:
        background.wait()
    assert "\n" not in str(raised.value)
    background.discard()


SUMMARIES = "https://w3id.org/china-space-kg/graph/summaries"


def worker_dumps(
    store_dir: Path, pieces: Path, ontology: Path, folder: Path, *, later: bool
) -> dict[str, str]:
    """The checksums of the dumps a worker writes, given the summaries graph's lines with
    the other graphs or (``later``) after them, as a build does now (pyLODE's page, made
    afresh each time, left out)."""
    store = ox.Store.read_only(str(store_dir))
    lines = {SUMMARIES: graph_nquads(store, ox.NamedNode(SUMMARIES))}
    del store
    digests = document_digests(store_dir)
    cache = FragmentCache(pieces, lines=digests)
    background = BackgroundDumps(ontology, ISSUED, cache, store_dir.parent)
    if later:
        others = [name for name in graph_names(store_dir) if name != SUMMARIES]
        background.graphs(digests, others, later=[SUMMARIES])
        background.ranged(lines)
    else:
        cache.ranged = lines
        background.graphs(digests, graph_names(store_dir))
    background.staged(store_dir, "build")
    background.wait()
    sums = dump.read_checksums(background.install(folder))
    del sums[dump.ONTOLOGY_HTML]
    return sums


def written_alone(store_dir: Path, ontology: Path, folder: Path) -> dict[str, str]:
    """The checksums of the dumps written from the store alone (pyLODE's page left out)."""
    dump.write_staged_dumps(store_dir, folder, ontology, "build", ISSUED)
    sums = dump.read_checksums(folder)
    del sums[dump.ONTOLOGY_HTML]
    return sums


def test_the_summaries_lines_sent_after_the_graphs_give_the_same_dumps(
    previous, built_paths, tmp_path: Path
) -> None:
    # a build hands over every graph but the summaries before it counts them, then the
    # summaries graph's lines, then the staged store: the same bytes as all at once
    store_dir, pieces = previous
    ontology = built_paths.ontology
    before = worker_dumps(store_dir, pieces, ontology, tmp_path / "a", later=False)
    after = worker_dumps(store_dir, pieces, ontology, tmp_path / "b", later=True)
    assert after == before
    # and the same text as the store's dumps written whole (the gzip members differ)
    alone = tmp_path / "alone"
    written_alone(store_dir, ontology, alone)
    for name in ("china-space-kg.nq.gz", "china-space-kg.jsonld.gz", "china-space-kg.nt.gz"):
        ours = (dump.dumps_path(tmp_path / "b") / name).read_bytes()
        assert gzip.decompress(ours) == gzip.decompress((alone / name).read_bytes()), name


def test_a_graph_named_later_without_lines_is_none_of_the_builds(
    previous, built_paths, tmp_path: Path
) -> None:
    store_dir, pieces = previous
    without = tmp_path / "builds" / "without"
    shutil.copytree(store_dir, without)
    store = ox.Store(str(without))
    store.remove_graph(ox.NamedNode(SUMMARIES))
    store.flush()
    del store
    background = BackgroundDumps(
        built_paths.ontology, ISSUED, FragmentCache(pieces), without.parent
    )
    others = [name for name in graph_names(store_dir) if name != SUMMARIES]
    background.graphs({}, others, later=[SUMMARIES])
    background.ranged({})  # counted, the summaries came out empty
    background.staged(without, "build")
    background.wait()
    ours = dump.read_checksums(background.install(tmp_path / "build"))
    del ours[dump.ONTOLOGY_HTML]
    assert ours == written_alone(without, built_paths.ontology, tmp_path / "alone")


def test_a_build_that_gives_up_while_counting_leaves_no_dumps(previous, built_paths) -> None:
    store_dir, pieces = previous
    digests = document_digests(store_dir)
    background = BackgroundDumps(
        built_paths.ontology, ISSUED, FragmentCache(pieces, lines=digests), store_dir.parent
    )
    others = [name for name in graph_names(store_dir) if name != SUMMARIES]
    background.graphs(digests, others, later=[SUMMARIES])
    background.discard()  # the counting failed: the worker waiting for its lines stops
    assert not background._process.is_alive()
    assert not list(store_dir.parent.glob(".*.partial"))
