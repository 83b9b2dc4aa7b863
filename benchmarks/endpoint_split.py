"""Where the endpoint's CPU goes, per process role, under load: run by hand.

    flock /tmp/bench.lock .venv/bin/python benchmarks/endpoint_split.py --store ROOT \
        [--seconds 5] [--connections 8] [--rounds 1] [--env NAME=VALUE ...] \
        [--before COPY [--before-env NAME=VALUE ...]]

``endpoint_pairs.py`` gives the whole server's CPU per request beside the native
server's; this says which processes spend it: the web workers (granian, the request
guard, the hop to a query process) or the query processes (the engine), and how the
work falls on each query process. The latter matters because a query process costs
more the longer since it last ran: the real graph's mix cost 1.29 ms of CPU a query in
one process, 1.74 ms through eight in turn. Each server is warmed for one turn first;
``--env`` sets a variable for it (``PYTHONPATH`` to run another copy of the code).

With ``--before COPY`` a second server runs that copy of the code (``git archive REV |
tar -x -C COPY``) and the two are measured in turns, ``--rounds`` times: the same code
split 0.51 and 0.67 ms of web-worker CPU a request in two runs ten minutes apart at load
3 to 8, so only turns taken side by side say which of two versions spends less where.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import endpoint_bench as bench
import endpoint_servers as servers

from graph.config import Paths
from graph.saved_queries import editor_text, load_queries

QUERY_PROCESSES = "query processes"
WEB_WORKERS = "web workers"


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


@dataclass(frozen=True)
class Split:
    """One measured turn: requests per second and each role's CPU ms per request."""

    rps: float
    load: float
    roles: dict[str, tuple[float, float, list[float]]]  # role: user, system, each process

    def total(self, role: str) -> float:
        user, system, _ = self.roles.get(role, (0.0, 0.0, []))
        return user + system


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


def measure(server: servers.Server, queries: list[str], connections: int, seconds: float) -> Split:
    """One turn of ``wrk`` at ``connections``, its CPU split by role from /proc."""
    assert server.pid is not None
    before = processes(server.pid)
    run = bench.wrk(server, queries, connections, seconds)
    after = processes(server.pid)
    requests = run.rps * max(1, round(seconds))
    roles: dict[str, Role] = {}
    for pid, sample in after.items():
        if pid not in before or pid == server.pid:
            continue
        role = roles.setdefault(QUERY_PROCESSES if sample.query_process else WEB_WORKERS, Role())
        role.user += sample.user - before[pid].user
        role.system += sample.system - before[pid].system
        role.each.append(sample.ticks - before[pid].ticks)
    ms = 1000 / os.sysconf("SC_CLK_TCK") / max(requests, 1)
    return Split(
        run.rps,
        os.getloadavg()[0],
        {
            name: (r.user * ms, r.system * ms, sorted((t * ms for t in r.each), reverse=True))
            for name, r in roles.items()
        },
    )


def show(name: str, split: Split, connections: int) -> None:
    print(
        f"{name}: {split.rps:.0f} req/s at {connections} connections, load average "
        f"{split.load:.1f}; CPU ms per request:"
    )
    for role, (user, system, each) in sorted(split.roles.items()):
        shares = ", ".join(f"{t:.2f}" for t in each)
        print(f"  {role} ({len(each)}): {user:.3f} user, {system:.3f} system; each: {shares}")


def turns(
    servers_by_name: dict[str, servers.Server],
    queries: list[str],
    connections: int,
    seconds: float,
    rounds: int,
) -> Iterator[dict[str, Split]]:
    """Warm each server one turn, then measure each in turn, ``rounds`` times; the order
    alternates between rounds so a machine getting busier does not fall on one of them."""
    for server in servers_by_name.values():
        bench.wrk(server, queries, connections, seconds)
    names = list(servers_by_name)
    for number in range(rounds):
        order = names if number % 2 == 0 else names[::-1]
        yield {
            name: measure(servers_by_name[name], queries, connections, seconds) for name in order
        }


def summary(results: list[dict[str, Split]]) -> None:
    """Each server's median CPU ms per request by role over the rounds, with the range."""
    print(f"\nmedians over {len(results)} rounds (range), CPU ms per request:")
    for name in results[0]:
        parts = []
        for role in (WEB_WORKERS, QUERY_PROCESSES):
            values = [r[name].total(role) for r in results]
            parts.append(
                f"{role} {statistics.median(values):.3f} ({min(values):.3f}-{max(values):.3f})"
            )
        whole = [r[name].total(WEB_WORKERS) + r[name].total(QUERY_PROCESSES) for r in results]
        print(f"  {name}: {'; '.join(parts)}; both {statistics.median(whole):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="store root (default: var/store)")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=1, help="turns per server")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("--before", type=Path, help="a copy of the code to split beside this one")
    parser.add_argument(
        "--before-env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a variable for the --before server only; repeatable",
    )
    args = parser.parse_args()
    paths = Paths.defaults()
    saved = sorted(load_queries(paths.queries).values(), key=lambda q: q.name)
    queries = [editor_text(q, q.bind({})) for q in saved]
    root = args.store or paths.store
    envs = {"spacekg": dict(pair.split("=", 1) for pair in args.env)}
    if args.before:
        before = {"PYTHONPATH": str(args.before.resolve())}
        envs["before"] = before | dict(pair.split("=", 1) for pair in args.before_env)
    with contextlib.ExitStack() as stack:
        started = {
            name: stack.enter_context(servers.spacekg(root, cached=False, env=env))
            for name, env in envs.items()
        }
        results = []
        for number, splits in enumerate(
            turns(started, queries, args.connections, args.seconds, args.rounds), 1
        ):
            if args.rounds > 1:
                print(f"round {number}")
            for name, split in splits.items():
                show(name, split, args.connections)
            results.append(splits)
    if args.rounds > 1 or len(envs) > 1:
        summary(results)


if __name__ == "__main__":
    main()
