"""What granian and each hand-off of a request cost by themselves: run by hand.

    flock /tmp/bench.lock .venv/bin/python benchmarks/endpoint_floors.py --store ROOT \
        [--rounds 2] [--seconds 5] [--connections 8] [--wait-ms 2]

The endpoint's web workers spend about 0.5 ms of CPU a request on the real graph, and
the native server 2 ms in all, so whether 0.8x of its throughput per core is within
reach depends on how much of that 0.5 ms the design needs. This serves the saved
queries' answers from a dict under granian (``endpoint_floor_app.py``, the same wrk mix
as ``endpoint_pairs.py``), adding one hand-off at a time: the body read on a helper
thread (``server.body_readers``), the answer fetched from another process, and that
process taking ``--wait-ms`` to answer, as the engine does. A hand-off costs little
when the threads never wait and much more when each request waits: then each one is a
sleep and a wake-up. CPU per request is the whole process tree's, from /proc.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
from pathlib import Path

import endpoint_bench as bench
import endpoint_servers as servers

from graph.config import Paths
from graph.saved_queries import editor_text, load_queries
from graph.store import current_path

HERE = Path(__file__).resolve().parent
VARIANTS = ("", "reader", "hop", "hop+wait", "reader+hop+wait")


def floor(
    variant: str, store_dir: Path, wait_ms: float, queries: list[str], args: argparse.Namespace
) -> bench.Run:
    """One turn of ``variant`` (a fresh server, warmed one turn); its CPU per request."""
    port = servers.free_port()
    env = {
        "FLOOR_STORE": str(store_dir),
        "FLOOR_VARIANT": variant.replace("+wait", ""),
        "FLOOR_WAIT_MS": str(wait_ms if "wait" in variant else 0),
    }
    command = [
        str(servers.BIN / "granian"),
        "--interface",
        "wsgi",
        "--workers",
        "2",
        "--blocking-threads",
        "20",
        "--port",
        str(port),
        "--log-level",
        "warning",
        "--working-dir",
        str(HERE),
        "endpoint_floor_app:app",
    ]
    base = f"http://127.0.0.1:{port}"
    with servers._process(command, base + "/", env) as pid:
        server = servers.Server(variant or "plain", base, "/sparql", pid)
        bench.wrk(server, queries, args.connections, args.seconds)
        cpu = servers.tree_cpu_seconds(pid)
        run = bench.wrk(server, queries, args.connections, args.seconds)
        used = servers.tree_cpu_seconds(pid) - cpu
    requests = max(run.rps * max(1, round(args.seconds)), 1e-9)
    return dataclasses.replace(run, cpu_ms=1000 * used / requests)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="store root (default: var/store)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--wait-ms", type=float, default=2.0, help="the other process's delay")
    args = parser.parse_args()
    paths = Paths.defaults()
    store_dir = current_path(args.store or paths.store).resolve()
    saved = sorted(load_queries(paths.queries).values(), key=lambda q: q.name)
    queries = [editor_text(q, q.bind({})) for q in saved]
    print(f"load average {os.getloadavg()[0]:.2f} (1 min) on {os.cpu_count()} cores")
    cpu: dict[str, list[float]] = {v: [] for v in VARIANTS}
    for number in range(args.rounds):
        for variant in VARIANTS if number % 2 == 0 else VARIANTS[::-1]:
            run = floor(variant, store_dir, args.wait_ms, queries, args)
            assert run.cpu_ms is not None
            cpu[variant].append(run.cpu_ms)
            print(
                f"round {number + 1} {variant or 'plain':>16}: {run.rps:8.0f} req/s, "
                f"{run.cpu_ms:.3f} CPU ms a request, load {os.getloadavg()[0]:.1f}"
                + (f" ({run.errors} errors)" if run.errors else ""),
                flush=True,
            )
    print(
        f"\nCPU ms a request, median (range) over {args.rounds} rounds; wait {args.wait_ms:g} ms:"
    )
    for variant, values in cpu.items():
        print(
            f"  {variant or 'plain':>16}: {statistics.median(values):.3f} "
            f"({min(values):.3f}-{max(values):.3f})"
        )


if __name__ == "__main__":
    sys.exit(main())
