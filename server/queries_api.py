"""The saved-query API: ``/queries``, ``/queries/<name>`` and ``/openapi.json``.

Browsers get HTML pages (title, description, query text, a parameter form and the
results); other clients get JSON, or the SPARQL result format they negotiate, produced
the same way as ``/sparql`` (``server.sparql_response``: same formats, cache, timeout and
row limit). A wrong parameter value is a 400 naming the parameter and the expected type.
The queries are the app's, read once; a broken file is listed with its error.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote, urlencode

from flask import Blueprint, Response, jsonify, render_template, request

from graph.errors import QueryError, SpaceKGError
from graph.saved_queries import RESERVED_NAMES, SavedQuery, editor_text, get_query, shorten
from graph.vocab import ID, PREFIXES
from server.backend import get_backend
from server.context import get_saved_queries, get_settings
from server.errors import NotFound
from server.negotiation import HTML, choose
from server.openapi import openapi_document
from server.sparql_response import results_response

bp = Blueprint("queries", __name__)

MACHINE_TYPES = (
    "application/json",
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
)
MAX_OPTIONS = 500


def wants_html() -> bool:
    """HTML only when asked for (``format=html``) or preferred by the Accept header; any
    other ``format`` names a result format."""
    wanted = request.args.get("format")
    if wanted:
        return wanted == "html"
    return choose(("application/json", *MACHINE_TYPES, HTML), use_format_param=False) == HTML


def saved_queries() -> dict[str, SavedQuery]:
    return get_saved_queries().queries


def find_query(name: str) -> SavedQuery:
    """:raises NotFound: no such query (the message names a few close ones)."""
    try:
        return get_query(saved_queries(), name)
    except QueryError as exc:
        raise NotFound(str(exc), search=name.replace("-", " ")) from None


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
        "view": query.view,  # how the editor first shows the results; None: by the columns
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
    folder = get_saved_queries()
    broken = [{"file": name, "error": error} for name, error in folder.broken.items()]
    if wants_html():
        return render_template(
            "queries/list.html", queries=list(folder.queries.values()), broken=broken
        )
    return jsonify({"queries": [describe(q) for q in folder.queries.values()], "broken": broken})


def _given_values(query: SavedQuery) -> dict[str, str]:
    return {k: v for k, v in request.args.items() if k not in RESERVED_NAMES}


@bp.get("/queries/<name>.rq")
def query_text_route(name: str) -> Any:
    """The query file as it is, header included, to copy and adapt."""
    query = find_query(name)
    return Response(query.sparql, content_type="application/sparql-query; charset=utf-8")


@bp.get("/queries/<name>")
def query_route(name: str) -> Any:
    query = find_query(name)
    values = _given_values(query)
    if not wants_html():
        bound = query.bind(values, get_backend())
        return results_response(
            query.sparql, substitutions=bound, format_param=request.args.get("format")
        )
    # A person sees a wrong value or a failed query on the query's own page, form kept.
    try:
        bound = query.bind(values, get_backend())
        outcome = get_backend().execute(query.sparql, substitutions=bound)
    except SpaceKGError as exc:
        headers = {**exc.headers, "Cache-Control": "no-store"}
        return render_page(query, values, error=str(exc)), exc.status, headers
    body = b"".join(outcome.chunks) if outcome.chunks is not None else outcome.body
    results = {**json.loads(body), "truncated": outcome.truncated}
    return render_page(query, values, results=results, editor=editor_text(query, bound))


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
            for row in backend.results(sparql)
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
        row_limit=get_settings().row_limit,
        error=error,
        editor_href="/editor?query=" + quote(editor or query.sparql),
        downloads=downloads,
        shorten=shorten,
    )


@bp.get("/openapi.json")
def openapi_route() -> Any:
    return jsonify(openapi_document(saved_queries(), request.url_root))
