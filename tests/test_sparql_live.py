"""The endpoint as researchers' tools see it: a live ``spacekg serve`` on a free port.

SPARQLWrapper and rdflib's SPARQLStore run every saved query and must get what the store
itself answers; a query that would run for minutes is stopped at the timeout while other
clients keep being answered; SERVICE never makes the server call out.
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
import rdflib
import requests
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, SPARQLWrapper
from test_serve_cli import running_server

from graph.config import Paths
from graph.saved_queries import SavedQuery, editor_text, load_queries
from server.query_process import FRAME_BYTES

TIMEOUT = 2.0
# Every triple against every triple against every triple, sorted: minutes of work.
# a cross product counted: CPU without end and little memory, so the time limit stops it
# (sorting it instead now fills the memory limit first, a 507 of its own: test_errors)
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def live(built, built_paths: Paths) -> Iterator[str]:
    args = ["--store", str(built_paths.store), "--workers", "1", "--threads", "3"]
    env = {"SPACEKG_QUERY_TIMEOUT": str(TIMEOUT)}
    with running_server(args, env=env) as base:
        yield base


def saved_queries() -> list[SavedQuery]:
    return sorted(load_queries(Paths.defaults().queries).values(), key=lambda q: q.name)


def _key(term: Any) -> tuple[str, str]:
    """A term as (kind, value) in any result syntax; blank node labels do not count."""
    if isinstance(term, ox.BlankNode | rdflib.BNode):
        return ("bnode", "")
    if isinstance(term, ox.NamedNode | rdflib.URIRef):
        return ("uri", str(term.value if isinstance(term, ox.NamedNode) else term))
    return ("literal", str(term.value if isinstance(term, ox.Literal) else term))


def expected_rows(backend, query: SavedQuery) -> Counter[tuple[tuple[str, Any], ...]]:
    results = backend.results(query.sparql, substitutions=query.bind({}))
    names = [v.value for v in results.variables]
    return Counter(tuple((n, _key(row[n])) for n in names if row[n] is not None) for row in results)


def _wrapper_key(binding: dict[str, str]) -> tuple[str, str]:
    kind = {"uri": "uri", "bnode": "bnode"}.get(binding["type"], "literal")
    return (kind, "" if kind == "bnode" else binding["value"])


@pytest.mark.parametrize("query", saved_queries(), ids=lambda q: q.name)
def test_sparqlwrapper_gets_what_the_store_answers(live: str, backend, query: SavedQuery) -> None:
    wrapper = SPARQLWrapper(live + "/sparql")
    # SPARQLWrapper guesses the query type from the text, comments included, and takes a
    # header sentence with "load" in it for an update (sent as such, and refused): drop
    # the comment lines, as a user of SPARQLWrapper would.
    text = editor_text(query, query.bind({}))
    wrapper.setQuery("\n".join(line for line in text.splitlines() if not line.startswith("#")))
    wrapper.setReturnFormat(JSON)
    data = wrapper.query().convert()
    got = Counter(
        tuple((name, _wrapper_key(row[name])) for name in data["head"]["vars"] if name in row)
        for row in data["results"]["bindings"]
    )
    assert got == expected_rows(backend, query)


@pytest.mark.parametrize("query", saved_queries(), ids=lambda q: q.name)
def test_rdflib_sparqlstore_gets_what_the_store_answers(
    live: str, backend, query: SavedQuery
) -> None:
    graph = rdflib.Graph(SPARQLStore(live + "/sparql", returnFormat="xml"))
    result = graph.query(editor_text(query, query.bind({})))
    names = [str(v) for v in result.vars]
    got = Counter(tuple((n, _key(row[n])) for n in names if row[n] is not None) for row in result)
    assert got == expected_rows(backend, query)


def test_sparqlwrapper_construct_is_the_same_graph(live: str, backend) -> None:
    query = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <https://w3id.org/china-space-kg/graph/ontology> { ?s ?p ?o } }"  # noqa: E501
    wrapper = SPARQLWrapper(live + "/sparql")
    wrapper.setQuery(query)
    got = wrapper.queryAndConvert()
    lines = "".join(f"{t} .\n" for t in backend.store.query(query))
    expected = rdflib.Graph().parse(data=lines, format="nt")
    assert isinstance(got, rdflib.Graph) and len(got) == len(expected) > 0
    assert rdflib.compare.isomorphic(got, expected)


def test_a_long_answer_is_streamed_whole_and_then_cached(live: str, backend) -> None:
    # the graph but evidence-for-partner's rows (with them it is over ROW_LIMIT triples)
    query = (
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(!STRSTARTS(STR(?s), "
        '"https://w3id.org/china-space-kg/id/partner-passage/")) }'
    )
    lines = "".join(f"{t} .\n" for t in backend.store.query(query))
    expected = rdflib.Graph().parse(data=lines, format="nt")
    assert len(lines) > 2 * FRAME_BYTES, "the answer spans several frames"
    headers = {"Accept": "application/n-triples", "Accept-Encoding": "identity"}
    cache_before = requests.get(live + "/healthz", timeout=10).json()["result_cache"]
    streamed = requests.get(live + "/sparql", params={"query": query}, headers=headers, timeout=60)
    assert streamed.headers.get("Transfer-Encoding") == "chunked"
    assert "Content-Length" not in streamed.headers
    assert rdflib.compare.isomorphic(
        rdflib.Graph().parse(data=streamed.text, format="nt"), expected
    )
    cached = requests.get(live + "/sparql", params={"query": query}, headers=headers, timeout=60)
    assert cached.content == streamed.content
    cache_after = requests.get(live + "/healthz", timeout=10).json()["result_cache"]
    assert cache_after["entries"] == (cache_before or {"entries": 0})["entries"] + 1


def _query_worker_pids(base: str) -> set[int]:
    """The query processes of the server at ``base`` (not of other servers on the
    machine): descendants of the ``spacekg serve --port N`` process."""
    out = subprocess.run(
        ["ps", "-ww", "-eo", "pid=,ppid=,args="], capture_output=True, text=True
    ).stdout
    rows = [line.split(None, 2) for line in out.splitlines() if len(line.split(None, 2)) == 3]
    port = base.rsplit(":", 1)[-1]
    ours = {int(pid) for pid, _ppid, args in rows if f"--port {port}" in args}
    grew = True
    while grew:
        children = {int(pid) for pid, ppid, _args in rows if int(ppid) in ours}
        grew = not children <= ours
        ours |= children
    return {int(pid) for pid, _ppid, args in rows if "server.query_process" in args} & ours


def test_a_runaway_query_is_stopped_while_others_are_answered(live: str) -> None:
    before = _query_worker_pids(live)
    outcome: dict[str, Any] = {}

    def run_away() -> None:
        started = time.monotonic()
        response = requests.get(live + "/sparql", params={"query": RUNAWAY}, timeout=120)
        outcome["status"], outcome["seconds"] = response.status_code, time.monotonic() - started
        outcome["text"] = response.text

    thread = threading.Thread(target=run_away)
    thread.start()
    others: list[int] = []
    while thread.is_alive():
        answer = requests.get(
            live + "/sparql",
            params={"query": f"ASK {{ ?s ?p {len(others)} }}"},  # distinct: never cached
            timeout=30,
        )
        others.append(answer.status_code)
        time.sleep(0.05)
    thread.join()
    assert outcome["status"] == 503
    assert "timeout" in outcome["text"] and f"{TIMEOUT:g} s" in outcome["text"]
    assert TIMEOUT <= outcome["seconds"] < TIMEOUT + 3
    assert len(others) >= 5 and set(others) == {200}
    time.sleep(1.0)
    after = _query_worker_pids(live)
    assert len(before - after) == 1, "the process that ran the query is gone"
    assert len(after) == len(before), "and a fresh one took its place"
    assert requests.get(live + "/healthz", timeout=10).json()["query_worker_restarts"] >= 1


def test_service_is_refused_and_nothing_is_sent_out(live: str) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(1.5)
    port = listener.getsockname()[1]
    queries = [
        f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}",
        f"SELECT * {{ SERVICE ?e {{ ?s ?p ?o }} VALUES ?e {{ <http://127.0.0.1:{port}/> }} }}",
    ]
    try:
        for query in queries:
            response = requests.post(live + "/sparql", data={"query": query}, timeout=30)
            assert response.status_code == 403 and "SERVICE" in response.text
        with pytest.raises(TimeoutError):
            listener.accept()
        # Control: the same query given to the engine directly does reach the listener.
        threading.Thread(
            target=lambda: _swallow(lambda: list(ox.Store().query(queries[0]))), daemon=True
        ).start()
        connection, _ = listener.accept()
        connection.close()
    finally:
        listener.close()


def _swallow(call: Any) -> None:
    with contextlib.suppress(Exception):  # the engine's own error once the listener hangs up
        call()


def test_healthz_on_the_live_server(live: str, built, built_paths: Path) -> None:
    body = requests.get(live + "/healthz", timeout=10).json()
    assert body["build_id"] == built.info.build_id and body["status"] == "ok"
