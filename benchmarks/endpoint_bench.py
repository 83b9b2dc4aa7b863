"""Benchmark: this endpoint against ``oxigraph serve-read-only`` and rdflib-endpoint.

Run by hand (needs wrk, and the ``bench`` extra)::

    .venv/bin/python benchmarks/endpoint_bench.py [--seconds 5] [--scale 100]
    .venv/bin/python benchmarks/endpoint_bench.py --synthetic-store /tmp/x100  # reuse one
    .venv/bin/python benchmarks/endpoint_bench.py --only-per-query   # the latency table alone

Each server serves the same graph in turn and wrk POSTs the saved-query mix (with their
default parameters inlined as a VALUES block) at 1 and 8 connections; the table gives
median and p99 latency, requests per second and the ratio to the native server
(``oxigraph serve-read-only`` on the same store; the bar: uncached spacekg at least 0.8x
at 8 connections). A second table gives each query's median at 1 connection on the
native server, spacekg's /sparql (same text), spacekg's saved-query API and
``server.evaluate`` in this process; the endpoint's own cost is /sparql minus
in-process (the bars: a median at most 0.6 ms, and none more than 10% above in-process
once that is over 5 ms). Then the mix over a synthetic graph (``synthetic_graph.py``,
100x by default; rdflib-endpoint is left out there: it needs many minutes and gigabytes
to load it). One run of each server is a ratio of two moments of a shared machine:
``endpoint_pairs.py`` measures them in turns, several rounds, and gives the median ratio.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

import endpoint_costs as costs
import endpoint_servers as servers
import pyoxigraph as ox
import synthetic_graph

from graph.config import Paths
from graph.saved_queries import editor_text, load_queries
from graph.store import current_path, read_build_info

WRK = ("wrk", "--latency", "--timeout", "60s")
NATIVE = "oxigraph serve-read-only"
_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


@dataclass
class Run:
    server: str
    connections: int
    median_ms: float
    p99_ms: float
    rps: float
    errors: int
    cpu_ms: float | None = None  # the server's CPU per request (all its processes)


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()  # type: ignore[union-attr]
    return float(value) * _UNITS[unit]


def _lua_string(text: str) -> str:
    """A Lua literal; three-digit escapes, so a following digit cannot join one."""
    return (
        '"' + "".join(c if c.isalnum() or c in "%+-_.=" else f"\\{ord(c):03d}" for c in text) + '"'
    )


def wrk(
    server: servers.Server,
    queries: list[str],
    connections: int,
    seconds: float,
    *,
    paths: list[str] | None = None,
) -> Run:
    """POST ``queries`` in turn (form-encoded, JSON results) for ``seconds``; or, with
    ``paths``, GET those paths in turn (the saved-query API)."""
    if paths is not None:
        items = ",\n".join(_lua_string(path) for path in paths)
        call = 'wrk.format("GET", items[(n % #items) + 1], headers)'
    else:
        items = ",\n".join(_lua_string(urllib.parse.urlencode({"query": q})) for q in queries)
        call = f'wrk.format("POST", "{server.path}", headers, items[(n % #items) + 1])'
    script = f"""
local items = {{ {items} }}
local headers = {{ ["Content-Type"] = "application/x-www-form-urlencoded",
                   ["Accept"] = "application/sparql-results+json" }}
local n = 0
request = function()
  n = n + 1
  return {call}
