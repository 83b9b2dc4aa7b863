"""What the tests ask of /proc about processes they started."""

from __future__ import annotations

from pathlib import Path


def alive(pid: int) -> bool:
    """``pid`` is running. A zombie is not: an orphan waits to be reaped by whatever adopted
    it (init, or a CI runner's subreaper that may never wait), and until then its entry
    stays in /proc although the process has ended."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")
