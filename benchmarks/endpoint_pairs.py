"""Throughput against the native server, shown steadily: runs taken in turns, in pairs.

Run by hand (needs wrk)::

    flock /tmp/bench.lock .venv/bin/python benchmarks/endpoint_pairs.py \
        --store ROOT --synthetic-store ROOT_100X [--pairs 5] [--before COPY]

On a shared machine requests per second follow whoever else uses the cores: the native
server alone went from 4.6 to 16.2 req/s between two runs a few minutes apart. A ratio of
two runs is only worth something when both saw the same machine, so here both servers
are started once, warmed at the measured load (8 connections) for as long as a turn lasts
(so each query process has run part of the mix: a server that has been up for a while),
and then measured in turns, back to back: native, spacekg, native,
spacekg, ... Each round gives a ratio in requests per second and one in CPU per request
(the whole process tree, from /proc: the figure other people's load disturbs least).
The verdict is the median of the rounds' ratios, and how many rounds are at the bar.

``--before COPY`` adds a third server in each round, spacekg run from another copy of
the code (``git archive REV | tar -x -C COPY``) with ``PYTHONPATH``, so a change and the
code before it are each set against the native server of the same round.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

import endpoint_bench as bench
import endpoint_servers as servers

from graph.config import Paths
from graph.saved_queries import editor_text, load_queries
from graph.store import current_path

BAR = 0.8


@dataclass(frozen=True)
class Turn:
    """One measured run: requests per second and the server's CPU per request."""

    rps: float
    cpu_ms: float
    median_ms: float
    errors: int
    load: float


def measure(server: servers.Server, queries: list[str], connections: int, seconds: float) -> Turn:
    assert server.pid is not None
    cpu = servers.tree_cpu_seconds(server.pid)
    run = bench.wrk(server, queries, connections, seconds)
    used = servers.tree_cpu_seconds(server.pid) - cpu
    cpu_ms = 1000 * used / max(run.rps * max(1, round(seconds)), 1e-9)
    return Turn(run.rps, cpu_ms, run.median_ms, run.errors, os.getloadavg()[0])


def rounds(
    starters: dict[str, Callable[[], AbstractContextManager[servers.Server]]],
    queries: list[str],
    expected: list[int],
    *,
    pairs: int,
    connections: int,
    seconds: float,
    warmup: float,
) -> Iterator[dict[str, Turn]]:
    """Start every server, check its answers, warm it at ``connections`` for ``warmup``
    seconds, then measure each in turn ``pairs`` times; one dict of turns per round. The
    order within a round alternates (A B, then B A) so a machine getting busier or quieter
    during a round does not always fall on the same server."""
    with contextlib.ExitStack() as stack:
        started = {name: stack.enter_context(start()) for name, start in starters.items()}
        for name, server in started.items():
            print(f"  {name}: {servers.check_answers(server, queries, expected)}", file=sys.stderr)
            bench.wrk(server, queries, connections, warmup)
        names = list(started)
        for number in range(pairs):
            order = names if number % 2 == 0 else names[::-1]
            yield {name: measure(started[name], queries, connections, seconds) for name in order}


def _ms(value: float) -> str:
    """Milliseconds to two decimals below 10 (the real graph's 2.2 against 2.1 is 5 %)."""
    return f"{value:.2f}" if value < 10 else f"{value:.1f}"


