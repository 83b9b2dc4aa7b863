"""The pieces that keep a query from crashing its process, and say why when one does,
without a server: the ORDER BY rewrite, the nesting check, the crash explanations, the
per-client cap."""

from __future__ import annotations

import signal

import pyoxigraph as ox
import pytest

from graph.errors import QueryError
from server.backend import EngineCrash, QueryTooLarge, judge
from server.request_guard import ClientSlots
from server.sort_keys import kind_key, with_total_order
from server.worker_crash import explain

MIXED = """
SELECT ?o WHERE { VALUES ?o { 3 "b" 1 "a"@en <http://e/x> "2020-01-02"^^<http://www.w3.org/2001/XMLSchema#date>
  "2020-01-01Z"^^<http://www.w3.org/2001/XMLSchema#date> 2.5 "a" "NaN"^^<http://www.w3.org/2001/XMLSchema#double>
  "z"@fr UNDEF } }
"""


def _sorted(sparql: str) -> list[str]:
    return [
        "UNDEF" if row["o"] is None else row["o"].value if isinstance(row["o"], ox.Literal)
        else str(row["o"])
        for row in ox.Store().query(with_total_order(sparql))
    ]


def test_variable_keys_get_a_kind_key_first_and_other_keys_stay() -> None:
    text = "SELECT * WHERE { ?s ?p ?o } ORDER BY ?o DESC(?s) (STR(?p)) LIMIT 5"
    rewritten = with_total_order(text)
    assert rewritten.startswith(f"SELECT * WHERE {{ ?s ?p ?o }} ORDER BY ASC({kind_key('?o')})")
    assert f"ASC(?o) DESC({kind_key('?s')})" in rewritten
    assert "DESC(?s) (STR(?p)) LIMIT 5" in rewritten
    assert with_total_order("ASK { ?s ?p ?o }") == "ASK { ?s ?p ?o }"
    # a subquery's sort too; words in strings and variables named like keywords are not keys
    sub = 'SELECT ?x WHERE { { SELECT ?x WHERE { ?x ?p "ORDER BY ?q" } ORDER BY ?x } }'
    rewritten = with_total_order(sub)
    assert rewritten.count(kind_key("?x")) == 1 and kind_key("?q") not in rewritten


def test_mixed_values_sort_in_sparql_order_by_kind() -> None:
    rows = _sorted(MIXED + "ORDER BY ?o")
    assert rows[0] == "UNDEF" and rows[1] == "<http://e/x>"
    numbers = [r for r in rows if r in ("1", "2.5", "3")]
    assert numbers == ["1", "2.5", "3"]  # numbers compare with each other
    assert rows.index("a") < rows.index("b")
    assert _sorted(MIXED + "ORDER BY DESC(?o)") == list(reversed(rows))


def test_homogeneous_values_sort_as_the_engine_sorts_them() -> None:
    plain = "SELECT ?o WHERE { VALUES ?o { 5 3 9 1 } } ORDER BY ?o"
    assert _sorted(plain) == [r["o"].value for r in ox.Store().query(plain)] == ["1", "3", "5", "9"]


def test_nesting_past_the_limit_is_refused_before_the_engine() -> None:
    judge("SELECT * WHERE " + "{" * 100 + " ?s ?p ?o " + "}" * 100)
    with pytest.raises(QueryError, match="nests groups or brackets 3000 levels deep"):
        judge("SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000)
    with pytest.raises(QueryError, match="levels deep"):
        judge("ASK { FILTER(" + "(" * 300 + "1" + ")" * 300 + ") }")


@pytest.mark.parametrize(
    ("returncode", "stderr", "kind", "words"),
    [
        (-6, "memory allocation of 100663296 bytes failed\n", QueryTooLarge,
         "the query used more than 768 MiB"),
        (1, "Traceback ...\nMemoryError\n", QueryTooLarge, "more than 768 MiB"),
        (-6, "thread '<unnamed>' (1) panicked at library/core/src/slice/sort/shared/"
             "smallsort.rs:854:5:\nuser-provided comparison function does not correctly "
             "implement a total order\n", EngineCrash, "crashed while sorting"),
        (-6, "thread 'x' panicked at src/eval.rs:1:1:\nindex out of bounds\n", EngineCrash,
         "crashed on this query (pyoxigraph: index out of bounds)"),
        (-signal.SIGSEGV, "", EngineCrash, "segmentation fault"),
        (-signal.SIGKILL, "", EngineCrash, "killed from outside"),
        (3, "", EngineCrash, "exit status 3"),
    ],
)
def test_a_dead_query_process_is_explained_in_one_line(
    returncode: int, stderr: str, kind: type, words: str
) -> None:
    error = explain(returncode, stderr, 768)
    assert isinstance(error, kind) and words in str(error)
    assert "\n" not in str(error) and error.exit_code == 2


def test_one_client_gets_its_share_of_slots() -> None:
    slots = ClientSlots(2)
    assert slots.take("a") and slots.take("a") and not slots.take("a")
    assert slots.take("b")
    slots.give_back("a")
    assert slots.take("a") and slots.running("a") == 2
