"""The union's triples as N-Quads text, read once, for what validation counts and compares.

A rebuild decides what to validate again from digests: each document graph's (whether
its per-document results are still good) and each subject's in the union (which nodes
the whole-graph shapes must see again). Computing them from rdflib terms meant making
an rdflib union of the corpus (a quarter of a million ``add`` calls and a third of a
gigabyte at 1,000 documents) and writing every term as N3 again. The build has already
serialised its dataset once, to N-Quads (``pipeline.make_dataset``); the digests are read
from those lines as text, and the union's triples are kept per subject as the N3
strings of the lines, which is enough to find the changed nodes' neighbourhood.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import BNode, Dataset, URIRef
from rdflib.term import Node

_MASK = (1 << 256) - 1


@dataclass
class QuadLines:
    """What validation needs of a dataset's N-Quads lines (terms in N3, as rdflib writes)."""

    graph_digests: dict[str, str] = field(default_factory=dict)  # graph -> digest
    by_subject: dict[str, set[tuple[str, str]]] = field(default_factory=dict)  # the union
    # subjects of the graphs asked for when reading (the ontology's)
    graph_subjects: dict[str, set[str]] = field(default_factory=dict)

    def get(self, subject: str, default: frozenset = frozenset()) -> set[tuple[str, str]]:
        """The (predicate, object) pairs of ``subject`` in the union."""
        return self.by_subject.get(subject, default)  # type: ignore[return-value]

    def pointing_at(self, objects: set[str], predicate: str | None = None) -> set[str]:
        """Subjects of the union's triples whose object is one of ``objects`` (and whose
        predicate is ``predicate``, if given): one pass over the union, a set lookup per
        triple, rather than an index of every node's incoming triples."""
        return {
            s
            for s, outgoing in self.by_subject.items()
            for p, o in outgoing
            if o in objects and (predicate is None or p == predicate)
        }


def split_line(line: str) -> tuple[str, str, str, str] | None:
    """(subject, predicate, object, graph) of one N-Quads line as rdflib writes it
    (``"s p o g .\\n"``, the graph empty for the default graph); ``None`` for a blank
    line. Subjects and predicates hold no space; a literal object may."""
    body = line.rstrip("\n")
    if not body:
        return None
    body = body.removesuffix(" .")
    spo, graph = body.rsplit(" ", 1)
    subject, predicate, obj = spo.split(" ", 2)
    return subject, predicate, obj, graph


def read(
    lines: Iterable[str],
    *,
    keep_subjects_of: Iterable[str] = (),
    digests: Mapping[str, str] | None = None,
) -> QuadLines:
    """Digest each graph's lines and gather the union per subject; ``keep_subjects_of``:
    graphs whose subjects are remembered. A graph's digest is the sum of its lines'
    SHA-256 digests (modulo 2**256): the same whatever order rdflib wrote them in,
    without holding them all to sort. ``digests``: the graphs' digests, known already
    (``lines_digest``): the lines are then not digested (validation reads those of the
    document graphs only; digesting every line of the union took a third of a second
    at 1,000 documents)."""
    sums: dict[str, int] = {}
    by_subject: dict[str, set[tuple[str, str]]] = {}
    kept: dict[str, set[str]] = {g: set() for g in keep_subjects_of}
    # ``split_line`` inlined, the sums masked once at the end: a call less per line
    intern, sha256, from_bytes = sys.intern, hashlib.sha256, int.from_bytes
    digesting = digests is None
    for line in lines:
        body = line.rstrip("\n")
        if not body:
            continue
        spo, graph = body.removesuffix(" .").rsplit(" ", 1)
        subject, predicate, obj = spo.split(" ", 2)
        if digesting:
            sums[graph] = sums.get(graph, 0) + from_bytes(sha256(line.encode()).digest(), "big")
        # one string per subject, predicate and node: the lines repeat them
        subject = intern(subject)
        if obj[0] == "<" or obj[:2] == "_:":
            obj = intern(obj)
        outgoing = by_subject.get(subject)
        if outgoing is None:
            outgoing = by_subject[subject] = set()
        outgoing.add((intern(predicate), obj))
        if graph in kept:
            kept[graph].add(subject)
    if digests is None:
        digests = {graph: f"{total & _MASK:064x}" for graph, total in sums.items()}
    return QuadLines(dict(digests), by_subject, kept)


def lines_digest(data: bytes) -> str:
    """The digest ``read`` gives a graph whose lines (each ending in a newline) are
    ``data``: known from a graph's lines alone, before the build's file is read."""
    sha256, from_bytes = hashlib.sha256, int.from_bytes
    total = sum(
        from_bytes(sha256(line + b"\n").digest(), "big") for line in data.split(b"\n") if line
    )
    return f"{total & _MASK:064x}"


def read_file(
    path: Path, *, keep_subjects_of: Iterable[str] = (), digests: Mapping[str, str] | None = None
) -> QuadLines:
    with path.open(encoding="utf-8") as f:
        return read(f, keep_subjects_of=keep_subjects_of, digests=digests)


def read_dataset(dataset: Dataset, *, keep_subjects_of: Iterable[str] = ()) -> QuadLines:
    """The same, for a dataset not yet serialised (tests, the benchmark)."""
    text = dataset.serialize(format="nquads", encoding="utf-8").decode("utf-8")
    return read(text.splitlines(keepends=True), keep_subjects_of=keep_subjects_of)


def term(n3: str) -> Node:
    """The rdflib node of a subject written in N3 (an IRI or a blank node)."""
    if n3.startswith("_:"):
        return BNode(n3[2:])
    return URIRef(n3[1:-1])


def focus_of(n3: str) -> str:
    """A subject's N3 as a report names its focus node (``str`` of the node)."""
    return n3[2:] if n3.startswith("_:") else n3[1:-1]
