"""The document shapes' SPARQL constraints shown empty in Python
(``graph.validate_sparql_empty``): only when rdflib finds no solution either, and on a
conforming document's graph for every one of them, so rdflib evaluates none."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, SH, XSD

from graph import validate, validate_sparql_empty, validate_split
from graph.config import Paths
from graph.rdf import add_document, add_evidence
from graph.rdf_input import read_rdf
from graph.vocab import CSK, OA, document_iri

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "shapes").glob("*.ttl"))


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return validate.load_shapes(Paths.defaults(ROOT).shapes)


def _queries(shapes: Graph) -> list[str]:
    """Each SPARQL constraint's text as pySHACL hands it to rdflib (prefixes first)."""
    prefixes = "".join(
        f"PREFIX {p}: <{ns}>\n" for p, ns in validate_sparql_empty.NAMESPACES.items()
    )
    return [f"{prefixes}\n{o}" for o in shapes.objects(None, SH.select)]


def test_every_known_query_is_a_constraint_of_the_shapes(shapes: Graph) -> None:
    known = [q for q in _queries(shapes) if validate_sparql_empty.check_for(q) is not None]
    assert len(known) == len(validate_sparql_empty.KNOWN) == 8


def test_a_prefix_naming_another_namespace_is_not_known(shapes: Graph) -> None:
    query = next(q for q in _queries(shapes) if validate_sparql_empty.check_for(q))
    assert validate_sparql_empty.check_for(query.replace("/ns/oa#", "/ns/other#")) is None


def test_shown_empty_only_where_rdflib_finds_nothing(shapes: Graph) -> None:
    """On every shape fixture (which break these constraints, among others), a query
    shown empty has no solution in rdflib, and some of the fixtures' are not shown."""
    queries = [q for q in _queries(shapes) if validate_sparql_empty.check_for(q)]
    shown = not_shown = 0
    for fixture in FIXTURES:
        data = Graph()
        for triple in validate.union_graph(read_rdf([fixture])):
            data.add(triple)
        focus = set(data.subjects(RDF.type, CSK.SourceDocument))
        focus |= set(data.subjects(CSK.ofTotal, None)) | set(data.subjects(CSK.ofEvidence, None))
        for this in focus:
            for query in queries:
                if validate_sparql_empty.shown_empty(query, {"this": this}, data):
                    shown += 1
                    assert not list(data.query(query, initBindings={"this": this})), fixture
                else:
                    not_shown += 1
    assert shown > 100 and not_shown > 0


def test_a_graph_declared_unchanged_gets_the_same_answers(shapes: Graph) -> None:
    """Read through maps made once (``unchanged``), every fixture's answers are those read
    through rdflib's ``triples``; after the block, a change to the graph counts again."""
    queries = [q for q in _queries(shapes) if validate_sparql_empty.check_for(q)]
    differ = 0
    for fixture in FIXTURES:
        data = Graph()
        for triple in validate.union_graph(read_rdf([fixture])):
            data.add(triple)
        focus = sorted(data.subjects(RDF.type, CSK.SourceDocument))
        asked = [(q, this) for this in focus for q in queries]
        plain = [validate_sparql_empty.shown_empty(q, {"this": t}, data) for q, t in asked]
        with validate_sparql_empty.unchanged(data):
            mapped = [validate_sparql_empty.shown_empty(q, {"this": t}, data) for q, t in asked]
        assert mapped == plain, fixture
        differ += plain.count(False)
    assert differ > 0  # some fixtures break these constraints: both ways say so

    graph = _document_graph()
    query = next(q for q in queries if "FILTER (?end > ?count)" in q)
    this = next(graph.subjects(RDF.type, CSK.SourceDocument))
    with validate_sparql_empty.unchanged(graph):
        assert validate_sparql_empty.shown_empty(query, {"this": this}, graph)
    position = next(graph.subjects(OA.end, None))
    graph.set((position, OA.end, Literal(10**6, datatype=XSD.nonNegativeInteger)))
    assert not validate_sparql_empty.shown_empty(query, {"this": this}, graph)


def _document_graph() -> Graph:
    """A document's graph that conforms: one fact, its evidence and its statement."""
    from graph.model import Document, DocumentMeta, Evidence

    text = "China and Brazil built CBERS-4 together."
    meta = DocumentMeta(
        id="d", file="d.txt", title="D", publisher="P", issued="2020-01-01", kind="white-paper"
    )
    graph = Graph()
    add_document(graph, Document(meta=meta, path=Path("d.txt"), text=text))
    fact = URIRef("https://w3id.org/china-space-kg/id/cooperation/x")
    graph.add((fact, RDF.type, CSK.Cooperation))
    graph.add((fact, PROV.wasDerivedFrom, URIRef(document_iri("d"))))
    graph.add((fact, CSK.achievedIn, URIRef(document_iri("d"))))
    add_evidence(graph, fact, Evidence("d", 0, len(text), text))
    return graph


def test_a_conforming_document_graph_runs_no_query_of_these(
    shapes: Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    graph = _document_graph()
    asked: list[str] = []
    original = Graph.query

    def counted(self: Graph, query: object, *args: object, **kwargs: object) -> object:
        asked.append(str(query))
        return original(self, query, *args, **kwargs)

    monkeypatch.setattr(Graph, "query", counted)
    use = validate_split.split_shapes(shapes).per_document
    conforms, results = validate.run_pyshacl(validate.data_graph(graph), shapes, use)
    assert conforms and not validate._violations(results)
    assert not [q for q in asked if validate_sparql_empty.check_for(q)]


def test_a_bad_offset_is_still_reported_by_pyshacl(shapes: Graph) -> None:
    graph = _document_graph()
    position = next(graph.subjects(OA.end, None))
    graph.set((position, OA.end, Literal(10**6, datatype=XSD.nonNegativeInteger)))
    use = validate_split.split_shapes(shapes).per_document
    _conforms, results = validate.run_pyshacl(validate.data_graph(graph), shapes, use)
    found = {v.shape.rsplit("#", 1)[-1] for v in validate._violations(results)}
    assert {"EvidenceWithinDocument", "QuoteFitsOffsets"} <= found


def _passage_graph(evidence: str) -> tuple[Graph, URIRef]:
    """A total's passage as the build makes it, pointing at ``evidence``."""
    ids = "https://w3id.org/china-space-kg/id/"
    total = URIRef(f"{ids}cooperation-total/payload-partners--4")
    cited = URIRef(f"{ids}evidence/d/0-40")
    passage = URIRef(f"{ids}total-passage/cooperation-total/payload-partners--4/evidence/d/0-40")
    graph = Graph()
    graph.add((total, RDF.type, CSK.CooperationTotal))
    graph.add((total, CSK.evidence, cited))
    graph.add((passage, CSK.ofTotal, total))
    graph.add((passage, CSK.ofEvidence, URIRef(f"{ids}{evidence}")))
    graph.add((passage, CSK.totalRank, Literal(1)))
    return graph, passage


@pytest.mark.parametrize(
    ("evidence", "shown"), [("evidence/d/0-40", True), ("evidence/d/1-40", False)]
)
def test_a_total_passage_is_shown_empty_only_when_it_is_one(
    shapes: Graph, evidence: str, shown: bool
) -> None:
    query = next(q for q in _queries(shapes) if "csk:ofTotal ?total" in q)
    graph, passage = _passage_graph(evidence)
    assert validate_sparql_empty.shown_empty(query, {"this": passage}, graph) is shown
    assert bool(list(graph.query(query, initBindings={"this": passage}))) is not shown
