"""The build's validation step: the report of a new build's graph (shapes per document
and on the whole graph, each document's quotes against its file), the violations of a
rejected one kept where a person can read them, and each document graph's digest of its
lines, which the dumps key their pieces by. Used by ``graph.pipeline``."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from rdflib import Dataset

from graph import evidence_check, sparql_prepared, validate, validate_lines, validate_split
from graph.config import Paths
from graph.errors import ValidationFailed
from graph.lines_dataset import LinesDataset
from graph.model import Document
from graph.union_delta import UnionDelta


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


def validated(
    paths: Paths,
    documents: list[Document],
    dataset: Dataset | LinesDataset,
    checked: validate_split.ValidationCache,
    *,
    lines: validate_lines.QuadLines | Callable[[], validate_lines.QuadLines] | None = None,
    delta: UnionDelta | None = None,
    graph_digests: Mapping[str, str] | None = None,
) -> validate.Report:
    """The build's report (shapes per document and on the whole graph, and each
    document's quotes against its file); ``lines``: the dataset's N-Quads as read by
    ``graph.validate_lines`` (or a function reading them, called only if the union must
    be read whole: ``delta`` and ``graph_digests`` as ``validate_split.validate_dataset``).

    :raises ValidationFailed: the graph does not conform (the violations are written).
    """
    # the shapes' SPARQL constraints as the previous build translated them
    with sparql_prepared.kept_in(checked.folder, read=checked.enabled):
        report = validate_split.validate_dataset(
            dataset,
            validate.load_shapes(paths.shapes),
            validate_split.document_graphs(documents),
            cache=checked,
            lines=lines,
            texts=evidence_check.texts_of(documents),
            shapes_key=validate_split.file_key(paths.shapes),
            delta=delta,
            graph_digests=graph_digests,
        )
    if not report.conforms:
        where = write_failure_report(paths, report)
        raise ValidationFailed(
            f"the new graph has {len(report.violations)} SHACL violation(s), listed in "
            f"{where}; the previous graph is still in place",
        )
    return report


def document_digests(documents: list[Document], digests: Mapping[str, str]) -> dict[str, str]:
    """Each document graph's digest of its lines (IRI -> digest), which the dumps key
    their pieces by; ``digests``: every graph's, by its N3 (``validate_lines``)."""
    found = {}
    for name in validate_split.document_graphs(documents):
        if name.n3() in digests:  # a document graph has no blank node
            found[str(name)] = digests[name.n3()]
    return found


def lines_digests(documents: list[Document], dataset: LinesDataset) -> dict[str, str]:
    """Each document graph's digest of its lines by its N3, from the lines in hand: the
    digests ``validate_lines.read`` gives reading the build's file."""
    found = {}
    for name in validate_split.document_graphs(documents):
        if data := dataset.lines.get(name.n3()):
            found[name.n3()] = validate_lines.lines_digest(data)
    return found
