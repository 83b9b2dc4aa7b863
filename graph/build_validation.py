"""The build's validation step: the report of a new build's graph (shapes per document
and on the whole graph, each document's quotes against its file), the violations of a
rejected one kept where a person can read them, and each document graph's digest of its
lines, which the dumps key their pieces by. Used by ``graph.pipeline``."""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Mapping
from pathlib import Path

from rdflib import Dataset

from graph import evidence_check, sparql_prepared, validate, validate_lines, validate_split
from graph.config import Paths
from graph.errors import ValidationFailed
from graph.lines_dataset import LinesDataset
from graph.model import Document
from graph.union_delta import UnionDelta

DIGESTS_FILE = "lines-digests.pickle"  # in the validation cache's folder


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


def lines_digests(
    documents: list[Document],
    dataset: LinesDataset,
    *,
    kept: Path | None = None,
    read: bool = True,
) -> dict[str, str]:
    """Each document graph's digest of its lines by its N3, from the lines in hand: the
    digests ``validate_lines.read`` gives reading the build's file. ``kept``: a file the
    digests are left in for the next build, by a short digest of each graph's lines
    (``read``: this build reads the previous build's first). Digesting every line of
    every graph again took a quarter of a CPU second at 1,000 documents, one digest of
    each graph's text a twentieth."""
    previous = _kept_digests(kept) if kept is not None and read else {}
    found, now = {}, {}
    for name in validate_split.document_graphs(documents):
        if data := dataset.lines.get(name.n3()):
            short = hashlib.blake2b(data, digest_size=16).digest()
            digest = previous.get(short) or validate_lines.lines_digest(data)
            found[name.n3()] = now[short] = digest
    if kept is not None:
        _keep_digests(kept, now)
    return found


def _kept_digests(path: Path) -> dict[bytes, str]:
    try:
        found = pickle.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
        return {}
    return found if isinstance(found, dict) else {}


def _keep_digests(path: Path, digests: dict[bytes, str]) -> None:
    """Written beside, then renamed over: a killed build leaves the old file or none."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    partial.write_bytes(pickle.dumps(digests, protocol=pickle.HIGHEST_PROTOCOL))
    os.replace(partial, path)
