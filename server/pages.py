"""The home page, the query editor, the pictures' JSON, and what every page shares:
template helpers."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response, current_app, jsonify, render_template, request

from graph.errors import QueryError
from graph.vocab import PREFIXES
from server import pictures
from server import pictures_data as pd
from server import resources_data as data
from server.backend import get_backend
from server.context import get_saved_queries
from server.documents_data import list_documents
from server.pages_queries import open_in_editor, query_links
from server.request_text import printable
from server.resources_links import curie, href
from server.resources_view import ResourceView

bp = Blueprint("pages", __name__)

EXAMPLE_QUERY = """PREFIX csk: <https://w3id.org/china-space-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

# Which partners cooperated with China on which mission, in which area?
SELECT ?partnerName ?missionName ?areaName WHERE {
  ?cooperation a csk:Cooperation ;
      csk:partner/rdfs:label ?partnerName ;
      csk:area/rdfs:label ?areaName .
  OPTIONAL { ?cooperation csk:mission/rdfs:label ?missionName }
}
ORDER BY ?missionName ?partnerName
"""
MAX_SHARED_QUERY = 20_000


@bp.app_template_filter("href")
def href_filter(iri: str) -> str:
    return href(iri)


@bp.app_template_filter("initial_capital")
def initial_capital(text: str) -> str:
    """"source document" -> "Source document" (the rest left as written: "TT&C")."""
    return text[:1].upper() + text[1:]


@bp.app_template_filter("curie")
def curie_filter(iri: str) -> str:
    return curie(iri)


@bp.app_template_global("resource_pictures")
def resource_pictures(view: ResourceView) -> pictures.Pictures:
    """The pictures of a resource page, asked for by its template."""
    return pictures.resource_pictures(get_backend(), view)


@bp.app_context_processor
def site() -> dict[str, object]:
    backend = current_app.extensions.get("spacekg.backend")
    return {
        "endpoint_url": request.url_root + "sparql",
        "build": getattr(backend, "build", None),
    }


@bp.route("/")
def home() -> str:
    backend = get_backend()
    counts = [
        (row["class"].value, int(row["n"].value))
        for row in data.run(
            backend,
            """SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {
                 ?s a ?class FILTER(STRSTARTS(STR(?class), STR(csk:)))
               } GROUP BY ?class""",
        )
    ]
    names = data.labels(backend, [c for c, _ in counts])
    classes = sorted(((c, names[c], n) for c, n in counts), key=lambda t: (-t[2], t[1]))
    return render_template(
        "home.html",
        classes=classes,
        documents=list_documents(backend),
        queries=query_links(get_saved_queries()),
        pictures=pictures.home_pictures(backend),
    )


@bp.route("/pictures/timeline.json")
def timeline_json() -> Response:
    """Every fact placed in time, or those that mention ``?about=<IRI>``."""
    about = pictures.about_iri(request.args.get("about"))
    return jsonify([i.as_json() for i in pd.timeline(get_backend(), about)])


@bp.route("/pictures/network.json")
def network_json() -> Response:
    """The partner network, or the neighbourhood of ``?about=<IRI>``."""
    about = pictures.about_iri(request.args.get("about"))
    return jsonify(pictures.network_json(get_backend(), about))


@bp.route("/pictures/countries.json")
def countries_json() -> Response:
    """The partner countries with their facts counted, as the world map shades them."""
    return jsonify([c.as_json() for c in pd.partner_countries(get_backend())])


@bp.route("/pictures/iso-codes.json")
def iso_codes_json() -> Response:
    """ISO 3166-1 alpha-2 -> numeric code and name, for the editor's map view."""
    response = jsonify(pd.iso_codes())
    response.cache_control.max_age = 86400
    return response


@bp.route("/editor/prefixes.json")
def editor_prefixes() -> Response:
    """The namespaces of this graph, for the editor's prefix completion (in place of the
    list of common prefixes bundled with it)."""
    return jsonify(PREFIXES)


@bp.route("/editor")
def editor() -> str:
    """The SPARQL editor, opened on a shared query (``?query=``), a saved query
    (``?saved=<name>``) or an example."""
    folder = get_saved_queries()
    shared = printable(request.args.get("query", "")[:MAX_SHARED_QUERY], keep="\n\r\t")
    saved_name = request.args.get("saved", "")
    saved, problem, text = None, None, shared or EXAMPLE_QUERY
    if saved_name and not shared:
        try:
            saved, text = open_in_editor(folder, saved_name, request.args)
        except QueryError as exc:
            problem = str(exc)
    vendor = Path(current_app.static_folder or "") / "vendor" / "yasgui" / "yasgui.min.js"
    return render_template(
        "editor.html",
        query_text=text,
        queries=query_links(folder),
        saved=saved,
        problem=problem,
        assets_installed=vendor.is_file(),
    )
