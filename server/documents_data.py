"""Source documents for their reading pages: metadata from the graph, the text from the
corpus folder, and the evidence passages the build took from it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from graph.corpus import read_manifest
from graph.errors import CorpusError
from server import resources_data as data
from server.backend import Backend
from server.resources_data import Link
from server.resources_links import DOCUMENT_BASE, href

DOC_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
CORPUS_IRI = "https://w3id.org/china-space-kg/corpus/"
CSK = "https://w3id.org/china-space-kg/ontology#"
DCT = "http://purl.org/dc/terms/"


@dataclass
class DocumentInfo:
    id: str
    iri: str
    title: str
    publisher: str = ""
    issued: str = ""
    kind: str = ""
    file: str = ""
    url: str | None = None
    note: str | None = None
    language: str = ""
    alternate_of: Link | None = None
    copies: list[Link] = field(default_factory=list)
    fact_count: int = 0

    @property
    def href(self) -> str:
        return href(self.iri)


@dataclass(frozen=True)
class Passage:
    """One evidence span in a document and the facts it supports."""

    start: int
    end: int
    exact: str
    facts: tuple[Link, ...]


def list_documents(backend: Backend) -> list[DocumentInfo]:
    """Every source document in the graph, oldest first."""
    rows = data.run(backend, "SELECT ?doc WHERE { ?doc a csk:SourceDocument }")
    docs = [document_info(backend, row["doc"].value) for row in rows]
    return sorted((d for d in docs if d is not None), key=lambda d: (d.issued, d.title))


def document_info(backend: Backend, iri: str) -> DocumentInfo | None:
    """The graph's description of one document; None when it has none."""
    if not iri.startswith(DOCUMENT_BASE):
        return None
    values: dict[str, list[ox.NamedNode | ox.Literal]] = {}
    for row in data.run(backend, "SELECT ?doc ?p ?o WHERE { ?doc ?p ?o }", doc=ox.NamedNode(iri)):
        values.setdefault(row["p"].value, []).append(row["o"])
    if CSK + "SourceDocument" not in {v.value for v in values.get(_RDF_TYPE, [])}:
        return None

    def first(p: str) -> str:
        found = sorted(v.value for v in values.get(p, []))
        return found[0] if found else ""

    copies = [
        row["x"].value
        for row in data.run(
            backend, "SELECT ?doc ?x WHERE { ?x prov:alternateOf ?doc }", doc=ox.NamedNode(iri)
        )
    ]
    original = first("http://www.w3.org/ns/prov#alternateOf")
    names = data.labels(backend, [*copies, original] if original else copies)
    count = data.run(
        backend,
        # Facts only: an entity discovered in the document is derived from it too.
        "SELECT ?doc (COUNT(DISTINCT ?f) AS ?n) WHERE {"
        " ?f prov:wasDerivedFrom ?doc ; a/rdfs:subClassOf csk:Fact }"
        " GROUP BY ?doc",
        doc=ox.NamedNode(iri),
    )
    source = first(DCT + "source")
    return DocumentInfo(
        id=iri[len(DOCUMENT_BASE) :],
        iri=iri,
        title=first(DCT + "title") or first("http://www.w3.org/2000/01/rdf-schema#label"),
        publisher=first(DCT + "publisher"),
        issued=first(DCT + "issued"),
        kind=first(CSK + "documentKind"),
        file=source[len(CORPUS_IRI) :] if source.startswith(CORPUS_IRI) else "",
        url=first(DCT + "identifier") or None,
        note=first("http://www.w3.org/2000/01/rdf-schema#comment") or None,
        language=first(DCT + "language"),
        alternate_of=Link(original, names[original]) if original else None,
        copies=[Link(c, names[c]) for c in sorted(copies)],
        fact_count=sum(int(row["n"].value) for row in count),
    )


_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def passages(backend: Backend, iri: str) -> list[Passage]:
    """Every evidence span whose source is the document, in text order."""
    body = """
    SELECT DISTINCT ?doc ?start ?end ?exact ?fact WHERE {
      ?ev oa:hasSource ?doc ; oa:hasSelector ?q, ?pos .
      ?q oa:exact ?exact .
      ?pos oa:start ?start ; oa:end ?end .
      ?fact csk:evidence ?ev .
    }"""
    grouped: dict[tuple[int, int, str], set[str]] = {}
    for row in data.run(backend, body, doc=ox.NamedNode(iri)):
        key = (int(row["start"].value), int(row["end"].value), row["exact"].value)
        grouped.setdefault(key, set()).add(row["fact"].value)
    names = data.labels(backend, {f for fs in grouped.values() for f in fs})
    return [
        Passage(start, end, exact, tuple(sorted((Link(f, names[f]) for f in fs), key=_by_label)))
        for (start, end, exact), fs in sorted(grouped.items())
    ]


def _by_label(link: Link) -> str:
    return link.label.casefold()


def read_text(corpus_dir: Path, info: DocumentInfo) -> str:
    """The document's file as it stands, found through the corpus manifest (or the
    graph's ``dcterms:source`` when the manifest no longer lists it).

    :raises CorpusError: the file cannot be found or read.
    """
    name = info.file
    try:
        for meta in read_manifest(corpus_dir):
            if meta.id == info.id:
                name = meta.file
    except CorpusError:
        if not name:
            raise
    if not name:
        raise CorpusError(f"no file is recorded for document {info.id}")
    path = (corpus_dir / name).resolve()
    if corpus_dir.resolve() not in path.parents:
        raise CorpusError(f"{name}: not inside the corpus folder")
    try:
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise CorpusError(f"{path}: the file is not on this server") from None
    except UnicodeDecodeError:
        raise CorpusError(f"{path}: not UTF-8 text") from None
