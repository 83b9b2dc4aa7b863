"""The summaries graph's dump pieces by ranges of its subjects, kept from build to build.

The summaries graph is two fifths of a build's lines (184,091 of 425,581 at 1,000
documents), and some of its counts change on every build, so its pieces as one graph
(``graph.dump_fragments``) were made again each time: read back from the store and
written in five formats, about 3.2 CPU s of the dumps' worker, which is the end of an
add-one build. Here its subjects are cut into 4,096 ranges of the store's order
(``graph.store_order``: the same bytes as the whole graph, since each format writes a
graph subject by subject), and each range's text in every format is one piece, kept under
a digest of the build's lines of that range, which the build process holds: a build
reads from the store and writes again only the ranges whose lines changed (344 of 4,096
when one article is added to 1,000 documents, for 359 subjects changed), and reads
nothing else back. A graph with a blank-node subject or an escaped IRI is written whole.
"""

from __future__ import annotations

import pickle
import struct
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate, groupby

import numpy as np
import pyoxigraph as ox

from graph.dump_fragments import FragmentCache, digest
from graph.dump_range_walk import RangeWalk, range_walk
from graph.dump_triples import split_serialised
from graph.export_jsonld import Context, node_texts
from graph.lines_dataset import LinesDataset
from graph.store_order import store_keys
from graph.vocab import GRAPH, PREFIXES

RANGE_BITS = 12  # 4,096 ranges
_FORMAT = 1  # bump when a range's piece changes shape
_PREFIX_KEY = repr(sorted(PREFIXES.items()))
SUMMARIES = str(GRAPH["summaries"])  # graph.summaries.SUMMARIES_GRAPH


def ranged_lines(dataset: object) -> dict[str, bytes]:
    """The graphs a build's dumps write by ranges (graph IRI -> the build's lines of it):
    the summaries graph, when the build holds its lines."""
    if not isinstance(dataset, LinesDataset):
        return {}
    lines = dataset.lines.get(f"<{SUMMARIES}>")
    return {SUMMARIES: lines} if lines else {}


@dataclass
class Range:
    subjects: list[bytes]  # IRIs in the store's order
    key: str


def ranges_of(graph: str, lines: bytes) -> list[Range] | None:
    """The graph's subjects by range, in the store's order, each range keyed by its
    lines; ``None`` if a subject is not a plain IRI (the store's key is not its text).
    Sorted, a subject's lines lie together, so the work per line is the engine's."""
    every_iri = lines.startswith(b"<") and lines.count(b"\n<") == lines.count(b"\n") - 1
    if not every_iri or lines.startswith(b"<<") or b"\n<<" in lines:
        return None  # a blank node or a quoted triple as a subject
    parts = sorted(lines.splitlines(keepends=True))
    counts = Counter(line[1 : line.find(b"> ")] for line in parts)  # in sorted order
    subjects = list(counts)
    if any(b"\\" in s for s in subjects):
        return None
    bounds = list(accumulate(counts.values(), initial=0))  # each subject's lines
    high, low = store_keys(subjects)
    order = np.lexsort((low, high)).tolist()
    of_range = (high >> np.uint64(64 - RANGE_BITS)).tolist()
    ranges = []
    for _range, members in groupby(order, key=of_range.__getitem__):
        at = list(members)
        block = b"".join(line for i in at for line in parts[bounds[i] : bounds[i + 1]])
        ranges.append(Range([subjects[i] for i in at], digest("range", str(_FORMAT), graph, block)))
    return ranges


# a range's piece: its N-Quads; its TriG (prefixes, graph's opening line, body, closing);
# its nodes' JSON-LD; its triples' N-Triples and share of the merge walk (pickled); their
# Turtle and RDF/XML (header, blocks, footer)
_PARTS = ("nq", "trig_head", "trig_open", "trig", "trig_close", "jsonld", "nt", "walk")
_TRIPLE_PARTS = ("ttl", "rdfxml")
_COUNT = len(_PARTS) + 3 * len(_TRIPLE_PARTS)


def _pack(parts: list[bytes]) -> bytes:
    return struct.pack(f">{len(parts)}Q", *map(len, parts)) + b"".join(parts)


def _unpack(data: bytes) -> list[bytes]:
    sizes = struct.unpack_from(f">{_COUNT}Q", data)
    at, parts = 8 * _COUNT, []
    for size in sizes:
        parts.append(data[at : at + size])
        at += size
    return parts


def _made(graph: ox.NamedNode, quads: list[ox.Quad], context: Context, uri_space: str) -> bytes:
    """A range's piece from its quads in the store's order."""
    nquads = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    trig = ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
    at = 0
    while trig.startswith(b"@prefix ", at):
        at = trig.index(b"\n", at) + 1
    opened = trig.index(b"\n", at) + 1
    if not trig.endswith(b"}\n"):
        raise ValueError("the engine's TriG block of a graph did not end with '}'")
    # as MergeLines.first_met takes the graph's name off its lines
    ntriples = nquads.replace(f" {graph} .\n".encode(), b" .\n")
    walk = range_walk(ntriples, uri_space)
    parts = [
        nquads,
        trig[:at],
        trig[at:opened],
        trig[opened:-2],
        b"}\n",
        node_texts(quads, context),
        ntriples,
        pickle.dumps(walk, protocol=pickle.HIGHEST_PROTOCOL),
    ]
    parts += (trig[:at], turtle_of_block(trig[opened:-2]), b"")
    text = ox.serialize([q.triple for q in quads], format=ox.RdfFormat.RDF_XML, prefixes=PREFIXES)
    parts += split_serialised(text, ox.RdfFormat.RDF_XML)
    return _pack(parts)


