"""A helper process that takes a while to start, as a build's helpers do while they
import: used by test_quiet_workers.py through ``spawn``."""

from __future__ import annotations

import time

from graph.quiet_workers import quit_on_interrupt


def slow_start(seconds: float) -> None:
    time.sleep(seconds)  # the imports of a real helper
    quit_on_interrupt()
    time.sleep(3)


def start_and_wait(held: bool) -> None:
    """Start one slow helper (with Ctrl-C held back or not) and wait for it."""
    import multiprocessing

    from graph.quiet_workers import interrupts_held

    context = multiprocessing.get_context("spawn")
    process = context.Process(target=slow_start, args=(1.5,))
    if held:
        with interrupts_held():
            process.start()
    else:
        process.start()
    process.join()
