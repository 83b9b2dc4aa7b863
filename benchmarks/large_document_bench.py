"""How a build's time grows with one document's size (issue 17, item 11).

Makes a corpus of one white paper of 1, 2, 4 and 10 MB (the corpus's own white papers
and news text, repeated), builds each with ``spacekg build``'s pipeline into a scratch
store, and prints the seconds of each stage, the total, the seconds per MB, and the CPU
seconds (in all and per MB, the parser's second process included): a linear build keeps
the per-MB columns flat. On a shared machine the CPU columns say it more steadily. Each
size runs in its own process, so one size's memory and caches do not favour the next.

    .venv/bin/python benchmarks/large_document_bench.py            # 1 2 4 10
    .venv/bin/python benchmarks/large_document_bench.py 1 2 --profile   # + cProfile top 25

The bar: 10 MB under 30 s on the shared 2-core machine the figures in the README were
taken on.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.config import Paths  # noqa: E402

MB = 1_000_000
# the originals of the corpus (not the derived copy): white-paper and news registers
SOURCES = (
    "2016-white-paper-china-space-activities.txt",
    "2021-white-paper-china-space-program.txt",
    "2011-news-cas-space-exchanges-white-paper.txt",
    "2023-news-spacedaily-open-cooperation.txt",
)
MANIFEST = """[[document]]
file = "large.txt"
id = "large"
title = "A large document"
publisher = "benchmark"
issued = "2024-01-01"
kind = "white-paper"
"""


def large_text(size: int, corpus: Path = ROOT / "corpus") -> str:
    """About ``size`` bytes of corpus text, whole paragraphs, repeated as needed."""
    paragraphs = [
        p.strip()
        for name in SOURCES
        for p in (corpus / name).read_text(encoding="utf-8").split("\n\n")
        if p.strip()
    ]
    out: list[str] = []
    total = 0
    while total < size:
        for paragraph in paragraphs:
            out.append(paragraph)
            total += len(paragraph.encode("utf-8")) + 2
            if total >= size:
                break
    return "\n\n".join(out) + "\n"


def write_corpus(folder: Path, size: int) -> Path:
    """A corpus folder holding one document of about ``size`` bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "manifest.toml").write_text(MANIFEST, encoding="utf-8")
    (folder / "large.txt").write_text(large_text(size), encoding="utf-8")
    return folder


def run_one(megabytes: float, profile: bool) -> dict[str, float]:
    """Build one size in this process; the seconds of each stage and in all."""
    from graph import pipeline

    with tempfile.TemporaryDirectory(prefix="spacekg-large-") as tmp:
        base = Path(tmp)
        defaults = Paths.defaults()
        paths = Paths(
            corpus=write_corpus(base / "corpus", int(megabytes * MB)),
            ontology=defaults.ontology,
            queries=defaults.queries,
            store=base / "store",
        )
        times: dict[str, float] = {}
        last = [time.perf_counter(), ""]

        def progress(stage: str) -> None:
            now = time.perf_counter()
            if last[1]:
                times[str(last[1])] = now - float(last[0])
            last[:] = [now, stage]

        started = time.perf_counter()
        profiler = None
        if profile:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        pipeline.build(paths, progress)
        if profiler is not None:
            import pstats

            profiler.disable()
            pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(25)
        end = time.perf_counter()
        times[str(last[1])] = end - float(last[0])
        times["total"] = end - started
        times["cpu"] = _cpu_seconds()
    return times


def _cpu_seconds() -> float:
    """CPU time of this process and the ones it waited for (the parser's second
    process): on a shared machine it moves less with others' load than wall time."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=float, default=[1, 2, 4, 10], help="MB")
    parser.add_argument("--profile", action="store_true", help="cProfile each build (stderr)")
    parser.add_argument("--one", type=float, help=argparse.SUPPRESS)  # a child's size
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(run_one(args.one, args.profile)))
        return
    from graph.pipeline import STAGES

    short = [s.split()[0] for s in STAGES]
    head = " ".join(f"{s:>9}" for s in short)
    print(f"{'MB':>5} {head} {'total s':>9} {'s/MB':>7} {'cpu s':>8} {'cpu/MB':>7}")
    for size in args.sizes:
        command = [sys.executable, __file__, "--one", str(size)]
        if args.profile:
            command.append("--profile")
        stderr = None if args.profile else subprocess.PIPE  # the profile goes to the terminal
        done = subprocess.run(
            command, stdout=subprocess.PIPE, stderr=stderr, text=True, check=False
        )
        if done.returncode != 0:
            print(f"{size:>5g} failed: {(done.stderr or '').strip().splitlines()[-1:]}")
            continue
        times = json.loads(done.stdout.strip().splitlines()[-1])
        cells = " ".join(f"{times.get(s, 0.0):>9.1f}" for s in STAGES)
        total, cpu = times["total"], times["cpu"]
        per_mb = f"{total / size:>7.1f} {cpu:>8.1f} {cpu / size:>7.1f}"
        print(f"{size:>5g} {cells} {total:>9.1f} {per_mb}")


if __name__ == "__main__":
    main()
