"""A list's line and a list of partners read as a reader would: a verbless line keeps
the time it states for itself ("X-ray payload, planned 2027"), and a partner added with
"as well as" is one more of the list. New text of my own."""

from __future__ import annotations

from graph.model import Cooperation, Status
from tests.one_document import cooperations_of, facts_of

LINES = """Partners of the station programme:
- Austria, Czechia, Hungary: X-ray payload, planned 2027
- Denmark, Finland: space science experiment, due to fly
- Estonia: dust counter, flew as planned in 2024
"""


def test_a_line_that_says_it_is_to_come_is_planned(reference):
    facts = facts_of(reference, LINES, issued="2026", kind=Cooperation)
    status = {f.partner: f.status for f in facts}
    assert status["austria"] is status["czechia"] is status["hungary"] is Status.PLANNED
    assert status["denmark"] is status["finland"] is Status.PLANNED
    assert status["estonia"] is Status.ACHIEVED


def test_a_partner_added_with_as_well_as_is_one_more_of_the_list(reference):
    text = "Tianwen-3 will carry instruments from France and Italy, as well as Austria.\n"
    assert cooperations_of(reference, text) == {
        ("france", "payloads", "tianwen-3"),
        ("italy", "payloads", "tianwen-3"),
        ("austria", "payloads", "tianwen-3"),
    }
