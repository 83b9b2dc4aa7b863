"""Search by name: case-, accent- and punctuation-insensitive, prefix and substring,
grouped by class."""

from __future__ import annotations

import json

import pytest
from test_pages_graph import ID, small_client

from server.search_index import CSK, Name, SearchIndex, normalise, rank


@pytest.fixture()
def client():
    return small_client()


def results(client, query: str, **params: str) -> dict[str, list[str]]:
    """Class label -> result labels, from the JSON answer."""
    response = client.get(
        "/search", query_string={"q": query, **params}, headers={"Accept": "application/json"}
    )
    assert response.status_code == 200
    return {
        g["label"]: [r["label"] for r in g["results"]] for g in json.loads(response.data)["groups"]
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chang’e-4", "chang e 4"),
        ("Côte d'Ivoire", "cote d ivoire"),
        ("  ESA  ", "esa"),
        ("TT&C", "tt c"),
    ],
)
def test_names_are_normalised_for_matching(text, expected):
    assert normalise(text) == expected


def test_better_matches_rank_first():
    assert rank("chang e 4", "chang e 4") == 0
    assert rank("chang", "chang e 4") == 1
    assert rank("space", "european space agency") == 2
    assert rank("pace", "european space agency") == 3
    assert rank("change4", "chang e 4") == 0
    assert rank("mars", "european space agency") is None


@pytest.mark.parametrize("query", ["Chang'e-4", "chang’e 4", "CHANGE-4", "change4", "chang"])
def test_the_mission_is_found_however_its_name_is_typed(client, query):
    found = results(client, query)
    assert found["mission"][0] == "Chang'e-4"


def test_results_are_grouped_by_class_entities_before_facts(client):
    found = results(client, "Chang'e-4")
    labels = list(found)
    assert labels.index("mission") < labels.index("cooperation")
    assert "Cooperation with Sweden: payloads on Chang'e-4" in found["cooperation"]


def test_accents_do_not_matter(client):
    assert results(client, "cote")["country"] == ["Côte d'Ivoire"]


def test_alternative_names_find_the_resource_and_say_which_name_matched(client):
    response = client.get("/search?q=esa", headers={"Accept": "application/json"})
    groups = json.loads(response.data)["groups"]
    hit = next(r for g in groups for r in g["results"] if r["iri"] == ID + "organisation/esa")
    assert hit["label"] == "European Space Agency"
    assert hit["matched"] == "ESA"


def test_substrings_inside_names_are_found(client):
    assert "European Space Agency" in results(client, "space agen")["organisation"]
    assert "Saudi Arabia" in results(client, "arab")["country"]


def test_an_empty_query_finds_nothing_but_a_class_lists_all_its_members(client):
    assert results(client, "") == {}
    countries = results(client, "", **{"class": CSK + "Country"})["country"]
    assert {"Sweden", "Germany", "Netherlands", "Saudi Arabia"} <= set(countries)


def test_queries_that_look_like_sparql_are_just_text(client):
    for query in ['"} ?s ?p ?o {"', "<script>", "\\", "%"]:
        response = client.get("/search", query_string={"q": query})
        assert response.status_code == 200
        assert b"<script>" not in response.data.split(b"<main", 1)[1]


def test_the_html_page_links_each_result_to_its_page(client):
    body = client.get("/search?q=sweden").get_data(as_text=True)
    assert 'href="/id/country/sweden"' in body
    total = sum(len(labels) for labels in results(client, "sweden").values())
    assert f"{total} results." in body


def test_no_result_says_so(client):
    body = client.get("/search?q=atlantis").get_data(as_text=True)
    assert "No resource has a name containing" in body


def test_the_index_keeps_one_hit_per_resource_with_its_best_name():
    names = [
        Name("x:1", "Queqiao", True, (CSK + "Spacecraft",)),
        Name("x:1", "Queqiao relay satellite", False, (CSK + "Spacecraft",)),
        Name("x:2", "Relay", True, ()),
    ]
    groups = SearchIndex(names, {CSK + "Spacecraft": "spacecraft"}).search("queqiao")
    assert [(g.class_label, [h.label for h in g.hits]) for g in groups] == [
        ("spacecraft", ["Queqiao"])
    ]
    assert groups[0].hits[0].matched is None
