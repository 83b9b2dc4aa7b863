"""What every request is held to before a route sees it.

- Its body is read whole, within BODY_TIMEOUT seconds and MAX_REQUEST_BYTES bytes, however
  it is framed (Content-Length or chunked): a slow client gets a 408 and its handler is
  free again; a body over the limit is a 413 and never reaches a route, so a cut query
  cannot run. The WSGI server (granian) hands the body over as a blocking stream with no
  timeout of its own, so the read happens on a helper thread the handler waits for; a
  read still stuck after the 408 holds that helper (and its client's slot, below) until
  the client sends or goes, never a request handler.
- One client address may have CLIENT_QUERIES requests running at once in this web
  worker; more get a 429 with Retry-After, so a client sending many slow queries cannot
  take every handler from the others. ``/healthz`` and static files are not counted.

Routes then read the body from memory as usual (``request.form``, ``get_data``).
"""

from __future__ import annotations

import io
import threading
from collections import Counter
from dataclasses import dataclass
from typing import Any

from flask import Flask, g, request

from graph.config import Settings
from server.body_readers import BodyRead, BodyReaders
from server.errors import BadRequest, PayloadTooLarge, RequestTimeout, TooManyRequests

# Helper threads per web worker for reading bodies. Each one stuck on a slow client also
# holds that client's slot, so one address holds at most CLIENT_QUERIES of them.
BODY_READERS = 64
_UNCOUNTED = frozenset({"health.healthz", "static"})


class ClientSlots:
    """Requests running per client address, capped; safe to share between threads."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self._running: Counter[str] = Counter()
        self._lock = threading.Lock()

    def take(self, client: str) -> bool:
        with self._lock:
            if self._running[client] >= self.cap:
                return False
            self._running[client] += 1
            return True

    def give_back(self, client: str) -> None:
        with self._lock:
            self._running[client] -= 1
            if self._running[client] <= 0:
                del self._running[client]

    def running(self, client: str) -> int:
        with self._lock:
            return self._running[client]


@dataclass
class _Slot:
    client: str
    held_by_reader: bool = False  # a body read outlived its request: it gives it back


def _declared_length(environ: dict[str, Any]) -> int | None:
    raw = environ.get("CONTENT_LENGTH") or ""
    if not raw.strip():
        return None
    try:
        length = int(raw)
    except ValueError:
        raise BadRequest(f"Content-Length is not a number: {raw[:40]!r}") from None
    if length < 0:
        raise BadRequest("Content-Length is negative")
    return length


class RequestGuard:
    """The two checks above, as one app's before- and teardown-request hooks."""

    def __init__(self, settings: Settings) -> None:
        self.limit = settings.max_request_bytes
        self.timeout = settings.body_timeout
        self.slots = ClientSlots(settings.client_queries) if settings.client_queries else None
        self.readers = BodyReaders(BODY_READERS)

    def before(self) -> None:
        if request.endpoint not in _UNCOUNTED:
            g.spacekg_slot = self.take_slot(request.remote_addr or "unknown")
        self.buffer_body(request.environ, g.get("spacekg_slot"))

    def teardown(self, _error: BaseException | None = None) -> None:
        self.give_back(g.pop("spacekg_slot", None))

    def take_slot(self, client: str) -> _Slot | None:
        """A running-request slot for ``client`` (None when there is no cap).

        :raises TooManyRequests: the client has CLIENT_QUERIES requests running here.
        """
        if self.slots is None:
            return None
        if not self.slots.take(client):
            raise TooManyRequests(
                f"this client already has {self.slots.cap} requests running here "
                "(CLIENT_QUERIES); send the next when one has answered"
            )
        return _Slot(client)

    def give_back(self, slot: _Slot | None) -> None:
        """End ``slot`` unless a body read that outlived its request holds it."""
        if slot is not None and not slot.held_by_reader and self.slots is not None:
            self.slots.give_back(slot.client)

    def buffer_body(self, environ: dict[str, Any], slot: _Slot | None) -> None:
        """Replace the body stream by its bytes, read within the limits; a read that
        outlives the request keeps ``slot`` until it ends.

        :raises PayloadTooLarge: over MAX_REQUEST_BYTES (said before reading, when the
            client declared its length).
        :raises RequestTimeout: not all sent within BODY_TIMEOUT.
        """
        length = _declared_length(environ)
        chunked = "chunked" in (environ.get("HTTP_TRANSFER_ENCODING") or "").lower()
        if length is not None and length > self.limit:
            raise PayloadTooLarge(self._too_large())
        if not length and not chunked:
            return
        most = length if length is not None else self.limit + 1
        reading = self.readers.read(environ["wsgi.input"], most)
        body = reading.result(self.timeout)
        if body is None:
            self._leave_slot_to(reading, slot)
            raise RequestTimeout(
                f"the request body was not received within {self.timeout:g} s "
                "(BODY_TIMEOUT); send it at once"
            )
        if len(body) > self.limit:
            raise PayloadTooLarge(self._too_large())
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        environ.pop("HTTP_TRANSFER_ENCODING", None)

    def _leave_slot_to(self, reading: BodyRead, slot: _Slot | None) -> None:
        """The request stops waiting for ``reading``: one not begun never begins; one
        under way keeps its client's slot until it ends."""
        if slot is None or self.slots is None:
            reading.give_up(lambda: None)
            return
        slot.held_by_reader = True
        slots = self.slots
        reading.give_up(lambda: slots.give_back(slot.client))

    def _too_large(self) -> str:
        return f"the request body is over {self.limit} bytes (MAX_REQUEST_BYTES)"


def register(app: Flask, settings: Settings) -> RequestGuard:
    """Hold every request of ``app`` to the limits (before any other hook)."""
    guard = RequestGuard(settings)
    app.before_request_funcs.setdefault(None, []).insert(0, guard.before)
    app.teardown_request(guard.teardown)
    app.extensions["spacekg.request_guard"] = guard
    return guard
