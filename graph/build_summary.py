"""The build summary's counts: what a build holds, by class, fact type and document.

Every class, fact type and document is listed, zeros included, so a missing kind of
fact is visible at a glance. Triples and quads are counted by the engine in the staged
store (an rdflib union of the whole graph, made only to be counted, took longer than
writing the store).
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

from graph import store, validate
from graph.model import FACT_TYPES, Document, EntityKind, Extraction


def summarise(
    documents: list[Document],
    staged: store.StagedBuild,
    extraction: Extraction,
    report: validate.Report,
    *,
    build_id: str,
    seconds: float,
    built_at: datetime | None = None,
) -> store.BuildInfo:
    """The build's ``BuildInfo``: its counts, its validation's outcome and the names the
    extraction did not know."""
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
        built_at=(built_at or datetime.now(UTC)).isoformat(timespec="seconds"),
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
