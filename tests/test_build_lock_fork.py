"""A process forked during a build (spaCy forks its second parsing process) does not keep
the store's build lock: a build killed while its fork lives on must not refuse every
later build."""

from __future__ import annotations

import os
import time
from pathlib import Path

from graph import store


def test_a_forked_child_does_not_hold_the_build_lock(tmp_path: Path) -> None:
    started, running = os.pipe()
    with store.build_lock(tmp_path):
        child = os.fork()
        if child == 0:  # the child outlives the build, as an orphaned parser would
            os.write(running, b"!")
            time.sleep(3)
            os._exit(0)
        os.read(started, 1)  # the child runs its own code
    try:
        with store.build_lock(tmp_path):  # the build is over: the next one may run
            pass
    finally:
        os.kill(child, 9)
        os.waitpid(child, 0)
        os.close(started)
        os.close(running)
