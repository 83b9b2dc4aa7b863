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
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from rdflib import Dataset

from graph import (
    build_validation,
    corpus,
    corpus_lines,
    dump,
    dump_background,
    dump_fragments,
    dump_ranges,
    extract,
    extract_incremental,
    rdf,
    rdf_lines,
    saved_queries_rdf,
    store,
    store_delta,
    summaries,
    validate,
    validate_lines,
    validate_split,
    validate_whole,
)
from graph.build_summary import summarise
from graph.config import Paths
from graph.dump_background import BackgroundDumps, StagedElsewhere, abandoned
from graph.errors import InputError, SpaceKGError
from graph.extraction_cache import CACHE_DIR, ExtractionCache
from graph.gc_pause import collection_paused, frozen_when_asked
from graph.lines_dataset import LinesDataset
from graph.model import Document, Extraction
from graph.staging_thread import StagingThread
from graph.summaries import SUMMARIES_GRAPH
from graph.union_delta import UnionDelta
from graph.vocab import ONTOLOGY_GRAPH, QUERIES_GRAPH

Progress = Callable[[str], None]
STAGES = ("read corpus", "extract facts", "make RDF", "validate", "write store")


@dataclass
class BuildResult:
    info: store.BuildInfo
    made: Dataset | LinesDataset  # what the build validated: an add-one build's is lines
    extraction: Extraction
    report: validate.Report

    @property
    def dataset(self) -> Dataset:
        """The build's dataset in rdflib (parsed from its lines if the build made none)."""
        if isinstance(self.made, LinesDataset):
            self.made = self.made.to_dataset()
        return self.made


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
    quads: rdf_lines.QuadsCache | None = None,
    in_memory: bool = True,
) -> tuple[list[Document], Extraction, Dataset | LinesDataset]:
    """Everything up to (not including) validation: the corpus as a dataset. With a
    ``cache``, only documents whose results it lacks are read (in parallel); with
    ``nquads``, the dataset is left in that file too (serialised once per build). With
    ``quads`` too, each document graph's lines are kept in that cache; and unless
    ``in_memory``, no rdflib dataset of the corpus is made: each document graph's lines are
    read from that cache or written afresh, and the dataset is those lines."""
    documents, extraction = _extracted(
        paths, progress, cache=cache, max_document_bytes=max_document_bytes, documents=documents
    )
    if nquads is not None and quads is not None and not in_memory:
        lines = corpus_lines.dataset_lines(paths, documents, extraction, nquads, quads)
        return documents, extraction, lines
    dataset = rdf.build_dataset(documents, extraction, paths.ontology_files())
    published = dataset.graph(QUERIES_GRAPH)
    for triple in saved_queries_rdf.queries_graph(paths.queries):
        published.add(triple)
    if nquads is None or quads is None:
        # counts the ranking queries read instead of recounting
        summaries.add_summaries(dataset, nquads)
        return documents, extraction, dataset
    # serialised graph by graph, so each document's lines are kept for the next build
    graphs = {g.identifier.n3(): rdf_lines.graph_lines(g) for g in dataset.graphs() if len(g)}
    with nquads.open("wb") as out:
        out.writelines(graphs.values())
    counts = dataset.graph(SUMMARIES_GRAPH)
    for triple in summaries.append_summaries(nquads):
        counts.add(triple)
    rdf_lines.keep_documents(documents, extraction, graphs, quads)
    return documents, extraction, dataset


