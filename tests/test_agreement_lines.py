"""A list's line that names its parties before the document's noun ("2024: CNSA and the
Senegalese Space Studies Agency memorandum of understanding on the ILRS") is that
agreement, dated by the line. New text of my own."""

from __future__ import annotations

from graph.model import Agreement
from tests.one_document import facts_of

LIST = """Agreements on the lunar station

- 2024: CNSA and the Bolivian Space Agency memorandum of understanding on the ILRS
- 2025: CNSA, the Nicaraguan Space Office and the Honduran Space Institute joint statement
"""


def test_names_before_the_noun_are_the_parties_and_the_line_dates_it(reference):
    found = {
        (f.agreement_kind, f.parties, f.signed_on)
        for f in facts_of(reference, LIST, kind=Agreement)
    }
    assert (
        "memorandum-of-understanding",
        ("bolivian-space-agency", "china-national-space-administration"),
        "2024",
    ) in found
    assert (
        "joint-statement",
        (
            "china-national-space-administration",
            "honduran-space-institute",
            "nicaraguan-space-office",
        ),
        "2025",
    ) in found


def test_a_sentence_with_a_verb_is_not_read_as_such_a_line(reference):
    text = "CNSA and the Bolivian Space Agency memorandum was discussed but never signed."
    assert facts_of(reference, text, kind=Agreement) == []


NEWS_ITEM = (
    "Ambassador meets CNSA leadership\n\n"
    "On 14 October 2031, the ambassador of Zambia met the China National Space "
    "Administration (CNSA) in Beijing.\n\n"
    "After the meeting, the Zambia Space Agency and CNSA signed a memorandum of "
    "understanding on satellite data.\n\n"
    "The Zambia Space Agency also signed a contract with China Great Wall Industry "
    "Corporation for a second satellite.\n"
)


def test_a_signing_after_the_meeting_takes_the_meetings_day_and_so_does_the_next(reference):
    days = {f.parties: f.signed_on for f in facts_of(reference, NEWS_ITEM, kind=Agreement)}
    assert days == {
        ("china-national-space-administration", "zambia-space-agency"): "2031-10-14",
        ("china-great-wall-industry-corporation", "zambia-space-agency"): "2031-10-14",
    }
