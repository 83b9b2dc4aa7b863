"""Query results as an HTTP response: negotiate the format, answer ``If-None-Match``
with 304 from the build's ETag, run the query through ``Backend.execute`` (timeout, row
cap, cache), and say when the answer was cut.

Used by ``/sparql`` and the saved-query API; errors are raised (see ``server.errors``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from flask import Response, request

from server.backend import QueryOutcome, Term, get_backend, judge
from server.context import get_settings
from server.errors import NotAcceptable
from server.http_cache import etag_for, etag_matches
from server.sparql_formats import Format, negotiate
from server.sparql_formats import NotAcceptable as NoFormat

if TYPE_CHECKING:
    from graph.config import Settings

TRUNCATED_HEADER = "X-SPARQL-Truncated"
ROW_LIMIT_HEADER = "X-SPARQL-Row-Limit"


def _with_flag(body: bytes, fmt: Format) -> bytes:
    """SPARQL JSON with a top-level ``truncated`` member, which result readers ignore."""
    if fmt.key == "json" and body.startswith(b"{"):
        return b'{"truncated":true,' + body[1:]
    return body


def _flag_first(chunks: Iterator[bytes], fmt: Format) -> Iterator[bytes]:
    for i, chunk in enumerate(chunks):
        yield _with_flag(chunk, fmt) if i == 0 else chunk


def answer_body(outcome: QueryOutcome, fmt: Format) -> bytes | Iterator[bytes]:
    """The answer's bytes (or frames, for a long one), flagged when it was cut."""
    if outcome.chunks is not None:
        return _flag_first(outcome.chunks, fmt) if outcome.truncated else outcome.chunks
    return _with_flag(outcome.body, fmt) if outcome.truncated else outcome.body


def answer_headers(
    etag: str | None, method: str, settings: Settings, *, truncated: bool
) -> list[tuple[str, str]]:
    """Vary, the truncation headers and the caching rules of an answer: the build's ETag
    and a max-age for GET and HEAD, which caches may keep; a POST is revalidated."""
    headers = [("Vary", "Accept")]
    if truncated:
        headers += [(TRUNCATED_HEADER, "true"), (ROW_LIMIT_HEADER, str(settings.row_limit))]
    if etag is not None and method in ("GET", "HEAD"):
        headers += [("ETag", etag), ("Cache-Control", f"public, max-age={settings.cache_max_age}")]
    else:
        headers.append(("Cache-Control", "no-store" if etag is None else "private, no-cache"))
    return headers


def results_response(
    sparql: str | None,
    *,
    substitutions: Mapping[str, Term] | None = None,
    default_graphs: Iterable[str] | None = None,
    named_graphs: Iterable[str] | None = None,
    format_param: str | None = None,
) -> Response:
    """Answer the current request with the results of ``sparql``, in the format the
    ``format`` parameter (a short name such as ``csv`` or a media type) or else
    ``Accept`` asks for. Statuses: 200, 304; errors raised as 400 (syntax, with line and
    column), 403 (update or SERVICE), 406, 500, 503 (timeout or busy).
    """
    shape = judge(sparql)
    try:
        fmt = negotiate(shape.form, format_param=format_param, accept=request.accept_mimetypes)
    except NoFormat as exc:
        raise NotAcceptable(str(exc)) from None
    settings = get_settings()
    backend = get_backend()
    build = backend.build
    etag = etag_for(build.build_id, fmt.key, settings.row_limit) if build is not None else None
    if etag is not None and etag_matches(request.headers.get("If-None-Match"), etag):
        return _headers(Response(status=304), fmt, etag, truncated=False)
    outcome = backend.execute(
        sparql,
        format=fmt.oxigraph,
        substitutions=substitutions,
        default_graphs=default_graphs,
        named_graphs=named_graphs,
    )
    response = Response(answer_body(outcome, fmt), content_type=fmt.content_type)
    return _headers(response, fmt, etag, truncated=outcome.truncated)


def _headers(response: Response, fmt: Format, etag: str | None, *, truncated: bool) -> Response:
    headers = response.headers
    if response.status_code == 304:
        headers["Content-Type"] = fmt.content_type
    for name, value in answer_headers(etag, request.method, get_settings(), truncated=truncated):
        headers[name] = value
    return response
