"""Readiness, willingness and looking forward are said of what is still to be done: the
work they name is planned. Every sentence here is new."""

from __future__ import annotations

import pytest

from graph.model import Cooperation, Status
from tests.one_document import facts_of


@pytest.mark.parametrize(
    "said", ["stands ready to work", "remains willing to work", "looks forward to working"]
)
def test_readiness_to_act_is_a_plan(reference, said):
    text = f"China {said} with the Kenya Space Agency on satellite data for disaster relief."
    statuses = {f.status for f in facts_of(reference, text, kind=Cooperation)}
    assert statuses == {Status.PLANNED}
