"""The WSGI app ``endpoint_floors.py`` serves under granian: the saved queries' answers
from a dict, with only the hand-offs a variant names, so that what granian and each
hand-off cost can be told apart from what the engine costs.

``FLOOR_STORE`` is the build whose answers are served; ``FLOOR_VARIANT`` is a
``+``-joined list of ``reader`` (the body read by ``server.body_readers``, as the request
guard reads it) and ``hop`` (the answer fetched from another process over a socket pair,
as from a query process); ``FLOOR_WAIT_MS`` is how long that process sleeps before it
answers (the engine's time, without its CPU).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import urllib.parse
from collections.abc import Callable, Iterable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pyoxigraph as ox

from graph.config import Paths
from graph.saved_queries import editor_text, load_queries
from server.body_readers import BodyReaders

# The other process: each message it gets is a request body; it answers with the body's
# answer after FLOOR_WAIT_MS, and ends when the web worker closes its end.
_OTHER = """
import sys, time
from multiprocessing.connection import Connection
answers, wait = {}, float(sys.argv[2]) / 1000
conn = Connection(int(sys.argv[1]))
while True:
    try:
        body = conn.recv_bytes()
    except EOFError:
        break
    if wait:
        time.sleep(wait)
    conn.send_bytes(body)
"""


def _answers(store_dir: Path) -> dict[bytes, bytes]:
    """Each saved query's form-encoded body (as wrk sends it) and its JSON answer."""
    saved = load_queries(Paths.defaults().queries).values()
    store = ox.Store.read_only(str(store_dir))
    texts = [editor_text(q, q.bind({})) for q in saved]
    return {
        urllib.parse.urlencode({"query": t}).encode(): store.query(t).serialize(
            format=ox.QueryResultsFormat.JSON
        )
        for t in texts
    }


ANSWERS = _answers(Path(os.environ["FLOOR_STORE"]))
VARIANT = set(os.environ.get("FLOOR_VARIANT", "").split("+")) - {""}
WAIT_MS = os.environ.get("FLOOR_WAIT_MS", "0")
_readers = BodyReaders(64)
_idle: list[Connection] = []
_lock = threading.Lock()


def _other_process() -> Connection:
    mine, theirs = socket.socketpair()
    subprocess.Popen(
        [sys.executable, "-c", _OTHER, str(theirs.fileno()), WAIT_MS],
        pass_fds=(theirs.fileno(),),
    )
    theirs.close()
    return Connection(mine.detach())


def _through_other_process(body: bytes) -> bytes:
    """The body's answer as the other process sends it back (it echoes the key)."""
    with _lock:
        conn = _idle.pop() if _idle else None
    if conn is None:
        conn = _other_process()
    conn.send_bytes(body)
    key = conn.recv_bytes()
    with _lock:
        _idle.append(conn)
    return ANSWERS.get(key, b"{}")


def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    stream, length = environ["wsgi.input"], int(environ.get("CONTENT_LENGTH") or 0)
    if "reader" in VARIANT:
        body = _readers.read(stream, length).result(10) or b""
    else:
        body = stream.read(length) if length else b""
    answer = _through_other_process(body) if "hop" in VARIANT else ANSWERS.get(body, b"{}")
    start_response(
        "200 OK",
        [("Content-Type", "application/sparql-results+json"), ("Content-Length", str(len(answer)))],
    )
    return [answer]
