"""Benchmark: every saved query in process (pyoxigraph), medians of several runs.

Run by hand, not a test::

    .venv/bin/python benchmarks/saved_queries_bench.py [--runs 7] [--store var/store]
    .venv/bin/python benchmarks/saved_queries_bench.py --save after.json --before before.json
    .venv/bin/python benchmarks/saved_queries_bench.py --store var/store --scale 100
    .venv/bin/python benchmarks/saved_queries_bench.py --stores var/store /tmp/x10 /tmp/x1000
    .venv/bin/python benchmarks/saved_queries_bench.py --stores /tmp/x1000 --only top-partners

Without ``--store`` the real corpus is built into a temporary store first. Each query is
evaluated with its default parameters as the server evaluates it (``server.evaluate``:
parameters bound, JSON results written in full, no query process and no HTTP), once to
warm up and then ``--runs`` times; the table gives the median and the fastest run in
milliseconds. ``--scale N`` times the queries on a synthetic graph N times the size. ``--before``
prints a saved run (``--save``) beside this one, so a change to the queries or to the
graph's shape can be judged query by query.

``--stores`` times several store roots, one column each: the real build and synthetic
graphs written by ``synthetic_graph.py`` (10x, 100x, 1,000x), for the table in the README.

``--union`` measures the same data as queries saw it before the build wrote the merge of
the named graphs into the default graph: the named graphs alone are copied into a fresh
on-disk store and queried over their union (``use_default_graph_as_union``), where a
triple stated by two documents is seen twice, with the parameters as pyoxigraph
``substitutions``. ``--queries`` takes the query files from
another folder (e.g. ``git archive`` of an earlier commit's ``queries/``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from graph.config import Paths  # noqa: E402
from graph.saved_queries import load_queries  # noqa: E402
from graph.store import current_path  # noqa: E402
from server import sparql_scan  # noqa: E402
from server.backend import QueryJob  # noqa: E402
from server.evaluate import evaluate  # noqa: E402

ROW_CAP = 10_000  # the ROW_LIMIT default


def time_query(
    store: ox.Store, sparql: str, bound: dict, *, runs: int, union: bool, budget: float
) -> tuple[list[float], list[float], int]:
    """Milliseconds of each run (after one warm-up), wall and CPU (this process's, which a
    busy shared machine disturbs far less), and the number of result bytes. A
    query whose warm-up takes longer than ``budget`` seconds is not run again (an
    in-process query cannot be stopped): its one time is reported.

    The query is evaluated as ``Backend.execute`` has it evaluated (``server.evaluate``:
    parameters bound, JSON written, the row cap applied), or with ``union`` as it was
    before issue 16: parameters as pyoxigraph ``substitutions``, over the union of the
    named graphs."""
    if union:
        subs = {ox.Variable(k): v for k, v in bound.items()}

        def once() -> bytes:
            results = store.query(sparql, substitutions=subs, use_default_graph_as_union=True)
            return results.serialize(format=ox.QueryResultsFormat.JSON)
    else:
        shape = sparql_scan.inspect(sparql)
        job = QueryJob(sparql, "SELECT", "JSON", ROW_CAP,
                       limited_sparql=sparql_scan.with_row_limit(sparql, shape, ROW_CAP + 1),
                       substitutions=tuple(sorted(bound.items())))

        def once() -> bytes:
            return evaluate(store, job).body

    started, cpu = time.perf_counter(), time.process_time()
    body = once()
    warm_up = time.perf_counter() - started
    if warm_up > budget:
        return [warm_up * 1000], [(time.process_time() - cpu) * 1000], len(body)
    times, cpu_times = [], []
    for _ in range(runs):
        started, cpu = time.perf_counter(), time.process_time()
        once()
        times.append((time.perf_counter() - started) * 1000)
        cpu_times.append((time.process_time() - cpu) * 1000)
    return times, cpu_times, len(body)


def measure(
    store: ox.Store, queries_dir: Path, *, runs: int, union: bool, budget: float,
    only: list[str] | None = None,
) -> dict[str, dict]:
    results = {}
    for name, query in load_queries(queries_dir).items():
        if only and name not in only:
            continue
        times, cpu, size = time_query(
            store, query.sparql, query.bind({}), runs=runs, union=union, budget=budget
        )
        results[name] = {"median_ms": statistics.median(times), "min_ms": min(times),
                         "cpu_ms": statistics.median(cpu), "bytes": size, "runs": len(times)}
    return results


def synthetic(store: ox.Store, scale: int, workdir: Path) -> ox.Store:
    """A store ``scale`` times the real one, built like a real build (the merge in the
    default graph), by ``synthetic_graph``: the documents and curated entities copied
    and renamed, countries and concept schemes shared, the first copy keeping the real
    IRIs so the default parameters still match."""
    import synthetic_graph

    real = ox.serialize(synthetic_graph.named_graphs(store), format=ox.RdfFormat.N_QUADS)
    build = synthetic_graph.make(real, scale, workdir / f"synthetic-{scale}x", workdir)
    return ox.Store.read_only(str(build))


def open_or_build(store_root: Path | None, workdir: Path) -> ox.Store:
    if store_root is None:
        from graph import pipeline

        store_root = workdir / "store"
        pipeline.build(replace(Paths.defaults(ROOT), store=store_root))
    return ox.Store.read_only(str(current_path(store_root).resolve()))


def named_graphs_only(store: ox.Store, location: Path) -> ox.Store:
    """A new on-disk store holding the named graphs of ``store`` and no default graph."""
    copy = ox.Store(str(location))
    copy.bulk_extend([q for q in store if not isinstance(q.graph_name, ox.DefaultGraph)])
    copy.flush()
    copy.optimize()
    return copy


def _once(result: dict) -> str:
    return "*" if result.get("runs", 2) == 1 else " "


def columns(runs: dict[str, dict[str, dict]]) -> str:
    """One line per query, medians (wall and CPU) per store (``*``: timed once)."""
    names = list(next(iter(runs.values())))
    width = max(len(n) for n in names)
    lines = [f"{'query':<{width}}" + "".join(f"{label:>22}" for label in runs)]
    lines.append(f"{'':<{width}}" + f"{'wall ms':>12}{'cpu ms':>10}" * len(runs))
    for name in names:
        cells = []
        for result in runs.values():
            r = result.get(name)
            cells.append(f"{r['median_ms']:11.1f}{_once(r)}{r.get('cpu_ms', 0):10.1f}"
                         if r else f"{'-':>22}")
        lines.append(f"{name:<{width}}" + "".join(cells))
    return "\n".join(lines)


def table(after: dict[str, dict], before: dict[str, dict] | None) -> str:
    """One line per query; ``*`` marks a time of a single run (over the budget)."""
    width = max(len(n) for n in after)
    if before is None:
        lines = [f"{'query':<{width}}  {'median ms':>9}  {'min ms':>7}"]
        lines += [f"{n:<{width}}  {r['median_ms']:9.2f}{_once(r)} {r['min_ms']:7.2f}"
                  for n, r in after.items()]
        return "\n".join(lines)
    lines = [f"{'query':<{width}}  {'before ms':>9}  {'after ms':>8}  {'speed-up':>8}"]
    for name, r in after.items():
        earlier = before.get(name, {})
        old = earlier.get("median_ms")
        was = f"{old:9.2f}{_once(earlier)}" if old is not None else f"{'-':>10}"
        ratio = f"{old / r['median_ms']:7.1f}x" if old else f"{'-':>8}"
        lines.append(f"{name:<{width}}  {was} {r['median_ms']:8.2f}{_once(r)} {ratio}")
    total_before = sum(before.get(n, {}).get("median_ms", 0.0) for n in after)
    total_after = sum(r["median_ms"] for r in after.values())
    lines.append(f"{'(sum)':<{width}}  {total_before:9.2f}  {total_after:8.2f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="a store root (default: build one)")
    parser.add_argument("--queries", type=Path, default=ROOT / "queries")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--union", action="store_true",
                        help="evaluate over the union of the named graphs")
    parser.add_argument("--scale", type=int, default=1,
                        help="time on a synthetic graph this many times the real one")
    parser.add_argument("--budget", type=float, default=5.0,
                        help="seconds; a query slower than this is timed once")
    parser.add_argument("--save", type=Path, help="write this run's medians as JSON")
    parser.add_argument("--before", type=Path, help="a saved run to print beside this one")
    parser.add_argument("--only", nargs="+", metavar="NAME",
                        help="time these saved queries only")
    parser.add_argument("--stores", type=Path, nargs="+", metavar="ROOT",
                        help="time several store roots (e.g. synthetic_graph.py's) side by "
                        "side, one column each")
    args = parser.parse_args()
    if args.stores:
        print(load_line())
        runs = {}
        for root in args.stores:
            store = ox.Store.read_only(str(current_path(root).resolve()))
            runs[f"{root.name} ({len(store) / 1e6:.2f}M)"] = measure(
                store, args.queries, runs=args.runs, union=False, budget=args.budget,
                only=args.only,
            )
            print(f"  {root}: done", file=sys.stderr)
        print(f"medians of {args.runs} runs in ms, in process (a query over {args.budget:g} s "
              "is timed once, *); column: store root (quads)\n")
        print(columns(runs))
        if args.save:
            args.save.write_text(json.dumps(runs, indent=2) + "\n")
        return
    with tempfile.TemporaryDirectory() as work:
        store = open_or_build(args.store, Path(work))
        if args.scale > 1:
            store = synthetic(store, args.scale, Path(work))
        if args.union:
            store = named_graphs_only(store, Path(work) / "named-graphs-only")
        quads = sum(1 for _ in store.quads_for_pattern(None, None, None, None))
        results = measure(
            store, args.queries, runs=args.runs, union=args.union, budget=args.budget,
            only=args.only,
        )
    before = json.loads(args.before.read_text()) if args.before else None
    print(load_line())
    print(f"{quads} quads; medians of {args.runs} runs, in process (a query over "
          f"{args.budget:g} s is timed once)\n")
    print(table(results, before))
    if args.save:
        args.save.write_text(json.dumps(results, indent=2) + "\n")


def load_line() -> str:
    """The machine's load, to print beside the figures: a shared machine's are noisy."""
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"


if __name__ == "__main__":
    main()
