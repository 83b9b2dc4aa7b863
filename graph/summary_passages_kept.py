"""The partner passages of partners whose facts did not change, kept from the previous build.

A partner's passage nodes (``graph.summary_passages``) and their places depend only on
that partner's rows: the facts naming it, their evidence, and the labels of the facts'
classes and statuses. A fact and its evidence are written into the graph of every
document that states it, with the fact's roles (``graph.rdf_lines``), so a row of a
partner can change only if a graph naming that partner changes (its lines before or
after), or if a class or status label does. An add-one build at 1,000 documents made all
12,600 rows again (the engine's sorted query and the lines: about 1.8 s) to change those
of China and the two or three partners the article names.

So each build keeps, for the next, every graph's digest and the partners its facts name,
each partner's lines, and a key of the labels and the code; the next build makes again
only the rows of partners named by a graph that changed, and takes the others' lines as
they were. The lines are those of making every row afresh (``tests/test_summary_passages_kept.py``).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyoxigraph as ox
import rdflib

from graph.summary_passages import _PREFIXES, partner_passage_chunks
from graph.vocab import CSK

CACHE_DIR = "summary-cache"  # under the store root, beside builds/
_FILE = "partner-passages.pickle"
_FORMAT = 1  # bump when _Kept changes shape
# a fact's role in an N-Quads line, and the partner it names
_ROLE = re.compile(
    rb"> <" + re.escape(str(CSK).encode()) + rb"(?:partner|party|organisation)> <([^>]*)> "
)
# what the rows read besides the facts and their evidence: the labels of the facts'
# classes and statuses (in the ontology's graph, but taken wherever they are)
_LABELS = (
    _PREFIXES
    + """SELECT DISTINCT ?node ?label WHERE {
  VALUES ?role { csk:partner csk:party csk:organisation }
  { ?fact ?role ?partner ; a ?node . ?node rdfs:label ?label }
  UNION
  { ?fact ?role ?partner ; csk:status ?node . ?node skos:prefLabel ?label }
}"""
)


@dataclass
class _Kept:
    key: str  # the labels' and the code's digest
    graphs: dict[str, _Graph]  # by name (N3)
    chunks: dict[str, str]  # partner IRI -> its nodes' lines


@dataclass(frozen=True)
class _Graph:
    """What a build kept of one graph: digests of its text and of its lines sorted (a
    document graph written again may hold the same lines in another order), and the
    partners its facts name."""

    text: bytes
    lines: bytes
    partners: frozenset[str]

    @classmethod
    def of(cls, data: bytes, text: bytes | None = None) -> _Graph:
        return cls(
            text or _digest(data),
            _digest(b"\n".join(sorted(data.split(b"\n")))),
            partners_named(data),
        )


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def partners_named(lines: bytes) -> frozenset[str]:
    """The partners a graph's facts name (as partner, party or organisation), from its
    N-Quads lines."""
    return frozenset(m.decode("utf-8") for m in _ROLE.findall(lines))


class PassagesCache:
    """The previous build's partner passages in one file under ``folder``; ``read=False``
    (a full build) makes every row but still keeps them. ``recounted``: the partners whose
    rows this build made (``None``: all)."""

    def __init__(self, folder: Path | None, *, read: bool = True) -> None:
        self.folder, self.read = folder, read
        self.recounted: set[str] | None = None

    def lines(
        self,
        store: ox.Store,
        spell: Callable[[ox.NamedNode | ox.Literal], str],
        graph: str,
        graphs: Mapping[str, bytes],
    ) -> list[str]:
        """The partner passages' lines of the merge ``store`` holds, partner by partner
        (IRI order), in ``graph`` (N3); ``graphs``: every graph's lines but the
        summaries' (N3 name -> lines), which the store was loaded from."""
        key = _key(store)
        previous = self._load() if self.read else None
        if previous is not None and previous.key != key:
            previous = None
        kept: dict[str, _Graph] = {}
        self.recounted = None if previous is None else set()
        for name, data in graphs.items():
            text = _digest(data)
            before = previous.graphs.get(name) if previous is not None else None
            if before is not None and before.text == text:
                kept[name] = before
                continue
            kept[name] = now = _Graph.of(data, text)
            if self.recounted is not None and (before is None or before.lines != now.lines):
                # the partners it names before and after: their rows may change or go
                self.recounted |= now.partners | (before.partners if before else frozenset())
        if previous is not None and self.recounted is not None:
            for name in previous.graphs.keys() - graphs.keys():  # a graph gone
                self.recounted |= previous.graphs[name].partners
        chunks = partner_passage_chunks(store, spell, graph, self.recounted)
        if previous is not None and self.recounted is not None:
            chunks = {
                **{p: c for p, c in previous.chunks.items() if p not in self.recounted},
                **chunks,
            }
        self._keep(_Kept(key, kept, chunks))
        return [chunks[partner] for partner in sorted(chunks)]

    def _load(self) -> _Kept | None:
        if self.folder is None:
            return None
        try:
            with (self.folder / _FILE).open("rb") as f:
                found = pickle.load(f)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
            return None
        return found if isinstance(found, _Kept) else None

    def _keep(self, kept: _Kept) -> None:
        if self.folder is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        partial = self.folder / f".{_FILE}.{os.getpid()}.partial"
        partial.write_bytes(pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(self.folder / _FILE)


def _key(store: ox.Store) -> str:
    """Digest of the labels the rows read and of the code that writes them."""
    h = hashlib.blake2b(_code_version().encode(), digest_size=16)
    for node, label in sorted((str(r["node"]), str(r["label"])) for r in store.query(_LABELS)):
        h.update(f"{node}\t{label}\n".encode())
    return h.hexdigest()


@cache
def _code_version() -> str:
    """The format, rdflib's and the engine's versions (a literal's spelling) and the
    modules that make and spell the rows."""
    package = Path(__file__).resolve().parent
    h = hashlib.sha256(f"{_FORMAT} {rdflib.__version__} {ox.__version__}".encode())
    for name in (
        "summary_passages.py",
        "summaries.py",
        "summary_passages_kept.py",
        "rank_values.py",
    ):
        h.update((package / name).read_bytes())
    return h.hexdigest()
