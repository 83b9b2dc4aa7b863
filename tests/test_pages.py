"""Resource pages and dereferenceable IRIs, over the small graph of test_pages_graph."""

from __future__ import annotations

import json

import pytest
import rdflib
from rdflib.compare import isomorphic
from test_pages_graph import (
    CHANGE4,
    ID,
    OUTLINE,
    assert_valid_html,
    description,
    offsets,
    small_client,
)


@pytest.fixture()
def client():
    return small_client()


def text_of(body: bytes) -> str:
    """A page's visible words, for checks that should not depend on markup."""
    import html
    import re

    no_tags = re.sub(r"<[^>]+>", " ", body.decode("utf-8"))
    return re.sub(r"\s+", " ", html.unescape(no_tags))


def vary(response) -> set[str]:
    return {v.strip() for v in response.headers.get("Vary", "").split(",")}


# --- the mission page the browser journey follows -------------------------------------


def test_mission_page_groups_its_cooperation_by_area_with_evidence(client):
    response = client.get("/id/mission/change-4")
    assert response.status_code == 200
    page = text_of(response.data)
    assert "Chang'e-4" in page
    payloads = page[page.index("payloads") :]
    for country in ("Germany", "Netherlands", "Saudi Arabia", "Sweden"):
        assert f"Cooperation with {country}: payloads on Chang'e-4" in payloads
    assert "Cooperation with Russia: engineering technology on Chang'e-4" in page
    assert CHANGE4 in page
    start, end = offsets("white-paper-2021", CHANGE4)
    assert f'href="/documents/white-paper-2021#evidence-{start}-{end}"'.encode() in response.data


def test_country_page_shows_its_code_names_and_cooperation_by_mission(client):
    page = client.get("/id/country/netherlands").data
    words = text_of(page)
    assert "ISO 3166-1 alpha-2 NL" in words
    # "Dutch" is a recognition cue (skos:hiddenLabel), listed among the properties only
    assert b"<dt>Also known as</dt><dd>the Netherlands</dd>" in page
    cooperation = words[words.index("Cooperation") :]
    assert cooperation.index("Chang'e-4") < cooperation.index("payloads")
    assert b'href="/id/mission/change-4"' in page


def test_partner_with_facts_outside_missions_gets_agreements_and_a_no_mission_group(client):
    words = text_of(client.get("/id/country/russia").data)
    assert "No particular mission" in words
    agreements = words[words.index("Agreements") :]
    assert "Outline of China-Russia Space Cooperation 2013-2017" in agreements
    assert OUTLINE in agreements
    assert "China's Space Activities in 2016" in agreements


def test_fact_page_shows_the_passages_that_state_it(client):
    response = client.get("/id/cooperation/sweden--payloads--change-4")
    words = text_of(response.data)
    assert "Where the documents state this" in words
    assert CHANGE4 in words
    assert b'href="/id/country/sweden"' in response.data


def test_every_property_and_incoming_link_is_listed_with_links(client):
    body = client.get("/id/country/sweden").data
    words = text_of(body)
    assert "csk:iso3166Alpha2" in words and "rdfs:label" in words
    assert "Referenced by" in words
    assert b'href="/id/cooperation/sweden--payloads--change-4"' in body


def test_links_stay_on_the_host_that_answers(client):
    body = client.get("/id/mission/change-4").data.decode()
    assert 'href="https://w3id.org/china-space-kg/id/' not in body


# --- content negotiation ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "media_type", "rdflib_format"),
    [
        ("text/turtle", "text/turtle", "turtle"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
        ("text/turtle;q=0.9, text/html;q=0.5", "text/turtle", "turtle"),
    ],
)
def test_rdf_representations_mean_what_the_graph_says(client, accept, media_type, rdflib_format):
    iri = ID + "country/sweden"
    response = client.get("/id/country/sweden", headers={"Accept": accept})
    assert response.status_code == 200
    assert response.mimetype == media_type
    assert "Accept" in vary(response)
    parsed = rdflib.Graph().parse(data=response.data, format=rdflib_format)
    assert isomorphic(parsed, description(iri))


@pytest.mark.parametrize(
    ("suffix", "media_type", "rdflib_format"),
    [
        ("ttl", "text/turtle", "turtle"),
        ("nt", "application/n-triples", "nt"),
        ("jsonld", "application/ld+json", "json-ld"),
        ("rdf", "application/rdf+xml", "xml"),
    ],
)
def test_a_suffix_chooses_the_format_whatever_the_accept_header(
    client, suffix, media_type, rdflib_format
):
    response = client.get(f"/id/mission/change-4.{suffix}", headers={"Accept": "text/html"})
    assert response.mimetype == media_type
    parsed = rdflib.Graph().parse(data=response.data, format=rdflib_format)
    assert isomorphic(parsed, description(ID + "mission/change-4"))


