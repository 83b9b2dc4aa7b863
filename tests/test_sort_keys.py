"""ORDER BY keys made totally ordered (server/sort_keys.py): the order they give, and the
value a string's or an IRI's key carries so the engine sorts without reading the store."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from server.sort_keys import kind_key, with_total_order

XSD = "http://www.w3.org/2001/XMLSchema#"

# Every kind of value, and the cases where a kind and a value could run into each other:
# languages one the prefix of another, strings one the prefix of another, with spaces
# and non-ASCII characters, IRIs sharing a long prefix, dates with and without a zone.
VALUES = f"""
  3 1 2.5 "NaN"^^<{XSD}double> "7"^^<{XSD}integer> true
  "b" "a" "a b" "a!" "" " " "Ärger" "zebra" "Brazil" "Brazil and Chile"
  "a"@en "b"@en "a"@en-gb "a b"@en "z"@fr ""@en
  <http://e/x> <http://e/x2> <http://e/x/y> <https://w3id.org/csk/id/country/brazil>
  "2020-01-02"^^<{XSD}date> "2020-01-01Z"^^<{XSD}date> "2016"^^<{XSD}gYear>
  "x"^^<http://e/type> "x"^^<http://e/type2> UNDEF
"""

# The key before this change: the kind alone, the variable after it deciding within a
# kind. The new key must give the very same order.
KIND_ONLY = (
    'IF(isBLANK({v}), "1", IF(isIRI({v}), "2", IF(isNUMERIC({v}), IF({v} = {v}, "3", "3n"), '
    'CONCAT("4", STR(DATATYPE({v})), "@", LANG({v}), IF(COALESCE(TZ({v}) != "", false), "z", '
    '"")))))'
)


def _rows(query: str) -> list[tuple[str, ...]]:
    return [tuple(str(term) for term in row) for row in ox.Store().query(query)]


@pytest.mark.parametrize("direction", ["ASC", "DESC"])
def test_values_sort_in_the_same_order_as_by_their_kind_then_their_value(direction):
    values = f"VALUES ?o {{ {VALUES} }}"
    ours = _rows(with_total_order(f"SELECT ?o WHERE {{ {values} }} ORDER BY {direction}(?o)"))
    kind = KIND_ONLY.format(v="?o")
    former = _rows(f"SELECT ?o WHERE {{ {values} }} ORDER BY {direction}({kind}) {direction}(?o)")
    assert len(ours) == 32
    assert ours == former


def test_two_keys_sort_as_before_with_ties_in_the_first_decided_by_the_second():
    pairs = '("a" 2) ("a" 1) ("b" 1) (<http://e/x> 3) (<http://e/x> "c") ("a"@en 1) (UNDEF 0)'
    body = f"VALUES (?o ?n) {{ {pairs} }}"
    ours = _rows(with_total_order(f"SELECT ?o ?n WHERE {{ {body} }} ORDER BY ?o DESC(?n)"))
    ko, kn = KIND_ONLY.format(v="?o"), KIND_ONLY.format(v="?n")
    former = _rows(f"SELECT ?o ?n WHERE {{ {body} }} ORDER BY ({ko}) ?o DESC({kn}) DESC(?n)")
    assert ours == former


def test_a_string_or_an_iri_key_carries_the_value_after_its_kind():
    values = (
        '"Brazil" "a"@en-gb <http://e/x> 3 "2020-01-02"^^<http://www.w3.org/2001/XMLSchema#date>'
    )
    query = f"SELECT ?o ({kind_key('?o')} AS ?k) WHERE {{ VALUES ?o {{ {values} }} }}"
    keys = {row["o"].value: row["k"].value for row in ox.Store().query(query)}
    assert keys["Brazil"] == f"4{XSD}string@ Brazil"
    assert keys["a"] == "4http://www.w3.org/1999/02/22-rdf-syntax-ns#langString@en-gb a"
    assert keys["http://e/x"] == "2http://e/x"
    assert keys["3"] == "3"  # numbers and dates: the kind only, the value compares itself
    assert keys["2020-01-02"] == f"4{XSD}date@"
