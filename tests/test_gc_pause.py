"""A build that holds many objects to its end pauses the cyclic collector's automatic
passes (even once spaCy's loading has turned the collector on) and always puts its
settings back."""

from __future__ import annotations

import gc

import pytest
import srsly

from graph.gc_pause import collection_frozen, collection_paused, frozen_when_asked
from tests.collector_passes import automatic_passes


def test_no_automatic_pass_inside_and_the_settings_back_after() -> None:
    before = gc.get_threshold()
    with collection_paused():
        assert automatic_passes() == 0
        assert gc.collect() >= 0  # the pass the pipeline makes after validation runs
    assert gc.get_threshold() == before
    assert automatic_passes() > 0


def test_loading_spacy_s_models_does_not_end_the_pause() -> None:
    """``srsly.msgpack_loads`` ends with ``gc.enable()``: a pause by ``gc.disable()``
    ended there, as soon as a build parsed a sentence in its own process."""
    with collection_paused():
        srsly.msgpack_loads(srsly.msgpack_dumps({"a": 1}))
        assert automatic_passes() == 0


def test_the_settings_are_back_after_a_failure() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), collection_paused():
        raise RuntimeError("the build failed")
    assert gc.get_threshold() == before


def test_not_paused_leaves_the_collector_running() -> None:
    with collection_paused(False):
        assert automatic_passes() > 0


def test_a_pause_inside_a_pause_leaves_the_outer_one_paused() -> None:
    before = gc.get_threshold()
    with collection_paused():
        with collection_paused():
            assert automatic_passes() == 0
        assert automatic_passes() == 0
    assert gc.get_threshold() == before


def test_objects_set_aside_stay_aside_until_the_outermost_block_ends() -> None:
    """A forked pool's block (``collection_frozen``) inside a build that has set its
    extraction aside does not give it back to the collector when the pool ends."""
    gc.unfreeze()  # (nothing set aside before: no block of this process is open)
    held = [[n] for n in range(1000)]
    with frozen_when_asked() as hold:
        assert gc.get_freeze_count() == 0  # not asked yet
        hold()
        aside = gc.get_freeze_count()
        assert aside >= len(held)
        made_since = [[n] for n in range(1000)]
        with collection_frozen():  # (a pool forked to read or validate)
            assert gc.get_freeze_count() >= aside + len(made_since)
        assert gc.get_freeze_count() >= aside
        assert gc.collect() >= 0
    assert gc.get_freeze_count() == 0


def test_a_block_not_asked_sets_nothing_aside_and_a_failure_gives_all_back() -> None:
    gc.unfreeze()
    with frozen_when_asked():
        with collection_frozen():
            assert gc.get_freeze_count() > 0
        assert gc.get_freeze_count() == 0
    with pytest.raises(RuntimeError), frozen_when_asked() as hold:
        hold()
        hold()  # (asked twice: one hold)
        raise RuntimeError("the build failed")
    assert gc.get_freeze_count() == 0
