"""Wall seconds of the steps inside one build, by timers wrapped around chosen functions.

    .venv/bin/python benchmarks/build_steps_bench.py <workdir> [<code folder>]

``<workdir>`` is one of ``build_scale_bench.py``'s (its ``corpus`` and ``store``), built
before, with a document added (a build on the previous one) or not; ``<code folder>``:
the code to build with (default: the workdir's ``code``, else this checkout). No profiler
(cProfile doubles the cost of a call), so the figures add up to the build's time; with
``--no-gc`` the cyclic collector is off for the whole build. Prints the stages, the CPU
seconds of the build process and of the processes it waited for, its peak memory, and
each timed function's total, and how many of the build's lines differ from the previous
build's (those a build stages, validates again and writes again into the dumps), with
the rank properties' share (graph/rank_values.py).
"""

from __future__ import annotations

import argparse
import functools
import gc
import importlib
import os
import resource
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

# module -> functions timed (looked up on the module when called: wrap before use)
TIMED = {
    "graph.corpus": ["read_corpus"],
    "graph.extract": ["load_reference", "discover_names", "assemble"],
    "graph.extract_incremental": ["extract_corpus"],
    "graph.extract_parallel": ["read_in_parallel"],
    "graph.extraction_cache": ["ExtractionCache.get", "document_digest"],
    "graph.parsing": ["load_parser"],
    "graph.recognise": ["Recogniser.__init__"],
    "graph.rdf_lines": ["documents_lines", "shared_graphs", "document_key", "document_lines"],
    "graph.corpus_lines": ["dataset_lines"],
    "graph.store_delta": [
        "stage",
        "stage_with_delta",
        "sorted_lines",
        "content_id_of",
        "keep_lines",
        "stage_changes",
        "_staged_changes",
    ],
    "graph.validate_lines": ["read_file"],
    "graph.summaries": [
        "append_summary_lines",
        "bulk_load_graphs",
        "summary_lines",
        "_counted",
        "_partners_named",
        "_ranks",
        "count_triples",
        "rank_triples",
        "text_digests",
    ],
    "graph.summary_scratch_kept": ["PickedCache.all_of"],
    "graph.summary_passages_kept": ["PassagesCache.lines"],
    "graph.build_validation": ["lines_digests", "validated"],
    "graph.validate_split": ["validate_dataset", "_triples_of"],
    "graph.sparql_prepared": ["prepareQuery"],  # rdflib parsing a SPARQL constraint
    "graph.validate_whole": [
        "subject_digests",
        "to_validate",
        "neighbourhood",
        "targeted_shapes",
        "engine_first",
        "run_pyshacl",
        "digests_near",
        "may_report",
        "_kept",
        "_flat_report",
        "_subjects_of",
        "WholeGraphValidation.validate",
        "WholeGraphValidation._previous",
        "WholeGraphValidation._keep",
    ],
}
# in the dumps' worker (a process of its own: timed there, printed by it at its end)
WORKER_TIMED = {  # looked up where they are called from
    "graph.dump_background": ["_StagedStore.open"],
    "graph.dump": ["write_data_dumps", "_write_ontology_files", "sha256_of", "void_graph"],
    "graph.dump_merged": [
        "_previous_walk",
        "_keep_walk",
        "ranges_of",
        "ranged_graph",
        "stored_nquads",
        "trig_piece",
        "jsonld_piece",
        "QuadDumps.add",
        "QuadDumps.add_range",
        "TripleDumps.add",
        "TripleDumps.add_range",
    ],
    "graph.dump_fragments": ["FragmentCache.get", "StoredGraph.read"],
    "graph.dump_ranges": ["_made", "RangePiece.of"],
    "graph.dump_range_walk": ["RangedWalk.add", "RangedWalk.finish"],
    "graph.dump_triples": ["MergeLines.first_met", "PiecedWriter._write_stretch"],
    "graph.dump_in_two": ["_PackReader.__call__"],
    "graph.dump_members": [
        "MemberPack.kept",
        "MemberWriter.close",
        "MemberWriter._end_group",
        "member",
        "_keep",
    ],
}
TOTALS: dict[str, float] = {}
CPU: dict[str, float] = {}  # the build process's CPU seconds (all its threads) in each
CALLS: Counter[str] = Counter()
FIRST: dict[str, tuple[float, float]] = {}  # the first call's start and end (epoch seconds)
_CLOCK = [time.process_time]  # the worker's timers count their own thread's CPU


def _timed(name: str, function: Callable) -> Callable:
    @functools.wraps(function)
    def timed(*args, **kwargs):
        started, cpu, at = time.perf_counter(), _CLOCK[0](), time.time()
        try:
            return function(*args, **kwargs)
        finally:
            TOTALS[name] = TOTALS.get(name, 0.0) + time.perf_counter() - started
            CPU[name] = CPU.get(name, 0.0) + _CLOCK[0]() - cpu
            CALLS[name] += 1
            FIRST.setdefault(name, (at, time.time()))

    return timed


