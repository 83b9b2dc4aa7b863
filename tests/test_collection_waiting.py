"""While a large document is read the cyclic collector makes no pass of its own, even
once spaCy's loading has turned it back on, and its settings are as before after."""

from __future__ import annotations

import gc

import pytest
import srsly

from graph.helper_pool import collection_waiting
from tests.collector_passes import automatic_passes


def test_no_pass_inside_even_after_spacy_s_loading_turned_the_collector_on() -> None:
    before = gc.get_threshold()
    assert automatic_passes() > 0
    with collection_waiting():
        srsly.msgpack_loads(srsly.msgpack_dumps({"a": 1}))  # ends with gc.enable()
        assert automatic_passes() == 0
        assert gc.collect() >= 0  # an explicit pass still runs
    assert gc.get_threshold() == before
    assert automatic_passes() > 0


def test_the_settings_are_as_before_after_a_failure() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), collection_waiting():
        raise RuntimeError("a rule failed")
    assert gc.get_threshold() == before
