"""Fact sheets ruled into blocks, one per craft: the block's heading names the craft whose
payloads it lists, a line of underscores parts the blocks, items may be marked with an
indented ">", and a record's "Launch: ... · ... · ..." line is a field, not a heading.
Every text here is new."""

from __future__ import annotations

from graph.line_kinds import is_heading
from graph.normalise import clean_text
from tests.one_document import cooperations_of

_RULE = "_" * 60


def _paragraphs(text: str) -> list[tuple[bool, str]]:
    clean = clean_text(text)
    return [(p.heading, clean.text[p.start : p.end]) for p in clean.paragraphs]


def test_a_blocks_heading_names_the_craft_that_carries_what_it_lists(reference):
    text = (
        "Payloads from abroad\n\n"
        f"{_RULE}\nB1 | SVOM — payload contributions\n"
        "     Launch: 22 Jun 2024 · Xichang · Long March 2C\n"
        f"{_RULE}\n\n"
        "  • Gamma burst camera: Kiel University\n"
        "  • Star tracker: Danish Technical University\n"
    )
    found = cooperations_of(reference, text)
    assert ("kiel-university", "payloads", "svom") in found


def test_a_mission_in_the_heading_wins_over_a_craft_in_it(reference):
    text = (
        "POLAR-2 ON THE CHINA SPACE STATION - PAYLOADS - PLANNED FOR 2028\n"
        "• University of Basel — the polarimeter's optics\n"
    )
    missions = {m for p, _a, m in cooperations_of(reference, text) if p == "university-of-basel"}
    assert missions == {"china-space-station"}


def test_a_line_of_underscores_parts_a_heading_from_what_follows():
    text = (
        f"Intro.\n\nB5 | CHANG'E-8 — payload contributions (planned, launch about 2029)\n{_RULE}\n"
    )
    assert (True, "B5 | CHANG'E-8 — payload contributions (planned, launch about 2029)") in (
        _paragraphs(text)
    )


def test_an_indented_chevron_marks_a_lists_items():
    text = (
        "Payloads:\n\n"
        "  > small rover — Pakistan's SUPARCO\n"
        "  > dust monitor — Egyptian Space Agency\n"
    )
    items = [t for _h, t in _paragraphs(text)]
    assert items[-2:] == [
        "• small rover — Pakistan's SUPARCO",
        "• dust monitor — Egyptian Space Agency",
    ]


def test_an_indented_quotation_stays_quoted_speech():
    text = (
        "Reaction\n"
        '  > "We are proud of what our engineers built with their Chinese" \n'
        '  > colleagues," said the director.\n'
    )
    assert not any(t.startswith("\u2022") for _h, t in _paragraphs(text))


def test_a_records_launch_field_with_parted_values_is_no_heading():
    assert not is_heading("Launch: planned 2027 · Kourou · Vega-C")
    assert not is_heading("Science partner (no hardware): CNES")
    assert not is_heading("Partners (planned): SUPARCO; Egyptian Space Agency")


def test_a_heading_may_end_with_a_note_of_words_but_not_a_reference_mark():
    assert is_heading("Chang'e-7 (launch planned for 2026)")
    assert is_heading("SMILE — Solar wind Magnetosphere Ionosphere Link Explorer: payloads")
    assert not is_heading("Anna Berg (1), Li Wei (2) and Omar Haddad (3)")


def test_a_carrier_named_before_a_relative_clause_carries_the_payloads_its_list_includes(
    reference,
):
    text = (
        "Chang'e-4, which landed on the far side in January 2019, had carried several "
        "foreign instruments, including a neutron dosimeter from Kiel University and a "
        "radiometer built with the Swedish Institute of Space Physics."
    )
    found = cooperations_of(reference, text)
    assert ("kiel-university", "payloads", "change-4") in found
    assert ("swedish-institute-of-space-physics", "payloads", "change-4") in found


def test_a_crafts_parts_together_carry_what_the_sentence_before_named(reference):
    text = (
        "The next step is Chang'e-8, which is due to lift off from Wenchang in 2028. "
        "The lander and rover will carry instruments from several countries, among them a "
        "seismometer supplied by Thailand."
    )
    assert ("thailand", "payloads", "change-8") in cooperations_of(reference, text)


def test_a_notes_arrow_from_china_labels_the_line_with_its_partner(reference):
    from tests.one_document import activities_of

    text = "Satellites built for partners\n\n- China → Bolivia: TKSat-2 (2029) built & launched\n"
    assert {("built", "bolivia", "tksat-2"), ("launched", "bolivia", "tksat-2")} <= (
        activities_of(reference, text)
    )
