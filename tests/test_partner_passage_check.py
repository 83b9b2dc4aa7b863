"""Shape PartnerPassage's queries answered from the union's lines
(``graph/partner_passage_check.py``) flag every node the engine's SPARQL finds: on the
shape's fixtures, on each way of breaking a well-made node, and on the real build (where
both find none). They may flag more (pySHACL then decides); on these graphs they flag
the same nodes."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from graph import partner_passage_check, validate
from graph.config import Paths
from graph.validate_engine import engine_queries, found_nodes, store_of
from graph.validate_sparql_empty import _words

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "shapes"
SHAPES = validate.load_shapes(Paths.defaults(ROOT).shapes)
SHAPE = "https://w3id.org/china-space-kg/shapes#PartnerPassage"
QUERIES = engine_queries(SHAPES, SHAPE) or []

# a fact, its passage and its partner as the build makes them, and their node
WELL_MADE = """
@prefix csk: <https://w3id.org/china-space-kg/ontology#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@base <https://w3id.org/china-space-kg/id/> .

csk:Cooperation rdfs:label "cooperation"@en .
<status/achieved> skos:prefLabel "achieved"@en .
<cooperation/brazil-ocean> a csk:Cooperation ;
    rdfs:label "China and Brazil: ocean satellite"@en ;
    csk:status <status/achieved> ;
    csk:partner <country/brazil> ;
    csk:evidence <evidence/wp/1-20>, <evidence/wp/30-40> .
<evidence/wp/1-20> oa:hasSource <document/wp> ;
    oa:hasSelector <evidence/wp/1-20/quote>, <evidence/wp/1-20/position> .
<evidence/wp/1-20/quote> oa:exact "China and Brazil will" .
<evidence/wp/1-20/position> oa:start 1 ; oa:end 20 .
<partner-passage/country/brazil/cooperation/brazil-ocean/evidence/wp/1-20>
    csk:passagePartner <country/brazil> ;
    csk:passageFact <cooperation/brazil-ocean> ;
    csk:passageEvidence <evidence/wp/1-20> ;
    csk:passageRank 1 ;
    csk:passageFactType "cooperation"@en ;
    csk:passageFactLabel "China and Brazil: ocean satellite"@en ;
    csk:passageStatus "achieved"@en ;
    csk:passageQuote "China and Brazil will" ;
    csk:passageDocument <document/wp> ;
    csk:passageStart "1"^^xsd:nonNegativeInteger ;
    csk:passageEnd "20"^^xsd:nonNegativeInteger .
"""
NODE = (
    "<https://w3id.org/china-space-kg/id/partner-passage/country/brazil/"
    "cooperation/brazil-ocean/evidence/wp/1-20>"
)
ID = "https://w3id.org/china-space-kg/id/"
CSK = "https://w3id.org/china-space-kg/ontology#"
N3_NODE = NODE[1:-1]

# each way of breaking the node: (triple N-Triples lines to drop, lines to add)
BROKEN = {
    "no rank": ([f"<{N3_NODE}> <{CSK}passageRank> "], []),
    "a second fact": ([], [f"<{N3_NODE}> <{CSK}passageFact> <{ID}cooperation/other> ."]),
    "a passage not the fact's": (
        [f"<{ID}cooperation/brazil-ocean> <{CSK}evidence> <{ID}evidence/wp/1-20>"],
        [],
    ),
    "a fact not naming the partner": ([f"<{ID}cooperation/brazil-ocean> <{CSK}partner> "], []),
    "an IRI not made from the three": (
        [f"<{N3_NODE}> <{CSK}passageEvidence> "],
        [f"<{N3_NODE}> <{CSK}passageEvidence> <{ID}evidence/wp/30-40> ."],
    ),
    "a label too many": (
        [],
        [f'<{N3_NODE}> <{CSK}passageFactLabel> "Another label"@en .'],
    ),
    "a label missing": ([f"<{N3_NODE}> <{CSK}passageFactLabel> "], []),
    "a type not the fact's": (
        [f"<{N3_NODE}> <{CSK}passageFactType> "],
        [f'<{N3_NODE}> <{CSK}passageFactType> "agreement"@en .'],
    ),
    "no status": ([f"<{N3_NODE}> <{CSK}passageStatus> "], []),
    "a quote not the passage's": (
        [f"<{N3_NODE}> <{CSK}passageQuote> "],
        [f'<{N3_NODE}> <{CSK}passageQuote> "China and Brazil will build a satellite." .'],
    ),
    "another document": (
        [f"<{N3_NODE}> <{CSK}passageDocument> "],
        [f"<{N3_NODE}> <{CSK}passageDocument> <{ID}document/other> ."],
    ),
    "another start": (
        [f"<{N3_NODE}> <{CSK}passageStart> "],
        [f'<{N3_NODE}> <{CSK}passageStart> "2"^^<http://www.w3.org/2001/XMLSchema#integer> .'],
    ),
    "an end missing": ([f"<{N3_NODE}> <{CSK}passageEnd> "], []),
}


def lines_of(graph: Graph) -> list[str]:
    return graph.serialize(format="nt").splitlines(keepends=True)


def by_subject(lines: list[str]) -> dict[str, set[tuple[str, str]]]:
    """The triples per subject in N3, as ``graph.validate_lines`` reads a build's."""
    found: dict[str, set[tuple[str, str]]] = {}
    for line in lines:
        if line.strip():
            subject, predicate, obj = line.rstrip("\n").removesuffix(" .").split(" ", 2)
            found.setdefault(subject, set()).add((predicate, obj))
    return found