def _wrap(timed: dict[str, list[str]]) -> None:
    """Put a timer around each named function (``Class.method`` or a module's)."""
    for module_name, names in timed.items():
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError:  # code from before the module was made
            continue
        for name in names:
            owner, _, attribute = name.rpartition(".")
            holder = getattr(module, owner, None) if owner else module  # None: older code
            if hasattr(holder, attribute):
                short = f"{module_name.removeprefix('graph.')}.{name}"
                setattr(holder, attribute, _timed(short, getattr(holder, attribute)))


def timed_worker(*args: object) -> None:
    """The dumps' worker with timers (``BackgroundDumps`` starts this in its place):
    prints its phases' wall and CPU seconds (all its threads: the gzip threads' own
    calls add their time on top) when it ends, and those from the staged store's
    arrival on: the work an add-one build waits for at its end."""
    from graph import dump_background

    started, cpu, at = time.perf_counter(), time.process_time(), time.time()
    _CLOCK[0] = time.thread_time
    _wrap(WORKER_TIMED)
    arrived: list[tuple[float, float]] = []  # when the staged store was first opened
    opened = dump_background._StagedStore.open

    def open_noted(self: dump_background._StagedStore) -> object:
        found = opened(self)
        if not arrived:
            arrived.append((time.perf_counter(), time.process_time()))
            fork.at_arrival = fork.cpu_now()
        return found

    dump_background._StagedStore.open = open_noted  # type: ignore[method-assign]
    fork = _ForkNoted(arrived)
    _time_the_fork()
    try:
        dump_background._write_dumps(*args)  # type: ignore[arg-type]
    finally:
        ended, used_at_end = time.perf_counter(), time.process_time()
        wall, used = ended - started, used_at_end - cpu
        lines = [
            f"  {'in the dumps worker (from its start, CPU all threads)':44s} "
            f"{wall:6.2f} {used:6.2f}",
            f"    its start, epoch {at:.2f}; its end {time.time():.2f}",
        ]
        if arrived:  # what the build waits for: the worker's work once the store is in
            tail_wall, tail_cpu = ended - arrived[0][0], used_at_end - arrived[0][1]
            lines.append(
                f"  {'in the dumps worker after the store arrived':44s} "
                f"{tail_wall:6.2f} {tail_cpu:6.2f}"
            )
        lines += fork.report()
        for name, seconds in sorted(TOTALS.items(), key=lambda item: -item[1]):
            first = FIRST[name]
            lines.append(
                f"    {name:42s} {seconds:6.2f} {CPU[name]:6.2f} {CALLS[name]:6d} calls, "
                f"first {first[0] - at:6.2f} to {first[1] - at:6.2f}"
            )
        print("\n".join(lines), file=sys.stderr, flush=True)


def _time_the_fork() -> None:
    """The forked process's timers (it inherits the worker's, and ends with
    ``os._exit``): printed by it at the end of its work, counted from the fork."""
    try:
        from graph import dump_in_two
    except ImportError:  # code from before the fork
        return
    work = dump_in_two._write_triples

    def timed(*args: object) -> object:
        before = dict(CPU)
        try:
            return work(*args)
        finally:
            lines = ["  in the worker fork, its own thread's CPU:"]
            for name, used in sorted(CPU.items(), key=lambda item: -item[1]):
                if used - before.get(name, 0.0) >= 0.005:
                    lines.append(f"    {name:42s} {used - before.get(name, 0.0):6.2f}")
            print("\n".join(lines), file=sys.stderr, flush=True)

    dump_in_two._write_triples = timed  # type: ignore[assignment]


class _ForkNoted:
    """The CPU seconds of a process the dumps' worker forks (``graph.dump_in_two``), in
    all and from the staged store's arrival in the worker on (its CPU then, from /proc)."""

    def __init__(self, arrived: list[tuple[float, float]]) -> None:
        self.arrived, self.pid, self.at_arrival, self.total = arrived, 0, 0.0, -1.0
        self._fork, self._waitpid = os.fork, os.waitpid
        os.fork, os.waitpid = self.fork, self.waitpid  # type: ignore[assignment]

    def fork(self) -> int:
        pid = self._fork()
        if pid:
            self.pid = pid
        return pid

    def waitpid(self, pid: int, options: int) -> tuple[int, int]:
        if pid != self.pid or not pid:
            return self._waitpid(pid, options)
        found, status, usage = os.wait4(pid, options)
        self.total = usage.ru_utime + usage.ru_stime
        return found, status

    def cpu_now(self) -> float:
        """The forked process's CPU seconds so far (all its threads)."""
        if not self.pid:
            return 0.0
        fields = Path(f"/proc/{self.pid}/stat").read_text().rpartition(")")[2].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def report(self) -> list[str]:
        if self.total < 0:
            return []
        after = self.total - self.at_arrival
        return [
            f"  {'in the worker fork, all / after the store':44s} {self.total:6.2f} {after:6.2f}"
        ]


