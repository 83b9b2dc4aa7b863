"""The merge walk's share of a graph written by ranges (``graph.dump_ranges``), kept
with each range's pieces.

Walking the summaries graph's 184,091 lines into the merge (``MergeLines.first_met``:
digesting each triple and subject, counting properties and classes for VoID) took about
1.2 CPU s of every add-one build at 1,000 documents, all of it again for a few hundred
changed lines. A range's share depends on its own lines alone as long as no earlier
graph holds one of its triples (then its lines are all in the merge) and its subjects
are looked up against the earlier graphs' (entities are counted once): so each range
keeps its triples' digests, its subjects' digests (entities apart) and its counts, and
the graph's share is their sum (``RangedWalk``); a range holding a triple an earlier graph
holds is counted afresh, as ``first_met`` counts a graph.
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


class RangedWalk:
    """A graph's share of the merge walk, added range by range (``add``), then to the
    merge (``finish``), as ``MergeLines.first_met`` adds a graph's lines."""

    def __init__(self, merge: MergeLines, graph: str, source: str) -> None:
        self.merge, self.graph, self.source = merge, graph, source
        self.digests: list[bytes] = []
        self.dropped: list[int] = []
        self.subjects: list[bytes] = []
        self.entities = self.count = 0
        self.properties: Counter[bytes] = Counter()
        self.classes: Counter[bytes] = Counter()
        self.examples: dict[str, str] = {}

    def add(self, walk: RangeWalk, ntriples: bytes) -> list[bytes] | None:
        """Add a range (``ntriples``: its lines); ``None`` if all its lines are in the
        merge (its texts are then the merge's), else the lines that are (its triples met
        in an earlier graph left out), counted afresh."""
        triples = chunks(walk.digests)
        offset, self.count = self.count, self.count + len(triples)
        self.digests.append(walk.digests)
        known = self.merge.known_subjects
        if self.merge.written_none_of(triples):
            entities = [s for s in chunks(walk.entity_subjects) if s not in known]
            self.subjects += entities
            self.subjects += [s for s in chunks(walk.other_subjects) if s not in known]
            self._counts(len(entities), walk.properties, walk.classes, walk.examples)
            return None
        met = self.merge.met_before(triples)
        lines = [t for t in ntriples.split(b"\n") if t]
        kept = [t for t, before in zip(lines, met, strict=True) if not before]
        self.dropped += [offset + i for i, before in enumerate(met) if before]
        share = self.merge._counted(self.graph, self.source, b"", kept)
        self.subjects += chunks(share.subjects)
        self._counts(share.entities, share.properties, share.classes, share.examples)
        return [t + b"\n" for t in kept]

    def _counts(
        self,
        entities: int,
        properties: Counter[bytes],
        classes: Counter[bytes],
        examples: dict[str, str],
    ) -> None:
        self.entities += entities
        self.properties.update(properties)
        self.classes.update(classes)
        for cls, iri in examples.items():
            if cls not in self.examples or iri < self.examples[cls]:
                self.examples[cls] = iri

    def finish(self) -> None:
        self.merge.add_walked(
            GraphWalked(
                graph=self.graph,
                source=self.source,
                digests=b"".join(self.digests),
                dropped=tuple(self.dropped),
                subjects=b"".join(self.subjects),
                entities=self.entities,
                properties=self.properties,
                classes=self.classes,
                examples=self.examples,
            ),
            self.count,
        )
