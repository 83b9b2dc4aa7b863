"""Per-document validation over worker processes, while this one validates the union.

A cold build validates every document's graph on its own (``graph.validate_split``):
hundreds of small validations that depend only on the document's triples and the
shapes, so they are shared out in chunks to a pool of worker processes (one fewer than
cores, each holding the shapes) while the parent runs the shapes that need the whole
graph, and then takes the chunks no worker has started. A chunk is one pySHACL run over
its graphs together, each graph alone only when that run finds something
(``validate_many``). The shapes travel pickled,
blank nodes and all, so a result names the same shape it would in the parent; results
come back in the order the graphs were given. Below ``_POOL_FROM`` graphs the pool's
start-up (a worker imports pySHACL) costs more than it saves, and the parent validates
them alone, after the union (unless they are large: a big document's graph alone).
A graph may be given as its N-Quads lines, parsed by whoever validates it: parsing a
cold build's 1,000 graphs in this process, and pickling their rdflib terms to a worker,
took seconds of this process's CPU before it could start on the union.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

from rdflib import Graph
from rdflib.term import Node

from graph import lines_graph
from graph.evidence_check import check_evidence
from graph.helper_pool import helper_pool
from graph.quiet_workers import interrupts_held, quit_on_interrupt
from graph.validate import Violation, _violations, data_graph, run_pyshacl
from graph.validate_sparql_empty import unchanged

_POOL_FROM = 40  # graphs to validate before a pool pays for itself
# or triples: one large document's graph (a 2 MB white paper's took 8 s) is validated by
# a worker while this process validates the union, not after it
_POOL_FROM_TRIPLES = 20_000
_CHUNK = 20  # graphs per task: few enough to share out evenly, enough to amortise

Triples = list[tuple[Node, Node, Node]]
# a graph, as its triples or its N-Quads lines (``graph.lines_graph`` reads them)
Given = Triples | bytes
Task = tuple[Given, Mapping[str, str] | None]  # a graph, and the texts its quotes are from
Violations = tuple[Violation, ...]
T = TypeVar("T")


def _cores() -> int:
    # not extract_parallel's: importing it would load the parser's modules into every worker
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


_shapes: Graph | None = None  # the worker's own, set once by _start_worker
_use: tuple[str, ...] = ()


def _start_worker(shapes: Graph, use: tuple[str, ...]) -> None:
    global _shapes, _use
    quit_on_interrupt()  # Ctrl-C reaches the whole process group: the build says so
    _shapes, _use = shapes, use


def triples_of(graph: Given) -> Triples:
    """A graph's triples, parsed from its lines if it was given as lines."""
    return lines_graph.triples(graph) if isinstance(graph, bytes) else graph


def size_of(graph: Given) -> int:
    """A graph's triples counted without parsing it (one a line)."""
    return graph.count(b"\n") if isinstance(graph, bytes) else len(graph)


def validate_one(
    triples: Given,
    shapes: Graph,
    use: Sequence[str],
    texts: Mapping[str, str] | None = None,
) -> tuple[Violation, ...]:
    """The results of the shapes ``use`` names on one graph's triples, sorted; with
    ``texts`` (document IRI -> file text), then those of its quotes against the files."""
    if not use and texts is None:
        return ()
    data = _graph_of(triples_of(triples))
    found: list[Violation] = []
    if use:
        with unchanged(data):
            _conforms, results = run_pyshacl(data, shapes, use)
        found = _violations(results)
    if texts is not None:
        # the document's own small graph: on the dataset's, rdflib would scan the corpus
        found += check_evidence(data, texts)
    return tuple(found)


def _graph_of(triples: Iterable[tuple[Node, Node, Node]]) -> Graph:
    """``validate.data_graph`` of the triples, each added as ``Graph.add`` does once it
    has checked its terms are rdflib's, as a build's all are (lines parsed by
    ``graph.lines_graph``): a 10 MB document's 62,000 triples took a second."""
    graph = data_graph()
    add = graph.store.add
    for triple in triples:
        add(triple, graph, False)
    return graph


