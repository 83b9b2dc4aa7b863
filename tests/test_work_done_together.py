"""Work done together, told by "with" rather than by a cooperation word: a partner
doing something with China's side, or China's side with the partner, in a field the
clause names. Each sentence is new, with names of its own."""

from __future__ import annotations

import pytest

from tests.one_document import cooperations_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the partner does it with China's side
        (
            "The Zambian Space Institute has run a crop monitoring project with the China "
            "Academy of Space Technology since 2027.",
            ("zambian-space-institute", "earth-observation-applications", None),
        ),
        # China's side does it with the partner
        (
            "The National Space Science Center has run a space weather campaign with the "
            "Zambian Space Institute since 2027.",
            ("zambian-space-institute", "space-weather", None),
        ),
        # a preposition of company opens the sentence: not part of the partner's name
        (
            "Alongside the Zambian Space Institute, the National Space Science Center "
            "studied space weather over southern Africa.",
            ("zambian-space-institute", "space-weather", None),
        ),
    ],
)
def test_work_done_with_chinas_side_in_a_field(reference, text, expected):
    assert expected in cooperations_of(reference, text)


@pytest.mark.parametrize(
    "text",
    [
        # denied: nothing was done together
        "The Zambian Space Institute reported no space weather projects with China.",
        # talks are not work
        "The Zambian Space Institute held talks on space weather with the China Academy "
        "of Space Technology.",
        # no field of its own: "with China" alone says nothing of what was done
        "The Zambian Space Institute has run a project with the China Academy of Space "
        "Technology since 2027.",
    ],
)
def test_with_china_alone_is_not_work_done_together(reference, text):
    assert not {f for f in cooperations_of(reference, text) if f[0] == "zambian-space-institute"}
