"""Compose the stages: corpus -> extraction -> RDF -> validation -> store.

I/O happens only at the ends (``read_corpus`` and ``write_build``); everything between
is a pure function of its inputs. ``progress`` receives one call per stage so the CLI
can show where a build is without the pipeline knowing about terminals.
"""

from __future__ import annotations

import errno
import gc
import os
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from rdflib import Dataset

from graph import (
    corpus,
    dump,
    dump_fragments,
    evidence_check,
    extract,
    extract_incremental,
    rdf,
    saved_queries_rdf,
    store,
    store_delta,
    summaries,
    validate,
    validate_lines,
    validate_split,
)
from graph.config import Paths
from graph.errors import InputError, SpaceKGError, ValidationFailed
from graph.extraction_cache import CACHE_DIR, ExtractionCache
from graph.model import FACT_TYPES, Document, EntityKind, Extraction
from graph.vocab import ONTOLOGY_GRAPH, QUERIES_GRAPH

Progress = Callable[[str], None]
STAGES = ("read corpus", "extract facts", "make RDF", "validate", "write store")


@dataclass
class BuildResult:
    info: store.BuildInfo
    dataset: Dataset
    extraction: Extraction
    report: validate.Report


def _quiet(_stage: str) -> None:
    return None


def make_dataset(
    paths: Paths,
    progress: Progress = _quiet,
    *,
    cache: ExtractionCache | None = None,
    max_document_bytes: int = 0,
    documents: list[Document] | None = None,
    nquads: Path | None = None,
) -> tuple[list[Document], Extraction, Dataset]:
    """Everything up to (not including) validation: the corpus as a dataset. With a
    ``cache``, only documents whose results it lacks are read (in parallel); with
    ``nquads``, the dataset is left in that file too (serialised once per build)."""
    if documents is None:
        progress(STAGES[0])
        documents = corpus.read_corpus(paths.corpus, max_bytes=max_document_bytes)
    progress(STAGES[1])
    reference = extract.load_reference(paths.ontology, paths.corpus)
    if cache is None:
        extraction = extract.extract_corpus(documents, reference)
    else:
        extraction, cache.stats = extract_incremental.extract_corpus(
            documents,
            reference,
            cache,
            ontology_dir=paths.ontology,
            progress=getattr(progress, "documents", None),
        )
    progress(STAGES[2])
    dataset = rdf.build_dataset(documents, extraction, paths.ontology_files())
    published = dataset.graph(QUERIES_GRAPH)
    for triple in saved_queries_rdf.queries_graph(paths.queries):
        published.add(triple)
    # counts the ranking queries read instead of recounting
    summaries.add_summaries(dataset, nquads)
    return documents, extraction, dataset


def summarise(
    documents: list[Document],
    staged: store.StagedBuild,
    extraction: Extraction,
    report: validate.Report,
    *,
    build_id: str,
    seconds: float,
) -> store.BuildInfo:
    """Counts for the build summary; every class, fact type and document is listed, zeros
    included, so a missing kind of fact is visible at a glance. Triples and quads are
    counted by the engine in the staged store (an rdflib union of the whole graph, made
    only to be counted, took longer than writing the store)."""
    by_doc: Counter[str] = Counter({d.id: 0 for d in documents})
    by_type: Counter[str] = Counter({t.__name__: 0 for t in FACT_TYPES})
    by_type.update(type(f).__name__ for f in extraction.facts)
    by_kind: Counter[str] = Counter({k.value: 0 for k in EntityKind})
    by_kind.update(e.kind.value for e in extraction.entities)
    for fact in extraction.facts:
        for doc_id in {ev.doc_id for ev in fact.evidence}:
            by_doc[doc_id] += 1
    return store.BuildInfo(
        build_id=build_id,
        built_at=datetime.now(UTC).isoformat(timespec="seconds"),
        seconds=round(seconds, 2),
        triples=staged.triples,
        quads=staged.quads,
        entities=dict(sorted(by_kind.items())),
        facts_by_type=dict(sorted(by_type.items())),
        facts_by_document=dict(sorted(by_doc.items())),
        conforms=report.conforms,
        violations=len(report.violations),
        unknown_names=[
            {"text": u.text, "document": u.doc_id, "start": u.start, "cue": u.cue}
            for u in extraction.unknown_names
        ],
    )


