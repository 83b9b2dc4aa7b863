"""Subjects whose summary properties alone changed are validated again only by the
shapes that read them (``graph/summary_readers.py``), and the report is still the one a
run on every node gives.

Adding one article renumbers thousands of facts' ``csk:corroborationRank``: validating
each of them with every fact shape was most of an add-one build at 1,000 documents.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD

from graph import validate, validate_split, validate_whole
from graph.summaries import SUMMARIES_GRAPH
from graph.summary_readers import may_report, own_readers
from graph.validate_whole import OWN_ONLY
from graph.vocab import CSK

SHAPES = "https://w3id.org/china-space-kg/shapes#"
STATUS = "https://w3id.org/china-space-kg/id/status/"


@pytest.fixture(scope="module")
def shapes(project_paths):
    return validate.load_shapes(project_paths.shapes)


def copy_of(dataset: Dataset) -> Dataset:
    copy = Dataset()
    for s, p, o, g in dataset.quads((None, None, None, None)):
        copy.graph(g).add((s, p, o))
    return copy


def names_of(built) -> list[URIRef]:
    return [g.identifier for g in built.dataset.graphs() if "/graph/document/" in str(g.identifier)]


def test_the_project_shapes_read_the_counts_as_expected(shapes) -> None:
    """SummaryCount alone reads the counts' values, and only on its focus node; the
    others read only which counts a node has."""
    split = validate_split.split_shapes(shapes)
    readers = own_readers(shapes, split.whole_graph, OWN_ONLY)
    assert readers is not None
    assert readers.valued == {SHAPES + "SummaryCount"}
    assert readers.valued_alone
    assert {SHAPES + "SummaryCount", SHAPES + "RankedRow"} <= readers.present
    assert SHAPES + "Partner" not in readers.present


def _shape(text: str) -> Graph:
    prefix = "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
    prefix += "@prefix csk: <https://w3id.org/china-space-kg/ontology#> .\n"
    prefix += "@prefix s: <https://w3id.org/china-space-kg/shapes#> .\n"
    prefix += "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
    prefix += (
        "s: sh:declare [ sh:prefix 'csk' ; "
        "sh:namespace 'https://w3id.org/china-space-kg/ontology#'^^xsd:anyURI ] .\n"
    )
    return Graph().parse(data=prefix + text, format="turtle")


def _sparql(select: str) -> Graph:
    return _shape(
        "s:S a sh:NodeShape ; sh:targetClass csk:Fact ; sh:sparql [ sh:prefixes s: ; "
        f'sh:select """{select}""" ] .'
    )


@pytest.mark.parametrize(
    ("select", "present", "valued"),
    [
        ("SELECT $this WHERE { $this csk:label ?l }", False, False),
        ("SELECT $this WHERE { $this csk:factCount ?n }", True, False),
        ("SELECT $this WHERE { $this csk:factCount ?n . FILTER (?n < 0) }", True, True),
        ("SELECT $this ?n WHERE { $this csk:factCount ?n }", True, True),
        ("SELECT $this WHERE { $this ?p ?o . FILTER (?p = csk:partner) }", True, True),
        ("SELECT $this WHERE { $this csk:factCount|csk:label ?n }", True, True),
    ],
)
def test_how_a_sparql_shape_reads_the_counts(select: str, present: bool, valued: bool) -> None:
    readers = own_readers(_sparql(select), [SHAPES + "S"], OWN_ONLY)
    assert readers is not None
    assert (SHAPES + "S" in readers.present) == present
    assert (SHAPES + "S" in readers.valued) == valued


@pytest.mark.parametrize(
    "shape",
    [
        # another node's counts
        '''s:S a sh:NodeShape ; sh:targetClass csk:Fact ; sh:sparql [ sh:prefixes s: ;
           sh:select """SELECT $this WHERE { $this csk:partner ?p . ?p csk:factCount ?n }""" ] .''',
        # a count named in an expression only
        '''s:S a sh:NodeShape ; sh:targetClass csk:Fact ; sh:sparql [ sh:prefixes s: ;
           sh:select """SELECT $this WHERE { BIND (csk:factCount AS ?p) }""" ] .''',
        # through a nested shape
        """s:S a sh:NodeShape ; sh:targetClass csk:Fact ;
           sh:property [ sh:path csk:factCount ; sh:datatype xsd:integer ] .""",
        # the counted nodes as targets
        "s:S a sh:NodeShape ; sh:targetObjectsOf csk:factCount ; sh:nodeKind sh:IRI .",
    ],
)
def test_a_reading_not_followed_gives_none(shape: str) -> None:
    assert own_readers(_shape(shape), [SHAPES + "S"], OWN_ONLY) is None


def _ranked_fact(data: Dataset) -> URIRef:
    counts = data.graph(SUMMARIES_GRAPH)
    return max(counts.subjects(CSK.corroborationRank, None), key=str)


def _run(data, shapes, names, cache):
    return validate_split.validate_dataset(data, shapes, names, cache=cache, workers=0)


def test_a_renumbered_rank_is_validated_by_the_count_shape_alone(
    built, shapes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ranks moved (as adding a fact moves them) make a fact a target of SummaryCount
    only; the report is that of a full run, a wrong rank value included, and another
    shape's earlier result on the fact is kept."""
    names = names_of(built)
    data = copy_of(built.dataset)
    cache = validate_split.ValidationCache(tmp_path)
    counts = data.graph(SUMMARIES_GRAPH)
    fact = _ranked_fact(data)
    stating = next(n for n in names if (fact, None, None) in data.graph(n))
    # a second status: a whole-graph shape's violation on the fact, kept across builds
    data.graph(stating).add((fact, CSK.status, URIRef(STATUS + "planned")))
    data.graph(stating).add((fact, CSK.status, URIRef(STATUS + "achieved")))
    first = _run(data, shapes, names, cache)
    assert not first.conforms

    targeted: list[set[str]] = []
    original = validate_whole.run_pyshacl

    def watched(graph, restricted, use):
        targeted.append({str(s) for s in restricted.subjects(SH.targetNode, fact)})
        return original(graph, restricted, use)

    monkeypatch.setattr(validate_whole, "run_pyshacl", watched)
    # a few (past a fifth of the subjects, everything is validated)
    ranked = sorted(counts.subject_objects(CSK.corroborationRank), key=lambda so: str(so[0]))[-8:]
    for (subject, _rank), (_other, rank) in zip(ranked, [*ranked[1:], ranked[0]], strict=True):
        counts.set((subject, CSK.corroborationRank, rank))  # every rank moves
    counts.set((fact, CSK.corroborationRank, Literal("first")))  # and one is wrong
    again = _run(data, shapes, names, cache)
    monkeypatch.undo()
    full = _run(data, shapes, names, validate_split.ValidationCache(None))
    assert targeted == [{SHAPES + "SummaryCount"}]
    assert again.violations == full.violations
    shapes_on_fact = {v.shape for v in again.violations if v.focus == str(fact)}
    assert SHAPES + "SummaryCount" in shapes_on_fact and len(shapes_on_fact) > 1


