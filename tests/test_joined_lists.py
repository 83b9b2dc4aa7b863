"""A list of those who joined: under "the following partners have joined:", each line
that opens on partners names partners who joined the mission the section is about,
however the line goes on to say how ("by memoranda signed with CNSA in 2027"). Each
text is new, with names of its own."""

from __future__ import annotations

from tests.one_document import cooperations_of

_LIST = (
    "3. Partners of the International Lunar Research Station\n\n"
    "Since 2021 the following have joined the programme:\n\n"
    "- Kenya and Ghana, by memoranda signed with CNSA in 2027;\n"
    "- the Zambian Space Institute, by a joint statement, in May 2028;\n"
    "- Uruguay, through an agreement concluded with CNSA in the second half of 2028.\n"
)

_ILRS = "international-lunar-research-station"


def test_each_line_of_the_list_names_partners_who_joined(reference):
    found = cooperations_of(reference, _LIST)
    assert {
        ("kenya", "lunar-and-deep-space-exploration", _ILRS),
        ("ghana", "lunar-and-deep-space-exploration", _ILRS),
        ("zambian-space-institute", "lunar-and-deep-space-exploration", _ILRS),
        ("uruguay", "lunar-and-deep-space-exploration", _ILRS),
    } <= found


def test_a_list_under_a_lead_in_that_joins_nothing_gives_no_joining(reference):
    found = cooperations_of(
        reference,
        "3. Partners of the International Lunar Research Station\n\n"
        "The following have declined the invitation:\n\n"
        "- Kenya and Ghana, in letters sent in 2027;\n",
    )
    assert not {f for f in found if f[0] in ("kenya", "ghana")}
