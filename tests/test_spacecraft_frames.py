"""Spacecraft activities read from the verb frames of new sentences: coordinated
spacecraft, passives and participles that share the customer of the main verb, launches
worded as "placed into orbit", partners named by the adjective of a nationality, and the
owner named in an apposition. Every sentence here is new."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import extract
from graph.model import Document, DocumentMeta, SpacecraftActivity
from tests.one_document import facts_of


def _activities(reference, text: str) -> set[tuple[str, str, str | None]]:
    meta = DocumentMeta("crafts", "crafts.txt", "Crafts", "Test", "2031", "white-paper")
    extraction = extract.extract_corpus([Document(meta, Path("crafts.txt"), text)], reference)
    return {
        (f.activity, f.partner, f.spacecraft)
        for f in extraction.facts
        if isinstance(f, SpacecraftActivity)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two spacecraft coordinated as the passive subject
        (
            "NamSat-3A and NamSat-3B were delivered in orbit to Namibia in 2030.",
            {("delivered", "namibia", "namsat-3a"), ("delivered", "namibia", "namsat-3b")},
        ),
        # ... and as the object, with the years in parentheses
        (
            "China launched ZamSat-1 (2029) and ZamSat-2 (2031) for Zambia.",
            {("launched", "zambia", "zamsat-1"), ("launched", "zambia", "zamsat-2")},
        ),
        # a participle built by a Chinese body shares the customer of the main verb
        (
            "UgaSat-4, built by the China Academy of Space Technology, was launched for "
            "Uganda in March.",
            {("built", "uganda", "ugasat-4"), ("launched", "uganda", "ugasat-4")},
        ),
        # the customer named on the participle serves the main verbs too
        (
            "MaliSat-2, a weather satellite built for Mali, was launched from Xichang and "
            "delivered in orbit in 2031.",
            {
                ("built", "mali", "malisat-2"),
                ("launched", "mali", "malisat-2"),
                ("delivered", "mali", "malisat-2"),
            },
        ),
        # "placed into orbit" is a launch
        (
            "A Long March rocket placed ChadSat-1 into orbit for Chad on Tuesday.",
            {("launched", "chad", "chadsat-1")},
        ),
        # engineers of two nations developed it jointly
        (
            "KSS-2 was jointly developed by Kenyan and Chinese engineers.",
            {("jointly-developed", "kenya", "kss-2")},
        ),
        # the owner is the nationality in the apposition
        (
            "TsogSat-2, a small Mongolian imaging satellite, was launched from Jiuquan.",
            {("launched", "mongolia", "tsogsat-2")},
        ),
        # a foreign builder's satellite carried by a Chinese mission was launched for it
        (
            "Chang'e-9 carried GhanaCube-1, a cubesat built by Ghana's All Nations University.",
            {("launched", "all-nations-university", "ghanacube-1")},
        ),
    ],
)
def test_spacecraft_frames_are_read_from_the_structure(reference, text, expected):
    assert expected <= _activities(reference, text)


@pytest.mark.parametrize(
    "text",
    [
        # another country's satellite on another country's rocket
        "Gabon's first satellite, GaboSat-1, was built in France and launched on a European "
        "rocket from Kourou in 2030.",
        # a nationality inside the name of the body that is the partner
        "NigSat-5 was jointly developed by the China National Space Administration and the "
        "Nigerian space agency NASRDA.",
    ],
)
def test_what_others_did_or_a_bodys_country_gives_no_such_partner(reference, text):
    found = _activities(reference, text)
    assert not {f for f in found if f[1] in ("gabon", "nigeria")}


def test_whom_a_relative_clause_says_the_work_was_for(reference):
    found = _activities(
        reference,
        "Peru, for which China built and launched PeruSat-9 in 2030, has also worked with "
        "China on space weather.",
    )
    assert {("built", "peru", "perusat-9"), ("launched", "peru", "perusat-9")} <= found


def test_a_spacecraft_launched_together_with_another_keeps_its_own_customer(reference):
    found = _activities(
        reference,
        "China built KenSat-2 for Kenya and launched it from Jiuquan in 2031, together with "
        "GhanaSat-3 for Ghana.",
    )
    assert {("built", "kenya", "kensat-2"), ("launched", "kenya", "kensat-2")} <= found
    assert ("launched", "ghana", "kensat-2") not in found


SHEET = (
    "SATELLITES FOR PARTNERS\n"
    "• Ghana: GhanaSat-4 was launched from Taiyuan in 2031\n"
    "• Chile — ChileSat-7 and ChileSat-8, imaging satellites of the Kenya Space Agency, were "
    "launched by China from Jiuquan in 2030\n"
    "• Zambia — ZamSat-9, ordered from China in 2029, was never built\n"
    "• Peru — PeruSat-2 was built by Airbus and launched by Arianespace\n"
    "• Algeria — AlSat-9, to be launched from Jiuquan in 2032\n"
)


@pytest.fixture(scope="module")
def sheet(reference):
    return _activities(reference, SHEET)


@pytest.mark.parametrize(
    "fact",
    [
        # the line's label is whom the work was for, when the line names no one else
        ("launched", "ghana", "ghanasat-4"),
        ("launched", "algeria", "alsat-9"),
        # an owner the line names comes before its label
        ("launched", "kenya-space-agency", "chilesat-7"),
        ("launched", "kenya-space-agency", "chilesat-8"),
    ],
)
def test_a_fact_sheet_line_gives_its_spacecraft_to_its_label(sheet, fact):
    assert fact in sheet


def test_a_line_about_work_not_done_or_done_by_others_gives_nothing(sheet):
    assert not any(partner in ("zambia", "peru", "chile") for _a, partner, _c in sheet)


def test_the_agency_just_named_in_the_sentence_is_the_one_meant(reference):
    found = _activities(
        reference,
        "The Zambia Space Agency met twice in 2030. The Zambia Space Agency chose a site. "
        "KenSat-5, a cubesat built by the Kenya Space Agency, was launched for the agency "
        "by China in 2031.",
    )
    assert ("launched", "kenya-space-agency", "kensat-5") in found


def test_the_satellite_of_the_next_sentence_is_the_one_just_named(reference):
    found = _activities(
        reference,
        "Zamcosmos, the Zambian space agency, ordered ZamSat-3 in 2030. Under the plan, the "
        "satellite would be built in China for Zamcosmos and launched from Jiuquan in 2032.",
    )
    assert {("built", "zamcosmos", "zamsat-3"), ("launched", "zamcosmos", "zamsat-3")} <= found


def test_the_satellite_a_relative_clause_describes_is_the_one_named_before(reference):
    # the building is said in the clause on "the satellite", in the next paragraph
    found = _activities(
        reference,
        "The weather satellite KenSat-4 was handed over in orbit to the Kenya Space Agency "
        "on Friday.\n\nThe satellite, which was designed and built by the China Academy of "
        "Space Technology for the agency, was put into orbit in May 2031 by a Long March 2D.",
    )
    agency = "kenya-space-agency"
    assert {("built", agency, "kensat-4"), ("launched", agency, "kensat-4")} <= found


def test_a_partner_named_again_in_a_statement_of_its_own_cooperates_beyond_the_craft(reference):
    text = (
        "KenSat-5 was built and launched by CGWIC for the Kenya Space Agency (KSA) in 2029, "
        "and CGWIC has worked with KSA on satellite communications ever since."
    )
    facts = {
        (type(f).__name__, f.partner, getattr(f, "area", None)) for f in facts_of(reference, text)
    }
    assert ("Cooperation", "kenya-space-agency", "satellite-communications") in facts
    assert ("SpacecraftActivity", "kenya-space-agency", None) in facts


def test_a_craft_its_owner_built_itself_and_china_launched_is_launched_for_the_owner(reference):
    found = _activities(
        reference,
        "KenSat-7, a satellite that the Kenya Space Agency built itself, was launched by China "
        "in 2030.",
    )
    assert found == {("launched", "kenya-space-agency", "kensat-7")}


def test_a_satellite_word_that_qualifies_another_thing_stands_for_no_satellite(reference):
    found = _activities(
        reference,
        "China launched ZamSat-3 for Zambia in 2031. The satellite control centre near Lusaka "
        "was built together with the Zambian side.",
    )
    assert not any(activity == "jointly-developed" for activity, _p, _c in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an apposition describes the craft its noun names; it is no second craft
        (
            "CBERS-06, the sixth China-Brazil Earth Resources Satellite, was jointly "
            "developed with Brazil and launched in 2031.",
            {
                ("jointly-developed", "brazil", "cbers-06"),
                ("launched", "brazil", "cbers-06"),
            },
        ),
        # the subject raised by "is expected to be built"
        (
            "The satellite, provisionally named NepalSat-3, is expected to be built by "
            "China for Nepal and launched in 2033.",
            {("built", "nepal", "nepalsat-3"), ("launched", "nepal", "nepalsat-3")},
        ),
        # a launch by someone else's rocket, however jointly the craft was developed
        (
            "SMILE has been developed jointly with the European Space Agency and will be "
            "carried into orbit by a European Vega-C rocket.",
            {("jointly-developed", "european-space-agency", "smile")},
        ),
        (
            "SVOM, developed jointly by France and China, is to be launched on an Indian "
            "PSLV rocket from Sriharikota.",
            {("jointly-developed", "france", "svom")},
        ),
    ],
)
def test_whose_craft_and_whose_launch(reference, text, expected):
    assert _activities(reference, "Crafts\n\n" + text) == expected


def test_a_table_row_built_by_others_is_only_launched(reference):
    text = (
        "Crafts\n\nTable 2. Satellites built or launched by China for customers abroad\n\n"
        "Satellite       Customer     Built by               Launch date\n"
        "-------------   ----------   --------------------   ------------\n"
        "Nilesat-301     Egypt        Thales Alenia Space    2022-06-08\n"
        "Belintersat-1   Belarus      CAST                   2016-01-16\n"
    )
    found = _activities(reference, text)
    assert ("launched", "egypt", "nilesat-301") in found
    assert ("built", "egypt", "nilesat-301") not in found
    assert ("built", "belarus", "belintersat-1") in found


def test_a_customer_after_the_builder_is_whom_the_spacecraft_is_for_not_a_list(reference):
    text = (
        "Tajiksat-2 will be built by the China Academy of Space Technology for the Tajik "
        "Space Agency, and CGWIC will launch it from Jiuquan in 2033."
    )
    found = _activities(reference, text)
    assert ("built", "tajik-space-agency", "tajiksat-2") in found


def test_a_relative_clause_after_a_spacecraft_is_about_it_however_it_is_parsed(reference):
    text = (
        "The new satellite will take over the customers of Tajiksat-1, which was built by "
        "CAST for Tajikistan and launched from Xichang in 2027."
    )
    found = _activities(reference, text)
    assert {("built", "tajikistan", "tajiksat-1"), ("launched", "tajikistan", "tajiksat-1")} <= (
        found
    )


def test_a_document_s_own_acronym_for_a_curated_body_names_it(reference):
    text = (
        "In 2029 the Space Climate Observatory (SCOBS) opened an office in Paris. Two small "
        "satellites, Ipe-1 and Ipe-2, were later built by China for SCOBS."
    )
    found = _activities(reference, text)
    assert ("built", "space-climate-observatory", "ipe-1") in found


def test_the_body_a_demonym_describes_is_the_customer_not_its_country(reference):
    text = (
        "A Long March 3B launched Tajiksat-3 for the Tajik operator Pamir Telecom Company "
        "from Xichang in 2031."
    )
    found = _activities(reference, text)
    assert ("launched", "pamir-telecom-company", "tajiksat-3") in found
    assert ("launched", "tajikistan", "tajiksat-3") not in found


def test_a_countrys_first_satellite_in_apposition_was_launched_for_that_country(reference):
    text = "2027-04-02 - NepaliSat-3, Nepal's first radar satellite, was launched from Taiyuan."
    assert ("launched", "nepal", "nepalisat-3") in _activities(reference, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "China launched AndesSat-2 from Xichang in 2029. It was handed over in orbit to "
            "the Peruvian Space Agency (CONIDA) in May.",
            ("delivered", "peruvian-space-agency", "andessat-2"),
        ),
        (
            "AndesSat-2 reached orbit in 2029. The China Academy of Space Technology built it "
            "for the Bolivian Space Agency (ABE).",
            ("built", "bolivian-space-agency", "andessat-2"),
        ),
    ],
)
def test_it_stands_for_the_spacecraft_the_sentence_before_named(reference, text, expected):
    assert expected in _activities(reference, text)


def test_a_spacecraft_built_by_china_is_for_the_customer_the_paragraph_gave_it(reference):
    text = (
        "China launched AndesSat-2 and AndesSat-3 for Peru from Jiuquan in 2030. AndesSat-2 "
        "was built by the China Academy of Space Technology, while Peruvian engineers "
        "assembled AndesSat-3 in Lima."
    )
    assert ("built", "peru", "andessat-2") in _activities(reference, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # gapping: the second craft shares the verb and whom it was for
        (
            "China launched AndesSat-2 for Peru from Jiuquan on 3 May 2031 and AndesSat-3 "
            "on 9 July 2031.",
            ("launched", "peru", "andessat-3"),
        ),
        # the owner of a list's first craft owns the list
        (
            "Peru's AndesSat-2 and AndesSat-3 were launched on a Long March 2D from Jiuquan.",
            ("launched", "peru", "andessat-3"),
        ),
        # lifted into orbit is a launch; "owned by X" in the apposition says whose
        (
            "Andesat-4, the first radar satellite owned by Ecuador, was lifted into orbit from "
            "Xichang on Sunday.",
            ("launched", "ecuador", "andesat-4"),
        ),
    ],
)
def test_gapped_listed_and_owned_crafts_are_launched_for_their_owner(reference, text, expected):
    assert expected in _activities(reference, text)


def test_the_satellite_is_the_last_one_named_a_few_sentences_before(reference):
    text = (
        "China launched Andesat-4 on Sunday. A Long March 3B carried the 5-tonne spacecraft. "
        "The satellite was built for Ecuador by the China Academy of Space Technology."
    )
    assert ("built", "ecuador", "andesat-4") in _activities(reference, text)


def test_a_rocket_carrying_two_crafts_launches_each_for_its_own(reference):
    text = (
        "09:15 On board is NileSat-7, a satellite that CGWIC built for the Egyptian Space "
        "Agency.\n\n10:03 Liftoff! The Long March 2D rocket has cleared the tower carrying "
        "NileSat-7 and a small cubesat, SinaiSat-1, developed by Cairo University.\n"
    )
    found = _activities(reference, text)
    assert ("launched", "egyptian-space-agency", "nilesat-7") in found
    assert ("launched", "cairo-university", "sinaisat-1") in found


def test_a_described_apposition_of_a_named_craft_is_that_craft_not_a_second_one(reference):
    text = (
        "In 2029 China launched ANDES-2, Peru's first radar satellite, for the Peruvian "
        "Space Agency from Taiyuan."
    )
    found = _activities(reference, text)
    assert ("launched", "peruvian-space-agency", "andes-2") in found
    assert not {f for f in found if f[2] is None}


def test_a_craft_launched_for_a_countrys_unnamed_agency_is_for_that_country(reference):
    text = "China has launched #AndesSat-5 for Peru's space agency from Jiuquan this morning."
    assert ("launched", "peru", "andessat-5") in _activities(reference, text)


def test_a_table_of_customers_and_statuses_gives_each_row_its_activity(reference):
    text = (
        "Table 3: Satellite contracts with foreign customers\n\n"
        "Customer                          Satellite    Signed       Status\n"
        "Andean Communications Satellite   AndeSat-2    March 2028   delivered in orbit, 2030\n"
        "Bolivian Space Agency             TKSat-4      June 2029    under construction\n"
    )
    found = _activities(reference, text)
    assert ("delivered", "andean-communications-satellite", "andesat-2") in found
    assert ("built", "bolivian-space-agency", "tksat-4") in found


def test_a_description_the_names_after_it_spell_out_is_those_crafts(reference):
    text = "Under the contract, CAST will build two satellites, AndeSat-5 and AndeSat-6, for Peru."
    found = _activities(reference, text)
    assert {("built", "peru", "andesat-5"), ("built", "peru", "andesat-6")} <= found
    assert not {f for f in found if f[2] is None}


def test_lofted_is_a_launch(reference):
    text = "AndeSat-7, a satellite China built for Peru, was lofted from Jiuquan in 2031."
    assert ("launched", "peru", "andesat-7") in _activities(reference, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # examples of the verb's object, hung by the parser on the verb
        (
            "China has launched 14 satellites for foreign customers since 2007, including "
            "Peru's AndeSat-8.",
            ("launched", "peru", "andesat-8"),
        ),
        # the one who takes delivery is whom the craft was delivered to
        (
            "The Peruvian Space Agency took delivery of AndeSat-9 in orbit in March 2031.",
            ("delivered", "peruvian-space-agency", "andesat-9"),
        ),
    ],
)
def test_examples_of_launched_satellites_and_taking_delivery(reference, text, expected):
    assert expected in _activities(reference, text)


def test_a_craft_expected_to_be_launched_by_china_is_a_planned_launch(reference):
    """The launch completes "is expected to": the craft that "expected" speaks of, the
    subject of the verb it is coordinated with, is the one to be launched."""
    text = (
        "ZamSat-5 will be developed jointly by Chinese and Zambian engineers and is "
        "expected to be launched by China in 2033."
    )
    found = {
        (f.activity, f.partner, f.spacecraft, f.status.value)
        for f in facts_of(reference, text, kind=SpacecraftActivity)
    }
    assert ("launched", "zambia", "zamsat-5", "planned") in found
