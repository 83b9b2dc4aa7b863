"""A cold build of few long documents does not make its dumps' worker wait for the
staged store: the worker loads a store of its own from the build's sorted lines
(``builds/<id>.nq``) as soon as they are kept. The engine reads equal graphs back in the
same order from any store it loaded them into, so the dumps are those of the staged
store but for the names of blank nodes, which every load names afresh; the worker's own
store goes when the dumps are in."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from graph import dump, store_delta
from graph import store as store_files
from graph.dump_background import BackgroundDumps
from graph.dump_fragments import FragmentCache
from tests.test_dump_background import graph_names
from tests.test_incremental_build import without_blank_names

ISSUED = date(2026, 12, 6)


@pytest.fixture(scope="module")
def staged(built, built_paths, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A copy of the built store under a builds folder, and its sorted lines beside it."""
    builds = tmp_path_factory.mktemp("from-lines") / "builds"
    current = store_files.current_path(built_paths.store).resolve()
    store_dir = builds / "staged"
    shutil.copytree(current, store_dir)
    lines = store_delta.lines_path(store_dir)
    shutil.copyfile(store_delta.lines_path(current), lines)
    return store_dir, lines


def test_dumps_from_the_sorted_lines_are_those_of_the_staged_store(
    staged, built_paths, tmp_path: Path
) -> None:
    store_dir, lines = staged
    # a cold build: no pieces kept, every graph is read from the worker's store
    background = BackgroundDumps(
        built_paths.ontology, ISSUED, FragmentCache(tmp_path / "pieces"), store_dir.parent
    )
    background.graphs({}, graph_names(store_dir))
    background.lines_kept(lines, "build")
    background.wait()
    written = background.install(tmp_path / "build")
    alone = tmp_path / "alone"
    dump.write_staged_dumps(store_dir, alone, built_paths.ontology, "build", ISSUED)
    ours, theirs = dump.read_checksums(written), dump.read_checksums(alone)
    assert ours.keys() == theirs.keys()
    # pyLODE's page differs from run to run
    del ours[dump.ONTOLOGY_HTML], theirs[dump.ONTOLOGY_HTML]
    for name in ours:
        if ours[name] != theirs[name]:
            assert without_blank_names(written / name) == without_blank_names(alone / name), name
    assert not list(store_dir.parent.glob(".*.partial"))  # the worker's store is gone


def test_a_build_that_gives_up_after_the_lines_leaves_no_store_and_no_dumps(
    staged, built_paths, tmp_path: Path
) -> None:
    store_dir, lines = staged
    background = BackgroundDumps(
        built_paths.ontology, ISSUED, FragmentCache(tmp_path / "pieces"), store_dir.parent
    )
    background.graphs({}, graph_names(store_dir))
    background.lines_kept(lines, "build")
    background.discard()  # validation failed: the worker is waited for
    assert not background._process.is_alive()
    assert not list(store_dir.parent.glob(".*.partial"))
