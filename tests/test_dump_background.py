"""The dumps' worker of a build that follows another is given the graphs first and the
staged store later: it writes the graphs whose pieces the previous build left while the
store is staged, and opens the store only when a graph needs it. The dumps are those
written from the staged store alone; a build that gives up before staging, or a worker
that fails before the store arrives, leaves no dumps and no worker behind."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph import dump, export, validate_lines
from graph import store as store_files
from graph.dump_background import BackgroundDumps
from graph.dump_fragments import FragmentCache
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
