"""`spacekg build`: a new graph replaces the old one only when it is complete and valid.

A researcher's endpoint must never lose its graph because a build went wrong, and the
same corpus must always give the same IRIs.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset
from rdflib.compare import isomorphic

from graph import pipeline, store
from graph.config import Paths
from graph.errors import StoreError, ValidationFailed
from graph.vocab import CSK

SPACEKG = [sys.executable, "-c", "from cli.main import main; main()"]


def run_cli(*args: str, paths: Paths) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "SPACEKG_CORPUS": str(paths.corpus),
        "SPACEKG_ONTOLOGY": str(paths.ontology),
        "SPACEKG_QUERIES": str(paths.queries),
        "SPACEKG_STORE": str(paths.store),
    }
    return subprocess.run([*SPACEKG, *args], capture_output=True, text=True, env=env, timeout=600)


def current_build(paths: Paths) -> str:
    return store.current_path(paths.store).resolve().name


def store_quads(paths: Paths) -> set[str]:
    opened = store.open_store(paths.store)
    return {str(q) for q in opened}


@pytest.fixture()
def first_build(corpus_copy: Paths) -> Paths:
    """A corpus copy with one successful build in place."""
    pipeline.build(corpus_copy)
    return corpus_copy


def test_build_prints_a_summary_and_the_store_answers_sparql(corpus_copy: Paths) -> None:
    result = run_cli("build", paths=corpus_copy)
    assert result.returncode == 0, result.stderr
    for heading in ("triples", "SHACL validation", "time taken", "facts from"):
        assert heading in result.stdout
    opened = store.open_store(corpus_copy.store)
    docs = opened.query(
        "SELECT (COUNT(?d) AS ?n) WHERE { ?d a csk:SourceDocument }",
        prefixes={"csk": str(CSK)},
    )
    assert int(next(iter(docs))["n"].value) == 5


def test_stats_repeats_the_build_summary(first_build: Paths) -> None:
    result = run_cli("stats", paths=first_build)
    assert result.returncode == 0, result.stderr
    info = store.read_build_info(first_build.store)
    assert info.build_id in result.stdout
    assert str(info.triples) in result.stdout


def test_stats_without_a_build_says_to_build_first(corpus_copy: Paths) -> None:
    result = run_cli("stats", paths=corpus_copy)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "spacekg build" in result.stderr
    assert "Traceback" not in result.stderr


def test_building_twice_gives_the_same_graph_and_iris(built, tmp_path: Path) -> None:
    again = pipeline.build(replace(Paths.defaults(), store=tmp_path / "again"))
    assert again.info.build_id == built.info.build_id
    first, second = Dataset(), Dataset()
    first.parse(data=built.dataset.serialize(format="nquads"), format="nquads")
    second.parse(data=again.dataset.serialize(format="nquads"), format="nquads")
    for graph in first.graphs():
        assert isomorphic(graph, second.graph(graph.identifier)), graph.identifier
    iris = {str(t) for q in first.quads() for t in q[:3] if str(t).startswith("https://w3id")}
    iris2 = {str(t) for q in second.quads() for t in q[:3] if str(t).startswith("https://w3id")}
    assert iris == iris2


def test_a_named_graph_per_document_plus_reference_and_ontology(built) -> None:
    graphs = {str(g.identifier) for g in built.dataset.graphs()}
    base = "https://w3id.org/china-space-kg/graph/"
    for doc in (
        "white-paper-2016",
        "white-paper-2021",
        "white-paper-2021-stemmed",
        "news-2011-cas-space-exchanges",
        "news-2023-spacedaily-open-cooperation",
    ):
        assert f"{base}document/{doc}" in graphs
    assert {f"{base}reference", f"{base}ontology"} <= graphs


BROKEN_FILES = {
    "empty": b"",
    "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "not UTF-8": "Coopération spatiale".encode("latin-1"),
}


@pytest.mark.parametrize("kind", list(BROKEN_FILES))
def test_a_broken_file_keeps_the_previous_graph_and_says_why(first_build: Paths, kind: str) -> None:
    before = current_build(first_build)
    quads_before = store_quads(first_build)
    (first_build.corpus / "broken.txt").write_bytes(BROKEN_FILES[kind])
    with (first_build.corpus / "manifest.toml").open("a", encoding="utf-8") as manifest:
        manifest.write(
            '\n[[document]]\nfile = "broken.txt"\nid = "broken"\ntitle = "Broken"\n'
            'publisher = "Nobody"\nissued = "2024"\nkind = "news-article"\n'
        )
    result = run_cli("build", "--quiet", paths=first_build)
    assert result.returncode == 2
    line = result.stderr.strip()
    assert "\n" not in line and "broken.txt" in line and "Traceback" not in line
    assert current_build(first_build) == before
    assert store_quads(first_build) == quads_before


def test_a_file_without_a_manifest_entry_is_refused(first_build: Paths) -> None:
    before = current_build(first_build)
    (first_build.corpus / "stray.txt").write_text("China and Chile signed an agreement.")
    result = run_cli("build", paths=first_build)
    assert result.returncode == 2
    assert "stray.txt" in result.stderr and "manifest" in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert current_build(first_build) == before


def test_a_manifest_entry_without_its_file_is_refused(first_build: Paths) -> None:
    (first_build.corpus / "2011-news-cas-space-exchanges-white-paper.txt").unlink()
    result = run_cli("build", paths=first_build)
    assert result.returncode == 2
    assert "missing" in result.stderr and "2011-news-cas" in result.stderr


def test_an_invalid_graph_is_not_swapped_in(first_build: Paths, tmp_path: Path) -> None:
    """A shape the graph cannot satisfy stands for any SHACL violation."""
    import shutil

    ontology = tmp_path / "ontology"
    shutil.copytree(first_build.ontology, ontology)
    with (ontology / "shapes.ttl").open("a", encoding="utf-8") as shapes:
        shapes.write(
            "\n<urn:test:ImpossibleShape> a <http://www.w3.org/ns/shacl#NodeShape> ;\n"
            "  <http://www.w3.org/ns/shacl#targetClass> "
            "<https://w3id.org/china-space-kg/ontology#SourceDocument> ;\n"
            "  <http://www.w3.org/ns/shacl#property> [ <http://www.w3.org/ns/shacl#path> "
            "<urn:test:never> ; <http://www.w3.org/ns/shacl#minCount> 1 ] .\n"
        )
    paths = replace(first_build, ontology=ontology)
    before = current_build(paths)
    with pytest.raises(ValidationFailed, match="previous graph is still in place"):
        pipeline.build(paths)
    assert current_build(paths) == before
    report = (paths.store / "rejected-build-report.txt").read_text()
    assert "urn:test:never" in report

    result = run_cli("build", paths=paths)
    assert result.returncode == 1
    assert "violation" in result.stderr and result.stderr.strip().count("\n") == 0


def test_an_interrupted_store_write_leaves_the_previous_build(
    first_build: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = current_build(first_build)
    quads_before = store_quads(first_build)

    def interrupted(self, *args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(ox.Store, "bulk_load", interrupted)
    # A changed corpus, so the new build would get a new id.
    (first_build.corpus / "2021-white-paper-stemmed-copy.txt").write_text("changed copy text\n")
    with pytest.raises(KeyboardInterrupt):
        pipeline.build(first_build)
    assert current_build(first_build) == before
    assert store_quads(first_build) == quads_before
    assert not list((first_build.store / "builds").glob(".*.partial"))


def test_killing_the_build_process_leaves_the_previous_graph_serving(first_build: Paths) -> None:
    before = current_build(first_build)
    quads_before = store_quads(first_build)
    (first_build.corpus / "2021-white-paper-stemmed-copy.txt").write_text("another copy text\n")
    env = {
        **os.environ,
        "SPACEKG_STORE": str(first_build.store),
        "SPACEKG_CORPUS": str(first_build.corpus),
    }
    for delay in (0.5, 1.5, 3.0):
        proc = subprocess.Popen(
            [*SPACEKG, "build", "--quiet"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if current_build(first_build) == before:
            assert store_quads(first_build) == quads_before
        else:  # the build finished before the kill: the new graph is complete
            assert store.read_build_info(first_build.store).conforms
    pipeline.build(first_build)  # a later build cleans up what killed builds left
    assert not list((first_build.store / "builds").glob(".*.partial"))


def test_opening_a_store_that_was_never_built_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="spacekg build"):
        store.open_store(tmp_path / "nothing")


def test_a_document_added_with_a_manifest_entry_is_picked_up(corpus_copy: Paths) -> None:
    (corpus_copy.corpus / "2024-note.txt").write_text("A short note on space cooperation.\n")
    with (corpus_copy.corpus / "manifest.toml").open("a", encoding="utf-8") as manifest:
        manifest.write(
            '\n[[document]]\nfile = "2024-note.txt"\nid = "note-2024"\ntitle = "A note"\n'
            'publisher = "Example Press"\nissued = "2024-03"\nkind = "news-article"\n'
        )
    result = pipeline.build(corpus_copy)
    docs = {str(g.identifier) for g in result.dataset.graphs()}
    assert "https://w3id.org/china-space-kg/graph/document/note-2024" in docs
