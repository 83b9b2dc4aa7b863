"""Compose the stages: corpus -> extraction -> RDF -> validation -> store.

I/O happens only at the ends (``read_corpus`` and ``write_build``); everything between
is a pure function of its inputs. ``progress`` receives one call per stage so the CLI
can show where a build is without the pipeline knowing about terminals.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from rdflib import Dataset

from graph import corpus, extract, rdf, store, validate
from graph.config import Paths
from graph.errors import ValidationFailed
from graph.model import Document, Extraction

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
    paths: Paths, progress: Progress = _quiet
) -> tuple[list[Document], Extraction, Dataset]:
    """Everything up to (not including) validation: the corpus as a dataset."""
    progress(STAGES[0])
    documents = corpus.read_corpus(paths.corpus)
    progress(STAGES[1])
    reference = extract.load_reference(paths.ontology, paths.corpus)
    extraction = extract.extract_corpus(documents, reference)
    progress(STAGES[2])
    dataset = rdf.build_dataset(documents, extraction, paths.ontology_files())
    return documents, extraction, dataset


def summarise(
    dataset: Dataset, extraction: Extraction, report: validate.Report, seconds: float
) -> store.BuildInfo:
    nquads = dataset.serialize(format="nquads", encoding="utf-8")
    union = validate.union_graph(dataset)
    by_doc: Counter[str] = Counter()
    for fact in extraction.facts:
        for doc_id in {ev.doc_id for ev in fact.evidence}:
            by_doc[doc_id] += 1
    return store.BuildInfo(
        build_id=store.content_id(nquads),
        built_at=datetime.now(UTC).isoformat(timespec="seconds"),
        seconds=round(seconds, 2),
        triples=len(union),
        quads=len(dataset),
        entities=dict(sorted(Counter(e.kind.value for e in extraction.entities).items())),
        facts_by_type=dict(sorted(Counter(type(f).__name__ for f in extraction.facts).items())),
        facts_by_document=dict(sorted(by_doc.items())),
        conforms=report.conforms,
        violations=len(report.violations),
        unknown_names=[
            {"text": u.text, "document": u.doc_id, "start": u.start, "cue": u.cue}
            for u in extraction.unknown_names
        ],
    )


def build(paths: Paths, progress: Progress = _quiet) -> BuildResult:
    """Build the graph and swap it in.

    :raises CorpusError: a corpus file or manifest entry is unusable.
    :raises ValidationFailed: the graph does not conform; the previous store stays.
    """
    started = time.perf_counter()
    _docs, extraction, dataset = make_dataset(paths, progress)
    progress(STAGES[3])
    report = validate.validate_graph(dataset, validate.load_shapes(paths.shapes))
    info = summarise(dataset, extraction, report, time.perf_counter() - started)
    result = BuildResult(info, dataset, extraction, report)
    if not report.conforms:
        raise ValidationFailed(
            f"the new graph has {len(report.violations)} SHACL violation(s); the previous "
            "graph is still serving. Run `spacekg validate --rebuild` to see them",
        )
    progress(STAGES[4])
    nquads = dataset.serialize(format="nquads", encoding="utf-8")
    info.seconds = round(time.perf_counter() - started, 2)
    store.write_build(paths.store, nquads, info)
    return result
