"""Grouping a names' alternation by first letter finds exactly what the plain one finds."""

from __future__ import annotations

import re

from graph.alternation import _FOLDING_INTO_ASCII, by_first_letter

TEXT = "The ESA and esa-led Euro Space team met Egypt's EgSA; 'Ahmed' met \u2019Abdul in Egypt."


def _both(forms: list[str], flags: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    patterns = [re.escape(f).replace("'", "['\u2019]") for f in forms]
    plain = re.compile(rf"(?<!\w)(?:{'|'.join(patterns)})", flags)
    grouped = re.compile(rf"(?<!\w)(?:{by_first_letter(forms, patterns, flags)})", flags)
    return plain, grouped


def test_same_matches_with_and_without_case():
    forms = ["Euro Space", "Egypt", "EgSA", "ESA", "esa", "E", "'Ahmed", "\u2019Abdul", "Euro"]
    for flags in (0, re.IGNORECASE):
        plain, grouped = _both(forms, flags)
        assert grouped.pattern != plain.pattern  # grouped by first letter
        found = [(m.span(), m.group(0)) for m in grouped.finditer(TEXT)]
        assert found == [(m.span(), m.group(0)) for m in plain.finditer(TEXT)]


def test_the_first_branch_that_matches_still_wins():
    # "Euro" before "Euro Space": the shorter name is taken, as the plain alternation does
    _plain, grouped = _both(["Euro", "Egypt", "Euro Space"], 0)
    assert grouped.search(TEXT).group(0) == "Euro"


def test_letters_folding_together_keep_the_plain_alternation():
    # without regard to case the long s is an "s": two look-aheads would match it
    plain, grouped = _both(["\u017fpace", "space"], re.IGNORECASE)
    assert grouped.pattern == plain.pattern


def test_the_letters_are_taken_as_sets_the_engine_checks_first():
    # a case-sensitive set opens each group and each group of second letters (a look-ahead
    # or a case-folded letter would be entered at every word of the text to be tried)
    grouped = by_first_letter(["Egypt", "EgSA", "ESA"], ["Egypt", "EgSA", "ESA"], re.IGNORECASE)
    # without regard to case the long s is an "s": its set holds it
    assert grouped == "(?-i:[Ee])(?:(?-i:[Gg])(?:ypt|SA)|(?-i:[Ss\u017f])(?:A))"
    assert by_first_letter(["Egypt", "ESA"], ["Egypt", "ESA"], 0) == "[E](?:[g](?:ypt)|[S](?:A))"


def test_a_name_opening_with_another_apostrophe_keeps_the_look_ahead():
    # "\u2019Abdul" matches only its own apostrophe: the set of both would widen it
    grouped = by_first_letter(["'Ahmed", "\u2019Abdul"], ["['\u2019]Ahmed", "\u2019Abdul"], 0)
    assert grouped.startswith("(?=['\u2019])")
    assert not re.fullmatch(grouped, "'Abdul")


def test_names_with_separators_dots_and_digits_find_what_the_plain_alternation_finds():
    forms = ["U.S.", "U.N.", "UN", "UK", "Uk-1", "u 2", "US", "Ukraine", "U", "Usa", "USA-1"]
    text = "The U.S. and the UN met the UK; Uk-1, u 2 and u-2 flew; USA-1 and Ukraine, U. Usa."
    for flags in (0, re.IGNORECASE):
        plain, grouped = _both(forms, flags)
        found = [(m.span(), m.group(0)) for m in grouped.finditer(text)]
        assert found and found == [(m.span(), m.group(0)) for m in plain.finditer(text)]


def test_only_four_characters_outside_ascii_match_an_ascii_one_without_regard_to_case():
    # the sets of the letters list them (_FOLDING_INTO_ASCII): checked on every code point
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    folding = {c for c in re.findall(r"[\x00-\x7f]", every, re.IGNORECASE) if not c.isascii()}
    assert folding == set(_FOLDING_INTO_ASCII)
