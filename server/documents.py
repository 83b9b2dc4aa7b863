"""Reading pages for the source documents: metadata, then the full text with every
evidence passage marked and linked to the facts it supports."""

from __future__ import annotations

from flask import Blueprint, Response, g, render_template, request

from graph.errors import CorpusError
from server import documents_data as docs
from server.backend import get_backend
from server.context import get_settings
from server.documents_text import FactRef, Span, highlight
from server.negotiation import HTML, TEXT
from server.resources import not_acceptable, not_found, rdf_response, with_alternates
from server.resources_conneg import negotiate, split_suffix
from server.resources_links import DOCUMENT_BASE

bp = Blueprint("documents", __name__)


@bp.route("/documents/")
def index() -> str:
    return render_template("documents.html", documents=docs.list_documents(get_backend()))


@bp.route("/documents/<doc_id>")
def document(doc_id: str) -> Response:
    """The document's page; its RDF description for clients that ask for RDF."""
    stem, by_suffix = split_suffix(doc_id)
    iri = DOCUMENT_BASE + stem
    path = f"/id/document/{stem}"
    rep = by_suffix or negotiate(request.accept_mimetypes)
    g.error_media = TEXT if rep is not None and not rep.is_html else HTML
    if rep is None:
        raise not_acceptable(path, iri)
    backend = get_backend()
    info = docs.document_info(backend, iri) if docs.DOC_ID.match(stem) else None
    if info is None:
        raise not_found(iri, stem)
    if not rep.is_html:
        return with_alternates(rdf_response(iri, rep), path, iri)

    passages = docs.passages(backend, iri)
    try:
        text = docs.read_text(get_settings().corpus, info)
        problem = None
    except CorpusError as exc:
        text, problem = "", str(exc)
    matching = [p for p in passages if text[p.start : p.end] == p.exact]
    stale = [p for p in passages if p not in matching] if text else []
    refs = _number_facts(matching)
    numbers = {ref.iri: ref.number for ref in refs}
    spans = [Span(p.start, p.end, tuple(numbers[f.iri] for f in p.facts)) for p in matching]
    body = render_template(
        "document.html",
        info=info,
        text=highlight(text, spans, {r.number: r for r in refs}) if text else None,
        problem=problem,
        facts=refs,
        passages={
            r.number: [p for p in matching if r.iri in {f.iri for f in p.facts}] for r in refs
        },
        stale=stale,
    )
    return with_alternates(Response(body), path, iri)


def _number_facts(passages: list[docs.Passage]) -> list[FactRef]:
    """Facts numbered in the order the document first states them."""
    refs: dict[str, FactRef] = {}
    for p in passages:
        for fact in p.facts:
            if fact.iri not in refs:
                refs[fact.iri] = FactRef(len(refs) + 1, fact.iri, fact.label, fact.href)
    return list(refs.values())
