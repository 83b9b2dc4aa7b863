"""Who a sentence names as China's partner and what they did, where the words around a
name mislead a simple reading: a mission's designator or an article run into the
body's name, an instrument named with the craft that carries it, training given either
way, a negation that says there is more, a parse that takes the verb for a noun, a
body the text itself calls Chinese, a body known by one word after its head word, the
words that name tracking and space weather, a second predicate of the partner, a body
placed in a Chinese city, a country's agency named after a comma, work done closely, a
deep space station, the partners a signer joins, a mission's new partners listed after a
colon, a conjunction opening the sentence, a "Thai-built" instrument, and UN bodies that
work beside China (a regional bloc beside China is its partner instead). New sentences."""

from __future__ import annotations

from graph.model import Agreement, Participation
from tests.one_document import cooperations_of, facts_of


def organisations_of(reference, text: str) -> set[str]:
    """The organisations ``text`` says China takes part in."""
    return {f.organisation for f in facts_of(reference, text, kind=Participation)}


def test_a_fronted_mission_and_article_are_not_part_of_the_bodys_name(reference):
    text = (
        "For Kuafu-2 the Norwegian Space Agency (NOSA) and the University of Oslo "
        "supplied the magnetometer."
    )
    assert cooperations_of(reference, text) == {
        ("norwegian-space-agency", "payloads", "kuafu-2"),
        ("university-of-oslo", "payloads", "kuafu-2"),
    }


def test_an_instrument_named_with_its_craft_gives_the_craft(reference):
    text = (
        "The University of Bern contributed a detector to the Wide-field Camera of the "
        "Lunar Surveyor Mission."
    )
    assert cooperations_of(reference, text) == {
        ("university-of-bern", "payloads", "lunar-surveyor-mission"),
    }


def test_people_china_trains_from_a_country_make_it_a_partner(reference):
    text = "China trained 30 engineers from Zambia in 2030."
    assert cooperations_of(reference, text) == {("zambia", "training-and-education", None)}


def test_a_partner_that_trains_chinese_people_is_one(reference):
    text = "The University of Zambia trained Chinese technicians in Lusaka in 2031."
    assert cooperations_of(reference, text) == {
        ("university-of-zambia", "training-and-education", None),
    }


def test_a_body_that_trains_people_of_many_countries_is_no_partner_by_that(reference):
    text = (
        "The Lusaka Space Academy (Zambia) has trained more than 400 professionals from "
        "30 countries since it opened in 2020."
    )
    assert cooperations_of(reference, text) == set()


def test_not_alone_is_no_negation(reference):
    text = (
        "The lander does not fly alone: the University of Zambia provided tracking "
        "support for Chang'e-7 in 2031."
    )
    assert cooperations_of(reference, text) == {
        ("university-of-zambia", "tt-c", "change-7"),
    }


def test_a_verb_the_parser_reads_as_a_noun_still_has_its_subjects(reference):
    text = "Brazil's National Institute for Space Research (INPE) and CNSA exchange CBERS data."
    assert ("national-institute-for-space-research", "data-exchange", "cbers") in (
        cooperations_of(reference, text)
    )


def test_a_body_the_text_calls_chinese_is_chinas_side_of_an_agreement(reference):
    text = (
        "The Chinese start-up Nova Orbital Laboratory signed a contract with the Zambia "
        "Space Agency in 2031."
    )
    [agreement] = facts_of(reference, text, kind=Agreement)
    assert agreement.parties == ("nova-orbital-laboratory", "zambia-space-agency")


def test_work_on_the_ionosphere_is_space_weather(reference):
    text = (
        "The Space Physics Institute of Lisbon has worked with the National Space Science "
        "Center since 2029 on ionospheric observations."
    )
    assert cooperations_of(reference, text) == {
        ("space-physics-institute-of-lisbon", "space-weather", None),
    }


def test_satellite_laser_ranging_is_tracking(reference):
    text = (
        "Since 2028 the University of Lisbon has worked with the National Astronomical "
        "Observatories of China on satellite laser ranging."
    )
    assert cooperations_of(reference, text) == {("university-of-lisbon", "tt-c", None)}


