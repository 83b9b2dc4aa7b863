"""The partner passages kept from the previous build, by partner and by fact.

A partner's passage nodes (``graph.summary_passages``) are made from the facts naming it
(their roles, labels, statuses and evidence) and the labels of the facts' classes and
statuses. A fact and its evidence are written, with the fact's roles, into the graph of
every document that states it (``graph.rdf_lines``), so a row can change only if a graph
whose lines name its fact in a role changes (its lines before or after), or if a label
of a class or status changes.

So each build keeps, for the next, every graph's digest and the (fact, partner) pairs of
its role lines, the labels of the classes and statuses its rows read, and each partner's
lines with its rows (``graph.summary_passage_rows``), one pair of files per partner. The
next build asks the engine only for the rows of the facts a changed graph names, merges
them into the kept rows of the partners they name (before or after), and reads the other
partners' lines as they were. An add-one build at 1,000 documents asked again for every
row of China and of the article's partners (0.36 s), keyed the kept rows by a query over
every fact's labels (0.17 s) and read and wrote the 48 MB of every partner's lines (0.12 s
CPU, more on a busy disk); it now reads and writes only the changed partners' rows. The
lines are those of making every row afresh (``tests/test_summary_passages_kept.py``).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyoxigraph as ox
import rdflib

from graph.summary_passage_rows import (
    Row,
    Spell,
    Unordered,
    chunk_parts,
    engine_chunks,
    merged,
    rows_of,
)
from graph.vocab import CSK

CACHE_DIR = "summary-cache"  # under the store root, beside builds/
_FILE = "partner-passages.pickle"  # the index: graphs, labels, each partner's files
_PARTNERS = "partner-passages"  # <digest>.nq: a partner's lines; <digest>.rows: its rows
_FORMAT = 2  # bump when _Kept or a partner's files change shape
# the most facts whose rows are asked again: the engine's time grows with the square of
# the query's blocks (at 1,000 documents 16 facts 0.016 s, 64 0.1 s, 128 0.41 s, 256
# 2.0 s; every row, 6,737 facts, 0.5 s), so more are made whole
ASKED_AT_MOST = 64
# a fact's role in an N-Quads line: the predicate and partner, looked for by their text
# (a pattern opening with a line's start is tried at every line: 0.5 s over the 1,005
# graphs of a cold build at 1,000 documents, against 0.1), the fact read back to the
# line's start
_ROLE_AT = re.compile(
    rb" <" + re.escape(str(CSK).encode()) + rb"(?:partner|party|organisation)> <([^>]*)> "
)
_FACT = re.compile(rb"<[^>]*>|_:\S+")


@dataclass(frozen=True)
class _Graph:
    """What a build kept of one graph: digests of its text and of its lines sorted (a
    document graph written again may hold the same lines in another order), and the
    (fact, partner) pairs of its role lines."""

    text: bytes
    lines: bytes
    pairs: frozenset[tuple[str, str]]

    @classmethod
    def of(cls, data: bytes, text: bytes | None = None) -> _Graph:
        return cls(
            text or _digest(data),
            _digest(b"\n".join(sorted(data.split(b"\n")))),
            roles_named(data),
        )


@dataclass
class _Kept:
    key: str  # the code's digest
    labels: dict[tuple[str, str], tuple[str, ...]]  # (node, predicate) -> its labels
    graphs: dict[str, _Graph]  # by name (N3)
    partners: dict[str, str]  # partner IRI -> the digest naming its files


_FIELDS = {"key", "labels", "graphs", "partners"}


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def roles_named(lines: bytes) -> frozenset[tuple[str, str]]:
    """The (fact, partner) pairs of a graph's role lines (partner, party, organisation),
    from its N-Quads lines; a fact in N-Triples (``<iri>`` or a blank node)."""
    found = set()
    for match in _ROLE_AT.finditer(lines):
        at = match.start()
        fact = lines[lines.rfind(b"\n", 0, at) + 1 : at]
        if _FACT.fullmatch(fact):  # (else the text is inside another line's literal)
            found.add((fact.decode("utf-8"), match[1].decode("utf-8")))
    return frozenset(found)


def partners_named(lines: bytes) -> frozenset[str]:
    """The partners a graph's facts name (as partner, party or organisation)."""
    return frozenset(partner for _fact, partner in roles_named(lines))


