"""Build at scale: cold build, build after adding one document, validation, peak memory.

    .venv/bin/python benchmarks/build_scale_bench.py --documents 100
    .venv/bin/python benchmarks/build_scale_bench.py --documents 1000 --workdir /tmp/scale-1000
    .venv/bin/python benchmarks/build_scale_bench.py --real      # the checkout's 5 documents
    .venv/bin/python benchmarks/build_scale_bench.py --add-one --workdir /tmp/scale-1000

A synthetic corpus (``benchmarks/synthetic_corpus.py``: news articles, white-paper
sections and fact sheets named from the reference data) is written under ``--workdir``
(never into the checkout) and built with ``spacekg build`` in a child process, whose
wall time per stage and peak memory (the resident size of the build and its worker
processes together, sampled every 0.1 s) are printed beside the issue's bars. Then one
news article is added and the corpus built again (the extraction and validation caches
at work), then ``spacekg validate`` checks the result. Builds run a copy of the code taken
at the start (``<workdir>/code``): the checkout is shared, and an edit to an extraction
module between the two builds would rightly empty the extraction cache.

``--real`` times validation of the checkout's own graph: pySHACL as before this change
(rdflib parsing every SPARQL constraint on every run), with each constraint parsed once,
and the build's split validation, cold and with its cache.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import synthetic_corpus  # noqa: E402

GIB = 1024**3
BARS = {
    "cold build of 1,000 news-size documents": "< 60 s, peak memory < 1 GiB",
    "adding one news document to 1,000": "< 10 s",
    "validation of the 5-document graph": "< 2 s",
}


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants (from /proc)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/statm") as f:
                total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def run_measured(command: list[str]) -> tuple[float, int, str]:
    """Run ``command``; return wall seconds, peak resident bytes of its tree, stdout."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out:
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.PIPE, text=True)
        peak = 0
        while proc.poll() is None:
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.1)
        seconds = time.perf_counter() - started
        stderr = proc.stderr.read() if proc.stderr else ""
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(command[:4])} failed: {stderr.strip()[-400:]}")
        out.seek(0)
        return seconds, peak, out.read()


def child_build(corpus: Path, store: Path) -> None:
    """In the child: build with a progress callback that times each stage; print JSON."""
    import resource

    from graph import pipeline
    from graph.config import Paths

    marks: list[tuple[str, float, int]] = []

    def progress(stage: str) -> None:
        # the build process's own peak so far (KiB), to see which stage sets it
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        marks.append((stage, time.perf_counter(), peak))

    result = pipeline.build(replace(Paths.defaults(ROOT), corpus=corpus, store=store), progress)
    progress("end")
    stages = {a[0]: round(b[1] - a[1], 2) for a, b in itertools.pairwise(marks)}
    # peak resident MiB of the build process by the end of each stage (workers excluded)
    peaks = {a[0]: round(b[2] / 1024) for a, b in itertools.pairwise(marks)}
    info = json.loads(result.info.to_json())
    # CPU seconds of the build and the workers it waited for: on a shared machine, wall
    # time moves with the others' load more than CPU time does
    cpu = sum(
        getattr(resource.getrusage(who), field)
        for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
        for field in ("ru_utime", "ru_stime")
    )
    print(
        json.dumps(
            {"stages": stages, "process_peak_mib": peaks, "info": info, "cpu": round(cpu, 2)}
        )
    )


SNAPSHOT = ("graph", "cli", "server", "ontology", "queries", "benchmarks")


def snapshot(workdir: Path) -> Path:
    """A copy of the code and data folders, taken once: the checkout is shared, and an
    edit to an extraction module between two builds (rightly) empties the cache."""
    code = workdir / "code"
    if not code.exists():
        for name in SNAPSHOT:
            shutil.copytree(ROOT / name, code / name, ignore=shutil.ignore_patterns("__pycache__"))
    return code


def build(corpus: Path, store: Path, code: Path) -> dict:
    script = code / "benchmarks" / Path(__file__).name
    command = [sys.executable, str(script), "--child-build", str(corpus), str(store)]
    seconds, peak, out = run_measured(command)
    report = json.loads(out.strip().splitlines()[-1])
    report.update(seconds=seconds, peak=peak)
    return report


def show_build(title: str, report: dict) -> None:
    info = report["info"]
    extraction = info.get("extraction", {})
    cpu = f", {report['cpu']:.1f} CPU s" if "cpu" in report else ""
    print(f"\n{title}: {report['seconds']:.1f} s wall{cpu}, peak {report['peak'] / GIB:.2f} GiB")
    print(
        f"  {info['quads']:,} quads; re-extracted {extraction.get('re_extracted')} of "
        f"{extraction.get('documents')}, re-validated {extraction.get('re_validated')}"
    )
    if "store_quads_changed" in extraction:  # a build from the previous one: its delta
        print(
            f"  quads changed in the previous store's copy: {extraction['store_quads_changed']:,}"
            f"; document graphs written again: {extraction.get('graphs_written')}"
        )
    print("  stages: " + ", ".join(f"{k} {v:.1f} s" for k, v in report["stages"].items()))
    peaks = report.get("process_peak_mib", {})
    by_stage = ", ".join(f"{k} {v} MiB" for k, v in peaks.items())
    print(f"  build process's own peak by the end of: {by_stage}")