def test_a_body_known_by_one_word_after_its_head_word_is_one_body(reference):
    text = (
        "The China National Space Administration and the Federal Space Corporation "
        "Orbitron signed a memorandum of understanding on lunar science on 4 May 2031."
    )
    [agreement] = facts_of(reference, text, kind=Agreement)
    assert agreement.parties == (
        "china-national-space-administration",
        "federal-space-corporation-orbitron",
    )


def test_a_un_body_acting_beside_china_takes_part_in_its_work(reference):
    text = (
        "China and the United Nations Office for Outer Space Affairs selected twelve "
        "experiments for the station in 2030."
    )
    assert organisations_of(reference, text) == {"united-nations-office-for-outer-space-affairs"}


def test_working_with_a_un_agency_is_participation(reference):
    text = (
        "The China Meteorological Administration has worked with the World Meteorological "
        "Organization on early warnings since 2029."
    )
    assert organisations_of(reference, text) == {"world-meteorological-organization"}


def test_a_regional_bloc_beside_china_is_a_partner_not_a_body_china_joins(reference):
    text = "China and ASEAN launched a joint programme on flood monitoring in 2030."
    assert organisations_of(reference, text) == set()


def test_a_second_predicate_of_the_partner_keeps_its_area(reference):
    text = (
        "Zambia joined the Asia-Pacific Space Cooperation Organization as an observer in "
        "2027 and has sent 14 engineers to train at Beihang University since then."
    )
    assert cooperations_of(reference, text) == {("zambia", "training-and-education", None)}


def test_a_body_placed_in_a_chinese_city_is_chinas_side(reference):
    text = (
        "The University of Zambia and the National Satellite Meteorological Center in "
        "Beijing have exchanged rainfall data since 2028."
    )
    assert cooperations_of(reference, text) == {
        ("university-of-zambia", "data-exchange", None),
    }


def test_working_closely_with_a_chinese_body_is_cooperation(reference):
    text = (
        "Chilean astronomers have worked closely with the National Astronomical "
        "Observatories of China since 2015."
    )
    assert cooperations_of(reference, text) == {("chile", "space-science", None)}


def test_a_deep_space_station_is_tracking_not_a_space_station(reference):
    text = "Argentina has cooperated with China on a deep space station in Neuquén since 2014."
    assert cooperations_of(reference, text) == {("argentina", "tt-c", None)}


def test_a_countrys_agency_named_after_a_comma_is_a_body(reference):
    text = "Peru's space agency, CONIDA, has received Gaofen-1 data since 2029."
    assert ("conida", "data-exchange", "gaofen-1") in cooperations_of(reference, text)


def test_the_partners_a_signer_joins_are_not_parties_to_its_agreement(reference):
    text = (
        "Ecuador signed a memorandum on lunar research with the China National Space "
        "Administration in 2029, joining Venezuela and Nicaragua among the region's "
        "partners in the International Lunar Research Station."
    )
    [agreement] = facts_of(reference, text, kind=Agreement)
    assert agreement.parties == ("china-national-space-administration", "ecuador")


def test_the_new_partners_a_mission_gained_joined_it(reference):
    text = (
        "The International Lunar Research Station gained three new partners in 2030: the "
        "Serbian Institute of Physics, Kazakhstan and Uruguay."
    )
    ilrs = "international-lunar-research-station"
    assert cooperations_of(reference, text) == {
        ("serbian-institute-of-physics", "lunar-and-deep-space-exploration", ilrs),
        ("kazakhstan", "lunar-and-deep-space-exploration", ilrs),
        ("uruguay", "lunar-and-deep-space-exploration", ilrs),
    }


def test_a_sentence_opening_conjunction_is_no_part_of_a_name(reference):
    text = (
        "Yet the Indonesian National Research and Innovation Agency signed a memorandum "
        "with CNSA in 2022 on satellite data."
    )
    [agreement] = facts_of(reference, text, kind=Agreement)
    assert agreement.parties == (
        "china-national-space-administration",
        "indonesian-national-research-and-innovation-agency",
    )


def test_an_instrument_built_in_a_country_comes_from_it(reference):
    text = "A Thai-built instrument to monitor space weather is expected to fly on Chang'e-7."
    assert {(p, m) for p, _area, m in cooperations_of(reference, text)} == {
        ("thailand", "change-7")
    }
