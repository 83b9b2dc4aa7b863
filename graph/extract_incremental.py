"""Extraction that reuses each unchanged document's results from earlier builds.

The steps are those of ``graph.extract.extract_corpus`` and give the same
``Extraction``: name candidates per document, discovery over the whole corpus, each
document's reading, then the assembly (merge, curation, entities). The two per-document
steps are looked up in an ``ExtractionCache`` first; the readings still missing are made
in parallel (``graph.extract_parallel``). Discovery and the assembly are cheap and
always run over every document, so the result never depends on what was cached.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

from graph import extract, extract_parallel
from graph.extract_parallel import Candidates
from graph.extraction_cache import (
    ExtractionCache,
    ReadingKeys,
    candidates_key,
    discovered_context,
    document_digest,
    extractor_version,
    reference_version,
)
from graph.gazetteer import Gazetteer
from graph.model import Document, Extraction
from graph.normalise import clean_document
from graph.recognise import Recogniser

DocumentProgress = Callable[[int, int], None]


@dataclass(frozen=True)
class ExtractionStats:
    """How much of a build's extraction was done afresh."""

    documents: int  # originals read (copies are never read)
    re_extracted: int  # readings made by this build
    from_cache: int  # readings reused from an earlier build


def extract_corpus(
    documents: Sequence[Document],
    reference: extract.Reference,
    cache: ExtractionCache,
    *,
    ontology_dir: Path,
    workers: int | None = None,
    progress: DocumentProgress | None = None,
) -> tuple[Extraction, ExtractionStats]:
    """``extract.extract_corpus`` with per-document results kept in ``cache``.

    :raises CurationError: a curation entry does not hold.
    """
    if reference.gazetteer is None:
        return extract.extract_corpus(documents, reference), ExtractionStats(0, 0, 0)
    base_key = extractor_version() + reference_version(ontology_dir)
    originals = [d for d in documents if not d.is_copy]
    digests = {d.id: f"{base_key}:{document_digest(d)}" for d in originals}

    found = [cache.get(candidates_key(digests[d.id])) for d in originals]
    new = [d for d, f in zip(originals, found, strict=True) if f is None]
    workers = workers or extract_parallel.default_workers()
    # many new documents (a cold build): the readers start now, loading the parser
    # while the candidates are found, and share that work with this process
    early = (
        workers > 1
        and sum(len(d.text) for d in new) >= extract_parallel._POOL_FROM_CHARS
        and len(extract_parallel.document_chunks(new)) > 1
    )
    with extract_parallel.reading_pool(workers) if early else nullcontext(None) as pool:
        made = iter(_candidates_of(new, reference.gazetteer, pool, workers))
        seen = []
        for document, got in zip(originals, found, strict=True):
            if got is None:
                got = next(made)
                cache.put(candidates_key(digests[document.id]), got)
            seen.append((document, *got))
        gazetteer, unknown = extract.discover_names(seen, reference.gazetteer)

        known = ReadingKeys(cache, discovered_context(gazetteer))
        keys = [known.key(digests[d.id], clean.text) for d, clean, _names in seen]
        known.save()
        readings: list[extract.DocumentReading | None] = [cache.get(k) for k in keys]
        missing = [i for i, r in enumerate(readings) if r is None]
        fresh = extract_parallel.read_in_parallel(
            [(seen[i][0], seen[i][1]) for i in missing],
            gazetteer,
            workers=workers,
            progress=progress,
            pool=pool,
        )
    for i, reading in zip(missing, fresh, strict=True):
        readings[i] = reading
        cache.put(keys[i], reading)
    done = [r for r in readings if r is not None]
    extraction = extract.assemble(documents, reference, gazetteer, done, unknown)
    stats = ExtractionStats(len(originals), len(missing), len(originals) - len(missing))
    return extraction, stats


def _candidates_of(
    documents: Sequence[Document],
    gazetteer: Gazetteer,
    pool: ProcessPoolExecutor | None,
    workers: int,
) -> list[Candidates]:
    """Each document cleaned and its name candidates, by ``pool`` (of ``workers``) and
    this process, or here alone."""
    if pool is not None:
        return extract_parallel.candidates_in_parallel(documents, gazetteer, pool, workers)
    found = []
    base: Recogniser | None = None
    for document in documents:
        base = base or Recogniser(gazetteer)
        clean = clean_document(document)
        found.append((clean, extract.name_candidates(document, clean, base)))
    return found
