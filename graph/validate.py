"""SHACL validation of a graph against ``ontology/shapes.ttl``.

The validator sees the union of all named graphs, because shapes speak of resources
whose description is spread over the document graphs and the reference graph, plus the
ontology and concept schemes: class targets follow ``rdfs:subClassOf`` (``csk:Fact``
reaches every fact type) and concept values are checked against their scheme.
Checks SHACL cannot make (reading the corpus files) add their results to the same
``Report`` through ``Report.extended``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef, Variable
from rdflib.namespace import RDF, NamespaceManager, split_uri
from rdflib.term import Node

from graph import sparql_prepared, validate_pyshacl
from graph.errors import InputError
from graph.vocab import SH

# The SHACL engine. pyshacl-turbo (a Rust engine with pySHACL's API) is about ten times
# faster here but does not write the same reports: it adds a sh:datatype result for an
# ill-formed xsd:gYear that pySHACL accepts, and words nested results differently; see
# tests/test_validate_engines.py, which compares the two on every fixture.
ENGINE = "pyshacl"
# Shapes and components of checks made outside SHACL are named in the shapes' namespace.
SHAPES = Namespace("https://w3id.org/china-space-kg/shapes#")


@dataclass(frozen=True)
class Violation:
    """One validation result, flattened for people and for JUnit."""

    shape: str
    focus: str
    path: str | None
    value: str | None
    message: str
    severity: str
    component: str


@dataclass(frozen=True)
class Report:
    """The outcome of validation: ``graph`` is the W3C ``sh:ValidationReport``."""

    conforms: bool
    violations: tuple[Violation, ...]
    graph: Graph = field(repr=False, compare=False)

    def extended(self, extra: Iterable[Violation]) -> Report:
        """This report plus results found outside SHACL, also added to ``graph`` so the
        Turtle report and the text report never disagree."""
        extra = tuple(extra)
        if not extra:
            return self
        graph = Graph()
        for prefix, ns in self.graph.namespaces():
            graph.bind(prefix, ns)
        for triple in self.graph:
            graph.add(triple)
        report = graph.value(None, RDF.type, SH.ValidationReport) or BNode()
        graph.add((report, RDF.type, SH.ValidationReport))
        graph.set((report, SH.conforms, Literal(False)))
        for violation in extra:
            graph.add((report, SH.result, _add_result(graph, violation)))
        violations = sorted((*self.violations, *extra), key=_order)
        return Report(False, tuple(violations), graph)


def _add_result(graph: Graph, v: Violation) -> BNode:
    node = BNode()
    graph.add((node, RDF.type, SH.ValidationResult))
    graph.add((node, SH.focusNode, URIRef(v.focus) if ":" in v.focus else BNode(v.focus)))
    graph.add((node, SH.sourceShape, URIRef(v.shape)))
    graph.add((node, SH.sourceConstraintComponent, SHAPES[v.component]))
    graph.add((node, SH.resultSeverity, SH[v.severity]))
    graph.add((node, SH.resultMessage, Literal(v.message)))
    if v.path:
        graph.add((node, SH.resultPath, URIRef(v.path)))
    if v.value is not None:
        graph.add((node, SH.value, Literal(v.value)))
    return node


def _order(v: Violation) -> tuple[str, str, str, str]:
    return (v.shape, v.focus, v.path or "", v.value or "")


def union_graph(data: Graph) -> Graph:
    """All triples of a dataset in one graph (a plain Graph is returned as is)."""
    if not isinstance(data, Dataset):
        return data
    union = data_graph()
    for s, p, o, _g in data.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


class _KnownPrefixesOnly(NamespaceManager):
    """Writes a node whose namespace has no prefix as ``<iri>``, as rdflib does, without
    first recording the namespace. pySHACL writes every node of every failed check into
    its text report (which nothing here reads), failed alternatives of ``sh:or`` and
    the selectors a qualified count rules out included: thousands on a large document's
    graph. rdflib records each new namespace in a trie that each insertion walks in full,
    so that took time in the square of the evidence: most of a 10 MB document's
    validation."""

    def normalizeUri(self, rdfTerm: str) -> str:  # rdflib's name
        if not isinstance(rdfTerm, Variable):
            try:
                namespace, _name = split_uri(rdfTerm)
            except ValueError:
                return super().normalizeUri(rdfTerm)
            if self.store.prefix(URIRef(namespace)) is None:
                return f"<{rdfTerm}>"
        return super().normalizeUri(rdfTerm)


def data_graph(triples: Iterable[tuple[Node, Node, Node]] = ()) -> Graph:
    """A graph of ``triples`` for pySHACL to validate in place."""
    graph = Graph()
    graph.namespace_manager = _KnownPrefixesOnly(graph, "rdflib")
    for triple in triples:
        graph.add(triple)
    return graph


def load_shapes(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


def load_ontology(paths: Iterable[Path]) -> Graph:
    """The ontology and concept schemes, to validate files that do not include them."""
    graph = Graph()
    for path in paths:
        graph.parse(path, format="turtle")
    return graph


def validate_graph(data: Graph, shapes: Graph, *, ontology: Graph | None = None) -> Report:
    """Validate ``data`` (a Graph, or the union of a Dataset's graphs) against ``shapes``.

    ``ontology`` is merged in first when the data does not carry it (a build's dataset
    does; a file given to ``spacekg validate`` usually does not).
    """
    union = union_graph(data) if isinstance(data, Dataset) else data_graph(data)
    if ontology is not None:
        for triple in ontology:
            union.add(triple)
    conforms, results_graph = run_pyshacl(union, shapes)
    return Report(conforms, tuple(_violations(results_graph)), results_graph)


def run_pyshacl(
    data: Graph, shapes: Graph, use_shapes: Sequence[str] | None = None
) -> tuple[bool, Graph]:
    """pySHACL with the project's options (SHACL-AF, warnings allowed, ``data`` changed in
    place), from every shape or only from those ``use_shapes`` names.

    :raises InputError: validation could not run.
    """
    sparql_prepared.install()  # each SPARQL constraint parsed once per process
    validate_pyshacl.install()  # nor checked once per focus node; no text report
    options = {"use_shapes": list(use_shapes)} if use_shapes is not None else {}
    conforms, results, _text = shacl_validate(
        data, shacl_graph=shapes, advanced=True, allow_warnings=True, inplace=True, **options
    )
    return bool(conforms), engine_results(results)


def engine_results(results: object) -> Graph:
    """pySHACL's report graph; pySHACL answers with a failure object instead when it could
    not validate at all (a shape it cannot evaluate).

    :raises InputError: validation could not run.
    """
    if isinstance(results, Graph):
        return results
    raise InputError(
        f"SHACL validation could not run: {results}; check the shapes (ontology/shapes.ttl)"
    )


def _violations(results: Graph) -> list[Violation]:
    out = []
    # Only top-level results: nested ones (sh:detail, e.g. under sh:node) explain a
    # result already reported by the shape that used them.
    for result in results.objects(None, SH.result):

        def get(pred: URIRef, result: Node = result) -> str | None:
            value = results.value(result, pred)
            return None if value is None else str(value)

        out.append(
            Violation(
                shape=get(SH.sourceShape) or "",
                focus=get(SH.focusNode) or "",
                path=get(SH.resultPath),
                value=get(SH.value),
                message=get(SH.resultMessage) or "",
                severity=(get(SH.resultSeverity) or "").rsplit("#", 1)[-1],
                component=(get(SH.sourceConstraintComponent) or "").rsplit("#", 1)[-1],
            )
        )
    return sorted(out, key=_order)


_TARGETS = (SH.targetClass, SH.targetNode, SH.targetObjectsOf, SH.targetSubjectsOf, SH.target)


def reportable_shapes(shapes: Graph) -> list[str]:
    """Shapes that can appear as ``sh:sourceShape``: those with a target, and the property
    shapes of those. Helper shapes used through ``sh:node`` report via their user."""
    targeted = {s for t in _TARGETS for s in shapes.subjects(t, None)}
    properties = {o for s in targeted for o in shapes.objects(s, SH.property)}
    return sorted(str(s) for s in targeted | properties if isinstance(s, URIRef))
