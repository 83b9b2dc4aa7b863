"""pySHACL or pyshacl-turbo: the faster engine is used only if both write the same report.

Both engines validate every shape fixture in ``tests/fixtures/shapes`` (with the ontology,
as ``spacekg validate FILE`` does) and the session's build, with the project's options.
Two reports are the same when their W3C report graphs are isomorphic. The engine in
``graph.validate.ENGINE`` must be pyshacl-turbo exactly when all reports are the same,
so this test fails both if the project switched without cause and if it keeps the slower
engine once the faster one agrees. The ``test`` extra installs pyshacl-turbo; without it
the test is skipped, saying so.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from graph import validate
from graph.config import Paths
from graph.rdf_input import read_rdf

turbo = pytest.importorskip(
    "pyshacl_turbo", reason="pyshacl-turbo not installed (the test extra installs it)"
)
pyshacl = pytest.importorskip("pyshacl")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "shapes").glob("*.ttl"))


def report(engine, data: Graph, shapes: Graph) -> tuple[bool, Graph]:
    copy = Graph()
    for triple in data:
        copy.add(triple)
    conforms, graph, _text = engine.validate(
        copy, shacl_graph=shapes, advanced=True, allow_warnings=True, inplace=True
    )
    return bool(conforms), graph


@pytest.mark.slow
def test_the_faster_engine_is_used_only_if_its_reports_are_the_same(built) -> None:
    paths = Paths.defaults(ROOT)
    shapes, ontology = (
        validate.load_shapes(paths.shapes),
        validate.load_ontology(paths.ontology_files()),
    )
    cases = {"the build": validate.union_graph(built.dataset)}
    for fixture in FIXTURES:
        data = validate.union_graph(read_rdf([fixture]))
        cases[fixture.name] = data + ontology
    differ = []
    for name, data in cases.items():
        ours, theirs = report(pyshacl, data, shapes), report(turbo, data, shapes)
        if ours[0] != theirs[0] or not isomorphic(ours[1], theirs[1]):
            differ.append(name)
    assert len(cases) > 100
    identical = not differ
    assert identical == (validate.ENGINE == "pyshacl-turbo"), (
        f"reports differ on {differ}" if differ else "pyshacl-turbo agrees everywhere: use it"
    )
    # what the comment in graph/validate.py says today
    assert "AgreementValidFrom--two-digits.ttl" in differ
