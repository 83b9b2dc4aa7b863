"""A line labelled by the names of those who signed its document ("A and B: letter of
intent on ..., signed 4 May 2023"): the label's names are the parties, a Chinese body
among them stands for China's side, and the line may go on with a signing verb of its
own. A label of one name stays the partner beside the Chinese body the line names. Every
text here is new."""

from __future__ import annotations

from graph.model import Agreement
from tests.one_document import facts_of

# a think tank's fact sheet
_SHEET = (
    "Fact sheet: Europe's space partnerships with China\n"
    "\n"
    "- Spanish Space Agency and CNSA: letter of intent on lunar samples, signed 4 May 2023\n"
    "- European Space Agency and CAS: memorandum of understanding on a solar wind\n"
    "  mission, November 2017\n"
)

# an agency's briefing, its items set out with dashes
_BRIEFING = (
    "Briefing note for the minister\n"
    "\n"
    "Instruments in force:\n"
    "  * Polish Space Agency and CMSA - agreement on astronaut training, signed in\n"
    "    Warsaw on 12 October 2021\n"
    "  * Egypt: memorandum of understanding with CNSA on a satellite assembly centre\n"
)


def _signed(reference, text: str) -> set[tuple[str, tuple[str, ...], str | None]]:
    return {
        (a.agreement_kind, a.parties, a.signed_on)
        for a in facts_of(reference, text, issued="2024", kind=Agreement)
    }


def test_the_names_of_a_label_are_the_parties_even_with_a_signing_verb(reference):
    signed = _signed(reference, _SHEET)
    assert (
        "letter-of-intent",
        ("china-national-space-administration", "spanish-space-agency"),
        "2023-05-04",
    ) in signed


def test_a_chinese_body_in_the_label_is_chinas_side(reference):
    signed = _signed(reference, _SHEET)
    assert (
        "memorandum-of-understanding",
        ("chinese-academy-of-sciences", "european-space-agency"),
        "2017-11",
    ) in signed
    assert not any("china" in parties for _k, parties, _d in signed)


def test_a_label_before_a_dash_names_the_parties_too(reference):
    signed = _signed(reference, _BRIEFING)
    assert (
        "agreement",
        ("china-manned-space-agency", "polish-space-agency"),
        "2021-10-12",
    ) in signed


def test_a_label_of_one_name_is_the_partner_beside_the_chinese_body(reference):
    signed = _signed(reference, _BRIEFING)
    assert any(
        kind == "memorandum-of-understanding"
        and parties == ("china-national-space-administration", "egypt")
        for kind, parties, _d in signed
    )