def write_failure_report(paths: Paths, report: validate.Report) -> Path:
    """Keep the violations of a rejected build where a person can read them."""
    paths.store.mkdir(parents=True, exist_ok=True)
    target = paths.store / "rejected-build-report.txt"
    lines = [
        f"{v.severity}: {v.message} | focus {v.focus} | path {v.path} | value {v.value} "
        f"| shape {v.shape}"
        for v in report.violations
    ]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def build(
    paths: Paths,
    progress: Progress = _quiet,
    *,
    full: bool = False,
    max_document_bytes: int = 0,
) -> BuildResult:
    """Build the graph and swap it in, re-extracting only documents whose extraction is
    not in the store's extraction cache (``full``: every document). One build at a time
    per store: the store's build lock is held throughout.

    :raises CorpusError: a corpus file or manifest entry is unusable, or a document is
        over ``max_document_bytes`` (0: no limit).
    :raises ValidationFailed: the graph does not conform; the previous store stays.
    :raises StoreError: another build holds the lock, or the store cannot be written
        (full disk, read-only folder).
    """
    # the corpus is checked before the store is touched: a bad entry writes nothing
    progress(STAGES[0])
    documents = corpus.read_corpus(paths.corpus, max_bytes=max_document_bytes)
    with store.build_lock(paths.store):
        try:
            return _build(paths, progress, documents, full=full)
        except OSError as exc:
            raise _one_line(exc, paths) from None


_WRITE_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM}


def _one_line(exc: OSError, paths: Paths) -> SpaceKGError:
    """What an I/O error met while building means: the store cannot be written (the
    engine's own errors name no file), or some input file cannot be read."""
    inside = exc.filename is not None and Path(str(exc.filename)).is_relative_to(paths.store)
    if exc.errno in _WRITE_ERRORS or exc.filename is None or inside:
        return store.cannot_write(paths.store, exc)
    return InputError(f"{exc.filename}: {exc.strerror or exc}; check the file and its folder")


def _build(
    paths: Paths, progress: Progress, documents: list[Document], *, full: bool
) -> BuildResult:
    started = time.perf_counter()
    cache = ExtractionCache(paths.store / CACHE_DIR, enabled=not full)
    checked = validate_split.ValidationCache(paths.store, enabled=not full)
    # serialised once, to a file: the summaries' and the store's input, not held in memory
    scratch = paths.store / f".build-{os.getpid()}.nq"
    try:
        documents, extraction, dataset = make_dataset(
            paths, progress, cache=cache, documents=documents, nquads=scratch
        )
        report = _validated(paths, documents, dataset, checked, progress, nquads=scratch)
        if checked.whole_union:
            # the union pySHACL read is held in reference cycles: a third of a gigabyte at
            # 1,000 documents, which the store and the dumps would otherwise be written
            # beside (a full collection walks the dataset too: seconds, so only then)
            gc.collect()
        progress(STAGES[4])
        staged, build_id = _staged(paths.store, scratch, full=full)
    finally:
        scratch.unlink(missing_ok=True)
    try:
        info = summarise(
            documents,
            staged,
            extraction,
            report,
            build_id=build_id,
            seconds=time.perf_counter() - started,
        )
        if cache.stats is not None:
            info.extraction = {**asdict(cache.stats), "re_validated": checked.validated}
            if staged.changed is not None:
                info.extraction["store_quads_changed"] = staged.changed
    except BaseException:
        store.discard_build(staged)
        raise
    # the dumps' pieces of graphs that did not change are the previous build's
    pieces = dump_fragments.FragmentCache(paths.store / dump_fragments.CACHE_DIR, read=not full)
    store.commit_build(
        paths.store,
        staged,
        info,
        prepare=lambda build_dir: dump.write_build_dumps(build_dir, paths.ontology, info, pieces),
    )
    return BuildResult(info, dataset, extraction, report)


def _staged(root: Path, scratch: Path, *, full: bool) -> tuple[store.StagedBuild, str]:
    """The new store, staged as the previous build plus what changed when it can be
    (``graph.store_delta``), else loaded whole; its sorted lines are kept beside it for
    the next build."""
    lines = store_delta.sorted_lines(scratch)
    build_id = store.content_id_of(lines)
    store_delta.keep_lines(root / "builds" / build_id, lines)
    staged = None if full else store_delta.stage_changes(root, lines, build_id)
    del lines
    if staged is None:
        staged = store.stage_build(root, scratch, build_id)
    return staged, build_id


def _validated(
    paths: Paths,
    documents: list[Document],
    dataset: Dataset,
    checked: validate_split.ValidationCache,
    progress: Progress = _quiet,
    *,
    nquads: Path | None = None,
) -> validate.Report:
    """The build's report (shapes per document and on the whole graph, and each
    document's quotes against its file); ``nquads``: the dataset serialised.

    :raises ValidationFailed: the graph does not conform (the violations are written).
    """
    progress(STAGES[3])
    ontology = [ONTOLOGY_GRAPH.n3()]
    lines = None if nquads is None else validate_lines.read_file(nquads, keep_subjects_of=ontology)
    report = validate_split.validate_dataset(
        dataset,
        validate.load_shapes(paths.shapes),
        validate_split.document_graphs(documents),
        cache=checked,
        lines=lines,
        texts=evidence_check.texts_of(documents),
    )
    del lines
    if not report.conforms:
        where = write_failure_report(paths, report)
        raise ValidationFailed(
            f"the new graph has {len(report.violations)} SHACL violation(s), listed in "
            f"{where}; the previous graph is still in place",
        )
    return report
