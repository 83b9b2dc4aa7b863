"""Answers sorted by a declared rank (``#+ rank: ?rank``, server/rank_cut.py): the rows
past the row cap are never made, and the answer is the one the whole query gives, in
every format, whatever ranks the query leaves out."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph.errors import QueryError
from graph.rank_values import PAGE_ROWS, RankValues, page_end
from graph.saved_queries import parse_query
from server import evaluate as evaluate_module
from server import rank_cut, sparql_scan
from server.backend import QueryJob
from server.evaluate import evaluate

EX = "http://example.org/"
RANKED = f"""#+ rank: ?rank
SELECT ?item ?label WHERE {{
  ?item <{EX}rank> ?rank ; <{EX}label> ?label .
  FILTER NOT EXISTS {{ ?item <{EX}hidden> true }}
}}
ORDER BY ?rank
"""
UNRANKED = RANKED.replace("#+ rank: ?rank\n", "")


def _store(items: int, hidden: set[int] = frozenset()) -> ox.Store:
    """``items`` items ranked as the build ranks a list (item 1 first, pages of 1,024
    rows), those in ``hidden`` left out by the query."""
    store = ox.Store()
    ranks = RankValues()
    for i in range(1, items + 1):
        item = ox.NamedNode(f"{EX}item/{i}")
        store.add(ox.Quad(item, ox.NamedNode(f"{EX}rank"), ox.Literal(ranks.next(item.value))))
        store.add(ox.Quad(item, ox.NamedNode(f"{EX}label"), ox.Literal(f"item {i:03d}")))
        if i in hidden:
            store.add(ox.Quad(item, ox.NamedNode(f"{EX}hidden"), ox.Literal(True)))
    return store


def _job(sparql: str, cap: int, fmt: str = "JSON") -> QueryJob:
    limited = sparql_scan.with_row_limit(sparql, sparql_scan.inspect(sparql), cap + 1)
    return QueryJob(sparql, "SELECT", fmt, cap, limited_sparql=limited)


def _texts_evaluated(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    texts: list[str] = []
    run = evaluate_module._run

    def recording(store: ox.Store, text: str, job: QueryJob) -> object:
        texts.append(text)
        return run(store, text, job)

    monkeypatch.setattr(evaluate_module, "_run", recording)
    return texts


def test_an_answer_over_the_cap_is_made_only_up_to_its_cut_rank(monkeypatch) -> None:
    store = _store(3 * PAGE_ROWS)
    texts = _texts_evaluated(monkeypatch)
    outcome = evaluate(store, _job(RANKED, 10))
    assert outcome.truncated and outcome.rows == 10
    # the cut is the last rank of the page holding the first 12 rows (10 + 1 + a tenth)
    assert len(texts) == 1 and f"FILTER(?rank <= {page_end(12)})" in texts[0]
    head = store.query(texts[0].replace("LIMIT 11", ""))
    assert len(list(head)) == 16  # the first page (16 rows), not the list
    assert outcome.body == evaluate(store, _job(UNRANKED, 10)).body


@pytest.mark.parametrize(
    ("cap", "rows"),
    [(10, 16), (14, 16), (15, 32), (100, 128), (1000, 2048), (10_000, 11 * PAGE_ROWS)],
)
def test_the_cut_reads_the_pages_that_hold_the_first_rows(cap, rows) -> None:
    """Pages of 16, 16, 32, ... 512 rows, then 1,024: a cut makes at most twice the rows
    it needs (cap + 1 + a tenth), or 1,023 more."""
    ranks = RankValues()
    places = [ranks.next(f"{EX}item/{i}") for i in range(1, 13_000)]
    assert places == sorted(places) and len(set(places)) == len(places)
    assert sum(rank <= rank_cut.cut_rank(cap) for rank in places) == rows
    assert rank_cut.cut_rank(cap) == page_end(cap + 1 + (cap + 1) // 10)


@pytest.mark.parametrize("fmt", ["JSON", "TSV", "XML", "CSV"])
@pytest.mark.parametrize("cap", [1, 5, 10, 30, 200])
def test_the_answer_is_the_whole_querys_whatever_ranks_are_left_out(fmt, cap) -> None:
    # Items 2 to 1,020 are left out: the first part (the pages up to the cut) is short of
    # the cap, and the rows after it come from the second part.
    store = _store(PAGE_ROWS + 40, hidden=set(range(2, 1021)))
    ranked = evaluate(store, _job(RANKED, cap, fmt))
    whole = evaluate(store, _job(UNRANKED, cap, fmt))
    assert (ranked.body, ranked.truncated) == (whole.body, whole.truncated)


@pytest.mark.parametrize(("items", "parts"), [(16, 1), (17, 2)])
def test_the_rows_above_the_cut_are_looked_for_only_when_a_rank_is_above_it(
    monkeypatch, items, parts
) -> None:
    # A cap of 10 cuts at the first page's end (16 rows), and the first part is short
    # (items 2 to 12 left out).
    store = _store(items, hidden=set(range(2, 13)))
    texts = _texts_evaluated(monkeypatch)
    ranked = evaluate(store, _job(RANKED, 10))
    assert len(texts) == parts
    assert ranked.body == evaluate(store, _job(UNRANKED, 10)).body


def test_the_rank_pattern_is_told_only_when_it_alone_binds_the_rank() -> None:
    csk = "PREFIX csk: <https://w3id.org/csk#>\n"
    assert rank_cut.rank_predicate(RANKED, "rank") == f"<{EX}rank>"
    assert rank_cut.rank_predicate(csk + "SELECT * { ?s csk:r ?rank } ORDER BY ?rank", "rank") == (
        "<https://w3id.org/csk#r>"
    )
    for where in (
        "?s csk:r ?rank . ?t csk:q ?rank",  # two patterns
        "?s csk:p/csk:r ?rank",  # a path
        "?s csk:p|csk:r ?rank",
        "?s csk:r ?r BIND(?r + 1 AS ?rank)",  # bound otherwise
        "VALUES ?rank { 1 } ?s csk:r ?rank",
        "GRAPH ?g { ?s csk:r ?rank }",  # another graph than the one asked
        "?s other:r ?rank",  # an unknown prefix
    ):
        text = f"{csk}SELECT * {{ {where} }} ORDER BY ?rank"
        assert rank_cut.rank_predicate(text, "rank") is None, where


def test_a_query_without_a_rank_is_evaluated_as_written(monkeypatch) -> None:
    texts = _texts_evaluated(monkeypatch)
    evaluate(_store(20), _job(UNRANKED, 10))
    assert all("FILTER(?rank" not in text for text in texts)


def test_a_rank_that_is_not_the_one_sort_key_is_not_used(monkeypatch) -> None:
    texts = _texts_evaluated(monkeypatch)
    evaluate(_store(20), _job(RANKED.replace("ORDER BY ?rank", "ORDER BY ?label"), 10))
    assert all("FILTER(?rank" not in text for text in texts)


def test_a_saved_query_declares_a_rank_only_when_it_is_its_one_sort_key() -> None:
    header = "#+ title: t\n#+ description: d\n"
    assert parse_query("ranked", header + RANKED)
    with pytest.raises(QueryError, match="ORDER BY \\?rank"):
        parse_query("ranked", header + RANKED.replace("ORDER BY ?rank", "ORDER BY ?label"))


def test_a_query_process_asks_whether_ranks_go_past_the_cut_once(monkeypatch) -> None:
    """Its build never changes, so the rank check (an ASK) is remembered between jobs;
    the answers are those asked afresh."""
    store = _store(20)
    asked: list[str] = []
    query = store.query

    class Recording:
        def query(self, text: str, **kwargs: object) -> object:
            asked.append(text)
            return query(text, **kwargs)

    known: dict = {}
    job = _job(RANKED, 50)
    first = evaluate(Recording(), job, known)  # type: ignore[arg-type]
    again = evaluate(Recording(), job, known)  # type: ignore[arg-type]
    checks = [text for text in asked if text.startswith("ASK")]
    assert len(checks) == 1
    assert first == again == evaluate(store, job)
