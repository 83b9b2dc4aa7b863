"""A cold build of few long documents writes its dumps in a worker beside its validation
(its store staged first): the same build and the same downloads as a cold build that
writes them after validating. A cold build of many documents, or of short ones, keeps
writing them after (the worker's memory beside a large validation would pass 1 GiB)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from graph import dump, dump_background, pipeline
from graph.config import Paths
from graph.model import Document, DocumentMeta
from tests.test_incremental_build import without_blank_names


def document(doc_id: str, size: int, *, copy: bool = False) -> Document:
    meta = DocumentMeta(
        id=doc_id,
        file=f"{doc_id}.txt",
        title="",
        publisher="",
        issued="2024-01-01",
        kind="report",
        alternate_of="other" if copy else None,
    )
    return Document(meta=meta, path=Path(meta.file), text="x" * size)


def test_few_long_documents_write_their_dumps_beside_validation() -> None:
    million = dump_background.COLD_FROM_CHARS
    assert dump_background.beside_cold_build([document("large", million)])
    assert dump_background.beside_cold_build([document(f"part{i}", million // 4) for i in range(4)])


def test_short_or_many_documents_write_them_after() -> None:
    million = dump_background.COLD_FROM_CHARS
    assert not dump_background.beside_cold_build([document("news", million - 1)])
    many = dump_background.COLD_UP_TO_DOCUMENTS + 1
    assert not dump_background.beside_cold_build(
        [document(f"news{i}", million) for i in range(many)]
    )
    assert not dump_background.beside_cold_build([])


def test_a_copy_of_a_document_is_not_read_so_does_not_count() -> None:
    million = dump_background.COLD_FROM_CHARS
    assert not dump_background.beside_cold_build(
        [document("news", 10), document("copy", million, copy=True)]
    )


@pytest.mark.slow
def test_dumps_written_beside_validation_are_those_written_after(
    built: pipeline.BuildResult,
    built_paths: Paths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    workers: list[dump_background.BackgroundDumps] = []

    class Counted(dump_background.BackgroundDumps):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            workers.append(self)

    # the corpus (five documents, 180 kB) taken for a large one
    monkeypatch.setattr(dump_background, "COLD_FROM_CHARS", 0)
    monkeypatch.setattr(pipeline, "BackgroundDumps", Counted)
    beside = pipeline.build(replace(built_paths, store=tmp_path / "store"))

    assert len(workers) == 1
    assert beside.info.build_id == built.info.build_id
    assert beside.report.violations == built.report.violations
    ours, theirs = dump.current_dumps(tmp_path / "store"), dump.current_dumps(built_paths.store)
    sums, after = dump.read_checksums(ours), dump.read_checksums(theirs)
    assert sums.keys() == after.keys()
    # pyLODE's page differs from run to run; the store names the ontology's blank nodes
    # afresh on every load, so files that spell them match but for the names
    del sums[dump.ONTOLOGY_HTML], after[dump.ONTOLOGY_HTML]
    # the dataset is issued on its build's day: two builds either side of midnight differ
    # by that date alone
    day, other_day = beside.info.built_at[:10].encode(), built.info.built_at[:10].encode()
    for name in sums:
        if sums[name] != after[name]:
            ours_lines = [line.replace(day, other_day) for line in without_blank_names(ours / name)]
            assert sorted(ours_lines) == without_blank_names(theirs / name), name
    assert not list((tmp_path / "store" / "builds").glob(".*.partial"))
