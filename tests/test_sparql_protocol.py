"""The SPARQL 1.1 Protocol at ``/sparql``, case by case, through Flask's test client.

Answers are parsed back and compared with what the store itself says; the same cases
against a live granian server are in test_sparql_live.py.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections.abc import Callable
from typing import Any

import pyoxigraph as ox
import pytest
import rdflib
from flask.testing import FlaskClient

from graph.config import Paths, Settings
from server import create_app
from server.embedded import EmbeddedBackend

DOC_GRAPH = "https://w3id.org/china-space-kg/graph/document/white-paper-2016"
ONTOLOGY_GRAPH = "https://w3id.org/china-space-kg/graph/ontology"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
LABELS = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?s ?label WHERE { ?s rdfs:label ?label } ORDER BY ?s ?label"  # noqa: E501


@pytest.fixture()
def make_client(backend: EmbeddedBackend, settings: Settings) -> Callable[..., FlaskClient]:
    def make(**changes: Any) -> FlaskClient:
        return create_app(settings.replace(**changes), store=backend).test_client()

    return make


@pytest.fixture()
def client(make_client: Callable[..., FlaskClient]) -> FlaskClient:
    return make_client()


def count(response: Any) -> int:
    assert response.status_code == 200, response.get_data(as_text=True)
    return int(response.get_json(force=True)["results"]["bindings"][0]["n"]["value"])


def store_count(backend: EmbeddedBackend, query: str, **kwargs: Any) -> int:
    return int(next(iter(backend.store.query(query, **kwargs)))["n"].value)


# --- the three ways to send a query ------------------------------------------------------


def test_get_post_form_and_post_body_give_the_same_answer(client: FlaskClient, backend) -> None:
    expected = store_count(backend, COUNT)
    assert count(client.get("/sparql", query_string={"query": COUNT})) == expected
    assert count(client.post("/sparql", data={"query": COUNT})) == expected
    direct = client.post(
        "/sparql", data=COUNT.encode(), headers={"Content-Type": "application/sparql-query"}
    )
    assert count(direct) == expected


def test_without_dataset_parameters_a_query_sees_the_merge_of_all_graphs(
    client: FlaskClient, backend
) -> None:
    distinct = {q.triple for q in backend.store.quads_for_pattern(None, None, None, None)}
    in_named_graphs = store_count(
        backend, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    )
    assert 0 < len(distinct) < in_named_graphs  # some triples are stated by two documents
    assert count(client.get("/sparql", query_string={"query": COUNT})) == len(distinct)


def test_graph_says_which_document_states_a_triple(client: FlaskClient) -> None:
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), '%s')) }"
    response = client.get("/sparql", query_string={"query": query % DOC_GRAPH})
    graphs = {b["g"]["value"] for b in response.get_json()["results"]["bindings"]}
    assert graphs == {DOC_GRAPH}


def test_default_graph_uri_narrows_the_default_graph(client: FlaskClient, backend) -> None:
    expected = store_count(backend, COUNT, default_graph=[ox.NamedNode(DOC_GRAPH)])
    narrowed = client.get("/sparql", query_string={"query": COUNT, "default-graph-uri": DOC_GRAPH})
    union = client.get("/sparql", query_string={"query": COUNT})
    assert count(narrowed) == expected
    assert 0 < count(narrowed) < count(union)


def test_named_graph_uri_limits_the_graphs_graph_can_see(client: FlaskClient) -> None:
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    params = {"query": query, "named-graph-uri": [DOC_GRAPH, ONTOLOGY_GRAPH]}
    response = client.post("/sparql", data=params)
    graphs = {b["g"]["value"] for b in response.get_json()["results"]["bindings"]}
    assert graphs == {DOC_GRAPH, ONTOLOGY_GRAPH}


def test_a_graph_parameter_must_be_an_iri(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": COUNT, "default-graph-uri": "no iri"})
    assert response.status_code == 400 and "default-graph-uri" in response.get_data(as_text=True)


# --- formats -----------------------------------------------------------------------------


def _rows_from(media: str, body: bytes) -> set[tuple[str, ...]]:
    if media == "json":
        data = json.loads(body)
        return {(b["s"]["value"], b["label"]["value"]) for b in data["results"]["bindings"]}
    if media == "csv":
        rows = list(csv.reader(io.StringIO(body.decode())))
        assert rows[0] == ["s", "label"]
        return {tuple(r) for r in rows[1:]}
    fmt = ox.QueryResultsFormat.XML if media == "xml" else ox.QueryResultsFormat.TSV
    return {(r["s"].value, r["label"].value) for r in ox.parse_query_results(body, fmt)}


@pytest.mark.parametrize(
    ("accept", "media", "content_type"),
    [
        ("application/sparql-results+json", "json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "xml", "application/sparql-results+xml"),
        ("text/csv", "csv", "text/csv"),
        ("text/tab-separated-values", "tsv", "text/tab-separated-values"),
        ("application/json", "json", "application/sparql-results+json"),
        (
            "text/csv;q=0.4, application/sparql-results+xml;q=0.9",
            "xml",
            "application/sparql-results+xml",
        ),
        ("text/html, */*;q=0.1", "json", "application/sparql-results+json"),
    ],
)
def test_select_results_in_every_format_mean_the_same(
    client: FlaskClient, backend, accept: str, media: str, content_type: str
) -> None:
    expected = {
        (r["s"].value, r["label"].value)
        for r in backend.store.query(LABELS)
    }
    response = client.get("/sparql", query_string={"query": LABELS}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.mimetype == content_type
    assert _rows_from(media, response.data) == expected


@pytest.mark.parametrize("name", ["json", "xml", "csv", "tsv"])
def test_the_format_parameter_wins_over_accept(client: FlaskClient, name: str) -> None:
    response = client.get(
        "/sparql", query_string={"query": LABELS, "format": name}, headers={"Accept": "text/csv"}
    )
    assert response.status_code == 200
    assert _rows_from(name, response.data)


def test_ask_answers_a_boolean(client: FlaskClient) -> None:
    yes = client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})
    no = client.get("/sparql", query_string={"query": "ASK { <http://x/none> ?p ?o }"})
    assert yes.get_json()["boolean"] is True and no.get_json()["boolean"] is False


CONSTRUCT = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?s ?p ?o }} }}"


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
        ("application/n-quads", "nquads"),
        ("application/trig", "trig"),
    ],
)
def test_construct_in_every_rdf_syntax_is_the_same_graph(
    client: FlaskClient, backend, accept: str, rdflib_format: str
) -> None:
    lines = "".join(f"{triple} .\n" for triple in backend.store.query(CONSTRUCT))
    expected = rdflib.Graph().parse(data=lines, format="nt")
    response = client.get("/sparql", query_string={"query": CONSTRUCT}, headers={"Accept": accept})
    assert response.status_code == 200 and response.mimetype == accept
    if rdflib_format in ("nquads", "trig"):
        dataset = rdflib.Dataset()
        dataset.parse(data=response.data, format=rdflib_format)
        got = rdflib.Graph()
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            got.add((s, p, o))
    else:
        got = rdflib.Graph().parse(data=response.data, format=rdflib_format)
    assert len(got) == len(expected) > 0
    assert rdflib.compare.isomorphic(got, expected)


def test_describe_defaults_to_turtle(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": f"DESCRIBE <{DOC_GRAPH}>"})
    assert response.status_code == 200 and response.mimetype == "text/turtle"


@pytest.mark.parametrize(
    ("query", "accept"),
    [
        (LABELS, "text/turtle"),
        (CONSTRUCT, "application/sparql-results+json"),
        (LABELS, "image/png"),
    ],
)
def test_a_format_the_query_cannot_have_is_406(
    client: FlaskClient, query: str, accept: str
) -> None:
    response = client.get("/sparql", query_string={"query": query}, headers={"Accept": accept})
    assert response.status_code == 406
    assert "application/" in response.get_data(as_text=True) or "text/" in response.get_data(
        as_text=True
    )


def test_an_unknown_format_parameter_is_406(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": LABELS, "format": "turtle"})
    assert response.status_code == 406 and "json" in response.get_data(as_text=True)


# --- errors ------------------------------------------------------------------------------


def test_a_syntax_error_is_400_with_line_and_column(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": "SELECT * WHERE {\n  ?s ?p \n}"})
    assert response.status_code == 400
    text = response.get_data(as_text=True)
    assert "line 3, column" in text and "Traceback" not in text


@pytest.mark.parametrize(
    "send",
    [
        lambda c: c.post("/sparql", data={"update": "DROP ALL"}),
        lambda c: c.get("/sparql", query_string={"update": "DROP ALL"}),
        lambda c: c.post(
            "/sparql", data=b"DROP ALL", headers={"Content-Type": "application/sparql-update"}
        ),
        lambda c: c.post("/sparql", data={"query": "INSERT DATA { <http://x/a> <http://x/b> 1 }"}),
    ],
    ids=["update-form", "update-url", "update-content-type", "update-as-query"],
)
def test_updates_are_refused_as_read_only(client: FlaskClient, backend, send) -> None:
    before = len(backend.store)
    response = send(client)
    assert response.status_code == 403
    assert "read-only" in response.get_data(as_text=True)
    assert len(backend.store) == before


def test_a_body_of_another_type_is_415(client: FlaskClient) -> None:
    response = client.post("/sparql", data=COUNT, headers={"Content-Type": "text/plain"})
    assert response.status_code == 415


@pytest.mark.parametrize(
    "send",
    [
        lambda c: c.get("/sparql", query_string={"query": [COUNT, COUNT]}),
        lambda c: c.post(
            "/sparql?query=ASK%7B%7D",
            data=COUNT,
            headers={"Content-Type": "application/sparql-query"},
        ),
        lambda c: c.post("/sparql", data={"query": ""}),
    ],
    ids=["query-twice", "query-in-url-and-body", "empty-query"],
)
def test_ambiguous_or_empty_requests_are_400(client: FlaskClient, send) -> None:
    assert send(client).status_code == 400


def test_oversized_requests_are_413(make_client) -> None:
    client = make_client(max_request_bytes=2000)
    padded = COUNT + "#" + "x" * 3000
    assert client.get("/sparql", query_string={"query": padded}).status_code == 413
    assert client.post("/sparql", data={"query": padded}).status_code == 413
    direct = client.post(
        "/sparql", data=padded, headers={"Content-Type": "application/sparql-query"}
    )
    assert direct.status_code == 413
    assert client.get("/sparql", query_string={"query": COUNT}).status_code == 200


def test_only_get_and_post_are_allowed(client: FlaskClient) -> None:
    assert client.put("/sparql", data=COUNT).status_code == 405
    assert client.delete("/sparql").status_code == 405


# --- row cap -----------------------------------------------------------------------------


def test_a_capped_select_says_it_was_cut(make_client) -> None:
    client = make_client(row_limit=5)
    response = client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert response.headers["X-SPARQL-Truncated"] == "true"
    assert response.headers["X-SPARQL-Row-Limit"] == "5"
    body = response.get_json()
    assert body["truncated"] is True and len(body["results"]["bindings"]) == 5
    as_csv = client.get(
        "/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o }", "format": "csv"}
    )
    assert as_csv.headers["X-SPARQL-Truncated"] == "true"
    assert len(list(csv.reader(io.StringIO(as_csv.get_data(as_text=True))))) == 6


def test_an_answer_within_the_cap_is_not_flagged(make_client) -> None:
    client = make_client(row_limit=5)
    response = client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 5"})
    assert "X-SPARQL-Truncated" not in response.headers
    assert "truncated" not in response.get_json()


@pytest.mark.parametrize("name", ["json", "xml", "csv", "tsv"])
def test_a_long_answer_under_the_cap_is_whole_in_every_format(
    make_client, backend, name: str
) -> None:
    solutions = list(backend.store.query(LABELS))
    expected = {(r["s"].value, r["label"].value) for r in solutions}
    client = make_client(row_limit=len(solutions))
    response = client.get("/sparql", query_string={"query": LABELS, "format": name})
    assert "X-SPARQL-Truncated" not in response.headers
    assert _rows_from(name, response.data) == expected
    capped = make_client(row_limit=len(solutions) - 1).get(
        "/sparql", query_string={"query": LABELS, "format": name}
    )
    assert capped.headers["X-SPARQL-Truncated"] == "true"
    cut = capped.data.decode()
    lines = [line for line in cut.splitlines() if line]
    if name in ("csv", "tsv"):
        assert len(lines) == len(solutions)  # header and one row fewer


def test_a_capped_construct_says_it_was_cut(make_client) -> None:
    client = make_client(row_limit=7)
    response = client.get(
        "/sparql",
        query_string={"query": "CONSTRUCT WHERE { ?s ?p ?o }"},
        headers={"Accept": "application/n-triples"},
    )
    assert response.headers["X-SPARQL-Truncated"] == "true"
    assert len(rdflib.Graph().parse(data=response.data, format="nt")) == 7


# --- HTTP --------------------------------------------------------------------------------


def test_etag_from_the_build_answers_if_none_match_with_304(client: FlaskClient, built) -> None:
    first = client.get("/sparql", query_string={"query": COUNT})
    etag = first.headers["ETag"]
    assert built.info.build_id in etag
    assert "max-age=" in first.headers["Cache-Control"]
    again = client.get("/sparql", query_string={"query": COUNT}, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    other_format = client.get(
        "/sparql",
        query_string={"query": COUNT, "format": "csv"},
        headers={"If-None-Match": etag},
    )
    assert other_format.status_code == 200


def test_repeated_queries_come_from_the_cache(make_client) -> None:
    client = make_client()
    first = client.get("/sparql", query_string={"query": LABELS})
    cache = client.application.extensions["spacekg.backend"].cache
    hits = cache.hits
    second = client.get("/sparql", query_string={"query": LABELS})
    assert cache.hits == hits + 1
    assert second.data == first.data


def test_the_cache_can_be_turned_off(make_client) -> None:
    client = make_client(result_cache_bytes=0)
    client.get("/sparql", query_string={"query": LABELS})
    client.get("/sparql", query_string={"query": LABELS})
    assert len(client.application.extensions["spacekg.backend"].cache) == 0


def test_cors_lets_any_origin_read(client: FlaskClient) -> None:
    response = client.get(
        "/sparql", query_string={"query": COUNT}, headers={"Origin": "https://yasgui.org"}
    )
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        "/sparql",
        headers={
            "Origin": "https://yasgui.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "Content-Type",
        },
    )
    assert preflight.status_code == 200
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in preflight.headers["Access-Control-Allow-Headers"]


def test_large_answers_are_gzipped(client: FlaskClient) -> None:
    response = client.get(
        "/sparql", query_string={"query": LABELS}, headers={"Accept-Encoding": "gzip"}
    )
    assert response.headers["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(response.data))["results"]["bindings"]


# --- service description and health ------------------------------------------------------

SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")


def test_get_without_query_describes_the_service(client: FlaskClient) -> None:
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200 and response.mimetype == "text/turtle"
    graph = rdflib.Graph().parse(data=response.data, format="turtle")
    service = next(graph.subjects(rdflib.RDF.type, SD.Service))
    assert str(graph.value(service, SD.endpoint)) == "http://localhost/sparql"
    formats = {str(f) for f in graph.objects(service, SD.resultFormat)}
    assert "http://www.w3.org/ns/formats/SPARQL_Results_JSON" in formats
    assert "http://www.w3.org/ns/formats/Turtle" in formats
    assert SD.UnionDefaultGraph not in set(graph.objects(service, SD.feature))
    dataset = graph.value(service, SD.defaultDataset)
    names = {str(graph.value(g, SD.name)) for g in graph.objects(dataset, SD.namedGraph)}
    assert DOC_GRAPH in names
    assert rdflib.URIRef("http://localhost/.well-known/void") in set(
        graph.objects(dataset, rdflib.RDFS.seeAlso)
    )


def test_browsers_are_sent_to_the_editor(client: FlaskClient) -> None:
    response = client.get("/sparql", headers={"Accept": "text/html,application/xml;q=0.9"})
    assert response.status_code == 303 and response.headers["Location"].endswith("/editor")


def test_healthz_names_the_build(client: FlaskClient, built, built_paths: Paths) -> None:
    body = client.get("/healthz").get_json()
    assert body["build_id"] == built.info.build_id
    assert body["triples"] == built.info.triples
    assert body["store"] == str(built_paths.store)
