"""Dereferenceable IRIs: ``https://w3id.org/china-space-kg/id/...`` answered at ``/id/...``
on whatever host serves the app, as a page for people and as RDF for programs."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, g, redirect, render_template, request

from graph.export_jsonld import Context
from server import resources_data as data
from server.backend import get_backend
from server.context import get_settings
from server.errors import NotAcceptable, NotFound
from server.negotiation import HTML, TEXT
from server.request_text import printable, search_guess
from server.resources_conneg import (
    RDF_REPRESENTATIONS,
    Representation,
    link_header,
    negotiate,
    serialize,
    split_suffix,
)
from server.resources_links import document_id, iri_for_path
from server.resources_view import build_view

bp = Blueprint("resources", __name__)


@bp.route("/id/<path:rest>")
def resource(rest: str) -> Response:
    """One resource in the representation asked for by suffix or ``Accept``."""
    stem, by_suffix = split_suffix(rest)
    iri = iri_for_path(stem)
    path = f"/id/{stem}"
    rep = by_suffix or negotiate(request.accept_mimetypes)
    g.error_media = TEXT if rep is not None and not rep.is_html else HTML
    if rep is None:
        raise not_acceptable(path, iri)
    backend = get_backend()
    if not data.exists(backend, iri):
        raise not_found(iri, stem)
    if rep.is_html:
        doc = document_id(iri)
        if doc is not None:
            response = redirect(f"/documents/{doc}", code=303)
        else:
            view = build_view(backend, iri)
            response = Response(render_template("resource.html", view=view, path=path))
    else:
        response = rdf_response(iri, rep)
    return with_alternates(response, path, iri)


def rdf_response(iri: str, rep: Representation) -> Response:
    """The description of ``iri`` serialized as ``rep``."""
    body = serialize(data.describe(get_backend(), iri), rep, jsonld_context())
    return Response(body, content_type=f"{rep.media_type}; charset=utf-8")


def jsonld_context() -> Context | None:
    """``ontology/context.jsonld``, read once per app; None (full IRIs) when unusable."""
    if "spacekg.jsonld_context" not in current_app.extensions:
        path = get_settings().ontology / "context.jsonld"
        try:
            context: Context | None = Context.load(path)
        except (OSError, ValueError, KeyError, TypeError):
            context = None
        current_app.extensions["spacekg.jsonld_context"] = context
    return current_app.extensions["spacekg.jsonld_context"]


def with_alternates(response: Response, path: str, iri: str) -> Response:
    """Caches must key on ``Accept``; clients learn the other representations."""
    response.vary.add("Accept")
    response.headers["Link"] = link_header(path, iri)
    return response


def not_acceptable(path: str, iri: str) -> NotAcceptable:
    offered = ", ".join(["text/html"] + [r.media_type for r in RDF_REPRESENTATIONS])
    return NotAcceptable(
        f"{iri} is available as {offered}", headers={"Link": link_header(path, iri)}
    )


def not_found(iri: str, stem: str) -> NotFound:
    """People get a page offering a search for what the path names."""
    return NotFound(f"the graph says nothing about {printable(iri)}", search=search_guess(stem))
