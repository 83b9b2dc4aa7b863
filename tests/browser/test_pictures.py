"""The pictures in a real browser (Debian's headless Chromium), over the real build: the
home page's map, network and timeline, a country's timeline and neighbourhood, and each
result view of the editor draw one element for every item of their data; a node opens its
page; the downloads are SVG and PNG; and no request leaves the host. Screenshots go to
test-artifacts/screenshots/."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from graph.saved_queries import load_queries
from server import pictures_data as pd

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
QUERIES = load_queries(ROOT / "queries")
ID = "https://w3id.org/china-space-kg/id/"
RUSSIA = ID + "country/russia"
TIMEOUT_MS = 30_000


def open_page(browser, outside: list[str], width: int = 1280):
    """A page that records every request for a host other than this one."""
    page = browser.new_page(viewport={"width": width, "height": 900}, accept_downloads=True)
    page.set_default_timeout(TIMEOUT_MS)
    errors: list[str] = []
    page.on(
        "request",
        lambda r: outside.append(r.url)
        if r.url.startswith(("http:", "https:", "ws:", "wss:"))
        and urlsplit(r.url).hostname != "127.0.0.1"
        else None,
    )
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.errors = errors  # type: ignore[attr-defined]
    return page


def drawn(page, selector: str) -> None:
    page.locator(selector).first.wait_for()


def attribute_set(page, selector: str, name: str) -> set[str]:
    script = f"els => els.map(e => e.getAttribute('{name}'))"
    return set(page.eval_on_selector_all(selector, script))


def test_home_page_draws_every_partner_fact_and_country(
    browser, live_server, backend, screenshots
):
    outside: list[str] = []
    page = open_page(browser, outside)
    page.goto(live_server + "/")
    for figure in ("partner-map", "partner-network", "facts-timeline"):
        drawn(page, f"#{figure}[data-drawn]")

    countries = pd.partner_countries(backend)
    network = pd.partner_network(backend)
    timeline = pd.timeline(backend)
    assert attribute_set(page, "#partner-map .map-country", "data-iso") == {
        c.iso2 for c in countries
    }
    assert attribute_set(page, "#partner-network .network-node", "data-id") == {
        n.iri for n in network.nodes
    }
    assert page.locator("#facts-timeline .timeline-item").count() == len(timeline)
    planned = sum(i.status == "planned" for i in timeline)
    hollow = page.locator("#facts-timeline .timeline-item[data-status=planned] .planned")
    assert hollow.count() == planned
    # a tooltip per country, naming it and its facts
    russia = page.locator('#partner-map .map-country[data-iso="RU"] title')
    assert re.match(r"Russia: \d+ facts", russia.text_content())

    page.screenshot(path=screenshots / "home-pictures.png", full_page=True)
    for figure in ("partner-map", "partner-network", "facts-timeline"):
        page.locator(f"#{figure}").screenshot(path=screenshots / f"home-{figure}.png")

    # a node opens its page
    page.locator(f'#partner-network .network-node[data-id="{RUSSIA}"]').click()
    page.wait_for_url("**/id/country/russia")
    assert not page.errors, page.errors
    assert not outside, f"the pages asked for outside resources: {outside}"
    page.close()


def test_pictures_download_as_svg_and_png(browser, live_server):
    outside: list[str] = []
    page = open_page(browser, outside)
    page.goto(live_server + "/")
    drawn(page, "#partner-map[data-drawn]")
    with page.expect_download() as svg:
        page.locator("#partner-map button[data-download=svg]").click()
    text = Path(svg.value.path()).read_text(encoding="utf-8")
    assert svg.value.suggested_filename == "partner-map.svg"
    assert text.startswith("<?xml") and "<svg" in text and 'data-iso="RU"' in text
    with page.expect_download() as png:
        page.locator("#partner-network button[data-download=png]").click()
    assert png.value.suggested_filename == "partner-network.png"
    assert Path(png.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not outside
    page.close()


def test_a_country_page_draws_its_timeline_and_neighbourhood(
    browser, live_server, backend, screenshots
):
    outside: list[str] = []
    page = open_page(browser, outside)
    page.goto(live_server + "/id/country/russia")
    drawn(page, "#timeline[data-drawn]")
    drawn(page, "#neighbourhood[data-drawn]")
    assert page.locator("#timeline .timeline-item").count() == len(pd.timeline(backend, RUSSIA))
    near = pd.neighbourhood(backend, RUSSIA, [])
    assert attribute_set(page, "#neighbourhood .network-node", "data-id") == {
        n.iri for n in near.nodes
    }
    assert page.locator("#neighbourhood .network-node.focus").count() == 1
    page.locator("section.pictures").screenshot(path=screenshots / "country-pictures.png")
    assert not page.errors, page.errors
    assert not outside, f"the page asked for outside resources: {outside}"
    page.close()


# --- the editor's result views ------------------------------------------------------------

DATE_TYPES = ("date", "dateTime", "gYear", "gYearMonth")


def is_date(term) -> bool:
    datatype = getattr(term, "datatype", None)
    if datatype is None:
        return False
    if datatype.value.rsplit("#", 1)[-1] in DATE_TYPES:
        return True
    plain = datatype.value.endswith("#string")
    return plain and bool(re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", term.value))


def columns(variables, rows, test: Callable) -> list[str]:
    out = []
    for v in variables:
        bound = [r[v] for r in rows if r[v] is not None]
        if bound and all(test(b) for b in bound):
            out.append(v)
    return out


def expected_marks(view: str, variables: list[str], rows: list) -> tuple[str, object]:
    """What the view must draw for this answer: (selector, count or set of values)."""
    if view == "map":
        (iso, *_) = columns(variables, rows, lambda t: bool(re.fullmatch(r"[A-Z]{2}", t.value)))
        return ".map-country", {r[iso].value for r in rows if r[iso] is not None}
    if view == "timeline":
        dates = columns(variables, rows, is_date)
        return ".timeline-item", sum(any(r[d] is not None for d in dates) for r in rows)
    iris = columns(variables, rows, lambda t: t.__class__.__name__ == "NamedNode")
    return ".network-node", {r[v].value for r in rows for v in iris if r[v] is not None}


def run_in_editor(page, url: str) -> None:
    page.goto(url)
    page.locator(".yasqe_queryButton").click()


def check_view(page, view: str, variables: list[str], rows: list) -> None:
    drawn(page, f".yasr-picture[data-view={view}][data-drawn]")
    assert page.evaluate(SELECTED) == view
    selector, expected = expected_marks(view, variables, rows)
    marks = page.locator(f".yasr {selector}")
    if isinstance(expected, set):
        attribute = "data-iso" if view == "map" else "data-id"
        assert attribute_set(page, f".yasr {selector}", attribute) == expected
    else:
        assert marks.count() == expected
    assert marks.count() > 0
    # a list beside the picture, and the YASR download button gives the SVG
    assert page.locator(".yasr .picture-table li").count() > 0


VIEW_QUERIES = sorted(name for name, q in QUERIES.items() if q.view and q.view != "table")


@pytest.mark.parametrize("name", VIEW_QUERIES)
def test_every_saved_query_with_a_view_answers_as_that_view(
    browser, live_server, backend, screenshots, name
):
    query = QUERIES[name]
    answer = backend.results(query.sparql, query.bind({}))
    variables = [v.value for v in answer.variables]
    rows = list(answer)
    del answer  # a pyoxigraph answer must not be dropped on the server's threads
    outside: list[str] = []
    page = open_page(browser, outside)
    run_in_editor(page, f"{live_server}/editor?saved={name}")
    check_view(page, query.view, variables, rows)
    page.locator(".yasr").screenshot(path=screenshots / f"editor-{query.view}-{name}.png")
    with page.expect_download() as download:
        page.locator(".yasr .yasr_downloadIcon").click()
    assert download.value.suggested_filename == f"{query.view}.svg"
    assert "<svg" in Path(download.value.path()).read_text(encoding="utf-8")
    assert not page.errors, page.errors
    assert not outside, f"the editor asked for outside resources: {outside}"
    page.close()


CSK = "https://w3id.org/china-space-kg/ontology#"
ADHOC = {
    "map": f"SELECT ?country ?iso WHERE {{ ?country <{CSK}iso3166Alpha2> ?iso }}",
    "timeline": "SELECT ?doc ?issued WHERE { ?doc <http://purl.org/dc/terms/issued> ?issued }",
    "network": f"SELECT ?fact ?partner WHERE {{ ?fact <{CSK}partner> ?partner }}",
}
SELECTED = "window.spacekgEditor.getTab().getYasr().getSelectedPluginName()"


@pytest.mark.parametrize("view", sorted(ADHOC))
def test_a_query_without_a_view_line_opens_in_the_view_its_columns_fit(
    browser, live_server, backend, view
):
    answer = backend.results(ADHOC[view])
    variables = [v.value for v in answer.variables]
    rows = list(answer)
    del answer  # a pyoxigraph answer must not be dropped on the server's threads
    outside: list[str] = []
    page = open_page(browser, outside)
    run_in_editor(page, f"{live_server}/editor?query={quote(ADHOC[view])}")
    check_view(page, view, variables, rows)
    assert not outside
    page.close()


def test_a_view_line_picks_the_table_over_a_fitting_picture(browser, live_server):
    outside: list[str] = []
    page = open_page(browser, outside)
    text = "#+ view: table\n" + ADHOC["map"]
    run_in_editor(page, f"{live_server}/editor?query={quote(text)}")
    page.locator(".yasr table.dataTable tbody tr").first.wait_for()
    assert page.evaluate(SELECTED) == "table"
    page.close()
