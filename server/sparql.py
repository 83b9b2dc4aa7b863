"""The ``/sparql`` endpoint: the SPARQL 1.1 Protocol's query operation, read-only.

GET with ``query``, POST form-encoded, POST ``application/sparql-query``; the
``default-graph-uri`` and ``named-graph-uri`` parameters choose the dataset, and without
them a query sees the merge of all graphs (each triple once) as its default graph and
every graph through GRAPH. Without a query, GET describes the service.
Formats and caching live in ``server.sparql_response``, evaluation in ``server.backend``.
"""

from __future__ import annotations

from flask import Blueprint, Response, request
from werkzeug.exceptions import RequestEntityTooLarge

from server.backend import READ_ONLY, QueryRefused
from server.context import get_settings
from server.errors import BadRequest, PayloadTooLarge, UnsupportedMediaType
from server.sparql_response import results_response
from server.sparql_service import service_description

bp = Blueprint("sparql", __name__)

_FORM = "application/x-www-form-urlencoded"
_QUERY = "application/sparql-query"
_UPDATE = "application/sparql-update"


def _single(values: list[str], name: str) -> str | None:
    if len(values) > 1:
        raise BadRequest(f"`{name}` given {len(values)} times; pass it once")
    return values[0] if values else None


def _read_request() -> tuple[str | None, list[str], list[str]]:
    """(query, default graphs, named graphs) from any of the three protocol forms.

    :raises QueryRefused, BadRequest, PayloadTooLarge, UnsupportedMediaType: an update,
        an ambiguous or oversized request, an unknown body type.
    """
    limit = get_settings().max_request_bytes
    if len(request.query_string) > limit:
        raise PayloadTooLarge(f"the query string is over {limit} bytes (MAX_REQUEST_BYTES)")
    args = request.args
    if "update" in args:
        raise QueryRefused(READ_ONLY)
    if request.method != "POST":
        return _single(args.getlist("query"), "query"), *_graphs(args)
    request.max_content_length = limit
    mimetype = request.mimetype
    try:
        if mimetype == _FORM:
            form = request.form
            if "update" in form:
                raise QueryRefused(READ_ONLY)
            if "query" in args:
                raise BadRequest("`query` given both in the URL and in the body")
            default, named = _graphs(form)
            url_default, url_named = _graphs(args)
            return _single(form.getlist("query"), "query"), default + url_default, named + url_named
        if mimetype == _QUERY:
            if "query" in args:
                raise BadRequest("`query` given both in the URL and in the body")
            text = request.get_data().decode(request.mimetype_params.get("charset", "utf-8"))
            return text, *_graphs(args)
    except RequestEntityTooLarge:
        message = f"the request body is over {limit} bytes (MAX_REQUEST_BYTES)"
        raise PayloadTooLarge(message) from None
    except (UnicodeDecodeError, LookupError):
        raise BadRequest("the query is not valid UTF-8") from None
    if mimetype == _UPDATE:
        raise QueryRefused(READ_ONLY)
    raise UnsupportedMediaType(
        f"POST a query as {_FORM} or {_QUERY}, not {mimetype or 'an untyped body'}"
    )


def _graphs(values) -> tuple[list[str], list[str]]:  # type: ignore[no-untyped-def]
    return values.getlist("default-graph-uri"), values.getlist("named-graph-uri")


@bp.route("/sparql", methods=["GET", "POST"])
def sparql() -> Response:
    """The SPARQL 1.1 Protocol query operation."""
    query, default, named = _read_request()
    if query is None and request.method in ("GET", "HEAD"):
        return service_description()
    dataset_given = bool(default or named)
    return results_response(
        query,
        default_graphs=default if dataset_given else None,
        named_graphs=named if dataset_given else None,
        format_param=request.values.get("format"),
    )