def validate_many(tasks: Sequence[Task], shapes: Graph, use: Sequence[str]) -> list[Violations]:
    """Each task's ``validate_one`` results, in order, from one pySHACL run over all their
    graphs together when that run finds nothing. pySHACL's set-up (about 6 ms a run)
    was most of a small document's validation. A per-document shape reads only nodes its
    document owns (``graph.validate_split``), so graphs that each conform conform together;
    when the run together finds anything, each graph is validated alone, so the results
    (and each document's cache entry) are always those of ``validate_one``."""
    if len(tasks) < 2 or (not use and all(t is None for _g, t in tasks)):
        return [validate_one(g, shapes, use, t) for g, t in tasks]
    tasks = [(triples_of(graph), texts) for graph, texts in tasks]  # each parsed once
    data = _graph_of(triple for graph, _texts in tasks for triple in graph)
    conforms = True
    if use:  # any result counts (a warning conforms, but is still reported)
        with unchanged(data):
            conforms = not _violations(run_pyshacl(data, shapes, use)[1])
    if conforms and any(t is not None for _g, t in tasks):
        texts: dict[str, str] = {}
        for _graph, given in tasks:
            texts.update(given or {})
        # a document given no texts has its quotes unchecked: together, they would be
        conforms = all(t is not None for _g, t in tasks) and not check_evidence(data, texts)
    if conforms:
        return [() for _task in tasks]
    return [validate_one(g, shapes, use, t) for g, t in tasks]


def _claimed(claims: str, index: int) -> bool:
    """Whether this process is the first to claim chunk ``index`` (a file made once)."""
    try:
        os.close(os.open(os.path.join(claims, str(index)), os.O_CREAT | os.O_EXCL))
    except FileExistsError:
        return False
    return True


def _validate_chunk(
    chunk: list[Task], claims: str, index: int
) -> list[tuple[Violation, ...]] | None:
    """The chunk's results, or ``None`` when the parent has claimed it first."""
    assert _shapes is not None, "worker started without its shapes"
    if not _claimed(claims, index):
        return None
    return validate_many(chunk, _shapes, _use)


def validate_graphs(
    graphs: Sequence[Given],
    shapes: Graph,
    use: Sequence[str],
    *,
    alongside: Callable[[], T],
    workers: int | None = None,
    texts: Sequence[Mapping[str, str] | None] | None = None,
) -> tuple[list[tuple[Violation, ...]], T]:
    """Each graph's results (in the order given) and what ``alongside`` returns, which
    runs in this process while the workers validate (``workers=0``: none, all here).
    ``texts``: for each graph, the texts its quotes are checked against (or ``None``)."""
    tasks: list[Task] = list(zip(graphs, texts or [None] * len(graphs), strict=True))
    # this process is busy with ``alongside`` meanwhile: one worker fewer than cores
    # (each worker also holds pySHACL and the shapes in memory)
    if workers is None:
        workers = max(1, _cores() - 1)
    small = len(tasks) < _POOL_FROM and sum(size_of(g) for g in graphs) < _POOL_FROM_TRIPLES
    chunks = [tasks[i : i + _CHUNK] for i in range(0, len(tasks), _CHUNK)]
    if workers < 1 or small or not use:
        beside = alongside()
        return [found for chunk in chunks for found in validate_many(chunk, shapes, use)], beside
    # a chunk is validated by whoever claims it first; this process claims from the
    # back. (Not by cancelling the futures of chunks no worker has started: a pool that
    # breaks fails every future it holds, one cancelled before that stops its manager
    # thread, and the pool's shutdown then waits for ever.)
    with (
        tempfile.TemporaryDirectory(prefix="spacekg-claims-") as claims,
        helper_pool(
            min(workers, len(chunks)), _start_worker, (shapes, tuple(use)), doing="validating"
        ) as pool,
    ):
        with interrupts_held():  # the workers start as the tasks are submitted
            futures = [
                pool.submit(_validate_chunk, chunk, claims, i) for i, chunk in enumerate(chunks)
            ]
        beside = alongside()
        # then this process takes chunks from the back while the workers eat the front
        here: dict[int, list[tuple[Violation, ...]]] = {}
        for i in reversed(range(len(futures))):
            if not _claimed(claims, i):
                break  # a worker's: so are all before it (the pool starts them in order)
            here[i] = validate_many(chunks[i], shapes, use)
        results: list[tuple[Violation, ...]] = []
        for i, future in enumerate(futures):
            done = future.result()  # None for the chunks this process claimed
            results += here.get(i, done or [])
    return results, beside
