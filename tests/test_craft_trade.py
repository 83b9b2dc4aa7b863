"""Crafts told of as trade, unnamed: a launch sold as a service is a launch for each
customer, satellites exported were built for each buyer (the guidelines' spacecraft
activities, craft unnamed). Someone else's trade, a denied one and a satellite that
carries services give none. Every sentence here is new."""

from __future__ import annotations

import pytest

from graph.model import SpacecraftActivity, Status
from tests.one_document import activities_of, facts_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a white paper's coordination of modifiers, customers after "countries including"
        (
            "China has provided satellite carrying or launching services for countries "
            "including Peru, Kenya and Mongolia.",
            {("launched", k, None) for k in ("peru", "kenya", "mongolia")},
        ),
        # a news item's "commercial launch services to", a body among the customers
        (
            "Since 2027 the Long March family has sold commercial launch services to "
            "Uruguay and the Philippine Space Agency.",
            {("launched", "uruguay", None), ("launched", "philippine-space-agency", None)},
        ),
        # satellites exported to buyers were built for them
        (
            "The company has exported satellites to Ghana and Bhutan since 2029.",
            {("built", "ghana", None), ("built", "bhutan", None)},
        ),
        # ... and those the joined clause hands over are the ones exported
        (
            "China has exported satellites and made in-orbit delivery of Chile's "
            "observation satellite and Nepal's communications satellite-2.",
            {
                ("built", "chile", None),
                ("built", "nepal", None),
                ("delivered", "chile", None),
                ("delivered", "nepal", None),
            },
        ),
    ],
)
def test_a_service_sold_or_a_satellite_exported_is_an_activity_for_each_partner(
    reference, text, expected
):
    assert expected <= activities_of(reference, text)


def test_a_launch_service_offered_for_later_is_planned(reference):
    text = "From 2031 China will offer launch services to Uruguay and Paraguay."
    facts = facts_of(reference, text, kind=SpacecraftActivity)
    launched = {f.partner: f.status for f in facts if f.activity == "launched"}
    assert launched == {"uruguay": Status.PLANNED, "paraguay": Status.PLANNED}


@pytest.mark.parametrize(
    "text",
    [
        "SpaceX provided launch services for Chile in 2028.",  # another country's firm
        "China has not provided launch services for Estonia.",  # denied
        "China would have provided launch services for Estonia.",  # not done after all
        "Brazil exported satellites to Angola in 2030.",  # the seller is a partner
        "The satellite now carries television and data services for Kenya.",  # not a launch
    ],
)
def test_someone_elses_trade_a_denied_one_or_carried_services_give_none(reference, text):
    assert not {a for a in activities_of(reference, text) if a[0] in ("launched", "built")}
