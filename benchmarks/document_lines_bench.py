"""Wall and CPU seconds of writing every document graph's lines afresh (a cold build's
share of the make-RDF stage), in one process and shared with a forked child, alternated.

    .venv/bin/python benchmarks/document_lines_bench.py <workdir> [--runs 3]

``<workdir>``: one of ``build_scale_bench.py``'s, built before (its extraction cache
gives the facts at once). Each run writes into an empty quads cache; the two ways'
lines are compared byte for byte.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph import document_lines_forked, pipeline, rdf_lines  # noqa: E402
from graph.config import Paths  # noqa: E402
from graph.extraction_cache import CACHE_DIR, ExtractionCache  # noqa: E402


def _cpu() -> float:
    return sum(
        getattr(resource.getrusage(who), field)
        for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
        for field in ("ru_utime", "ru_stime")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workdir", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    store = args.workdir / "store"
    paths = replace(Paths.defaults(ROOT), corpus=args.workdir / "corpus", store=store)
    cache = ExtractionCache(store / CACHE_DIR)
    documents, extraction = pipeline._extracted(paths, lambda _s: None, cache=cache)
    ways = {
        "one process": rdf_lines.documents_lines,
        "forked": document_lines_forked.documents_lines,
    }
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in ways}
    made: dict[str, dict[str, bytes]] = {}
    for run in range(args.runs):
        for name, way in ways.items():
            with tempfile.TemporaryDirectory() as folder:
                quads = rdf_lines.QuadsCache(Path(folder))
                cpu, started = _cpu(), time.perf_counter()
                made[name] = way(documents, extraction, quads)
                wall = time.perf_counter() - started
                times[name].append((wall, _cpu() - cpu))
            cpu = times[name][-1][1]
            load = os.getloadavg()[0]
            print(f"run {run + 1} {name}: {wall:.2f} s wall, {cpu:.2f} CPU s, load {load:.1f}")
    assert made["forked"] == made["one process"], "the lines differ"
    print(f"{len(documents)} documents; the same lines both ways")
    for name, rows in times.items():
        wall = statistics.median(r[0] for r in rows)
        cpu = statistics.median(r[1] for r in rows)
        print(f"median {name}: {wall:.2f} s wall, {cpu:.2f} CPU s")


if __name__ == "__main__":
    main()
