"""Every error of every route answers in the format the client prefers, with its message.

One handler (``server/errors.py``) answers every refusal: a page for ``text/html``,
``{"error": ..., "status": ...}`` for ``application/json``, the message as one line for
``text/plain``. The matrix below asks each route for each of its error statuses in each
of the three formats.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from typing import Any

import pytest
from flask.testing import FlaskClient

from graph.config import Settings
from server import create_app
from server.backend import (
    Backend,
    EvaluationError,
    QueryJob,
    QueryOutcome,
    QueryTimeout,
    StoreUnavailable,
    WorkersBusy,
)
from server.worker_crash import explain

FORMATS = ("text/html", "application/json", "text/plain")


@dataclass(frozen=True)
class Case:
    """A request that must fail with ``status`` and a message containing ``message``."""

    method: str
    path: str
    status: int
    message: str
    query: dict[str, str] = field(default_factory=dict)
    data: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    app: str = "real"  # or the failure the backend is made to have: timeout, busy, broken

    def __str__(self) -> str:
        return f"{self.method} {self.path} {self.status}" + (
            f" ({self.app})" if self.app != "real" else ""
        )


CASES = [
    # /sparql
    Case("GET", "/sparql", 400, "SPARQL syntax error at line 1", {"query": "SELECT * WHERE {"}),
    Case("GET", "/sparql", 400, "no query", {"query": " "}),
    Case("GET", "/sparql", 403, "read-only", {"update": "DROP ALL"}),
    Case("GET", "/sparql", 403, "SERVICE is not allowed",
         {"query": "SELECT * WHERE { SERVICE <http://x.org/s> { ?s ?p ?o } }"}),
    Case("GET", "/sparql", 406, "format 'png' is not available",
         {"query": "ASK {}", "format": "png"}),
    Case("POST", "/sparql", 413, "over 2000 bytes", data={"query": "#" * 3000},
         app="small requests"),
    Case("POST", "/sparql", 415, "POST a query as", data=b"ASK {}",
         headers={"Content-Type": "text/plain"}),
    Case("PUT", "/sparql", 405, "PUT is not allowed here"),
    Case("GET", "/sparql", 503, "query timeout", {"query": "ASK {}"}, app="timeout"),
    Case("GET", "/sparql", 503, "stayed busy", {"query": "ASK {}"}, app="busy"),
    Case("GET", "/sparql", 500, "query failed: disk on fire", {"query": "ASK {}"}, app="broken"),
    Case("GET", "/sparql", 507, "the query used more than 768 MiB", {"query": "ASK {}"},
         app="memory"),
    Case("GET", "/sparql", 500, "crashed while sorting", {"query": "ASK {}"}, app="crash"),
    Case("GET", "/sparql", 503, "no query process can open the store", {"query": "ASK {}"},
         app="no store"),
    Case("GET", "/sparql", 400, "levels deep", {"query": "ASK " + "{" * 300 + "}" * 300}),
    # saved queries
    Case("GET", "/queries/nope", 404, "no saved query named 'nope'"),
    Case("GET", "/queries/nope.rq", 404, "no saved query named 'nope'"),
    Case("GET", "/queries/top-partners", 400, "parameter 'minfacts' expects an integer",
         {"minfacts": "many"}),
    Case("GET", "/queries/top-partners", 503, "query timeout", app="timeout"),
    # resources and documents
    Case("GET", "/id/country/atlantis", 404, "the graph says nothing about"),
    Case("GET", "/documents/nope", 404, "the graph says nothing about"),
    # downloads and the ontology
    Case("GET", "/dumps/nope.ttl", 404, "no download named 'nope.ttl'"),
    Case("GET", "/dumps/", 503, "spacekg build", app="no dumps"),
    Case("GET", "/.well-known/void", 503, "spacekg build", app="no dumps"),
    Case("GET", "/ontology.png", 404, "no ontology file .png"),
    # anything else
    Case("GET", "/no/such/page", 404, "there is no page at /no/such/page"),
    Case("POST", "/healthz", 405, "POST is not allowed here"),
]


class FailingBackend(Backend):
    """A backend whose every query fails the way ``failure`` says."""

    def __init__(self, failure: str) -> None:
        super().__init__()
        self.failure = failure

    def evaluate(self, job: QueryJob, *, timeout: float) -> QueryOutcome:
        if self.failure == "timeout":
            raise QueryTimeout("query timeout: the query was stopped after 30 s")
        if self.failure == "busy":
            raise WorkersBusy("all 4 query workers stayed busy for 30 s")
        if self.failure == "memory":
            raise explain(-6, "memory allocation of 8 bytes failed", 768)
        if self.failure == "crash":
            raise explain(-6, "panicked at x.rs:1:1:\nuser-provided comparison function does "
                          "not correctly implement a total order", 768)
        if self.failure == "no store":
            raise StoreUnavailable("no query process can open the store (gone); see /healthz")
        raise EvaluationError("disk on fire", syntax=False)

    def describe(self) -> dict[str, Any]:
        return {"kind": "failing"}


@pytest.fixture()
def clients(client: FlaskClient, settings: Settings, backend, tmp_path) -> dict[str, FlaskClient]:
    return {
        "real": client,
        "small requests": create_app(
            settings.replace(max_request_bytes=2000), store=backend
        ).test_client(),
        "no dumps": create_app(settings.replace(store=tmp_path), store=backend).test_client(),
        **{
            failure: create_app(settings, store=FailingBackend(failure)).test_client()
            for failure in ("timeout", "busy", "broken", "memory", "crash", "no store")
        },
    }


@pytest.mark.parametrize("media", FORMATS)
@pytest.mark.parametrize("case", CASES, ids=str)
def test_every_error_answers_in_the_asked_format_with_its_message(
    clients: dict[str, FlaskClient], case: Case, media: str
) -> None:
    response = clients[case.app].open(
        case.path,
        method=case.method,
        query_string=case.query,
        data=case.data,
        # As browsers and most clients do, accept anything else at a lower quality: the
        # format the client prefers decides, and no request fails for being picky.
        headers={**case.headers, "Accept": f"{media}, */*;q=0.1"},
    )
    assert response.status_code == case.status
    assert response.mimetype == media
    assert response.headers["Cache-Control"] == "no-store"
    body = response.get_data(as_text=True)
    if media == "application/json":
        answer = json.loads(body)
        assert answer["status"] == case.status and case.message in answer["error"]
    elif media == "text/html":
        assert case.message in html.unescape(body) and "<h1>" in body
    else:
        assert case.message in body and body.endswith("\n")


def test_a_client_asking_for_another_type_gets_the_message_as_text(client) -> None:
    response = client.get(
        "/sparql", query_string={"query": "SELECT * WHERE {"}, headers={"Accept": "text/csv"}
    )
    assert response.status_code == 400 and response.mimetype == "text/plain"
    assert response.get_data(as_text=True).startswith("SPARQL syntax error at line 1")


def test_busy_tells_the_client_when_to_retry(clients) -> None:
    response = clients["busy"].get("/sparql", query_string={"query": "ASK {}"})
    assert response.headers["Retry-After"] == "1"


def test_a_client_over_its_share_is_told_when_to_retry(backend, settings) -> None:
    """The request guard's cap, seen through the one error handler: a second request
    from the same address while the first still runs."""
    app = create_app(settings.replace(client_queries=1), store=backend)
    guard = app.extensions["spacekg.request_guard"]
    assert guard.slots.take("127.0.0.1")  # a request of this client, still running
    try:
        response = app.test_client().get("/sparql", query_string={"query": "ASK {}"},
                                          headers={"Accept": "application/json"})
    finally:
        guard.slots.give_back("127.0.0.1")
    assert response.status_code == 429 and response.headers["Retry-After"] == "1"
    assert "CLIENT_QUERIES" in response.get_json()["error"]
    assert app.test_client().get("/healthz").status_code == 200
    assert app.test_client().get("/sparql", query_string={"query": "ASK {}"}).status_code == 200


def test_a_wrong_value_on_a_query_page_keeps_the_form(client) -> None:
    """People see a saved query's error on the query's own page, with the form."""
    response = client.get("/queries/top-partners", query_string={"minfacts": "many"},
                          headers={"Accept": "text/html"})
    assert response.status_code == 400
    assert b"expects an integer" in response.data and b"<form" in response.data


@pytest.mark.parametrize("path", ["/ontology", "/.well-known/void"])
def test_json_where_only_rdf_is_written_is_a_406_in_json_saying_what_is(client, path) -> None:
    response = client.get(path, headers={"Accept": "application/json"})
    assert response.status_code == 406 and response.mimetype == "application/json"
    assert "available as" in response.get_json()["error"]


def test_a_resource_asked_for_as_csv_is_a_406_in_text_naming_its_formats(client) -> None:
    response = client.get("/id/country/brazil", headers={"Accept": "text/csv"})
    assert response.status_code == 406 and response.mimetype == "text/plain"
    assert "text/turtle" in response.get_data(as_text=True)
    assert 'rel="alternate"' in response.headers["Link"]
