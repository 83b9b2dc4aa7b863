"""A web worker's query processes evaluate at most a few recent queries at once
(server/run_slots.py): a query waits for a slot, but never behind one that has run
longer than ``young`` seconds (a runaway), nor past its own deadline; a query that
answered quickly last time waits only behind other quick ones."""

from __future__ import annotations

import threading
import time

from server.run_slots import RunSlots


def _enter_in_thread(slots: RunSlots, deadline: float) -> threading.Event:
    entered = threading.Event()

    def run() -> None:
        slots.enter(deadline)
        entered.set()

    threading.Thread(target=run, daemon=True).start()
    return entered


def test_a_query_waits_for_a_slot_and_takes_the_one_left() -> None:
    slots = RunSlots(1, young=60)
    first = slots.enter(time.monotonic() + 60)
    entered = _enter_in_thread(slots, time.monotonic() + 60)
    assert not entered.wait(0.2)
    slots.leave(first)
    assert entered.wait(5)


def test_two_slots_hold_two_queries() -> None:
    slots = RunSlots(2, young=60)
    slots.enter(time.monotonic() + 60)
    assert _enter_in_thread(slots, time.monotonic() + 60).wait(5)
    assert not _enter_in_thread(slots, time.monotonic() + 60).wait(0.2)


def test_a_query_running_long_no_longer_holds_its_slot() -> None:
    slots = RunSlots(1, young=0.3)
    slots.enter(time.monotonic() + 60)  # a runaway: never leaves
    entered = _enter_in_thread(slots, time.monotonic() + 60)
    assert entered.wait(5)


def test_a_query_goes_ahead_at_its_deadline() -> None:
    slots = RunSlots(1, young=60)
    slots.enter(time.monotonic() + 60)
    assert _enter_in_thread(slots, time.monotonic() + 0.3).wait(5)


def test_no_limit_never_waits() -> None:
    slots = RunSlots(0)
    for _ in range(10):
        slots.enter(time.monotonic())


def test_a_query_that_answered_quickly_is_told_quick() -> None:
    slots = RunSlots(1, young=60, quick=0.02)
    slots.note("short", 0.003)
    slots.note("long", 0.4)
    assert slots.is_quick("short")
    assert not slots.is_quick("long")
    assert not slots.is_quick("never seen")  # waits in the first lane, as before


def test_a_quick_query_does_not_wait_behind_a_slow_one() -> None:
    slots = RunSlots(1, young=60, quick=0.02)
    slots.note("short", 0.003)
    slots.lane("long").enter(time.monotonic() + 60)  # a slow query holds the slot
    assert _enter_in_thread(slots.lane("short"), time.monotonic() + 60).wait(5)
    assert not _enter_in_thread(slots.lane("never seen"), time.monotonic() + 60).wait(0.2)


def test_a_quick_query_waits_behind_another_quick_one() -> None:
    slots = RunSlots(1, young=60, quick=0.02)
    slots.note("short", 0.003)
    lane = slots.lane("short")
    first = lane.enter(time.monotonic() + 60)
    entered = _enter_in_thread(slots.lane("short"), time.monotonic() + 60)
    assert not entered.wait(0.2)
    lane.leave(first)
    assert entered.wait(5)


def test_a_query_slower_this_time_waits_again() -> None:
    slots = RunSlots(1, quick=0.02)
    slots.note("query", 0.003)
    slots.note("query", 0.5)
    assert not slots.is_quick("query")


def test_only_the_last_queries_are_remembered() -> None:
    slots = RunSlots(1, quick=0.02)
    slots.note("first", 0.001)
    for n in range(2000):
        slots.note(n, 0.001)
    assert not slots.is_quick("first")
    assert slots.is_quick(1999)


def test_without_a_limit_nothing_is_remembered() -> None:
    slots = RunSlots(0)
    slots.note("query", 0.001)
    assert not slots.is_quick("query")
    assert slots.lane("query") is slots  # and nothing waits
