"""Where the endpoint's own cost goes, stage by stage, with no HTTP: run by hand.

    flock /tmp/bench.lock .venv/bin/python benchmarks/endpoint_stages.py --store ROOT [NAME ...]

For each saved query (its editor text, parameters inlined, as ``endpoint_bench.py`` sends
it), the median wall time in ms of each stage the server adds, one column per stage and
each including the ones before it: ``server.evaluate`` in this process (what the issue's
bar subtracts), a query process's round trip (``WorkerPool.run``: the job pickled out,
the answer's bytes back), ``Backend.execute`` (judging the text, the row cap), and the
app's WSGI entry for a form POST of ``/sparql`` (``server.sparql_fast``: the request
guard and its body read, format negotiation, headers), called directly. What
``endpoint_bench.py --only-per-query`` measures above the last column is granian's HTTP
layer and the wake-ups of the threads and processes a request passes through.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import statistics
import sys
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import endpoint_costs as costs  # noqa: E402

from graph.config import Settings  # noqa: E402
from graph.saved_queries import editor_text, load_queries  # noqa: E402
from graph.store import current_path  # noqa: E402
from server.app import create_app  # noqa: E402


def median_ms(call: Callable[[], object], seconds: float = 1.0) -> float:
    times: list[float] = []
    deadline = time.perf_counter() + seconds
    while len(times) < 5 or time.perf_counter() < deadline:
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1e3)
    return statistics.median(times)


def wsgi_post(app_wsgi: Callable, query: str) -> Callable[[], None]:
    """A form POST of ``query`` to /sparql, as wrk sends it, through the WSGI entry."""
    body = urllib.parse.urlencode({"query": query}).encode()

    def call() -> None:
        environ = {
            "PATH_INFO": "/sparql",
            "REQUEST_METHOD": "POST",
            "QUERY_STRING": "",
            "CONTENT_TYPE": "application/x-www-form-urlencoded",
            "CONTENT_LENGTH": str(len(body)),
            "wsgi.input": io.BytesIO(body),
            "HTTP_ACCEPT": "application/sparql-results+json",
            "REMOTE_ADDR": "127.0.0.1",
            "SERVER_NAME": "bench",
            "SERVER_PORT": "80",
            "wsgi.url_scheme": "http",
        }
        status: list[str] = []
        b"".join(app_wsgi(environ, lambda s, _h: status.append(s)))
        if not status[0].startswith("200"):
            raise RuntimeError(f"{status[0]} for a saved query")

    return call


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True, help="a store root")
    parser.add_argument("names", nargs="*", help="saved queries (default: all)")
    args = parser.parse_args()
    # As endpoint_servers.spacekg serves it: no cache, no row cap, one query process.
    settings = dataclasses.replace(
        Settings(),
        store=args.store,
        queries=ROOT / "queries",
        result_cache_bytes=0,
        row_limit=10**9,
        query_memory=0,
        client_queries=0,
        query_workers=1,
    )
    app = create_app(settings)
    backend = app.extensions["spacekg.backend"]
    store = ox.Store.read_only(str(current_path(args.store).resolve()))
    saved = sorted(load_queries(ROOT / "queries").values(), key=lambda q: q.name)
    print(f"{'query':<32}{'in-proc':>9}{'process':>9}{'execute':>9}{'wsgi':>9}{'above':>9}")
    try:
        for query in saved:
            if args.names and query.name not in args.names:
                continue
            text = editor_text(query, query.bind({}))
            job = costs.job_for(text)
            engine = costs.in_process_ms(store, text)
            hop = median_ms(lambda job=job: backend.pool.run(job, 600))
            execute = median_ms(lambda text=text: backend.execute(text, format="JSON"))
            wsgi = median_ms(wsgi_post(app.wsgi_app, text))
            print(
                f"{query.name:<32}{engine:>9.3f}{hop:>9.3f}{execute:>9.3f}{wsgi:>9.3f}"
                f"{wsgi - engine:>9.3f}",
                flush=True,
            )
    finally:
        backend.close()


if __name__ == "__main__":
    main()
