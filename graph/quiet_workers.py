"""Helper processes that end quietly on Ctrl-C, however early it comes, and that end
with the build, however it ends.

A terminal's Ctrl-C reaches the build's whole process group. A helper process started
with ``spawn`` spends its first second importing, before it can set its own handler, and
a SIGINT then prints a traceback of its imports under the build's one line. So helpers
are started while this process ignores SIGINT: an ignored signal stays ignored across
exec, and Python then leaves it so (a blocked one would not do: ``spawn`` starts the
child with nothing blocked). Each helper sets its own handler once it is up
(``quit_on_interrupt``); a Ctrl-C while it starts is not its business, as the build
ends and the helper with it when its work or its pipe goes away.

A build killed outright (SIGKILL, the OOM killer) cannot stop its helpers, and a helper
waiting for work waits forever: spaCy's parsers and a pool's workers each hold both ends
of the queue they read. So each helper asks the kernel for SIGKILL when the process that
started it ends (``end_with_parent``); processes forked by a library (spaCy's second
parser) are asked to by ``forks_end_with_this_process``.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
_WATCH_SECONDS = 1.0  # how often a helper without prctl looks for its parent


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


def end_with_parent(parent: int) -> None:
    """In a helper started by process ``parent``: be killed when that process ends (on
    Linux by the kernel, which signals when the *thread* that started the helper ends:
    start helpers from a thread that lives as long as they are needed; elsewhere a
    thread looks every second). A parent already gone ends the helper at once."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    else:
        threading.Thread(target=_watch, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # it ended before the kernel was asked
        os._exit(1)


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_WATCH_SECONDS)
    os._exit(1)


_forks_end_with: int | None = None  # while set, a forked child ends with this process
_registered = False


@contextmanager
def forks_end_with_this_process() -> Iterator[None]:
    """Processes forked inside this block (by Python's ``os.fork``, as multiprocessing's
    ``fork`` does for spaCy's second parser) end with this process. A fork's own forks
    are its business."""
    global _forks_end_with, _registered
    if not _registered:
        os.register_at_fork(after_in_child=_forked)
        _registered = True
    previous, _forks_end_with = _forks_end_with, os.getpid()
    try:
        yield
    finally:
        _forks_end_with = previous


def _forked() -> None:
    global _forks_end_with
    parent, _forks_end_with = _forks_end_with, None
    if parent is not None:
        end_with_parent(parent)
