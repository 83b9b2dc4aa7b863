"""Participation read from the frames of English rather than from a list of phrases:
acting through or within an organisation, sitting or serving on it, representing China in
it, being one of its members, hosting or chairing it or its secretariat, signing its
convention, and relative clauses that name it by a pronoun. Every sentence here is new."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import extract
from graph.model import Document, DocumentMeta, Participation


def _participation(reference, text: str) -> dict[str, str]:
    meta = DocumentMeta("orgs", "orgs.txt", "Orgs", "Test", "2031", "white-paper")
    extraction = extract.extract_corpus([Document(meta, Path("orgs.txt"), text)], reference)
    return {
        f.organisation: f.status.value for f in extraction.facts if isinstance(f, Participation)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # acting through an organisation, with any verb
        (
            "The China National Space Administration routes its frequency filings through "
            "the International Telecommunication Union.",
            {"international-telecommunication-union"},
        ),
        # ... also when China is the passive agent among others
        (
            "Launch slots for ChileSat-1 were coordinated by China and Chile through the "
            "International Telecommunication Union.",
            {"international-telecommunication-union"},
        ),
        # members, member states, founding members, with China among the subjects
        (
            "Mexico and China are both member states of the Group on Earth Observations.",
            {"group-on-earth-observations"},
        ),
        # sitting or serving on a body, or on its council
        (
            "China sits on the council of the World Meteorological Organization.",
            {"world-meteorological-organization"},
        ),
        (
            "China serves on the UN Committee on the Peaceful Uses of Outer Space, as Chile does.",
            {"committee-on-the-peaceful-uses-of-outer-space"},
        ),
        # a Chinese body represents China in an organisation
        (
            "The Chinese Academy of Sciences represents China in the International "
            "Astronautical Federation.",
            {"international-astronautical-federation"},
        ),
        # relative clauses name the organisation by a pronoun
        (
            "The Asia-Pacific Space Cooperation Organization, whose secretariat China hosts "
            "in Beijing, met in Lima.",
            {"asia-pacific-space-cooperation-organization"},
        ),
        (
            "The Group on Earth Observations, of which China and Chile are founding members, "
            "met in Geneva.",
            {"group-on-earth-observations"},
        ),
        (
            "The International Charter on Space and Major Disasters (Paris), which China "
            "joined in 2007, was activated 12 times.",
            {"international-charter-on-space-and-major-disasters"},
        ),
        # "its" after a semicolon: the organisation of the clause before
        (
            "The Group on Earth Observations is formally launched in Geneva; China hosts its "
            "secretariat.",
            {"group-on-earth-observations"},
        ),
        # signing an organisation's founding convention is joining it
        (
            "In 2030 China, Chile and Peru signed the APSCO Convention in Lima.",
            {"asia-pacific-space-cooperation-organization"},
        ),
        # a summit of an organisation is the organisation China hosts
        (
            "China hosted the 2032 Beijing Summit of the Group on Earth Observations.",
            {"group-on-earth-observations"},
        ),
        # part of an organisation's initiative
        (
            "China takes part in the Space for Everyone initiative of the United Nations "
            "Office for Outer Space Affairs.",
            {"united-nations-office-for-outer-space-affairs"},
        ),
    ],
)
def test_participation_frames(reference, text, expected):
    assert set(_participation(reference, text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # someone else is the member, the host or the one who acts through it
        "Brazil has pledged to support the African Space Agency.",
        "Chile hosted the Summit of the Group on Earth Observations last year.",
        # a body beside the one China takes part in is no second membership
        "CNSA attends the Inter-Agency Space Debris Coordination Committee beside ESA and "
        "other agencies.",
        # a bilateral joint body is not a multilateral mechanism
        "China and Chile, through their Joint Commission on Space Cooperation, reviewed the plan.",
    ],
)
def test_not_participation(reference, text):
    found = _participation(reference, text)
    assert "african-space-agency" not in found
    assert "group-on-earth-observations" not in found
    assert "european-space-agency" not in found
    assert not any("joint" in key for key in found)


def test_status_of_promises_and_relative_clauses(reference):
    # a pledge is a plan; a relative clause says what already holds
    assert _participation(reference, "China has pledged to support the African Space Agency.") == {
        "african-space-agency": "planned"
    }
    text = (
        "Chile and China signed a space cooperation agreement in 2030. The two sides will work "
        "together within the framework of the Group on Earth Observations, whose headquarters "
        "is in Geneva and of which both countries are founding members, and will support each "
        "other in the World Meteorological Organization."
    )
    assert _participation(reference, text) == {
        "group-on-earth-observations": "achieved",
        "world-meteorological-organization": "planned",
    }


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        # a member's view of its own membership, in a translated press release
        (
            "As a member of the World Meteorological Organization, my country will keep its "
            "weather data open to all.",
            "world-meteorological-organization",
        ),
        # China leads, sets up or coordinates a body
        (
            "China leads the Asia-Pacific Space Cooperation Organization.",
            "asia-pacific-space-cooperation-organization",
        ),
        (
            "The Lunar Dust Forum, which China set up with five partners in 2029, met in Xi'an.",
            "lunar-dust-forum",
        ),
        # China gives to a body's work, or chairs one of its gatherings
        (
            "China also contributes radar imagery to the Group on Earth Observations.",
            "group-on-earth-observations",
        ),
        (
            "China co-chaired the International Telecommunication Union workshop on "
            "spectrum for lunar missions in 2032.",
            "international-telecommunication-union",
        ),
        # China's people act for it
        (
            "Chinese mission teams work through the Consultative Committee for Space Data Systems.",
            "consultative-committee-for-space-data-systems",
        ),
    ],
)
def test_membership_leading_founding_and_working_through(reference, text, organisation):
    found = _participation(reference, text)
    assert found.get(organisation) == "achieved"


@pytest.mark.parametrize(
    "text",
    [
        "China co-chaired the Group on Earth Observations in 2031.",
        "China, one of the co-chairs of the Group on Earth Observations, has invited Kenya "
        "to its plenary.",
    ],
)
def test_chairing_a_body_however_the_words_are_cut(reference, text):
    assert _participation(reference, text).get("group-on-earth-observations") == "achieved"


def test_a_superscript_footnote_ends_its_sentence(reference):
    text = (
        "Bodies\n\nThe camera was supplied by the Hellenic Optics Laboratory.\u00b3 China "
        "chairs the Group on Earth Observations this year."
    )
    assert _participation(reference, text).get("group-on-earth-observations") == "achieved"


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        # China acts beside the subject
        (
            "Our agency takes part, alongside China, in the World Meteorological Organization.",
            "world-meteorological-organization",
        ),
        # a noun that says what its owners do there
        (
            "China and Peru reaffirmed their support for the work of the International "
            "Telecommunication Union.",
            "international-telecommunication-union",
        ),
        # the frame's preposition on the verb's object
        (
            "China and Chile coordinate their frequency filings in the International "
            "Telecommunication Union.",
            "international-telecommunication-union",
        ),
    ],
)
def test_participation_beside_china_through_a_noun_or_on_the_object(reference, text, organisation):
    assert organisation in _participation(reference, text)


def test_the_un_before_a_committees_name_is_part_of_the_name(reference):
    text = "China takes part in the UN Committee on the Peaceful Uses of Outer Space."
    found = _participation(reference, text)
    assert "committee-on-the-peaceful-uses-of-outer-space" in found
    assert "united-nations" not in found


def test_an_event_organised_by_a_chinese_body_with_an_organisation(reference):
    text = (
        "The course was hosted by the Peruvian Space Agency and co-organised by the China "
        "National Space Administration with the World Meteorological Organization."
    )
    assert "world-meteorological-organization" in _participation(reference, text)


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        # what a member brings before a body
        (
            "In 2029 the China National Space Administration presented its asteroid defence "
            "plan to the UN Committee on the Peaceful Uses of Outer Space.",
            "committee-on-the-peaceful-uses-of-outer-space",
        ),
        (
            "CNSA submitted its annual space debris report to the Inter-Agency Space Debris "
            "Coordination Committee.",
            "inter-agency-space-debris-coordination-committee",
        ),
        # the coordination or the role a member has in a body
        (
            "China and Peru agreed to strengthen their coordination in the International "
            "Telecommunication Union.",
            "international-telecommunication-union",
        ),
        # an event co-hosted with a body of the UN system
        (
            "China will co-host a training workshop with the United Nations Office for Outer "
            "Space Affairs in Harbin.",
            "united-nations-office-for-outer-space-affairs",
        ),
    ],
)
def test_what_china_brings_before_a_body_or_hosts_with_it(reference, text, organisation):
    assert organisation in _participation(reference, text)


def test_a_plan_another_country_presents_to_a_body_is_not_chinas_part(reference):
    text = (
        "Peru presented its asteroid defence plan to the UN Committee on the Peaceful Uses "
        "of Outer Space."
    )
    assert _participation(reference, text) == {}
