"""Relation rules, read from small documents through the extraction stage."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import extract
from graph.dates import date_in, period_in
from graph.model import (
    Agreement,
    Cooperation,
    Document,
    DocumentMeta,
    SpacecraftActivity,
    Status,
)


@pytest.fixture(scope="module")
def reference(project_paths, tmp_path_factory):
    return extract.load_reference(project_paths.ontology, tmp_path_factory.mktemp("no-curation"))


def read(reference, text, *, issued="2022-01", kind="white-paper"):
    meta = DocumentMeta(
        id="doc", file="doc.txt", title="t", publisher="p", issued=issued, kind=kind
    )
    document = Document(meta, Path("doc.txt"), text)
    facts = extract.extract_corpus([document], reference).facts
    for fact in facts:
        for ev in fact.evidence:
            assert text[ev.start : ev.end] == ev.exact
    return facts


CHANGE_4 = (
    "In the Chang'e-4 lunar exploration mission China cooperated with Russia and the European "
    "Space Agency on engineering technology, and with Sweden, Germany, the Netherlands and "
    "Saudi Arabia on payloads."
)


def test_the_change_4_sentence_is_six_facts_in_two_areas(reference):
    facts = read(reference, CHANGE_4)
    coop = {(f.partner, f.area, f.mission) for f in facts if isinstance(f, Cooperation)}
    assert coop == {
        ("russia", "engineering-technology", "change-4"),
        ("european-space-agency", "engineering-technology", "change-4"),
        ("sweden", "payloads", "change-4"),
        ("germany", "payloads", "change-4"),
        ("netherlands", "payloads", "change-4"),
        ("saudi-arabia", "payloads", "change-4"),
    }
    assert all(f.evidence[0].exact == CHANGE_4 for f in facts)


def test_a_list_of_satellites_and_a_list_of_countries_are_not_paired(reference):
    facts = read(
        reference,
        "Using science satellites including Wukong, Mozi, Shijian-10, and Insight, China has "
        "conducted joint scientific research and experiments with countries including "
        "Switzerland, Italy and Japan.",
    )
    coop = [f for f in facts if isinstance(f, Cooperation)]
    assert {f.partner for f in coop} == {"switzerland", "italy", "japan"}
    assert all(f.mission is None and f.area == "space-science" for f in coop)


def test_plans_are_not_achievements(reference):
    facts = read(
        reference,
        "China and France signed a memorandum of understanding on space cooperation, promoting "
        "cooperation in remote-sensing applications, and stating that Chang'e-4 would carry a "
        "French payload.\n\nChina will cooperate with Mongolia on TT&C.",
    )
    status = {(f.partner, f.area): f.status for f in facts if isinstance(f, Cooperation)}
    assert status[("france", "earth-observation-applications")] is Status.ACHIEVED
    assert status[("france", "payloads")] is Status.PLANNED
    assert status[("mongolia", "tt-c")] is Status.PLANNED
    [mou] = [f for f in facts if isinstance(f, Agreement)]
    assert mou.status is Status.ACHIEVED and mou.parties == ("china", "france")


def test_a_future_section_makes_its_sentences_plans(reference):
    facts = read(
        reference,
        "3. Key Areas for Future Cooperation\n\n- Cooperation with Kenya on space science.\n",
    )
    assert [f.status for f in facts if isinstance(f, Cooperation)] == [Status.PLANNED]


def test_agreement_dates_are_as_precise_as_the_text(reference):
    facts = read(
        reference,
        "In March 2021, China and Russia signed a memorandum of understanding on lunar research. "
        "On April 14, China and Brazil issued a joint statement on space.\n\n"
        "China and Chile signed the Outline of China-Chile Space Cooperation from 2013 to 2017.",
        issued="2023-04-24",
        kind="news-article",
    )
    agreements = {f.parties: f for f in facts if isinstance(f, Agreement)}
    assert agreements[("china", "russia")].signed_on == "2021-03"
    assert agreements[("brazil", "china")].signed_on == "2023-04-14"
    outline = agreements[("chile", "china")]
    assert (outline.valid_from, outline.valid_until, outline.signed_on) == (2013, 2017, None)
    assert outline.title == "Outline of China-Chile Space Cooperation from 2013 to 2017"


def test_date_helpers():
    assert date_in("It was signed on April 30.", "2023-04-24")[0] == "2022-04-30"
    assert date_in("On December 31, 2022, it said", "2023-04")[0] == "2022-12-31"
    assert date_in("in 2020 it chaired", "2022")[0] == "2020"
    assert period_in("GEO Strategic Plan 2016-2025") == (2016, 2025)
    assert period_in("from 2020 to 2015") is None


def test_spacecraft_partners_come_from_names_owners_and_for(reference):
    facts = read(
        reference,
        "China completed the in-orbit delivery of the Pakistan Remote-Sensing Satellite "
        "(PRSS-1) and Bolivia's communications satellite, and launched the Student Small "
        "Satellites (SSS) for APSCO. It is jointly developing the MisrSat-2 satellite.",
    )
    found = {
        (f.activity, f.partner, f.spacecraft) for f in facts if isinstance(f, SpacecraftActivity)
    }
    assert found == {
        ("delivered", "pakistan", "prss-1"),
        ("delivered", "bolivia", None),
        ("launched", "asia-pacific-space-cooperation-organization", "student-small-satellites"),
    }


def test_places_are_not_partners(reference):
    facts = read(
        reference,
        "China and Brazil also updated CBERS data receiving stations in South Africa and "
        "Singapore.\n\nSatellite data support was provided to the forest fire in Australia.",
    )
    partners = {getattr(f, "partner", None) for f in facts}
    assert "brazil" in partners
    assert not partners & {"south-africa", "singapore", "australia"}


def test_only_what_china_did_and_did_not_deny(reference):
    facts = read(
        reference,
        "India signed an agreement with Japan on lunar exploration in 2020.\n\n"
        "China has not cooperated with Mongolia on space technology.\n\n"
        "Not long ago, Egypt and China signed a memorandum on a satellite assembly centre.",
    )
    assert [(type(f).__name__, getattr(f, "parties", None)) for f in facts] == [
        ("Agreement", ("china", "egypt"))
    ]


def _cooperation(reference, text):
    return {
        (f.partner, f.area, f.mission) for f in read(reference, text) if isinstance(f, Cooperation)
    }


def test_a_partners_short_name_in_brackets_does_not_cut_off_its_area(reference):
    text = (
        "The Purple Mountain Observatory has worked with the Chilean Institute of Astronomy "
        "(CIA) on solar physics since 2018."
    )
    assert ("chilean-institute-of-astronomy", "space-science", None) in _cooperation(
        reference, text
    )


def test_a_coordinated_clause_with_its_own_subject_keeps_its_area_and_mission(reference):
    text = (
        "Fengyun satellites serve many users, and China has worked with Peru on space debris "
        "since 2015, and the NSSC has shared space weather data with Chile."
    )
    found = _cooperation(reference, text)
    assert ("peru", "space-debris", None) in found
    assert not {f for f in found if f[0] == "peru" and f != ("peru", "space-debris", None)}


def test_the_same_mission_in_a_later_clause_is_the_one_named_before(reference):
    text = (
        "Kenya has cooperated with China on payloads for Chang'e-8 since 2025, and Peru has "
        "worked with China on payloads for the same mission since 2026."
    )
    assert ("peru", "payloads", "change-8") in _cooperation(reference, text)


def test_an_instrument_in_an_earlier_statement_does_not_make_a_later_partner_a_payload(
    reference,
):
    text = (
        "A dust counter from Chile flew on Chang'e-6 in 2024, and the Peruvian Space Agency "
        "will work with China on satellite navigation next year."
    )
    found = _cooperation(reference, text)
    assert ("peruvian-space-agency", "satellite-navigation", None) in found
    assert not {f for f in found if f[0] == "peruvian-space-agency" and f[1] == "payloads"}


def test_an_instrument_after_for_is_what_data_are_about_not_the_head_of_the_area(reference):
    text = "The Peruvian Space Agency will cooperate with CNSA on data sharing for the camera."
    assert ("peruvian-space-agency", "data-exchange", None) in _cooperation(reference, text)


def test_a_clause_opened_by_that_company_with_a_past_verb_is_a_clause_of_its_own(reference):
    text = (
        "The Peruvian Space Agency works with Chang Guang Satellite Technology on remote "
        "sensing, and that company built a receiving station in Lima, so Jilin-1 images "
        "now come down in Peru."
    )
    found = _cooperation(reference, text)
    assert ("peruvian-space-agency", "earth-observation-applications", None) in found


def test_a_question_states_nothing(reference):
    assert not _cooperation(
        reference, "Q: Has Peru joined the International Lunar Research Station?"
    )


def test_a_partner_that_says_it_will_not_act_gets_no_cooperation_from_the_sentence(reference):
    text = (
        "The Peruvian side informed the Chinese side that Peru will not join the "
        "International Lunar Research Station at this stage, while remaining open to "
        "scientific exchanges."
    )
    assert not {f for f in _cooperation(reference, text) if f[0] == "peru"}


def test_a_discovered_mission_takes_the_area_of_the_words_that_first_describe_it(reference):
    text = (
        "The LUNA-X lunar lander will fly in 2032. LUNA-X is a joint mission of the China "
        "National Space Administration and the Peruvian Space Agency."
    )
    assert ("peruvian-space-agency", "lunar-and-deep-space-exploration", "luna-x") in (
        _cooperation(reference, text)
    )
