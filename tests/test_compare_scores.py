"""The comparison of two scorings prints each group's precision / recall, before -> after,
and groups sets by the split of the annotated sets."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "compare_scores.py"
spec = importlib.util.spec_from_file_location("compare_scores", SCRIPT)
compare_scores = importlib.util.module_from_spec(spec)
spec.loader.exec_module(compare_scores)


def _result(found: int, extracted: int) -> dict:
    types = {k: {"gold": 0, "extracted": 0, "mg": 0, "me": 0} for k in compare_scores.KINDS}
    types["cooperation"] = {"gold": 10, "extracted": extracted, "mg": found, "me": found}
    return {"types": types, "neg": [], "hash": str(found)}


def test_a_set_newer_than_both_halves_is_in_the_never_read_group():
    named = compare_scores.groups(["corpus", "heldout-aa", "heldout-b", "heldout-zz9"])
    assert named["development"] == ["heldout-aa"]
    assert named["confirmation"] == ["heldout-b"]
    assert named["never read"] == ["heldout-zz9"]


def test_a_changed_figure_shows_before_and_after_and_an_unchanged_one_once():
    before = {"heldout-aa": _result(5, 10), "heldout-b": _result(5, 10)}
    after = {"heldout-aa": _result(8, 10), "heldout-b": _result(5, 10)}
    rows = compare_scores.table(before, after)
    cooperation = next(r for r in rows if r.startswith("| cooperation"))
    assert "0.50 / 0.50 -> 0.80 / 0.80" in cooperation
    assert cooperation.endswith("| 0.50 / 0.50 | 0.50 / 0.50 -> 0.65 / 0.65 |")