def test_evidence_description_carries_its_selectors(client):
    start, end = offsets("white-paper-2021", CHANGE4)
    iri = f"{ID}evidence/white-paper-2021/{start}-{end}"
    response = client.get(f"/id/evidence/white-paper-2021/{start}-{end}.ttl")
    parsed = rdflib.Graph().parse(data=response.data, format="turtle")
    assert isomorphic(parsed, description(iri))
    exact = rdflib.URIRef("http://www.w3.org/ns/oa#exact")
    assert str(parsed.value(rdflib.URIRef(iri + "#quote"), exact)) == CHANGE4


@pytest.mark.parametrize("accept", [None, "*/*", "text/html,application/xhtml+xml,*/*;q=0.8"])
def test_browsers_and_bare_clients_get_html(client, accept):
    headers = {"Accept": accept} if accept else {}
    response = client.get("/id/country/sweden", headers=headers)
    assert response.mimetype == "text/html"
    assert "Accept" in vary(response)


def test_link_header_names_the_canonical_iri_and_every_alternate(client):
    link = client.get("/id/country/sweden").headers["Link"]
    assert f'<{ID}country/sweden>; rel="canonical"' in link
    for suffix, media in [
        ("ttl", "text/turtle"),
        ("nt", "application/n-triples"),
        ("jsonld", "application/ld+json"),
        ("rdf", "application/rdf+xml"),
    ]:
        assert f'</id/country/sweden.{suffix}>; rel="alternate"; type="{media}"' in link


def test_an_unsatisfiable_accept_header_is_406_listing_what_is_offered(client):
    response = client.get("/id/country/sweden", headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert "text/turtle" in response.get_data(as_text=True)


def test_document_iri_sends_browsers_to_the_reading_page_and_programs_the_rdf(client):
    html = client.get("/id/document/white-paper-2021")
    assert html.status_code == 303
    assert html.headers["Location"].endswith("/documents/white-paper-2021")
    assert "Accept" in vary(html)
    rdf = client.get("/id/document/white-paper-2021", headers={"Accept": "text/turtle"})
    parsed = rdflib.Graph().parse(data=rdf.data, format="turtle")
    assert isomorphic(parsed, description(ID + "document/white-paper-2021"))


def test_the_document_page_answers_in_rdf_too(client):
    response = client.get("/documents/white-paper-2021", headers={"Accept": "application/ld+json"})
    assert response.mimetype == "application/ld+json"
    parsed = rdflib.Graph().parse(data=response.data, format="json-ld")
    assert isomorphic(parsed, description(ID + "document/white-paper-2021"))


# --- not found -------------------------------------------------------------------------


def test_unknown_resource_is_a_404_page_offering_a_search(client):
    response = client.get("/id/country/atlantis")
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert b'action="/search"' in response.data
    assert b'value="atlantis"' in response.data
    assert_valid_html(response.data)


def test_unknown_resource_in_rdf_is_a_one_line_404(client):
    response = client.get("/id/country/atlantis.ttl")
    assert response.status_code == 404
    assert response.get_data(as_text=True).count("\n") == 1


def test_any_unknown_path_is_a_404_page_for_people_and_json_for_programs(client):
    page = client.get("/no/such/page")
    assert page.status_code == 404 and b'action="/search"' in page.data
    machine = client.get("/no/such/page", headers={"Accept": "application/json"})
    assert machine.status_code == 404
    assert json.loads(machine.data) == {"error": "there is no page at /no/such/page", "status": 404}


@pytest.mark.parametrize(
    "path", ["/id/a%20b", "/id/%3E", "/id/country/sweden%3E", "/id/x%22y", "/id/%00", "/id/.ttl"]
)
def test_paths_that_are_no_iri_are_404_pages_not_errors(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert_valid_html(response.data)


def test_evidence_values_are_named_by_the_start_of_their_quote(client):
    start, end = offsets("white-paper-2021", CHANGE4)
    body = client.get("/id/cooperation/sweden--payloads--change-4").get_data(as_text=True)
    link = f'<a href="/id/evidence/white-paper-2021/{start}-{end}">'
    end_of_link = body.index("</a>", body.index(link))
    shown = body[body.index(link) + len(link) : end_of_link].replace("&#39;", "'")
    assert shown.endswith("…") and len(shown) <= 80
    assert CHANGE4.startswith(shown[:-1])


def test_json_ld_is_compacted_with_the_projects_context(client):
    document = client.get("/id/country/sweden.jsonld").get_json()
    assert document["@context"]["csk"] == "https://w3id.org/china-space-kg/ontology#"
    sweden = next(n for n in document["@graph"] if n["@id"] == "id:country/sweden")
    assert sweden["iso3166Alpha2"] == "SE"


def test_a_partner_page_sums_up_its_facts(client):
    words = text_of(client.get("/id/country/russia").data)
    # engineering technology on Chang'e-4, satellite navigation, and the 2013-2017 outline
    assert (
        "The documents state 3 facts about Russia: 2 on cooperation, on 1 mission or "
        "spacecraft and in 2 areas; 1 agreement." in words
    )