end
"""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    threads = min(connections, 2)
    out = subprocess.run(
        [
            *WRK,
            f"-t{threads}",
            f"-c{connections}",
            f"-d{max(1, round(seconds))}s",
            "-s",
            handle.name,
            server.base,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    Path(handle.name).unlink()
    median = re.search(r"^\s+50%\s+(\S+)", out, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.M)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    if not (median and p99 and rps):
        raise RuntimeError(f"no figures from wrk:\n{out}")
    failed = int(errors.group(1)) if errors else 0
    if socket_errors:
        failed += sum(int(n) for n in re.findall(r"\d+", socket_errors.group(1)))
    return Run(
        server.name,
        connections,
        _ms(median.group(1)),
        _ms(p99.group(1)),
        float(rps.group(1)),
        failed,
    )


def table(title: str, runs: list[Run], native: str) -> None:
    print(f"\n{title}")
    head = ("conns", 6), ("median ms", 11), ("p99 ms", 9), ("req/s", 10), ("x native", 10)
    print(
        f"{'server':<28}" + "".join(f"{h:>{w}}" for h, w in head) + f"{'errors':>8}"
        f"{'cpu ms/req':>12}"
    )
    reference = {r.connections: r.rps for r in runs if r.server == native}
    for r in runs:
        ratio = r.rps / reference[r.connections] if reference.get(r.connections) else float("nan")
        print(
            f"{r.server:<28}{r.connections:>6}{r.median_ms:>11.2f}{r.p99_ms:>9.2f}"
            f"{r.rps:>10.1f}{ratio:>10.2f}{r.errors:>8}"
            + (f"{r.cpu_ms:>12.1f}" if r.cpu_ms is not None else f"{'-':>12}")
        )


def measure(
    starters: list[Callable[[], AbstractContextManager[servers.Server]]],
    queries: list[str],
    seconds: float,
    expected: list[int],
) -> Iterator[Run]:
    for start in starters:
        with start() as server:
            print(
                f"  {server.name}: {servers.check_answers(server, queries, expected)}",
                file=sys.stderr,
            )
            for connections in (1, 8):
                wrk(server, queries, 1, 1)  # warm-up (and fills the cache when it is on)
                cpu = servers.tree_cpu_seconds(server.pid) if server.pid else 0.0
                run = wrk(server, queries, connections, seconds)
                if server.pid and run.rps:
                    used = servers.tree_cpu_seconds(server.pid) - cpu
                    run.cpu_ms = 1000 * used / (run.rps * max(1, round(seconds)))
                yield run


def per_query(
    starters: list[Callable[[], AbstractContextManager[servers.Server]]],
    queries: list[str],
    names: list[str],
    rounds: int,
    store: ox.Store,
    build_dir: Path,
    bar_ms: float = 0.6,
) -> None:
    """Per-query medians at one connection: native, spacekg's /sparql with the same text,
    spacekg's saved-query API (GET /queries/NAME, parameters bound by the server), and
    ``server.evaluate`` in this process. The issue's bars: the median over the queries
    of (/sparql - in-process) at most ``bar_ms``, and none more than 10% above its
    in-process time once that is over 5 ms. The hop column splits that cost: a query
    process's round trip (``endpoint_costs.QueryProcess``) minus in-process."""
    # Both servers run at once and take turns on each query, a second at a time, with
    # the in-process evaluation taking the last turn, so a slow spell of this shared
    # machine falls on all of them rather than on whichever ran then.
    with contextlib.ExitStack() as stack:
        native_server, ours_server = (stack.enter_context(start()) for start in starters)
        process = costs.QueryProcess(build_dir)
        stack.callback(process.close)
        columns = ("native", "sparql", "api", "engine", "hop")
        turns: dict[str, list[list[float]]] = {c: [[] for _ in queries] for c in columns}
        for i, query in enumerate(queries):
            for _ in range(rounds):
                turns["native"][i].append(wrk(native_server, [query], 1, 1).median_ms)
                turns["sparql"][i].append(wrk(ours_server, [query], 1, 1).median_ms)
                api = [f"/queries/{names[i]}"]
                turns["api"][i].append(wrk(ours_server, [], 1, 1, paths=api).median_ms)
                turns["engine"][i].append(costs.in_process_ms(store, query))
                turns["hop"][i].append(process.round_trip_ms(query))
    native, ours, api, engine, hop = ([statistics.median(m) for m in turns[c]] for c in columns)
    print(
        "\nPer-query median at 1 connection (ms): native = oxigraph serve-read-only, "
        "in-process = server.evaluate here, /sparql and /queries = spacekg serve uncached; "
        "overhead = /sparql - in-process, hop = a query process's round trip - in-process"
    )
    print(
        f"{'query':<32}{'native':>8}{'in-proc':>9}{'/sparql':>9}{'/queries':>9}"
        f"{'overhead':>9}{'%':>6}{'hop':>7}"
    )
    for i, name in enumerate(names):
        over = ours[i] - engine[i]
        print(
            f"{name:<32}{native[i]:>8.2f}{engine[i]:>9.2f}{ours[i]:>9.2f}{api[i]:>9.2f}"
            f"{over:>9.2f}{100 * over / engine[i]:>5.0f}%{hop[i] - engine[i]:>7.2f}"
        )
    overheads = [o - e for o, e in zip(ours, engine, strict=True)]
    median = statistics.median(overheads)
    long = [(n, o, e) for n, o, e in zip(names, overheads, engine, strict=True) if e > 5]
    over_10 = [n for n, o, e in long if o > 0.1 * e]
    api_over = statistics.median(a - e for a, e in zip(api, engine, strict=True))
    verdict = "met" if median <= bar_ms else "NOT met"
    print(
        f"median overhead {median:.2f} ms (bar {bar_ms}: {verdict}); "
        f"/queries median {api_over:.2f} ms above in-process"
    )
    print(
        f"queries over 5 ms in process: {len(long)}; more than 10% above it: "
        f"{', '.join(over_10) or 'none'}"
    )


