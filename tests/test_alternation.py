"""Grouping a names' alternation by first letter finds exactly what the plain one finds."""

from __future__ import annotations

import re

from graph.alternation import by_first_letter

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
