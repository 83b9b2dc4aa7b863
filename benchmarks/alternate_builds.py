"""Two codes' builds run in alternation, with medians: the only fair comparison on a
machine whose other users' load moves from minute to minute.

    .venv/bin/python benchmarks/alternate_builds.py add-one 3 a=<code>:<base> b=<code>:<base>
    .venv/bin/python benchmarks/alternate_builds.py cold 3 a=<code> b=<code> --corpus <dir>

``add-one``: each run copies its base (a workdir of ``build_scale_bench.py``, built by
that code), adds the same next news article and times the build with
``build_steps_bench.py``. ``cold``: each run copies ``--corpus`` (a folder
``synthetic_corpus.py`` wrote) with the code into a fresh workdir and runs
``build_scale_bench.py`` on it (a cold build, then one article more). A code is a folder
holding ``graph``, ``cli``, ``server``, ``ontology``, ``queries`` and ``benchmarks``
(``git archive <commit> ... | tar -x``). Each run prints the load average at its start.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CODE_FOLDERS = ("graph", "cli", "server", "ontology", "queries", "benchmarks")
# the lines of build_steps_bench.py's report worth keeping beside the medians
_KEPT = re.compile(
    r"^wall|^stages|waiting|append_summary|stage_with_delta|lines_digests|shared_graphs"
    r"|imports|extract_corpus|validated|^lines changed"
)
_STEPS = re.compile(r"wall ([\d.]+) s; CPU s: build ([\d.]+), its helpers ([\d.]+); peak (\d+)")
_COLD = re.compile(r"cold build of [\d,]+: ([\d.]+) s wall, ([\d.]+) CPU s, peak ([\d.]+) GiB")
_ADDED = re.compile(r"after adding one news article: ([\d.]+) s wall, ([\d.]+) CPU s")


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def _fresh(source: Path, target: Path) -> None:
    shutil.rmtree(target, ignore_errors=True)
    subprocess.run(["cp", "-a", str(source), str(target)], check=True)


def add_one_run(label: str, code: Path, base: Path, scratch: Path) -> tuple[float, ...]:
    """One add-one build by ``code`` on a copy of ``base``: wall, build CPU, the
    helpers' CPU and the build process's peak MiB."""
    run = scratch / f"run-{label}"
    _fresh(base, run)
    subprocess.run(
        [
            sys.executable,
            str(HERE / "synthetic_corpus.py"),
            str(run),
            "--add",
            "1",
            "--register",
            "news-article",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    command = [sys.executable, str(HERE / "build_steps_bench.py"), str(run), str(code)]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    print("\n".join(f"  {line.strip()}" for line in out.splitlines() if _KEPT.search(line)))
    found = _STEPS.search(out)
    if found is None:
        raise SystemExit(f"no timings from {run}")
    return tuple(float(x) for x in found.groups())


def cold_run(label: str, code: Path, corpus: Path, scratch: Path) -> tuple[float, ...]:
    """One cold build (and the add-one after it) by ``code`` of a copy of ``corpus``:
    cold wall, CPU, peak GiB, then the add-one's wall and CPU."""
    work = scratch / f"cold-{label}"
    _fresh(corpus, work)
    for name in CODE_FOLDERS:
        shutil.copytree(
            code / name, work / "code" / name, ignore=shutil.ignore_patterns("__pycache__")
        )
    documents = sum(1 for _ in (work / "corpus").glob("*.txt"))
    script = work / "code" / "benchmarks" / "build_scale_bench.py"
    command = [
        sys.executable,
        str(script),
        "--documents",
        str(documents),
        "--workdir",
        str(work),
        "--no-validate",
    ]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    print("\n".join(f"  {line}" for line in out.strip().splitlines()))
    cold, added = _COLD.search(out), _ADDED.search(out)
    if cold is None or added is None:
        raise SystemExit(f"no timings from {work}")
    return tuple(float(x) for x in (*cold.groups(), *added.groups()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("add-one", "cold"))
    parser.add_argument("rounds", type=int)
    parser.add_argument("codes", nargs="+", help="label=code[:base]")
    parser.add_argument("--corpus", type=Path, help="cold: a synthetic corpus's folder")
    parser.add_argument("--scratch", type=Path, default=Path("/tmp/alternate-builds"))
    args = parser.parse_args()
    args.scratch.mkdir(parents=True, exist_ok=True)
    if args.mode == "cold" and args.corpus is None:
        raise SystemExit("cold needs --corpus")
    results: dict[str, list[tuple[float, ...]]] = {}
    for round_ in range(1, args.rounds + 1):
        for spec in args.codes:
            label, _, where = spec.partition("=")
            code, _, base = where.partition(":")
            print(f"== {label} round {round_} {time.strftime('%H:%M:%S')} load {_load()}")
            if args.mode == "add-one":
                row = add_one_run(label, Path(code), Path(base), args.scratch)
            else:
                row = cold_run(label, Path(code), args.corpus, args.scratch)
            results.setdefault(label, []).append(row)
            sys.stdout.flush()
    columns = (
        "wall, build CPU, helpers' CPU, peak MiB"
        if args.mode == "add-one"
        else "cold wall, cold CPU, peak GiB, add-one wall, add-one CPU"
    )
    print(f"\nmedians ({columns}):")
    for label, rows in results.items():
        medians = ", ".join(f"{statistics.median(c):.2f}" for c in zip(*rows, strict=True))
        print(f"  {label}: {medians}; walls {[row[0] for row in rows]}")


if __name__ == "__main__":
    main()
