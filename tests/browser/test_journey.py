"""A researcher's journey in a real browser (Debian's headless Chromium via Playwright),
against a live server over the real build: home page, search for Chang'e-4, the mission
page, an evidence link to its highlighted sentence, then the editor running the saved
payload query. Screenshots of each page are written to test-artifacts/screenshots/."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

PAYLOAD_COUNTRIES = ("Germany", "Netherlands", "Saudi Arabia", "Sweden")
SENTENCE_PART = "with Sweden, Germany, the Netherlands and Saudi Arabia on payloads"
TIMEOUT_MS = 30_000


def test_researcher_journey(browser, live_server, screenshots, capsys):
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(TIMEOUT_MS)
    outside: list[str] = []
    page.on(
        "request",
        lambda r: (
            outside.append(r.url)
            if urlsplit(r.url).hostname not in ("127.0.0.1", None) and r.url.startswith("http")
            else None
        ),
    )

    # Home page, then a search from the box every page has.
    page.goto(live_server + "/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.screenshot(path=screenshots / "home.png", full_page=True)
    page.get_by_label("Search names").fill("Chang'e-4")
    page.get_by_label("Search names").press("Enter")
    page.wait_for_url("**/search?q=*")

    # The mission is listed under its class; follow it.
    missions = page.locator("section.result-group").filter(
        has=page.get_by_role("heading", name="mission")
    )
    missions.get_by_role("link", name="Chang'e-4", exact=True).click()
    page.wait_for_url("**/id/mission/change-4")
    expect(page.get_by_role("heading", level=1)).to_have_text("Chang'e-4")
    page.screenshot(path=screenshots / "resource.png", full_page=True)

    # Sweden's payload cooperation, and the passage that states it.
    sweden = page.locator("li.fact").filter(has_text="Cooperation with Sweden: payloads")
    sweden.locator("a.passage-link").first.click()
    page.wait_for_url("**/documents/*#evidence-*")
    marked = page.locator("mark.evidence:target")
    expect(marked).to_have_count(1)
    expect(marked).to_contain_text(SENTENCE_PART)
    expect(marked).to_be_in_viewport()
    page.screenshot(path=screenshots / "document.png")

    # The editor, the saved payload query with one click, run, and its results table.
    page.get_by_role("link", name="SPARQL editor").click()
    page.wait_for_url("**/editor")
    page.locator('a[data-query-name="countries-on-mission-payloads"]').click()
    page.wait_for_url("**/editor?saved=countries-on-mission-payloads")
    page.locator(".yasqe_queryButton").click()
    # the query opens as a map ("#+ view: map"); the table is one click away
    page.locator(".yasr-picture[data-view=map][data-drawn]").wait_for()
    page.locator(".yasr button.select_table").click()
    table = page.locator(".yasr table.dataTable")
    expect(table.locator("tbody tr").first).to_be_visible()
    for country in PAYLOAD_COUNTRIES:
        expect(table).to_contain_text(country)
    expect(table.locator('a[href="/id/country/sweden"]').first).to_be_visible()
    page.screenshot(path=screenshots / "editor.png", full_page=True)

    assert not outside, f"the pages asked for outside resources: {outside}"
    with capsys.disabled():
        print(f"\nscreenshots written to {screenshots}")
    page.close()


def test_share_link_reopens_the_query(browser, live_server):
    page = browser.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(live_server + "/editor?saved=countries-on-mission-payloads")
    page.get_by_role("button", name="Make share link").click()
    link = page.get_by_label("Share link for this query").input_value()
    assert link.startswith(live_server + "/editor?query=")
    page.goto(link)
    editor_text = page.evaluate("window.spacekgEditor.getTab().getQuery()")
    assert "csk:Cooperation" in editor_text and "change-4" in editor_text
    page.close()


@pytest.mark.parametrize(
    "path", ["/", "/id/mission/change-4", "/documents/white-paper-2021", "/search?q=china"]
)
def test_pages_fit_a_phone_screen(browser, live_server, screenshots, path):
    """Nothing wider than a 390 px phone screen, so no sideways scrolling."""
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(live_server + path)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{path} is {overflow} px wider than the screen"
    if path == "/id/mission/change-4":
        page.screenshot(path=screenshots / "resource-phone.png")
    page.close()


def test_editor_completes_this_graphs_prefixes_without_outside_requests(browser, live_server):
    page = browser.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    outside: list[str] = []
    page.on(
        "request",
        lambda r: outside.append(r.url)
        if r.url.startswith("http") and urlsplit(r.url).hostname != "127.0.0.1"
        else None,
    )
    page.goto(live_server + "/editor?query=%0A")
    page.locator(".CodeMirror").click()
    page.keyboard.type("PREFIX cs")
    hints = page.locator(".CodeMirror-hints")
    expect_hint = "csk: <https://w3id.org/china-space-kg/ontology#>"
    hints.get_by_text(expect_hint).wait_for()
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    # a prefixed name whose prefix is not declared yet gets its PREFIX line added
    page.keyboard.type("SELECT * WHERE { ?s a skos:Concept ; rdfs:label ?l }")
    page.wait_for_timeout(1000)
    query = page.evaluate("window.spacekgEditor.getTab().getQuery()")
    assert "PREFIX csk: <https://w3id.org/china-space-kg/ontology#>" in query
    assert "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>" in query
    assert not outside, f"the editor asked for outside resources: {outside}"
    page.close()
