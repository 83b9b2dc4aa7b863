"""The row cap inside ``server.evaluate``: an answer within the cap is sent as the engine
wrote it, one over the cap is cut and says so, however its literals look."""

from __future__ import annotations

import json

import pyoxigraph as ox

from server import sparql_scan
from server.backend import QueryJob
from server.evaluate import evaluate

P = ox.NamedNode("http://example.org/p")


def _store(values: list[str]) -> ox.Store:
    store = ox.Store()
    for i, value in enumerate(values):
        store.add(ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), P, ox.Literal(value)))
    return store


def _answer(store: ox.Store, cap: int) -> tuple[list[str], bool]:
    sparql = "SELECT ?o WHERE { ?s <http://example.org/p> ?o } ORDER BY ?o"
    limited = sparql_scan.with_row_limit(sparql, sparql_scan.inspect(sparql), cap + 1)
    outcome = evaluate(store, QueryJob(sparql, "SELECT", "JSON", cap, limited_sparql=limited))
    rows = json.loads(outcome.body)["results"]["bindings"]
    return [row["o"]["value"] for row in rows], outcome.truncated


def test_long_rows_within_the_cap_come_whole() -> None:
    values = [f"{i} " + "x" * 200 for i in range(3)]
    assert _answer(_store(values), 3) == (values, False)


def test_one_row_over_the_cap_is_cut_and_flagged() -> None:
    values = [f"{i} " + "x" * 200 for i in range(4)]
    assert _answer(_store(values), 3) == (values[:3], True)


def test_literals_that_look_like_row_breaks_do_not_cut_the_answer() -> None:
    # each literal holds the very bytes that separate two rows in SPARQL JSON
    values = [f"{i} " + '"}},{"o":' * 20 for i in range(3)]
    assert _answer(_store(values), 3) == (values, False)
    assert _answer(_store(values), 2) == (values[:2], True)


class _CountingStore:
    """A store that counts the queries it is asked to evaluate."""

    def __init__(self, store: ox.Store) -> None:
        self.store, self.queries = store, 0

    def query(self, *args: object, **kwargs: object) -> object:
        self.queries += 1
        return self.store.query(*args, **kwargs)


def test_an_answer_over_the_cap_is_evaluated_once_and_cut_from_what_was_written() -> None:
    store = _CountingStore(_store([f"value {i:02d}" for i in range(30)]))
    values, truncated = _answer(store, 10)  # type: ignore[arg-type]
    assert (values, truncated) == ([f"value {i:02d}" for i in range(10)], True)
    assert store.queries == 1  # the sorted answer is not computed a second time
