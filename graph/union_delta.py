"""The union's triples near what a build changed, looked up instead of read whole.

Whole-graph validation after adding one document to a thousand needs the triples of a
few thousand subjects: those whose lines changed (to compare their digests with the
previous build's), the nodes pointing at them, and the neighbourhood the shapes read.
Reading every line of the union into per-subject sets for that (``graph.validate_lines``)
took a second and a half of CPU at 1,000 documents, and digesting every subject half a
second more. Staging the store has the build's N-Quads lines sorted in hand and the
lines that changed since the previous build (``graph.store_delta``); sorted lines hold
each subject's triples in one run, found by bisection, and the staged store's merged
default graph (the union, indexed by object) gives the subjects pointing at a node.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox


class NotInLines(Exception):
    """A node the store gave cannot be named as the lines name it (a blank node: the
    store labels them afresh on every load): the union must be read whole."""


@dataclass
class UnionDelta:
    """A build's union as its sorted lines, and what changed since the previous build."""

    previous: str  # id of the build whose lines ``changed`` turns into ``lines``
    lines: list[bytes]  # this build's N-Quads lines, sorted, each with its newline
    changed: list[bytes]  # the lines removed from the previous build's and added to it
    store: Path  # the staged store: its default graph is the union
    _opened: ox.Store | None = field(default=None, init=False, repr=False)

    def subjects(self) -> set[str]:
        """Subjects (N3) of the changed lines: no other subject's triples changed."""
        return {line.split(b" ", 1)[0].decode("utf-8") for line in self.changed}

    def get(self, subject: str, default: frozenset = frozenset()) -> set[tuple[str, str]]:
        """The (predicate, object) pairs of ``subject`` in the union, in N3 as the lines
        spell them (``validate_lines.QuadLines.by_subject``'s entries)."""
        prefix = subject.encode("utf-8") + b" "
        lines = self.lines
        i = bisect.bisect_left(lines, prefix)
        found: set[tuple[str, str]] = set()
        while i < len(lines) and lines[i].startswith(prefix):
            body = lines[i].decode("utf-8").rstrip("\n").removesuffix(" .")
            spo = body.rsplit(" ", 1)[0]
            _subject, predicate, obj = spo.split(" ", 2)
            found.add((predicate, obj))
            i += 1
        return found or set(default)

    def pointing_at(self, objects: set[str], predicate: str | None = None) -> set[str]:
        """Subjects (N3) of the union's triples whose object is one of ``objects`` (and
        whose predicate is ``predicate``, if given), from the staged store's index.

        :raises NotInLines: a blank node among the objects or the subjects found."""
        store = self._store()
        verb = None if predicate is None else ox.NamedNode(predicate[1:-1])
        found = set()
        for obj in objects:
            if not obj.startswith("<"):
                raise NotInLines(obj)
            node = ox.NamedNode(obj[1:-1])
            for quad in store.quads_for_pattern(None, verb, node, ox.DefaultGraph()):
                if not isinstance(quad.subject, ox.NamedNode):
                    raise NotInLines(str(quad.subject))
                found.add(f"<{quad.subject.value}>")
        for subject in found:  # spelled as the lines spell it (no IRI escapes)
            if not self._has(subject):
                raise NotInLines(subject)
        return found

    def _has(self, subject: str) -> bool:
        prefix = subject.encode("utf-8") + b" "
        i = bisect.bisect_left(self.lines, prefix)
        return i < len(self.lines) and self.lines[i].startswith(prefix)

    def _store(self) -> ox.Store:
        if self._opened is None:
            self._opened = ox.Store.read_only(str(self.store))
        return self._opened

    def close(self) -> None:
        """Let the staged store go (it is moved into place once the build commits)."""
        self._opened = None
