"""``/search?q=``: the graph's resources by name, grouped by class."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, render_template, request

from server import resources_data as data
from server.backend import get_backend
from server.negotiation import HTML, JSON, choose
from server.request_text import printable
from server.search_index import Name, SearchIndex

bp = Blueprint("search", __name__)

MAX_QUERY = 200
_NAMES = """
SELECT ?s ?p ?l (GROUP_CONCAT(DISTINCT STR(?t); SEPARATOR=" ") AS ?types) WHERE {
  VALUES ?p { rdfs:label skos:prefLabel dcterms:title skos:altLabel skos:hiddenLabel }
  ?s ?p ?l .
  FILTER(isIRI(?s) && STRSTARTS(STR(?s), "https://w3id.org/china-space-kg/id/"))
  OPTIONAL { ?s a ?t }
} GROUP BY ?s ?p ?l"""
_LABEL_PREDICATES = {
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://purl.org/dc/terms/title",
}


def load_index() -> SearchIndex:
    """The app's index, read from the backend on first use (and again after the backend
    serves another build)."""
    backend = get_backend()
    build = getattr(getattr(backend, "build", None), "build_id", None)
    cached = current_app.extensions.get("spacekg.search")
    if cached is not None and cached[0] == (id(backend), build):
        return cached[1]
    names = [
        Name(
            row["s"].value,
            row["l"].value,
            row["p"].value in _LABEL_PREDICATES,
            tuple(row["types"].value.split()) if row["types"] else (),
        )
        for row in data.run(backend, _NAMES)
    ]
    classes = {c for n in names for c in n.classes}
    index = SearchIndex(names, data.labels(backend, classes))
    current_app.extensions["spacekg.search"] = ((id(backend), build), index)
    return index


@bp.route("/search")
def search() -> Response | str:
    """Results as a page, or as JSON for a client that prefers it (used by scripts)."""
    query = printable(request.args.get("q", "")[:MAX_QUERY])
    class_iri = printable(request.args.get("class", "")) or None
    index = load_index()
    groups = index.search(query, class_iri=class_iri) if (query.strip() or class_iri) else []
    if choose((HTML, JSON), names={"json": JSON, "html": HTML}) == JSON:
        return jsonify(
            query=query,
            groups=[
                {
                    "class": g.class_iri,
                    "label": g.class_label,
                    "results": [
                        {"iri": h.iri, "label": h.label, "matched": h.matched, "href": h.href}
                        for h in g.hits
                    ],
                }
                for g in groups
            ],
        )
    class_label = index.class_label(class_iri) if class_iri else None
    return render_template(
        "search.html",
        query=query,
        groups=groups,
        total=sum(len(g.hits) for g in groups),
        class_iri=class_iri,
        class_label=class_label,
    )
