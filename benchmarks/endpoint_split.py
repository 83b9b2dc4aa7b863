"""Where the endpoint's CPU goes, per process role, under load: run by hand.

    flock /tmp/bench.lock .venv/bin/python benchmarks/endpoint_split.py --store ROOT \
        [--seconds 5] [--connections 8] [--env NAME=VALUE ...]

``endpoint_pairs.py`` gives the whole server's CPU per request beside the native
server's; this says which processes spend it: the web workers (granian, the request
guard, the hop to a query process) or the query processes (the engine), and how the
work falls on each query process. The latter matters because a query process costs
more the longer since it last ran: the real graph's mix cost 1.29 ms of CPU a query in
one process, 1.74 ms through eight in turn. The server is warmed for one turn first;
``--env`` sets a variable for it (``PYTHONPATH`` to run another copy of the code).
"""

from __future__ import annotations

import argparse
import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path

import endpoint_bench as bench
import endpoint_servers as servers

from graph.config import Paths
from graph.saved_queries import editor_text, load_queries


@dataclass(frozen=True)
class Sample:
    parent: int
    ticks: int  # user + system
    user: int
    system: int
    query_process: bool


@dataclass
class Role:
    user: int = 0
    system: int = 0
    each: list[int] = field(default_factory=list)  # ticks of each process


def processes(root: int) -> dict[int, Sample]:
    """``root`` and every process under it, with their CPU ticks so far."""
    found: dict[int, Sample] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            command = (stat.parent / "cmdline").read_bytes()
            user, system = int(fields[11]), int(fields[12])
            found[int(stat.parent.name)] = Sample(
                int(fields[1]), user + system, user, system, b"query_process" in command
            )
    tree, changed = {root}, True
    while changed:
        more = {pid for pid, s in found.items() if s.parent in tree} - tree
        tree |= more
        changed = bool(more)
    return {pid: found[pid] for pid in tree if pid in found}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="store root (default: var/store)")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE")
    args = parser.parse_args()
    paths = Paths.defaults()
    saved = sorted(load_queries(paths.queries).values(), key=lambda q: q.name)
    queries = [editor_text(q, q.bind({})) for q in saved]
    env = dict(pair.split("=", 1) for pair in args.env)
    with servers.spacekg(args.store or paths.store, cached=False, env=env) as server:
        assert server.pid is not None
        bench.wrk(server, queries, args.connections, args.seconds)
        before = processes(server.pid)
        run = bench.wrk(server, queries, args.connections, args.seconds)
        after = processes(server.pid)
    requests = run.rps * max(1, round(args.seconds))
    roles: dict[str, Role] = {}
    for pid, sample in after.items():
        if pid not in before or pid == server.pid:
            continue
        role = roles.setdefault(
            "query processes" if sample.query_process else "web workers", Role()
        )
        role.user += sample.user - before[pid].user
        role.system += sample.system - before[pid].system
        role.each.append(sample.ticks - before[pid].ticks)
    ms = 1000 / os.sysconf("SC_CLK_TCK") / max(requests, 1)
    print(
        f"{run.rps:.0f} req/s at {args.connections} connections, load average "
        f"{os.getloadavg()[0]:.1f}; CPU ms per request:"
    )
    for name, role in sorted(roles.items()):
        each = ", ".join(f"{t * ms:.2f}" for t in sorted(role.each, reverse=True))
        print(
            f"  {name} ({len(role.each)}): {role.user * ms:.3f} user, "
            f"{role.system * ms:.3f} system; each: {each}"
        )


if __name__ == "__main__":
    main()
