"""The merge walk's share of a graph written by ranges (``graph.dump_ranges``), kept
with each range's pieces.

Walking the summaries graph's 184,091 lines into the merge (``MergeLines.first_met``:
digesting each triple and subject, counting properties and classes for VoID) took about
1.2 CPU s of every add-one build at 1,000 documents, all of it again for a few hundred
changed lines. A range's share depends on its own lines alone as long as no earlier
graph holds one of its triples (then its lines are all in the merge) and its subjects
are looked up against the earlier graphs' (entities are counted once): so each range
keeps its triples' digests, its subjects' digests (entities apart) and its counts, and
the graph's share is their sum (``combined``), checked against the merge so far.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass

from graph.dump_triples import GraphWalked, MergeLines, chunks
from graph.void import Stats


@dataclass
class RangeWalk:
    """What one range's N-Triples lines add to the merge, on their own."""

    digests: bytes  # 16 bytes a triple, in order
    entity_subjects: bytes  # 16-byte digests of its subjects in the dataset's URI space
    other_subjects: bytes
    properties: Counter[bytes]
    classes: Counter[bytes]
    examples: dict[str, str]


def range_walk(ntriples: bytes, uri_space: str) -> RangeWalk:
    """A range's share of the merge, from its N-Triples lines (as ``first_met`` splits
    a graph's)."""
    triples = [t for t in ntriples.split(b"\n") if t]
    blake2b = hashlib.blake2b
    keys = b"".join(blake2b(t, digest_size=16).digest() for t in triples)
    alone = MergeLines(Stats(), uri_space)._counted("", "", keys, triples)
    entity = f"<{uri_space}".encode()
    subjects = dict.fromkeys(t[: t.index(b" ")] for t in triples)
    return RangeWalk(
        digests=keys,
        entity_subjects=b"".join(
            blake2b(s, digest_size=16).digest() for s in subjects if s.startswith(entity)
        ),
        other_subjects=b"".join(
            blake2b(s, digest_size=16).digest() for s in subjects if not s.startswith(entity)
        ),
        properties=alone.properties,
        classes=alone.classes,
        examples=alone.examples,
    )


def combined(merge: MergeLines, graph: str, source: str, walks: list[RangeWalk]) -> bool:
    """Add a graph walked by ranges to ``merge``, as ``first_met`` would add its lines;
    ``False`` (nothing added) if an earlier graph holds one of its triples: the graph is
    then walked line by line."""
    digests = b"".join(w.digests for w in walks)
    triples = chunks(digests)
    if not merge.written_none_of(triples):
        return False
    known = merge.known_subjects
    entities = [s for w in walks for s in chunks(w.entity_subjects) if s not in known]
    others = [s for w in walks for s in chunks(w.other_subjects) if s not in known]
    properties: Counter[bytes] = Counter()
    classes: Counter[bytes] = Counter()
    examples: dict[str, str] = {}
    for walk in walks:
        properties.update(walk.properties)
        classes.update(walk.classes)
        for cls, iri in walk.examples.items():
            if cls not in examples or iri < examples[cls]:
                examples[cls] = iri
    merge.add_walked(
        GraphWalked(
            graph=graph,
            source=source,
            digests=digests,
            dropped=(),
            subjects=b"".join(entities + others),
            entities=len(entities),
            properties=properties,
            classes=classes,
            examples=examples,
        ),
        len(triples),
    )
    return True
