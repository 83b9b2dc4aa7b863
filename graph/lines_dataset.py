"""What validation reads of a build's dataset, parsed from each graph's lines on demand.

An add-one build no longer makes the rdflib dataset of the corpus (``graph.rdf_lines``):
validation reads only the graphs of the documents it validates again and the ontology
graph (and the union only when it validates everything), so those are parsed from
their N-Quads lines when asked for. Blank nodes keep their labels, as in the dataset
the lines were written from.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from rdflib import BNode, Dataset, Graph, URIRef

from graph.vocab import PREFIXES

_BLANK = re.compile(rb"_:([A-Za-z0-9_\-.]+)")


def parse_lines(data: bytes, name: URIRef | None = None) -> Graph:
    """The triples of N-Triples ``data`` (or of N-Quads lines all in the graph ``name``)
    as one graph named ``name``; blank nodes are the dataset's (``_:x`` is ``BNode("x")``),
    not fresh ones."""
    labels = {m.decode(): BNode(m.decode()) for m in set(_BLANK.findall(data))}
    graph = Graph(identifier=name) if name is not None else Graph()
    if name is not None:
        data = data.replace(f" {name.n3()} .\n".encode(), b" .\n")
    if data:
        graph.parse(data=data, format="nt", bnode_context=labels)
    return graph


class LinesDataset:
    """A dataset given as each named graph's lines (keyed by the graph's N3): the part of
    ``rdflib.Dataset`` validation uses."""

    def __init__(self, graphs: Mapping[str, bytes]) -> None:
        self.lines = graphs

    def graph(self, name: URIRef) -> Graph:
        return parse_lines(self.lines.get(name.n3(), b""), name)

    def graphs(self) -> Iterator[Graph]:
        for n3 in self.lines:
            yield self.graph(URIRef(n3[1:-1]))

    def to_dataset(self) -> Dataset:
        """The whole rdflib dataset (for a caller that asks a build for it)."""
        data = b"".join(self.lines.values())
        labels = {m.decode(): BNode(m.decode()) for m in set(_BLANK.findall(data))}
        dataset = Dataset()
        for prefix, ns in PREFIXES.items():
            dataset.bind(prefix, ns)
        dataset.parse(data=data, format="nquads", bnode_context=labels)
        return dataset
