"""The ontology at its namespace IRI, for people and machines, and the JSON-LD context.

``https://w3id.org/china-space-kg/ontology#Cooperation`` is requested as ``/ontology``
(the fragment stays in the client): browsers get the pyLODE documentation, RDF clients
the Turtle, JSON-LD, RDF/XML or N-Triples they ask for, with ``Vary: Accept``. The files
were written by the build (``graph.dump``); without dumps (a deployment with a remote
store) they are made once from the ontology folder and kept in memory.
"""

from __future__ import annotations

import io

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, request
from rdflib import Graph

from graph import dump
from graph.errors import StoreError
from graph.export_jsonld import Context, write_jsonld
from graph.vocab import PREFIXES
from server.context import get_settings
from server.dumps import FORMAT_PARAM, RDF_TYPES, dumps_folder
from server.errors import NotAcceptable, NotFound
from server.negotiation import HTML, choose

bp = Blueprint("ontology_docs", __name__)

EXTENSIONS = {
    "html": "text/html",
    "ttl": "text/turtle",
    "jsonld": "application/ld+json",
    "rdf": "application/rdf+xml",
    "nt": "application/n-triples",
}
_CACHE = "spacekg.ontology_docs"


def _from_ontology_dir() -> dict[str, bytes]:
    """Turtle, JSON-LD, HTML and context made from ONTOLOGY_DIR, once per app."""
    cached = current_app.extensions.get(_CACHE)
    if cached is not None:
        return cached
    settings = get_settings()
    folder = settings.ontology
    files = settings.paths.ontology_files()
    graph = Graph()
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)
    try:
        for path in files:
            graph.parse(path, format="turtle")
        context_bytes = (folder / dump.CONTEXT_FILE).read_bytes()
    except (OSError, SyntaxError) as exc:
        raise NotFound(f"the ontology cannot be read from {folder}: {exc}") from None
    triples = ox.parse(graph.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)
    ordered = sorted(triples, key=lambda t: (str(t.subject), str(t.predicate)))
    jsonld = io.BytesIO()
    write_jsonld([(ox.DefaultGraph(), ordered)], jsonld,
                 Context.load(folder / dump.CONTEXT_FILE))
    cached = {
        "ttl": graph.serialize(format="turtle", encoding="utf-8"),
        "jsonld": jsonld.getvalue(),
        "html": dump.ontology_html(graph).encode(),
        "context": context_bytes,
    }
    current_app.extensions[_CACHE] = cached
    return cached


def _read(kind: str) -> bytes:
    """``kind`` is ttl, jsonld, html or context."""
    try:
        folder = dumps_folder()
    except StoreError:
        return _from_ontology_dir()[kind]
    name = dump.CONTEXT_FILE if kind == "context" else f"ontology.{kind}"
    return (folder / name).read_bytes()


def _respond(body: bytes, media: str, *, vary: bool) -> Response:
    text = media.startswith("text/") or media.endswith("xml") or media.endswith("triples")
    content_type = f"{media}; charset=utf-8" if text else media
    response = Response(body, content_type=content_type)
    response.add_etag()
    response.cache_control.max_age = 3600
    if vary:
        response.headers["Vary"] = "Accept"
    return response.make_conditional(request)


def _ontology_as(media: str, *, vary: bool) -> Response:
    if media == "text/html":
        return _respond(_read("html"), media, vary=vary)
    if media == "application/ld+json":
        return _respond(_read("jsonld"), media, vary=vary)
    turtle = _read("ttl")
    if media == "text/turtle":
        return _respond(turtle, media, vary=vary)
    triples = ox.parse(turtle, format=ox.RdfFormat.TURTLE)
    return _respond(ox.serialize(triples, format=RDF_TYPES[media]), media, vary=vary)


@bp.route("/ontology")
def ontology() -> Response:
    """HTML for browsers, RDF for clients that ask for it."""
    media = choose([HTML, *RDF_TYPES], names={**FORMAT_PARAM, "html": HTML})
    if media is None:
        raise NotAcceptable("the ontology is available as " + ", ".join(EXTENSIONS.values()))
    return _ontology_as(media, vary=True)


@bp.route("/ontology.<ext>")
def ontology_file(ext: str) -> Response:
    if ext not in EXTENSIONS:
        raise NotFound(f"no ontology file .{ext}; try " + ", ".join(EXTENSIONS))
    return _ontology_as(EXTENSIONS[ext], vary=False)


@bp.route("/context.jsonld")
def context() -> Response:
    """The JSON-LD context the JSON-LD dumps use (stable URL; CORS open for processors)."""
    return _respond(_read("context"), "application/ld+json", vary=False)
