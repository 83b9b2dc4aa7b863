"""``spacekg serve``: the Flask app under gunicorn.

gunicorn's threaded workers (``gthread``) suit this workload: evaluation happens in the
query processes, so a web thread mostly waits on a socket, several threads per process
keep other clients answered while one waits for a slow query, and connections are kept
alive between requests as SPARQL clients expect. Each web worker calls the app factory
itself after the fork, so it opens the store read-only and starts its own query
processes; nothing is shared across a fork.
"""

from __future__ import annotations

import atexit
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from graph.config import Paths
from graph.errors import StoreError


def make_app_factory(config: dict[str, Any]) -> Callable[[], Any]:
    """A zero-argument factory for gunicorn: one app (and one query pool) per worker."""

    def factory() -> Any:
        from server import create_app
        from server.app import get_backend

        app = create_app(config)
        with app.app_context():
            atexit.register(get_backend().close)
        return app

    return factory


def gunicorn_options(
    *, host: str, port: int, workers: int, threads: int, query_timeout: float, access_log: bool
) -> dict[str, Any]:
    """Settings for gunicorn; the worker timeout leaves room for a query's own limit."""
    return {
        "bind": f"{host}:{port}",
        "workers": workers,
        "worker_class": "gthread",
        "threads": threads,
        "timeout": int(query_timeout) + 30,
        "graceful_timeout": 10,
        "keepalive": 5,
        # Long GET queries are limited by MAX_REQUEST_BYTES in the app, not here.
        "limit_request_line": 0,
        "accesslog": "-" if access_log else None,
        "errorlog": "-",
        "loglevel": "warning",
        "proc_name": "spacekg-serve",
    }


def run_gunicorn(factory: Callable[[], Any], options: dict[str, Any]) -> None:
    from gunicorn.app.base import BaseApplication

    class SpaceKGServer(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in options.items():
                if value is not None:
                    self.cfg.set(key, value)

        def load(self) -> Any:
            return factory()

    SpaceKGServer().run()


@click.command()
@click.option(
    "--host", default="127.0.0.1", show_default=True, envvar="SPACEKG_HOST", help="Address to bind."
)
@click.option(
    "--port", default=8000, show_default=True, type=int, envvar="SPACEKG_PORT", help="Port to bind."
)
@click.option(
    "--store",
    "store_root",
    type=click.Path(path_type=Path, file_okay=False),
    default=lambda: str(Paths.defaults().store),
    show_default="var/store",
    envvar="SPACEKG_STORE",
    help="Store root whose current build is served (read-only).",
)
@click.option(
    "--workers",
    default=2,
    show_default=True,
    type=click.IntRange(1, 64),
    envvar="SPACEKG_WORKERS",
    help="Web worker processes (about one per core).",
)
@click.option(
    "--threads",
    default=4,
    show_default=True,
    type=click.IntRange(1, 256),
    envvar="SPACEKG_THREADS",
    help="Threads per web worker; each gets a query process unless QUERY_WORKERS is set.",
)
@click.option(
    "--query-timeout",
    type=float,
    default=None,
    help="Seconds before a query is stopped (default: QUERY_TIMEOUT setting).",
)
@click.option(
    "--remote",
    default=None,
    help="Query this SPARQL endpoint URL instead of the store (REMOTE_ENDPOINT).",
)
@click.option("--access-log", is_flag=True, help="Log every request to stderr.")
def serve(
    host: str,
    port: int,
    store_root: Path,
    workers: int,
    threads: int,
    query_timeout: float | None,
    remote: str | None,
    access_log: bool,
) -> None:
    """Serve the graph: SPARQL endpoint, saved queries and pages, under gunicorn.

    Settings not given as options are read from SPACEKG_* variables (see the README).
    """
    from server.settings import resolve_settings

    config: dict[str, Any] = {"STORE": str(store_root)}
    if "SPACEKG_QUERY_WORKERS" not in os.environ:
        config["QUERY_WORKERS"] = threads
    if query_timeout is not None:
        config["QUERY_TIMEOUT"] = query_timeout
    if remote:
        config["REMOTE_ENDPOINT"] = remote
    settings = resolve_settings(config)
    if not settings["REMOTE_ENDPOINT"]:
        from graph.store import read_build_info

        if not (store_root / "current").exists():
            raise StoreError(f"no graph built at {store_root}; run `spacekg build` first")
        try:
            read_build_info(store_root)
        except (OSError, ValueError) as exc:
            raise StoreError(f"cannot read the build at {store_root}: {exc}") from None
    click.echo(
        f"serving {settings['REMOTE_ENDPOINT'] or store_root} at http://{host}:{port}/sparql "
        f"({workers} workers x {threads} threads)",
        err=True,
    )
    # gunicorn exits by itself (status 3 when a worker cannot boot): not caught here, since
    # forked workers run this same stack and their exit codes tell the arbiter what happened.
    run_gunicorn(
        make_app_factory(config),
        gunicorn_options(
            host=host,
            port=port,
            workers=workers,
            threads=threads,
            query_timeout=float(settings["QUERY_TIMEOUT"]),
            access_log=access_log,
        ),
    )
