"""An OpenAPI 3 description of the saved-query API, generated from the query headers.

Each saved query is one operation (``GET /queries/<name>``) whose parameters come from
the same ``Parameter`` objects the CLI and the HTTP route use, so the three cannot
disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from graph.saved_queries import MAX_STRING, YEAR_RANGE, Parameter, SavedQuery, shorten

OPENAPI_VERSION = "3.0.3"
RESULT_TYPES = (
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
)
FORMAT_NAMES = ("json", "xml", "csv", "tsv", "html")


def _typed(param: Parameter, raw: str) -> Any:
    return int(raw) if param.type in ("integer", "year") else raw


def parameter_schema(param: Parameter) -> dict[str, Any]:
    """The JSON Schema of one parameter's values."""
    schema: dict[str, Any]
    if param.type in ("iri", "concept"):
        schema = {"type": "string", "format": "uri"}
    elif param.type == "string":
        schema = {"type": "string", "minLength": 1, "maxLength": MAX_STRING}
    elif param.type == "integer":
        schema = {"type": "integer"}
    else:
        schema = {"type": "integer", "minimum": YEAR_RANGE[0], "maximum": YEAR_RANGE[1]}
    schema["default"] = _typed(param, param.default)
    if param.allowed:
        schema["enum"] = [_typed(param, v) for v in param.allowed]
    return schema


def parameter_object(param: Parameter) -> dict[str, Any]:
    text = param.description or param.name
    out: dict[str, Any] = {
        "name": param.name,
        "in": "query",
        "required": False,
        "description": f"{text} Expects {param.expected}.",
        "schema": parameter_schema(param),
        "x-parameter-type": param.type,
    }
    if param.classes:
        out["x-rdf-classes"] = list(param.classes)
    if param.example:
        out["example"] = _typed(param, param.example)
    return out


_FORMAT_PARAMETER = {
    "name": "format",
    "in": "query",
    "required": False,
    "description": "Result format; overrides the Accept header.",
    "schema": {"type": "string", "enum": list(FORMAT_NAMES)},
}

_ERROR = {"content": {"text/plain": {"schema": {"type": "string"}}}}


def operation(query: SavedQuery) -> dict[str, Any]:
    results = {
        media: {"schema": {"type": "object"} if "json" in media else {"type": "string"}}
        for media in RESULT_TYPES
    }
    results["text/html"] = {"schema": {"type": "string"}}
    view = {"x-result-view": query.view} if query.view else {}
    return {
        "operationId": query.name,
        "summary": query.title,
        "description": query.description,
        "tags": list(query.tags) or ["queries"],
        **view,
        "parameters": [parameter_object(p) for p in query.parameters] + [_FORMAT_PARAMETER],
        "responses": {
            "200": {
                "description": "The query's results. A result cut at the row limit has a "
                "`truncated` member (JSON) and an X-SPARQL-Truncated header.",
                "content": results,
            },
            "400": {
                "description": "A parameter value of the wrong type, naming the parameter "
                "and the expected type.",
                **_ERROR,
            },
            "406": {"description": "No acceptable result format.", **_ERROR},
            "503": {"description": "The query timed out or the server is busy.", **_ERROR},
        },
    }


def _package_version() -> str:
    try:
        return version("china-space-kg")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "0"


def openapi_document(queries: Mapping[str, SavedQuery], server_url: str) -> dict[str, Any]:
    """The whole OpenAPI document: the list route and one operation per saved query."""
    paths: dict[str, Any] = {
        "/queries": {
            "get": {
                "operationId": "listQueries",
                "summary": "The saved queries with their parameters",
                "tags": ["queries"],
                "responses": {
                    "200": {
                        "description": "JSON for machines, HTML for browsers.",
                        "content": {
                            "application/json": {"schema": {"type": "object"}},
                            "text/html": {"schema": {"type": "string"}},
                        },
                    }
                },
            }
        }
    }
    for query in queries.values():
        paths[f"/queries/{query.name}"] = {"get": operation(query)}
    classes = sorted(
        {shorten(c) for q in queries.values() for p in q.parameters for c in p.classes}
    )
    return {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": "china-space-kg saved queries",
            "version": _package_version(),
            "description": "Named, parameterised SPARQL queries over a knowledge graph of "
            "China's space missions and international space cooperation. Parameter values "
            "are bound by the query engine, never pasted into the query text. Classes used "
            f"by IRI parameters: {', '.join(classes)}.",
        },
        "servers": [{"url": server_url.rstrip("/") or "/"}],
        "paths": paths,
    }