RANKS = (
    "corroborationRank",
    "timelineRank",
    "passageRank",
    "partnerRank",
    "activityRank",
    "participationRank",
    "totalRank",
)


def _lines(path: Path) -> Iterator[bytes]:
    with path.open("rb") as f:
        yield from f


def changed_lines(before: Path, after: Path) -> Counter[str]:
    """Lines in one of two builds' sorted N-Quads files but not the other, in all
    ("lines") and per rank property: a merge of the two sorted files, not two sets."""
    counts: Counter[str] = Counter()
    ours, theirs = _lines(before), _lines(after)
    a, b = next(ours, None), next(theirs, None)
    while a is not None or b is not None:
        if a is not None and (b is None or a < b):
            line, a = a, next(ours, None)
        elif b is not None and (a is None or b < a):
            line, b = b, next(theirs, None)
        else:
            a, b = next(ours, None), next(theirs, None)
            continue
        counts["lines"] += 1
        predicate = line.split(b" ", 2)[1]  # a subject has no space, nor a predicate
        name = predicate.rstrip(b">").rsplit(b"#", 1)[-1].decode("utf-8", "replace")
        if name in RANKS:
            counts[name] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workdir", type=Path)
    parser.add_argument("code", type=Path, nargs="?")
    parser.add_argument("--no-gc", action="store_true", help="the cyclic collector off")
    parser.add_argument(
        "--worker", action="store_true", help="time the dumps' worker's steps too (stderr)"
    )
    args = parser.parse_args()
    code = args.code or (args.workdir / "code")
    if not code.is_dir():
        code = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(code))
    started = time.perf_counter()
    from graph import pipeline
    from graph.config import Paths
    from graph.dump_background import BackgroundDumps

    TOTALS["imports"] = time.perf_counter() - started
    _wrap(TIMED)
    if args.worker:
        import graph.dump_background as dump_background

        dump_background._write_dumps = timed_worker  # type: ignore[assignment]
    BackgroundDumps.wait = _timed("waiting for the dumps' worker", BackgroundDumps.wait)
    paths = replace(
        Paths.defaults(code), corpus=args.workdir / "corpus", store=args.workdir / "store"
    )
    marks: list[tuple[str, float, float]] = []
    print(f"build starts, epoch {time.time():.2f}", file=sys.stderr, flush=True)
    current = paths.store / "current"
    previous = current.resolve() if current.exists() else None
    if args.no_gc:
        gc.disable()
    pipeline.build(
        paths, lambda stage: marks.append((stage, time.perf_counter(), time.process_time()))
    )
    ended = time.perf_counter()
    epoch = time.time()
    print(
        "stages end, epoch: "
        + ", ".join(
            f"{a[0]} {epoch - (ended - b[1]):.2f}"
            for a, b in zip(marks, [*marks[1:], ("end", ended, 0.0)], strict=True)
        ),
        file=sys.stderr,
    )
    stages = list(zip(marks, [*marks[1:], ("end", ended, time.process_time())], strict=True))
    own = resource.getrusage(resource.RUSAGE_SELF)
    waited = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        f"wall {ended - started:.2f} s; CPU s: build {own.ru_utime + own.ru_stime:.2f}, "
        f"its helpers {waited.ru_utime + waited.ru_stime:.2f}; "
        f"peak {own.ru_maxrss // 1024} MiB (build process)"
    )
    print("stages, wall: " + ", ".join(f"{a[0]} {b[1] - a[1]:.2f}" for a, b in stages))
    print(
        "stages, CPU of the build process: "
        + ", ".join(f"{a[0]} {b[2] - a[2]:.2f}" for a, b in stages)
    )
    print(f"  {'timed function':44s} {'wall':>6s} {'CPU':>6s}")
    for name, seconds in sorted(TOTALS.items(), key=lambda item: -item[1]):
        cpu = f"{CPU[name]:6.2f}" if name in CPU else "     -"
        print(f"  {name:44s} {seconds:6.2f} {cpu}")
    built = current.resolve()
    if previous is not None and built != previous and previous.with_suffix(".nq").is_file():
        counts = changed_lines(previous.with_suffix(".nq"), built.with_suffix(".nq"))
        ranks = ", ".join(f"{name} {counts[name]:,}" for name in RANKS if counts[name])
        print(f"lines changed from the previous build: {counts['lines']:,} ({ranks or 'no rank'})")


if __name__ == "__main__":
    main()
