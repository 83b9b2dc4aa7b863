"""Helper processes that end quietly on Ctrl-C, however early it comes.

A terminal's Ctrl-C reaches the build's whole process group. A helper process started
with ``spawn`` spends its first second importing, before it can set its own handler, and
a SIGINT then prints a traceback of its imports under the build's one line. So helpers
are started while this process ignores SIGINT: an ignored signal stays ignored across
exec, and Python then leaves it so (a blocked one would not do: ``spawn`` starts the
child with nothing blocked). Each helper sets its own handler once it is up
(``quit_on_interrupt``); a Ctrl-C while it starts is not its business, as the build
ends and the helper with it when its work or its pipe goes away.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def interrupts_held() -> Iterator[None]:
    """Start helper processes inside this block (kept short: a Ctrl-C that comes while
    it runs is not seen by this process either). Only the main thread takes signals, so
    only there is there anything to do."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def quit_on_interrupt() -> None:
    """In a helper, once it is up: end at once, without a traceback, on Ctrl-C (the
    build says so in one line)."""
    signal.signal(signal.SIGINT, lambda signum, _frame: os._exit(128 + signum))
