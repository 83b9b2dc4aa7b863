"""pySHACL with its repeated query checks, its text report and the document constraints
shown empty in Python left out (``graph.validate_pyshacl``) writes the same report graph
as pySHACL unchanged, on every shape fixture (each breaks one shape: ``sh:or``,
``sh:not``, SPARQL constraints ...)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyshacl import validate as shacl_validate
from pyshacl.constraints.constraint_component import ConstraintComponent
from pyshacl.constraints.core.logical_constraints import OrConstraintComponent
from pyshacl.constraints.core.shape_based_constraints import QualifiedValueShapeConstraintComponent
from pyshacl.constraints.sparql.sparql_based_constraints import SPARQLBasedConstraint
from pyshacl.helper.sparql_query_helper import SPARQLQueryHelper
from rdflib import Graph
from rdflib.compare import isomorphic

from graph import validate, validate_pyshacl
from graph.config import Paths
from graph.rdf_input import read_rdf

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "shapes").glob("*.ttl"))


def _report(data: Graph, shapes: Graph) -> tuple[bool, Graph]:
    copy = Graph()
    for triple in data:
        copy.add(triple)
    conforms, graph, _text = shacl_validate(
        copy, shacl_graph=shapes, advanced=True, allow_warnings=True, inplace=True
    )
    return bool(conforms), graph


@pytest.fixture
def unpatched(monkeypatch: pytest.MonkeyPatch) -> None:
    """pySHACL's own methods for the length of a test, patched or not before it."""
    monkeypatch.setattr(SPARQLQueryHelper, "check_invalid_sparql", validate_pyshacl._ORIGINAL_CHECK)
    monkeypatch.setattr(
        ConstraintComponent,
        "make_v_result_description",
        validate_pyshacl._ORIGINAL_DESCRIPTION,
    )
    monkeypatch.setattr(
        SPARQLBasedConstraint, "_validate_sparql_query", validate_pyshacl._ORIGINAL_QUERY
    )
    monkeypatch.setattr(
        QualifiedValueShapeConstraintComponent,
        "_evaluate_value_shape",
        validate_pyshacl._ORIGINAL_QUALIFIED,
    )
    monkeypatch.setattr(
        OrConstraintComponent, "_evaluate_or_constraint", validate_pyshacl._ORIGINAL_OR
    )


def test_the_report_graphs_are_pyshacls_on_every_fixture(unpatched: None) -> None:
    paths = Paths.defaults(ROOT)
    shapes = validate.load_shapes(paths.shapes)
    ontology = validate.load_ontology(paths.ontology_files())
    cases = {f.name: validate.union_graph(read_rdf([f])) + ontology for f in FIXTURES}
    before = {name: _report(data, shapes) for name, data in cases.items()}
    validate_pyshacl.install()
    after = {name: _report(data, shapes) for name, data in cases.items()}
    differ = [
        name
        for name in cases
        if before[name][0] != after[name][0] or not isomorphic(before[name][1], after[name][1])
    ]
    assert len(cases) > 100
    assert not differ, f"reports differ on {differ}"
    assert any(not conforms for conforms, _graph in after.values())


def test_a_query_pyshacl_refuses_is_refused_every_time(unpatched: None) -> None:
    validate_pyshacl.install()
    helper = SPARQLQueryHelper.__new__(SPARQLQueryHelper)
    text = "SELECT $this WHERE { $this ?p ?o MINUS { $this a ?c } }"
    for _ in range(2):
        with pytest.raises(Exception, match="MINUS"):
            helper.check_invalid_sparql(text)
    assert helper.check_invalid_sparql("SELECT $this WHERE { $this ?p ?o }") is True


def test_a_passages_selectors_are_counted_without_results(monkeypatch: pytest.MonkeyPatch) -> None:
    """A passage's two selectors are counted by class (oa:TextQuoteSelector one,
    oa:TextPositionSelector one) without a result written for the selector of the other
    class, which pySHACL dropped."""
    from pyshacl.constraints.core.value_constraints import ClassConstraintComponent

    from graph import validate_split
    from tests.test_validate_sparql_empty import _document_graph

    written: list[object] = []
    original = ConstraintComponent.make_v_result

    def counted(self: ConstraintComponent, *args: object, **kwargs: object) -> object:
        if isinstance(self, ClassConstraintComponent):
            written.append(args)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(ConstraintComponent, "make_v_result", counted)
    shapes = validate.load_shapes(Paths.defaults(ROOT).shapes)
    use = validate_split.split_shapes(shapes).per_document
    conforms, results = validate.run_pyshacl(validate.data_graph(_document_graph()), shapes, use)
    assert conforms and not validate._violations(results)
    assert not written
