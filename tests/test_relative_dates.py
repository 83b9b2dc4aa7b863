"""Dates a text counts from its own day ("last October", "this year"), read from the
document's date, and the station by the name its writers use ("Tiangong"). New
sentences of my own."""

from __future__ import annotations

from graph.dates import date_in
from graph.model import Agreement
from tests.one_document import cooperations_of, facts_of


def test_last_month_is_the_latest_such_month_before_the_document():
    assert date_in("the memorandum signed last October", "2031-05-01")[0] == "2030-10"
    assert date_in("the memorandum signed last March", "2031-05-01")[0] == "2031-03"


def test_last_and_next_year_count_from_the_documents_year():
    assert date_in("a deal agreed last year", "2031-05-01")[0] == "2030"
    assert date_in("a launch planned for next year", "2031-05-01")[0] == "2032"


def test_a_dated_signing_takes_the_date_counted_from_the_document(reference):
    text = (
        "The agreement that the Zambia Space Agency signed with the China Manned Space "
        "Agency last October sends four engineers to Beijing."
    )
    [agreement] = facts_of(reference, text, kind=Agreement, issued="2031-05-01")
    assert agreement.signed_on == "2030-10"


def test_tiangong_alone_is_the_china_space_station(reference):
    text = "Zambia flew its first astronaut to Tiangong in 2031."
    assert cooperations_of(reference, text) == {
        ("zambia", "human-spaceflight", "china-space-station"),
    }
