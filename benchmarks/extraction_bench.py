"""How long extraction alone takes on a batch of news-size documents (issue 18's cold
build spends most of its time here).

Writes the synthetic corpus's news articles (``synthetic_corpus.py``, same seed, same
text) into a scratch folder, then runs ``extract.load_reference`` and
``extract.extract_corpus`` on them as ``spacekg build`` does, each run in a fresh
process (nothing cached from the run before), and prints the wall and CPU seconds of
each run (imports left out, the parser's second process included) and their medians.
On a shared machine the CPU column is the steadier one.

    .venv/bin/python benchmarks/extraction_bench.py              # 100 documents, 3 runs
    .venv/bin/python benchmarks/extraction_bench.py 1000 --runs 1
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def run_one(folder: Path) -> dict[str, float]:
    """Extract the corpus in ``folder`` in this process: seconds and CPU seconds."""
    from graph import corpus, extract
    from graph.config import Paths

    started, cpu = time.perf_counter(), _cpu_seconds()
    documents = corpus.read_corpus(folder)
    reference = extract.load_reference(Paths.defaults().ontology, folder)
    extraction = extract.extract_corpus(documents, reference)
    return {
        "seconds": time.perf_counter() - started,
        "cpu": _cpu_seconds() - cpu,
        "facts": len(extraction.facts),
    }


def _cpu_seconds() -> float:
    """CPU time of this process and the ones it waited for (the parser's second one)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("documents", nargs="?", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)  # a child's folder
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(run_one(args.one)))
        return
    from synthetic_corpus import generate

    with tempfile.TemporaryDirectory(prefix="spacekg-extract-") as tmp:
        generate(Path(tmp), args.documents, register="news-article")
        folder = Path(tmp) / "corpus"
        print(f"{args.documents} news documents, {args.runs} runs")
        print(f"{'run':>4} {'seconds':>8} {'cpu s':>7} {'facts':>6}")
        runs = []
        for n in range(args.runs):
            command = [sys.executable, __file__, "--one", str(folder)]
            done = subprocess.run(command, capture_output=True, text=True, check=True)
            runs.append(json.loads(done.stdout.splitlines()[-1]))
            r = runs[-1]
            print(f"{n + 1:>4} {r['seconds']:>8.2f} {r['cpu']:>7.2f} {r['facts']:>6}")
        seconds = statistics.median(r["seconds"] for r in runs)
        cpu = statistics.median(r["cpu"] for r in runs)
        print(f"median {seconds:>6.2f} {cpu:>7.2f}")


if __name__ == "__main__":
    main()
