"""A body the document names once, by one word, and the sentence it acts in: "Peru's
AndeanLink began to cooperate with ...", and sentences that end in a citation mark
("... a payload specialist.[16] Peru will ..."). Every sentence here is new."""

from __future__ import annotations

import pytest

from graph.model import Agreement, Cooperation, Status
from tests.one_document import facts_of


def _cooperation(reference, text: str) -> set[tuple[str, str]]:
    return {(f.partner, f.area) for f in facts_of(reference, text, kind=Cooperation)}


@pytest.mark.parametrize(
    "verb",
    ["began to cooperate", "has worked", "started to work", "agreed to cooperate"],
)
def test_a_countrys_one_word_body_that_acts_is_the_partner(reference, verb):
    text = f"In 2029 Peru's AndeanLink {verb} with CGWIC on satellite communications."
    found = _cooperation(reference, text)
    assert ("andeanlink", "satellite-communications") in found
    assert ("peru", "satellite-communications") not in found


def test_a_sentence_ends_at_a_bracketed_citation_mark(reference):
    text = (
        "* 2030 - CMSA and the Peruvian Space Agency signed an agreement on flying a Peruvian "
        "astronaut to the China Space Station.[12] Chile will work with China in human "
        "spaceflight under a separate plan.[13]"
    )
    chile = {
        (f.area, f.mission, f.status)
        for f in facts_of(reference, text, kind=Cooperation)
        if f.partner == "chile"
    }
    assert chile == {("human-spaceflight", None, Status.PLANNED)}


def test_an_imperative_that_opens_a_sentence_is_not_part_of_a_name(reference):
    text = (
        "Take Andean Space Research Institute (ASRI) in Lima. ASRI has worked with China "
        "on space weather since 2029."
    )
    partners = {f.partner for f in facts_of(reference, text, kind=Cooperation)}
    assert partners == {"andean-space-research-institute"}


@pytest.mark.parametrize(
    ("text", "partners"),
    [
        (
            "China has worked with the Andean Institute of Glaciology, Hydrology and Climate "
            "on Earth observation since 2029.",
            {"andean-institute-of-glaciology-hydrology-and-climate"},
        ),
        # a list whose items are places names several partners, not one body
        (
            "China has worked with the Andean Space Institute, Peru and Chile on Earth "
            "observation since 2029.",
            {"andean-space-institute", "peru", "chile"},
        ),
    ],
)
def test_a_bodys_name_may_list_its_remit(reference, text, partners):
    assert {f.partner for f in facts_of(reference, text, kind=Cooperation)} == partners


def test_a_company_with_its_short_name_in_brackets_that_signs_is_a_body(reference):
    text = (
        "Shanghai Orbital Broadband Technology (OrbiLink), the company deploying China's Orbinet "
        "constellation, signed a memorandum of understanding with Peru's Andinet in 2031."
    )
    found = {a.parties for a in facts_of(reference, text, kind=Agreement)}
    assert found == {("andinet", "shanghai-orbital-broadband-technology")}


def test_a_lettered_item_inside_a_paragraph_opens_its_own_sentence(reference):
    text = (
        "2030 results: (a) The Andean Radio Institute began taking data from Fengyun "
        "satellites. (b) The Peruvian Space Agency and the China National Space "
        "Administration signed a memorandum of understanding on lunar research in October "
        "2030."
    )
    found = {(a.parties, a.signed_on) for a in facts_of(reference, text, kind=Agreement)}
    parties = ("china-national-space-administration", "peruvian-space-agency")
    assert found == {(parties, "2030-10")}
