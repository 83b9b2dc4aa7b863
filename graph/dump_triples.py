"""The triple-format dumps (N-Triples, Turtle, RDF/XML of the merge) from kept pieces.

The merge holds each triple once, where it is first met walking the graphs in order
(``graph.export.merged_triples``). Writing it used to parse every quad into the engine's
terms, digest each triple's text, count it for VoID, and serialise the whole merge three
times: about 4 s of an add-one build at 1,000 documents, to change a few hundred lines.
Here the merge is made from each graph's N-Quads lines as bytes (a line without its
graph's name is the triple's N-Triples line), counted from those lines, and the Turtle
and RDF/XML are written from pieces: both formats write a header, then one block per run
of triples with the same subject, then a footer, so a stretch of the merge serialised
alone is the same text as inside the whole, as long as the triples on either side of a
cut have different subjects. Stretches are cut between graphs where that holds, and each
stretch's Turtle and RDF/XML are kept (``FragmentCache``) under a digest of its lines.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import groupby
from typing import IO

import pyoxigraph as ox

from graph import dump_members
from graph.dump_fragments import FragmentCache, digest
from graph.vocab import PREFIXES
from graph.void import EXAMPLE_CLASSES, RDF_TYPE, Stats

_PREFIX_KEY = repr(sorted(PREFIXES.items()))
_TYPE = f"<{RDF_TYPE}>".encode()
_EXAMPLES = frozenset(c.encode() for c in EXAMPLE_CLASSES)
PIECED = {"ttl": ox.RdfFormat.TURTLE, "rdfxml": ox.RdfFormat.RDF_XML}


def _subject(line: bytes) -> bytes:
    return line[: line.index(b" ")]


@dataclass
class GraphWalked:
    """What walking one graph added to the merge, kept so that the next build can add it
    again without reading the graph's lines one by one: the graph's N-Quads key
    (``graph.dump_fragments.stored_nquads``), its triples' digests in order, the places
    of those an earlier graph already held, and its share of the VoID counts."""

    graph: str
    source: str
    digests: bytes  # 16 bytes a triple
    dropped: tuple[int, ...]  # places of triples met in an earlier graph
    subjects: bytes  # 16-byte digests of the subjects first met here
    entities: int
    properties: Counter[bytes]
    classes: Counter[bytes]
    examples: dict[str, str]


def chunks(data: bytes) -> list[bytes]:
    return [data[i : i + 16] for i in range(0, len(data), 16)]


@dataclass
class MergeLines:
    """The merge of graphs given one after another as N-Quads, as N-Triples lines, with
    the VoID counts of what it kept (``stats``, whose ``graphs`` it fills too).

    ``previous``: what the previous build's walk added graph by graph (``walked``). A
    graph whose N-Quads are the same as there, after graphs that are all the same as
    there, adds the same lines and counts, which are then taken from it rather than
    digested and split again line by line: an article added at the end of the documents
    leaves 1,000 graphs of 1,005 so."""

    stats: Stats
    uri_space: str
    previous: list[GraphWalked] = field(default_factory=list)
    walked: list[GraphWalked] = field(default_factory=list)
    _written: set[bytes] = field(default_factory=set)  # 16-byte digests of triples
    _subjects: set[bytes] = field(default_factory=set)
    _properties: Counter[bytes] = field(default_factory=Counter)
    _classes: Counter[bytes] = field(default_factory=Counter)

    def first_met(
        self, graph: ox.NamedNode | ox.BlankNode, nquads: bytes, source: str | None = None
    ) -> list[bytes]:
        """The triples of ``graph`` (its N-Quads as the store writes them; ``source``:
        their key, if known) not met in an earlier graph, as N-Triples lines in the order
        given. Worked a graph at a time (its name taken off every line at once, the
        digests and counts made by comprehensions): a call per line took two seconds at
        1,000 documents."""
        if nquads and not nquads.endswith(b"\n"):
            nquads += b"\n"
        # only a line's end can be " <graph> .\n": a literal's newline is escaped
        body = nquads.replace(f" {graph} .\n".encode(), b" .\n")
        triples = [t for t in body.split(b"\n") if t]
        at = len(self.walked)
        before = self.previous[at] if at < len(self.previous) else None
        if (
            before is not None
            and source is not None
            and before.graph == str(graph)
            and before.source == source
            and len(before.digests) == 16 * len(triples)
        ):
            walked = before
            dropped = set(walked.dropped)
            kept = [t for i, t in enumerate(triples) if i not in dropped]
        else:
            self.previous = []  # a graph changed: those after it are walked afresh
            blake2b, written = hashlib.blake2b, self._written
            keys = [blake2b(t, digest_size=16).digest() for t in triples]
            # a graph holds each triple once: only earlier graphs' triples are met again
            flags = [key in written for key in keys]
            kept = [t for t, met in zip(triples, flags, strict=True) if not met]
            walked = self._counted(str(graph), source or "", b"".join(keys), kept)
            walked.dropped = tuple(i for i, met in enumerate(flags) if met)
        self._add(walked)
        self.stats.graphs[graph.value] = len(triples)
        return [t + b"\n" for t in kept]

    def written_none_of(self, digests: list[bytes]) -> bool:
        """Whether no earlier graph holds any of these triples (16-byte digests)."""
        return self._written.isdisjoint(digests)

    def met_before(self, digests: list[bytes]) -> list[bool]:
        """Whether an earlier graph holds each of these triples."""
        written = self._written
        return [d in written for d in digests]

    @property
    def known_subjects(self) -> set[bytes]:
        """The 16-byte digests of the subjects met so far."""
        return self._subjects

    def add_walked(self, walked: GraphWalked, quads: int) -> None:
        """A graph's share walked elsewhere (``graph.dump_range_walk``), after which the
        graphs are walked afresh, as after any graph not walked as before."""
        self.previous = []
        self._add(walked)
        self.stats.graphs[walked.graph] = quads

    def _counted(self, graph: str, source: str, keys: bytes, triples: list[bytes]) -> GraphWalked:
        """The VoID counts of triples of the merge first met in ``graph`` (N-Triples
        lines without their newline)."""
        parts = [t[:-2].split(b" ", 2) for t in triples]
        entity = f"<{self.uri_space}".encode()
        known, new, entities = self._subjects, {}, 0
        for subject, _run in groupby(p[0] for p in parts):  # a graph's come subject by subject
            key = hashlib.blake2b(subject, digest_size=16).digest()
            if key not in known and key not in new:
                new[key] = None
                entities += subject.startswith(entity)
        classes: Counter[bytes] = Counter()
        examples: dict[str, str] = {}
        for subject, _predicate, obj in (p for p in parts if p[1] == _TYPE):
            if not obj.startswith(b"<"):
                continue
            classes[obj] += 1
            if obj[1:-1] in _EXAMPLES and subject.startswith(b"<"):
                cls, iri = obj[1:-1].decode(), subject[1:-1].decode()
                known_iri = examples.get(cls)
                if known_iri is None or iri < known_iri:
                    examples[cls] = iri
        return GraphWalked(
            graph=graph,
            source=source,
            digests=keys,
            dropped=(),
            subjects=b"".join(new),
            entities=entities,
            properties=Counter(p[1] for p in parts),
            classes=classes,
            examples=examples,
        )

    def _add(self, walked: GraphWalked) -> None:
        """Add one graph's share to the merge's digests and counts."""
        self.walked.append(walked)
        self._written.update(chunks(walked.digests))
        subjects = chunks(walked.subjects)
        self._subjects.update(subjects)
        stats = self.stats
        stats.triples += len(walked.digests) // 16 - len(walked.dropped)
        stats.subjects += len(subjects)
        stats.entities += walked.entities
        self._properties.update(walked.properties)
        self._classes.update(walked.classes)
        for cls, iri in walked.examples.items():
            known = stats.examples.get(cls)
            if known is None or iri < known:
                stats.examples[cls] = iri

    def finish(self) -> Stats:
        """The counts, with properties and classes named as the engine's terms name them."""
        for predicate, n in self._properties.items():
            self.stats.properties[predicate[1:-1].decode()] += n
        for cls, n in self._classes.items():
            self.stats.classes[cls[1:-1].decode()] += n
        self.stats.quads = sum(self.stats.graphs.values())
        return self.stats


