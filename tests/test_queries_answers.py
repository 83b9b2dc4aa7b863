"""The answers of the saved queries on the real corpus, written from what the documents
say (not from what the queries returned). Every query file must have a test here: a new
``.rq`` without one fails ``test_every_saved_query_has_an_answer_test``.

Countries are recognised by their ISO code and organisations by their name, so the tests
do not depend on how the extractor spells an entity's key.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from graph.saved_queries import load_queries
from graph.saved_queries_run import run_saved

ROOT = Path(__file__).resolve().parent.parent
ID = "https://w3id.org/china-space-kg/id/"
DOC = ID + "document/"
WP16, WP21, N11, N23 = (
    DOC + "white-paper-2016",
    DOC + "white-paper-2021",
    DOC + "news-2011-cas-space-exchanges",
    DOC + "news-2023-spacedaily-open-cooperation",
)
ESA = ID + "organisation/european-space-agency"
TESTED: set[str] = set()


def answers(name: str) -> Callable:
    """Mark a test as the answer test of the saved query ``name``."""
    TESTED.add(name)
    return lambda test: test


def run(backend, query_name: str, /, **params: str) -> list[dict[str, str]]:
    query = load_queries(ROOT / "queries")[query_name]
    table = run_saved(backend, query, params)
    assert not table.truncated
    return [{k: v.value for k, v in row.items()} for row in table.rows]


def _iso(backend) -> dict[str, str]:
    """Country IRI -> ISO 3166 code, as the graph says."""
    rows = backend.results(
        "SELECT ?c ?iso WHERE { ?c <https://w3id.org/china-space-kg/ontology#iso3166Alpha2> ?iso }"
    )
    return {row["c"].value: row["iso"].value for row in rows}


def isos(backend, rows: list[dict[str, str]], column: str) -> set[str]:
    codes = _iso(backend)
    return {codes[row[column]] for row in rows if row.get(column) in codes}


def document_text(document_iri: str) -> str:
    """The corpus file of a document, as the evidence offsets index it."""
    import tomllib

    manifest = tomllib.loads((ROOT / "corpus" / "manifest.toml").read_text(encoding="utf-8"))
    for entry in manifest["document"]:
        if DOC + entry["id"] == document_iri:
            return (ROOT / "corpus" / entry["file"]).read_text(encoding="utf-8")
    raise AssertionError(f"no corpus file for {document_iri}")


def assert_quotes_are_in_their_files(rows: list[dict[str, str]]) -> None:
    for row in rows:
        text = document_text(row["document"])
        assert text[int(row["start"]) : int(row["end"])] == row["quote"]


def contains(rows: list[dict[str, str]], column: str, needle: str) -> bool:
    return any(needle.lower() in row.get(column, "").lower() for row in rows)


# --- missions --------------------------------------------------------------------------


@answers("countries-on-mission-payloads")
def test_change_4_payloads_came_from_germany_the_netherlands_saudi_arabia_and_sweden(backend):
    rows = run(backend, "countries-on-mission-payloads")
    assert {row["iso"] for row in rows} == {"DE", "NL", "SA", "SE"}
    assert_quotes_are_in_their_files(rows)
    for country in ("Germany", "Netherlands", "Saudi Arabia", "Sweden"):
        stated = [r for r in rows if r["countryLabel"].endswith(country)]
        assert stated, f"{country} has no evidence"
        assert any(country in r["quote"] and r["document"] == WP21 for r in stated)


@answers("countries-on-mission-payloads")
def test_tianwen_1_payloads_came_from_austria_and_france(backend):
    rows = run(backend, "countries-on-mission-payloads", mission=ID + "mission/tianwen-1")
    assert {row["iso"] for row in rows} == {"AT", "FR"}


@answers("mission-partners-and-areas")
def test_change_4_engineering_with_russia_and_esa_payloads_with_four_countries(backend):
    rows = run(backend, "mission-partners-and-areas")
    engineering = [r for r in rows if r["area"] == ID + "area/engineering-technology"]
    payloads = [r for r in rows if r["area"] == ID + "area/payloads"]
    assert isos(backend, engineering, "partner") == {"RU"}
    assert ESA in {r["partner"] for r in engineering}
    assert isos(backend, payloads, "partner") == {"DE", "NL", "SA", "SE"}


@answers("mission-partners-and-areas")
def test_tianwen_1_engineering_with_esa_payloads_with_austria_and_france(backend):
    rows = run(backend, "mission-partners-and-areas", mission=ID + "mission/tianwen-1")
    pairs = {(r["partner"], r["area"]) for r in rows}
    assert (ESA, ID + "area/engineering-technology") in pairs
    assert isos(backend, [r for r in rows if r["area"].endswith("/payloads")], "partner") == {
        "AT",
        "FR",
    }


@answers("partner-missions")
def test_esa_worked_on_change_4_tianwen_1_and_tiangong_2(backend):
    rows = run(backend, "partner-missions")
    labels = {r["missionLabel"] for r in rows}
    assert {"Chang'e-4", "Tianwen-1"} <= labels
    assert any("Tiangong-2" in label for label in labels)
    change_4 = next(r for r in rows if r["missionLabel"] == "Chang'e-4")
    assert "engineering technology" in change_4["areas"]


# --- agreements ------------------------------------------------------------------------


@answers("agreements-timeline")
def test_the_timeline_runs_from_the_russia_outline_to_the_2023_brazil_statement(backend):
    rows = run(backend, "agreements-timeline")
    russia_outline = [r for r in rows if r.get("validFrom") == "2013"]
    esa_outline = [r for r in rows if r.get("validFrom") == "2015"]
    assert russia_outline and russia_outline[0]["validUntil"] == "2017"
    assert "Russia" in russia_outline[0]["partners"]
    assert esa_outline and esa_outline[0]["validUntil"] == "2020"
    assert "European Space Agency" in esa_outline[0]["partners"]
    signed = [r["signedOn"] for r in rows if "signedOn" in r]
    assert "2021-03" in signed  # the lunar research station memorandum, to the month
    assert "2023-04-14" in signed  # the joint statement with Brazil, to the day
    order = [r["agreement"] for r in rows]
    lunar = next(r["agreement"] for r in rows if r.get("signedOn") == "2021-03")
    assert order.index(russia_outline[0]["agreement"]) < order.index(lunar)
    assert all(r.get("firstReported") for r in rows)


@answers("agreements-timeline")
def test_the_timeline_can_be_cut_to_a_period(backend):
    rows = run(backend, "agreements-timeline", since="2020", until="2022")
    assert "2021-03" in {r.get("signedOn") for r in rows}
    assert not [r for r in rows if r.get("validFrom") in ("2013", "2015")]
    assert "2023-04-14" not in {r.get("signedOn") for r in rows}


@answers("agreements-with-partner")
def test_russia_signed_the_2013_2017_outline_and_the_2021_lunar_station_memorandum(backend):
    rows = run(backend, "agreements-with-partner")
    assert {"2013"} <= {r.get("validFrom") for r in rows}
    assert "2021-03" in {r.get("signedOn") for r in rows}
    assert {WP16, N23} <= {r["document"] for r in rows}
    for row in rows:
        assert row["quote"] in document_text(row["document"])


@answers("agreements-with-partner")
def test_brazil_signed_the_cbers_04a_supplementary_agreement_and_a_2023_joint_statement(backend):
    rows = run(backend, "agreements-with-partner", partner=ID + "country/brazil")
    kinds = {r["kind"] for r in rows}
    assert {"supplementary agreement", "joint statement"} <= kinds
    assert contains(rows, "quote", "CBERS-04A")


# --- spacecraft, stations, organisations ---------------------------------------------------


@answers("spacecraft-for-other-countries")
def test_satellites_delivered_in_orbit_to_pakistan_venezuela_sudan_algeria_and_others(backend):
    rows = run(backend, "spacecraft-for-other-countries", activity="delivered")
    assert {r["activityLabel"] for r in rows} == {"delivered"}
    assert {"PK", "VE", "SD", "DZ", "NG", "BO", "LA", "BY"} <= isos(backend, rows, "partner")
    named = {r.get("spacecraft") for r in rows}
    delivered = ("prss-1", "vrss-2", "srss-1", "alcomsat-1")
    assert {ID + f"spacecraft/{key}" for key in delivered} <= named


@answers("spacecraft-for-other-countries")
def test_launches_for_turkey_and_joint_developments_with_brazil_france_and_italy(backend):
    launched = run(backend, "spacecraft-for-other-countries", activity="launched")
    assert {"TR", "EC", "PL", "LU"} <= isos(backend, launched, "partner")
    joint = run(backend, "spacecraft-for-other-countries", activity="jointly-developed")
    assert {"BR", "FR", "IT", "ET"} <= isos(backend, joint, "partner")
    everything = run(backend, "spacecraft-for-other-countries")
    assert len(everything) >= len(launched) + len(joint)


@answers("ground-stations")
def test_receiving_stations_with_bolivia_indonesia_namibia_thailand_and_south_africa(backend):
    rows = run(backend, "ground-stations")
    assert {"BO", "ID", "NA", "TH", "ZA"} <= isos(backend, rows, "partner")
    assert {WP21} <= {r["document"] for r in rows}


@answers("organisations-and-mechanisms")
def test_china_takes_part_in_apsco_the_disaster_charter_geo_iadc_and_icg(backend):
    rows = run(backend, "organisations-and-mechanisms")
    for name in (
        "Asia-Pacific Space Cooperation Organization",
        "International Charter on Space and Major Disasters",
        "Group on Earth Observations",
        "Inter-Agency Space Debris Coordination Committee",
        "International Committee on Global Navigation Satellite Systems",
    ):
        assert contains(rows, "organisationLabel", name), name
    charter = next(r for r in rows if "Major Disasters" in r["organisationLabel"])
    assert charter["documents"] == "3"  # 2011 news, 2016 and 2021 white papers


@answers("cooperation-totals")
def test_the_documents_count_43_then_46_then_136_cooperation_documents(backend):
    rows = run(backend, "cooperation-totals")
    by_document = {(r["document"], int(r["quantity"])) for r in rows}
    assert {(WP16, 43), (WP21, 46), (N23, 136)} <= by_document
    assert all(r["quote"] in document_text(r["document"]) for r in rows)


# --- areas and partners ------------------------------------------------------------------


@answers("cooperation-in-area")
def test_tt_and_c_partners_are_esa_argentina_namibia_and_pakistan(backend):
    rows = run(backend, "cooperation-in-area")
    assert {"AR", "NA", "PK"} <= isos(backend, rows, "partner")
    assert ESA in {r["partner"] for r in rows}


@answers("cooperation-in-area")
def test_satellite_navigation_partners_include_pakistan_saudi_arabia_and_thailand(backend):
    rows = run(backend, "cooperation-in-area", area=ID + "area/satellite-navigation")
    assert {"PK", "SA", "TH", "RU"} <= isos(backend, rows, "partner")


@answers("areas-and-missions")
def test_payloads_and_engineering_were_about_change_4_and_tianwen_1(backend):
    rows = {r["area"]: r for r in run(backend, "areas-and-missions")}
    for area in ("payloads", "engineering-technology"):
        missions = rows[ID + f"area/{area}"]["missions"]
        assert "Chang'e-4" in missions and "Tianwen-1" in missions
    assert int(rows[ID + "area/payloads"]["partners"]) >= 6
    planned = run(backend, "areas-and-missions", status="planned")
    assert {r["status"] for r in planned} == {"planned"}
    assert sum(int(r["cooperations"]) for r in planned) < sum(
        int(r["cooperations"]) for r in rows.values()
    )


@answers("top-partners")
def test_russia_and_esa_are_among_the_top_three_and_russia_is_in_all_four_documents(backend):
    rows = run(backend, "top-partners")
    top = [r["partner"] for r in rows[:3]]
    assert ESA in top
    assert "RU" in isos(backend, rows[:3], "partner")
    facts = [int(r["facts"]) for r in rows]
    assert facts == sorted(facts, reverse=True)
    russia = next(r for r in rows if _iso(backend).get(r["partner"]) == "RU")
    assert russia["documents"] == "4"
    assert int(russia["areas"]) >= 5 and int(russia["missions"]) >= 2
    assert "CN" not in isos(backend, rows, "partner")
    assert run(backend, "top-partners", minfacts="100000") == []


@answers("find-entity")
def test_esa_is_found_by_its_abbreviation(backend):
    rows = run(backend, "find-entity")
    assert ESA in {r["entity"] for r in rows if r["matched"] == "ESA"}
    assert all("esa" in r["matched"].lower() for r in rows)
    assert {r["kind"] for r in run(backend, "find-entity", name="chang'e")} == {"mission"}


# --- documents and evidence -----------------------------------------------------------------


@answers("evidence-for-partner")
def test_brazil_is_stated_by_the_2016_and_2021_white_papers_and_the_2023_article(backend):
    rows = run(backend, "evidence-for-partner")
    assert {r["document"] for r in rows} == {WP16, WP21, N23}
    assert_quotes_are_in_their_files(rows)
    assert contains(rows, "quote", "CBERS")


@answers("fact-evidence")
def test_swedens_payload_cooperation_is_one_sentence_of_the_2021_white_paper(backend):
    (row,) = run(backend, "fact-evidence")
    assert row["document"] == WP21
    assert "Sweden" in row["quote"] and "payloads" in row["quote"]
    assert "State Council Information Office" in row["publisher"]
    assert_quotes_are_in_their_files([row])


@answers("document-contributions")
def test_the_stemmed_copy_contributes_nothing_and_the_white_papers_most(backend):
    rows = {r["document"]: r for r in run(backend, "document-contributions")}
    copy = rows[DOC + "white-paper-2021-stemmed"]
    assert copy["alternateOf"] == WP21
    assert copy["facts"] == "0"
    for doc in (WP16, WP21, N11, N23):
        assert int(rows[doc]["facts"]) > 0
        assert int(rows[doc]["onlyHere"]) <= int(rows[doc]["facts"])
    assert int(rows[WP21]["facts"]) > int(rows[N11]["facts"])
    assert int(rows[WP16]["facts"]) > int(rows[N11]["facts"])


@answers("facts-in-several-documents")
def test_the_disaster_charter_and_the_dutch_change_4_payload_are_stated_twice_or_more(backend):
    rows = run(backend, "facts-in-several-documents")
    assert all(int(r["documentCount"]) >= 2 for r in rows)
    charter = [r for r in rows if "Major Disasters" in r["factLabel"]]
    assert charter and charter[0]["documentCount"] == "3"
    dutch = [r for r in rows if "Netherlands" in r["factLabel"] and "payloads" in r["factLabel"]]
    assert dutch and set(dutch[0]["documents"].split()) == {WP16, WP21}
    three = run(backend, "facts-in-several-documents", mindocs="3")
    assert {r["fact"] for r in three} < {r["fact"] for r in rows}


@answers("partners-new-in-later-document")
def test_sweden_saudi_arabia_austria_and_namibia_are_new_in_2021(backend):
    rows = run(backend, "partners-new-in-later-document")
    new = isos(backend, rows, "partner")
    assert {"SE", "SA", "AT", "NA", "PK"} <= new
    assert not new & {"RU", "BR", "FR", "DE", "NL", "IT", "US"}
    assert ESA not in {r["partner"] for r in rows}
    for row in rows:
        assert row["example"] in document_text(WP21)


@answers("partners-new-in-later-document")
def test_kazakhstan_and_belgium_appear_in_2016_but_not_in_2021(backend):
    rows = run(backend, "partners-new-in-later-document", earlier=WP21, later=WP16)
    assert {"KZ", "BE"} <= isos(backend, rows, "partner")
    assert "RU" not in isos(backend, rows, "partner")


@answers("plans-and-follow-up")
def test_2016_plans_with_esa_and_the_netherlands_are_reported_done_in_2021(backend):
    rows = run(backend, "plans-and-follow-up")
    for plan, word in (
        (ID + "cooperation/european-space-agency--tt-c", "TT&C"),
        (ID + "cooperation/netherlands--payloads--change-4", "Netherlands"),
    ):
        followed = [r for r in rows if r["plan"] == plan]
        assert followed, f"{plan} is not a 2016 plan"
        done = [r for r in followed if r.get("match") == "the same fact"]
        assert any(r["followUpStatus"] == "achieved" and word in r["followUpQuote"] for r in done)
    for row in rows:
        assert row["planQuote"] in document_text(WP16)
        if "followUpQuote" in row:
            assert row["followUpQuote"] in document_text(WP21)


@answers("plans-and-follow-up")
def test_a_2016_plan_the_2021_paper_is_silent_about_has_no_follow_up(backend):
    rows = run(backend, "plans-and-follow-up")
    kazakhstan = [r for r in rows if "Kazakhstan" in r["planLabel"]]
    assert kazakhstan and not any("followUp" in r for r in kazakhstan)


# --- the rule -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted((ROOT / "queries").glob("*.rq")), ids=lambda p: p.stem)
def test_every_saved_query_has_an_answer_test(path):
    assert path.stem in TESTED, f"write an answer test for queries/{path.name} in {__file__}"


@pytest.mark.parametrize("path", sorted((ROOT / "queries").glob("*.rq")), ids=lambda p: p.stem)
def test_every_saved_query_runs_on_the_built_graph_with_its_defaults_and_examples(path, backend):
    query = load_queries(ROOT / "queries")[path.stem]
    run(backend, path.stem)
    for param in query.parameters:
        if param.example:
            run_saved(backend, query, {param.name: param.example})