def add_one(workdir: Path) -> None:
    """One more news article added to a workdir built before, and the build after it:
    run on two workdirs (the code before a change, and after) one after the other, to
    compare add-one builds under the same load."""
    code = workdir / "code"
    if not code.is_dir() or not (workdir / "store").is_dir():
        raise SystemExit(f"{workdir} holds no built corpus; run the benchmark on it first")
    synthetic_corpus.generate(
        workdir, 1, start=synthetic_corpus.count(workdir), register="news-article"
    )
    count = synthetic_corpus.count(workdir)
    show_build(
        f"{workdir}: adding a news article ({count:,} documents)",
        build(workdir / "corpus", workdir / "store", code),
    )


def synthetic(documents: int, workdir: Path, *, validate: bool = True) -> None:
    if workdir.resolve().is_relative_to(ROOT):
        raise SystemExit(f"{workdir} is inside the checkout; use a folder under /tmp")
    corpus, store = workdir / "corpus", workdir / "store"
    if synthetic_corpus.count(workdir) != documents:
        # a ``code`` folder put there first is the code built (to compare two versions)
        if workdir.exists() and any(p.name != "code" for p in workdir.iterdir()):
            raise SystemExit(f"{workdir} holds another corpus; pass an empty --workdir")
        synthetic_corpus.generate(workdir, documents)
    code = snapshot(workdir)
    size = sum(p.stat().st_size for p in corpus.glob("*.txt"))
    print(f"corpus: {documents:,} documents, {size / 1e6:.1f} MB, in {corpus}")
    cold = build(corpus, store, code)
    show_build(f"cold build of {documents:,}", cold)
    synthetic_corpus.generate(
        workdir, 1, start=synthetic_corpus.count(workdir), register="news-article"
    )
    added = build(corpus, store, code)
    show_build("after adding one news article", added)
    if not validate:
        return
    spacekg = [
        sys.executable,
        "-c",
        f"import sys; sys.path.insert(0, {str(code)!r}); from cli.main import main; main()",
    ]
    command = [*spacekg, "validate", "--store", str(store), "--corpus", str(corpus)]
    seconds, peak, _out = run_measured(command)
    print(f"\nspacekg validate of the result: {seconds:.1f} s wall, peak {peak / GIB:.2f} GiB")
    print("\nbars (issue 18):")
    for name, bar in BARS.items():
        print(f"  {name}: {bar}")


def real(runs: int) -> None:
    """Validation of the checkout's graph, before and after, medians of ``runs``."""
    import statistics

    from rdflib import plugin
    from rdflib.query import Processor

    from graph import pipeline, sparql_prepared, validate, validate_split
    from graph.config import Paths

    paths = Paths.defaults(ROOT)
    documents, _extraction, dataset = pipeline.make_dataset(paths)
    shapes = validate.load_shapes(paths.shapes)
    names = validate_split.document_graphs(documents)

    def median(action) -> float:
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            action()
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    install = sparql_prepared.install
    sparql_prepared.install = lambda: plugin.register(  # rdflib's own processor: before
        "sparql", Processor, "rdflib.plugins.sparql.processor", "SPARQLProcessor"
    )
    before = median(lambda: validate.validate_graph(dataset, shapes))
    sparql_prepared.install = install
    prepared = median(lambda: validate.validate_graph(dataset, shapes))
    with tempfile.TemporaryDirectory() as folder:
        cold = median(
            lambda: validate_split.validate_dataset(
                dataset, shapes, names, cache=validate_split.ValidationCache(None)
            )
        )
        validate_split.validate_dataset(
            dataset, shapes, names, cache=validate_split.ValidationCache(Path(folder))
        )
        warm = median(
            lambda: validate_split.validate_dataset(
                dataset, shapes, names, cache=validate_split.ValidationCache(Path(folder))
            )
        )
    quads = sum(1 for _ in dataset.quads((None, None, None, None)))
    print(f"validation of the checkout's graph ({len(documents)} documents, {quads:,} quads),")
    print(f"medians of {runs} runs, in this process (bar: < 2 s):")
    print(f"  pySHACL, whole graph, rdflib parsing each run (before): {before:6.2f} s")
    print(f"  pySHACL, whole graph, constraints parsed once:          {prepared:6.2f} s")
    print(f"  split, per document + whole graph, no cache (cold):     {cold:6.2f} s")
    print(f"  split, documents from the cache (a rebuild):            {warm:6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=100)
    parser.add_argument("--workdir", type=Path, help="empty folder under /tmp")
    parser.add_argument("--real", action="store_true", help="validation of the 5 documents")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--no-validate", action="store_true", help="skip `spacekg validate` of the result"
    )
    parser.add_argument(
        "--add-one", action="store_true", help="add one more article to a built --workdir"
    )
    parser.add_argument("--child-build", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_build:
        child_build(*args.child_build)
    elif args.real:
        real(args.runs)
    elif args.add_one:
        if args.workdir is None:
            raise SystemExit("--add-one needs the --workdir of a corpus built before")
        add_one(args.workdir)
    else:
        workdir = args.workdir or Path(tempfile.mkdtemp(prefix=f"scale-{args.documents}-"))
        synthetic(args.documents, workdir, validate=not args.no_validate)


if __name__ == "__main__":
    main()
