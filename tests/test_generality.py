"""The extractor reads grammar, not the corpus's sentences: new documents in the same
registers (a white paper extracted from a PDF, a news page with its chrome), whose
sentences appear nowhere in the corpus, go through the whole build and yield their
facts with exact evidence."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph import pipeline
from graph.model import (
    Agreement,
    Cooperation,
    CooperationTotal,
    EntityKind,
    GroundStation,
    Participation,
    SpacecraftActivity,
    Status,
)

FIXTURES = Path(__file__).parent / "fixtures" / "generality"
MANIFEST_ENTRIES = """
[[document]]
file = "2040-signed-documents-table.txt"
id = "test-documents-table-2040"
title = "A table of documents whose caption names the Chinese signer"
publisher = "Test"
issued = "2032"
kind = "white-paper"
[[document]]
file = "2039-encyclopedia-page.txt"
id = "test-encyclopedia-2039"
title = "An encyclopedia page with an infobox, contents, citation marks and a coded table"
publisher = "Test"
issued = "2031-01-04"
kind = "news-article"
[[document]]
file = "2038-ground-segment.txt"
id = "test-stations-2038"
title = "Ground stations named in several word orders"
publisher = "Test"
issued = "2038"
kind = "white-paper"
[[document]]
file = "2037-policy-brief-footnotes.txt"
id = "test-brief-2037"
title = "A policy brief with footnote numbers after its sentences"
publisher = "Test"
issued = "2037"
kind = "white-paper"
[[document]]
file = "2036-wire-briefs.txt"
id = "test-wire-2036"
title = "Wire briefs with datelines"
publisher = "Test"
issued = "2036-03-05"
kind = "news-article"

[[document]]
file = "2036-interview-minutes-pdf.txt"
id = "test-mixed-2036"
title = "An interview, committee minutes and a PDF page with running headers"
publisher = "Test"
issued = "2036"
kind = "white-paper"
[[document]]
file = "2035-chronology-register.txt"
id = "test-chronology-2035"
title = "A chronology with one dated entry per line"
publisher = "Test"
issued = "2035"
kind = "white-paper"
[[document]]
file = "2034-fact-sheet-open-world.txt"
id = "test-fact-sheet-2034"
title = "A fact sheet naming spacecraft and bodies that the reference data does not hold"
publisher = "Test"
issued = "2034"
kind = "white-paper"
[[document]]
file = "2033-white-paper-clean-register.txt"
id = "test-white-paper-2033"
title = "A clean-text white paper written for the generality test"
publisher = "Test"
issued = "2033"
kind = "white-paper"

[[document]]
file = "2032-news-register-second.txt"
id = "test-news-2032"
title = "A second news page written for the generality test"
publisher = "Test"
issued = "2032-06-06"
kind = "news-article"

[[document]]
file = "2031-white-paper-register.txt"
id = "test-white-paper-2031"
title = "A white paper written for the generality test"
publisher = "Test"
issued = "2031-12"
kind = "white-paper"

