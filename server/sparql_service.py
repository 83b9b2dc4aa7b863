"""The SPARQL 1.1 Service Description answered by ``GET /sparql`` without a query.

Tools discover the endpoint's formats and dataset from it; people who open the URL in
a browser are sent to the query editor instead.
"""

from __future__ import annotations

import pyoxigraph as ox
from flask import Response, redirect, request, url_for

from server.backend import get_backend
from server.context import get_settings
from server.http_cache import etag_for, etag_matches
from server.negotiation import HTML, choose
from server.sparql_formats import ALL_FORMATS, RDF_FORMATS

SD = "http://www.w3.org/ns/sparql-service-description#"
# W3C format IRIs (https://www.w3.org/ns/formats/) of what the endpoint writes.
_FORMAT_IRIS = {
    "json": "SPARQL_Results_JSON",
    "xml": "SPARQL_Results_XML",
    "csv": "SPARQL_Results_CSV",
    "tsv": "SPARQL_Results_TSV",
    "turtle": "Turtle",
    "ntriples": "N-Triples",
    "jsonld": "JSON-LD",
    "rdfxml": "RDF_XML",
    "nquads": "N-Quads",
    "trig": "TriG",
}


def _named_graphs() -> list[str]:
    try:
        query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { } } ORDER BY ?g"
        results = get_backend().results(query)
        return [row["g"].value for row in results if isinstance(row["g"], ox.NamedNode)]
    except Exception:  # the description must render even when the store misbehaves
        return []


def describe_service(endpoint: str, void_url: str) -> str:
    """The description as Turtle: endpoint, language, formats, features, dataset."""
    build = getattr(get_backend(), "build", None)
    formats = ", ".join(
        f"<http://www.w3.org/ns/formats/{_FORMAT_IRIS[f.key]}>" for f in ALL_FORMATS
    )
    graphs = "".join(
        f"        sd:namedGraph [ a sd:NamedGraph ; sd:name <{g}> ] ;\n" for g in _named_graphs()
    )
    triples = f"            void:triples {build.triples} ;\n" if build else ""
    return f"""@prefix sd: <{SD}> .
@prefix void: <http://rdfs.org/ns/void#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .

<{endpoint}> a sd:Service ;
    sd:endpoint <{endpoint}> ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:resultFormat {formats} ;
    sd:defaultEntailmentRegime <http://www.w3.org/ns/entailment/Simple> ;
    rdfs:comment "Read-only. The default graph is the merge of all named graphs (a set: a \
triple stated by several documents is in it once) unless default-graph-uri is given. \
SERVICE and SPARQL Update are refused." ;
    rdfs:seeAlso <{void_url}> ;
    sd:defaultDataset [
        a sd:Dataset, void:Dataset ;
        rdfs:seeAlso <{void_url}> ;
        void:sparqlEndpoint <{endpoint}> ;
{graphs}        sd:defaultGraph [
            a sd:Graph ;
{triples}        ]
    ] .
"""


def service_description() -> Response:
    """The description in the negotiated RDF syntax; browsers go to ``/editor``."""
    offers = [f.media_type for f in RDF_FORMATS] + [HTML]
    # Turtle for a client that accepts none of them: describing the service is harmless.
    best = choose(offers, use_format_param=False) or "text/turtle"
    if best == HTML:
        return redirect("/editor", code=303)
    fmt = next(f for f in RDF_FORMATS if f.media_type == best)
    build = getattr(get_backend(), "build", None)
    etag = etag_for(build.build_id, "sd", fmt.key) if build else None
    if etag and etag_matches(request.headers.get("If-None-Match"), etag):
        response = Response(status=304)
    else:
        endpoint = url_for("sparql.sparql", _external=True)
        void_url = request.host_url.rstrip("/") + "/.well-known/void"
        turtle = describe_service(endpoint, void_url)
        try:
            body = ox.serialize(
                ox.parse(turtle, ox.RdfFormat.TURTLE),
                format=getattr(ox.RdfFormat, fmt.oxigraph),
                prefixes={"sd": SD, "void": "http://rdfs.org/ns/void#"},
            )
        except (SyntaxError, ValueError) as exc:
            raise RuntimeError(f"cannot write the service description: {exc}") from exc
        response = Response(body, content_type=fmt.content_type)
    response.headers["Vary"] = "Accept"
    if etag:
        response.headers["ETag"] = etag
        response.headers["Cache-Control"] = f"public, max-age={get_settings().cache_max_age}"
    return response
