"""A sidebar drawn as a box of characters ("+----+" borders, "| text |" lines) is text:
its lines are read without the frame, not as a table of one column. New text of my own."""

from __future__ import annotations

from graph.model import Cooperation, Status
from graph.text_lines import text_lines
from tests.one_document import facts_of

BOXED = """Who flies what on the station

  +---------------------------------------------------------------+
  | SIDEBAR: WHO IS FLYING WHAT                                    |
  |                                                                |
  | - Austria, Czechia, Hungary: X-ray payload, planned 2027       |
  +---------------------------------------------------------------+
"""


def test_a_boxed_line_is_its_text_at_its_own_offsets():
    lines = text_lines(BOXED)
    item = next(line for line in lines if "Austria" in line.text)
    assert item.text == "- Austria, Czechia, Hungary: X-ray payload, planned 2027"
    assert BOXED[item.start : item.start + len(item.text)] == item.text
    assert not any("+--" in line.text or line.text.startswith("|") for line in lines)


def test_a_boxed_list_states_its_facts(reference):
    facts = facts_of(reference, BOXED, issued="2026", kind=Cooperation)
    assert {(f.partner, f.area, f.status) for f in facts} == {
        ("austria", "payloads", Status.PLANNED),
        ("czechia", "payloads", Status.PLANNED),
        ("hungary", "payloads", Status.PLANNED),
    }
