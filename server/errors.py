"""The errors a request can end in, and the one handler that answers them.

Every refusal is a ``SpaceKGError`` (from ``graph.errors``, ``server.backend`` or
below) with a status and one line of message; routes raise, never build error
responses. The handler, registered by the app factory, answers in the format the client
asked for (an HTML page, ``{"error", "status"}`` JSON, or the line as plain text), with
``Cache-Control: no-store``. Werkzeug's own HTTP errors (an unknown URL, a wrong method)
go through the same handler.
"""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from graph.errors import SpaceKGError
from server.negotiation import HTML, JSON, error_format
from server.request_text import printable, search_guess

log = logging.getLogger(__name__)


class BadRequest(SpaceKGError):
    status = 400


class NotFound(SpaceKGError):
    """Nothing at this path; ``search`` is what the HTML page offers to search for."""

    status = 404

    def __init__(
        self, message: str, *, search: str | None = None, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.search = search
        self.headers = headers or {}


class NotAcceptable(SpaceKGError):
    """No representation the client accepts; ``headers`` may list the alternates."""

    status = 406

    def __init__(self, message: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.headers = headers or {}


class PayloadTooLarge(SpaceKGError):
    status = 413


class UnsupportedMediaType(SpaceKGError):
    status = 415


class RequestTimeout(SpaceKGError):
    """The client did not send its request body in time (BODY_TIMEOUT)."""

    status = 408


class TooManyRequests(SpaceKGError):
    """One client has as many requests running as CLIENT_QUERIES allows."""

    status = 429
    headers = {"Retry-After": "1"}  # noqa: RUF012 (read-only)


TITLES = {
    400: "Bad request",
    403: "Not allowed",
    404: "Not found",
    405: "Method not allowed",
    406: "Not available in that format",
    408: "Request too slow",
    413: "Request too large",
    415: "Unsupported request type",
    429: "Too many requests at once",
    500: "Server error",
    503: "Unavailable",
    507: "Query too large",
}


def error_response(
    status: int, message: str, headers: dict[str, str] | None = None, *, search: str | None = None
) -> Response:
    """``message`` with ``status`` in the format the request asked for."""
    media = error_format()
    if media == HTML:
        page = render_template(
            "error.html",
            status=status,
            title=TITLES.get(status, "Error"),
            message=printable(message),
            search=search if search is not None else search_guess(request.path),
        )
        response = Response(page, status, content_type="text/html; charset=utf-8")
    elif media == JSON:
        response = jsonify(error=message, status=status)
        response.status_code = status
    else:
        response = Response(
            message.rstrip() + "\n", status, content_type="text/plain; charset=utf-8"
        )
    response.headers.update(headers or {})
    response.headers["Cache-Control"] = "no-store"
    response.vary.add("Accept")
    return response


def handle_error(error: Exception) -> Response:
    """The app's one error handler."""
    if isinstance(error, SpaceKGError):
        return error_response(
            error.status, str(error), dict(error.headers), search=getattr(error, "search", None)
        )
    if isinstance(error, HTTPException):
        status = error.code or 500
        if status >= 500:
            log.error(
                "unhandled error on %s",
                request.path,
                exc_info=getattr(error, "original_exception", None),
            )
        headers = {k: v for k, v in error.get_headers() if k.lower() == "allow"}
        return error_response(status, _describe(error, status), headers)
    raise error


def _describe(error: HTTPException, status: int) -> str:
    """Werkzeug's own errors in the project's words: what went wrong, for this request."""
    if status == 404:
        return f"there is no page at {printable(request.path)}"
    if status == 405:
        allowed = ", ".join(getattr(error, "valid_methods", None) or [])
        return f"{request.method} is not allowed here" + (f"; use {allowed}" if allowed else "")
    if status >= 500:
        return "the server failed to answer; the error is in its log"
    return error.description or TITLES.get(status, "error")


def register(app: Flask) -> None:
    app.register_error_handler(SpaceKGError, handle_error)
    app.register_error_handler(HTTPException, handle_error)
