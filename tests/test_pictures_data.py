"""The data the pictures draw, over the real build: every fact is placed in time by the
rule the captions state, the network and the map count what SPARQL counts, and the pages
and JSON answers carry them with a table beside each picture."""

from __future__ import annotations

import json
import re

import html5lib
import pytest
from test_pages_graph import small_client

from server import pictures_data as pd

ID = "https://w3id.org/china-space-kg/id/"
RUSSIA = ID + "country/russia"
PREFIXES = """PREFIX csk: <https://w3id.org/china-space-kg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""


def count(backend, body: str) -> int:
    (row,) = list(backend.results(PREFIXES + body))
    return int(row["n"].value)


def test_every_fact_is_on_the_timeline_once(backend):
    items = pd.timeline(backend)
    assert len({i.iri for i in items}) == len(items)
    assert len(items) == count(
        backend, "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f csk:status ?st }"
    )


def test_agreements_keep_the_precision_the_text_gives(backend):
    items = {i.iri: i for i in pd.timeline(backend)}
    rows = backend.results(PREFIXES + "SELECT ?a ?d WHERE { ?a csk:signedOn ?d }")
    signed = {row["a"].value: row["d"].value for row in rows}
    assert signed, "the build has agreements with a date of signing"
    for iri, date in signed.items():
        assert (items[iri].start, items[iri].basis, items[iri].end) == (date, "signed", None)
    assert any(re.fullmatch(r"\d{4}-\d{2}", d) for d in signed.values()), "a month alone"


def test_a_validity_period_is_a_range():
    # the small graph's outline covers 2013-2017 whatever the extractor finds today
    backend = small_client().application.extensions["spacekg.backend"]
    outline = next(i for i in pd.timeline(backend) if i.label.startswith("Outline"))
    assert (outline.basis, outline.start, outline.end, outline.when) == (
        "valid", "2013", "2017", "2013–2017"
    )


def test_other_facts_are_dated_by_the_first_document_that_reports_them(backend):
    items = [i for i in pd.timeline(backend) if i.basis == "reported"]
    issued = {
        row["f"].value: row["d"].value
        for row in backend.results(
            PREFIXES + "SELECT ?f (MIN(STR(?i)) AS ?d) WHERE "
            "{ ?f csk:status ?st ; prov:wasDerivedFrom/dcterms:issued ?i } GROUP BY ?f"
        )
    }
    assert items
    for item in items:
        assert item.start == issued[item.iri], item.label


def test_planned_and_achieved_facts_are_told_apart(backend):
    items = pd.timeline(backend)
    planned = count(
        backend,
        "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE "
        "{ ?f csk:status <https://w3id.org/china-space-kg/id/status/planned> }",
    )
    assert planned > 0
    assert sum(i.status == "planned" for i in items) == planned
    assert {i.status for i in items} == {"planned", "achieved"}


def test_a_country_timeline_is_its_facts(backend):
    items = pd.timeline(backend, RUSSIA)
    assert items
    assert all("Russia" in i.partners for i in items)
    assert len(items) == count(
        backend,
        f"SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE {{ ?f csk:status ?st ; ?role <{RUSSIA}> }}",
    )


def test_the_network_links_china_to_each_partner_with_its_facts(backend):
    network = pd.partner_network(backend)
    nodes = {n.iri: n for n in network.nodes}
    assert nodes[pd.CHINA].kind == "country"
    assert {n.kind for n in network.nodes} >= {"country", "organisation", "mission"}
    russia = next(e for e in network.edges if e.source == pd.CHINA and e.target == RUSSIA)
    facts = count(
        backend,
        "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { VALUES ?r { csk:partner csk:party "
        f"csk:organisation }} ?f csk:status ?st ; ?r <{RUSSIA}> }}",
    )
    assert russia.facts == facts == nodes[RUSSIA].facts
    change4 = ID + "mission/change-4"
    assert (RUSSIA, change4) in {(e.source, e.target) for e in network.edges}
    # every edge joins two drawn nodes; no node is alone
    ends = {x for e in network.edges for x in (e.source, e.target)}
    assert ends == set(nodes)


def test_a_partner_neighbourhood_is_its_part_of_the_network(backend):
    near = pd.neighbourhood(backend, RUSSIA, [])
    labels = {n.label for n in near.nodes}
    assert near.focus == RUSSIA
    assert {"Russia", "China", "Chang'e-4"} <= labels
    # Russia's links, and China's links to Russia's neighbours (partners of its missions)
    assert all(
        RUSSIA in (e.source, e.target) or pd.CHINA in (e.source, e.target) for e in near.edges
    )
    ids = {n.iri for n in near.nodes}
    assert all(e.source in ids and e.target in ids for e in near.edges)


def test_other_resources_get_the_resources_they_link(backend):
    area = ID + "area/payloads"
    links = [("area", ID + "cooperation/sweden--payloads--change-4", area)]
    near = pd.neighbourhood(backend, area, links)
    assert {n.iri for n in near.nodes} == {area, ID + "cooperation/sweden--payloads--change-4"}
    assert near.edges[0].label == "area"


def test_the_map_counts_each_partner_country_and_leaves_china_out(backend):
    countries = {c.iso2: c for c in pd.partner_countries(backend)}
    assert "CN" not in countries
    assert countries["RU"].numeric == "643"
    assert countries["RU"].facts == count(
        backend,
        f"SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE {{ VALUES ?r {{ csk:partner csk:party }} "
        f"?f csk:status ?st ; ?r <{RUSSIA}> }}",
    )
    assert sum(n for _, n in countries["RU"].by_kind) == countries["RU"].facts
    assert all(c.numeric for c in countries.values())


@pytest.mark.parametrize(("code", "numeric"), [("SE", "752"), ("se", "752"), ("XK", None)])
def test_iso_numeric_codes(code, numeric):
    assert pd.iso_numeric(code) == numeric


def embedded(page: bytes, element_id: str):
    match = re.search(rf'<script type="application/json" id="{element_id}">(.*?)</script>',
                      page.decode(), re.S)
    assert match, element_id
    return json.loads(match.group(1))


def table_rows(page: bytes, figure_id: str) -> int:
    document = html5lib.parse(page, namespaceHTMLElements=False)
    figure = document.find(f".//figure[@id='{figure_id}']")
    return len(figure.findall(".//tbody/tr"))


def test_the_home_page_carries_the_pictures_and_a_table_beside_each(client, backend):
    page = client.get("/").data
    timeline = embedded(page, "facts-timeline-data")
    network = embedded(page, "partner-network-data")
    countries = embedded(page, "partner-map-data")
    assert len(timeline) == len(pd.timeline(backend)) == table_rows(page, "facts-timeline")
    assert len(network["nodes"]) == table_rows(page, "partner-network")
    assert len(countries) == table_rows(page, "partner-map") == len(pd.partner_countries(backend))
    assert b"vendor/d3/d3.min.js" in page and b"pictures-page.js" in page


def test_a_country_page_has_its_timeline_and_neighbourhood(client):
    page = client.get("/id/country/russia").data
    assert embedded(page, "timeline-data")
    near = embedded(page, "neighbourhood-data")
    assert near["focus"] == RUSSIA
    assert table_rows(page, "neighbourhood") == len(near["nodes"])


def test_the_json_answers(client):
    timeline = client.get("/pictures/timeline.json", query_string={"about": RUSSIA}).get_json()
    assert timeline and all("Russia" in i["partners"] for i in timeline)
    network = client.get("/pictures/network.json", query_string={"about": RUSSIA}).get_json()
    assert network["focus"] == RUSSIA and len(network["nodes"]) > 2
    area = client.get("/pictures/network.json", query_string={"about": ID + "area/payloads"})
    assert any(n["kind"] == "cooperation" for n in area.get_json()["nodes"])
    assert client.get("/pictures/countries.json").get_json()[0]["iso2"] == "RU"
    assert client.get("/pictures/iso-codes.json").get_json()["SE"]["numeric"] == "752"


def test_a_bad_about_is_a_one_line_400(client):
    response = client.get(
        "/pictures/network.json?about=not%20an%20iri", headers={"Accept": "text/plain"}
    )
    assert response.status_code == 400
    text = response.get_data(as_text=True)
    assert "'about' must be an absolute IRI" in text and "Traceback" not in text
