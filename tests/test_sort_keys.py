"""ORDER BY keys made totally ordered (server/sort_keys.py): the order they give, and the
value a string's or an IRI's key carries so the engine sorts without reading the store."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace

import pyoxigraph as ox
import pytest

from server.backend import QueryJob
from server.evaluate import evaluate
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


# Run in a process of its own: should the engine's sort abort, it takes that process.
_ENGINE_SORT = """
import random, sys
import pyoxigraph as ox
X = "http://www.w3.org/2001/XMLSchema#"
random.seed(int(sys.argv[1]))
def typed(text, name):
    return ox.Literal(text, datatype=ox.NamedNode(X + name))
def value():
    n, kind = random.randrange(100), random.randrange(9)
    zone = random.choice(["", "Z", "+08:00"])
    return [
        lambda: typed(str(n), "integer"), lambda: typed(f"{n / 7:.2f}", "decimal"),
        lambda: ox.Literal(f"s{n}"), lambda: ox.Literal(f"l{n}", language=random.choice(LANGS)),
        lambda: typed(f"2020-01-{n % 28 + 1:02d}{zone}", "date"), lambda: typed("NaN", "double"),
        lambda: typed(random.choice(["true", "false"]), "boolean"),
        lambda: ox.BlankNode(f"b{n}"), lambda: ox.NamedNode(f"http://e/{n}"),
    ][kind]()
LANGS = ["en", "fr", "en-gb"]
store = ox.Store()
p = ox.NamedNode("http://e/p")
store.extend(ox.Quad(ox.NamedNode(f"http://e/s{i}"), p, value()) for i in range(20000))
for query in ("SELECT * WHERE { ?s ?p ?o } ORDER BY ?o ?s",
              "SELECT * WHERE { ?s ?p ?o } ORDER BY DESC(?o) ?s",
              "SELECT * WHERE { ?s ?p ?o OPTIONAL { ?o ?q ?x } } ORDER BY ?x ?o ?s"):
    assert len(list(store.query(query))) == 20000
print("sorted")
"""


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_engine_sorts_every_kind_of_value_whole_without_the_keys(seed):
    """The crash case of issue 17 (numbers, strings, languages, dates with and without a
    zone, NaN, IRIs and blank nodes under one ORDER BY) on the pinned pyoxigraph, with no
    sort key: the query processes send the engine's own sort (server.worker_pool runs a
    query again with the keys only if its sort aborts)."""
    out = subprocess.run(
        [sys.executable, "-c", _ENGINE_SORT, str(seed)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "RUST_BACKTRACE": "0"},
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "sorted"


def test_the_keys_are_added_only_when_the_job_asks():
    store = ox.Store()
    mixed = f'VALUES ?o {{ 3 "2020-01-02"^^<{XSD}date> 1 "x" }}'
    text = f"SELECT ?o WHERE {{ {mixed} }} ORDER BY ?o"
    job = QueryJob(text, "SELECT", "TSV", 100)
    plain = evaluate(store, job).body.decode()
    keyed = evaluate(store, replace(job, total_order=True)).body.decode()
    assert sorted(plain.splitlines()) == sorted(keyed.splitlines())
    # with the keys, the numbers come first, in order, then the date, then the string
    firsts = [line.split("^^")[0] for line in keyed.splitlines()[1:]]
    assert firsts == ["1", "3", '"2020-01-02"', '"x"']
