"""A pattern gated by the words its matches hold finds what the pattern alone finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.agreement_nouns import AGREEMENT_NOUN
from graph.carried_lists import _CARRIED
from graph.cooperation_cue import _AGREEMENT_PHRASE
from graph.craft_memory import _LAUNCH
from graph.grammar import ANAPHORA
from graph.line_kinds import LEADER
from graph.relations_participation import _PHRASE as PARTICIPATION_PHRASE
from graph.relations_totals import _TOTAL
from graph.word_gate import WordGated

ROOT = Path(__file__).resolve().parent.parent
GATED = {
    "agreement noun": AGREEMENT_NOUN,
    "words pointing back": ANAPHORA,
    "launch words": _LAUNCH,
    "payloads listed after a colon": _CARRIED,
    "dotted leader": LEADER,
    "agreement phrase, blanked out of prose": _AGREEMENT_PHRASE,
    "participation phrase": PARTICIPATION_PHRASE,
    "cooperation total (a number and a counted word)": _TOTAL,
}


def _texts() -> list[str]:
    """Every line and paragraph of the corpus's and held-out sets' documents."""
    files = sorted((ROOT / "corpus").glob("*.txt")) + sorted(
        (ROOT / "tests" / "evaluation").glob("*/*.txt")
    )
    out: list[str] = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        out += [p for p in re.split(r"\n\s*\n", text) if p.strip()]
        out += [line for line in text.splitlines() if line.strip()]
    return out


def _found(pattern: WordGated | re.Pattern[str], text: str) -> list[object]:
    """What each way of calling a pattern finds in ``text``, as the rules call it."""
    spans = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
    heads = [pattern.search(text, 0, end) for end in (40, 160)]
    return [
        spans,
        [(m.span(), m.groupdict()) if m else None for m in heads],
        (m := pattern.match(text)) and m.span(),
        (m := pattern.search(text, 3)) and m.span(),
        pattern.sub("#", text),
    ]


@pytest.mark.parametrize("name", GATED)
def test_a_gated_pattern_finds_what_the_pattern_finds_in_every_document(name):
    gated = GATED[name]
    texts = _texts()
    assert len(texts) > 10_000
    differing = [t for t in texts if _found(gated, t) != _found(gated.pattern, t)]
    assert differing == []
    assert any(gated.pattern.search(t) for t in texts)  # (the test tries some matches)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("agreement noun", "signed a Memorandum of Understanding"),
        ("agreement noun", "the MOU and the MoU"),
        ("agreement noun", "an Amendment to the Agreement"),
        ("agreement noun", "the Joint Communiqués of 2019"),  # (not ASCII: always tried)
        ("agreement noun", "the ſupplementary Protocol"),  # (the long s folds into "s")
        ("agreement noun", "Treaties and Conventions, a letter of intent"),
        ("words pointing back", "Their engineers will train in Beijing."),
        ("words pointing back", "ITS UNIVERSITIES have worked with CNSA."),
        ("words pointing back", "The Two Sides agreed; both parties signed; THEY met."),
        ("launch words", "KenSat-2 went up on a Long March 2D; it rode to ORBIT"),
        ("launch words", "a Long March 3B lifted the satellite into orbit"),
        ("payloads listed after a colon", "Chang'e-6 carried four foreign payloads: ..."),
        ("dotted leader", "Countries served ....... 24; Partners \u2026\u2026 7"),
        ("participation phrase", "China PARTICIPATES IN the IADC"),
        ("participation phrase", "it Took Part In COPUOS"),
        ("participation phrase", "China Joined APSCO"),
        ("participation phrase", "a Member State of the UN"),
        ("participation phrase", "China Supports The GEO"),
        ("participation phrase", "China Sits On the board"),
        ("participation phrase", "China sat\ton it"),
        ("participation phrase", "a seat on it"),
        ("participation phrase", "it Leads the ILRS"),
        ("participation phrase", "China Initiated the ILRS"),
        ("participation phrase", "China Co-Founded the ILRS"),
        ("participation phrase", "CNSA Served As lead agency of the Charter"),
        ("participation phrase", "CNSA acting as coordinator for the IADC"),
        ("participation phrase", "China attended the plenary sessions of the IADC"),
        ("participation phrase", "China is the Host Country of APSCO"),
        ("participation phrase", "China HOSTED the Forum"),
        ("participation phrase", "it hosts the Beijing Office of UN-SPIDER"),
        ("participation phrase", "China is the rotating Chair Of the IADC"),
        ("participation phrase", "Through the mechanism of GEO"),
        (
            "cooperation total (a number and a counted word)",
            "China signed 136 space cooperation Documents",
        ),
        ("cooperation total (a number and a counted word)", "with Forty-One countries"),
        ("cooperation total (a number and a counted word)", "One Hundred and Fifty agreements"),
        ("cooperation total (a number and a counted word)", "a hundred Memoranda"),
        ("cooperation total (a number and a counted word)", "12 legal instruments"),
        (
            "cooperation total (a number and a counted word)",
            "TWENTY Satellites for foreign customers",
        ),
        ("agreement phrase, blanked out of prose", "They signed an accord on data sharing."),
        ("agreement phrase, blanked out of prose", "a Letter of Intent and Cooperation Outlines"),
    ],
)
def test_each_branch_of_a_pattern_is_let_through_by_its_words(name, text):
    gated = GATED[name]
    assert gated.pattern.search(text) is not None
    assert gated.may_match(text)
    assert _found(gated, text) == _found(gated.pattern, text)


def test_a_pattern_gated_twice_is_searched_only_where_both_lists_have_a_word():
    gate = WordGated(WordGated(re.compile(r"\d+ countries", re.IGNORECASE), ["countr"]), [r"\d"])
    assert not gate.may_match("many countries") and not gate.pattern.may_match("12 nations")
    assert [m.span() for m in gate.finditer("12 COUNTRIES")] == [(0, 12)]


def test_a_text_without_the_words_is_not_searched():
    gate = WordGated(re.compile(r"\bagree(?:ment|d)\b", re.IGNORECASE), ["agree"])
    assert not gate.may_match("China and Kenya signed nothing.")
    assert gate.search("China and Kenya signed nothing.") is None
    assert gate.may_match("They AGREED.")
    assert gate.may_match("\u0130t agreed", 0, 2)  # (not ASCII: always tried)
    assert not gate.may_match("the agreement", 0, 5)  # (only the text searched counts)
    assert [m.span() for m in gate.finditer("the agreement", 4)] == [(4, 13)]
