"""The whole-graph shapes run again only on the nodes whose description changed.

Adding one document to a thousand changes the triples of a few dozen subjects (its
facts, the partners whose counts moved, its new entities), yet pySHACL evaluated the
whole-graph shapes (facts, entities, concepts, counts) on every node of the union: most
of a rebuild's validation. A build keeps, beside the validation cache, a digest of each
subject's outgoing triples and the whole-graph results; the next build compares digests
and runs the shapes only on the *changed* subjects and the nodes that can see them, and
keeps the earlier results of every other node.

A whole-graph shape's result for a node depends on the node's own triples and on those
of the nodes its paths lead to (the values' types, a partner's country code), which for
this project's shapes are at most two steps away, or any number of ``csk:partOf`` steps
(``PartOfNoCycle``). So the nodes validated again are the changed subjects, the subjects
of triples pointing at them, and the subjects pointing at those (``REACH`` steps back),
and the missions that reach a changed one through ``csk:partOf``: each whole-graph
shape is given those of them its targets select, as named target nodes. No whole-graph shape
looks at a node's incoming triples (``tests/test_validate_whole.py`` keeps that so).
Anything subtler (the ontology or concept schemes changed: class hierarchies and concept
schemes reach every fact; other shapes; a blank node changed; too many changes) runs the
shapes on the whole union, as before. The results are those of a full run
(``tests/test_validate_whole.py`` compares them on small corpora).

The digests are read from the build's N-Quads lines (``graph.validate_lines``), and a run
near the changes reads no rdflib union of the corpus (making it was most of an add-one
build's validation): pySHACL gets the *neighbourhood* of the nodes validated again, the
triples of every node ``NEAR`` steps or fewer from them (the shapes read two), of the
missions they reach through ``csk:partOf`` (parsed from the lines), and the ontology graph;
each shape is aimed at its nodes by ``graph.validate_targets``.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF

from graph import lines_graph
from graph.lines_dataset import LinesDataset
from graph.subject_digests import OWN_ONLY, digests_near, subject_digests
from graph.summary_readers import OwnReaders, may_report, own_readers
from graph.union_delta import NotInLines, UnionDelta
from graph.validate import Report, Violation, _order, _violations, run_pyshacl
from graph.validate_lines import QuadLines, focus_of, term
from graph.validate_reads import evaluated, read_predicates
from graph.validate_targets import engine_first as engine_first
from graph.validate_targets import retargeted as retargeted
from graph.validate_targets import targeted_shapes
from graph.vocab import CSK, ONTOLOGY_GRAPH, SH

STATE_FILE = "whole-graph.pickle"  # in the validation cache's folder
MARK_FILE = "whole-graph.build"  # beside it: the id of the build the state describes
REACH = 2  # steps back from a changed subject whose nodes are validated again
NEAR = 3  # steps forward from a validated node whose triples its shapes may read
AT_MOST = 0.2  # of the union's subjects: past that, one run on everything is cheaper
_PART_OF_N3 = CSK.partOf.n3()
_ONTOLOGY_N3 = ONTOLOGY_GRAPH.n3()
VERSION = "lines-2"  # of the kept state: subjects as N3 strings, three digests each

Run = Callable[[Graph, Graph, Sequence[str]], tuple[bool, Graph]]


@dataclass(frozen=True)
class WholeState:
    """What the next build needs to validate only what changed."""

    key: str  # the shapes used and the ontology graph's digest
    # subject (N3) -> digests of its triples: the rest, which own properties it has, and
    # the own ones with their values
    subjects: dict[str, tuple[int, int, int]]
    violations: tuple[Violation, ...]
    # how the shapes read the counts (``summary_readers.own_readers``), once worked out
    # for these shapes (parsing their queries took most of a second of every rebuild)
    readers: tuple[OwnReaders | None] | None = None


def _is_node(n3: str) -> bool:
    return n3.startswith(("<", "_:"))


def to_validate(lines: QuadLines | UnionDelta, changed: set[str]) -> set[str]:
    """The changed subjects and every node whose results may see them: the subjects
    pointing at them, ``REACH`` steps back, and the missions reaching a changed one
    through ``csk:partOf``.

    :raises NotInLines: ``lines`` cannot name a node found as the lines do."""
    todo = set(changed)
    frontier = set(changed)
    for _step in range(REACH):
        if not frontier:
            break
        frontier = lines.pointing_at(frontier) - todo
        todo |= frontier
    frontier = set(changed)
    while frontier:  # a cycle through csk:partOf may pass through any changed mission
        frontier = lines.pointing_at(frontier, _PART_OF_N3) - todo
        todo |= frontier
    return todo


def neighbourhood(
    lines: QuadLines | UnionDelta,
    dataset: Dataset | LinesDataset,
    nodes: set[str],
    alone: set[str] = frozenset(),  # type: ignore[assignment]
) -> Graph:
    """The union's triples a whole-graph shape can read from ``nodes``: those of every
    node ``NEAR`` steps or fewer away, of every mission reached through ``csk:partOf``,
    and the whole ontology graph (class hierarchy, concept schemes); and the triples of
    the nodes ``alone`` (validated by shapes that read nothing else). The terms are the
    dataset's own, blank nodes included."""
    near = set(nodes)
    frontier = set(nodes)
    for _step in range(NEAR):
        frontier = {o for s in frontier for _p, o in lines.get(s) if _is_node(o)} - near
        near |= frontier
    frontier = set(near)
    while frontier:
        frontier = {o for s in frontier for p, o in lines.get(s) if p == _PART_OF_N3} - near
        near |= frontier
    # parsed from the lines (the dataset's terms: blank nodes keep their labels), where
    # asking an rdflib dataset needed one to be made of the whole corpus; by the engine
    # (rdflib's parser took seconds for an add-one build's 20,000-odd subjects)
    near |= alone
    text = "".join(f"{s} {p} {o} .\n" for s in near for p, o in lines.get(s))
    graph = lines_graph.union([text.encode("utf-8")])
    for triple in dataset.graph(ONTOLOGY_GRAPH):
        graph.add(triple)
    return graph


