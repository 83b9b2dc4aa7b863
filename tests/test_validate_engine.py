"""The engine stands in for pySHACL on a SPARQL shape only where both answer alike
(``graph/validate_engine.py``): every node pySHACL reports on a shape's fixtures is found
by the engine's one run, and a build broken for those shapes gives the report pySHACL
gives on the whole graph."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal
from rdflib.namespace import RDF

from graph import validate, validate_split
from graph.config import Paths
from graph.summaries import SUMMARIES_GRAPH
from graph.validate_engine import engine_queries, found_nodes, store_of
from graph.vocab import CSK

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "shapes"
PATHS = Paths.defaults(ROOT)
SHAPES = validate.load_shapes(PATHS.shapes)
ONTOLOGY = validate.load_ontology(PATHS.ontology_files())
PREFIX = "https://w3id.org/china-space-kg/shapes#"
RUNNABLE = sorted(
    name
    for name in validate_split.split_shapes(SHAPES).whole_graph
    if engine_queries(SHAPES, name) is not None
)


def test_the_costly_shapes_are_run_by_the_engine() -> None:
    names = {n.removeprefix(PREFIX) for n in RUNNABLE}
    assert {"SummaryCount", "DocumentList", "RankedRow", "PartnerAreaKey", "NamesPartner"} <= names
    # their queries start elsewhere than on $this: rows without $this bound mean nothing
    assert not {"ParticipationSummary", "TotalPassage", "AreaStatusCounts"} & names


@pytest.mark.parametrize("name", RUNNABLE, ids=lambda n: n.removeprefix(PREFIX))
def test_the_engine_finds_each_node_pyshacl_reports_in_the_fixtures(name: str) -> None:
    local = name.removeprefix(PREFIX)
    fixtures = [f for f in FIXTURES.glob(f"{local}*.ttl") if f.stem.split("--")[0] == local]
    assert fixtures
    for fixture in fixtures:
        data = validate.data_graph(list(Graph().parse(fixture)))
        for triple in ONTOLOGY:
            data.add(triple)
        reported = {
            v.focus for v in validate.validate_graph(data, SHAPES).violations if v.shape == name
        }
        assert reported, fixture.name
        lines = data.serialize(format="nt").splitlines(keepends=True)
        found = found_nodes(store_of(lines), engine_queries(SHAPES, name) or [])
        assert found is not None
        assert {f"<{f}>" for f in reported} <= found, fixture.name


def copy_of(dataset: Dataset) -> Dataset:
    copy = Dataset()
    for s, p, o, g in dataset.quads((None, None, None, None)):
        copy.graph(g).add((s, p, o))
    return copy


def test_a_build_broken_for_the_engines_shapes_reports_as_pyshacl_does(built) -> None:
    data = copy_of(built.dataset)
    names = [
        g.identifier for g in built.dataset.graphs() if "/graph/document/" in str(g.identifier)
    ]
    counts = data.graph(SUMMARIES_GRAPH)
    counted = next(iter(sorted(counts.subjects(CSK.factCount, None))))
    counts.set((counted, CSK.factCount, Literal(-2)))
    listed = next(iter(sorted(counts.subjects(CSK.documentList, None))))
    counts.set((listed, CSK.documentList, Literal("https://example.org/nothing")))
    country = next(iter(sorted(validate.union_graph(data).subjects(RDF.type, CSK.Country))))
    counts.add((country, CSK.timelineRank, Literal(1)))
    split = validate_split.validate_dataset(
        data, SHAPES, names, cache=validate_split.ValidationCache(None), workers=0
    )
    whole = validate.validate_graph(data, SHAPES)
    assert not split.conforms
    assert split.violations == whole.violations
    shapes = {v.shape.removeprefix(PREFIX) for v in split.violations}
    assert {"SummaryCount", "DocumentList", "RankedRow"} <= shapes


def test_lines_the_engine_cannot_read_leave_every_shape_to_pyshacl() -> None:
    from graph.validate_lines import QuadLines
    from graph.validate_whole import engine_first

    # (of a predicate a query reads: the store holds no other triple)
    partof = "<https://w3id.org/china-space-kg/ontology#partOf>"
    lines = QuadLines(by_subject={"<a b>": {(partof, "<https://example.org/c>")}})
    assert engine_first(lines, SHAPES, RUNNABLE) == {}
    unread = QuadLines(by_subject={"<a b>": {("<https://example.org/p>", '"x"')}})
    assert engine_first(unread, SHAPES, RUNNABLE) != {}