def both(lines: list[str]) -> tuple[set[str] | None, set[str] | None]:
    """The nodes SPARQL finds and the nodes the Python checks flag, for the shape."""
    store = store_of(lines)
    return found_nodes(store, QUERIES), found_nodes(store, QUERIES, by_subject(lines))


def test_both_of_the_shapes_queries_are_known() -> None:
    assert len(QUERIES) == 2
    assert all(partner_passage_check.check_for(q) is not None for q in QUERIES)
    texts = {_words(t) for t in partner_passage_check.KNOWN}
    assert texts == {_words(q.split("\n\n", 1)[1]) for q in QUERIES}


def test_a_changed_query_is_left_to_sparql() -> None:
    changed = QUERIES[0].replace("csk:passageRank ?rank", "csk:passageRank ?place")
    assert partner_passage_check.check_for(changed) is None


def test_a_well_made_node_is_flagged_by_neither() -> None:
    assert both(lines_of(Graph().parse(data=WELL_MADE, format="turtle"))) == (set(), set())


@pytest.mark.parametrize("broken", sorted(BROKEN))
def test_each_way_of_breaking_the_node_is_flagged_by_both(broken: str) -> None:
    drop, add = BROKEN[broken]
    lines = [
        line
        for line in lines_of(Graph().parse(data=WELL_MADE, format="turtle"))
        if not any(line.startswith(d) for d in drop)
    ] + [f"{a}\n" for a in add]
    assert both(lines) == ({NODE}, {NODE})


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("PartnerPassage*.ttl")), ids=str)
def test_the_fixtures_nodes_are_flagged_by_both(fixture: Path) -> None:
    sparql, python = both(lines_of(Graph().parse(fixture)))
    assert sparql and sparql == python


def test_a_blank_node_leaves_the_shape_to_pyshacl() -> None:
    lines = [f"_:b <{CSK}passageFact> <{ID}cooperation/brazil-ocean> .\n"]
    assert both(lines) == (None, None)


def test_the_real_build_has_none_flagged(built) -> None:
    union = validate.union_graph(built.dataset)
    lines = lines_of(union)
    found = by_subject(lines)
    assert any((f"<{CSK}passageRank>" in {p for p, _o in pairs}) for pairs in found.values())
    assert both(lines) == (set(), set())


def test_a_build_with_a_node_broken_reports_it_on_the_shape(built) -> None:
    from rdflib import Dataset, Literal, URIRef

    from graph import validate_split

    copy = Dataset()
    for s, p, o, g in built.dataset.quads((None, None, None, None)):
        copy.graph(g).add((s, p, o))
    quote = URIRef(f"{CSK}passageQuote")
    node, _p, _o, graph = next(iter(sorted(copy.quads((None, quote, None, None)))))
    copy.graph(graph).set((node, quote, Literal("Not the passage's quote.")))
    names = [g.identifier for g in copy.graphs() if "/graph/document/" in str(g.identifier)]
    report = validate_split.validate_dataset(
        copy, SHAPES, names, cache=validate_split.ValidationCache(None), workers=0
    )
    assert {(v.shape, v.focus) for v in report.violations} == {(SHAPE, str(node))}
