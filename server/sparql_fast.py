"""The plain SPARQL protocol requests of ``/sparql``, answered without Flask's request
machinery.

Most requests a SPARQL endpoint gets are one query, GET or POST, with at most a
``format``: for those Flask's request context, hooks, routing and response object cost
about as much as a small query itself (a third of a millisecond of the endpoint's own
cost, measured under granian). This WSGI layer answers them with the same parts the
``/sparql`` route uses (the request guard, ``judge``, format negotiation, the build's
ETag, ``Backend.execute``, the answer's headers), and hands everything else to Flask:
another path or method, dataset parameters, ``update``, ``If-None-Match``, a client
that accepts a compressed answer, an odd body. When it refuses a request (a syntax
error, a timeout, 429, 408, ...) Flask answers it, with the error this layer raised, so
errors are written in one place.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from flask import Flask, request

from server.backend import Backend, judge
from server.cors import cors_headers
from server.form_decoding import decode_pairs
from server.http_cache import etag_for
from server.request_guard import RequestGuard
from server.sparql_formats import NotAcceptable as NoFormat
from server.sparql_formats import negotiate_header
from server.sparql_response import answer_body, answer_headers

_RAISED = "spacekg.fast_error"  # the refusal Flask is asked to answer
_FORM = "application/x-www-form-urlencoded"
_QUERY = "application/sparql-query"
_NAMES = frozenset({"query", "format"})
# Headers that ask for what only the Flask path does: compression, 304, CORS preflight.
_FLASK_HEADERS = ("HTTP_ACCEPT_ENCODING", "HTTP_IF_NONE_MATCH")
_REMEMBERED_BYTES = 16 * 1024  # longer request texts are decoded each time, not kept

Environ = dict[str, Any]
StartResponse = Callable[..., Any]


def _params(raw: bytes) -> Mapping[str, str] | None:
    """``query`` (and ``format``) from URL-encoded ``raw``, each given once; None for
    anything else (another parameter, a repeated one, odd escapes): Flask decides.

    The last 256 short request texts are kept decoded: clients send the same queries
    again (saved queries, dashboards), and decoding a saved query's 400 escapes took
    14 µs, the largest part of this layer's own Python."""
    return _remembered_params(raw) if len(raw) <= _REMEMBERED_BYTES else _decoded_params(raw)


def _decoded_params(raw: bytes) -> Mapping[str, str] | None:
    pairs = decode_pairs(raw)
    if pairs is None:
        return None
    params = dict(pairs)
    if len(params) != len(pairs) or not params.keys() <= _NAMES or "query" not in params:
        return None
    return MappingProxyType(params)


_remembered_params = lru_cache(maxsize=256)(_decoded_params)


class FastSparql:
    """WSGI middleware in front of the app's own ``wsgi_app``."""

    def __init__(self, app: Flask) -> None:
        self.flask_wsgi = app.wsgi_app
        settings = app.extensions["spacekg.settings"]
        self.settings = settings
        self.backend: Backend = app.extensions["spacekg.backend"]
        self.guard: RequestGuard = app.extensions["spacekg.request_guard"]
        self.limit = settings.max_request_bytes
        # flask-compress adds Accept-Encoding to Vary on every answer; CORS headers when set
        self.vary = "Accept, Accept-Encoding"
        self.cors = cors_headers(settings.cors_origins) if settings.cors_origins else []

    def __call__(self, environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
        if (
            environ.get("PATH_INFO") != "/sparql"
            or environ.get("REQUEST_METHOD") not in ("GET", "POST")
            or any(environ.get(h) for h in _FLASK_HEADERS)
            or len(environ.get("QUERY_STRING", "")) > self.limit
        ):
            return self.flask_wsgi(environ, start_response)
        try:
            slot = self.guard.take_slot(environ.get("REMOTE_ADDR") or "unknown")
        except Exception as exc:  # Flask answers it
            return self._refuse(exc, environ, start_response)
        try:
            params = self._read(environ, slot)
            answer = None if params is None else self._answer(environ, params)
        except Exception as exc:  # Flask answers it
            self.guard.give_back(slot)
            return self._refuse(exc, environ, start_response)
        self.guard.give_back(slot)
        if answer is None:
            return self.flask_wsgi(environ, start_response)
        headers, body = answer
        start_response("200 OK", headers)
        return body

    def _read(self, environ: Environ, slot: Any) -> Mapping[str, str] | None:
        """The parameters of a plain request, or None: Flask decides.

        :raises PayloadTooLarge, RequestTimeout, BadRequest: the body (as the guard says).
        """
        if environ["REQUEST_METHOD"] == "GET":
            return _params(environ.get("QUERY_STRING", "").encode("latin-1"))
        if environ.get("QUERY_STRING"):
            return None
        mimetype = (environ.get("CONTENT_TYPE") or "").split(";", 1)[0].strip().lower()
        if mimetype not in (_FORM, _QUERY):
            return None
        self.guard.buffer_body(environ, slot)
        stream = environ["wsgi.input"]
        if not isinstance(stream, io.BytesIO):
            return None  # no body at all
        raw = stream.getvalue()
        if mimetype == _FORM:
            return _params(raw)
        if ";" in environ["CONTENT_TYPE"]:
            return None  # a charset: Flask reads it
        try:
            return {"query": raw.decode("utf-8")}
        except UnicodeDecodeError:
            return None

    def _answer(
        self, environ: Environ, params: Mapping[str, str]
    ) -> tuple[list[tuple[str, str]], Iterable[bytes]] | None:
        """Headers and body of the answer, as the ``/sparql`` route gives them.

        :raises SpaceKGError: as ``results_response`` does; NoFormat (a 406).
        """
        query = params["query"]
        shape = judge(query)
        fmt = negotiate_header(shape.form, params.get("format"), environ.get("HTTP_ACCEPT", ""))
        build = self.backend.build
        settings = self.settings
        etag = etag_for(build.build_id, fmt.key, settings.row_limit) if build else None
        outcome = self.backend.execute(query, format=fmt.oxigraph)
        body = answer_body(outcome, fmt)
        headers = [("Content-Type", fmt.content_type)]
        if isinstance(body, bytes):
            headers.append(("Content-Length", str(len(body))))
        for name, value in answer_headers(
            etag, environ["REQUEST_METHOD"], settings, truncated=outcome.truncated
        ):
            headers.append((name, self.vary if name == "Vary" else value))
        headers += self.cors
        # A list lets granian send the answer in one piece.
        return headers, [body] if isinstance(body, bytes) else body

    def _refuse(
        self, error: Exception, environ: Environ, start_response: StartResponse
    ) -> Iterable[bytes]:
        """Let Flask answer ``error`` (its handler, hooks and headers), reading nothing
        again."""
        environ[_RAISED] = error
        return self.flask_wsgi(environ, start_response)


def _raise_refusal() -> None:
    """First before-request hook: the refusal the fast path met, raised in Flask."""
    error = request.environ.pop(_RAISED, None)
    if error is not None:
        if isinstance(error, NoFormat):
            from server.errors import NotAcceptable

            raise NotAcceptable(str(error))
        raise error


def register(app: Flask) -> FastSparql:
    """Put the fast path in front of ``app`` (after the request guard is registered)."""
    app.before_request_funcs.setdefault(None, []).insert(0, _raise_refusal)
    fast = FastSparql(app)
    app.wsgi_app = fast  # type: ignore[method-assign]
    return fast
