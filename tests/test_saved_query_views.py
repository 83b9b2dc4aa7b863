"""A saved query's ``#+ view:`` line: read with the header, refused when it names no view,
and carried by /queries, OpenAPI and the in-graph publication; each query that names a
view answers with columns that view can draw (the browser test draws them)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import URIRef

from graph.errors import QueryError
from graph.saved_queries import VIEWS, load_queries, parse_query
from graph.saved_queries_rdf import queries_graph, query_iri, view_iri
from graph.vocab import CSK

ROOT = Path(__file__).resolve().parent.parent
QUERIES = load_queries(ROOT / "queries")
WITH_VIEW = sorted(name for name, q in QUERIES.items() if q.view)
HEADER = "#+ title: Partner codes\n#+ description: Each partner's code.\n"
BODY = "SELECT ?iso WHERE { ?c <https://w3id.org/china-space-kg/ontology#iso3166Alpha2> ?iso }"


def test_the_view_line_is_read_with_the_header():
    query = parse_query("partner-codes", HEADER + "#+ view: Map\n" + BODY)
    assert query.view == "map"
    assert parse_query("partner-codes", HEADER + BODY).view is None


def test_a_view_that_does_not_exist_is_refused_in_one_line():
    with pytest.raises(QueryError) as caught:
        parse_query("partner-codes", HEADER + "#+ view: piechart\n" + BODY)
    message = str(caught.value)
    assert "'#+ view: piechart' is not a view" in message and "timeline" in message
    assert "\n" not in message


def test_some_saved_queries_name_each_picture():
    assert {QUERIES[name].view for name in WITH_VIEW} == {"timeline", "network", "map"}
    assert set(VIEWS) == {"table", "timeline", "network", "map"}


def test_the_publication_says_the_view_as_a_concept_of_result_views():
    graph = queries_graph(ROOT / "queries")
    for name, query in QUERIES.items():
        views = set(graph.objects(query_iri(name), CSK.resultView))
        assert views == ({view_iri(query.view)} if query.view else set())
    assert view_iri("map") == URIRef("https://w3id.org/china-space-kg/id/view/map")
    schemes = (ROOT / "ontology" / "schemes.ttl").read_text()
    for view in VIEWS:
        assert f"<{view_iri(view)}> a skos:Concept" in schemes


def test_queries_json_and_openapi_carry_the_view(client):
    listed = {q["name"]: q["view"] for q in client.get("/queries").get_json()["queries"]}
    assert listed == {name: q.view for name, q in QUERIES.items()}
    paths = client.get("/openapi.json").get_json()["paths"]
    for name, query in QUERIES.items():
        assert paths[f"/queries/{name}"]["get"].get("x-result-view") == query.view


def test_the_html_pages_say_how_the_editor_opens_the_results(client):
    name = WITH_VIEW[0]
    view = QUERIES[name].view
    assert f"opens as a {view}".encode() in client.get("/queries?format=html").data
    page = client.get(f"/queries/{name}?format=html").data
    assert f"the results open there as a {view}".encode() in page
    assert f"its results open as a {view}".encode() in client.get(f"/editor?saved={name}").data


DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")
DATE_TYPES = ("date", "dateTime", "gYear", "gYearMonth")


def fits(view: str, variables: list[str], rows: list) -> bool:
    """The editor's rules (yasr-pictures.js), on the default answer."""

    def every(test) -> list[str]:
        found = []
        for v in variables:
            bound = [r[v] for r in rows if r[v] is not None]
            if bound and all(test(b) for b in bound):
                found.append(v)
        return found

    if view == "map":
        return bool(every(lambda t: re.fullmatch(r"[A-Z]{2}", t.value or "") is not None))
    if view == "timeline":
        return bool(every(lambda t: getattr(t, "datatype", None) is not None and (
            str(t.datatype.value).rsplit("#", 1)[-1] in DATE_TYPES
            or re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", t.value) is not None)))
    return len(every(lambda t: t.__class__.__name__ == "NamedNode")) >= 2


@pytest.mark.parametrize("name", WITH_VIEW)
def test_each_query_with_a_view_answers_with_columns_the_view_draws(backend, name):
    query = QUERIES[name]
    answer = backend.results(query.sparql, query.bind({}))
    variables = [v.value for v in answer.variables]
    rows = list(answer)
    assert rows, f"{name} answers nothing with its defaults"
    assert fits(query.view, variables, rows), f"{name}: columns {variables} do not fit {query.view}"
