"""Each document graph's lines, the ones to write afresh shared with a forked copy.

A cold build writes every document's graph afresh (``rdf_lines.document_lines``): at
1,000 documents about 6 CPU s, on one core while the other idled (extraction's helpers
have ended, validation's have not started). A document's lines depend only on its own
inputs, so this process writes about half of them and one child forked from it (which
reads the extraction it holds, not a copy sent down a pipe) writes the rest; the lines,
the keys and what is kept in the cache are those of ``rdf_lines.documents_lines``. An
add-one build writes one or two graphs and forks nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from rdflib import URIRef

from graph import rdf_lines
from graph.helper_pool import forked_pool, may_fork
from graph.model import Document, Entity, Extraction, Fact
from graph.vocab import document_graph

# graphs to write below which the fork and the lines' way back cost more than they save
FORK_FROM = 200

Work = tuple[Document, list[Fact], list[Entity]]  # a document and what its graph states
_shared: tuple[Sequence[Work], Mapping[str, Entity]] | None = None  # what the child reads


def documents_lines(
    documents: Iterable[Document], extraction: Extraction, cache: rdf_lines.QuadsCache
) -> dict[str, bytes]:
    """``rdf_lines.documents_lines``: each document graph's lines (by the graph's N3),
    from ``cache`` when its inputs are unchanged, else written (by two processes when
    there are ``FORK_FROM`` or more to write) and kept."""
    global _shared
    documents = list(documents)
    entities = {e.key: e for e in extraction.entities}
    facts, named = rdf_lines._per_document(extraction)
    spelled: dict[int, bytes] = {}  # each fact's and entity's repr, made once
    keys: list[str] = []
    found: dict[str, bytes] = {}
    todo: dict[str, Work] = {}  # by key, each written once
    for document in documents:
        own, names = facts.get(document.id, []), named.get(document.id, [])
        key = rdf_lines.document_key(document, own, names, entities, spelled)
        keys.append(key)
        if key in found or key in todo:
            continue
        data = cache.get(key)
        if data is None:
            todo[key] = (document, own, names)
        else:
            found[key] = data
    work = list(todo.values())
    if len(work) >= FORK_FROM and may_fork():
        _shared = (work, entities)
        try:
            made = _written_in_two(len(work))
        finally:
            _shared = None
    else:
        made = [rdf_lines.document_lines(d, own, names, entities) for d, own, names in work]
    for key, data in zip(todo, made, strict=True):
        cache.put(key, data)
        cache.written += 1
        found[key] = data
    return {
        URIRef(document_graph(d.id)).n3(): found[key]
        for d, key in zip(documents, keys, strict=True)
    }


def _written_in_two(count: int) -> list[bytes]:
    """The lines of ``_shared``'s work, in its order: the first part's written here, the
    rest by a forked child meanwhile. The cut halves the facts and entities stated (what
    a graph's writing costs grows with them), not the documents."""
    assert _shared is not None
    weights = [1 + len(own) + len(names) for _d, own, names in _shared[0]]
    half, cut, total = sum(weights) / 2, 0, 0
    while cut < count - 1 and total + weights[cut] <= half:
        total += weights[cut]
        cut += 1
    with forked_pool(1, "writing the documents' graphs") as pool:
        rest = pool.submit(_write, cut, count)
        first = _write(0, cut)
        return first + rest.result()


def _write(first: int, last: int) -> list[bytes]:
    """The lines of ``_shared``'s work ``first:last`` (in a forked child, or here)."""
    assert _shared is not None, "documents written outside a build"
    work, entities = _shared
    return [rdf_lines.document_lines(d, own, names, entities) for d, own, names in work[first:last]]
