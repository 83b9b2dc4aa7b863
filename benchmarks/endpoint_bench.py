"""Benchmark: this endpoint against ``oxigraph serve-read-only`` and rdflib-endpoint.

Run by hand (needs wrk, and the ``bench`` extra)::

    .venv/bin/python benchmarks/endpoint_bench.py [--seconds 5] [--synthetic 2000000]
    .venv/bin/python benchmarks/endpoint_bench.py --only-per-query   # the latency table alone

Each server serves the same graph in turn and wrk POSTs the saved-query mix (with their
default parameters) at 1 and 8 connections; the table gives median and p99 latency,
requests per second and the ratio to the native server. A second table compares the
per-query median at 1 connection (the bar: at most 0.6 ms above native). Then the same
mix over a synthetic graph of about two million quads shaped like ours (rdflib-endpoint
is left out there: rdflib needs many minutes and gigabytes to load it).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

import endpoint_servers as servers
import pyoxigraph as ox

from graph.config import Paths
from graph.saved_queries import editor_text, load_queries
from graph.store import current_path, read_build_info

WRK = ("wrk", "--latency", "--timeout", "60s")
_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


@dataclass
class Run:
    server: str
    connections: int
    median_ms: float
    p99_ms: float
    rps: float
    errors: int


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()  # type: ignore[union-attr]
    return float(value) * _UNITS[unit]


def _lua_string(text: str) -> str:
    """A Lua literal; three-digit escapes, so a following digit cannot join one."""
    return (
        '"' + "".join(c if c.isalnum() or c in "%+-_.=" else f"\\{ord(c):03d}" for c in text) + '"'
    )


def wrk(server: servers.Server, queries: list[str], connections: int, seconds: float) -> Run:
    """POST ``queries`` in turn (form-encoded, JSON results) for ``seconds``."""
    bodies = ",\n".join(_lua_string(urllib.parse.urlencode({"query": q})) for q in queries)
    script = f"""
local bodies = {{ {bodies} }}
local headers = {{ ["Content-Type"] = "application/x-www-form-urlencoded",
                   ["Accept"] = "application/sparql-results+json" }}
