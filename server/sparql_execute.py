"""Run a query for an HTTP request: judge it, negotiate, evaluate safely, answer.

``run_and_respond`` is the one entry point for every route that answers with query
results (``/sparql``, the saved-query API, resource pages that offer raw results): it
refuses updates and SERVICE, picks the format from ``format`` or ``Accept``, answers
``If-None-Match`` with 304 from the build's ETag, serves repeated requests from the
result cache, and otherwise evaluates with the backend's timeout and row cap. Errors come
back as responses with a short plain-text message, never as exceptions or tracebacks.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Iterator, Mapping
from typing import Any

import pyoxigraph as ox
from flask import Response, current_app, request
from werkzeug.datastructures import MIMEAccept

from server import sparql_scan
from server.app import get_backend
from server.http_cache import CachedAnswer, ResultCache, etag_for, etag_matches
from server.sparql_formats import Format, NotAcceptable, negotiate
from server.workers import EvaluationError, QueryJob, QueryOutcome, QueryTimeout, WorkersBusy

TRUNCATED_HEADER = "X-SPARQL-Truncated"
ROW_LIMIT_HEADER = "X-SPARQL-Row-Limit"
READ_ONLY = "this endpoint is read-only: SPARQL Update is not accepted"
_POSITION = re.compile(r"^error at (\d+):(\d+): ?")


class ProtocolError(Exception):
    """A request the endpoint refuses, with the status that says why."""

    def __init__(self, status: int, message: str, headers: Mapping[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.headers = dict(headers or {})


def error_response(status: int, message: str, headers: Mapping[str, str] | None = None) -> Response:
    response = Response(message.rstrip() + "\n", status, content_type="text/plain; charset=utf-8")
    response.headers.update(headers or {})
    response.headers["Cache-Control"] = "no-store"
    return response


def syntax_message(engine_message: str) -> str:
    """pyoxigraph's ``error at 3:2: expected X`` as ``line 3, column 2: expected X``."""
    match = _POSITION.match(engine_message)
    if not match:
        return f"SPARQL syntax error: {engine_message}"
    line, column = match.groups()
    return f"SPARQL syntax error at line {line}, column {column}: {engine_message[match.end() :]}"


def result_cache() -> ResultCache:
    """The app's cache, made on first use from RESULT_CACHE_BYTES."""
    cache = current_app.extensions.get("spacekg.result_cache")
    if cache is None:
        cache = ResultCache(int(current_app.config.get("RESULT_CACHE_BYTES", 0)))
        current_app.extensions["spacekg.result_cache"] = cache
    return cache


def judge(sparql: str | None) -> sparql_scan.QueryShape:
    """Refuse what must never reach the engine.

    :raises ProtocolError: no query, an update, or SERVICE.
    """
    if sparql is None or not sparql.strip():
        raise ProtocolError(400, "no query: pass the SPARQL text as `query`")
    shape = sparql_scan.inspect(sparql)
    if shape.is_update:
        raise ProtocolError(403, READ_ONLY)
    if shape.uses_service:
        raise ProtocolError(
            403,
            "SERVICE is not allowed: this endpoint does not send requests to other endpoints",
        )
    return shape


def _graph_iris(iris: Iterable[str] | None, name: str) -> tuple[str, ...] | None:
    if iris is None:
        return None
    out = tuple(iris)
    for iri in out:
        try:
            ox.NamedNode(iri)
        except ValueError:
            raise ProtocolError(400, f"{name} is not an absolute IRI: {iri!r}") from None
    return out


def _with_flag(body: bytes, fmt: Format) -> bytes:
    """SPARQL JSON with a top-level ``truncated`` member, which result readers ignore."""
    if fmt.key == "json" and body.startswith(b"{"):
        return b'{"truncated":true,' + body[1:]
    return body


def _relay(
    outcome: QueryOutcome, fmt: Format, cache: ResultCache | None, key: Hashable
) -> Iterator[bytes]:
    """Forward a long answer frame by frame; cache it once whole, if it fits."""
    assert outcome.chunks is not None
    limit = cache.max_bytes // 4 if cache is not None else 0
    kept: list[bytes] = []
    size = 0
    for i, chunk in enumerate(outcome.chunks):
        size += len(chunk)
        if size <= limit:
            kept.append(chunk)
        yield _with_flag(chunk, fmt) if i == 0 and outcome.truncated else chunk
    if cache is not None and size <= limit:
        cache.put(key, CachedAnswer(b"".join(kept), outcome.rows, outcome.truncated))


