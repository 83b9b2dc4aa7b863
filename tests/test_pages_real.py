"""The pages over the real build of the corpus: what a researcher following the Chang'e-4
question sees, and that every evidence link lands on a marked passage."""

from __future__ import annotations

import json
import re

PAYLOAD_COUNTRIES = {
    "Germany": "germany",
    "Netherlands": "netherlands",
    "Saudi Arabia": "saudi-arabia",
    "Sweden": "sweden",
}
SENTENCE_PART = "with Sweden, Germany, the Netherlands and Saudi Arabia on payloads"


def evidence_links(body: str) -> set[tuple[str, str]]:
    """(document path, anchor) of every link to a passage."""
    return set(re.findall(r'href="(/documents/[a-z0-9-]+)#(evidence-\d+-\d+)"', body))


def test_searching_for_the_mission_finds_it_first(client):
    response = client.get("/search?q=Chang'e-4", headers={"Accept": "application/json"})
    first = json.loads(response.data)["groups"][0]
    assert first["label"].casefold() == "mission"
    assert first["results"][0]["href"] == "/id/mission/change-4"


def test_the_mission_page_names_the_four_payload_countries_with_their_evidence(client):
    body = client.get("/id/mission/change-4").get_data(as_text=True)
    payloads = body[body.index(">payloads<") :]
    for label, key in PAYLOAD_COUNTRIES.items():
        assert f"Cooperation with {label}: payloads on Chang&#39;e-4" in payloads
        assert f'href="/id/country/{key}"' in payloads
    assert SENTENCE_PART in payloads
    assert "/documents/white-paper-2021" in {doc for doc, _ in evidence_links(payloads)}


def test_the_evidence_link_lands_on_the_highlighted_sentence(client):
    body = client.get("/id/cooperation/sweden--payloads--change-4").get_data(as_text=True)
    (doc, anchor), *_ = sorted(evidence_links(body))
    page = client.get(doc).get_data(as_text=True)
    mark = re.search(rf'<mark id="{anchor}"[^>]*>(.*?)</mark>', page, re.S)
    assert mark is not None
    assert SENTENCE_PART in mark.group(1)


def test_every_evidence_link_on_partner_pages_has_its_marked_passage(client):
    backend = client.application.extensions["spacekg.backend"]
    partners = [
        row["p"].value
        for row in backend.results(
            """SELECT DISTINCT ?p WHERE {
                 ?f <https://w3id.org/china-space-kg/ontology#partner> ?p }"""
        )
    ]
    assert partners, "the build has no cooperation facts"
    documents: dict[str, str] = {}
    for iri in partners:
        path = iri.replace("https://w3id.org/china-space-kg", "")
        response = client.get(path)
        assert response.status_code == 200, path
        for doc, anchor in evidence_links(response.get_data(as_text=True)):
            if doc not in documents:
                documents[doc] = client.get(doc).get_data(as_text=True)
            assert f'id="{anchor}"' in documents[doc], (path, doc, anchor)


def test_a_mission_page_includes_the_facts_about_its_spacecraft(client):
    backend = client.application.extensions["spacekg.backend"]
    rows = list(
        backend.results(
            """PREFIX csk: <https://w3id.org/china-space-kg/ontology#>
               SELECT ?fact ?mission WHERE {
                 ?fact csk:spacecraft ?craft . ?craft csk:partOf ?mission }"""
        )
    )
    assert rows, "the build has no facts about spacecraft that are part of a mission"
    for row in rows:
        path = row["mission"].value.replace("https://w3id.org/china-space-kg", "")
        fact = row["fact"].value.replace("https://w3id.org/china-space-kg", "")
        assert f'href="{fact}"' in client.get(path).get_data(as_text=True)


def test_a_fact_stated_by_two_documents_names_its_partner_once(client):
    """The Netherlands' Chang'e-4 payload is in the 2016 and the 2021 white papers: one
    partner, two passages."""
    body = client.get("/id/mission/change-4").get_data(as_text=True)
    start = body.index("Cooperation with Netherlands: payloads")
    card = body[start : body.index("Cooperation with Saudi Arabia", start)]
    assert card.count('href="/id/country/netherlands"') == 1
    assert {doc for doc, _ in evidence_links(card)} == {
        "/documents/white-paper-2016",
        "/documents/white-paper-2021",
    }
