"""Shape SummaryCount's query answered from the union's lines
(``graph/validate_count_check.py``) flags every node the engine's SPARQL finds: on the
shape's fixtures, on each way of breaking a well-made count, and on the real build (where
both find none). It may flag more (pySHACL then decides)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from graph import validate, validate_count_check
from graph.config import Paths
from graph.validate_engine import engine_queries, found_nodes, store_of, store_predicates
from graph.validate_sparql_empty import _words

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "shapes"
SHAPES = validate.load_shapes(Paths.defaults(ROOT).shapes)
SHAPE = "https://w3id.org/china-space-kg/shapes#SummaryCount"
QUERIES = engine_queries(SHAPES, SHAPE) or []
CSK = "https://w3id.org/china-space-kg/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"
NODE = "<https://w3id.org/china-space-kg/id/country/brazil>"
WELL_MADE = [
    f'{NODE} <{CSK}factCount> "12"^^<{XSD}integer> .\n',
    f'{NODE} <{CSK}partnerRank> "0"^^<{XSD}integer> .\n',
    f'{NODE} <http://www.w3.org/2000/01/rdf-schema#label> "Brazil"@en .\n',
]
# each way of breaking the counts: the line added to the well-made node's
BROKEN = {
    "a negative count": f'{NODE} <{CSK}documentCount> "-1"^^<{XSD}integer> .\n',
    "a second value": f'{NODE} <{CSK}factCount> "13"^^<{XSD}integer> .\n',
    "a string": f'{NODE} <{CSK}areaCount> "3" .\n',
    "a decimal": f'{NODE} <{CSK}passageRank> "3.0"^^<{XSD}decimal> .\n',
}


def by_subject(lines: list[str]) -> dict[str, set[tuple[str, str]]]:
    found: dict[str, set[tuple[str, str]]] = {}
    for line in lines:
        if line.strip():
            subject, predicate, obj = line.rstrip("\n").removesuffix(" .").split(" ", 2)
            found.setdefault(subject, set()).add((predicate, obj))
    return found


def both(lines: list[str]) -> tuple[set[str] | None, set[str] | None]:
    """The nodes SPARQL finds and the nodes the Python check flags."""
    store = store_of(lines)
    return found_nodes(store, QUERIES), found_nodes(store, QUERIES, by_subject(lines))


def test_the_shapes_query_is_known_and_a_changed_one_is_left_to_sparql() -> None:
    assert len(QUERIES) == 1 and validate_count_check.check_for(QUERIES[0]) is not None
    assert {_words(t) for t in validate_count_check.KNOWN} == {
        _words(QUERIES[0].split("\n\n", 1)[1])
    }
    changed = QUERIES[0].replace("?value < 0", "?value < 1")
    assert validate_count_check.check_for(changed) is None


def test_the_engines_store_needs_no_triple_of_the_counts() -> None:
    """With SummaryCount and PartnerPassage answered in Python, the other queries name
    their predicates: the store holds only those triples."""
    queries = [
        q for name in SHAPES.subjects() if (qs := engine_queries(SHAPES, str(name))) for q in qs
    ]
    read = store_predicates(queries)
    assert read is not None and f"<{CSK}partOf>" in read
    assert f"<{CSK}factCount>" not in read and f"<{CSK}passageQuote>" not in read
    assert store_predicates(q for q in queries if q not in QUERIES) == read
    assert store_predicates([QUERIES[0].replace("?value < 0", "?value < 1")]) is None


def test_well_made_counts_are_flagged_by_neither() -> None:
    assert both(WELL_MADE) == (set(), set())


@pytest.mark.parametrize("broken", sorted(BROKEN))
def test_each_way_of_breaking_a_count_is_flagged_by_both(broken: str) -> None:
    assert both([*WELL_MADE, BROKEN[broken]]) == ({NODE}, {NODE})


@pytest.mark.parametrize(
    "value", [f'"+12"^^<{XSD}integer>', f"<{CSK}many>"], ids=["a sign", "an IRI"]
)
def test_a_count_not_as_the_build_writes_it_is_left_to_pyshacl(value: str) -> None:
    """The query finds no row for these (an IRI has no datatype: its test is an error),
    but the check flags them: pySHACL decides."""
    sparql, python = both([f"{NODE} <{CSK}factCount> {value} .\n"])
    assert sparql == set() and python == {NODE}


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("SummaryCount*.ttl")), ids=str)
def test_the_fixtures_nodes_are_flagged_by_both(fixture: Path) -> None:
    lines = Graph().parse(fixture).serialize(format="nt").splitlines(keepends=True)
    sparql, python = both(lines)
    assert sparql and sparql == python


def test_a_blank_node_leaves_the_shape_to_pyshacl_on_every_node() -> None:
    assert both([f'_:b <{CSK}factCount> "1"^^<{XSD}integer> .\n']) == (set(), None)


def test_the_real_build_has_none_flagged(built) -> None:
    lines = validate.union_graph(built.dataset).serialize(format="nt").splitlines(keepends=True)
    assert sum(f"<{CSK}factCount>" in line for line in lines) > 10
    assert both(lines) == (set(), set())
