"""Each graph of a build as N-Quads lines, a document's kept from build to build.

An add-one build at 1,000 documents spent about 14 s making the rdflib dataset of every
document and serialising it, to change one document's graph. A document's graph depends
only on the document, the facts its evidence supports (each with all it says, status
included) and the entities they and its evidence name, so its lines are kept in a
``QuadsCache`` under a digest of exactly those (and of the code that writes them): a
build writes the graphs of documents whose inputs changed and reads the rest. The lines
are those rdflib writes for the dataset (``_nq_row``, per graph), so the store, the build
id and every digest read from them are those of serialising the whole dataset.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

import rdflib
from rdflib import Graph, URIRef
from rdflib.plugins.serializers.nquads import _nq_row

from graph import families, rdf
from graph.keyed_files import KeyedFiles
from graph.model import Document, Entity, Extraction, Fact
from graph.vocab import ONTOLOGY_GRAPH, QUERIES_GRAPH, REFERENCE_GRAPH, document_graph

CACHE_DIR = "quads-cache"  # under the store root, beside builds/
FORMAT = 1  # bump when what a document's lines hold changes shape
# the code that decides a document's lines: changing it writes every graph again
_WRITERS = ("rdf.py", "vocab.py", "model.py", "families")


def graph_lines(graph: Graph) -> bytes:
    """A graph's lines as ``Dataset.serialize(format="nquads")`` writes them."""
    name = graph.identifier
    return "".join(_nq_row(t, name) for t in graph).encode("utf-8", "replace")


@cache
def writer_version() -> str:
    """Digest of the modules that write a document's triples, and of rdflib's version."""
    package = Path(__file__).resolve().parent
    h = hashlib.sha256(f"format {FORMAT} rdflib {rdflib.__version__}".encode())
    for name in _WRITERS:
        path = package / name
        for source in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            h.update(source.relative_to(package).as_posix().encode())
            h.update(source.read_bytes())
    return h.hexdigest()


class QuadsCache:
    """A document graph's lines by key, one file each under ``<store root>/quads-cache``;
    ``enabled=False`` reads nothing (a full build) but still writes."""

    def __init__(self, folder: Path, *, enabled: bool = True) -> None:
        self.folder, self.enabled = folder, enabled
        self._files = KeyedFiles(folder, ".nq", enabled=enabled)
        self.written = 0  # graphs this build wrote afresh

    def get(self, key: str) -> bytes | None:
        return self._files.read(key)

    def put(self, key: str, data: bytes) -> None:
        self._files.write(key, data)

    def prune(self) -> int:
        """Drop the lines of graphs this build did not ask for (``KeyedFiles.prune``)."""
        return self._files.prune()


def _per_document(extraction: Extraction) -> tuple[dict[str, list[Fact]], dict[str, list[Entity]]]:
    """The facts and the entities with evidence in each document, in extraction order
    (the order ``rdf.build_dataset`` adds them in)."""
    facts: dict[str, list[Fact]] = defaultdict(list)
    named: dict[str, list[Entity]] = defaultdict(list)
    for fact in extraction.facts:
        for doc_id in {ev.doc_id for ev in fact.evidence}:
            facts[doc_id].append(fact)
    for entity in extraction.entities:
        for doc_id in {ev.doc_id for ev in entity.evidence}:
            named[doc_id].append(entity)
    return facts, named


def document_key(
    document: Document,
    facts: list[Fact],
    named: list[Entity],
    entities: Mapping[str, Entity],
    spelled: dict[int, bytes] | None = None,
) -> str:
    """What a document's graph is made of: its manifest entry and length, its facts and
    named entities (their ``repr``: every field, evidence included) and the entities its
    facts refer to. ``spelled``: each object's ``repr`` (by ``id``) made for the keys of
    other documents of the same extraction: a fact several documents state, and an entity
    nearly every document refers to (China), is spelled once, not once a document."""
    memo: dict[int, bytes] = {} if spelled is None else spelled

    def spell(thing: object) -> bytes:
        found = memo.get(id(thing))
        if found is None:
            found = memo[id(thing)] = repr(thing).encode("utf-8")
        return found

    referenced = sorted({k for f in facts for k in families.of(f).referenced(f)})
    h = hashlib.sha256(writer_version().encode())
    for data in (
        repr(document.meta).encode("utf-8"),
        str(len(document.text)).encode("utf-8"),
        *(spell(f) for f in facts),
        b"--",
        *(spell(e) for e in named),
        b"--",
        *(spell(entities.get(k)) for k in referenced),
    ):
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def document_lines(
    document: Document,
    facts: Iterable[Fact],
    named: Iterable[Entity],
    entities: Mapping[str, Entity],
) -> bytes:
    """A document's graph as ``rdf.build_dataset`` makes it, as lines."""
    graph = Graph(identifier=URIRef(document_graph(document.id)))
    rdf.add_document(graph, document)
    described: set[tuple[str, int, int, str]] = set()  # passages described once
    for fact in facts:
        rdf.add_fact(graph, fact, entities, document.id, described=described)
    for entity in named:
        rdf.add_entity_evidence(graph, entity, document.id, described=described)
    return graph_lines(graph)


