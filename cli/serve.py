"""``spacekg serve``: the Flask app under granian.

granian's HTTP layer is Rust (hyper on tokio); Python runs only the WSGI call, in a pool
of blocking threads per worker process. On a five-row query at one connection it answered
in 0.62 ms where gunicorn's threaded workers took 0.95 ms (the native Oxigraph server:
0.15 ms), and most saved queries take a millisecond or two, so that difference shows.

Evaluation happens in the query processes, so a web thread mostly waits on a socket;
several threads per worker keep other clients answered while one waits for a slow query,
and connections are kept alive between requests as SPARQL clients expect. Each worker
process calls the app factory itself, so it opens the store read-only and starts its own
query processes; nothing is shared between workers.
"""

from __future__ import annotations

import atexit
import ctypes
import dataclasses
import os
import signal
import sys
from functools import partial
from pathlib import Path
from typing import Any

import click

from cli.options import with_settings
from graph.config import Settings
from graph.errors import StoreError


def stop_only_through_the_main_process() -> None:
    """Take this worker out of the terminal's process group, and end it if the main
    process dies.

    Ctrl-C signals the whole foreground group. A granian worker that gets that SIGINT and
    then, a moment later, the SIGTERM its main process sends while stopping it can hang
    in its own shutdown (seen here about one stop in two), so the server waited for the
    kill timeout. In a group of its own, a worker hears only its main process. The death
    signal keeps a worker from outliving a main process that was killed outright: it is
    SIGKILL, since a SIGTERM runs granian's graceful stop, which under load could still be
    waiting 15 s later (a CI run), and with the main process gone nothing is left to serve.
    """
    parent = os.getppid()
    os.setpgid(0, 0)
    if sys.platform == "linux":
        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the main process died before the death signal was set
        os._exit(0)


# Request threads beyond THREADS in each worker. Queries are bounded by the query
# processes (one per thread); these others keep the server answering (/healthz, pages
# from the result cache, 408s and 429s) while requests wait on slow clients: a body still
# arriving holds its thread for up to BODY_TIMEOUT, and one client address holds at most
# CLIENT_QUERIES of them. Idle threads cost a little memory, nothing else.
SPARE_THREADS = 16


def _stop_now(_signal: int, _frame: Any) -> None:
    os._exit(0)


def load_app(settings: Settings, _target: str = "") -> Any:
    """The WSGI app of one worker process: its own backend and query pool.

    A module-level function (bound with ``partial``), so granian can hand it to a
    worker process whichever way it starts them.
    """
    # granian forks its workers from the main process, and until a worker sets its own
    # handlers (after this returns) a stop signal runs the main process's handler, copied
    # here, and is lost: the worker then served until killed, seconds later. A stop asked
    # while the app loads ends the worker at once (its query processes follow within a
    # second: they watch their parent).
    for stop in (signal.SIGTERM, signal.SIGINT):
        signal.signal(stop, _stop_now)
    stop_only_through_the_main_process()
    from server.app import create_app

    app = create_app(settings)
    atexit.register(app.extensions["spacekg.backend"].close)
    return app


def granian_options(
    *,
    host: str,
    port: int,
    workers: int,
    threads: int,
    access_log: bool,
    header_timeout: float = 10.0,
) -> dict[str, Any]:
    """Settings for granian's server. Query and body timeouts are not among them: the
    query processes enforce QUERY_TIMEOUT, and the app reads bodies within BODY_TIMEOUT
    (``server.request_guard``); granian closes a connection whose headers take longer
    than ``header_timeout`` seconds."""
    from granian.constants import HTTPModes, Interfaces
    from granian.http import HTTP1Settings
    from granian.log import LogLevels

    return {
        "address": host,
        "port": port,
        "interface": Interfaces.WSGI,
        "http": HTTPModes.http1,
        "websockets": False,
        "http1_settings": HTTP1Settings(header_read_timeout=max(int(header_timeout * 1000), 1)),
        "workers": workers,
        "blocking_threads": threads + SPARE_THREADS,
        "respawn_failed_workers": True,
        # A worker that has not stopped 5 s after being asked is killed; a HUP reload cuts
        # answers longer than that. Workers start their query processes in the
        # background, so none is ever busy starting when asked to stop.
        "workers_kill_timeout": 5,
        "log_level": LogLevels.warning,
        "log_access": access_log,
    }


def check_store_opens(store_root: Path, memory_mib: int = 0) -> None:
    """Open the current build as a query process will (with its memory cap), before any
    worker starts: a store that cannot be opened is then one line here, not every worker
    failing in turn.

    :raises StoreError: nothing built there, or it cannot be opened read-only.
    """
    from graph.store import current_path, read_build_info
    from server.worker_pool import WorkerPool

    if not (store_root / "current").exists():
        raise StoreError(f"no graph built at {store_root}; run `spacekg build` first")
    try:
        read_build_info(store_root)
    except (OSError, ValueError) as exc:
        raise StoreError(f"cannot read the build at {store_root}: {exc}") from None
    try:
        WorkerPool(current_path(store_root).resolve(), 1, memory_mib=memory_mib).close()
    except (OSError, RuntimeError) as exc:
        if memory_mib and "allocate memory" in str(exc):
            raise StoreError(
                f"a query process cannot even open the store within {memory_mib} MiB "
                "(QUERY_MEMORY); raise --query-memory"
            ) from None
        raise StoreError(
            f"the build at {store_root} cannot be opened ({exc}); run `spacekg build` again"
        ) from None


def run_granian(settings: Settings, options: dict[str, Any]) -> None:
    from granian import Granian

    Granian("spacekg", **options).serve(target_loader=partial(load_app, settings))


@click.command()
@with_settings(*(spec.name for spec in dataclasses.fields(Settings)))
def serve(settings: Settings) -> None:
    """Serve the graph: SPARQL endpoint, saved queries and pages, under granian.

    Every setting is an option here; one not given is read from its SPACEKG_* variable,
    else its default (folders under the project, whatever the current directory).
    """
    if settings.query_workers == 0 and not settings.remote_endpoint:
        raise click.UsageError(
            "--query-workers 0 would evaluate queries in the web process, with no time or "
            "memory limit; give at least 1 (or leave it empty: one per thread)"
        )
    if not settings.remote_endpoint:
        check_store_opens(settings.store, settings.query_memory)
    click.echo(
        f"serving {settings.remote_endpoint or settings.store} at "
        f"http://{settings.host}:{settings.port}/sparql "
        f"({settings.workers} workers x {settings.threads} threads)",
        err=True,
    )
    run_granian(
        settings,
        granian_options(
            host=settings.host,
            port=settings.port,
            workers=settings.workers,
            threads=settings.threads,
            access_log=settings.access_log,
            header_timeout=settings.header_timeout,
        ),
    )