def split_serialised(text: bytes, fmt: ox.RdfFormat) -> tuple[bytes, bytes, bytes]:
    """(header, blocks, footer) of a stretch serialised alone."""
    if fmt == ox.RdfFormat.TURTLE:
        at = 0
        while text.startswith(b"@prefix ", at):
            at = text.index(b"\n", at) + 1
        return text[:at], text[at:], b""
    head = text.index(b"\n", text.index(b"<rdf:RDF")) + 1
    foot = text.rindex(b"</rdf:RDF>")
    return text[:head], text[head:foot], text[foot:]


class PiecedWriter:
    """Writes the merge's N-Triples, Turtle and RDF/XML to ``outputs`` (format name ->
    open file), from stretches of lines given graph by graph (``add``), then ``finish``."""

    def __init__(self, outputs: dict[str, IO[bytes]], cache: FragmentCache) -> None:
        self.outputs, self.cache = outputs, cache
        self._stretch: list[bytes] = []
        self._heads: dict[str, bytes] = {}
        self._feet: dict[str, bytes] = {}

    def add(self, lines: list[bytes]) -> None:
        """The next graph's lines of the merge: N-Triples at once, the other formats when
        the stretch is cut (the subject changes between this graph and the last)."""
        if not lines:
            return
        _piece(self.outputs["nt"], b"".join(lines))
        if self._stretch and _subject(self._stretch[-1]) != _subject(lines[0]):
            self._write_stretch()
        self._stretch += lines

    def add_serialised(
        self,
        ntriples: bytes,
        texts: dict[str, tuple[bytes, bytes, bytes]],
        *,
        key: str = "",
    ) -> None:
        """The next graph's lines of the merge (all of them one text) with their Turtle
        and RDF/XML already made (format -> header, blocks, footer: ``graph.dump_ranges``),
        a stretch of its own unless it goes on with the subject the stretch before ends
        with. ``key``: the range piece's key, which names these texts."""
        if not ntriples:
            return
        if self._stretch and _subject(self._stretch[-1]) == _subject(ntriples):
            self.add(ntriples.splitlines(keepends=True))
            return
        group = dump_members.RANGE_GROUP
        _piece(self.outputs["nt"], ntriples, group, key and f"{key}/nt")
        if self._stretch:
            self._write_stretch()
        for name, (head, blocks, foot) in texts.items():
            if name not in self._heads:
                self._heads[name] = head
                self.outputs[name].write(head)
            self._feet[name] = foot
            _piece(self.outputs[name], blocks, group, key and f"{key}/{name}")

    def _write_stretch(self) -> None:
        data = b"".join(self._stretch)
        self._stretch = []
        source = digest("stretch", data)  # taken once for both formats
        for name, fmt in PIECED.items():
            key = digest(f"merged-{name}", _PREFIX_KEY, source)
            text = self.cache.get(key, _serialiser(data, fmt))
            head, blocks, foot = split_serialised(text, fmt)
            if name not in self._heads:
                self._heads[name] = head
                self.outputs[name].write(head)
            self._feet[name] = foot
            _piece(self.outputs[name], blocks, key=f"{key}/blocks")

    def finish(self) -> None:
        if self._stretch:
            self._write_stretch()
        for name, fmt in PIECED.items():
            if name in self._heads:
                self.outputs[name].write(self._feet[name])
            else:  # nothing at all: what the engine writes for no triples
                self.outputs[name].write(_serialiser(b"", fmt)())


def _piece(out: IO[bytes], data: bytes, group: int | None = None, key: str | None = None) -> None:
    """Write a text kept from build to build: its own gzip member where ``out`` makes
    them (``graph.dump_members``; ``key``: a key naming the text), else as any text."""
    piece = getattr(out, "piece", None)
    if piece is None:
        out.write(data)
    else:
        piece(data, group, key or None)


def _serialiser(data: bytes, fmt: ox.RdfFormat) -> Callable[[], bytes]:
    def make() -> bytes:
        triples = ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
        return ox.serialize(triples, format=fmt, prefixes=PREFIXES)

    return make
