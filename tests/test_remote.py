"""The remote backend against a real SPARQL 1.1 server: ``oxigraph serve-read-only``,
started here on a free port over a store this test builds from the session's graph."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
import requests
from flask.testing import FlaskClient
from test_serve_cli import free_port, wait_until_up

from graph.config import Paths, Settings
from graph.saved_queries import SavedQuery, load_queries
from server import create_app
from server.remote import RemoteBackend, bind_values

OXIGRAPH = Path(sys.executable).with_name("oxigraph")


@pytest.fixture(scope="module")
def remote_url(backend, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    location = tmp_path_factory.mktemp("remote") / "store"
    copy = ox.Store(str(location))
    copy.bulk_load(backend.store.dump(format=ox.RdfFormat.N_QUADS), ox.RdfFormat.N_QUADS)
    copy.flush()
    del copy
    port = free_port()
    command = [str(OXIGRAPH), "serve-read-only", "--location", str(location)]
    proc = subprocess.Popen(
        [*command, "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_up(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", proc)
        yield f"http://127.0.0.1:{port}/query"
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture()
def remote_client(remote_url: str, settings: Settings) -> FlaskClient:
    return create_app(settings.replace(remote_endpoint=remote_url)).test_client()


def saved_queries() -> list[SavedQuery]:
    return sorted(load_queries(Paths.defaults().queries).values(), key=lambda q: q.name)


def rows(results: Any) -> Counter[tuple[tuple[str, str], ...]]:
    names = [v.value for v in results.variables]
    return Counter(
        tuple(
            (n, "_:" if isinstance(row[n], ox.BlankNode) else str(row[n]))
            for n in names
            if row[n] is not None
        )
        for row in results
    )


@pytest.mark.parametrize("query", saved_queries(), ids=lambda q: q.name)
def test_saved_queries_answer_the_same_remotely(
    remote_url: str, backend, query: SavedQuery
) -> None:
    bound = query.bind({})
    remote = RemoteBackend(remote_url)
    assert rows(remote.results(query.sparql, substitutions=bound)) == rows(
        backend.results(query.sparql, substitutions=bound)
    )


def test_the_endpoint_serves_a_remote_store(remote_client: FlaskClient, backend) -> None:
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    response = remote_client.get("/sparql", query_string={"query": query, "format": "tsv"})
    assert response.status_code == 200
    got = rows(ox.parse_query_results(response.data, ox.QueryResultsFormat.TSV))
    assert got == rows(backend.store.query(query))
    health = remote_client.get("/healthz").get_json()
    assert health["kind"] == "remote" and health["endpoint"].endswith("/query")


def test_the_row_cap_holds_for_a_remote_store(remote_url: str, settings: Settings) -> None:
    client = create_app(settings.replace(remote_endpoint=remote_url, row_limit=4)).test_client()
    response = client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert response.headers["X-SPARQL-Truncated"] == "true"
    assert len(response.get_json()["results"]["bindings"]) == 4
    construct = client.get(
        "/sparql", query_string={"query": "CONSTRUCT WHERE { ?s ?p ?o }", "format": "nt"}
    )
    assert construct.headers["X-SPARQL-Truncated"] == "true"
    assert len(construct.data.strip().splitlines()) == 4


def test_a_remote_syntax_error_is_400(remote_client: FlaskClient) -> None:
    response = remote_client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p }"})
    assert response.status_code == 400


@contextlib.contextmanager
def silent_listener() -> Iterator[tuple[str, list[bytes]]]:
    """An HTTP address that accepts connections, records them and never answers."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    sock.settimeout(0.2)
    received: list[bytes] = []
    open_connections: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except TimeoutError:
                continue
            conn.settimeout(1)
            with contextlib.suppress(OSError):
                received.append(conn.recv(65536))
            open_connections.append(conn)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/sparql", received
    finally:
        stop.set()
        thread.join()
        for conn in open_connections:
            conn.close()
        sock.close()


def test_service_and_updates_never_reach_the_remote(settings: Settings) -> None:
    with silent_listener() as (url, received):
        client = create_app(settings.replace(remote_endpoint=url)).test_client()
        service = "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"
        assert client.get("/sparql", query_string={"query": service}).status_code == 403
        assert client.post("/sparql", data={"update": "DROP ALL"}).status_code == 403
        time.sleep(0.5)
        assert received == []


def test_a_remote_that_does_not_answer_times_out(settings: Settings) -> None:
    with silent_listener() as (url, received):
        client = create_app(settings.replace(remote_endpoint=url, query_timeout=1.0)).test_client()
        started = time.monotonic()
        response = client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})
        assert response.status_code == 503 and "timeout" in response.get_data(as_text=True)
        assert time.monotonic() - started < 5
        assert received and received[0].startswith(b"POST ")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("SELECT ?x WHERE { ?s ?p ?x }", "SELECT ?x WHERE { VALUES (?p) { (<http://x/p>) } "),
        ("CONSTRUCT { ?s ?p 1 } WHERE { ?s ?p ?o }", "WHERE { VALUES (?p)"),
        ("ASK { ?s ?p 'WHERE {' }", "ASK { VALUES (?p)"),
    ],
)
def test_bindings_open_the_where_group(query: str, expected: str) -> None:
    assert expected in bind_values(query, {"p": ox.NamedNode("http://x/p")})


def test_a_literal_binding_cannot_inject_query_text() -> None:
    evil = ox.Literal('x" } } ; DROP ALL ; SELECT * { "')
    text = bind_values("SELECT ?s WHERE { ?s ?p ?v }", {"v": evil})
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://x/s"), ox.NamedNode("http://x/p"), evil))
    assert [r["s"].value for r in store.query(text)] == ["http://x/s"]


def test_requests_reach_a_real_server(remote_url: str) -> None:
    answer = requests.post(
        remote_url,
        data="ASK { ?s ?p ?o }",
        headers={"Content-Type": "application/sparql-query", "Accept": "application/json"},
        timeout=10,
    )
    assert answer.json()["boolean"] is True
