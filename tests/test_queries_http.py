"""The saved-query API: JSON for machines, HTML for people, the endpoint's result formats,
400s that name the parameter, and truncation that is always visible."""

from __future__ import annotations

import csv
import io
from urllib.parse import parse_qs, urlparse

import html5lib
import pytest

from graph.saved_queries import load_queries
from server import create_app

BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
JSON = {"Accept": "application/json"}
NS = {"h": "http://www.w3.org/1999/xhtml"}


def page(response):
    return html5lib.parse(response.get_data(as_text=True), namespaceHTMLElements=True)


def texts(tree, path: str) -> list[str]:
    return ["".join(e.itertext()).strip() for e in tree.findall(path, NS)]


def test_the_list_is_json_for_machines_with_every_query_and_its_parameters(client, built_paths):
    response = client.get("/queries", headers=JSON)
    assert response.status_code == 200
    listed = {q["name"]: q for q in response.get_json()["queries"]}
    saved = load_queries(built_paths.queries)
    assert set(listed) == set(saved)
    mission = listed["countries-on-mission-payloads"]["parameters"][0]
    assert mission["name"] == "mission"
    assert mission["type"] == "iri"
    assert mission["default"].endswith("/id/mission/change-4")


def test_the_list_is_html_for_browsers_linking_each_query(client, built_paths):
    response = client.get("/queries", headers=BROWSER)
    assert response.content_type.startswith("text/html")
    tree = page(response)
    links = {a.get("href") for a in tree.iter("{http://www.w3.org/1999/xhtml}a")}
    for name in load_queries(built_paths.queries):
        assert f"/queries/{name}" in links


def test_a_query_answers_in_sparql_json_by_default(client):
    response = client.get("/queries/document-contributions")
    assert response.content_type.startswith("application/sparql-results+json")
    body = response.get_json()
    assert body["head"]["vars"][0] == "document"
    assert len(body["results"]["bindings"]) == 5


@pytest.mark.parametrize(
    ("how", "media_type"),
    [
        ({"query_string": {"format": "csv"}}, "text/csv"),
        ({"headers": {"Accept": "text/tab-separated-values"}}, "text/tab-separated-values"),
        ({"headers": {"Accept": "application/sparql-results+xml"}}, "application/sparql-results"),
    ],
)
def test_the_result_format_is_negotiated_like_the_sparql_endpoint(client, how, media_type):
    response = client.get("/queries/document-contributions", **how)
    assert response.status_code == 200
    assert response.content_type.startswith(media_type)


def test_a_parameter_is_bound_from_the_query_string(client):
    response = client.get(
        "/queries/partners-new-in-later-document",
        query_string={
            "earlier": "https://w3id.org/china-space-kg/id/document/white-paper-2021",
            "later": "https://w3id.org/china-space-kg/id/document/white-paper-2016",
            "format": "csv",
        },
    )
    assert response.status_code == 200
    header = next(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert header[:2] == ["earlier", "later"]


@pytest.mark.parametrize(
    "value",
    [
        'x" } UNION { ?s ?p ?o } #',
        "https://w3id.org/a>b",
        "}",
        "a\nb",
        "https://w3id.org/china-space-kg/id/country/nowhere",
    ],
)
def test_a_wrong_iri_is_a_400_naming_the_parameter_and_type(client, value):
    response = client.get("/queries/evidence-for-partner", query_string={"partner": value})
    assert response.status_code == 400
    message = response.get_data(as_text=True).strip()
    assert message.startswith("parameter 'partner' expects an IRI of a csk:Country or")
    assert "\n" not in message


@pytest.mark.parametrize(
    ("query", "params", "message"),
    [
        ("top-partners", {"minfacts": "1; DROP"}, "parameter 'minfacts' expects an integer"),
        ("agreements-timeline", {"since": "20"}, "parameter 'since' expects a four-digit year"),
        ("areas-and-missions", {"status": "done"}, "among any, achieved, planned"),
        ("top-partners", {"minfact": "1"}, "no parameter 'minfact'"),
    ],
)
def test_other_wrong_values_are_400s_too(client, query, params, message):
    response = client.get(f"/queries/{query}", query_string=params)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)