[[document]]
file = "2031-news-register.txt"
id = "test-news-2031"
title = "A news page written for the generality test"
publisher = "Test"
issued = "2031-03-03"
kind = "news-article"
"""


@pytest.fixture(scope="module")
def new_build(tmp_path_factory, project_paths):
    from dataclasses import replace

    root = tmp_path_factory.mktemp("generality")
    corpus = root / "corpus"
    shutil.copytree(project_paths.corpus, corpus)
    for path in FIXTURES.glob("*.txt"):
        shutil.copy(path, corpus / path.name)
    with (corpus / "manifest.toml").open("a", encoding="utf-8") as manifest:
        manifest.write(MANIFEST_ENTRIES)
    paths = replace(project_paths, corpus=corpus, store=root / "store")
    result = pipeline.build(paths)
    texts = {p.name: p.read_text(encoding="utf-8") for p in FIXTURES.glob("*.txt")}
    by_doc = {
        "test-white-paper-2031": texts["2031-white-paper-register.txt"],
        "test-news-2031": texts["2031-news-register.txt"],
        "test-news-2032": texts["2032-news-register-second.txt"],
        "test-white-paper-2033": texts["2033-white-paper-clean-register.txt"],
        "test-fact-sheet-2034": texts["2034-fact-sheet-open-world.txt"],
        "test-chronology-2035": texts["2035-chronology-register.txt"],
        "test-wire-2036": texts["2036-wire-briefs.txt"],
        "test-mixed-2036": texts["2036-interview-minutes-pdf.txt"],
        "test-brief-2037": texts["2037-policy-brief-footnotes.txt"],
        "test-stations-2038": texts["2038-ground-segment.txt"],
        "test-encyclopedia-2039": texts["2039-encyclopedia-page.txt"],
        "test-documents-table-2040": texts["2040-signed-documents-table.txt"],
    }
    return result, by_doc


@pytest.fixture(scope="module")
def new_facts(new_build):
    result, by_doc = new_build
    new = [f for f in result.extraction.facts if any(e.doc_id in by_doc for e in f.evidence)]
    return new, by_doc


@pytest.fixture(scope="module")
def new_entities(new_build):
    return {e.key: e for e in new_build[0].extraction.entities}


def _find(facts, kind, **fields):
    return [
        f
        for f in facts
        if isinstance(f, kind) and all(getattr(f, k) == v for k, v in fields.items())
    ]


def test_every_new_fact_quotes_its_file_exactly(new_facts):
    facts, texts = new_facts
    assert facts
    for fact in facts:
        for ev in fact.evidence:
            if ev.doc_id in texts:
                assert texts[ev.doc_id][ev.start : ev.end] == ev.exact


def test_roles_in_a_new_mission_sentence_stay_apart(new_facts):
    facts, _ = new_facts
    payloads = {
        f.partner
        for f in _find(facts, Cooperation, area="payloads", mission="change-7")
        if any(e.doc_id == "test-white-paper-2031" for e in f.evidence)
    }
    assert payloads == {"egypt", "bahrain"}
    assert _find(facts, Cooperation, partner="thailand", area="tt-c", mission="change-7")
    assert not _find(facts, Cooperation, partner="thailand", area="payloads")
    [fact] = _find(facts, Cooperation, partner="egypt", area="payloads")
    exact = next(e.exact for e in fact.evidence if e.doc_id == "test-white-paper-2031")
    assert "pay-\n\nloads" in exact  # the quote spans the PDF's hyphenated line break


def test_a_titled_outline_with_its_period_and_the_two_countries(new_facts):
    facts, _ = new_facts
    [outline] = _find(facts, Agreement, agreement_kind="outline", parties=("china", "pakistan"))
    assert (outline.valid_from, outline.valid_until) == (2026, 2030)
    assert outline.title.startswith("Outline of China-Pakistan Space Cooperation")
    areas = {f.area for f in _find(facts, Cooperation, partner="pakistan")}
    assert {"satellite-navigation", "space-science"} <= areas


def test_stations_deliveries_participation_and_totals(new_facts):
    facts, _ = new_facts
    stations = [f for f in facts if isinstance(f, GroundStation)]
    in_white_paper = {
        f.partner for f in stations if any(e.doc_id == "test-white-paper-2031" for e in f.evidence)
    }
    assert in_white_paper == {"kenya", "chile"}
    delivered = _find(facts, SpacecraftActivity, activity="delivered")
    in_2031 = [f for f in delivered if any(e.doc_id.endswith("2031") for e in f.evidence)]
    assert {f.partner for f in in_2031} == {"nigeria", "bolivia"}
    assert _find(facts, Participation, organisation="world-meteorological-organization")
    totals = {f.quantity for f in facts if isinstance(f, CooperationTotal)}
    assert {31, 12, 3} <= totals
    assert 17 not in totals  # the page number between two bullets


def test_plans_are_recorded_as_plans(new_facts):
    facts, _ = new_facts
    weather = _find(facts, Cooperation, area="space-weather")
    assert {f.partner for f in weather} >= {"mongolia", "south-africa"}
    weather = [f for f in weather if f.partner in ("mongolia", "south-africa")]
    assert all(f.status is Status.PLANNED for f in weather)
    [joint] = _find(facts, SpacecraftActivity, activity="jointly-developed", partner="chile")
    assert joint.status is Status.PLANNED


def test_a_news_date_without_a_year_takes_the_article_year(new_facts):
    facts, _ = new_facts
    [mou] = _find(facts, Agreement, parties=("chile", "china"))
    assert mou.agreement_kind == "memorandum-of-understanding"
    assert mou.signed_on == "2031-02-27"


def test_nothing_from_the_news_page_chrome(new_facts):
    facts, _texts = new_facts
    news = [f for f in facts if any(e.doc_id == "test-news-2031" for e in f.evidence)]
    assert news
    for fact in news:
        for ev in fact.evidence:
            assert "Related" not in ev.exact and "Northrop" not in ev.exact
    assert not _find(facts, Agreement, parties=("china", "russia"))
    launch = {f.partner for f in _find(facts, Cooperation, area="launch-services")}
    assert launch == {"oman", "kenya"}


def test_a_wire_story_with_a_dateline(new_facts):
    facts, _ = new_facts
    [agreement] = _find(facts, Agreement, parties=("china", "egypt"))
    assert agreement.subject == "joint development of a remote sensing satellite"
    [joint] = _find(facts, SpacecraftActivity, partner="egypt", activity="jointly-developed")
    assert joint.status is Status.PLANNED  # agreed, not yet done
    tt_c = _find(facts, Cooperation, partner="european-space-agency", area="tt-c")
    assert any(e.doc_id == "test-news-2032" for f in tt_c for e in f.evidence)
    assert _find(facts, GroundStation, partner="argentina")
    assert not _find(facts, GroundStation, partner="neuquen")


def test_what_others_did_and_what_china_did_not_do_are_not_facts(new_facts):
    facts, _ = new_facts
    assert not _find(facts, Agreement, parties=("china", "japan"))
    assert not _find(facts, Agreement, parties=("china", "india", "japan"))
    assert not _find(facts, Cooperation, partner="mongolia", area="space-technology")


def test_partners_introduced_before_the_subject(new_facts):
    facts, _ = new_facts
    assert _find(facts, Cooperation, partner="ghana", area="earth-observation-applications")
    navigation = {f.partner for f in _find(facts, Cooperation, area="satellite-navigation")}
    assert {"peru", "ecuador"} <= navigation
    [joint] = _find(facts, SpacecraftActivity, partner="morocco", activity="jointly-developed")
    assert joint.spacecraft == "atlas-7"  # a designator: a spacecraft, though not curated
    [agreement] = _find(facts, Agreement, parties=("china", "tunisia"))
    assert agreement.signed_on == "2032-10"
    assert not _find(facts, Cooperation, partner="iceland")


# --- names the reference data does not hold, and roles only the parse shows ----------


def test_new_names_become_resources_of_the_class_their_form_gives(new_build, new_entities):
    entities = new_entities
    assert entities["xuanwu-3"].kind is EntityKind.MISSION  # "mission" and "programme" win
    assert entities["tarim-5b"].kind is EntityKind.SPACECRAFT
    assert entities["hellenic-space-center"].kind is EntityKind.ORGANISATION
    assert entities["kyrgyz-space-agency"].kind is EntityKind.ORGANISATION
    telescope = entities["qilin-solar-telescope"]
    assert telescope.kind is EntityKind.SPACECRAFT and telescope.alt_labels == ("QST",)
    for entity in (entities["xuanwu-3"], telescope):
        assert entity.discovered
        [first] = entity.evidence
        assert first.doc_id == "test-fact-sheet-2034" and entity.label in first.exact
    assert not entities["china"].discovered
    assert "Xuanwu-3" not in {u.text for u in new_build[0].extraction.unknown_names}


def test_payloads_from_a_list_of_partners_on_a_new_probe(new_facts):
    facts, _ = new_facts
    payloads = {f.partner for f in _find(facts, Cooperation, area="payloads", mission="xuanwu-3")}
    assert {"portugal", "greece", "hellenic-space-center"} <= payloads
    assert all(
        f.status is Status.PLANNED
        for f in _find(facts, Cooperation, mission="xuanwu-3", partner="portugal")
    )


def test_fact_sheet_lines_take_their_lead_in_mission_and_area(new_facts):
    facts, _ = new_facts
    listed = _find(facts, Cooperation, area="payloads", mission="xuanwu-3")
    by_partner = {f.partner: f for f in listed}
    assert {"norway", "chile"} <= set(by_partner)
    assert by_partner["norway"].method == "cooperation-list-item"


def test_passives_contributors_and_between(new_facts):
    facts, _ = new_facts
    assert _find(
        facts,
        SpacecraftActivity,
        activity="jointly-developed",
        partner="uruguay",
        spacecraft="qilin-solar-telescope",
    )
    assert not _find(facts, Cooperation, partner="spain")  # where a site stands
    contributors = {f.partner for f in _find(facts, Cooperation, mission="xuanwu-3")}
    assert {"estonia", "latvia"} <= contributors
    assert _find(facts, SpacecraftActivity, partner="kyrgyzstan", spacecraft="tarim-5b")
    assert _find(facts, Cooperation, partner="jordan", area="space-weather")
    [mou] = _find(facts, Agreement, parties=("china", "kyrgyz-space-agency"))
    assert mou.signed_on == "2034-03"


def test_every_fact_says_how_it_was_found(new_facts):
    from graph.methods import METHODS

    facts, _ = new_facts
    assert all(f.method in METHODS for f in facts)


def test_a_chronology_gives_each_dated_line_its_own_facts_and_date(new_facts):
    facts, _ = new_facts
    [launch] = _find(facts, SpacecraftActivity, partner="ecuador", spacecraft="kunlun-2")
    assert launch.activity == "launched"
    assert {f.activity for f in _find(facts, SpacecraftActivity, spacecraft="tupac-3")} == {
        "built",
        "delivered",
    }
    assert all(
        f.partner == "bolivia" for f in _find(facts, SpacecraftActivity, spacecraft="tupac-3")
    )
    [mou] = _find(facts, Agreement, agreement_kind="memorandum-of-understanding", signed_on="2020")
    assert "china-national-space-administration" in mou.parties
    stations = _find(facts, GroundStation, partner="kenya")
    assert any(
        s.location == "Malindi" and any(e.doc_id == "test-chronology-2035" for e in s.evidence)
        for s in stations
    )
    assert not _find(facts, GroundStation, partner="ghana-space-science-and-technology-institute")


def test_wire_briefs_interviews_minutes_and_pdf_pages(new_facts):
    facts, _ = new_facts
    [launch] = _find(facts, SpacecraftActivity, partner="kenya", spacecraft="taifa-2")
    assert launch.activity == "launched"  # "... satellite for Kenya": the parse says whose
    [agreement] = _find(facts, Agreement, parties=("china", "peru"))
    assert agreement.signed_on == "2032-03-04"
    assert _find(facts, Cooperation, partner="portugal", area="payloads", mission="xihe-3")
    camera = [
        f
        for f in _find(facts, Cooperation, partner="chile", area="payloads")
        if any("Chilean camera" in e.exact for e in f.evidence)
    ]
    assert [f.status for f in camera] == [Status.PLANNED]  # "we will fly a Chilean camera"
    assert _find(facts, Cooperation, partner="estonia", area="payloads", mission="change-8")
    assert not _find(facts, Cooperation, partner="japan")  # "Japan is not involved"
    assert _find(facts, SpacecraftActivity, partner="paraguay", spacecraft="guarani-2")
    assert _find(facts, Cooperation, partner="andean-space-agency")
    for fact in facts:  # the running header of the PDF page is quoted by nothing
        assert all("Page 4" not in e.exact for e in fact.evidence)


def test_a_footnote_number_ends_its_sentence(new_facts):
    facts, _ = new_facts
    [padua] = _find(facts, Cooperation, partner="university-of-padua", area="payloads")
    assert padua.mission == "tianwen-3"
    [leibniz] = _find(facts, Cooperation, partner="leibniz-institute-for-astrophysics")
    [passage] = [e.exact for e in leibniz.evidence]
    assert passage.startswith("The Leibniz Institute")  # not "... missions.1 The Leibniz"


def test_ground_stations_in_any_word_order(new_facts):
    facts, _ = new_facts
    here = {
        f.partner
        for f in facts
        if isinstance(f, GroundStation)
        and any(e.doc_id == "test-stations-2038" for e in f.evidence)
    }
    assert {
        "namibia",
        "pakistan",
        "arab-information-and-communication-technologies-organization",
    } <= here
    assert "argentina" not in here  # "The Argentine space agency hosts China's station"


def test_an_encyclopedia_page_is_read_past_its_infobox_contents_and_citation_marks(
    new_facts, new_entities
):
    facts, _ = new_facts
    ksa = new_entities["kenya-space-agency"]
    assert ksa.discovered and "KSA" in ksa.alt_labels
    assert not any(k.startswith("participants") for k in new_entities)  # an infobox label
    # "..., which China will build for KSA": the relative clause of a copula's attribute
    assert _find(
        facts,
        SpacecraftActivity,
        activity="built",
        spacecraft="taifa-3",
        partner="kenya-space-agency",
        status=Status.PLANNED,
    )
    # nothing from the references list or the licence footer
    assert not _find(facts, Cooperation, partner="uganda")


def test_a_syllable_acronym_names_its_body(new_entities):
    company = new_entities["kenyan-space-communications-company"]
    assert "KENSPACOM" in company.alt_labels


def test_coordinated_verbs_share_their_spacecraft_and_partner(new_facts):
    facts, _ = new_facts
    # "will be built by CAST for Kenya and launched on a Long March rocket"
    for activity in ("built", "launched"):
        assert _find(
            facts, SpacecraftActivity, activity=activity, spacecraft="taifa-3", partner="kenya"
        )
    # "Taifa-2, jointly developed with the University of Nairobi, was launched ..."
    for activity in ("jointly-developed", "launched"):
        assert _find(
            facts,
            SpacecraftActivity,
            activity=activity,
            spacecraft="taifa-2",
            partner="university-of-nairobi",
        )


def test_joint_work_is_read_from_the_subject_of_a_relative_clause(new_facts):
    facts, _ = new_facts
    # "Mwezi-1, which Chinese and Kenyan students assembled jointly, ..."
    assert _find(
        facts,
        SpacecraftActivity,
        activity="jointly-developed",
        spacecraft="mwezi-1",
        partner="kenya",
    )


def test_work_done_by_others_gives_no_activity(new_facts):
    facts, _ = new_facts
    # "Kenya's earlier Taifa-1 was built in Bulgaria by EnduroSat and launched by SpaceX"
    assert not _find(facts, SpacecraftActivity, spacecraft="taifa-1")


def test_an_instrument_made_together_is_a_payload_of_the_mission_it_is_for(new_facts):
    facts, _ = new_facts
    # "Kenya and Rwanda, working in partnership, have jointly developed a thermal camera
    # for the Chang'e-8 orbiter"
    partners = {f.partner for f in _find(facts, Cooperation, area="payloads", mission="change-8")}
    assert {"kenya", "rwanda"} <= partners


def test_a_table_legend_spells_out_the_codes_of_its_cells(new_facts):
    facts, _ = new_facts
    # "Mwezi-1 | Kenya | 2030-06-11 | Jiuquan | B, L, D" under "B = ... built ...; L = ..."
    rows = _find(
        facts, SpacecraftActivity, spacecraft="mwezi-1", partner="kenya", method="table-row"
    )
    assert {f.activity for f in rows} >= {"built", "launched", "delivered"}
    # "Launch site" is a place, not a date
    assert not _find(facts, SpacecraftActivity, spacecraft="taifa-2", activity="built")


def test_a_table_of_documents_names_its_signers(new_facts, new_entities):
    facts, _ = new_facts
    # the caption says CNSA signed every row; a body in the counterpart column is the
    # other party, whatever the form of its name, and the country after it is where it is
    assert new_entities["uzbekcosmos"].kind is EntityKind.ORGANISATION
    [memorandum] = _find(
        facts, Agreement, agreement_kind="memorandum-of-understanding", signed_on="2031-05-02"
    )
    assert memorandum.parties == ("china-national-space-administration", "uzbekcosmos")


def test_items_take_the_mission_of_the_line_that_titles_them(new_facts):
    facts, _ = new_facts
    on = {(f.partner, f.mission) for f in _find(facts, Cooperation, area="payloads")}
    assert ("university-of-nairobi", "change-7") in on
    assert ("rwanda-space-agency", "change-8") in on
    assert ("kosmotan", "change-8") in on  # capitals that supply are a body's
    in_annex = [
        f for f in facts if any(e.doc_id == "test-documents-table-2040" for e in f.evidence)
    ]
    assert not [f for f in in_annex if getattr(f, "partner", None) == "namibia"]  # "none selected"
