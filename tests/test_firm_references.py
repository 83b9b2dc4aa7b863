""" "The firm" and "the company" refer back to a body the text has said is a company,
even when its name does not say so ("Orbicon, the Lyon-based imaging company"), and
"the firm's satellite" is that body's. A possessive of another description ("the
organisation's activities") is not read so. Every text here is new."""

from __future__ import annotations

from tests.one_document import activities_of


def test_the_firm_is_the_company_an_apposition_named(reference):
    text = (
        "Orbicon, the Lyon-based imaging company, now flies eight satellites. "
        "The firm's first satellite, OrbiSat-1, was launched by China in 2029."
    )
    assert ("launched", "orbicon", "orbisat-1") in activities_of(reference, text)


def test_without_the_apposition_the_firm_is_no_one(reference):
    text = (
        "Orbicon now flies eight satellites. "
        "The firm's first satellite, OrbiSat-1, was launched by China in 2029."
    )
    assert not any(p == "orbicon" for _a, p, _s in activities_of(reference, text))


def test_the_word_for_a_crafts_kind_is_not_the_first_word_of_its_name(reference):
    text = (
        "Orbicon, the Lyon-based imaging company, now flies eight satellites. "
        "The firm's first satellite, the CubeSat OrbiSat-1, was launched by China in 2029."
    )
    assert ("launched", "orbicon", "orbisat-1") in activities_of(reference, text)


def test_its_instrument_is_the_body_that_opened_the_sentence_before(reference):
    from tests.one_document import cooperations_of

    text = (
        "The Kenya Space Agency (KSA) is also working with China on lunar science. Its "
        "first lunar instrument, a camera developed with Kiel University, will fly on "
        "China's Chang'e-8 mission in 2028."
    )
    assert ("kenya-space-agency", "payloads", "change-8") in cooperations_of(reference, text)
