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
class MergeLines:
    """The merge of graphs given one after another as N-Quads, as N-Triples lines, with
    the VoID counts of what it kept (``stats``, whose ``graphs`` it fills too)."""

    stats: Stats
    uri_space: str
    _written: set[bytes] = field(default_factory=set)  # 16-byte digests of triples
    _subjects: set[bytes] = field(default_factory=set)
    _last_subject: bytes = b""  # the subject counted last, so not digested again
    _properties: Counter[bytes] = field(default_factory=Counter)
    _classes: Counter[bytes] = field(default_factory=Counter)

    def first_met(self, graph: ox.NamedNode | ox.BlankNode, nquads: bytes) -> list[bytes]:
        """The triples of ``graph`` (its N-Quads as the store writes them) not met in an
        earlier graph, as N-Triples lines in the order given. Worked a graph at a time
        (its name taken off every line at once, the digests and counts made by
        comprehensions): a call per line took two seconds at 1,000 documents."""
        if nquads and not nquads.endswith(b"\n"):
            nquads += b"\n"
        # only a line's end can be " <graph> .\n": a literal's newline is escaped
        body = nquads.replace(f" {graph} .\n".encode(), b" .\n")
        triples = [t for t in body.split(b"\n") if t]
        blake2b, written = hashlib.blake2b, self._written
        keys = [blake2b(t, digest_size=16).digest() for t in triples]
        # a graph holds each triple once: only earlier graphs' triples are met again
        kept = [t for t, key in zip(triples, keys, strict=True) if key not in written]
        written.update(keys)
        self._count(kept)
        self.stats.graphs[graph.value] = len(triples)
        return [t + b"\n" for t in kept]

    def _count(self, triples: list[bytes]) -> None:
        """Count triples of the merge (N-Triples lines without their newline) for VoID."""
        stats = self.stats
        stats.triples += len(triples)
        parts = [t[:-2].split(b" ", 2) for t in triples]
        entity = f"<{self.uri_space}".encode()
        for subject, _run in groupby(p[0] for p in parts):  # a graph's come subject by subject
            if subject == self._last_subject:
                continue
            self._last_subject = subject
            key = hashlib.blake2b(subject, digest_size=16).digest()
            if key not in self._subjects:
                self._subjects.add(key)
                stats.subjects += 1
                if subject.startswith(entity):
                    stats.entities += 1
        self._properties.update(p[1] for p in parts)
        for subject, _predicate, obj in (p for p in parts if p[1] == _TYPE):
            if not obj.startswith(b"<"):
                continue
            self._classes[obj] += 1
            if obj[1:-1] in _EXAMPLES and subject.startswith(b"<"):
                cls, iri = obj[1:-1].decode(), subject[1:-1].decode()
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


def _split(text: bytes, fmt: ox.RdfFormat) -> tuple[bytes, bytes, bytes]:
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
        self.outputs["nt"].write(b"".join(lines))
        if self._stretch and _subject(self._stretch[-1]) != _subject(lines[0]):
            self._write_stretch()
        self._stretch += lines

    def _write_stretch(self) -> None:
        data = b"".join(self._stretch)
        self._stretch = []
        source = digest("stretch", data)  # taken once for both formats
        for name, fmt in PIECED.items():
            text = self.cache.get(
                digest(f"merged-{name}", _PREFIX_KEY, source), _serialiser(data, fmt)
            )
            head, blocks, foot = _split(text, fmt)
            if name not in self._heads:
                self._heads[name] = head
                self.outputs[name].write(head)
            self._feet[name] = foot
            self.outputs[name].write(blocks)

    def finish(self) -> None:
        if self._stretch:
            self._write_stretch()
        for name, fmt in PIECED.items():
            if name in self._heads:
                self.outputs[name].write(self._feet[name])
            else:  # nothing at all: what the engine writes for no triples
                self.outputs[name].write(_serialiser(b"", fmt)())


def _serialiser(data: bytes, fmt: ox.RdfFormat) -> Callable[[], bytes]:
    def make() -> bytes:
        triples = ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
        return ox.serialize(triples, format=fmt, prefixes=PREFIXES)

    return make