local n = 0
request = function()
  n = n + 1
  return wrk.format("POST", "{server.path}", headers, bodies[(n % #bodies) + 1])
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


def check_answers(server: servers.Server, queries: list[str], expected: list[int]) -> str:
    """Rows per query from the server against the store's own count: a benchmark of
    wrong answers would mean nothing."""
    wrong = []
    for i, query in enumerate(queries):
        request = urllib.request.Request(
            server.url,
            data=urllib.parse.urlencode({"query": query}).encode(),
            headers={"Accept": "application/sparql-results+json"},
        )
        with urllib.request.urlopen(request, timeout=120) as response:
            got = len(json.load(response)["results"]["bindings"])
        if got != expected[i]:
            wrong.append(f"query {i + 1}: {got} rows, store {expected[i]}")
    return "; ".join(wrong) or "same row counts as the store"


def table(title: str, runs: list[Run], native: str) -> None:
    print(f"\n{title}")
    head = ("conns", 6), ("median ms", 11), ("p99 ms", 9), ("req/s", 10), ("x native", 10)
    print(f"{'server':<28}" + "".join(f"{h:>{w}}" for h, w in head) + f"{'errors':>8}")
    reference = {r.connections: r.rps for r in runs if r.server == native}
    for r in runs:
        ratio = r.rps / reference[r.connections] if reference.get(r.connections) else float("nan")
        print(
            f"{r.server:<28}{r.connections:>6}{r.median_ms:>11.2f}{r.p99_ms:>9.2f}"
            f"{r.rps:>10.1f}{ratio:>10.2f}{r.errors:>8}"
        )


def measure(
    starters: list[Callable[[], AbstractContextManager[servers.Server]]],
    queries: list[str],
    seconds: float,
    expected: list[int],
) -> Iterator[Run]:
    for start in starters:
        with start() as server:
            print(f"  {server.name}: {check_answers(server, queries, expected)}", file=sys.stderr)
            for connections in (1, 8):
                wrk(server, queries, 1, 1)  # warm-up (and fills the cache when it is on)
                yield wrk(server, queries, connections, seconds)


def in_process_ms(store: ox.Store, query: str, seconds: float = 1.0) -> float:
    """Median time for pyoxigraph itself, in this process, over about ``seconds``:
    evaluation and serialization with no HTTP and no query process, to tell engine speed
    from endpoint overhead."""
    times: list[float] = []
    deadline = time.perf_counter() + seconds
    while len(times) < 5 or time.perf_counter() < deadline:
        started = time.perf_counter()
        results = store.query(query)
        results.serialize(format=ox.QueryResultsFormat.JSON)
        times.append((time.perf_counter() - started) * 1e3)
    return statistics.median(times)


def per_query(
    starters: list[Callable[[], AbstractContextManager[servers.Server]]],
    queries: list[str],
    names: list[str],
    rounds: int,
    store: ox.Store,
    bar_ms: float = 0.6,
) -> None:
    # Both servers run at once and take turns on each query, a second at a time, with
    # pyoxigraph in this process taking the third turn, so a slow spell of this shared
    # machine falls on all three rather than on whichever ran then.
    with contextlib.ExitStack() as stack:
        running = [stack.enter_context(start()) for start in starters]
        turns: dict[str, list[list[float]]] = {s.name: [[] for _ in queries] for s in running}
        turns["engine"] = [[] for _ in queries]
        for i, query in enumerate(queries):
            for _ in range(rounds):
                for server in running:
                    turns[server.name][i].append(wrk(server, [query], 1, 1).median_ms)
                turns["engine"][i].append(in_process_ms(store, query))
    native, ours = ([statistics.median(m) for m in turns[s.name]] for s in running)
    engine = [statistics.median(m) for m in turns["engine"]]
    print(
        "\nPer-query median at 1 connection (ms); diff = spacekg - native, "
        "overhead = spacekg - pyoxigraph in-process, engine = pyoxigraph - native"
    )
    print(
        f"{'query':<32}{'native':>8}{'pyoxigraph':>11}{'spacekg':>9}{'diff':>7}"
        f"{'overhead':>9}{'engine':>8}"
    )
    for i, name in enumerate(names):
        print(
            f"{name:<32}{native[i]:>8.2f}{engine[i]:>11.2f}{ours[i]:>9.2f}"
            f"{ours[i] - native[i]:>7.2f}{ours[i] - engine[i]:>9.2f}{engine[i] - native[i]:>8.2f}"
        )
    diffs = [o - n for o, n in zip(ours, native, strict=True)]
    overheads = [o - e for o, e in zip(ours, engine, strict=True)]
    print(
        f"{'median':<32}{'':>28}{statistics.median(diffs):>7.2f}"
        f"{statistics.median(overheads):>9.2f}"
        f"{statistics.median(e - n for e, n in zip(engine, native, strict=True)):>8.2f}"
    )
    print(
        f"within {bar_ms} ms of native: {sum(d <= bar_ms for d in diffs)} of {len(diffs)} "
        f"queries (largest diff {max(diffs):.2f}); within {bar_ms} ms of pyoxigraph "
        f"in-process: {sum(o <= bar_ms for o in overheads)} of {len(overheads)} "
        f"(largest overhead {max(overheads):.2f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="wrk duration per run")
    parser.add_argument(
        "--per-query-rounds", type=int, default=3, help="1-second turns per server and query"
    )
    parser.add_argument("--synthetic", type=int, default=2_000_000, help="quads; 0 skips it")
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
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--store", type=Path, help="store root (default: var/store)")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("error: wrk is not installed (apt-get install wrk)")
    paths = Paths.defaults()
    if args.store:
        paths = Paths(paths.corpus, paths.ontology, paths.queries, args.store)
    saved = sorted(load_queries(paths.queries).values(), key=lambda q: q.name)
    names = [q.name for q in saved]
    queries = [editor_text(q, q.bind({})) for q in saved]
    info = read_build_info(paths.store)
    build_dir = current_path(paths.store).resolve()
    store = ox.Store.read_only(str(build_dir))
    ours = {"workers": args.workers, "threads": args.threads}

    with tempfile.TemporaryDirectory(prefix="endpoint-bench-") as tmp:
        nquads = Path(tmp) / "graph.nq"
        # The document graphs only: the default graph is their merge, which each server's
        # store writes again.
        named = (q for q in store if not isinstance(q.graph_name, ox.DefaultGraph))
        nquads.write_bytes(ox.serialize(named, format=ox.RdfFormat.N_QUADS))
        real = [
            lambda: servers.oxigraph(build_dir),
            lambda: servers.spacekg(paths.store, cached=False, **ours),
            lambda: servers.spacekg(paths.store, cached=True, **ours),
            lambda: servers.rdflib_endpoint(nquads),
        ]
        print(
            f"real graph: build {info.build_id}, {len(store)} quads, {len(queries)} saved queries"
        )
        if args.only_per_query:
            per_query(real[:2], queries, names, args.per_query_rounds, store)
            return
        if not args.only_synthetic:
            counts = servers.probe(build_dir, queries, 600)
            runs = list(measure(real, queries, args.seconds, [c or 0 for c in counts]))
            title = f"Real graph ({len(store)} quads), saved-query mix, wrk {args.seconds:g} s/run"
            table(title, runs, "oxigraph serve-read-only")
            per_query(real[:2], queries, names, args.per_query_rounds, store)
        if args.synthetic:
            root = Path(tmp) / "synthetic"
            big = Path(tmp) / "synthetic.nq"
            count = servers.synthetic_nquads(nquads.read_bytes(), args.synthetic, big)
            print(f"\nsynthetic graph: loading {count} quads...", file=sys.stderr)
            synthetic_build = servers.write_store_root(root, big, "synthetic")
            big.unlink()
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
            ]
            runs = list(
                measure(
                    synthetic, [q for q, _ in kept], args.synthetic_seconds, [c for _, c in kept]
                )
            )
            table(
                f"Synthetic graph ({len(big_store)} quads), saved-query mix",
                runs,
                "oxigraph serve-read-only",
            )


if __name__ == "__main__":
    main()