def throughput_ratio(runs: list[Run], native: str, ours: str, connections: int = 8) -> str:
    """spacekg's requests per second over the native server's at ``connections``."""
    rps = {r.server: r.rps for r in runs if r.connections == connections}
    ratio = rps[ours] / rps[native]
    line = f"uncached throughput at {connections} connections: {ratio:.2f}x native (bar 0.8x)"
    cpu = {r.server: r.cpu_ms for r in runs if r.connections == connections}
    if cpu.get(ours) and cpu.get(native):  # the ratio a machine of its own would give
        line += f"; CPU per request {cpu[ours]:.1f} against {cpu[native]:.1f} ms"
        line += f" ({cpu[native] / cpu[ours]:.2f}x native's throughput per core)"
    return line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="wrk duration per run")
    parser.add_argument(
        "--per-query-rounds", type=int, default=3, help="1-second turns per server and query"
    )
    parser.add_argument(
        "--scale",
        type=int,
        default=100,
        help="synthetic graph this many times the real one; 0 skips it",
    )
    parser.add_argument(
        "--synthetic-store",
        type=Path,
        help="a store root synthetic_graph.py wrote (instead of --scale)",
    )
    parser.add_argument(
        "--synthetic-seconds",
        type=float,
        default=15.0,
        help="wrk duration per synthetic run (its queries take up to a second: 5 s is noise)",
    )
    parser.add_argument(
        "--synthetic-query-limit",
        type=float,
        default=2.0,
        help="seconds; saved queries slower than this on the synthetic graph are left out",
    )
    parser.add_argument("--only-synthetic", action="store_true", help="skip the real graph")
    parser.add_argument(
        "--only-per-query", action="store_true", help="only the per-query table (real graph)"
    )
    parser.add_argument(
        "--only-throughput",
        action="store_true",
        help="only the uncached mix against the native server (no per-query table, no cache)",
    )
    parser.add_argument(
        "--only", nargs="+", metavar="NAME", help="these saved queries alone (per-query table)"
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument(
        "--query-workers", type=int, help="query processes per web worker (default: threads)"
    )
    parser.add_argument("--store", type=Path, help="store root (default: var/store)")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("error: wrk is not installed (apt-get install wrk)")
    paths = Paths.defaults()
    if args.store:
        paths = Paths(paths.corpus, paths.ontology, paths.queries, args.store)
    saved = sorted(load_queries(paths.queries).values(), key=lambda q: q.name)
    if args.only:
        saved = [q for q in saved if q.name in args.only]
    names = [q.name for q in saved]
    queries = [editor_text(q, q.bind({})) for q in saved]
    info = read_build_info(paths.store)
    build_dir = current_path(paths.store).resolve()
    store = ox.Store.read_only(str(build_dir))
    ours = {"workers": args.workers, "threads": args.threads, "query_workers": args.query_workers}

    print(f"load average {os.getloadavg()[0]:.2f} (1 min) on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="endpoint-bench-") as tmp:
        nquads = Path(tmp) / "graph.nq"
        # The named graphs only: the default graph is their merge, which each store
        # writes again.
        nquads.write_bytes(
            ox.serialize(synthetic_graph.named_graphs(store), format=ox.RdfFormat.N_QUADS)
        )
        real = [
            lambda: servers.oxigraph(build_dir),
            lambda: servers.spacekg(paths.store, cached=False, **ours),
            lambda: servers.spacekg(paths.store, cached=True, **ours),
        ]
        if (servers.BIN / "rdflib-endpoint").exists():
            real.append(lambda: servers.rdflib_endpoint(nquads))
        else:
            print("rdflib-endpoint left out: not installed (pip install -e '.[bench]')")
        print(
            f"real graph: build {info.build_id}, {len(store)} quads, {len(queries)} saved queries"
        )
        if args.only_per_query:
            per_query(real[:2], queries, names, args.per_query_rounds, store, build_dir)
            return
        if args.only_throughput:
            real = real[:2]
        if not args.only_synthetic:
            counts = servers.probe(build_dir, queries, 600)
            runs = list(measure(real, queries, args.seconds, [c or 0 for c in counts]))
            title = f"Real graph ({len(store)} quads), saved-query mix, wrk {args.seconds:g} s/run"
            table(title, runs, NATIVE)
            print(throughput_ratio(runs, NATIVE, "spacekg serve (uncached)"))
            if not args.only_throughput:
                per_query(real[:2], queries, names, args.per_query_rounds, store, build_dir)
        if args.scale or args.synthetic_store:
            root = args.synthetic_store
            if root is None:
                root = Path(tmp) / "synthetic"
                print(f"\nsynthetic graph: writing {args.scale}x...", file=sys.stderr)
                synthetic_graph.make(nquads.read_bytes(), args.scale, root, Path(tmp))
            synthetic_build = current_path(root).resolve()
            big_store = ox.Store.read_only(str(synthetic_build))
            counts = servers.probe(synthetic_build, queries, args.synthetic_query_limit)
            slow = [n for n, c in zip(names, counts, strict=True) if c is None]
            if slow:
                print(
                    f"left out of the synthetic mix, over {args.synthetic_query_limit:g} s "
                    f"in pyoxigraph: {', '.join(slow)}"
                )
            kept = [(q, c) for q, c in zip(queries, counts, strict=True) if c is not None]
            synthetic = [
                lambda: servers.oxigraph(synthetic_build),
                lambda: servers.spacekg(root, cached=False, **ours),
                lambda: servers.spacekg(root, cached=True, **ours),
            ][: 2 if args.only_throughput else 3]
            runs = list(
                measure(
                    synthetic, [q for q, _ in kept], args.synthetic_seconds, [c for _, c in kept]
                )
            )
            table(f"Synthetic graph ({len(big_store)} quads), saved-query mix", runs, NATIVE)
            print(throughput_ratio(runs, NATIVE, "spacekg serve (uncached)"))


if __name__ == "__main__":
    main()
