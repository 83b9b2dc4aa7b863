"""Ctrl-C that reaches a build's helper processes while they are still starting ends
them without a traceback: they start with SIGINT held back (graph/quiet_workers.py)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _interrupt_while_starting(held: bool) -> str:
    script = (
        "import signal, sys\n"
        "signal.signal(signal.SIGINT, lambda *_: sys.exit(130))\n"
        "from tests.reliability.slow_helper import start_and_wait\n"
        f"start_and_wait({held})\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    time.sleep(1.0)  # the helper is sleeping through its "imports"
    os.killpg(child.pid, signal.SIGINT)
    _out, err = child.communicate(timeout=60)
    return err


@pytest.mark.slow
def test_a_helper_interrupted_while_starting_ends_quietly():
    assert "Traceback" not in _interrupt_while_starting(held=True)


@pytest.mark.slow
def test_without_holding_ctrl_c_back_the_starting_helper_prints_a_traceback():
    assert "KeyboardInterrupt" in _interrupt_while_starting(held=False)
