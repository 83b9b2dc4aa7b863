"""Per-document validation over worker processes (``graph.validate_parallel``): the
results of validating each graph alone, in order, whoever validated it; and a worker
lost while this process validates chunks of its own stops the build with one line."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF

from graph import validate, validate_parallel, validate_split
from graph.config import Paths
from graph.helper_pool import HelperLost
from graph.vocab import CSK, OA

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


FIXTURES = ROOT / "tests" / "fixtures" / "shapes"
_ID = "https://w3id.org/china-space-kg/id/"


def _renamed(triples: list) -> list:
    """The same graph with every instance IRI its own (another document's, in effect)."""

    def rename(node):
        if isinstance(node, URIRef) and str(node).startswith(_ID):
            return URIRef(str(node).replace(_ID, _ID + "other-", 1))
        return node

    return [(rename(s), p, rename(o)) for s, p, o in triples]


def _per_document_fixtures(shapes) -> list[Path]:
    local = {name.rsplit("#", 1)[-1] for name in validate_split.split_shapes(shapes).per_document}
    return sorted(p for p in FIXTURES.glob("*.ttl") if p.stem.split("--")[0] in local)


def test_graphs_validated_together_give_each_ones_results(shapes) -> None:
    """One pySHACL run over a chunk of documents' graphs: every per-document fixture,
    beside a conforming graph of other nodes, gives each graph the results it gets alone
    (the run together must see the fixture's violation to fall back to them)."""
    from rdflib import Graph

    use = validate_split.split_shapes(shapes).per_document
    good = _renamed(list(Graph().parse(FIXTURES / "valid.ttl")))
    assert validate_parallel.validate_one(good, shapes, use) == ()
    fixtures = _per_document_fixtures(shapes)
    assert len(fixtures) >= 15
    biting = 0
    for fixture in fixtures:
        bad = list(Graph().parse(fixture))
        for tasks in ([(bad, None), (good, None)], [(good, None), (bad, None)]):
            alone = [validate_parallel.validate_one(g, shapes, use, t) for g, t in tasks]
            biting += any(alone)
            assert validate_parallel.validate_many(tasks, shapes, use) == alone, fixture.name
    assert biting >= 2 * 15  # most break a document's graph alone (some only the union)


def test_a_quote_not_in_its_file_is_found_together(shapes) -> None:
    """Checked against the files together: one graph's quote not in its file gives the
    results of each graph alone; graphs given no texts keep their quotes unchecked."""
    from rdflib import Graph

    use = validate_split.split_shapes(shapes).per_document
    good = list(Graph().parse(FIXTURES / "valid.ttl"))
    other = _renamed(good)
    texts = {
        str(s): (ROOT / "corpus" / str(o).rsplit("/", 1)[-1]).read_text("utf-8")
        for s, p, o in good
        if p == DCTERMS.source
    }
    assert len(texts) == 3
    first = str(next(o for _s, p, o in good if p == OA.hasSource))
    for given in (texts, {**texts, first: "x" * len(texts[first])}):
        tasks = [(good, given), (other, {})]
        alone = [validate_parallel.validate_one(g, shapes, use, t) for g, t in tasks]
        assert bool(alone[0]) == (given is not texts) and alone[1]
        assert validate_parallel.validate_many(tasks, shapes, use) == alone
        mixed = [(good, given), (other, None)]
        alone = [validate_parallel.validate_one(g, shapes, use, t) for g, t in mixed]
        assert alone[1] == ()
        assert validate_parallel.validate_many(mixed, shapes, use) == alone
    both = [(good, texts), (good, texts)]
    assert validate_parallel.validate_many(both, shapes, use) == [(), ()]


def _lines(triples: list, graph: str = "<https://example.org/g>") -> bytes:
    """A graph's N-Quads lines, as a build writes them."""
    return "".join(f"{s.n3()} {p.n3()} {o.n3()} {graph} .\n" for s, p, o in triples).encode()


@pytest.mark.slow
def test_graphs_given_as_lines_give_the_results_of_their_triples(shapes) -> None:
    """A cold build hands each document's graph over as its N-Quads lines, parsed by
    whichever process validates it: the results are those of the parsed triples, alone,
    in chunks together, or shared out to a worker."""
    from rdflib import Graph

    use = validate_split.split_shapes(shapes).per_document
    good = _renamed(list(Graph().parse(FIXTURES / "valid.ttl")))
    bad = list(Graph().parse(_per_document_fixtures(shapes)[0]))
    for triples in (good, bad):
        assert validate_parallel.validate_one(
            _lines(triples), shapes, use
        ) == validate_parallel.validate_one(triples, shapes, use)
    tasks = [(good, None), (bad, None)]
    as_lines = [(_lines(g), t) for g, t in tasks]
    assert validate_parallel.validate_many(as_lines, shapes, use) == (
        validate_parallel.validate_many(tasks, shapes, use)
    )
    graphs = _graphs(validate_parallel._POOL_FROM + 30)
    alone = [validate_parallel.validate_one(g, shapes, use) for g in graphs]
    found, _beside = validate_parallel.validate_graphs(
        [_lines(g) for g in graphs], shapes, use, alongside=lambda: "union", workers=1
    )
    assert found == alone
