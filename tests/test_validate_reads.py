"""The whole-graph shapes read only some predicates: pySHACL is given only their triples.

A cold build's whole-graph validation makes an rdflib union of the triples its shapes can
read (``graph.validate_reads``), not of all of them. The report must be the one the whole
union gives: on the session's build (conforming, and broken so that pySHACL has
results to write and an engine shape has nodes to validate), and on every shape fixture
of ``tests/fixtures/shapes`` (each breaks one shape). Each is validated twice, the
trimmed union against the whole one (``read_predicates`` answering ``None``).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, XSD

from graph import (
    lines_graph,
    validate,
    validate_lines,
    validate_reads,
    validate_split,
    validate_whole,
)
from graph.config import Paths
from graph.lines_dataset import LinesDataset
from graph.rdf_input import read_rdf
from graph.rdf_lines import graph_lines
from graph.validate import Report
from graph.vocab import CSK, ONTOLOGY_GRAPH, SH, document_graph

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "shapes").glob("*.ttl"))
SHAPES = validate.load_shapes(Paths.defaults(ROOT).shapes)
ONTOLOGY = validate.load_ontology(Paths.defaults(ROOT).ontology_files())
WHOLE = validate_split.split_shapes(SHAPES).whole_graph
PARTNER_PASSAGE_VALUES = {CSK.passageQuote, CSK.passageStart, CSK.passageFactLabel}


def document_graphs(dataset: Dataset) -> list[URIRef]:
    return sorted(
        URIRef(g.identifier)
        for g in dataset.graphs()
        if str(g.identifier).startswith(document_graph(""))
    )


def reports(
    dataset: Dataset | LinesDataset, names: list[URIRef], monkeypatch: pytest.MonkeyPatch
) -> tuple[Report, Report, list]:
    """The report with the trimmed union, the one with the whole union, and the
    predicates the trimmed run asked its union for."""
    asked: list = []
    reading = validate_reads.read_predicates

    def spied(shapes: Graph, use: list[str]) -> frozenset[URIRef] | None:
        asked.append(reading(shapes, use))
        return asked[-1]

    def validated() -> Report:
        lines = None
        if isinstance(dataset, LinesDataset):  # as the build reads its file
            text = b"".join(dataset.lines.values()).decode("utf-8")
            lines = validate_lines.read(
                text.splitlines(keepends=True), keep_subjects_of=[ONTOLOGY_GRAPH.n3()]
            )
        return validate_split.validate_dataset(
            dataset, SHAPES, names, shapes_key="shapes", lines=lines
        )

    monkeypatch.setattr(validate_whole, "read_predicates", spied)
    trimmed = validated()
    monkeypatch.setattr(validate_whole, "read_predicates", lambda shapes, use: None)
    whole = validated()
    return trimmed, whole, asked


def assert_same(trimmed: Report, whole: Report) -> None:
    """The same results (as a multiset: two results of one shape, node and value, whose
    messages differ, come in pySHACL's order, which is not the same from run to run)."""
    assert Counter(trimmed.violations) == Counter(whole.violations)
    assert trimmed.conforms == whole.conforms
    assert isomorphic(trimmed.graph, whole.graph)


@pytest.mark.parametrize("as_lines", [False, True], ids=["rdflib", "lines"])
def test_the_session_build_reads_few_predicates_and_reports_the_same(
    built, as_lines: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the build's dataset, and as the build hands it to validation: each graph's
    N-Quads lines, whose union is parsed by the engine (``graph.lines_graph``)."""
    names = document_graphs(built.dataset)
    dataset = built.dataset
    if as_lines:
        dataset = LinesDataset(
            {g.identifier.n3(): graph_lines(g) for g in built.dataset.graphs() if len(g)}
        )
    trimmed, whole, asked = reports(dataset, names, monkeypatch)
    assert_same(trimmed, whole)
    assert trimmed.conforms
    (predicates,) = asked
    assert predicates is not None and {RDF.type, RDFS.subClassOf, CSK.status} <= predicates
    # the partner-passage nodes' values: only the engine's first pass reads them
    assert not predicates & PARTNER_PASSAGE_VALUES


def test_a_union_of_some_predicates_holds_their_triples_only(built) -> None:
    graphs = [graph_lines(g) for g in built.dataset.graphs() if len(g)]
    wanted = {RDF.type, CSK.passageQuote}
    union = lines_graph.union(graphs, {p.n3().encode() for p in wanted})
    everything = {t for g in built.dataset.graphs() for t in g}
    assert set(union) == {t for t in everything if t[1] in wanted}
    assert len(union) and {p for _s, p, _o in union} == wanted


def test_a_broken_copy_of_the_session_build_reports_the_same(
    built, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fact with two statuses (pySHACL's results, and partner-passage nodes whose
    copied status the engine flags: their shape then reads their values), and a count
    that is no integer (an engine shape with a node whose query reads any predicate:
    the union is whole)."""
    data = Dataset()
    for s, p, o, g in built.dataset.quads((None, None, None, None)):
        data.graph(g).add((s, p, o))
    names = document_graphs(data)
    graph = next(data.graph(n) for n in names if (None, CSK.status, None) in data.graph(n))
    fact = next(graph.subjects(CSK.status, None))
    graph.add((fact, CSK.status, URIRef("https://w3id.org/china-space-kg/id/status/planned")))
    trimmed, whole, asked = reports(data, names, monkeypatch)
    assert_same(trimmed, whole)
    found = {v.shape.rsplit("#", 1)[-1] for v in trimmed.violations}
    assert {"FactStatus", "PartnerPassage"} <= found and not trimmed.conforms
    assert asked[0] is not None and asked[0] >= PARTNER_PASSAGE_VALUES

    counted = next(g for g in data.graphs() if (None, CSK.documentCount, None) in g)
    node = next(counted.subjects(CSK.documentCount, None))
    counted.add((node, CSK.documentCount, Literal("many", datatype=XSD.string)))
    trimmed, whole, asked = reports(data, names, monkeypatch)
    assert_same(trimmed, whole)
    assert "SummaryCount" in {v.shape.rsplit("#", 1)[-1] for v in trimmed.violations}
    assert asked == [None]


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_each_shape_fixture_reports_the_same(
    fixture: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fixture in a graph of its own beside the ontology's: the whole-graph shapes'
    report, trimmed and whole."""
    dataset = Dataset()
    for triple in read_rdf([fixture]):
        dataset.graph(URIRef("urn:fixture")).add(triple)
    for triple in ONTOLOGY:
        dataset.graph(ONTOLOGY_GRAPH).add(triple)
    trimmed, whole, _asked = reports(dataset, [], monkeypatch)
    assert_same(trimmed, whole)


def test_what_is_not_followed_reads_the_union_whole() -> None:
    base = (ROOT / "ontology" / "shapes.ttl").read_text(encoding="utf-8")
    ex = "https://example.org/"
    cases = {
        "a variable predicate": f"""<{ex}S> a sh:NodeShape ; sh:targetClass csk:Fact ;
            sh:sparql [ a sh:SPARQLConstraint ; sh:prefixes shape: ;
                sh:select "SELECT $this WHERE {{ $this ?p ?o }}" ] .""",
        "a negated path": f"""<{ex}S> a sh:NodeShape ; sh:targetClass csk:Fact ;
            sh:sparql [ a sh:SPARQLConstraint ; sh:prefixes shape: ;
                sh:select "SELECT $this WHERE {{ $this !csk:status ?o }}" ] .""",
        "a closed shape": f"""<{ex}S> a sh:NodeShape ; sh:targetClass csk:Fact ;
            sh:closed true .""",
        "a rule": f"""<{ex}S> a sh:NodeShape ; sh:targetClass csk:Fact ;
            sh:rule [ a sh:TripleRule ; sh:subject sh:this ; sh:predicate csk:x ;
                sh:object sh:this ] .""",
    }
    for case, text in cases.items():
        shapes = Graph().parse(data=base + text, format="turtle")
        assert validate_reads.read_predicates(shapes, [f"{ex}S"]) is None, case
    shapes = Graph().parse(data=base, format="turtle")
    names = [str(s) for s in WHOLE]
    known = validate_reads.read_predicates(shapes, names)
    assert known is None  # shape:SummaryCount reads "$this ?count ?value"
    flagged = {n: set() for n in names if n.endswith(("#SummaryCount", "#PartnerPassage"))}
    paths = validate_reads.read_predicates(shapes, validate_reads.evaluated(names, flagged))
    assert paths is not None
    # a path, a SPARQL path (csk:partOf*), a SPARQL target's pattern, sh:class's reading
    assert {CSK.iso3166Alpha2, CSK.partOf, CSK.curationStatus, RDF.type} <= paths
    assert SH.path not in paths and CSK.passageRank not in paths
