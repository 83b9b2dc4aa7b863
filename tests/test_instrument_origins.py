"""Where a mission's instrument comes from, read from the noun phrase "from" or "of"
hangs on: the instrument's own name after its class word, a noun its class word
qualifies, a participle naming it, a second "from" coordinated with the first, and a
verb of coming whose subject is the instrument. New sentences, in a news article's and a
talk's wording."""

from __future__ import annotations

import pytest

from tests.one_document import cooperations_of


@pytest.mark.parametrize(
    ("text", "partner"),
    [
        (
            "Chang'e-7 will carry instruments from Kenya and Peru, as well as from the "
            "University of Nairobi.",
            "university-of-nairobi",
        ),
        (
            "In 2026 Chang'e-7 landed, with the neutron dosimeter LNX from the University "
            "of Nairobi.",
            "university-of-nairobi",
        ),
        ("Chang'e-7 will fly with detector modules from Kenya and Peru.", "peru"),
        (
            "The Chang'e-7 lander carries the radio instrument LFX of the University of Nairobi.",
            "university-of-nairobi",
        ),
        (
            "On the Chang'e-7 rover there is a small sensor, and that one came from the "
            "University of Nairobi.",
            "university-of-nairobi",
        ),
        ("On the Chang'e-7 lander there is a radon detector called RADX from Peru.", "peru"),
    ],
)
def test_an_instruments_origin_is_a_payload_partner_on_the_mission(reference, text, partner):
    assert (partner, "payloads", "change-7") in cooperations_of(reference, text)


@pytest.mark.parametrize(
    "text",
    [
        "Chang'e-7 took images of the University of Nairobi campus.",
        "The Chang'e-7 probe came from a design of the University of Nairobi.",
        # no mission in view: an instrument's origin alone is no cooperation with China
        "The new weather radar, with detector modules from Peru, opened in Lima.",
    ],
)
def test_what_is_no_instrument_of_a_mission_gives_no_payload(reference, text):
    assert not {f for f in cooperations_of(reference, text) if f[1] == "payloads"}
