"""A document's reading key names the discovered entities whose names occur in its text:
the index finds exactly those a test of every name against the text finds."""

from __future__ import annotations

import pytest

from graph import extraction_cache
from graph.extraction_cache import NamesIndex, _squeeze

CONTEXT = [
    ("ast", ("asurveytelescope", "ast"), "AST"),
    ("chang", ("chang'e7".replace("'", ""),), "Chang'e-7"),
    ("short", ("x",), "X"),  # shorter than the index's four letters
    ("nested", ("telescope",), "telescope"),  # inside another entity's name
    ("absent", ("marsorbiter",), "absent"),
    ("twice", ("ast", "surveytel"), "twice"),  # two names, one shared
]


def every_name(text: str) -> list[str]:
    squeezed = _squeeze(text)
    return [used for _k, names, used in CONTEXT if any(n in squeezed for n in names)]


@pytest.mark.parametrize("few", [0, 64])  # every slice of the text made, or each start sought
def test_the_index_finds_what_testing_every_name_finds(monkeypatch, few: int) -> None:
    monkeypatch.setattr(extraction_cache, "_FEW_STARTS", few)
    index = NamesIndex(CONTEXT)
    for text in (
        "The A Survey Telescope (AST) and Chang'e-7.",
        "a telescope, an x-ray",
        "AST",
        "nothing here",
        "",
    ):
        assert index.named_in(_squeeze(text)) == every_name(text), text
    assert index.named_in(_squeeze("The Survey Telescope")) == ["telescope", "twice"]