class PassagesCache:
    """The previous build's partner passages under ``folder``; ``read=False`` (a full
    build) makes every row but still keeps them. After ``lines``: ``recounted``, the
    partners whose rows were merged again, and ``asked``, the facts whose rows the engine
    gave again (each ``None`` when every row was made)."""

    def __init__(self, folder: Path | None, *, read: bool = True) -> None:
        self.folder, self.read = folder, read
        self.recounted: set[str] | None = None
        self.asked: set[str] | None = None

    def lines(
        self,
        store: ox.Store,
        spell: Spell,
        graph: str,
        graphs: Mapping[str, bytes],
        texts: Mapping[str, bytes] | None = None,
    ) -> list[bytes]:
        """The partner passages' lines of the merge ``store`` holds, partner by partner
        (IRI order), in ``graph`` (N3); ``graphs``: every graph's lines but the
        summaries' (N3 name -> lines), which the store was loaded from; ``texts``: their
        ``summary_scratch_kept.text_digest``s, when made already."""
        key = _code_version(graph)
        previous = self._load() if self.read else None
        if previous is not None and (
            previous.key != key or _labels(store, previous.labels) != previous.labels
        ):
            previous = None
        kept, changed = _graphs(previous, graphs, texts)
        self.recounted = self.asked = None
        found = None
        if previous is not None and changed is not None:
            found = self._update(previous, store, spell, graph, changed)
        if found is None:
            try:
                found = self._whole(store, spell, graph)
            except Unordered:  # the engine's order as it is, and nothing kept
                self._forget()
                chunks = engine_chunks(store, spell, graph)
                return [chunks[partner] for partner in sorted(chunks)]
        chunks, files, labels = found
        self._keep(_Kept(key, labels, kept, files))
        return [chunks[partner] for partner in sorted(chunks)]

    def _update(
        self,
        previous: _Kept,
        store: ox.Store,
        spell: Spell,
        graph: str,
        changed: set[tuple[str, str]],
    ) -> tuple[dict[str, bytes], dict[str, str], dict[tuple[str, str], tuple[str, ...]]] | None:
        """The previous build's lines, the rows of the facts in ``changed`` pairs asked
        again and merged into their partners'; ``None`` if they cannot be."""
        facts = {fact for fact, _partner in changed}
        if len(facts) > ASKED_AT_MOST or any(not fact.startswith("<") for fact in facts):
            return None  # too many for one query, or a blank node (not a value to ask for)
        iris = {fact[1:-1] for fact in facts}
        try:
            new, labelled = rows_of(store, spell, graph, facts=iris)
            partners = {partner for _fact, partner in changed} | new.keys()
            chunks, files = {}, {}
            for partner, digest in previous.partners.items():
                if partner not in partners:
                    chunks[partner] = self._read(digest, ".nq")
                    files[partner] = digest
            for partner in partners:
                digest = previous.partners.get(partner)
                before = self._rows(digest) if digest is not None else []
                rows = merged(before, iris, new.get(partner, []))
                if rows:
                    chunks[partner], files[partner] = self._write(rows, spell, graph)
        except (Unordered, OSError, SyntaxError, pickle.UnpicklingError, EOFError, ValueError):
            return None
        self.recounted, self.asked = partners, iris
        labels = {**previous.labels, **_labels(store, labelled)}
        return chunks, files, labels

    def _whole(
        self, store: ox.Store, spell: Spell, graph: str
    ) -> tuple[dict[str, bytes], dict[str, str], dict[tuple[str, str], tuple[str, ...]]]:
        """Every partner's rows made and kept.

        :raises Unordered: the engine's order is not the rows' key's.
        """
        found, labelled = rows_of(store, spell, graph)
        chunks, files = {}, {}
        for partner, rows in found.items():
            chunks[partner], files[partner] = self._write(rows, spell, graph)
        return chunks, files, _labels(store, labelled)

    def _partners(self) -> Path | None:
        return None if self.folder is None else self.folder / _PARTNERS

    def _read(self, digest: str, suffix: str) -> bytes:
        folder = self._partners()
        if folder is None:
            raise OSError("nothing kept")
        return (folder / f"{digest}{suffix}").read_bytes()

    def _rows(self, digest: str) -> list[Row]:
        """A partner's kept rows, their lines cut from its kept lines."""
        data = self._read(digest, ".nq")
        rows, at = [], 0
        for key, fact, node, first, head, rank, tail in pickle.loads(self._read(digest, ".rows")):
            start = at + head + rank
            cut = data[at : at + head], data[start : start + tail]
            rows.append(Row(key, fact, node, first, *cut))
            at = start + tail
        if at != len(data):
            raise ValueError(f"the rows of {digest} do not cut its lines")
        return rows

    def _write(self, rows: list[Row], spell: Spell, graph: str) -> tuple[bytes, str]:
        """A partner's lines, and the digest naming the files they are kept in (with the
        rows, each by the lengths of its head, rank and tail lines)."""
        parts = list(chunk_parts(rows, spell, graph))
        data = b"".join(parts)
        folder = self._partners()
        if folder is None:
            return data, ""
        lengths, at = [], 0
        for row in rows:
            rank = len(parts[at + 1]) if row.first else 0
            at += 3 if row.first else 1
            lengths.append((*row[:4], len(row.head), rank, len(row.tail)))
        cut = pickle.dumps(lengths, protocol=pickle.HIGHEST_PROTOCOL)
        digest = _digest(cut + data).hex()
        folder.mkdir(parents=True, exist_ok=True)
        for suffix, content in ((".rows", cut), (".nq", data)):
            target = folder / f"{digest}{suffix}"
            if not target.exists():
                partial = folder / f".{digest}{suffix}.{os.getpid()}.partial"
                partial.write_bytes(content)
                partial.replace(target)
        return data, digest

    def _load(self) -> _Kept | None:
        if self.folder is None:
            return None
        try:
            with (self.folder / _FILE).open("rb") as f:
                found = pickle.load(f)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
            return None
        if not isinstance(found, _Kept) or vars(found).keys() != _FIELDS:
            return None  # another format's
        return found

    def _keep(self, kept: _Kept) -> None:
        """The index written once the partners' files are, then the files no build reads."""
        if self.folder is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        partial = self.folder / f".{_FILE}.{os.getpid()}.partial"
        partial.write_bytes(pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(self.folder / _FILE)
        used = set(kept.partners.values())
        folder = self._partners()
        if folder is not None and folder.is_dir():
            for path in folder.iterdir():
                if path.suffix in (".nq", ".rows") and path.stem not in used:
                    path.unlink(missing_ok=True)

    def _forget(self) -> None:
        if self.folder is not None:
            (self.folder / _FILE).unlink(missing_ok=True)


def _graphs(
    previous: _Kept | None, graphs: Mapping[str, bytes], texts: Mapping[str, bytes] | None = None
) -> tuple[dict[str, _Graph], set[tuple[str, str]] | None]:
    """What to keep of each graph, and the role pairs of the graphs that changed (before
    and after; ``None``: nothing kept)."""
    kept: dict[str, _Graph] = {}
    changed: set[tuple[str, str]] = set()
    for name, data in graphs.items():
        text = texts[name] if texts is not None else _digest(data)
        before = previous.graphs.get(name) if previous is not None else None
        if before is not None and before.text == text:
            kept[name] = before
            continue
        kept[name] = now = _Graph.of(data, text)
        if before is None or before.lines != now.lines:
            changed |= now.pairs | (before.pairs if before else frozenset())
    if previous is None:
        return kept, None
    for name in previous.graphs.keys() - graphs.keys():  # a graph gone
        changed |= previous.graphs[name].pairs
    return kept, changed


def _labels(
    store: ox.Store, nodes: Mapping[tuple[str, str], object] | set[tuple[str, str]]
) -> dict[tuple[str, str], tuple[str, ...]]:
    """The labels of each (node, predicate) in the store's default graph, as N-Triples:
    what the kept rows read besides their facts (a few dozen classes and statuses)."""
    return {
        (node, predicate): tuple(
            sorted(
                str(quad.object)
                for quad in store.quads_for_pattern(
                    ox.NamedNode(node), ox.NamedNode(predicate), None, ox.DefaultGraph()
                )
            )
        )
        for node, predicate in nodes
    }


@cache
def _code_version(graph: str) -> str:
    """The format, the graph's name, rdflib's and the engine's versions (a literal's
    spelling) and the modules that make and spell the rows."""
    package = Path(__file__).resolve().parent
    h = hashlib.sha256(f"{_FORMAT} {graph} {rdflib.__version__} {ox.__version__}".encode())
    for name in (
        "summary_passages.py",
        "summary_passage_rows.py",
        "summaries.py",
        "summary_passages_kept.py",
        "rank_values.py",
    ):
        h.update((package / name).read_bytes())
    return h.hexdigest()
