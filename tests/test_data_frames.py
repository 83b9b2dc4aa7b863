"""A partner that receives or uses a Chinese mission's data exchanges data with China on
that mission, whoever the sentence says sent it. New sentences."""

from __future__ import annotations

import pytest

from tests.one_document import cooperations_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tunisia receives CBERS-04A data through a station near Sfax.",
            {("tunisia", "data-exchange", "cbers-04a")},
        ),
        (
            "Malawi uses Fengyun-4 imagery for weather forecasting.",
            {("malawi", "data-exchange", "fengyun-4")},
        ),
        ("Malawi does not receive Fengyun-4 data.", set()),
    ],
)
def test_receiving_a_missions_data_is_data_exchange_on_it(reference, text, expected):
    assert cooperations_of(reference, text) == expected
