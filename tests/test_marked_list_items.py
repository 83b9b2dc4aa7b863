"""A list of launches written in markdown ("* **Kestrel-3** -- launched ... for Kenya"):
the strong-emphasis marks around a name are no part of it, and "both" after a pair of
crafts at the item's head stands for the pair. Every sentence here is new."""

from __future__ import annotations

from graph.normalise import clean_text
from tests.one_document import activities_of

LIST = "\n".join(
    [
        "Launches for others",
        "",
        " * **Kestrel-3** -- launched from Taiyuan in May 2029 for Kenya, which built it.",
        " * **Nandi-1 and Nandi-2** -- China launched both for Ghana on a Long March 2D.",
    ]
)


def test_strong_emphasis_marks_leave_the_clean_text_but_not_other_asterisks():
    text = clean_text("**Kestrel-3** and __Nandi-1__ rose; 2**10 and snake_case_name stay.\n")
    assert text.text.startswith("Kestrel-3 and Nandi-1 rose; 2**10 and snake_case_name stay.")


def test_a_bold_craft_at_an_items_head_is_the_craft_launched(reference):
    assert ("launched", "kenya", "kestrel-3") in activities_of(reference, LIST)


def test_both_stands_for_the_pair_named_before(reference):
    found = activities_of(reference, LIST)
    assert {("launched", "ghana", "nandi-1"), ("launched", "ghana", "nandi-2")} <= found
