"""Helping a partner with something in a field is cooperation with it there: "China
helped the Rwanda Space Agency set up a data centre for Earth observation". Without a
field there is nothing to file it under. New sentences."""

from __future__ import annotations

from tests.one_document import cooperations_of


def test_a_partner_china_helped_in_a_field_cooperates_in_it(reference):
    text = "China helped the Burundi Space Office set up a data centre for Earth observation."
    assert cooperations_of(reference, text) == {
        ("burundi-space-office", "earth-observation-applications", None)
    }


def test_help_in_no_field_gives_nothing(reference):
    assert (
        cooperations_of(reference, "China helped the Burundi Space Office move offices.") == set()
    )
