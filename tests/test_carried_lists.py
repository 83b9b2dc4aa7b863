"""What a carrier's sentence announces before a colon ("will carry instruments from
abroad: a camera built by X; a reflector from Y") flies on that carrier, item after item,
and an instrument from a partner is a payload whatever field the words of its name touch
("a lunar-sky imager"). A clause's own work done with a partner ("continue satellite
development with Brazil") is cooperation in that work. Every text here is new."""

from __future__ import annotations

from tests.one_document import cooperations_of

LUNAR = (
    "LUNAR AND DEEP SPACE EXPLORATION\n\n"
    "Chang'e-8, due to lift off in 2028 for the lunar south pole, will carry instruments "
    "from abroad: a seismometer built jointly by Oman and Jordan; a lunar dust counter from "
    "Portugal; and a lunar-sky imager from the Tromso Observatory.\n"
)


def test_every_item_of_an_announced_list_flies_on_the_carrier_as_a_payload(reference):
    found = cooperations_of(reference, LUNAR)
    for partner in ("oman", "jordan", "portugal", "tromso-observatory"):
        assert (partner, "payloads", "change-8") in found
    assert not any(area == "lunar-and-deep-space-exploration" for _p, area, _m in found)


def test_work_a_clause_names_done_with_a_partner_is_cooperation(reference):
    text = "China will also continue satellite development with Chile on the FASat-D programme."
    assert {(p, a) for p, a, _m in cooperations_of(reference, text)} == {
        ("chile", "satellite-development")
    }


def test_a_verb_of_doing_with_no_field_named_is_no_cooperation(reference):
    text = "China will also continue its talks with Chile next year."
    assert cooperations_of(reference, text) == set()


def test_a_partner_with_a_chinese_body_on_an_instrument_line_works_with_it(reference):
    text = (
        "B3 | SMILE — payload contributions\n\n"
        "  3. Magnetometer (MAG) ........ National Space Science Center, with Kiel University\n"
        "  4. Ion Analyser (LIA) ........ Kiel University\n"
    )
    assert ("kiel-university", "payloads", "smile") in cooperations_of(reference, text)