def test_a_rank_given_to_another_class_is_reported_as_a_full_run_reports_it(
    built, shapes, tmp_path: Path
) -> None:
    """A rank added to a node that had none changes which counts it has: RankedRow
    (which class carries a rank) must see it."""
    names = names_of(built)
    data = copy_of(built.dataset)
    cache = validate_split.ValidationCache(tmp_path)
    _run(data, shapes, names, cache)
    counts = data.graph(SUMMARIES_GRAPH)
    counted = next(
        s
        for s in counts.subjects(CSK.factCount, None)
        if (s, CSK.corroborationRank, None) not in counts and (s, RDF.type, None) not in counts
    )
    counts.add((counted, CSK.corroborationRank, Literal(1, datatype=XSD.integer)))
    again = _run(data, shapes, names, cache)
    full = _run(data, shapes, names, validate_split.ValidationCache(None))
    assert again.violations == full.violations
    assert any(v.shape == SHAPES + "RankedRow" for v in again.violations)


FIXTURES = Path(__file__).resolve().parent / "fixtures" / "shapes"


def test_the_engine_finds_every_fixture_of_a_value_reader(shapes) -> None:
    """The engine's one run over the nodes must find each node pySHACL reports: else an
    add-one build would drop a violation of a renumbered fact."""
    split = validate_split.split_shapes(shapes)
    readers = own_readers(shapes, split.whole_graph, OWN_ONLY)
    assert readers is not None and readers.valued
    checked = 0
    for name in readers.valued:
        local = name.removeprefix(SHAPES)
        for fixture in sorted(FIXTURES.glob(f"{local}*.ttl")):
            if fixture.stem.split("--")[0] != local:
                continue
            data = Graph().parse(fixture)
            reported = {
                v.focus for v in validate.validate_graph(data, shapes).violations if v.shape == name
            }
            found = may_report(shapes, [name], data.serialize(format="nt"))
            assert found is not None
            assert reported and {f"<{f}>" for f in reported} <= found, fixture.name
            checked += 1
    assert checked >= 4


def test_the_engine_finds_nothing_in_the_build(built, shapes) -> None:
    counts = built.dataset.graph(SUMMARIES_GRAPH)
    found = may_report(shapes, [SHAPES + "SummaryCount"], counts.serialize(format="nt"))
    assert found == set()


def test_a_shape_with_other_constraints_is_not_checked_by_the_engine() -> None:
    graph = _shape(
        "s:S a sh:NodeShape ; sh:targetSubjectsOf csk:factCount ; sh:nodeKind sh:IRI ; "
        'sh:sparql [ sh:select """SELECT $this WHERE { $this csk:factCount ?n }""" ] .'
    )
    assert may_report(graph, [SHAPES + "S"], "") is None
