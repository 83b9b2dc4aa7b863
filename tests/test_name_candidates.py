"""Names a document introduces are found by their form, whatever list they are (not) on:
an acronym spelt out beside them, the class noun that stands next to them, or the
publisher that calls itself by its initials."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.model import Document, DocumentMeta, EntityKind
from graph.name_candidates import candidates
from graph.name_forms import leading_initial
from graph.normalise import clean_text


def _names(
    text: str, publisher: str = "Test Desk"
) -> dict[str, tuple[EntityKind | None, str | None]]:
    meta = DocumentMeta("t", "t.txt", "t", publisher, "2030", "white-paper")
    document = Document(meta, Path("t.txt"), text)
    found: dict[str, tuple[EntityKind | None, str | None]] = {}
    for c in candidates(document, clean_text(text)):
        if c.alias or c.label not in found:  # the same name seen with its acronym wins
            found[c.label] = (c.kind, c.alias)
    return found


@pytest.mark.parametrize(
    ("text", "label", "kind", "alias"),
    [
        # the acronym is made of syllables of the words
        (
            "Ghana Communications Satellite Ltd (GHACOMSAT) was set up in 2029.",
            "Ghana Communications Satellite Ltd",
            EntityKind.ORGANISATION,
            "GHACOMSAT",
        ),
        # the acronym leaves the country out
        (
            "It was signed with the Ghana Space Science and Technology Institute (SSTI).",
            "Ghana Space Science and Technology Institute",
            EntityKind.ORGANISATION,
            "SSTI",
        ),
        # the acronym is the name in another language
        (
            "The Mauritanian Space Agency (MASE) opened in 2030.",
            "Mauritanian Space Agency",
            EntityKind.ORGANISATION,
            "MASE",
        ),
        # a class noun before the name says what it is
        (
            "The talks included the state space corporation Kosmotras and its engineers.",
            "Kosmotras",
            EntityKind.ORGANISATION,
            None,
        ),
        (
            "It was built with the Dutch company Orbital Hardware In Space last year.",
            "Orbital Hardware In Space",
            EntityKind.ORGANISATION,
            None,
        ),
        # an apposition after the name says what it is
        (
            "The study uses Zhinan, a formation of lunar-orbit microsatellites, from 2031.",
            "Zhinan",
            EntityKind.SPACECRAFT,
            None,
        ),
    ],
)
def test_a_name_is_classed_by_its_form(text, label, kind, alias):
    assert _names(text).get(label) == (kind, alias)


def test_a_designator_is_not_part_of_the_body_it_was_built_for():
    names = _names("China built TKSAT-9 for the Bolivian Space Agency in 2030.")
    assert "Bolivian Space Agency" in names
    assert not any(label.startswith("TKSAT-9 for") for label in names)


def test_a_craft_launched_on_a_rocket_is_not_taken_for_the_rocket():
    names = _names("China launched Chile's ChiSat-2 and Peru's PeruSat-3 on one rocket in 2032.")
    assert names.get("ChiSat-2") == (EntityKind.SPACECRAFT, None)
    assert names.get("PeruSat-3") == (EntityKind.SPACECRAFT, None)
    rockets = _names("The Long March-9 and Long March-10 rockets will fly from Wenchang.")
    assert rockets.get("Long March-10", (None, None))[0] is None


def test_an_article_in_a_capitals_heading_is_not_part_of_a_designator():
    names = _names("PARTNERS OF THE CHANG'E-11 MISSION\n\nChang'e-11 will carry six payloads.")
    assert not any(label.startswith("THE ") for label in names)


def test_a_possessive_country_is_not_part_of_a_body_name():
    names = _names("Italy's National Institute for Nuclear Physics (INFN) built the detector.")
    assert not any(label.startswith("Italy") for label in names)


def test_a_person_beside_a_class_noun_is_not_named_by_it():
    names = _names('"We are ready," said Amina Yusuf, a spokeswoman for the agency.')
    assert "Amina Yusuf" not in names


def test_a_publisher_that_calls_itself_by_its_initials():
    text = "In 2030 GSTDA exchanged data with Chinese partners."
    names = _names(text, publisher="Geo-Spatial Technology Development Agency")
    assert names["Geo-Spatial Technology Development Agency"] == (EntityKind.ORGANISATION, "GSTDA")


def test_numbers_and_diseases_are_not_spacecraft():
    names = _names(
        "The Indian resource satellite No. 2 served in 2003; services helped Covid-19 control."
    )
    assert "No" not in names
    assert "Covid-19" not in names
    assert "Level-2" not in _names("Both teams exchange Level-2 data every week.")


def test_an_instrument_named_with_a_designator_is_no_craft():
    names = _names(
        "Engineers fitted the KX-2 imager and the HEPD-04 detector on AndeSat-5, and the "
        "Palapa-E satellite was shipped."
    )
    assert "KX-2" not in names and "HEPD-04" not in names
    assert names["AndeSat-5"][0] is EntityKind.SPACECRAFT
    assert names["Palapa-E"][0] is EntityKind.SPACECRAFT


def test_a_craft_of_a_body_and_an_owned_craft_are_named_without_their_owner():
    names = _names(
        "GaboCube-1, the CubeSat of the University of Libreville, flew in 2031. Gabon's "
        "OkoumeSat, a shoebox-sized satellite, followed."
    )
    assert names["University of Libreville"][0] is EntityKind.ORGANISATION
    assert not [n for n in names if n.startswith("CubeSat")]
    assert names["OkoumeSat"][0] is EntityKind.SPACECRAFT
    assert "Gabon's OkoumeSat" not in names


def test_a_run_of_capitals_before_a_class_word_is_a_mission_or_a_craft():
    names = _names(
        "The Kivu Star mission ended in 2030. The Andean Condor satellites followed, and "
        "Peru's Inca Sun probe too; the Kenya Space Agency satellite and the Long March "
        "satellite dispenser are no names."
    )
    assert names["Kivu Star"][0] is EntityKind.MISSION
    assert names["Andean Condor"][0] is EntityKind.SPACECRAFT
    assert "Peru's Inca Sun" not in names and "Inca Sun" not in names  # a heavenly body
    assert "Long March" not in names
    assert names.get("Kenya Space Agency", (EntityKind.ORGANISATION,))[0] is EntityKind.ORGANISATION


def test_an_acronym_from_another_language_names_only_the_body_before_it():
    names = _names("On 3 May CNSA and the Gabonese Space Agency (AGES) signed a memorandum.")
    assert names["Gabonese Space Agency"] == (EntityKind.ORGANISATION, "AGES")
    assert not any(label.startswith("CNSA and") for label in names)


def test_a_body_called_by_its_initials_without_spelling_them_out():
    text = (
        "Zambia's National Remote Sensing and Mapping Agency opened in 2031. "
        "Two NRSMA engineers joined the team a year later."
    )
    names = _names(text)
    assert names["National Remote Sensing and Mapping Agency"][1] == "NRSMA"


def test_initials_are_tried_only_on_bodies_whose_first_word_they_open_with():
    """A long document names many bodies: each acronym is tried on those whose first word
    (small words left out) opens with its first capital, and still finds the one it fits."""
    assert leading_initial("the National Remote Sensing and Mapping Agency") == "N"
    assert leading_initial("Institut d'Optique Spatiale") == "I"
    text = (
        "Zambia's National Remote Sensing and Mapping Agency opened in 2031, beside the "
        "Namibian Space Institute, the Rwanda Space Agency and the National Radio Science "
        "Museum. Two NRSMA engineers joined the team a year later."
    )
    names = _names(text)
    assert names["National Remote Sensing and Mapping Agency"][1] == "NRSMA"


def test_a_name_with_an_elided_article_keeps_its_acronym():
    text = "The Institut d'Optique Spatiale (IOS) supplied the lens in 2031."
    assert _names(text)["Institut d'Optique Spatiale"] == (EntityKind.ORGANISATION, "IOS")


def test_a_city_for_science_is_a_body_and_king_or_beijing_stay_in_names():
    names = _names(
        "Since 2031 the Beijing Institute of Spaceflight has worked with the King Faisal "
        "City for Space Research on a small satellite."
    )
    assert names["Beijing Institute of Spaceflight"][0] is EntityKind.ORGANISATION
    assert names["King Faisal City for Space Research"][0] is EntityKind.ORGANISATION


def test_a_protocol_is_a_document_not_a_body():
    names = _names("They signed the Protocol on the Joint Ground Station Network in 2031.")
    assert not any(label.startswith("Protocol") for label in names)


def test_the_credit_line_of_a_page_names_no_body():
    text = (
        "Prepared by the Outreach Desk, Lakeside Space Liaison Office, March 2031\n\n"
        "The Kenya Space Agency supplied a camera."
    )
    assert "Lakeside Space Liaison Office" not in _names(text)


def test_an_acronym_glossed_by_what_it_is_names_a_body():
    names = _names("- KSA (Kenyan space agency) — a dust counter")
    assert names["KSA"][0] is EntityKind.ORGANISATION


def test_a_body_named_beside_an_acronym_is_cut_from_it():
    names = _names("In 2031 the Kenya Lunar Science Agency and KSA signed an agreement.")
    assert names["Kenya Lunar Science Agency"][0] is EntityKind.ORGANISATION


def test_a_body_named_by_its_apposition_but_not_a_person_of_it():
    text = (
        '"We will send scientists," said Aminata Sow Diallo, the agency\'s director of '
        "programmes. Zamcosmos, the Zambian space agency, agreed."
    )
    names = _names(text)
    assert names["Zamcosmos"][0] is EntityKind.ORGANISATION
    assert "Aminata Sow Diallo" not in names


def test_a_copyright_line_names_no_body():
    text = (
        "The Kenya Space Agency supplied a camera.\n\n"
        "\u00a9 2031 Lakeside Centre for Space Diplomacy. All rights reserved."
    )
    assert "Lakeside Centre for Space Diplomacy" not in _names(text)


def test_a_name_whose_words_run_across_commas_keeps_them_all_with_its_acronym():
    text = "The Ministry of Energy, Mines and Water Resources (MEMWR) will receive the data."
    assert _names(text).get("Ministry of Energy, Mines and Water Resources") == (
        EntityKind.ORGANISATION,
        "MEMWR",
    )


def test_a_short_name_in_brackets_that_the_text_goes_on_using_is_the_body_s_other_name():
    text = (
        "The National Space Agency of the Republic of Tajikistan (Tajikcosmos) opened a "
        "ground station.\n\nLater that year Tajikcosmos ordered a satellite."
    )
    assert _names(text)["National Space Agency of the Republic of Tajikistan"] == (
        EntityKind.ORGANISATION,
        "Tajikcosmos",
    )


def test_a_place_in_brackets_is_not_a_body_s_other_name():
    text = "The Institute of Geodesy and Cartography (Warsaw) supplied a laser ranger."
    assert _names(text)["Institute of Geodesy and Cartography"][1] is None


def test_a_body_named_for_whom_a_curated_body_works_is_a_name_of_its_own(reference):
    text = "The satellite was built by China for Zambian Broadcasting Satellite Ltd in 2031."
    meta = DocumentMeta("t", "t.txt", "t", "Test Desk", "2031", "white-paper")
    document = Document(meta, Path("t.txt"), text)
    taken = [(text.index("China"), text.index("China") + len("China"))]
    labels = {c.label for c in candidates(document, clean_text(text), taken)}
    assert "Zambian Broadcasting Satellite Ltd" in labels
    assert not any(label.startswith("China for") for label in labels)


def test_a_one_word_name_before_and_the_next_body_is_a_name_of_its_own():
    text = (
        "Under the deal Kazcosmos and the Centre for Orbital Data Services will exchange "
        "archived radar images."
    )
    assert "Centre for Orbital Data Services" in _names(text)


def test_a_middle_initial_stays_inside_a_name():
    names = _names("The Ruth M. Okafor Institute for Space Law trained the lawyers.")
    assert names["Ruth M. Okafor Institute for Space Law"][0] is EntityKind.ORGANISATION


@pytest.mark.parametrize(
    "name", ["Universiti Sains Malaysia", "Universitas Gadjah Mada", "Uniwersytet Warszawski"]
)
def test_a_university_named_in_its_own_language_is_a_body(name):
    assert _names(f"In 2031 the {name} built a cubesat.")[name][0] is EntityKind.ORGANISATION


def test_two_bodies_joined_by_for_the_are_two_names():
    names = _names(
        "The satellite was built by the Xi'an Institute of Space Radio Technology for the "
        "Namibian Space Agency (NASAG) in 2031."
    )
    assert names["Namibian Space Agency"] == (EntityKind.ORGANISATION, "NASAG")
    assert not any(" for the Namibian" in label for label in names)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # a country's body, said so in the apposition after it
        (
            "The agency signed a deal with Orbitrus, Russia's state launch corporation, in 2030.",
            "Orbitrus",
        ),
        (
            "Cordillera Satelital, Chile's national satellite company, joined later.",
            "Cordillera Satelital",
        ),
    ],
)
def test_a_name_a_countrys_body_describes_is_an_organisation(text, label):
    assert _names(text)[label][0] is EntityKind.ORGANISATION


def test_a_person_described_by_a_countrys_body_is_no_body():
    names = _names("Dr Ana Ruiz, Peru's agency spokeswoman, said the launch went well.")
    assert "Dr Ana Ruiz" not in names


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("In 2031 CNSA and Kosmotras signed a memorandum on lunar dust.", "Kosmotras"),
        ("Vostokinvest and the China Academy of Space Technology signed it.", "Vostokinvest"),
        ("CGWIC signed a launch contract with Andesat in June 2030.", "Andesat"),
        ("The NSSC has worked with Heliotek on solar physics since 2029.", "Heliotek"),
    ],
)
def test_a_one_word_name_that_signs_or_works_with_a_body_is_an_organisation(text, label):
    assert _names(text)[label][0] is EntityKind.ORGANISATION


@pytest.mark.parametrize(
    "text",
    [
        "The University and the National Space Science Center signed a memorandum.",
        "The memorandum was signed with Moscow in 2030.",
        "Bolivia's Space and Technology Agency and CNSA signed it in 2031.",
    ],
)
def test_class_nouns_capitals_and_words_inside_names_are_not_one_word_bodies(text):
    assert not {"University", "Moscow", "Space"} & set(_names(text))


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "Peru's Ministry of Science, Technology and Innovation and CNSA signed a memorandum.",
            "Ministry of Science, Technology and Innovation",
        ),
        (
            "The Ministry of Transport, Communications and Information Technology (MTCIT) of "
            "Oman has worked with CSNO.",
            "Ministry of Transport, Communications and Information Technology",
        ),
    ],
)
def test_a_ministry_whose_name_lists_its_remit_is_one_name(text, label):
    names = _names(text)
    assert names[label][0] is EntityKind.ORGANISATION
    assert "Ministry of Science" not in names and "Ministry of Transport" not in names


def test_a_field_of_study_after_in_belongs_to_the_name_a_place_does_not():
    names = _names("The Institute for Research in Astrophysics and Planetology in Lyon helped.")
    assert "Institute for Research in Astrophysics and Planetology" in names
    assert not any("Lyon" in label for label in names)


def test_a_name_does_not_run_on_into_a_mission_with_an_apostrophe():
    names = _names("The dosimeter was made at the University of Graz for Chang'e-9.")
    assert "University of Graz" in names
