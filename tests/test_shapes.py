"""Every shape bites, on its own.

``tests/fixtures/shapes/<Shape>.ttl`` (or ``<Shape>--<variant>.ttl``) is a small graph
that breaks exactly one shape of ``ontology/shapes.ttl`` in one way; ``valid.ttl``
breaks none. Each fixture is validated the way ``spacekg validate FILE`` does it (with
the ontology, and the evidence checked against the corpus files), and must produce
violations from its shape and from no other. A shape added without a fixture fails
``test_every_shape_has_a_fixture``.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS

from cli.validate import validate_data
from graph.config import Paths
from graph.rdf_input import read_rdf
from graph.validate import SHAPES, Report, load_ontology, load_shapes, reportable_shapes
from graph.vocab import SH

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "shapes"
PATHS = Paths.defaults(ROOT)
SHAPES_GRAPH = load_shapes(PATHS.shapes)
ONTOLOGY = load_ontology(PATHS.ontology_files())
REPORTING = [s.removeprefix(str(SHAPES)) for s in reportable_shapes(SHAPES_GRAPH)]
BAD_FIXTURES = sorted(p for p in FIXTURES.glob("*.ttl") if p.name != "valid.ttl")


def shape_of(fixture: Path) -> str:
    return fixture.stem.split("--")[0]


@functools.cache
def violations_of(fixture: Path) -> Report:
    data = read_rdf([fixture])
    return validate_data(data, SHAPES_GRAPH, ontology=ONTOLOGY, corpus_dir=PATHS.corpus)


# Shape parameters that are not constraints of their own.
NOT_CONSTRAINTS = {
    SH[name]
    for name in [
        "path",
        "message",
        "targetClass",
        "targetNode",
        "targetObjectsOf",
        "targetSubjectsOf",
        "target",
        "qualifiedValueShape",
        "name",
        "description",
        "severity",
        "order",
        "group",
        "deactivated",
        "property",
    ]
}
# (shape, component) pairs no graph can break alone, and why.
INSEPARABLE = {
    ("FactSource", "MinCount"): "a fact whose evidence is in a document it is not derived "
    "from also breaks EvidenceFromFactSource; without evidence it breaks FactEvidence",
    ("PositionEnd", "MinInclusive"): "a negative end comes before the start (PositionOrder) "
    "unless the start is negative too (PositionStart)",
    ("QuoteExact", "MinLength"): "an empty quote spans no characters, so its offsets are "
    "equal (PositionOrder) or disagree with it (QuoteFitsOffsets)",
}


def constraints() -> list[tuple[str, str]]:
    """(shape, component) for every constraint of every shape that reports."""
    pairs = set()
    for shape in reportable_shapes(SHAPES_GRAPH):
        for parameter in set(SHAPES_GRAPH.predicates(URIRef(shape))):
            if not str(parameter).startswith(str(SH)) or parameter in NOT_CONSTRAINTS:
                continue
            name = parameter.removeprefix(str(SH))
            component = "SPARQL" if name == "sparql" else name[0].upper() + name[1:]
            pairs.add((shape.removeprefix(str(SHAPES)), component))
    return sorted(pairs)


@pytest.mark.parametrize("shape", REPORTING)
def test_every_shape_has_a_fixture(shape: str) -> None:
    assert any(shape_of(f) == shape for f in BAD_FIXTURES), (
        f"shape:{shape} has no fixture; add tests/fixtures/shapes/{shape}.ttl violating it"
    )


@pytest.mark.parametrize("fixture", BAD_FIXTURES, ids=lambda p: p.stem)
def test_fixture_violates_its_shape_and_only_it(fixture: Path) -> None:
    assert shape_of(fixture) in REPORTING, f"{fixture.name} names no shape of shapes.ttl"
    report = violations_of(fixture)
    assert not report.conforms
    shapes = {v.shape.removeprefix(str(SHAPES)) for v in report.violations}
    assert shapes == {shape_of(fixture)}, [v.message for v in report.violations]
    assert all(v.message for v in report.violations), "every violation says what is wrong"


@pytest.mark.parametrize(("shape", "component"), constraints(), ids="-".join)
def test_every_constraint_bites_in_some_fixture(shape: str, component: str) -> None:
    """Not only each shape but each of its constraints (minCount, datatype, pattern...)."""
    if (shape, component) in INSEPARABLE:
        pytest.skip(INSEPARABLE[(shape, component)])
    reported = {
        v.component.removesuffix("ConstraintComponent")
        for fixture in BAD_FIXTURES
        if shape_of(fixture) == shape
        for v in violations_of(fixture).violations
    }
    assert component in reported, (
        f"no fixture breaks the {component} constraint of shape:{shape}; add "
        f"tests/fixtures/shapes/{shape}--<what is wrong>.ttl"
    )


def test_valid_fixture_conforms() -> None:
    report = violations_of(FIXTURES / "valid.ttl")
    assert report.conforms, [(v.shape, v.focus, v.message) for v in report.violations]


def test_valid_fixture_has_every_fact_type_and_entity_class() -> None:
    """So that every class-targeted shape is exercised by a conforming graph too."""
    data = Graph().parse(FIXTURES / "valid.ttl")
    targets = {o for o in SHAPES_GRAPH.objects(None, SH.targetClass)} - {
        URIRef("http://www.w3.org/2004/02/skos/core#Concept"),
        URIRef("http://www.w3.org/2004/02/skos/core#ConceptScheme"),
        URIRef("https://w3id.org/china-space-kg/ontology#Fact"),
    }
    present = set(data.objects(None, RDF.type))
    assert targets <= present, targets - present


def test_shapes_that_report_are_named() -> None:
    """A blank-node shape would show up in reports as an unreadable id."""
    for shape in SHAPES_GRAPH.subjects(RDF.type, SH.NodeShape):
        if any(SHAPES_GRAPH.objects(shape, p) for p in (SH.targetClass, SH.target)):
            assert isinstance(shape, URIRef)
    for prop in SHAPES_GRAPH.objects(None, SH.property):
        owner = next(SHAPES_GRAPH.subjects(SH.property, prop))
        if str(owner) in reportable_shapes(SHAPES_GRAPH):
            assert isinstance(prop, URIRef), f"name the property shapes of {owner}"


def test_every_shape_is_used() -> None:
    """A shape with no target that no other shape refers to can never report anything."""
    referring = (SH.node, SH.property, SH.qualifiedValueShape, SH["not"], SH["or"])
    used = set(reportable_shapes(SHAPES_GRAPH))
    used |= {str(o) for p in referring for o in SHAPES_GRAPH.objects(None, p)}
    declared = {
        str(s)
        for t in (SH.NodeShape, SH.PropertyShape)
        for s in SHAPES_GRAPH.subjects(RDF.type, t)
        if isinstance(s, URIRef)
    }
    assert declared <= used, declared - used


def test_every_reporting_shape_has_a_message() -> None:
    for shape in reportable_shapes(SHAPES_GRAPH):
        node = URIRef(shape)
        own = list(SHAPES_GRAPH.objects(node, SH.message))
        sparql = [
            m
            for c in SHAPES_GRAPH.objects(node, SH.sparql)
            for m in SHAPES_GRAPH.objects(c, SH.message)
        ]
        documented = list(SHAPES_GRAPH.objects(node, RDFS.comment))
        assert own or sparql or documented, f"{shape} needs an sh:message in plain words"


def test_inseparable_constraints_exist() -> None:
    """The list of exceptions must not outlive the constraints it excuses."""
    assert set(INSEPARABLE) <= set(constraints())
