"""Every template's output parses as HTML without a single error (html5lib, strict), over
the small test graph and over the real build."""

from __future__ import annotations

import pytest
from test_pages_graph import CHANGE4, assert_valid_html, offsets, small_client

START, END = offsets("white-paper-2021", CHANGE4)
SMALL_GRAPH_PAGES = [
    "/",
    "/editor",
    "/editor?saved=countries-on-mission-payloads",
    "/editor?saved=no-such-query",
    "/editor?query=SELECT%20*%20WHERE%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D",
    "/search",
    "/search?q=chang",
    "/search?q=atlantis",
    "/search?class=https%3A%2F%2Fw3id.org%2Fchina-space-kg%2Fontology%23Country",
    "/documents/",
    "/documents/white-paper-2021",
    "/documents/white-paper-2021-stemmed",
    "/id/mission/change-4",
    "/id/spacecraft/queqiao",
    "/id/country/russia",
    "/id/organisation/esa",
    "/id/cooperation/sweden--payloads--change-4",
    "/id/agreement/outline-of-china-russia-space-cooperation-2013-2017",
    f"/id/evidence/white-paper-2021/{START}-{END}",
    "/id/area/payloads",
    "/id/country/atlantis",
    "/no/such/page",
]


@pytest.mark.parametrize("url", SMALL_GRAPH_PAGES)
def test_small_graph_pages_are_valid_html(url):
    response = small_client().get(url)
    assert response.mimetype == "text/html"
    assert_valid_html(response.data)


def real_pages(client) -> list[str]:
    """The home page, every document and up to three resources of every other class."""
    from server.resources_links import href

    backend = client.application.extensions["spacekg.backend"]
    rows = backend.results(
        """SELECT ?class (GROUP_CONCAT(STR(?s); SEPARATOR=" ") AS ?members) WHERE {
             ?s a ?class FILTER(STRSTARTS(STR(?s), "https://w3id.org/china-space-kg/id/"))
           } GROUP BY ?class"""
    )
    pages = ["/", "/documents/", "/editor", "/search?q=china"]
    for row in rows:
        members = sorted(row["members"].value.split())
        every = row["class"].value.endswith("#SourceDocument")
        pages += [href(iri) for iri in (members if every else members[:3])]
    return sorted(set(pages))


def test_real_build_pages_are_valid_html(client):
    for url in real_pages(client):
        response = client.get(url)
        assert response.status_code == 200, url
        try:
            assert_valid_html(response.data)
        except Exception as exc:  # name the page in the failure
            raise AssertionError(f"{url}: {exc}") from exc


@pytest.mark.parametrize(
    "url",
    [
        "/nope%00x",
        "/search?q=%00%01",
        "/editor?query=%00SELECT%0A*",
        "/editor?saved=%00",
        "/search?class=%00",
        "/id/%00",
        "/documents/%00",
    ],
)
def test_control_characters_in_a_request_do_not_reach_the_html(url):
    assert_valid_html(small_client().get(url).data)
