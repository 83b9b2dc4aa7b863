"""Per-document validation over worker processes (``graph.validate_parallel``): the
results of validating each graph alone, in order, whoever validated it; and a worker
lost while this process validates chunks of its own stops the build with one line."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from graph import validate, validate_parallel, validate_split
from graph.config import Paths
from graph.helper_pool import HelperLost
from graph.vocab import CSK

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def shapes():
    return validate.load_shapes(Paths.defaults(ROOT).shapes)


def _graphs(count: int) -> list[list]:
    """Small document graphs, each with something to report (no title, a count)."""
    graphs = []
    for n in range(count):
        doc = URIRef(f"https://w3id.org/china-space-kg/id/document/d{n}")
        graphs.append([(doc, RDF.type, CSK.SourceDocument), (doc, CSK.characterCount, Literal(n))])
    return graphs


def _children() -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == os.getpid():
                found.append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    return found


@pytest.mark.slow
def test_each_graphs_results_whoever_validates_it(shapes) -> None:
    use = validate_split.split_shapes(shapes).per_document
    graphs = _graphs(validate_parallel._POOL_FROM + 30)
    alone = [validate_parallel.validate_one(g, shapes, use) for g in graphs]
    assert any(alone)
    found, beside = validate_parallel.validate_graphs(
        graphs, shapes, use, alongside=lambda: "union", workers=1
    )
    assert beside == "union"
    assert found == alone


@pytest.mark.slow
def test_a_worker_lost_while_this_process_validates_is_one_line(
    shapes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker killed once this process has taken chunks of its own: the pool fails
    every future it holds (this process no longer cancels any, which could hang the
    pool's shutdown when the pool broke after the cancel), and the build says so."""
    use = validate_split.split_shapes(shapes).per_document
    graphs = _graphs(validate_parallel._POOL_FROM + 400)
    before = set(_children())
    real = validate_parallel.validate_one
    lost: list[int] = []

    def validate_here(*args, **kwargs):  # in this process only: workers have their own
        for pid in sorted(set(_children()) - before)[: 1 - len(lost)]:
            os.kill(pid, signal.SIGKILL)
            lost.append(pid)
        return real(*args, **kwargs)

    monkeypatch.setattr(validate_parallel, "validate_one", validate_here)
    with pytest.raises(HelperLost, match="validating"):
        validate_parallel.validate_graphs(graphs, shapes, use, alongside=lambda: "union", workers=1)
    assert lost