def _extracted(
    paths: Paths,
    progress: Progress,
    *,
    cache: ExtractionCache | None,
    max_document_bytes: int = 0,
    documents: list[Document] | None = None,
) -> tuple[list[Document], Extraction]:
    """The corpus read (unless given) and its facts extracted (``make_dataset``)."""
    if documents is None:
        progress(STAGES[0])
        documents = corpus.read_corpus(paths.corpus, max_bytes=max_document_bytes)
    progress(STAGES[1])
    reference = extract.load_reference(paths.ontology, paths.corpus)
    if cache is None:
        return documents, extract.extract_corpus(documents, reference)
    extraction, cache.stats = extract_incremental.extract_corpus(
        documents,
        reference,
        cache,
        ontology_dir=paths.ontology,
        progress=getattr(progress, "documents", None),
    )
    return documents, extraction


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
            # a build on the previous one holds no rdflib corpus, one of few long
            # documents holds its reading to the end: the collector waits (a pass
            # follows validation)
            follow = not full and _can_follow(paths.store)
            with (
                collection_paused(follow or dump_background.beside_cold_build(documents)),
                frozen_when_asked() as hold,
            ):
                return _build(paths, progress, documents, full=full, hold=hold)
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
    paths: Paths,
    progress: Progress,
    documents: list[Document],
    *,
    full: bool,
    hold: Callable[[], None] = lambda: None,
) -> BuildResult:
    started = time.perf_counter()
    cache = ExtractionCache(paths.store / CACHE_DIR, enabled=not full)
    checked = validate_split.ValidationCache(paths.store, enabled=not full)
    quads = rdf_lines.QuadsCache(paths.store / rdf_lines.CACHE_DIR, enabled=not full)
    # a build that will change the previous one validates near the changes, its dumps
    # written by a second process meanwhile; so are a cold build's of few long documents
    follow = not full and _can_follow(paths.store)
    beside = follow or dump_background.beside_cold_build(documents)
    # serialised once, to a file: the summaries' and the store's input, not held in memory
    scratch = paths.store / f".build-{os.getpid()}.nq"
    background: BackgroundDumps | None = None
    staged: store.StagedBuild | None = None
    staging: StagedElsewhere | None = None  # a cold build's, beside validation
    built_at = datetime.now(UTC)
    # the dumps' pieces of graphs that did not change are the previous build's
    pieces = dump_fragments.FragmentCache(paths.store / dump_fragments.CACHE_DIR, read=not full)
    try:
        if beside:
            # the dumps are written by a second process while this one stages and
            # validates; started now, it imports while this one extracts (one core)
            background = BackgroundDumps(
                paths.ontology, built_at.date(), pieces, paths.store / "builds"
            )
        documents, extraction = _extracted(paths, progress, cache=cache, documents=documents)
        progress(STAGES[2])
        # no rdflib dataset of the corpus, cold or not: each graph's lines are made (or
        # kept) and validation parses what it reads from them. A cold build's dataset was
        # 0.5 GiB at 1,000 documents, held beside the union pySHACL read
        dataset = corpus_lines.dataset_lines(paths, documents, extraction, scratch, quads)
        if beside and not follow:  # its extraction lives to its end: no pass walks it
            hold()
        progress(STAGES[3])
        pieces.ranged = dump_ranges.ranged_lines(dataset)  # the summaries' pieces by ranges
        # the document graphs' digests from their lines in hand: validation and the dumps
        # read no other graph's
        digests = build_validation.lines_digests(
            documents,
            dataset,
            kept=None if checked.folder is None else checked.folder / build_validation.DIGESTS_FILE,
            read=checked.enabled,
        )
        pieces.lines = build_validation.document_digests(documents, digests)
        lines: validate_lines.QuadLines | None = None
        delta: UnionDelta | None = None  # what changed since the previous build's lines
        if background is not None:
            # the worker writes the graphs whose pieces were kept while the store is
            # staged (started sooner, while the summaries are counted, it only took CPU
            # from them: what it does before it needs the store fits in the staging)
            background.graphs(
                pieces.lines, [n3[1:-1] for n3, data in dataset.lines.items() if data]
            )
            if follow:
                staged, build_id, delta = store_delta.stage_with_delta(
                    paths.store, scratch, full=full, keep_later=True
                )
                background.staged(staged.path, build_id)
                if delta is not None:  # while the worker writes the dumps from the store
                    store_delta.keep_lines(paths.store / "builds" / build_id, delta.lines)
            else:  # validation reads the lines, not the store: the worker stages it
                staging = background.stage(paths.store, scratch, full=full)
        else:  # a cold build of many documents stages beside its validation too
            staging = StagingThread(paths.store, scratch, None, full=full)
        if delta is None:
            lines = validate_lines.read_file(
                scratch, keep_subjects_of=[ONTOLOGY_GRAPH.n3()], digests=digests
            )

        def read_lines() -> validate_lines.QuadLines:
            """The union read whole, when validation near the changes cannot do without."""
            return validate_lines.read_file(
                scratch, keep_subjects_of=[ONTOLOGY_GRAPH.n3()], digests=digests
            )

        report = build_validation.validated(
            paths,
            documents,
            dataset,
            checked,
            lines=read_lines if lines is None else lines,
            delta=delta,
            graph_digests=digests if lines is None else None,
        )
        if delta is not None:
            delta.close()
        del lines, delta
        if checked.whole_union:
            # the union pySHACL read is held in reference cycles: a third of a gigabyte at
            # 1,000 documents, which the store and the dumps would otherwise be written
            # beside (a full collection walks the dataset too: seconds, so only then). A
            # build whose dumps a worker writes would only wait for it meanwhile; left to
            # the collector's first pass after the build, the same walk came after it
            gc.collect()
        progress(STAGES[4])
        if staging is not None:
            staged, build_id = staging.result()
        if background is None:
            built_at = datetime.now(UTC)
        else:
            background.wait()
    except BaseException:
        if staging is not None:  # (its thread still reads the scratch file)
            staged = abandoned(staging)
        if background is not None:
            background.discard()
        if staged is not None:
            store.discard_build(staged)
        raise
    finally:
        scratch.unlink(missing_ok=True)
    # the whole-graph state kept is this build's: the next one digests only what changes
    validate_whole.stamp(checked.folder, build_id)
    try:
        info = summarise(
            documents,
            staged,
            extraction,
            report,
            build_id=build_id,
            seconds=time.perf_counter() - started,
            built_at=built_at,
        )
        if cache.stats is not None:
            info.extraction = {
                **asdict(cache.stats),
                "re_validated": checked.validated,
                "graphs_written": quads.written,  # document graphs made in rdflib again
            }
            if staged.changed is not None:
                info.extraction["store_quads_changed"] = staged.changed
    except BaseException:
        store.discard_build(staged)
        if background is not None:
            background.discard()
        raise

    def prepare(build_dir: Path) -> Path:
        if background is not None:
            return background.install(build_dir)
        return dump.write_build_dumps(build_dir, paths.ontology, info, pieces)

    store.commit_build(paths.store, staged, info, prepare=prepare)
    for kept in (cache, checked, quads):  # what no document of this build uses goes
        kept.prune()
    return BuildResult(info, dataset, extraction, report)


def _can_follow(root: Path) -> bool:
    """Whether a previous build left its lines and whole-graph results to build on."""
    previous = store.current_path(root)
    return (
        previous.exists()
        and store_delta.lines_path(previous.resolve()).is_file()
        and (root / validate_split.CACHE_DIR / validate_whole.STATE_FILE).is_file()
    )
