"""The saved-query API: ``/queries``, ``/queries/<name>`` and ``/openapi.json``.

Browsers get HTML pages (title, description, query text, a parameter form and the
results); other clients get JSON, or the SPARQL result format they negotiate, produced
by the endpoint's own ``run_and_respond`` (same formats, cache, timeout and row limit).
A wrong parameter value is a 400 naming the parameter and the expected type.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from flask import Blueprint, Response, current_app, jsonify, render_template, request

from graph.errors import QueryError
from graph.saved_queries import (
    RESERVED_NAMES,
    SavedQuery,
    editor_text,
    get_query,
    load_queries,
    shorten,
)
from graph.vocab import ID, PREFIXES
from server.app import get_backend
from server.openapi import openapi_document
from server.sparql_execute import run_and_respond

bp = Blueprint("queries", __name__)

HTML = "text/html"
MACHINE_TYPES = (
    "application/json",
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
)
MAX_OPTIONS = 500


def saved_queries() -> dict[str, SavedQuery]:
    """The app's saved queries, read once from QUERIES_DIR."""
    cached = current_app.extensions.get("spacekg.saved_queries")
    if cached is None:
        cached = load_queries(Path(current_app.config["QUERIES_DIR"]))
        current_app.extensions["spacekg.saved_queries"] = cached
    return cached


def wants_html() -> bool:
    """HTML only when asked for (``format=html``) or preferred by the Accept header."""
    fmt = request.args.get("format")
    if fmt is not None:
        return fmt == "html"
    best = request.accept_mimetypes.best_match((*MACHINE_TYPES, HTML))
    return best == HTML and request.accept_mimetypes[HTML] > request.accept_mimetypes[
        "application/json"
    ]


def text_error(status: int, message: str) -> Response:
    return Response(message + "\n", status, content_type="text/plain; charset=utf-8")


def resource_href(iri: str) -> str | None:
    """Where a graph IRI's page is on this server (None for IRIs from elsewhere)."""
    return "/id/" + iri[len(str(ID)) :] if iri.startswith(str(ID)) else None


def describe(query: SavedQuery) -> dict[str, Any]:
    """A query as the JSON listing shows it."""
    return {
        "name": query.name,
        "title": query.title,
        "description": query.description,
        "tags": list(query.tags),
        "url": request.url_root.rstrip("/") + f"/queries/{query.name}",
        "parameters": [
            {
                "name": p.name,
                "type": p.type,
                "classes": list(p.classes),
                "expected": p.expected,
                "default": p.default,
                "allowed": list(p.allowed),
                "example": p.example,
                "description": p.description,
            }
            for p in query.parameters
        ],
        "sparql": query.sparql,
    }


@bp.get("/queries")
def list_route() -> Any:
    try:
        queries = saved_queries()
    except QueryError as exc:
        return text_error(500, str(exc))
    if wants_html():
        return render_template("queries/list.html", queries=list(queries.values()))
    return jsonify({"queries": [describe(q) for q in queries.values()]})


def _given_values(query: SavedQuery) -> dict[str, str]:
    return {k: v for k, v in request.args.items() if k not in RESERVED_NAMES}


@bp.get("/queries/<name>.rq")
def query_text_route(name: str) -> Any:
    """The query file as it is, header included, to copy and adapt."""
    try:
        query = get_query(saved_queries(), name)
    except QueryError as exc:
        return text_error(404, str(exc))
    return Response(query.sparql, content_type="application/sparql-query; charset=utf-8")


@bp.get("/queries/<name>")
def query_route(name: str) -> Any:
    try:
        query = get_query(saved_queries(), name)
    except QueryError as exc:
        return (render_not_found(str(exc)) if wants_html() else text_error(404, str(exc)))
    values = _given_values(query)
    try:
        bound = query.bind(values, get_backend())
    except QueryError as exc:
        if wants_html():
            return render_page(query, values, error=str(exc)), 400
        return text_error(400, str(exc))
    if not wants_html():
        return run_and_respond(
            query.sparql, substitutions=bound, format_param=request.args.get("format")
        )
    answer = run_and_respond(query.sparql, substitutions=bound, format_param="json")
    if answer.status_code != 200:
        message = answer.get_data(as_text=True).strip()
        return render_page(query, values, error=message), answer.status_code
    results = json.loads(answer.get_data(as_text=True))
    return render_page(query, values, results=results, editor=editor_text(query, bound))


def render_not_found(message: str) -> tuple[str, int]:
    return render_template("queries/not_found.html", message=message), 404


def _options(query: SavedQuery) -> dict[str, list[tuple[str, str]]]:
    """For IRI parameters, the graph's candidates (IRI, label) to pick from."""
    out: dict[str, list[tuple[str, str]]] = {}
    backend = get_backend()
    for p in query.parameters:
        if p.type == "iri":
            values = " ".join(f"<{c}>" for c in p.classes)
            pattern = f"VALUES ?class {{ {values} }} ?v a/rdfs:subClassOf* ?class"
        elif p.type == "concept":
            pattern = f"?v skos:inScheme <{p.classes[0]}>"
        else:
            continue
        sparql = (
            f"PREFIX rdfs: <{PREFIXES['rdfs']}> PREFIX skos: <{PREFIXES['skos']}> "
            f"SELECT DISTINCT ?v (SAMPLE(?l) AS ?label) WHERE {{ {pattern} "
            "OPTIONAL { ?v rdfs:label ?l } } GROUP BY ?v ORDER BY ?label "
            f"LIMIT {MAX_OPTIONS}"
        )
        out[p.name] = [
            (row["v"].value, row["label"].value if row["label"] else shorten(row["v"].value))
            for row in backend.query(sparql)
        ]
    return out


def _cell(binding: dict[str, str] | None) -> dict[str, Any]:
    if binding is None:
        return {"text": "", "href": None, "title": None}
    value = binding["value"]
    if binding["type"] == "uri":
        return {"text": shorten(value), "href": resource_href(value) or value, "title": value}
    return {"text": value, "href": None, "title": binding.get("datatype")}


def render_page(
    query: SavedQuery,
    values: dict[str, str],
    *,
    results: dict[str, Any] | None = None,
    error: str | None = None,
    editor: str | None = None,
) -> str:
    rows = []
    variables: list[str] = []
    if results is not None:
        variables = results["head"]["vars"]
        rows = [[_cell(b.get(v)) for v in variables] for b in results["results"]["bindings"]]
    base = f"/queries/{query.name}"
    current = {p.name: values.get(p.name) or p.default for p in query.parameters}
    downloads = {
        fmt: f"{base}?{urlencode({**current, 'format': fmt})}" for fmt in ("json", "csv", "tsv")
    }
    return render_template(
        "queries/query.html",
        query=query,
        current=current,
        options=_options(query),
        variables=variables,
        rows=rows,
        truncated=bool(results and results.get("truncated")),
        row_limit=current_app.config.get("ROW_LIMIT"),
        error=error,
        editor_href="/editor?query=" + quote(editor or query.sparql),
        downloads=downloads,
        shorten=shorten,
    )


@bp.get("/openapi.json")
def openapi_route() -> Any:
    try:
        queries = saved_queries()
    except QueryError as exc:
        return text_error(500, str(exc))
    return jsonify(openapi_document(queries, request.url_root))
