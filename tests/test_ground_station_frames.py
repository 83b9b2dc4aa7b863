"""Ground stations built or upgraded with a partner, read from new sentences: the
station described by a participle or a relative clause, antennas and augmentation
networks, a deep-space station, and a partner's own station upgraded with China's help."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import extract
from graph.model import Document, DocumentMeta, GroundStation


def _stations(reference, text: str) -> set[str]:
    meta = DocumentMeta("stations", "stations.txt", "Stations", "Test", "2031", "white-paper")
    extraction = extract.extract_corpus([Document(meta, Path("stations.txt"), text)], reference)
    return {f.partner for f in extraction.facts if isinstance(f, GroundStation)}


@pytest.mark.parametrize(
    ("text", "partner"),
    [
        # a participle on the antenna names whom it was built with
        ("The 12-metre antenna, built with Kenya, entered service near Malindi in 2030.", "kenya"),
        # a dish is an antenna
        (
            "A 13-metre dish near Libreville was built with the Gabonese Space Agency.",
            "gabonese-space-agency",
        ),
        ("A 9-metre dish that China and Gabon built together tracks lunar probes.", "gabon"),
        # an augmentation network
        (
            "A BeiDou ground-based augmentation network was built with Tunisia in 2029.",
            "tunisia",
        ),
        # a deep-space station
        ("The deep space station in Patagonia was built with Chile in 2030.", "chile"),
        # a relative clause after the station's place
        (
            "Data arrive at the receiving stations near Lima, which were built jointly with "
            "Peru in 2028.",
            "peru",
        ),
        # completed together with a partner
        (
            "A tracking station at Hartebeesthoek was completed together with South Africa.",
            "south-africa",
        ),
        # a station that went up, built jointly with a partner
        (
            "Two monitoring stations went up in Brazil, built jointly with Argentina.",
            "argentina",
        ),
        # the partner's own station, upgraded with a Chinese body's help
        (
            "Mongolia's receiving station at Ulaanbaatar was upgraded with the China Centre "
            "for Resources Satellite Data and Application.",
            "mongolia",
        ),
    ],
)
def test_a_station_built_with_a_partner(reference, text, partner):
    assert partner in _stations(reference, text)


def test_a_space_station_or_a_place_is_not_a_ground_station(reference):
    found = _stations(
        reference,
        "The China Space Station was built with no foreign modules, and a new stadium "
        "in Nairobi was built with Chinese support.",
    )
    assert not found


@pytest.mark.parametrize(
    ("text", "partner"),
    [
        # where the antenna stands comes between it and whom it was built with
        (
            "GROUND STATIONS\n• Kenya — a receiving antenna at Malindi near Mombasa, built "
            "with the Kenya Space Agency in 2030\n",
            "kenya-space-agency",
        ),
        # a line's label does not stand in the way of the parse of the line
        (
            "GROUND STATIONS\n• Ghana: the two ground stations, at Accra and Tamale, were "
            "built with the Ghana Space Science and Technology Institute\n",
            "ghana-space-science-and-technology-institute",
        ),
    ],
)
def test_stations_on_fact_sheet_lines(reference, text, partner):
    assert partner in _stations(reference, text)


@pytest.mark.parametrize(
    ("text", "partner"),
    [
        # what the station does, in a relative clause, between it and its verb
        (
            "The receiving station near Lusaka that downlinks ZamSat images was upgraded with "
            "the Zambia Space Agency in 2030.",
            "zambia-space-agency",
        ),
        # a station still to be built, with its modal verbs
        (
            "Under the plan, a data receiving station will be built with the Kenya Space Agency "
            "at Malindi.",
            "kenya-space-agency",
        ),
        ("BeiDou reference stations are to be built with Tunisia next year.", "tunisia"),
    ],
)
def test_stations_said_with_a_clause_or_a_modal_between(reference, text, partner):
    assert partner in _stations(reference, text)


def test_a_station_built_in_the_past_is_achieved_in_a_sentence_about_plans(reference):
    meta = DocumentMeta("stations", "stations.txt", "Stations", "Test", "2031", "news-article")
    text = (
        "Signals from the lander will be received at the Malindi ground station, which China "
        "built with Kenya in 2001 and upgraded in 2024."
    )
    extraction = extract.extract_corpus([Document(meta, Path("stations.txt"), text)], reference)
    statuses = {f.partner: f.status.value for f in extraction.facts if isinstance(f, GroundStation)}
    assert statuses.get("kenya") == "achieved"


@pytest.mark.parametrize(
    ("text", "partner"),
    [
        # what the station does follows it as a participle
        (
            "Stations\n\nA station receiving Fengyun imagery was built with the Chilean "
            "Space Agency near Santiago in 2030.",
            "chilean-space-agency",
        ),
        # a list item: the country, then the station "installed with" its service
        (
            "Stations\n\n- Bolivia: a CMACast receiving station in La Paz, installed with "
            "the Bolivian meteorological service in 2029",
            "bolivia",
        ),
        # "the two sides" are China and the partner of the clause before
        (
            "Stations\n\nCMA has shared Fengyun data with the Uganda National Meteorological "
            "Authority (UNMA) since 2027, and the two sides installed a receiving station in "
            "Entebbe in 2029.",
            "uganda-national-meteorological-authority",
        ),
        # a list of two station kinds, built together with a body's engineers
        (
            "Stations\n\nThe Zambia Space Agency (ZSA) will run it. A ground control and "
            "receiving station will be built near Lusaka, together with ZSA engineers.",
            "zambia-space-agency",
        ),
        # a place name before "receiving station", whatever the parser makes of it
        (
            "Stations\n\nThe Esrange receiving station in northern Sweden, the second "
            "overseas station for China's ocean satellites, was built with the Swedish "
            "Space Corporation.",
            "swedish-space-corporation",
        ),
        # the partner builds, with the help of a Chinese body or Chinese firms
        (
            "Stations\n\nThe Kenya Space Agency will build a small receiving station at "
            "Malindi with the help of China's National Space Science Center.",
            "kenya-space-agency",
        ),
        (
            "Stations\n\nThe Kenya Space Agency plans to build the reference stations of a "
            "BeiDou augmentation network with Chinese firms by 2033.",
            "kenya-space-agency",
        ),
        # the relative clause after the station's place names its builders
        (
            "Stations\n\nThe archive sits in a ground control station at Baikonur, east of "
            "Kyzylorda, which was built by Chinese and Kazakh engineers together in 2030.",
            "kazakhstan",
        ),
    ],
)
def test_a_station_found_through_its_own_clause(reference, text, partner):
    assert partner in _stations(reference, text)


def test_a_subject_of_another_clause_is_not_the_stations_partner(reference):
    found = _stations(
        reference,
        "Stations\n\nChinese and Italian scientists share the data through a joint centre, "
        "and a network of tracking stations was built with ASI at sites in Kenya.",
    )
    assert "italy" not in found


@pytest.mark.parametrize(
    "text",
    [
        "In 2032 CGWIC will modernise the satellite control centre of the Tajik Space Agency "
        "near Dushanbe.",
        "Chinese engineers upgraded the ground control center of the Tajik Space Agency.",
    ],
)
def test_china_s_side_working_on_a_partner_s_control_centre_is_a_station_with_it(reference, text):
    assert _stations(reference, text) == {"tajik-space-agency"}


def test_a_control_centre_others_upgrade_is_no_station_with_china(reference):
    text = "Airbus upgraded the ground control centre of the Tajik Space Agency in 2030."
    assert _stations(reference, text) == set()


def test_a_station_china_will_help_a_partner_build_is_built_with_it(reference):
    text = "China will help Peru build a ground station near Arequipa."
    assert "peru" in _stations(reference, text)


@pytest.mark.parametrize(
    ("text", "partner"),
    [
        # the partner builds it "with China"
        (
            "The Chilean Space Agency will build a data receiving station in Santiago with China.",
            "chilean-space-agency",
        ),
        # a body named after its description, which the parser took for a second object
        (
            "Chinese engineers upgraded the Kourou tracking station with the French space "
            "agency CNES in 2029.",
            "cnes",
        ),
        # the owner's station, improved in a year given between, with a Chinese body's help
        (
            "The Ghana Space Agency's ground receiving station at Accra was upgraded in 2024 "
            "with the support of China Great Wall Industry Corporation.",
            "ghana-space-agency",
        ),
    ],
)
def test_a_station_built_with_china_or_with_a_described_body(reference, text, partner):
    assert partner in _stations(reference, text)


@pytest.mark.parametrize(
    ("text", "partners"),
    [
        # a partner that hosts a Chinese station is the station's partner
        (
            "The Kenya Space Agency hosts a Chinese data receiving station in Malindi.",
            {"kenya-space-agency"},
        ),
        ("Namibia hosts a Chinese tracking station at Swakopmund.", {"namibia"}),
        # ... not a station of others, nor a model of one at an exhibition
        ("Namibia hosts a European tracking station at Swakopmund.", set()),
        (
            "Namibia has hosted the Chinese Space Day exhibition, which featured a tracking "
            "station model.",
            set(),
        ),
        # a hyphenated kind of station is one kind ("deep-space station")
        (
            "China and Mongolia jointly operate the deep-space station near Ulaanbaatar.",
            {"mongolia"},
        ),
    ],
)
def test_hosted_and_hyphenated_stations(reference, text, partners):
    assert _stations(reference, text) == partners


def _statuses(reference, text: str) -> dict[str, str]:
    meta = DocumentMeta("gs", "gs.txt", "Stations", "Test", "2031", "white-paper")
    extraction = extract.extract_corpus([Document(meta, Path("gs.txt"), text)], reference)
    return {f.partner: f.status.value for f in extraction.facts if isinstance(f, GroundStation)}


def test_a_partners_station_built_with_people_of_a_chinese_body_is_the_partners(reference):
    text = (
        "The Kenya Space Agency's satellite ground station at Mombasa, which it built with "
        "engineers from China Great Wall Industry Corporation, entered service in 2022."
    )
    assert _statuses(reference, text) == {"kenya-space-agency": "achieved"}


def test_a_station_still_being_built_with_a_chinese_body_is_planned(reference):
    text = (
        "The Kenya Space Agency and CGWIC are also building a receiving station near "
        "Nakuru, which is due to enter service in 2034."
    )
    assert _statuses(reference, text) == {"kenya-space-agency": "planned"}


def test_the_building_of_station_networks_is_no_station_built(reference):
    text = (
        "China will continue to cooperate with Kenya in the field of TT&C support, and "
        "further advance the building of ground station networks."
    )
    assert _statuses(reference, text) == {}


def test_a_station_a_pronoun_gives_to_the_body_named_before_it(reference):
    text = (
        "The Gabonese Space Agency receives imagery from China, and its ground station at "
        "Nkok was upgraded with Chinese help in 2030.\n"
    )
    assert _stations(reference, text) == {"gabonese-space-agency"}


@pytest.mark.parametrize(
    ("text", "partner"),
    [
        (
            "The control stations in Accra and Kumasi that the Ghana Space Science and "
            "Technology Institute built together with Chinese firms opened in 2020.",
            "ghana-space-science-and-technology-institute",
        ),
        (
            "Its two control centres, at Cordoba and at Neuquen, were built by the National "
            "Commission on Space Activities together with China Great Wall Industry "
            "Corporation.",
            "national-commission-on-space-activities",
        ),
    ],
)
def test_a_station_its_foreign_builder_built_beside_chinas_side(reference, text, partner):
    assert _stations(reference, text) == {partner}
