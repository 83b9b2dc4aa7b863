"""A one-word name no reference knows is a body when it signs beside a known one, even in
a note's shorthand ("CNSA + Kosmotras signed"), or when a craft was launched or built for
it ("China launched both for Orbitra on a Long March 2D"). A body that made a craft
("developed jointly by KSA and CAST under the agreement ...") is not a signer of the
agreement another clause says the governments signed. Every sentence here is new."""

from __future__ import annotations

from graph.model import Agreement
from tests.one_document import activities_of, facts_of


def _parties(reference, text: str) -> set[tuple[str, ...]]:
    return {f.parties for f in facts_of(reference, text, kind=Agreement)}


def test_a_name_signing_beside_a_known_body_in_shorthand_is_a_party(reference):
    text = "  - Lunar base: CNSA + Kosmotras signed an MoU on lunar data on 9 March 2030"
    assert _parties(reference, text) == {("china-national-space-administration", "kosmotras")}


def test_the_customer_a_craft_was_launched_for_is_the_partner(reference):
    text = " * Nandi-3 and Nandi-4 -- China launched both for Orbitra on a Long March 2D."
    assert activities_of(reference, text) == {
        ("launched", "orbitra", "nandi-3"),
        ("launched", "orbitra", "nandi-4"),
    }


def test_the_makers_of_a_craft_are_not_the_signers_of_the_governments_agreement(reference):
    text = (
        "KenSat-3 is being developed jointly by KSA and the China Academy of Space Technology "
        "under the programme set out in the Framework Agreement on Science, which the "
        "governments of Kenya and China signed in Nairobi on 12 March 2028."
    )
    assert _parties(reference, text) == {("china", "kenya")}


def test_bodies_right_before_signed_sign_after_a_long_opening_phrase(reference):
    text = (
        "On 21 April, during the opening week of the African Space Agency's headquarters in "
        "Cairo, CNSA and the Kenya Space Agency signed a letter of intent on a joint satellite."
    )
    assert _parties(reference, text) == {
        ("china-national-space-administration", "kenya-space-agency")
    }


def test_the_country_a_signer_is_of_does_not_sign_too(reference):
    text = (
        "In May 2030 the Nairobi Space Centre (NSC) of Kenya signed an agreement with CNSA "
        "to fly its rover."
    )
    assert _parties(reference, text) == {
        ("china-national-space-administration", "nairobi-space-centre")
    }


def test_the_two_universities_that_signed_are_the_two_the_sentence_named(reference):
    text = (
        "KenSat-2 was designed at the University of Nairobi with Beihang University, under a "
        "memorandum of understanding that the two universities signed in October 2029."
    )
    assert _parties(reference, text) == {("beihang-university", "university-of-nairobi")}
