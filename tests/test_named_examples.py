"""Named crafts given as examples of the satellites China's side launched, built or
delivered: after "starting with" or "beginning with", or in an apposition after whom the
satellites were for. Each was done for its own "for" if it has one, else for the verb's.
A named craft elsewhere in the sentence is not an example. New sentences of my own."""

from __future__ import annotations

from tests.one_document import activities_of


def _named(reference, text: str) -> set[tuple[str, str, str | None]]:
    return {a for a in activities_of(reference, text) if a[2] is not None}


def test_crafts_after_starting_with_were_launched_for_the_verbs_customer(reference):
    text = (
        "Since 2018 Long March rockets have launched more than a dozen satellites for the "
        "Chilean firm Andesat, starting with AndeSat-1 and AndeSat-2 from Jiuquan."
    )
    assert _named(reference, text) == {
        ("launched", "andesat", "andesat-1"),
        ("launched", "andesat", "andesat-2"),
    }


def test_crafts_in_an_apposition_after_the_customer_are_the_satellites(reference):
    text = (
        "China launched two satellites for the Omani Space Agency (OSA), OmanSat-1 and "
        "OmanSat-2, from Taiyuan in 2022."
    )
    assert _named(reference, text) == {
        ("launched", "omani-space-agency", "omansat-1"),
        ("launched", "omani-space-agency", "omansat-2"),
    }


def test_the_first_example_keeps_its_own_customer(reference):
    text = (
        "By 2020 China had delivered six satellites in orbit to foreign customers, "
        "beginning with KenyaSat-1 for Kenya in 2009."
    )
    assert _named(reference, text) == {("delivered", "kenya", "kenyasat-1")}


def test_a_craft_named_in_another_clause_is_no_example(reference):
    text = (
        "China has launched satellites for Peru on four occasions, and the images of "
        "PeruSat-B reach Lima every day."
    )
    assert _named(reference, text) == set()
