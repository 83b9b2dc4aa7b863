"""The ``/sparql`` endpoint: the SPARQL 1.1 Protocol's query operation, read-only.

GET with ``query``, POST form-encoded, POST ``application/sparql-query``; the
``default-graph-uri`` and ``named-graph-uri`` parameters choose the dataset, and without
them a query sees the union of all graphs. Without a query, GET describes the service.
Evaluation, formats, caching and errors live in ``server.sparql_execute``.
"""

from __future__ import annotations

from flask import Blueprint, Flask, Response, current_app, request
from werkzeug.exceptions import RequestEntityTooLarge

from server.sparql_execute import READ_ONLY, ProtocolError, error_response, run_and_respond
from server.sparql_service import service_description

bp = Blueprint("sparql", __name__)

_FORM = "application/x-www-form-urlencoded"
_QUERY = "application/sparql-query"
_UPDATE = "application/sparql-update"
_RDF_AND_RESULT_TYPES = (
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
    "text/turtle",
    "application/n-triples",
    "application/ld+json",
    "application/rdf+xml",
    "application/n-quads",
    "application/trig",
)


@bp.record_once
def _compress(state) -> None:  # type: ignore[no-untyped-def]
    """gzip for results and RDF; flask-compress only knows the generic text types."""
    from flask_compress import Compress

    app: Flask = state.app
    compress = app.extensions.get("spacekg.compress")
    if compress is None:
        app.config.setdefault("COMPRESS_ALGORITHM", ["gzip", "br", "deflate"])
        compress = Compress(app)
        app.extensions["spacekg.compress"] = compress
    compress.compress_mimetypes_set.update(_RDF_AND_RESULT_TYPES)


@bp.after_request
def _cors(response: Response) -> Response:
    """Any origin may read: the endpoint is read-only and carries no credentials."""
    origins = current_app.config.get("CORS_ORIGINS")
    if origins:
        headers = response.headers
        headers["Access-Control-Allow-Origin"] = origins
        headers["Access-Control-Expose-Headers"] = (
            "ETag, X-SPARQL-Truncated, X-SPARQL-Row-Limit, Content-Length"
        )
        if request.method == "OPTIONS":
            headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
            headers["Access-Control-Allow-Headers"] = "Accept, Content-Type, If-None-Match"
            headers["Access-Control-Max-Age"] = "86400"
    return response


def _single(values: list[str], name: str) -> str | None:
    if len(values) > 1:
        raise ProtocolError(400, f"`{name}` given {len(values)} times; pass it once")
    return values[0] if values else None


def _read_request() -> tuple[str | None, list[str], list[str]]:
    """(query, default graphs, named graphs) from any of the three protocol forms.

    :raises ProtocolError: update, ambiguous or oversized request, unknown body type.
    """
    limit = int(current_app.config["MAX_REQUEST_BYTES"])
    if len(request.query_string) > limit:
        raise ProtocolError(413, f"the query string is over {limit} bytes (MAX_REQUEST_BYTES)")
    args = request.args
    if "update" in args:
        raise ProtocolError(403, READ_ONLY)
    if request.method != "POST":
        return _single(args.getlist("query"), "query"), *_graphs(args)
    request.max_content_length = limit
    mimetype = request.mimetype
    try:
        if mimetype == _FORM:
            form = request.form
            if "update" in form:
                raise ProtocolError(
                    403, "this endpoint is read-only: SPARQL Update is not accepted"
                )
            if "query" in args:
                raise ProtocolError(400, "`query` given both in the URL and in the body")
            default, named = _graphs(form)
            url_default, url_named = _graphs(args)
            return _single(form.getlist("query"), "query"), default + url_default, named + url_named
        if mimetype == _QUERY:
            if "query" in args:
                raise ProtocolError(400, "`query` given both in the URL and in the body")
            text = request.get_data().decode(request.mimetype_params.get("charset", "utf-8"))
            return text, *_graphs(args)
    except RequestEntityTooLarge:
        message = f"the request body is over {limit} bytes (MAX_REQUEST_BYTES)"
        raise ProtocolError(413, message) from None
    except (UnicodeDecodeError, LookupError):
        raise ProtocolError(400, "the query is not valid UTF-8") from None
    if mimetype == _UPDATE:
        raise ProtocolError(403, READ_ONLY)
    raise ProtocolError(
        415, f"POST a query as {_FORM} or {_QUERY}, not {mimetype or 'an untyped body'}"
    )


def _graphs(values) -> tuple[list[str], list[str]]:  # type: ignore[no-untyped-def]
    return values.getlist("default-graph-uri"), values.getlist("named-graph-uri")


@bp.route("/sparql", methods=["GET", "POST"])
def sparql() -> Response:
    """The SPARQL 1.1 Protocol query operation."""
    try:
        query, default, named = _read_request()
    except ProtocolError as exc:
        return error_response(exc.status, str(exc), exc.headers)
    if query is None and request.method in ("GET", "HEAD"):
        return service_description()
    dataset_given = bool(default or named)
    return run_and_respond(
        query,
        default_graphs=default if dataset_given else None,
        named_graphs=named if dataset_given else None,
        format_param=request.values.get("format"),
    )
