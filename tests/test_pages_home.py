"""The home page and the SPARQL editor page (small graph of test_pages_graph)."""

from __future__ import annotations

import re
from urllib.parse import quote

import html5lib
import pytest
from test_pages_graph import ENTITIES, PATHS, small_client

from graph.model import EntityKind


@pytest.fixture()
def client():
    return small_client()


def test_home_counts_the_resources_of_each_class(client):
    body = client.get("/").data.decode()
    countries = sum(1 for e in ENTITIES if e.kind is EntityKind.COUNTRY)
    row = re.search(r"csk:Country</span></td><td class=\"num\">(\d+)</td>", body)
    assert row is not None and int(row.group(1)) == countries
    assert "/search?class=https%3A//w3id.org/china-space-kg/ontology%23Country" in body


def test_home_lists_documents_saved_queries_endpoint_and_downloads(client):
    body = client.get("/").data.decode()
    assert 'href="/documents/white-paper-2021"' in body
    for path in PATHS.queries.glob("*.rq"):
        assert f'href="/editor?saved={path.stem}"' in body
    assert "http://localhost/sparql" in body
    assert 'href="/dumps/"' in body


def test_every_page_has_a_labelled_search_box(client):
    for url in ("/", "/editor", "/documents/", "/id/country/sweden", "/search?q=x"):
        body = client.get(url).data.decode()
        assert '<label for="site-search">' in body and 'id="site-search"' in body


def editor_query(body: bytes) -> str:
    tree = html5lib.parse(body.decode("utf-8"), namespaceHTMLElements=False)
    return next(tree.iter("textarea")).text or ""


def test_a_saved_query_opens_in_the_editor_with_its_defaults_bound(client):
    body = client.get("/editor?saved=countries-on-mission-payloads").data
    text = editor_query(body)
    assert "csk:Cooperation" in text
    assert "VALUES (?mission) { (<https://w3id.org/china-space-kg/id/mission/change-4>) }" in text


def test_values_in_the_link_replace_the_defaults(client):
    mission = "https://w3id.org/china-space-kg/id/mission/tianwen-1"
    body = client.get(f"/editor?saved=countries-on-mission-payloads&mission={quote(mission)}").data
    assert f"(<{mission}>)" in editor_query(body)


def test_a_bad_saved_query_link_explains_itself_and_shows_an_example(client):
    response = client.get("/editor?saved=countries-on-mission-payloads&mission=not%20an%20iri")
    assert response.status_code == 200
    assert "Could not open the saved query" in response.get_data(as_text=True)
    unknown = client.get("/editor?saved=no-such-query").get_data(as_text=True)
    assert "no saved query named" in unknown


def test_a_share_link_reopens_the_same_query(client):
    query = 'SELECT * WHERE { ?s ?p "</textarea><script>" }'
    body = client.get("/editor?query=" + quote(query)).data
    assert editor_query(body) == query
    assert b"</textarea><script>" not in body.split(b"<textarea", 1)[1].split(b"</textarea>")[0]


def test_the_editor_loads_its_assets_from_this_server_only(client):
    body = client.get("/editor").data.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', body)
    assert not [s for s in sources if s.startswith(("http:", "https:", "//"))]
    assert 'action="/sparql"' in body


def test_the_vendored_editor_is_served_when_installed(client):
    body = client.get("/editor").data.decode()
    if "vendor/yasgui/yasgui.min.js" not in body:
        pytest.skip("editor assets not installed (run `make assets`)")
    assert client.get("/static/vendor/yasgui/yasgui.min.js").status_code == 200
    assert client.get("/static/vendor/yasgui/yasgui.min.css").status_code == 200
    assert client.get("/static/editor.js").status_code == 200


def test_the_editor_completes_this_graphs_own_prefixes(client):
    prefixes = client.get("/editor/prefixes.json").get_json()
    assert prefixes["csk"] == "https://w3id.org/china-space-kg/ontology#"
    assert prefixes["oa"] == "http://www.w3.org/ns/oa#"
