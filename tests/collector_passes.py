"""How many passes Python's cyclic collector makes of its own: what the build's pauses
of the collector are meant to bring to nothing."""

from __future__ import annotations

import gc


def automatic_passes() -> int:
    """How many passes the collector makes of its own while 50,000 cycles are made."""
    passes: list[int] = []

    def counted(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            passes.append(1)

    gc.callbacks.append(counted)
    try:
        for _ in range(50_000):
            a: list[object] = []
            a.append(a)
    finally:
        gc.callbacks.remove(counted)
    return len(passes)
