"""The fast path of ``/sparql`` (``server.sparql_fast``): a plain query is answered without
Flask's request machinery, with the same status, headers and body as the Flask route;
everything else, and every refusal, is answered by Flask.

A request that carries ``Accept-Encoding: identity`` always goes through Flask (only
Flask compresses) and is answered the same way, so it is the reference here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from graph.config import Settings
from server import create_app
from server.embedded import EmbeddedBackend

LABELS = (
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    "SELECT ?s ?label WHERE { ?s rdfs:label ?label } ORDER BY ?s ?label LIMIT 20"
)
VIA_FLASK = {"Accept-Encoding": "identity"}


@pytest.fixture()
def make_app(backend: EmbeddedBackend, settings: Settings) -> Callable[..., Flask]:
    def make(**changes: Any) -> Flask:
        return create_app(settings.replace(**changes), store=backend)

    return make


class FlaskCalls:
    """Counts the requests the fast path hands to Flask."""

    def __init__(self, app: Flask) -> None:
        self.count = 0
        fast = app.wsgi_app
        inner = fast.flask_wsgi  # type: ignore[attr-defined]

        def counted(environ: dict[str, Any], start_response: Any) -> Any:
            self.count += 1
            return inner(environ, start_response)

        fast.flask_wsgi = counted  # type: ignore[attr-defined]


def _same(fast: Any, flask: Any) -> None:
    assert fast.status_code == flask.status_code
    assert dict(fast.headers) == dict(flask.headers)
    assert fast.get_data() == flask.get_data()


def _sent(client: FlaskClient, how: str, query: str, headers: dict[str, str]) -> Any:
    if how == "get":
        return client.get("/sparql", query_string={"query": query}, headers=headers)
    if how == "form":
        return client.post("/sparql", data={"query": query}, headers=headers)
    body_headers = {"Content-Type": "application/sparql-query", **headers}
    return client.post("/sparql", data=query.encode(), headers=body_headers)


@pytest.mark.parametrize("how", ["get", "form", "body"])
@pytest.mark.parametrize(
    "accept", ["application/sparql-results+json", "text/csv", "application/sparql-results+xml"]
)
def test_a_plain_query_skips_flask_and_is_answered_as_flask_answers_it(
    make_app: Callable[..., Flask], how: str, accept: str
) -> None:
    app = make_app()
    calls = FlaskCalls(app)
    client = app.test_client()
    fast = _sent(client, how, LABELS, {"Accept": accept})
    assert calls.count == 0
    _same(fast, _sent(client, how, LABELS, {"Accept": accept, **VIA_FLASK}))
    assert calls.count == 1
    assert fast.status_code == 200 and fast.headers["Vary"] == "Accept, Accept-Encoding"
    assert fast.headers["Access-Control-Allow-Origin"] == "*"


def test_get_answers_carry_the_builds_etag_and_post_answers_are_revalidated(
    make_app: Callable[..., Flask],
) -> None:
    client = make_app().test_client()
    got = client.get("/sparql", query_string={"query": LABELS})
    posted = client.post("/sparql", data={"query": LABELS})
    assert got.headers["ETag"].startswith('W/"') and "max-age" in got.headers["Cache-Control"]
    assert "ETag" not in posted.headers and posted.headers["Cache-Control"] == "private, no-cache"
    # a client that revalidates goes through Flask, and gets its 304
    again = client.get("/sparql", query_string={"query": LABELS},
                       headers={"If-None-Match": got.headers["ETag"]})
    assert again.status_code == 304


def test_a_cut_answer_says_so_on_the_fast_path_too(make_app: Callable[..., Flask]) -> None:
    client = make_app(row_limit=3).test_client()
    fast = client.post("/sparql", data={"query": LABELS})
    assert fast.headers["X-SPARQL-Truncated"] == "true"
    assert fast.get_json()["truncated"] is True
    assert len(fast.get_json()["results"]["bindings"]) == 3
    _same(fast, client.post("/sparql", data={"query": LABELS}, headers=VIA_FLASK))


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("SELECT * WHERE { ?s ?p }", 400),
        ("INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }", 403),
        ("SELECT * WHERE { SERVICE <http://e/sparql> { ?s ?p ?o } }", 403),
        ("", 400),
    ],
    ids=["syntax", "update", "service", "empty"],
)
@pytest.mark.parametrize("how", ["get", "form", "body"])
def test_a_refused_query_is_answered_by_flask_as_before(
    make_app: Callable[..., Flask], query: str, status: int, how: str
) -> None:
    client = make_app().test_client()
    fast = _sent(client, how, query, {"Accept": "application/json"})
    assert fast.status_code == status
    _same(fast, _sent(client, how, query, {"Accept": "application/json", **VIA_FLASK}))


def test_a_format_the_query_cannot_have_is_406_with_flasks_message(
    make_app: Callable[..., Flask],
) -> None:
    client = make_app().test_client()
    fast = client.get("/sparql", query_string={"query": LABELS, "format": "turtle"})
    assert fast.status_code == 406
    _same(fast, client.get("/sparql", query_string={"query": LABELS, "format": "turtle"},
                           headers=VIA_FLASK))


@pytest.mark.parametrize(
    "request_args",
    [
        {"method": "GET", "query_string": {"query": LABELS, "default-graph-uri": "http://e/g"}},
        {"method": "GET", "query_string": [("query", LABELS), ("query", LABELS)]},
        {"method": "POST", "data": {"query": LABELS, "update": "CLEAR ALL"}},
        {"method": "POST", "data": {"query": LABELS}, "query_string": {"format": "csv"}},
        {"method": "HEAD", "query_string": {"query": LABELS}},
        {"method": "GET"},
    ],
    ids=["dataset", "repeated", "update", "format-in-url", "head", "service-description"],
)
def test_anything_but_a_plain_query_goes_to_flask(
    make_app: Callable[..., Flask], request_args: dict[str, Any]
) -> None:
    app = make_app()
    calls = FlaskCalls(app)
    app.test_client().open("/sparql", **request_args)
    assert calls.count == 1


def test_the_per_client_cap_holds_on_the_fast_path(make_app: Callable[..., Flask]) -> None:
    app = make_app(client_queries=1)
    guard = app.extensions["spacekg.request_guard"]
    held = guard.take_slot("127.0.0.1")  # a request of this client is running
    client = app.test_client()
    refused = client.post("/sparql", data={"query": LABELS})
    assert refused.status_code == 429 and refused.headers["Retry-After"] == "1"
    _same(refused, client.post("/sparql", data={"query": LABELS}, headers=VIA_FLASK))
    guard.give_back(held)
    assert client.post("/sparql", data={"query": LABELS}).status_code == 200
    assert guard.slots.running("127.0.0.1") == 0  # each request gave its slot back