def documents_lines(
    documents: Iterable[Document], extraction: Extraction, cache: QuadsCache
) -> dict[str, bytes]:
    """Each document graph's lines (by the graph's N3), from ``cache`` when its inputs
    are unchanged, else written and kept."""
    entities = {e.key: e for e in extraction.entities}
    facts, named = _per_document(extraction)
    out: dict[str, bytes] = {}
    spelled: dict[int, bytes] = {}  # each fact's and entity's repr, made once
    for document in documents:
        own, names = facts.get(document.id, []), named.get(document.id, [])
        key = document_key(document, own, names, entities, spelled)
        data = cache.get(key)
        if data is None:
            data = document_lines(document, own, names, entities)
            cache.put(key, data)
            cache.written += 1
        out[URIRef(document_graph(document.id)).n3()] = data
    return out


def keep_documents(
    documents: Iterable[Document],
    extraction: Extraction,
    graphs: Mapping[str, bytes],
    cache: QuadsCache,
) -> None:
    """Keep the lines of document graphs written from an rdflib dataset (a full build),
    so the next build reads them."""
    entities = {e.key: e for e in extraction.entities}
    facts, named = _per_document(extraction)
    spelled: dict[int, bytes] = {}
    for document in documents:
        own, names = facts.get(document.id, []), named.get(document.id, [])
        data = graphs.get(URIRef(document_graph(document.id)).n3(), b"")
        cache.put(document_key(document, own, names, entities, spelled), data)
        cache.written += 1


def ontology_key(ontology_files: Iterable[Path]) -> str:
    """What the ontology graph's lines are made of: its Turtle files (names and bytes)
    and the code that writes them (``writer_version``: rdflib's, and ``rdf.py``)."""
    h = hashlib.sha256(f"ontology {writer_version()}".encode())
    for path in ontology_files:
        for part in (path.name.encode(), path.read_bytes()):
            h.update(len(part).to_bytes(8, "big"))
            h.update(part)
    return h.hexdigest()


def shared_graphs(
    extraction: Extraction,
    ontology_files: Iterable[Path],
    queries: Iterable[tuple],
    *,
    cache: QuadsCache | None = None,
) -> dict[str, bytes]:
    """The lines of the graphs every document shares: the entities (reference), the
    ontology and the saved queries, made as ``rdf.build_dataset`` and the build make them.
    ``cache``: where the ontology's lines are kept under ``ontology_key``, since parsing
    and canonicalising its Turtle took a tenth of a second of every build, for lines that
    change only with its files."""
    files = list(ontology_files)
    key = ontology_key(files) if cache is not None else ""
    kept = cache.get(key) if cache is not None else None
    dataset = rdf.new_dataset()
    reference = dataset.graph(REFERENCE_GRAPH)
    for entity in extraction.entities:
        rdf.add_entity(reference, entity)
    ontology = dataset.graph(ONTOLOGY_GRAPH)
    if kept is None:
        rdf.add_ontology(ontology, files)
    published = dataset.graph(QUERIES_GRAPH)
    for triple in queries:
        published.add(triple)
    lines = {}
    for graph in dataset.graphs():  # in the order of a dataset made whole
        if graph.identifier == ONTOLOGY_GRAPH and kept is not None:
            if kept:
                lines[graph.identifier.n3()] = kept
        elif len(graph):
            lines[graph.identifier.n3()] = graph_lines(graph)
    if cache is not None and kept is None:
        cache.put(key, lines.get(ONTOLOGY_GRAPH.n3(), b""))
    return lines
