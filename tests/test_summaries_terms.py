"""The counts a build appends are the rdflib terms parsing their N-Triples would give,
made without parsing: plain strings stay plain, numbers keep their datatype, labels
their language."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import Graph
from rdflib.plugins.serializers.nquads import _nq_row

from graph.summaries import _parsed, summary_lines

XSD = "http://www.w3.org/2001/XMLSchema#"


def test_counts_are_the_terms_their_n_triples_parse_to() -> None:
    node, predicate = ox.NamedNode("http://x/a"), ox.NamedNode("http://x/p")
    objects = [
        ox.Literal("7", datatype=ox.NamedNode(XSD + "integer")),
        ox.Literal('a "quoted"\nlabel'),
        ox.Literal("explicit", datatype=ox.NamedNode(XSD + "string")),
        ox.Literal("Mond", language="de"),
        ox.NamedNode("http://x/b"),
    ]
    triples = [ox.Triple(node, predicate, o) for o in objects]
    parsed = Graph()
    parsed.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode(), format="nt")

    made = _parsed(triples)

    assert set(made) == set(parsed)


def test_summary_lines_are_what_rdflib_writes_for_the_counts(tmp_path) -> None:
    integer = ox.NamedNode(XSD + "integer")
    triples = [
        ox.Triple(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/p"), o)
        for o in (
            ox.Literal("7", datatype=integer),
            ox.Literal("0", datatype=integer),
            ox.Literal("007", datatype=integer),  # rdflib writes it "7"
            ox.Literal('a "quoted"\nlabel\\'),
            ox.Literal("Mond", language="de"),
            # spelled without an rdflib literal: carriage returns and tabs, combining
            # marks left as they are, a language tag with a region (the engine's case)
            ox.Literal("cr\r tab\t \\n e\u0301 \ufb01 \u2028", language="zh-Hans"),
            ox.Literal("a\u0301b \u212b \U0001f600 \x7f", datatype=ox.NamedNode(XSD + "string")),
            ox.Literal("3.50", datatype=ox.NamedNode(XSD + "decimal")),
            ox.NamedNode("http://x/b"),
            ox.BlankNode("b0"),
        )
    ]
    expected = _parsed(triples)

    written = summary_lines(triples).decode()

    # (lines end with "\n" only: a literal may hold a raw line separator, U+2028)
    assert sorted(written.split("\n")[:-1]) == sorted(
        _nq_row(t, expected.identifier).removesuffix("\n") for t in expected
    )