@pytest.mark.parametrize("value", ['x" } UNION { ?s ?p ?o } #', "<b>", "}\n{", "'; --"])
def test_a_hostile_text_is_bound_as_text_and_finds_nothing(client, value):
    response = client.get("/queries/find-entity", query_string={"name": value})
    assert response.status_code == 200
    assert response.get_json()["results"]["bindings"] == []


def test_the_query_file_can_be_downloaded_as_it_is(client, built_paths):
    response = client.get("/queries/top-partners.rq")
    assert response.content_type.startswith("application/sparql-query")
    expected = (built_paths.queries / "top-partners.rq").read_text(encoding="utf-8")
    assert response.get_data(as_text=True) == expected
    assert client.get("/queries/nope.rq").status_code == 404


def test_an_unknown_query_is_a_404(client):
    assert client.get("/queries/nope").status_code == 404
    assert client.get("/queries/nope", headers=BROWSER).status_code == 404


def test_the_html_page_has_description_form_query_text_editor_link_and_results(client):
    response = client.get("/queries/document-contributions", headers=BROWSER)
    assert response.status_code == 200
    tree = page(response)
    assert texts(tree, ".//h:h1") == ["What each document contributes"]
    assert any("re-processed copy" in t for t in texts(tree, ".//h:p"))
    assert "SELECT ?document" in texts(tree, ".//h:pre")[0]
    editor = [
        a.get("href")
        for a in tree.iter("{http://www.w3.org/1999/xhtml}a")
        if (a.get("href") or "").startswith("/editor?query=")
    ]
    assert editor and "SELECT" in parse_qs(urlparse(editor[0]).query)["query"][0]
    cells = tree.findall(".//h:table//h:tbody/h:tr", NS)
    assert len(cells) == 5
    hrefs = [a.get("href") for a in tree.findall(".//h:table//h:a", NS)]
    assert "/id/document/white-paper-2016" in hrefs


def test_the_html_form_offers_each_parameter_with_its_current_value(client):
    response = client.get(
        "/queries/areas-and-missions", headers=BROWSER, query_string={"status": "planned"}
    )
    tree = page(response)
    select = tree.find(".//h:form//h:select[@name='status']", NS)
    options = select.findall("h:option", NS)
    chosen = [o.get("value") for o in options if o.get("selected") is not None]
    assert chosen == ["planned"]


def test_a_wrong_value_on_the_html_page_is_a_400_with_the_message_shown(client):
    response = client.get(
        "/queries/top-partners", headers=BROWSER, query_string={"minfacts": "<script>"}
    )
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert "parameter &#39;minfacts&#39; expects an integer" in body
    assert "<script>" not in body


@pytest.fixture()
def capped(backend, settings):
    """An app whose row limit is below the five documents of the corpus."""
    app = create_app(settings.replace(row_limit=2, result_cache_bytes=0), store=backend)
    return app.test_client()


def test_a_cut_result_is_flagged_in_json_and_noted_in_html(capped):
    response = capped.get("/queries/document-contributions")
    body = response.get_json()
    assert body["truncated"] is True
    assert len(body["results"]["bindings"]) == 2
    assert response.headers.get("X-SPARQL-Truncated") == "true"
    html = capped.get("/queries/document-contributions", headers=BROWSER)
    tree = page(html)
    assert any("Truncated" in t and "2 rows" in t for t in texts(tree, ".//h:p"))
    assert len(tree.findall(".//h:table//h:tbody/h:tr", NS)) == 2


def test_an_uncut_result_has_no_flag(client):
    assert "truncated" not in client.get("/queries/document-contributions").get_json()


@pytest.mark.parametrize(
    "url",
    ["/queries", "/queries/countries-on-mission-payloads", "/queries/top-partners?minfacts=x",
     "/queries/nope"],
)
def test_the_pages_are_valid_html(client, url):
    response = client.get(url, headers=BROWSER)
    html5lib.HTMLParser(strict=True).parse(response.get_data(as_text=True))
