"""The real build conforms, and the checks bite on it: validation of the store, the
evidence check against the corpus files, and the build refusing a graph whose evidence
does not match its files."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.namespace import DCTERMS

from cli import main as cli
from graph import extract, pipeline
from graph.config import Paths
from graph.corpus import read_corpus
from graph.errors import ValidationFailed
from graph.evidence_check import check_evidence, passages, texts_of
from graph.model import Evidence, Extraction


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    old_argv = sys.argv
    sys.argv = ["spacekg", "validate", *args]
    try:
        with pytest.raises(SystemExit) as exit_info:
            cli.main()
    finally:
        sys.argv = old_argv
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def test_the_real_build_conforms(built: pipeline.BuildResult) -> None:
    report = built.report
    assert report.conforms, [(v.shape, v.focus, v.message) for v in report.violations[:10]]
    assert built.info.conforms and built.info.violations == 0


def test_the_real_build_has_evidence_to_check(built: pipeline.BuildResult) -> None:
    """Otherwise the evidence check would pass vacuously."""
    assert len(passages(built.dataset)) >= 10


def test_validate_reads_the_built_store(
    capsys: pytest.CaptureFixture[str], built: pipeline.BuildResult, built_paths: Paths
) -> None:
    code, out, _ = run(capsys, "--store", str(built_paths.store))
    assert code == 0, out
    assert out.strip() == "conforms: 0 violations"


def test_a_changed_corpus_file_breaks_the_built_graphs_evidence(
    capsys: pytest.CaptureFixture[str],
    built: pipeline.BuildResult,
    built_paths: Paths,
    corpus_copy: Paths,
) -> None:
    """The store's offsets point into the files as built; one character added at the
    start of a cited document moves every passage of it."""
    cited = URIRef(passages(built.dataset)[0].document)
    source = next(o for _s, _p, o, _g in built.dataset.quads((cited, DCTERMS.source, None, None)))
    path = corpus_copy.corpus / str(source).rsplit("/", 1)[-1]
    path.write_bytes(b"\n" + path.read_bytes())
    code, out, _ = run(
        capsys, "--store", str(built_paths.store), "--corpus", str(corpus_copy.corpus)
    )
    assert code == 1
    assert "shape:QuoteInFile" in out
    assert "fix the offsets or the quote" in out


def test_evidence_check_bites_on_a_wrong_offset(
    built: pipeline.BuildResult, project_paths: Paths
) -> None:
    texts = texts_of(read_corpus(project_paths.corpus))
    assert check_evidence(built.dataset, texts) == []
    shifted = {iri: " " + text for iri, text in texts.items()}
    problems = check_evidence(built.dataset, shifted)
    assert len(problems) == len([p for p in passages(built.dataset) if p.coherent]) > 0
    assert {v.component for v in problems} == {"QuoteInFileComponent"}
    assert all(v.shape.endswith("#QuoteInFile") for v in problems)


def test_the_build_refuses_evidence_that_is_not_in_the_file(
    corpus_copy: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Offsets moved by one character still agree with the quote's length, so only the
    evidence check can tell; the build must stop and keep no new store."""
    original = extract.assemble  # the last step of extraction, cached or not

    def off_by_one(*args, **kwargs) -> Extraction:  # type: ignore[no-untyped-def]
        extraction = original(*args, **kwargs)
        first, *rest = extraction.facts
        moved = tuple(Evidence(e.doc_id, e.start + 1, e.end + 1, e.exact) for e in first.evidence)
        return replace(extraction, facts=(replace(first, evidence=moved), *rest))

    monkeypatch.setattr(extract, "assemble", off_by_one)
    with pytest.raises(ValidationFailed) as failure:
        pipeline.build(corpus_copy)
    assert "violation" in str(failure.value)
    assert not (corpus_copy.store / "current").exists()
    report = (corpus_copy.store / "rejected-build-report.txt").read_text(encoding="utf-8")
    assert "QuoteInFile" in report


@pytest.mark.parametrize("fmt", ["jsonld", "rdf", "trig"])
def test_the_exported_graph_validates_as_a_file(
    capsys: pytest.CaptureFixture[str],
    built: pipeline.BuildResult,
    built_paths: Paths,
    tmp_path: Path,
    fmt: str,
) -> None:
    """What ``spacekg export`` writes is what ``spacekg validate FILE`` accepts."""
    target = tmp_path / f"graph.{fmt}"
    old_argv = sys.argv
    sys.argv = ["spacekg", "export", "--store", str(built_paths.store), "-o", str(target)]
    try:
        with pytest.raises(SystemExit) as exit_info:
            cli.main()
    finally:
        sys.argv = old_argv
    assert exit_info.value.code in (0, None)
    capsys.readouterr()
    code, out, _ = run(capsys, str(target))
    assert code == 0, out