def turtle_of_block(block: bytes) -> bytes:
    """The engine's Turtle of a graph's triples (without its prefixes) from its TriG
    block, the lines between ``{`` and ``}``: one writer writes both, the block's lines
    a tab further in, and a literal's newline or tab is escaped, so a raw newline only
    ends a line. Serialising each range's triples again as Turtle was a quarter of the
    engine's time making a range (0.9 of 3.6 s, profiled, in a cold build at 1,000
    documents); ``test_dump_ranges`` checks every range of a real build's summaries."""
    return block.replace(b"\n\t", b"\n").removeprefix(b"\t")


# a graph is read whole when more than this share of its ranges is made: reading the
# subjects of 746 ranges of 4,077 one by one (an add-one build at 1,000 documents) took
# 0.32 CPU s, of 2,000 ranges 0.6 s, and reading the graph whole 1.3 s
WHOLE_ABOVE = 0.75


def _missing(cache: FragmentCache, keys: list[str]) -> int:
    return sum(not cache.has(key) for key in keys)


class _Reader:
    """Subjects' quads from the store in its order: subject by subject, or the graph read
    once when nearly every range is made (a first build makes all of them)."""

    def __init__(self, store: ox.Store, graph: ox.NamedNode, *, whole: bool) -> None:
        self.store, self.graph = store, graph
        self.by_subject: dict[bytes, list[ox.Quad]] | None = None
        if whole:
            quads = store.quads_for_pattern(None, None, None, graph)
            self.by_subject = {
                s.value.encode("utf-8"): list(group)
                for s, group in groupby(quads, key=lambda q: q.subject)
            }

    def __call__(self, subjects: list[bytes]) -> list[ox.Quad]:
        quads: list[ox.Quad] = []
        for subject in subjects:
            if self.by_subject is not None:
                quads += self.by_subject.pop(subject, ())
            else:
                node = ox.NamedNode(subject.decode("utf-8"))
                quads += self.store.quads_for_pattern(node, None, None, self.graph)
        return quads


@dataclass
class RangePiece:
    """One range's texts in every format and its share of the merge walk."""

    nquads: bytes
    trig_head: bytes  # the prefixes
    trig_open: bytes  # the graph's opening line
    trig: bytes
    trig_close: bytes
    jsonld: bytes  # its nodes, joined with ",\n"
    ntriples: bytes
    walk: RangeWalk
    triple_texts: dict[str, tuple[bytes, bytes, bytes]]  # format -> (head, blocks, foot)
    key: str = ""  # its key in the pieces (each part's text is named by it and the part's)

    @classmethod
    def of(cls, data: bytes) -> RangePiece:
        parts = _unpack(data)
        nq, trig_head, trig_open, trig, trig_close, jsonld, nt, walk = parts[: len(_PARTS)]
        texts = {
            name: (parts[at], parts[at + 1], parts[at + 2])
            for name, at in zip(_TRIPLE_PARTS, range(len(_PARTS), _COUNT, 3), strict=True)
        }
        return cls(
            nq, trig_head, trig_open, trig, trig_close, jsonld, nt, pickle.loads(walk), texts
        )


@dataclass
class RangedGraph:
    """A graph's ranges, their pieces read (or made) one at a time: the dumps hold one
    range's texts at a time (all of them at once were 0.3 GB at 1,000 documents)."""

    key: str  # of the whole graph's lines (the merge walk's source)
    pieces: Iterator[RangePiece]


def ranged_graph(
    store: ox.Store,
    graph: ox.NamedNode,
    ranges: list[Range] | None,
    context: Context,
    cache: FragmentCache,
    *,
    context_key: str,
    uri_space: str,
) -> RangedGraph | None:
    """The graph's ranges' pieces (``ranges``: ``ranges_of`` its lines, taken before the
    store is staged), made for the ranges the cache lacks (their subjects read from
    ``store``); ``None``: write it whole."""
    if not ranges:
        return None
    # what else decides a piece's text, digested once (the context's JSON, hashed again
    # for each of 4,096 ranges, was 40 MB of hashing)
    salt = digest("range-texts", _PREFIX_KEY, context_key, uri_space)
    keys = [digest("range-piece", found.key, salt) for found in ranges]
    read = _Reader(store, graph, whole=_missing(cache, keys) > len(ranges) * WHOLE_ABOVE)
    if read.by_subject is not None and list(read.by_subject) != [
        subject for found in ranges for subject in found.subjects
    ]:
        # not the store's order (another engine's keys, or lines not the store's): the
        # ranges would not be the graph's text; checked whenever the graph is read whole,
        # as on the first build with a new engine (its pieces' keys name the engine)
        return None

    def pieces() -> Iterator[RangePiece]:
        for found, key in zip(ranges, keys, strict=True):

            def make(found: Range = found) -> bytes:
                return _made(graph, read(found.subjects), context, uri_space)

            piece = RangePiece.of(cache.get(key, make))
            piece.key = key
            yield piece

    return RangedGraph(digest("ranged", graph.value, *(r.key for r in ranges)), pieces())
