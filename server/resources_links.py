"""How IRIs of the graph become links on this server, and back.

The graph's IRIs are canonical (``https://w3id.org/china-space-kg/...``) whatever host
serves them; the pages link to the same path on the host that is answering, so a copy of
the server on a laptop links to itself and never to the public address.
"""

from __future__ import annotations

from graph.vocab import BASE, ID, PREFIXES

ID_BASE = str(ID)
ONTOLOGY_BASE = BASE + "ontology"
DOCUMENT_BASE = ID_BASE + "document/"


def iri_for_path(rest: str) -> str:
    """The canonical IRI of the request path ``/id/<rest>``."""
    return ID_BASE + rest


def local_path(iri: str) -> str | None:
    """The path under which this server answers for ``iri``, or None for outside IRIs."""
    if iri.startswith(ID_BASE):
        return "/id/" + iri[len(ID_BASE) :]
    if iri.startswith(ONTOLOGY_BASE):
        return "/ontology" + iri[len(ONTOLOGY_BASE) :]
    return None


def document_id(iri: str) -> str | None:
    """``.../id/document/<id>`` -> ``<id>``; None for any other IRI."""
    if iri.startswith(DOCUMENT_BASE):
        rest = iri[len(DOCUMENT_BASE) :]
        return rest if rest and "/" not in rest and "#" not in rest else None
    return None


def href(iri: str) -> str:
    """Where a link to ``iri`` should point for a person: documents open as their
    reading page, other resources of the graph on this host, the rest as they are."""
    doc = document_id(iri)
    if doc is not None:
        return f"/documents/{doc}"
    return local_path(iri) or iri


def evidence_href(doc_iri: str, start: int, end: int) -> str:
    """The passage ``start``-``end`` in its document's reading page."""
    return f"{href(doc_iri)}#{evidence_anchor(start, end)}"


def evidence_anchor(start: int, end: int) -> str:
    return f"evidence-{start}-{end}"


def curie(iri: str) -> str:
    """``csk:partner`` for a known namespace, else the IRI itself."""
    best = ""
    best_prefix = ""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(ns) > len(best):
            best, best_prefix = ns, prefix
    if best and iri != best:
        return f"{best_prefix}:{iri[len(best) :]}"
    return iri


def local_name(iri: str) -> str:
    """The last segment of an IRI, for a label of last resort."""
    for sep in ("#", "/"):
        if sep in iri.rstrip(sep):
            return iri.rstrip(sep).rsplit(sep, 1)[1]
    return iri
