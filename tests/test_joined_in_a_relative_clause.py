"""A partner said to have joined a mission in a relative clause hung on its name ("Ghana,
which joined the ILRS in 2030, will host ...") cooperates on that mission, in the
mission's own area, whatever the sentence's main verb is about. Each text is new, with
names of its own, in a news register and a report's prose."""

from __future__ import annotations

from tests.one_document import cooperations_of

_ILRS = "international-lunar-research-station"
_LUNAR = "lunar-and-deep-space-exploration"


def test_a_relative_clause_of_joining_in_news(reference):
    found = cooperations_of(
        reference,
        "Ghana, which joined the ILRS in 2030, will host a receiving antenna.\n",
    )
    assert ("ghana", _LUNAR, _ILRS) in found


def test_signing_on_in_a_relative_clause_in_a_report(reference):
    found = cooperations_of(
        reference,
        "Among the regional partners is the Arab Space Coordination Group (ASCG), which "
        "signed on to the International Lunar Research Station in 2029.\n",
    )
    assert ("arab-space-coordination-group", _LUNAR, _ILRS) in found


def test_a_relative_clause_that_denies_joining_gives_nothing(reference):
    found = cooperations_of(
        reference,
        "Ghana, which has not joined the ILRS, will host a receiving antenna.\n",
    )
    assert ("ghana", _LUNAR, _ILRS) not in found


def test_a_relative_clause_about_something_else_gives_nothing(reference):
    """The relative clause must join: "which hosted the ILRS workshop" is no joining."""
    found = cooperations_of(
        reference,
        "Ghana, which hosted a workshop on the ILRS in 2030, will build an antenna.\n",
    )
    assert ("ghana", _LUNAR, _ILRS) not in found


def test_a_relative_clause_that_names_nothing_joins_what_the_sentence_before_is_about(
    reference,
):
    found = cooperations_of(
        reference,
        "The International Lunar Research Station now counts fifteen states among its "
        "partners. New this year are the Ghanaian and Peruvian space agencies, which "
        "joined in recent weeks.\n",
    )
    assert {("ghana", _LUNAR, _ILRS), ("peru", _LUNAR, _ILRS)} <= found


def test_each_demonym_of_a_list_joins(reference):
    """ "the Chilean and Bolivian space offices, who signed up": both offices signed up,
    the second demonym hung on the first by the parser."""
    found = cooperations_of(
        reference,
        "The International Lunar Research Station now counts fifteen states among its "
        "partners. Our delegation is glad to greet the Chilean and Bolivian space offices, "
        "who signed up over the summer.\n",
    )
    assert {("chile", _LUNAR, _ILRS), ("bolivia", _LUNAR, _ILRS)} <= found


def test_an_objectless_joining_with_no_mission_before_gives_nothing(reference):
    found = cooperations_of(
        reference,
        "Regional meeting\n\nThe forum met in Accra. We thank Ghana, which joined last "
        "year.\n",
    )
    assert not any(key[0] == "ghana" and key[2] for key in found)
