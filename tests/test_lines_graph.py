"""Graphs parsed from a build's lines by the engine are the graphs rdflib's parser reads
from them: the same terms (blank nodes under their labels, plain and explicitly typed
strings kept apart), so validation sees what it saw in the rdflib dataset."""

from __future__ import annotations

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from graph import lines_graph, pipeline
from graph.lines_dataset import LinesDataset, parse_lines
from graph.rdf_lines import graph_lines


def typed(triples) -> set[tuple]:
    """Triples with each term's Python type and datatype, which set equality ignores."""
    return {
        tuple((type(t), t, getattr(t, "datatype", None), getattr(t, "language", None)) for t in x)
        for x in triples
    }


def test_every_graph_of_the_build_reads_the_same(built: pipeline.BuildResult) -> None:
    made = LinesDataset(
        {g.identifier.n3(): graph_lines(g) for g in built.dataset.graphs() if len(g)}
    )
    for n3, data in made.lines.items():
        expected = typed(made.graph(URIRef(n3[1:-1])))
        assert typed(lines_graph.triples(data)) == expected, n3
    union = lines_graph.union(made.lines.values())
    assert typed(union) == typed(t for g in built.dataset.graphs() for t in g)


def test_a_plain_string_and_an_explicit_one_stay_apart() -> None:
    xsd = "http://www.w3.org/2001/XMLSchema#"
    data = (
        '<http://x/a> <http://x/p> "any" <http://x/g> .\n'
        f'<http://x/a> <http://x/p> "any"^^<{xsd}string> <http://x/g> .\n'
        f'_:b1 <http://x/p> "1"^^<{xsd}integer> <http://x/g> .\n'
        '_:b2 <http://x/p> "two"@en <http://x/g> .\n'
    ).encode()
    found = typed(lines_graph.triples(data))
    assert found == typed(parse_lines(data, URIRef("http://x/g")))
    assert found == typed(
        [
            (URIRef("http://x/a"), URIRef("http://x/p"), Literal("any")),
            (URIRef("http://x/a"), URIRef("http://x/p"), Literal("any", datatype=XSD.string)),
            (BNode("b1"), URIRef("http://x/p"), Literal("1", datatype=XSD.integer)),
            (BNode("b2"), URIRef("http://x/p"), Literal("two", lang="en")),
        ]
    )
