"""SHACL validation of a graph against ``ontology/shapes.ttl``.

The validator sees the union of all named graphs, because shapes speak of resources
whose description is spread over the document graphs and the reference graph.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF

from graph.vocab import SH


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
    conforms: bool
    violations: tuple[Violation, ...]
    graph: Graph = field(repr=False, compare=False)


def union_graph(data: Graph) -> Graph:
    """All triples of a dataset in one graph (a plain Graph is returned as is)."""
    if not isinstance(data, Dataset):
        return data
    union = Graph()
    for s, p, o, _g in data.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def load_shapes(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


def validate_graph(data: Graph, shapes: Graph) -> Report:
    """Validate ``data`` (a Graph or the union of a Dataset) against ``shapes``."""
    conforms, results_graph, _text = shacl_validate(
        union_graph(data),
        shacl_graph=shapes,
        advanced=True,
        allow_warnings=True,
    )
    return Report(bool(conforms), tuple(_violations(results_graph)), results_graph)


def _violations(results: Graph) -> list[Violation]:
    out = []
    for result in results.subjects(RDF.type, SH.ValidationResult):

        def get(pred: URIRef, result: URIRef = result) -> str | None:
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
    return sorted(out, key=lambda v: (v.shape, v.focus, v.path or "", v.value or ""))