def report(title: str, results: list[dict[str, Turn]], native: str) -> None:
    others = [name for name in results[0] if name != native]
    print(f"\n{title}")
    head = f"{'round':>5}{'load':>6}{'native req/s':>14}{'cpu ms/req':>12}"
    for name in others:
        head += f"{name + ' req/s':>22}{'x native':>10}{'cpu ms/req':>12}{'per core':>10}"
    print(head)
    for number, turns in enumerate(results, 1):
        base = turns[native]
        load = statistics.mean(t.load for t in turns.values())
        line = f"{number:>5}{load:>6.1f}{base.rps:>14.2f}{_ms(base.cpu_ms):>12}"
        for name in others:
            t = turns[name]
            line += f"{t.rps:>22.2f}{t.rps / base.rps:>10.2f}{_ms(t.cpu_ms):>12}"
            line += f"{base.cpu_ms / t.cpu_ms:>10.2f}"
        errors = sum(t.errors for t in turns.values())
        print(line + (f"  ({errors} errors)" if errors else ""))
    for name in others:
        speed = [r[name].rps / r[native].rps for r in results]
        core = [r[native].cpu_ms / r[name].cpu_ms for r in results]
        met = sum(s >= BAR for s in speed)
        print(
            f"{name}: median of {len(results)} rounds {statistics.median(speed):.2f}x native in "
            f"req/s (range {min(speed):.2f} to {max(speed):.2f}, {met} of {len(results)} at "
            f"{BAR}x or more); per core {statistics.median(core):.2f}x "
            f"(range {min(core):.2f} to {max(core):.2f}); CPU ms per request, median "
            f"{_ms(statistics.median(r[name].cpu_ms for r in results))} against native's "
            f"{_ms(statistics.median(r[native].cpu_ms for r in results))}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--store", type=Path, help="store root of the real graph (default: var/store)"
    )
    parser.add_argument(
        "--synthetic-store", type=Path, help="a store root synthetic_graph.py wrote"
    )
    parser.add_argument("--only-synthetic", action="store_true", help="skip the real graph")
    parser.add_argument("--pairs", type=int, default=5, help="rounds of turns per graph")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=5.0, help="per turn, real graph")
    parser.add_argument("--synthetic-seconds", type=float, default=15.0, help="per turn, synthetic")
    parser.add_argument(
        "--synthetic-query-limit",
        type=float,
        default=5.0,
        help="seconds; saved queries slower than this on the synthetic graph are left out",
    )
    parser.add_argument("--before", type=Path, help="a copy of the code to run as a third server")
    parser.add_argument(
        "--before-env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a variable for the --before server only (e.g. SPACEKG_WORKERS=2); repeatable",
    )
    parser.add_argument("--workers", type=int, help="web workers (default: the code's own)")
    parser.add_argument("--threads", type=int, help="threads a worker (default: the code's)")
    parser.add_argument("--query-workers", type=int)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("error: wrk is not installed (apt-get install wrk)")
    paths = Paths.defaults()
    real_root = args.store or paths.store
    saved = sorted(load_queries(paths.queries).values(), key=lambda q: q.name)
    names = [q.name for q in saved]
    all_queries = [editor_text(q, q.bind({})) for q in saved]
    ours = {"workers": args.workers, "threads": args.threads, "query_workers": args.query_workers}
    print(f"load average {os.getloadavg()[0]:.2f} (1 min) on {os.cpu_count()} cores")

    graphs: list[tuple[str, Path, float, float]] = []
    if not args.only_synthetic:
        graphs.append(("Real graph", real_root, args.seconds, 600.0))
    if args.synthetic_store:
        limit = args.synthetic_query_limit
        graphs.append(("Synthetic graph", args.synthetic_store, args.synthetic_seconds, limit))
    for title, root, seconds, limit in graphs:
        build = current_path(root).resolve()
        counts = servers.probe(build, all_queries, limit)
        slow = [n for n, c in zip(names, counts, strict=True) if c is None]
        if slow:
            print(f"{title}: left out, over {limit:g} s in pyoxigraph: {', '.join(slow)}")
        kept = [(q, c) for q, c in zip(all_queries, counts, strict=True) if c is not None]
        queries, expected = [q for q, _ in kept], [c for _, c in kept]
        starters: dict[str, Callable[[], AbstractContextManager[servers.Server]]] = {
            bench.NATIVE: lambda build=build: servers.oxigraph(build),
            "spacekg": lambda root=root: servers.spacekg(root, cached=False, **ours),
        }
        if args.before:
            copy = {"PYTHONPATH": str(args.before.resolve())}
            copy |= dict(pair.split("=", 1) for pair in args.before_env)
            starters["before"] = lambda root=root, copy=copy: servers.spacekg(
                root, cached=False, env=copy, **ours
            )
        results = list(
            rounds(
                starters,
                queries,
                expected,
                pairs=args.pairs,
                connections=args.connections,
                seconds=seconds,
                warmup=seconds,
            )
        )
        report(
            f"{title} ({root}), {len(queries)} saved queries, {args.connections} connections, "
            f"{seconds:g} s a turn",
            results,
            bench.NATIVE,
        )


if __name__ == "__main__":
    main()
