"""A store ten times larger does not need ten times the memory to export.

Runs the memory benchmark (benchmarks/export_memory.py) on two synthetic stores, 30k and
300k quads, each export in its own process, and compares the peak resident memory. The
full figures (up to a million quads, beside rdflib) come from running the benchmark
itself; this is the quick version that guards the property.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARK = Path(__file__).resolve().parent.parent / "benchmarks" / "export_memory.py"
SMALL, LARGE = 30_000, 300_000


@pytest.mark.slow
def test_peak_memory_grows_far_less_than_the_store() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCHMARK), "--sizes", f"{SMALL},{LARGE}",
         "--formats", "nq,ttl,jsonld", "--reference-max", "0", "--json"],
        capture_output=True, text=True, check=True, timeout=600,
    )
    rows = json.loads(done.stdout.strip().splitlines()[-1])
    peaks: dict[str, dict[int, float]] = {}
    for row in rows:
        size = SMALL if row["quads"] < LARGE else LARGE
        peaks.setdefault(row["format"], {})[size] = row["spacekg"]["peak_mib"]
        assert row["spacekg"]["bytes"] > 0
    assert set(peaks) == {"nq", "ttl", "jsonld"}
    for fmt, peak in peaks.items():
        ratio = peak[LARGE] / peak[SMALL]
        assert ratio < 3, f"{fmt}: {peak[SMALL]} MiB -> {peak[LARGE]} MiB for 10x the quads"
