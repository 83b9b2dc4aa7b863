"""Cooperation that no cooperation word states: a partner's instrument that a mission
carries, data that flows between China and a partner, and a partner's people trained in
China. Each sentence here is new; the facts come from the structure of the sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import extract
from graph.model import Cooperation, Document, DocumentMeta, SpacecraftActivity


def _facts(reference, text: str, issued: str = "2031", kind: type = Cooperation) -> list:
    meta = DocumentMeta("frames", "frames.txt", "Frames", "Test", issued, "white-paper")
    extraction = extract.extract_corpus([Document(meta, Path("frames.txt"), text)], reference)
    return [f for f in extraction.facts if isinstance(f, kind)]


def _cooperation(reference, text: str) -> set[tuple[str, str, str | None]]:
    return {(f.partner, f.area, f.mission) for f in _facts(reference, text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the mission carries the partner's instrument
        (
            "In 2030 Chang'e-7 carried Sweden's new ion spectrometer to the lunar south pole.",
            ("sweden", "payloads", "change-7"),
        ),
        # the instrument flies on the mission
        (
            "A neutron dosimeter from Germany flew on Chang'e-6 in 2024.",
            ("germany", "payloads", "change-6"),
        ),
        # two agents, each with its own "by"
        (
            "Its mirrors were provided by the Hellenic Optics Laboratory and by Austria's "
            "Graz Institute of Space Optics (GISO) for Chang'e-9.",
            ("graz-institute-of-space-optics", "payloads", "change-9"),
        ),
        # made by partners, carried by a mission
        (
            "Chang'e-7 will carry a camera designed by Egypt and Bahrain.",
            ("bahrain", "payloads", "change-7"),
        ),
        # the instrument works from the mission
        (
            "The University of Lima's radiation monitor measured particles on the far side "
            "from the Chang'e-9 lander.",
            ("university-of-lima", "payloads", "change-9"),
        ),
        (
            "The dust counter of Peru's National Space Commission returned data from the "
            "Chang'e-9 lander.",
            ("national-space-commission", "payloads", "change-9"),
        ),
        # a demonym that made it
        ("A Kenyan-built dust analyser will fly on Chang'e-9.", ("kenya", "payloads", "change-9")),
        # made at a body, for the mission
        (
            "The dosimeter on display was made at the University of Graz for Chang'e-9.",
            ("university-of-graz", "payloads", "change-9"),
        ),
    ],
)
def test_a_partners_instrument_on_a_mission_is_a_payload_cooperation(reference, text, expected):
    assert expected in _cooperation(reference, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Since 2022 Namibia has received Fengyun-3D data from China for drought monitoring.",
            "namibia",
        ),
        ("China shared CBERS-04A imagery with Mozambique after the 2023 floods.", "mozambique"),
        # China's mission is the source, though the sentence is passive
        ("Data from the Tianwen-1 mission have been shared with scientists in Chile.", "chile"),
        # China and the partner share it between them
        ("China and Namibia have shared Fengyun data since 2019.", "namibia"),
    ],
)
def test_data_flowing_between_china_and_a_partner(reference, text, expected):
    found = _cooperation(reference, text)
    assert any(p == expected for p, _area, _mission in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Chinese side has trained more than 60 Angolan satellite engineers.", "angola"),
        ("Forty engineers from Ghana were trained in Beijing in 2029.", "ghana"),
        ("Twelve Zambian staff attended courses in Harbin last year.", "zambia"),
        ("China trained a group of Chilean remote-sensing officers in 2031.", "chile"),
        ("CNSA will host twelve young Peruvian engineers for training in Beijing.", "peru"),
    ],
)
def test_people_of_a_partner_trained_in_china(reference, text, expected):
    assert (expected, "training-and-education", None) in _cooperation(reference, text)


def test_a_negated_or_foreign_flow_gives_nothing(reference):
    assert not _cooperation(reference, "Namibia has never received any data from China.")
    assert not _cooperation(reference, "Forty engineers from Ghana were trained in Toulouse.")
    assert not _cooperation(reference, "A delegation of Peruvian officials visited Beijing.")


def test_training_held_with_a_partner_and_work_on_a_satellite(reference):
    found = _cooperation(
        reference, "In 2030 we organised a training course on remote sensing with Zambia."
    )
    assert ("zambia", "training-and-education", None) in found
    found = _cooperation(
        reference, "The Uganda Space Agency is working with China on a small satellite."
    )
    assert ("uganda-space-agency", "satellite-development", None) in found


def test_the_agency_is_the_body_the_text_has_named(reference):
    text = (
        "The Zambia Space Agency was founded in 2028. The Zambia Space Agency runs two "
        "stations near Lusaka with the Kenya Space Agency. Since 2030 the agency has "
        "received Fengyun-3D data from China."
    )
    found = _cooperation(reference, text)
    assert ("zambia-space-agency", "data-exchange", "fengyun-3d") in found
    assert not any(p == "kenya-space-agency" and a == "data-exchange" for p, a, _m in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the people of a body act for it
        (
            "Physicists at the University of Tartu have worked with the National Space "
            "Science Center of the Chinese Academy of Sciences on space science since 2029.",
            ("university-of-tartu", "space-science", None),
        ),
        # the mission the cooperation runs through
        (
            "Chile has cooperated with China on space science through Chang'e-7 since 2029.",
            ("chile", "space-science", "change-7"),
        ),
        # the mission a part belongs to, and a verb completed by another
        (
            "Engineers from Peru built a dust detector for the orbiter of Chang'e-7.",
            ("peru", "payloads", "change-7"),
        ),
        (
            "The magnetometer that Kenya designed with Uganda is due to fly on Chang'e-8.",
            ("kenya", "payloads", "change-8"),
        ),
    ],
)
def test_the_roles_found_through_the_sentence_structure(reference, text, expected):
    assert expected in _cooperation(reference, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an area word in another of its forms
        (
            "China and Kenya have worked together since 2029 to track probes from Malindi.",
            ("kenya", "tt-c", None),
        ),
        # a fact-sheet line about something flown under a mission is a payload
        (
            "Experiments on Chang'e-7:\n\n- Chile: dust growth in low gravity, flown in 2031",
            ("chile", "payloads", "change-7"),
        ),
    ],
)
def test_areas_in_other_word_forms_and_lines(reference, text, expected):
    assert expected in _cooperation(reference, text)


def test_candidates_trained_in_china_are_training_cooperation(reference):
    text = "Three Bolivian candidates will be trained in China from 2031."
    assert ("bolivia", "training-and-education", None) in _cooperation(reference, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a partner beside a Chinese body is a co-subject; each area of the list counts
        (
            "Kenya's space agency and CNSA cooperate on space weather and data sharing: the "
            "Malindi centre sends its ionosonde records to Beijing.",
            {
                ("kenya", "space-weather", None),
                ("kenya", "data-exchange", None),
            },
        ),
        # the mission that opens the sentence frames it, whatever instruments follow
        (
            "On Chang'e-7, Chile supplied two instruments: a dust counter and the "
            "Atacama Ultraviolet Telescope.",
            {("chile", "payloads", "change-7")},
        ),
    ],
)
def test_co_subjects_and_opening_missions(reference, text, expected):
    assert expected <= _cooperation(reference, text)


def test_a_negation_stays_in_its_own_clause(reference):
    text = (
        "Ghana does not yet contribute instruments, but Kenya receives remote sensing data "
        "from Chinese satellites."
    )
    found = _cooperation(reference, text)
    assert ("kenya", "data-exchange", None) in found
    assert not any(partner == "ghana" for partner, _area, _mission in found)


def test_data_exchanged_by_a_verb_is_the_data_exchange_area(reference):
    found = _cooperation(reference, "Chile and CNSA exchange Fengyun imagery every week.")
    assert ("chile", "data-exchange", None) in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Togolese technicians took part in courses in Beijing in 2031.", "togo"),
        # trained people named before the clause that trains them, beside a station
        (
            "A receiving station near Lome was built with Togolese engineers, who were "
            "trained in China during the work.",
            "togo",
        ),
    ],
)
def test_people_trained_in_china_however_the_sentence_runs(reference, text, expected):
    assert (expected, "training-and-education", None) in _cooperation(reference, text)


def test_data_shared_with_partners_named_after_the_source(reference):
    text = (
        "China shares imagery from the Fengyun constellation with Chile and Peru, each of "
        "which sends back weather records."
    )
    found = _cooperation(reference, text)
    assert {("chile", "data-exchange", None), ("peru", "data-exchange", None)} <= {
        (p, a, None) for p, a, _m in found
    }


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Peru signed up to the ILRS in 2031.",
        "Peru has become the newest partner of the International Lunar Research Station.",
    ],
)
def test_joining_a_mission_is_cooperation_in_its_area(reference, text):
    ilrs = "international-lunar-research-station"
    assert ("peru", "lunar-and-deep-space-exploration", ilrs) in _cooperation(reference, text)


def test_chinese_trainers_train_a_partners_people_wherever_they_are(reference):
    found = _cooperation(reference, "Chinese engineers also trained Togolese operators there.")
    assert ("togo", "training-and-education", None) in found


def test_the_time_of_the_clause_that_states_the_area(reference):
    text = (
        "The University of Tartu, whose laboratory has worked with the National Space "
        "Science Center on space weather since 2029, will lead the next campaign."
    )
    meta = DocumentMeta("t", "t.txt", "T", "Test", "2031", "white-paper")
    extraction = extract.extract_corpus([Document(meta, Path("t.txt"), text)], reference)
    statuses = {f.status.name for f in extraction.facts if isinstance(f, Cooperation)}
    assert statuses == {"ACHIEVED"}


def test_what_a_partner_is_to_do_is_planned(reference):
    text = "China is to cooperate with Peru on lunar exploration from 2032."
    meta = DocumentMeta("t", "t.txt", "T", "Test", "2031", "white-paper")
    extraction = extract.extract_corpus([Document(meta, Path("t.txt"), text)], reference)
    assert {f.status.name for f in extraction.facts if isinstance(f, Cooperation)} == {"PLANNED"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chang'e-9 landed in 2033. Two of its instruments, a dust counter and a camera, "
            "were supplied by the Kenya Space Agency.",
            ("kenya-space-agency", "payloads", "change-9"),
        ),
        (
            "Chang'e-9 will land in 2033. Its data will be shared with the Kenya Space Agency.",
            ("kenya-space-agency", "data-exchange", "change-9"),
        ),
        (
            "Chang'e-9 returned samples in 2033. It had carried a dust counter from Peru.",
            ("peru", "payloads", "change-9"),
        ),
        (
            "Chang'e-9 will land in 2033. The lander will also carry instruments from Peru.",
            ("peru", "payloads", "change-9"),
        ),
    ],
)
def test_its_instruments_and_data_are_the_mission_named_just_before(reference, text, expected):
    assert expected in _cooperation(reference, text)


def test_joining_a_mission_is_in_its_area_whatever_else_the_partner_offers(reference):
    text = (
        "Chile joined the International Lunar Research Station in 2031 and may later "
        "propose instruments for it."
    )
    ilrs = "international-lunar-research-station"
    assert _cooperation(reference, text) == {("chile", "lunar-and-deep-space-exploration", ilrs)}


def test_a_partner_set_off_from_its_verb_takes_the_areas_of_the_predicate(reference):
    found = _cooperation(
        reference,
        "Collaboration with Kenya, one of the earliest partnerships on the continent, has "
        "spanned remote sensing, satellite navigation and training.",
    )
    assert {
        ("kenya", "earth-observation-applications", None),
        ("kenya", "satellite-navigation", None),
        ("kenya", "training-and-education", None),
    } <= found


def test_a_spacecraft_named_in_passing_is_not_the_mission_of_the_main_clause(reference):
    found = _cooperation(
        reference,
        "Peru, for which China built and launched PeruSat-9 in 2030, has also worked with "
        "China on space weather.",
    )
    assert ("peru", "space-weather", None) in found
    assert not any(mission == "perusat-9" for _p, _a, mission in found)


def test_a_partner_that_built_a_missions_instrument_keeps_the_mission(reference):
    found = _cooperation(
        reference,
        "Chinese teams work with the University of Nairobi, which built the main camera "
        "of Chang'e-9.",
    )
    assert ("university-of-nairobi", "payloads", "change-9") in found


@pytest.mark.parametrize(
    "text",
    [
        # the instrument's apposition names the mission that carries it
        "The Kenya Space Agency contributed optics to the Wide-field Dust Telescope, one of "
        "Chang'e-9's three instruments.",
        # the instruments are said to fly on the mission
        "Two of the instruments on Chang'e-9, the Lunar Dust Telescope and a radiometer, "
        "were supplied by the Kenya Space Agency.",
    ],
)
def test_an_instrument_pairs_the_partner_with_the_mission_carrying_it(reference, text):
    found = _cooperation(reference, text)
    assert ("kenya-space-agency", "payloads", "change-9") in found


def test_the_body_a_country_owns_is_the_partner_not_the_country(reference):
    found = _cooperation(
        reference,
        "Chang'e-9 will carry a camera built with Kenya's National Space Science Council, "
        "and China will train its engineers.",
    )
    assert not any(partner == "kenya" for partner, _a, _m in found)


def test_data_from_an_instrument_are_data_exchanged_not_a_payload(reference):
    found = _cooperation(
        reference,
        "China and the Kenya Space Agency will exchange scientific data from the camera.",
    )
    assert ("kenya-space-agency", "data-exchange", None) in found
    assert not any(area == "payloads" for _p, area, _m in found)


@pytest.mark.parametrize(
    "text",
    [
        "The Kenya Space Agency handed a dust detector for Chang'e-9 over to the Chinese side.",
        "The Kenya Space Agency will place a small camera on the Chang'e-9 lander.",
        "A magnetometer for the Chang'e-9 orbiter was delivered by the Kenya Space Agency.",
    ],
)
def test_a_partner_that_hands_over_or_places_an_instrument_on_a_mission(reference, text):
    assert ("kenya-space-agency", "payloads", "change-9") in _cooperation(reference, text)


def test_the_tense_of_the_partners_own_verb_plans_the_fact(reference):
    meta = DocumentMeta("tense", "tense.txt", "Tense", "Test", "2031", "white-paper")
    text = "Instruments from Kenya and Ghana will also ride on Chang'e-9 in 2033."
    extraction = extract.extract_corpus([Document(meta, Path("tense.txt"), text)], reference)
    statuses = {(f.partner, f.status.value) for f in extraction.facts if isinstance(f, Cooperation)}
    assert {("kenya", "planned"), ("ghana", "planned")} <= statuses


def test_whoever_china_trains_are_people_and_data_sharing_with_is_cooperation(reference):
    found = _cooperation(
        reference,
        "Since 2029 the China Meteorological Administration has trained satellite "
        "meteorologists from Kenya and Ghana in Nanjing. China also plans data sharing with "
        "the Kenya Space Agency on survey results.",
    )
    assert {
        ("kenya", "training-and-education", None),
        ("ghana", "training-and-education", None),
        ("kenya-space-agency", "data-exchange", None),
    } <= found


def test_data_from_a_list_of_missions_pairs_with_none_of_them(reference):
    found = _cooperation(
        reference,
        "Scientific data from the Chang'e-4 and Chang'e-5 missions have been shared with "
        "researchers in Kenya.",
    )
    assert ("kenya", "data-exchange", None) in found
    assert not any(mission for partner, _a, mission in found if partner == "kenya")


@pytest.mark.parametrize(
    "text",
    [
        # another country's satellite, built with a third party, China not named
        "Rwanda's first satellite, Inkuba-1, a cubesat built with the University of Tokyo, "
        "was deployed from the International Space Station in 2029.",
        "Ghana, whose first satellite was built with the Kyushu Institute of Technology, "
        "sent two delegates to the forum.",
    ],
)
def test_work_between_two_other_parties_is_not_chinas_cooperation(reference, text):
    assert _cooperation(reference, "Others\n\n" + text) == set()


def test_a_country_whose_named_body_acts_is_no_other_party(reference):
    found = _cooperation(
        reference,
        "Others\n\nPortugal's Institute of Astrophysics and Space Sciences provided a "
        "laser ranging mirror for the lander.",
    )
    assert {p for p, _a, _m in found} == {"institute-of-astrophysics-and-space-sciences"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the instrument is the mission's own: a possessive or "of"
        (
            "Chang'e-9's spectrometer, the Lunar Volatiles Analyser, was built by the "
            "University of Bergen.",
            {("university-of-bergen", "payloads", "change-9")},
        ),
        (
            "The magnetometer of Chang'e-9 was supplied by the Graz Space Research Institute.",
            {("graz-space-research-institute", "payloads", "change-9")},
        ),
        # where the named maker is, is no partner of its own
        (
            "Chang'e-9 carries a camera whose lenses were supplied by the Lund Optics "
            "Institute in Sweden.",
            {("lund-optics-institute", "payloads", "change-9")},
        ),
    ],
)
def test_a_payload_is_read_once_with_its_mission_and_maker(reference, text, expected):
    assert _cooperation(reference, "Payloads\n\n" + text) == expected


def test_a_payload_built_now_that_will_fly_later_is_planned(reference):
    text = (
        "Payloads\n\nThe camera was built jointly by the Kenya Space Agency and the Ghana "
        "Space Science and Technology Institute, and it will fly on Chang'e-8 in 2029."
    )
    statuses = {
        f.partner: f.status.name
        for f in _facts(reference, text, issued="2027")
        if f.mission == "change-8"
    }
    assert statuses == {
        "kenya-space-agency": "PLANNED",
        "ghana-space-science-and-technology-institute": "PLANNED",
    }


def test_agreeing_to_further_strengthen_cooperation_is_a_plan(reference):
    text = (
        "Plans\n\nThe Chinese side and the Kenyan side agreed to further strengthen "
        "cooperation in satellite navigation."
    )
    assert {(f.partner, f.status.name) for f in _facts(reference, text)} == {("kenya", "PLANNED")}


def test_what_a_signed_document_is_about_is_the_agreement_not_a_cooperation(reference):
    text = (
        "The Kenya Space Agency and CNSA signed a memorandum of understanding on cooperation "
        "in satellite communications and remote sensing in Nairobi on 2 May 2031."
    )
    assert _cooperation(reference, text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan magnetometer on NASA's new probe has no Chinese involvement.",
        "Zuhura-1 was built by Kenyan students in Japan in 2029; it is not a Chinese project.",
        "Kenya built Zuhura-3 with a Japanese firm; no Chinese entity was involved.",
        "Kenya's first satellite was launched by a US firm; China had no part in that project.",
    ],
)
def test_a_sentence_that_says_china_took_no_part_gives_no_cooperation(reference, text):
    assert _cooperation(reference, text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an instrument built with a partner, flown on a crewed station: its payloads,
        # not the station's own area
        (
            "ORCA, an X-ray polarimeter built by the National Space Science Center together "
            "with the University of Bern, flew on the Tiangong-2 space laboratory in 2017.",
            ("university-of-bern", "payloads", "tiangong-2"),
        ),
        # an instrument led by a partner and mounted on the station
        (
            "Its successor, ORCA-2, is led by the University of Bern and will be mounted on "
            "the China Space Station in 2029.",
            ("university-of-bern", "payloads", "china-space-station"),
        ),
    ],
)
def test_an_instrument_on_a_crewed_station_is_a_payload(reference, text, expected):
    found = _cooperation(reference, text)
    assert expected in found
    assert not any(area == "human-spaceflight" for _p, area, _m in found)


def test_a_body_named_as_part_of_a_chinese_one_is_china_s_side(reference):
    text = (
        "The Institute of Plasma Optics (IPO) of CAS built the detector with the University "
        "of Bern for the Tiangong-2 space laboratory."
    )
    partners = {partner for partner, _area, _mission in _cooperation(reference, text)}
    assert partners == {"university-of-bern"}


def test_the_verb_left_out_of_a_list_of_instruments_is_the_first_one_s(reference):
    text = (
        "For Chang'e-8 the neutron counter was built by the University of Bern, the dust "
        "analyser by the Kenya Space Agency, and the seismometer by Peru's CONIDA."
    )
    partners = {p for p, area, _m in _cooperation(reference, text) if area == "payloads"}
    assert {"university-of-bern", "kenya-space-agency"} <= partners


def test_one_from_a_body_stands_for_the_instruments_named_before(reference):
    text = (
        "Chang'e-8 will carry instruments from Peru and Chile, as well as one from the Andean "
        "Space Observatory Consortium, a group based in Lima."
    )
    found = _cooperation(reference, text)
    assert ("andean-space-observatory-consortium", "payloads", "change-8") in found


def test_what_a_partner_is_expected_to_do_is_its_part(reference):
    text = "The Chilean Space Agency is expected to provide tracking for Chang'e-8 in 2029."
    found = _cooperation(reference, text)
    assert ("chilean-space-agency", "tt-c", "change-8") in found


def test_a_plan_a_partner_had_and_gave_up_is_no_part(reference):
    text = (
        "Peru had planned to send a small rover on Chang'e-8, but it withdrew from the "
        "arrangement in 2030."
    )
    assert not {p for p, _a, _m in _cooperation(reference, text)} & {"peru"}


def test_what_the_two_sides_do_together_in_a_field_is_their_cooperation(reference):
    text = (
        "China will share Fengyun data with Tajikistan. The two sides will use such data "
        "for disaster prevention and mitigation in the Pamir mountains."
    )
    found = _cooperation(reference, text)
    assert ("tajikistan", "disaster-prevention-and-mitigation", None) in found


def test_what_a_document_told_of_before_covers_is_no_cooperation_of_its_own(reference):
    text = (
        "Mongolia and China signed a space cooperation plan in 2031. The plan, signed by the "
        "two countries' ministers, covers satellite communications and navigation."
    )
    assert _cooperation(reference, text) == set()


def test_the_exchange_an_agreement_is_on_is_the_agreement_not_a_cooperation(reference):
    text = (
        "The Mongolian Space Research Agency and CNSA signed an agreement on the exchange of "
        "Fengyun data in 2031."
    )
    assert _cooperation(reference, text) == set()


@pytest.mark.parametrize(
    "text",
    [
        # the parser hangs the second and third items as appositions of the probe
        "Chang'e-8 will leave Wenchang carrying Chile's seismometer, Peru's dust counter and "
        "Norway's plasma analyser.",
        # the participle after a place still speaks of the mission that lifts off
        "In 2029 Chang'e-7 departed from Hainan carrying Norway's plasma analyser, Peru's dust "
        "counter and Chile's seismometer.",
    ],
)
def test_every_owned_item_of_a_carried_series_is_a_payload_on_the_mission(reference, text):
    found = _cooperation(reference, text)
    mission = "change-8" if "Chang'e-8" in text else "change-7"
    assert {(p, "payloads", mission) for p in ("chile", "peru", "norway")} <= found


def test_a_partners_cubesat_carried_by_a_mission_is_a_payload_on_it_beside_its_launch(
    reference,
):
    text = (
        "Chang'e-7 lifted off from Wenchang carrying Oman's OMAN-LUNA-1 cubesat and "
        "Peru's dust counter."
    )
    assert {("oman", "payloads", "change-7"), ("peru", "payloads", "change-7")} <= _cooperation(
        reference, text
    )


def test_the_owner_of_a_craft_others_built_gets_the_craft_not_a_cooperation(reference):
    text = (
        "Peru's ANDES-SAT-2, a cubesat jointly developed by the Peruvian Space Agency and "
        "Beihang University, reached orbit in 2031."
    )
    crafts = {
        (f.activity, f.partner, f.spacecraft)
        for f in _facts(reference, text, kind=SpacecraftActivity)
    }
    assert ("jointly-developed", "peruvian-space-agency", "andes-sat-2") in crafts
    assert not {p for p, _a, _m in _cooperation(reference, text) if p == "peru"}


def test_instruments_that_come_from_partners_are_payloads_on_the_mission_its_stands_for(
    reference,
):
    text = (
        "Chang'e-8 will carry instruments from several countries. Its instruments come from "
        "Chile, Peru and the University of Warsaw in Poland."
    )
    found = _cooperation(reference, text)
    assert {(p, "payloads", "change-8") for p in ("chile", "peru", "university-of-warsaw")} <= (
        found
    )


def test_whom_a_partner_thanks_for_training_its_people_trained_them(reference):
    text = "The Peruvian side thanked the Chinese side for training 45 Peruvian technicians."
    assert ("peru", "training-and-education", None) in _cooperation(reference, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In 2030 the National Space Research Agency of Nigeria carried out exchanges with "
            "China on space weather research.",
            ("national-space-research-agency-of-nigeria", "space-weather", None),
        ),
        (
            "The Ghana Space Science and Technology Institute conducted joint observations with "
            "China on radio astronomy.",
            ("ghana-space-science-and-technology-institute", "space-science", None),
        ),
    ],
)
def test_a_partner_doing_shared_work_with_china(reference, text, expected):
    assert expected in _cooperation(reference, text)


def test_shared_work_with_another_country_or_denied_gives_nothing(reference):
    text = (
        "The Ghana Space Science and Technology Institute carried out exchanges with Japan on "
        "radio astronomy. The Kenya Space Agency did not carry out any exchanges with China."
    )
    assert _cooperation(reference, text) == set()


def test_a_partner_readying_an_instrument_china_will_carry(reference):
    text = (
        "Chile's Universidad de Concepción is testing a small camera that Chinese "
        "scientists plan to carry on Chang'e-9."
    )
    assert {(p, a) for p, a, _m in _cooperation(reference, text)} == {
        ("universidad-de-concepcion", "payloads")
    }


def test_a_satellite_tested_by_its_owners_own_engineers_is_no_cooperation(reference):
    text = (
        "KenTES-2 is an experimental satellite designed, built and tested entirely by "
        "Kenya Space Agency engineers in Nairobi."
    )
    assert _cooperation(reference, text) == set()


def test_a_long_name_in_another_language_is_one_partner(reference):
    text = "The Universidade Federal do Rio Grande do Norte built a cubesat with CAST."
    assert {p for p, _a, _m in _cooperation(reference, text)} == {
        "universidade-federal-do-rio-grande-do-norte"
    }