def _respond(
    answer: CachedAnswer,
    fmt: Format,
    etag: str | None,
    status: int = 200,
    stream: Iterator[bytes] | None = None,
) -> Response:
    cap = current_app.config.get("ROW_LIMIT")
    if stream is not None:
        body: bytes | Iterator[bytes] = stream
    else:
        body = _with_flag(answer.body, fmt) if answer.truncated else answer.body
    response = Response(body, status, content_type=fmt.content_type)
    headers = response.headers
    headers["Vary"] = "Accept"
    if answer.truncated:
        headers[TRUNCATED_HEADER] = "true"
        headers[ROW_LIMIT_HEADER] = str(cap)
    if etag is not None and request.method in ("GET", "HEAD"):
        headers["ETag"] = etag
        headers["Cache-Control"] = f"public, max-age={int(current_app.config['CACHE_MAX_AGE'])}"
    else:
        headers["Cache-Control"] = "no-store" if etag is None else "private, no-cache"
    return response


def run_and_respond(
    sparql: str | None,
    *,
    substitutions: Mapping[str, Any] | None = None,
    default_graphs: Iterable[str] | None = None,
    named_graphs: Iterable[str] | None = None,
    format_param: str | None = None,
    accept: MIMEAccept | None = None,
) -> Response:
    """Answer the current request with the results of ``sparql``.

    ``substitutions`` binds variables to pyoxigraph terms (never pasted into the text);
    ``default_graphs``/``named_graphs`` are the protocol's dataset (None: the union of
    all graphs); ``format_param`` (a short name such as ``csv`` or a media type) wins over
    ``accept`` (default: the request's Accept header). The settings QUERY_TIMEOUT,
    ROW_LIMIT, RESULT_CACHE_BYTES and CACHE_MAX_AGE apply. Statuses: 200, 304, 400
    (syntax, with line and column), 403 (update or SERVICE), 406, 500, 503 (timeout or
    busy).
    """
    try:
        return _run(
            sparql,
            substitutions=substitutions,
            default_graphs=_graph_iris(default_graphs, "default-graph-uri"),
            named_graphs=_graph_iris(named_graphs, "named-graph-uri"),
            format_param=format_param,
            accept=request.accept_mimetypes if accept is None else accept,
        )
    except ProtocolError as exc:
        return error_response(exc.status, str(exc), exc.headers)


def _run(
    sparql: str | None,
    *,
    substitutions: Mapping[str, Any] | None,
    default_graphs: tuple[str, ...] | None,
    named_graphs: tuple[str, ...] | None,
    format_param: str | None,
    accept: MIMEAccept,
) -> Response:
    shape = judge(sparql)
    assert sparql is not None
    try:
        fmt = negotiate(shape.form, format_param=format_param, accept=accept)
    except NotAcceptable as exc:
        raise ProtocolError(406, str(exc)) from None
    config = current_app.config
    cap = int(config["ROW_LIMIT"])
    backend = get_backend()
    build = getattr(backend, "build", None)
    etag = etag_for(build.build_id, fmt.key, cap) if build is not None else None
    if etag is not None and etag_matches(request.headers.get("If-None-Match"), etag):
        return _respond(CachedAnswer(b"", None, False), fmt, etag, status=304)
    subs = tuple(sorted((substitutions or {}).items()))
    key = (
        build.build_id if build else None,
        sparql,
        default_graphs,
        named_graphs,
        subs,
        fmt.key,
        cap,
    )
    cache = result_cache() if build is not None else None
    if cache is not None and cache.max_bytes:
        hit = cache.get(key)
        if hit is not None:
            return _respond(hit, fmt, etag)
    limited = None
    if shape.form == "SELECT":
        limited = sparql_scan.with_row_limit(sparql, shape, cap + 1)
    job = QueryJob(
        sparql=sparql,
        form=shape.form or "SELECT",
        ox_format=fmt.oxigraph,
        row_cap=cap,
        limited_sparql=limited,
        default_graphs=default_graphs,
        named_graphs=named_graphs,
        substitutions=subs,
    )
    try:
        outcome = backend.execute(job, timeout=float(config["QUERY_TIMEOUT"]))
    except QueryTimeout as exc:
        message = f"query timeout: {exc}; the limit is QUERY_TIMEOUT={config['QUERY_TIMEOUT']} s"
        raise ProtocolError(503, message) from None
    except WorkersBusy as exc:
        raise ProtocolError(503, f"busy: {exc}", {"Retry-After": "1"}) from None
    except EvaluationError as exc:
        if exc.syntax:
            raise ProtocolError(400, syntax_message(str(exc))) from None
        raise ProtocolError(500, f"query failed: {exc}") from None
    answer = CachedAnswer(outcome.body, outcome.rows, outcome.truncated)
    use_cache = cache if cache is not None and cache.max_bytes else None
    if outcome.chunks is not None:
        return _respond(answer, fmt, etag, stream=_relay(outcome, fmt, use_cache, key))
    if use_cache is not None:
        use_cache.put(key, answer)
    return _respond(answer, fmt, etag)