class WholeGraphValidation:
    """The whole-graph part of a build's validation, incremental where it can be."""

    def __init__(self, folder: Path | None, *, enabled: bool = True) -> None:
        self.path = None if folder is None else folder / STATE_FILE
        self.enabled = enabled
        self.revalidated: int | None = None  # nodes validated again (None: a full run)

    def _previous(self, key: str) -> WholeState | None:
        if self.path is None or not self.enabled:
            return None
        try:
            with self.path.open("rb") as f:
                found = pickle.load(f)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None
        return found if isinstance(found, WholeState) and found.key == key else None

    def _keep(self, state: WholeState) -> None:
        if self.path is None:
            return
        # a state not yet known to be a committed build's is never built on by lines
        self.path.with_name(MARK_FILE).unlink(missing_ok=True)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(f".{os.getpid()}.partial")
        partial.write_bytes(pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(partial, self.path)

    def _stamp(self) -> str | None:
        """The id of the build whose lines the kept state describes (``stamp``)."""
        if self.path is None:
            return None
        try:
            return self.path.with_name(MARK_FILE).read_text("utf-8").strip() or None
        except OSError:
            return None

    def validate(
        self,
        lines: QuadLines | Callable[[], QuadLines],
        dataset: Dataset | LinesDataset,
        shapes: Graph,
        use: Sequence[str],
        *,
        key: str,
        union: Callable[[Set[URIRef] | None], Graph],
        delta: UnionDelta | None = None,
    ) -> Report:
        """The whole-graph shapes ``use`` on the union of ``dataset`` (read as ``lines``,
        or by calling it when it must be read whole): the report of a run on every node.
        ``union`` makes the union of the triples of the predicates it is given (all of
        them, given ``None``), for a run on everything; a run near the changes
        reads only their neighbourhood. ``delta``: the union as sorted lines and what
        changed since the previous build (``graph.union_delta``): when the kept state is
        that build's, only the changed subjects' digests are made again and the union is
        not read whole."""
        key = f"{VERSION}:{key}"
        previous = self._previous(key)
        changed: set[str] = set()  # subjects whose triples others' results may read
        present: set[str] = set()  # subjects only whose own counts' predicates changed
        valued: set[str] = set()  # subjects only whose own counts' values changed
        near_delta = delta is not None and previous is not None and self._stamp() == delta.previous
        if near_delta and delta is not None and previous is not None:
            digests, compared = digests_near(delta, previous.subjects)
            ontology = _subjects_of(dataset, ONTOLOGY_GRAPH)
        else:
            if callable(lines):
                lines = lines()
            digests, compared = subject_digests(lines), None
            ontology = lines.graph_subjects.get(_ONTOLOGY_N3, set())
        if previous is not None:
            for subject in digests if compared is None else compared & digests.keys():
                digest = digests[subject]
                before = previous.subjects.get(subject)
                if before is None or before[0] != digest[0]:
                    changed.add(subject)
                elif before[1] != digest[1]:
                    present.add(subject)
                elif before[2] != digest[2]:
                    valued.add(subject)
            changed |= previous.subjects.keys() - digests.keys()
        own = present | valued
        found_readers = None if previous is None else previous.readers
        incremental = (
            previous is not None
            and len(changed | own) <= AT_MOST * max(1, len(digests))
            and not any(s.startswith("_:") or s in ontology for s in changed | own)
        )
        reached: set[str] | None = None  # the nodes to validate again, if found yet
        lookup: QuadLines | UnionDelta | None = delta if near_delta else None
        if lookup is not None and incremental:
            try:  # the nodes pointing at the changed ones, from the staged store
                reached = to_validate(lookup, changed)
            except NotInLines:  # a blank node among them: the union is read whole
                lookup = None
        else:  # a run on everything reads the union whole
            lookup = None
        if lookup is None:
            if callable(lines):
                lines = lines()
            lookup = lines
        if not incremental or previous is None:
            lines = cast(QuadLines, lookup)
            flagged = engine_first(lines, shapes, use)
            lines.by_subject = {}  # not needed by a full run: its memory is the union's
            # only the triples pySHACL can read (most of a large document's are not)
            data = union(read_predicates(shapes, evaluated(use, flagged)))
            if flagged:
                shapes = retargeted(data, shapes, flagged)
            conforms, results = run_pyshacl(data, shapes, use) if use else (True, Graph())
            report = Report(conforms, tuple(_violations(results)), results)
            self.revalidated = None
        else:
            found_readers = previous.readers or (own_readers(shapes, use, OWN_ONLY),)
            readers = found_readers[0]
            if readers is None:  # read in a way not followed: every shape on them alone
                readers = OwnReaders(frozenset(use), frozenset(use), valued_alone=False)
                todo = (to_validate(lookup, changed) if reached is None else reached) | own
                present = valued = set()
            else:
                todo = to_validate(lookup, changed) if reached is None else reached
                present -= todo
                valued -= todo
            kept = _kept(previous.violations, todo, present, valued, readers)
            fresh: list[Violation] = []
            if use:
                nodes = {term(n) for n in todo}
                targets = {name: set(nodes) for name in use}
                for name in readers.present:
                    targets[name] |= {term(n) for n in present}
                for name in readers.valued:
                    targets[name] |= {term(n) for n in valued}
                alone = valued if readers.valued_alone else set()
                expand = todo | present | (valued - alone)
                if alone:  # only those the value readers' queries find a row for
                    text = "".join(f"{s} {p} {o} .\n" for s in alone for p, o in lookup.get(s))
                    found = may_report(shapes, readers.valued, text)
                    if found is not None:
                        alone = alone & found
                        for name in readers.valued:
                            targets[name] -= {term(n) for n in valued - alone}
                near = neighbourhood(lookup, dataset, expand, alone)
                restricted = targeted_shapes(near, shapes, targets)
                _conforms, results = run_pyshacl(near, restricted, use)
                fresh = _violations(results)
            violations = tuple(sorted((*kept, *fresh), key=_order))
            report = _flat_report(violations)
            self.revalidated = len(todo) + len(present) + len(valued)
        self._keep(WholeState(key, digests, report.violations, found_readers))
        return report


def stamp(folder: Path | None, build_id: str) -> None:
    """Record that the whole-graph state kept in ``folder`` (the validation cache's) is
    that of build ``build_id``, once it is staged and has passed validation: the next
    build takes the lines changed since that build as the only subjects to digest again
    (a rejected build's state, or one whose build never got an id, is not built on)."""
    if folder is None or not (folder / STATE_FILE).is_file():
        return
    partial = folder / f".{MARK_FILE}.{os.getpid()}.partial"
    partial.write_text(build_id, "utf-8")
    os.replace(partial, folder / MARK_FILE)


def _subjects_of(dataset: Dataset | LinesDataset, name: URIRef) -> set[str]:
    """The subjects (N3, as the build's lines spell them) of one graph of ``dataset``."""
    if isinstance(dataset, LinesDataset):
        data = dataset.lines.get(name.n3(), b"")
        return {line.split(b" ", 1)[0].decode("utf-8") for line in data.split(b"\n") if line}
    return {s.n3() for s in dataset.graph(name).subjects()}


def _kept(
    violations: Sequence[Violation],
    todo: set[str],
    present: set[str],
    valued: set[str],
    readers: OwnReaders,
) -> list[Violation]:
    """The earlier results no shape validates again: not of a node in ``todo``, nor of a
    reader of own counts on a node whose counts changed."""
    todo_focus = {focus_of(n) for n in todo}
    present_focus = {focus_of(n) for n in present}
    valued_focus = {focus_of(n) for n in valued}
    return [
        v
        for v in violations
        if v.focus not in todo_focus
        and not (v.focus in present_focus and v.shape in readers.present)
        and not (v.focus in valued_focus and v.shape in readers.valued)
    ]


def _flat_report(violations: tuple[Violation, ...]) -> Report:
    """A report of results kept from earlier builds and made now, in the flat form of
    ``Report.extended`` (a conforming one is pySHACL's empty report)."""
    blocking = any(v.severity not in ("Info", "Warning") for v in violations)
    empty = Report(True, (), _conforming_graph())
    if not violations:
        return empty
    extended = empty.extended(violations)
    report = extended.graph.value(None, RDF.type, SH.ValidationReport)
    extended.graph.set((report, SH.conforms, Literal(not blocking)))
    return Report(not blocking, extended.violations, extended.graph)


def _conforming_graph() -> Graph:
    graph = Graph()
    graph.bind("sh", SH)
    report = BNode()
    graph.add((report, RDF.type, SH.ValidationReport))
    graph.add((report, SH.conforms, Literal(True)))
    return graph
