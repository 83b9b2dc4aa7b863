"""Samples a Chinese mission returned, studied by a partner, are cooperation on that
mission: "Peruvian scientists have analysed samples returned by Chang'e-6". Studying
samples is research, not training. Every sentence here is new."""

from __future__ import annotations

import pytest

from tests.one_document import cooperations_of as _cooperation


@pytest.mark.parametrize(
    "text",
    [
        "Peruvian scientists have analysed samples returned by Chang'e-6.",
        "Researchers of the University of Lima studied Chang'e-6 samples in 2030.",
    ],
)
def test_a_partner_studying_a_missions_samples_cooperates_on_it(reference, text):
    found = _cooperation(reference, text)
    assert {mission for _p, _a, mission in found} == {"change-6"}
    assert {area for _p, area, _m in found} == {"lunar-and-deep-space-exploration"}


def test_samples_not_studied_give_nothing(reference):
    text = "Peruvian scientists have not analysed any samples returned by Chang'e-6."
    assert _cooperation(reference, text) == set()
