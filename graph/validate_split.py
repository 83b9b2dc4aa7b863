"""Validation in two parts: each document's graph on its own, then what needs the whole.

A shape whose targets are all nodes a single document owns (the document itself, its
evidence and their selectors: IRIs minted from the document's id, described only in
its named graph) gives the same results on that graph alone as on the union, and its
SPARQL constraints then scan one document's evidence instead of the corpus's (pySHACL
runs them once per document; on the union that grows with the square of the corpus).
Those shapes run per document, and their results are kept in a ``ValidationCache``
under a digest of the document's graph and the shapes, so an unchanged document is not
validated again. Every other shape (facts, which several documents may state, entities,
concepts) runs once on the union, as ``validate.validate_graph`` runs them all.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import PROV
from rdflib.term import Node

from graph import lines_graph, validate_lines
from graph.extraction_cache import unpickled
from graph.keyed_files import KeyedFiles
from graph.lines_dataset import LinesDataset
from graph.model import Document
from graph.union_delta import UnionDelta
from graph.validate import Report, Violation, _order, run_pyshacl
from graph.validate_lines import QuadLines
from graph.validate_parallel import validate_graphs
from graph.validate_whole import WholeGraphValidation
from graph.vocab import CSK, OA, ONTOLOGY_GRAPH, SH, document_graph, document_iri

CACHE_DIR = "validation-cache"  # under the store root, beside builds/
FORMAT = 2  # of a document's key and entry: its N-Quads lines, its file, quotes checked
# classes (and objects of properties) whose nodes belong to one document's graph
LOCAL_CLASSES = frozenset(
    {CSK.SourceDocument, OA.SpecificResource, OA.TextQuoteSelector, OA.TextPositionSelector}
)
LOCAL_OBJECTS_OF = frozenset({CSK.evidence})
# properties that lead from a document to another one (a copy to its original), whose
# class is stated in the other document's graph
CROSS_DOCUMENT_PATHS = frozenset({PROV.alternateOf})
_TARGETS = (SH.targetClass, SH.targetNode, SH.targetObjectsOf, SH.targetSubjectsOf, SH.target)


@dataclass(frozen=True)
class ShapeSplit:
    """The shapes with targets, by where they can run."""

    per_document: tuple[str, ...]
    whole_graph: tuple[str, ...]


def split_shapes(shapes: Graph) -> ShapeSplit:
    """Per-document shapes: every target is a local class or the objects of a local
    property, and the path does not lead to another document. Shapes without targets
    (used through ``sh:node``) run where their users do."""
    local, whole = [], []
    for shape in sorted({s for t in _TARGETS for s in shapes.subjects(t, None)}):
        targets = [(t, o) for t in _TARGETS for o in shapes.objects(shape, t)]
        is_local = (
            all(
                (t == SH.targetClass and o in LOCAL_CLASSES)
                or (t == SH.targetObjectsOf and o in LOCAL_OBJECTS_OF)
                for t, o in targets
            )
            and not set(shapes.objects(shape, SH.path)) & CROSS_DOCUMENT_PATHS
        )
        (local if is_local else whole).append(str(shape))
    return ShapeSplit(tuple(local), tuple(whole))


def run_shapes(data: Graph, shapes: Graph, use: Sequence[str]) -> tuple[bool, Graph]:
    """pySHACL with the project's options, starting only from the shapes ``use`` names."""
    if not use:
        return True, Graph()
    return run_pyshacl(data, shapes, use)


def file_key(path: Path) -> str:
    """A cache key for shapes read from one file: the digest of its bytes. Equal bytes
    parse to equal shapes; canonicalising the parsed graph (for its blank nodes, new on
    every parse) took a second of every build."""
    return "file:" + hashlib.sha256(path.read_bytes()).hexdigest()


def graph_digest(triples: Iterable[tuple[Node, Node, Node]]) -> str:
    """Order-free digest of a graph without blank nodes (a document's graph has none)."""
    lines = sorted(f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o in triples)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def document_graphs(documents: Iterable[Document]) -> list[URIRef]:
    """The named graphs of the documents, in corpus order."""
    return [URIRef(document_graph(d.id)) for d in documents]


class ValidationCache:
    """Per-document validation results (a tuple of ``Violation``), one pickle each under
    ``<store root>/validation-cache``; ``enabled=False`` reads nothing (a full build) but
    still writes. Without a root nothing is kept."""

    def __init__(self, root: Path | None, *, enabled: bool = True) -> None:
        self.folder = None if root is None else root / CACHE_DIR
        self.enabled = enabled
        self._files = (
            None if self.folder is None else KeyedFiles(self.folder, ".pickle", enabled=enabled)
        )
        self.validated = 0  # documents validated (not found in the cache) by this build
        self.whole_union = False  # whether the whole-graph shapes read a union of all

    def get(self, key: str) -> tuple[Violation, ...] | None:
        if self._files is None:
            return None
        found = unpickled(self._files.read(key))
        return found if isinstance(found, tuple) else None

    def put(self, key: str, violations: tuple[Violation, ...]) -> None:
        if self._files is not None:
            self._files.write(key, pickle.dumps(violations, protocol=pickle.HIGHEST_PROTOCOL))

    def prune(self) -> int:
        """Drop the results this build did not ask for (``KeyedFiles.prune``)."""
        return 0 if self._files is None else self._files.prune()


