"""Content negotiation for resource descriptions: which representation a client asked
for (``Accept`` or an explicit file suffix), and writing triples in it."""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox
from werkzeug.datastructures import MIMEAccept

from graph.export_jsonld import Context, write_jsonld
from graph.vocab import ID, PREFIXES
from server.negotiation import choose

# Resource IRIs have slashes in their keys ("country/sweden"), which Turtle would have to
# escape in a prefixed name: they read better written in full.
_PREFIXES = {p: ns for p, ns in PREFIXES.items() if ns != str(ID)}


@dataclass(frozen=True)
class Representation:
    name: str
    media_type: str
    suffix: str | None
    rdf_format: ox.RdfFormat | None  # None: the HTML page

    @property
    def is_html(self) -> bool:
        return self.rdf_format is None


HTML = Representation("HTML", "text/html", None, None)
TURTLE = Representation("Turtle", "text/turtle", "ttl", ox.RdfFormat.TURTLE)
NTRIPLES = Representation("N-Triples", "application/n-triples", "nt", ox.RdfFormat.N_TRIPLES)
JSONLD = Representation("JSON-LD", "application/ld+json", "jsonld", ox.RdfFormat.JSON_LD)
RDFXML = Representation("RDF/XML", "application/rdf+xml", "rdf", ox.RdfFormat.RDF_XML)

RDF_REPRESENTATIONS: tuple[Representation, ...] = (TURTLE, NTRIPLES, JSONLD, RDFXML)

# Media types a client may send, in the order preferred when it accepts several equally
# (a bare "*/*" gets HTML, as browsers and curl users expect a page).
_ACCEPTED: tuple[tuple[str, Representation], ...] = (
    ("text/html", HTML),
    ("application/xhtml+xml", HTML),
    ("text/turtle", TURTLE),
    ("application/x-turtle", TURTLE),
    ("application/n-triples", NTRIPLES),
    ("text/plain", NTRIPLES),
    ("application/ld+json", JSONLD),
    ("application/json", JSONLD),
    ("application/rdf+xml", RDFXML),
    ("application/xml", RDFXML),
)


def split_suffix(rest: str) -> tuple[str, Representation | None]:
    """``country/sweden.ttl`` -> (``country/sweden``, Turtle); no known suffix -> (rest, None).

    IRI keys are slugs without dots, so a known suffix is never part of a key.
    """
    stem, dot, suffix = rest.rpartition(".")
    if dot:
        for rep in RDF_REPRESENTATIONS:
            if rep.suffix == suffix and stem:
                return stem, rep
    return rest, None


def negotiate(accept: MIMEAccept) -> Representation | None:
    """The best representation for an ``Accept`` header; None when nothing offered fits."""
    best = choose([media for media, _ in _ACCEPTED], accept=accept, use_format_param=False)
    return None if best is None else dict(_ACCEPTED)[best]


def link_header(path: str, canonical: str) -> str:
    """``Link`` header naming the canonical IRI and every alternate representation."""
    links = [f'<{canonical}>; rel="canonical"', f'<{path}>; rel="alternate"; type="text/html"']
    links += [
        f'<{path}.{rep.suffix}>; rel="alternate"; type="{rep.media_type}"'
        for rep in RDF_REPRESENTATIONS
    ]
    return ", ".join(links)


def serialize(
    triples: Iterable[ox.Triple], rep: Representation, context: Context | None = None
) -> bytes:
    """Write triples in an RDF representation, with the project's prefixes where the
    format has them; JSON-LD is compacted against ``context`` when there is one (the
    same context as the dumps, inlined so the answer reads offline)."""
    assert rep.rdf_format is not None, "HTML is rendered by a template"
    unique = sorted(set(triples), key=str)
    if rep is JSONLD and context is not None:
        out = io.BytesIO()
        quads = (ox.Quad(t.subject, t.predicate, t.object) for t in unique)
        write_jsonld([(ox.DefaultGraph(), quads)], out, context)
        return out.getvalue()
    if rep.rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML, ox.RdfFormat.JSON_LD):
        return ox.serialize(unique, format=rep.rdf_format, prefixes=_PREFIXES)
    return ox.serialize(unique, format=rep.rdf_format)
