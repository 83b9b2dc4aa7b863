"""Which annotated sets may teach the extractor and which only judge it.

Why: rules and learned readers fitted on a set score well on it and say nothing about
new documents. The development half may be read and trained on; the confirmation half
is scored by counts only; a set not named here (a newer never-read set) is neither.
"""

from __future__ import annotations

import re
from pathlib import Path

EVALUATION = Path(__file__).parent
_DEVELOPMENT = re.compile(r"heldout|heldout-a[a-z]|heldout-c[a-u]|independent-corpus")
_CONFIRMATION = re.compile(r"heldout-[b-z]|heldout-b[a-z]")


def _sets(pattern: re.Pattern[str]) -> list[Path]:
    return sorted(
        p for p in EVALUATION.iterdir() if pattern.fullmatch(p.name) and (p / "gold.toml").exists()
    )


def development() -> list[Path]:
    """Sets whose misses may be read and whose facts may train a model."""
    return _sets(_DEVELOPMENT)


def confirmation() -> list[Path]:
    """Sets scored by counts only: a change must not lose here what it wins elsewhere."""
    return _sets(_CONFIRMATION)
