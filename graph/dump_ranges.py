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
from dataclasses import dataclass
from itertools import accumulate, groupby

import numpy as np
import pyoxigraph as ox

from graph.dump_fragments import FragmentCache, digest
from graph.dump_range_walk import RangeWalk, range_walk
from graph.dump_triples import split_serialised
from graph.export_jsonld import Context, entry_of, node_texts
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
class _Range:
    subjects: list[bytes]  # IRIs in the store's order
    key: str


def _ranges(graph: str, lines: bytes) -> list[_Range] | None:
    """The graph's subjects by range, in the store's order, each range keyed by its
    lines; ``None`` if a subject is not a plain IRI (the store's key is not its text).
    Sorted, a subject's lines lie together, so the work per line is the engine's."""
    parts = sorted(lines.splitlines(keepends=True))
    text = b"".join(parts)
    every_iri = text.startswith(b"<") and text.count(b"\n<") == len(parts) - 1
    if not every_iri or text.startswith(b"<<") or b"\n<<" in text:
        return None  # a blank node or a quoted triple as a subject
    found = [line[1 : line.find(b"> ")] for line in parts]
    counts = Counter(found)  # in the order first met: the sorted order
    subjects = list(counts)
    if any(b"\\" in s for s in subjects):
        return None
    line_starts = [0, *accumulate(map(len, parts))]
    bounds = [line_starts[i] for i in accumulate(counts.values(), initial=0)]
    high, low = store_keys(subjects)
    order = np.lexsort((low, high)).tolist()
    of_range = (high >> np.uint64(64 - RANGE_BITS)).tolist()
    ranges = []
    for _range, members in groupby(order, key=of_range.__getitem__):
        at = list(members)
        block = b"".join(text[bounds[i] : bounds[i + 1]] for i in at)
        ranges.append(
            _Range([subjects[i] for i in at], digest("range", str(_FORMAT), graph, block))
        )
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
    triples = [q.triple for q in quads]
    for fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML):
        text = ox.serialize(triples, format=fmt, prefixes=PREFIXES)
        parts += split_serialised(text, fmt)
    return _pack(parts)


WHOLE_FROM = 8  # a graph is read whole when more than one range in this many is made


def _missing(cache: FragmentCache, keys: list[str]) -> int:
    if cache.folder is None or not cache.read:
        return len(keys)
    return sum(not (cache.folder / key).is_file() for key in keys)


class _Reader:
    """Subjects' quads from the store in its order: subject by subject for a few ranges,
    or the graph read once (a first build makes every range: 21,000 reads of a subject
    took twice as long as reading the graph)."""

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
                quads += self.by_subject.get(subject, ())
            else:
                node = ox.NamedNode(subject.decode("utf-8"))
                quads += self.store.quads_for_pattern(node, None, None, self.graph)
        return quads


@dataclass
class RangedGraph:
    """A graph's dump texts joined from its ranges' pieces."""

    key: str  # of the whole graph's N-Quads (the merge walk's source)
    nquads: bytes
    trig_head: bytes
    trig_block: bytes
    jsonld_entry: bytes
    ntriples: bytes
    walks: list[RangeWalk]
    triple_texts: dict[str, tuple[bytes, bytes, bytes]]  # format -> (head, blocks, foot)


def ranged_graph(
    store: ox.Store,
    graph: ox.NamedNode,
    lines: bytes,
    context: Context,
    cache: FragmentCache,
    *,
    context_key: str,
    uri_space: str,
) -> RangedGraph | None:
    """The graph's texts from its ranges' pieces, made for the ranges the cache lacks
    (their subjects read from ``store``); ``None``: write it whole."""
    ranges = _ranges(graph.value, lines)
    if not ranges:
        return None
    # what else decides a piece's text, digested once (the context's JSON, hashed again
    # for each of 4,096 ranges, was 40 MB of hashing)
    salt = digest("range-texts", _PREFIX_KEY, context_key, uri_space)
    keys = [digest("range-piece", found.key, salt) for found in ranges]
    read = _Reader(store, graph, whole=_missing(cache, keys) > len(ranges) // WHOLE_FROM)
    pieces = []
    for found, key in zip(ranges, keys, strict=True):

        def make(found: _Range = found) -> bytes:
            return _made(graph, read(found.subjects), context, uri_space)

        pieces.append(_unpack(cache.get(key, make)))
    columns = list(zip(*pieces, strict=True))
    nq, trig_head, trig_open, trig, trig_close, jsonld, nt, walks = columns[: len(_PARTS)]
    texts = {}
    for i, name in enumerate(_TRIPLE_PARTS):
        head, blocks, foot = columns[len(_PARTS) + 3 * i : len(_PARTS) + 3 * i + 3]
        texts[name] = (head[0], b"".join(blocks), foot[0])
    return RangedGraph(
        key=digest("ranged", graph.value, *(r.key for r in ranges)),
        nquads=b"".join(nq),
        trig_head=trig_head[0],
        trig_block=trig_open[0] + b"".join(trig) + trig_close[0],
        jsonld_entry=entry_of(graph, jsonld, context),
        ntriples=b"".join(nt),
        walks=[pickle.loads(w) for w in walks],
        triple_texts=texts,
    )