def validate_dataset(
    dataset: Dataset | LinesDataset,
    shapes: Graph,
    document_graphs: Sequence[URIRef],
    *,
    cache: ValidationCache | None = None,
    workers: int | None = None,
    lines: QuadLines | Callable[[], QuadLines] | None = None,
    texts: Mapping[str, str] | None = None,
    shapes_key: str | None = None,
    delta: UnionDelta | None = None,
    graph_digests: Mapping[str, str] | None = None,
) -> Report:
    """The same report as ``validate_graph(dataset, shapes)``, made per document where
    a shape allows it (cached) and on the union for the rest. Documents not in the cache
    are validated by ``workers`` processes (default: one fewer than cores) while this one
    validates the union. ``lines``: the dataset read as N-Quads (``graph.validate_lines``),
    when the caller has them. ``texts`` (document IRI -> file text): each document's
    quotes are also checked against its file (``graph.evidence_check``), with its shapes
    and cached with them. ``shapes_key``: what names the shapes in the cache keys, when
    the caller has it (``file_key``); else the digest of their canonical graph.
    ``delta``: the union as sorted lines and what changed since the previous build
    (``graph.union_delta``), with which the whole-graph shapes need not read the union
    whole; ``lines`` may then be a function reading it, called only if they must, and
    ``graph_digests`` the document graphs' digests (``validate_lines.lines_digest``).

    The W3C report graph holds the whole-graph results as pySHACL wrote them and the
    per-document results in the flat form of ``Report.extended``.
    """
    cache = cache or ValidationCache(None)
    shapes = _copy(shapes)  # pySHACL adds to the shapes it is given: the caller's stay as read
    whole_part = WholeGraphValidation(cache.folder, enabled=cache.enabled)
    split = split_shapes(shapes)
    if lines is None:
        lines = validate_lines.read_dataset(dataset, keep_subjects_of=[ONTOLOGY_GRAPH.n3()])
    if graph_digests is None:
        if callable(lines):
            lines = lines()
        graph_digests = lines.graph_digests
    # canonical blank-node labels: the shapes' own are new on every parse
    if shapes_key is None:
        shapes_key = graph_digest(to_canonical_graph(shapes))
    found: list[tuple[Violation, ...] | None] = []
    keys, missing, quoted_in = [], [], []
    for name in document_graphs:
        graph_key = graph_digests.get(name.n3(), "")
        document = _document_of(name)
        text = None if texts is None else texts.get(document)
        quoted = "-" if text is None else hashlib.sha256(text.encode("utf-8")).hexdigest()
        key = hashlib.sha256(f"{FORMAT}:{shapes_key}:{graph_key}:{quoted}".encode()).hexdigest()
        keys.append(key)
        found.append(cache.get(key))
        if found[-1] is None:
            missing.append(_triples_of(dataset, name))
            if texts is None:
                quoted_in.append(None)
            else:  # no text: each quote is reported as impossible to check
                quoted_in.append({} if text is None else {document: text})

    def whole_graph() -> Report:
        return whole_part.validate(
            lines,
            dataset,
            shapes,
            split.whole_graph,
            key=f"{shapes_key}:{':'.join(split.whole_graph)}",
            union=lambda predicates=None: _union(dataset, predicates),
            delta=delta,
        )

    fresh, whole = validate_graphs(
        missing,
        shapes,
        split.per_document,
        alongside=whole_graph,
        workers=workers,
        texts=quoted_in,
    )
    cache.whole_union = whole_part.revalidated is None
    made = iter(fresh)
    local: list[Violation] = []
    for i, key in enumerate(keys):
        if found[i] is None:
            found[i] = next(made)
            cache.put(key, found[i])
            cache.validated += 1
        local += found[i] or ()
    return whole.extended(sorted(local, key=_order))


def _document_of(graph_name: URIRef) -> str:
    """The IRI of the document a document graph describes."""
    return document_iri(str(graph_name).removeprefix(document_graph("")))


def _triples_of(dataset: Dataset | LinesDataset, name: URIRef) -> list | bytes:
    """The dataset's graph ``name``: its lines, parsed by whichever process validates it
    (``graph.validate_parallel``), or its triples."""
    if isinstance(dataset, LinesDataset):
        return dataset.lines.get(name.n3(), b"")
    return list(dataset.graph(name))


def _union(dataset: Dataset | LinesDataset, predicates: Set[URIRef] | None = None) -> Graph:
    """All triples of the dataset in one graph, read graph by graph (rdflib's
    ``Dataset.quads`` works out every triple's graphs, which costs more than the rest);
    ``predicates``: only the triples of those (``graph.validate_reads``)."""
    if isinstance(dataset, LinesDataset):
        wanted = None if predicates is None else {p.n3().encode("utf-8") for p in predicates}
        return lines_graph.union(dataset.lines.values(), wanted)
    union = Graph()
    for graph in dataset.graphs():
        for triple in graph:
            if predicates is None or triple[1] in predicates:
                union.add(triple)
    return union


def _copy(graph: Graph) -> Graph:
    copy = Graph()
    for prefix, ns in graph.namespaces():
        copy.bind(prefix, ns)
    for triple in graph:
        copy.add(triple)
    return copy
