"""Whole-graph shapes validated again only where the graph changed give the report that
validating everything gives.

The session's build is validated once (which keeps each subject's digest and the
results), then a copy is broken or mended in ways only the whole graph shows (a fact
given two statuses by two documents, an entity losing its label, a partner made
Chinese), and the incremental report is compared with a run on every node.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDFS, SH

from graph import store as store_files
from graph import store_delta, validate, validate_lines, validate_split
from graph.summaries import SUMMARIES_GRAPH, SUMMARY_PROPERTIES
from graph.union_delta import UnionDelta
from graph.validate_whole import OWN_ONLY, WholeGraphValidation, stamp
from graph.vocab import CSK, ONTOLOGY_GRAPH, REFERENCE_GRAPH

STATUS = "https://w3id.org/china-space-kg/id/status/"


@pytest.fixture(scope="module")
def shapes(project_paths):
    return validate.load_shapes(project_paths.shapes)


def copy_of(dataset: Dataset) -> Dataset:
    copy = Dataset()
    for s, p, o, g in dataset.quads((None, None, None, None)):
        copy.graph(g).add((s, p, o))
    return copy


def names_of(built) -> list[URIRef]:
    return [g.identifier for g in built.dataset.graphs() if "/graph/document/" in str(g.identifier)]


def _validated_once(built, shapes, tmp_path: Path):
    """The build's names, a cache holding one validation of it, and a copy to change."""
    names = names_of(built)
    cache = validate_split.ValidationCache(tmp_path)
    validate_split.validate_dataset(built.dataset, shapes, names, cache=cache, workers=0)
    return names, cache, copy_of(built.dataset)


def test_a_changed_graph_is_reported_as_a_full_validation_reports_it(
    built, shapes, tmp_path: Path
) -> None:
    names = names_of(built)
    data = copy_of(built.dataset)
    cache = validate_split.ValidationCache(tmp_path)
    first = validate_split.validate_dataset(data, shapes, names, cache=cache, workers=0)
    assert first.conforms

    stating = [n for n in names if (None, CSK.status, None) in data.graph(n)]
    fact = next(data.graph(stating[-1]).subjects(CSK.status, None))
    data.graph(stating[0]).add((fact, CSK.status, URIRef(STATUS + "planned")))
    data.graph(stating[0]).add((fact, CSK.status, URIRef(STATUS + "achieved")))
    reference = data.graph(REFERENCE_GRAPH)
    partner = next(reference.subjects(CSK.iso3166Alpha2, None))
    labelled = next(s for s in reference.subjects(RDFS.label, None) if s != partner)
    reference.remove((labelled, RDFS.label, None))

    seen: list[int | None] = []
    original = WholeGraphValidation.validate

    def watched(self, *args, **kwargs):
        report = original(self, *args, **kwargs)
        seen.append(self.revalidated)
        return report

    WholeGraphValidation.validate = watched  # type: ignore[method-assign]
    try:
        broken = validate_split.validate_dataset(data, shapes, names, cache=cache, workers=0)
    finally:
        WholeGraphValidation.validate = original  # type: ignore[method-assign]
    full = validate_split.validate_dataset(
        data, shapes, names, cache=validate_split.ValidationCache(None), workers=0
    )
    assert seen[0] is not None and 0 < seen[0] < len(set(validate.union_graph(data).subjects()))
    assert not broken.conforms and broken.conforms == full.conforms
    assert broken.violations == full.violations
    assert {str(fact), str(labelled)} <= {v.focus for v in broken.violations}

    # mended again: the earlier results of those nodes go
    mended = validate_split.validate_dataset(built.dataset, shapes, names, cache=cache, workers=0)
    assert mended.conforms and mended.violations == ()


def test_a_partner_made_chinese_reports_the_facts_that_name_it(
    built, shapes, tmp_path: Path
) -> None:
    """The result is the fact's, the change the partner's: one step back is validated."""
    names, cache, data = _validated_once(built, shapes, tmp_path)
    reference = data.graph(REFERENCE_GRAPH)
    union = validate.union_graph(data)
    partner = next(o for o in union.objects(None, CSK.partner) if isinstance(o, URIRef))
    reference.set((partner, CSK.iso3166Alpha2, Literal("CN")))
    again = validate_split.validate_dataset(data, shapes, names, cache=cache, workers=0)
    full = validate_split.validate_dataset(
        data, shapes, names, cache=validate_split.ValidationCache(None), workers=0
    )
    assert again.violations == full.violations
    assert any(v.shape.endswith("PartnerIsNotChina") for v in again.violations)


def test_a_changed_fact_of_a_foreign_partner_is_no_chinese_partner(
    built, shapes, tmp_path: Path
) -> None:
    """sh:not checks the partner through a nested shape, which pySHACL's focus nodes
    also filter: the partner must be among them, or the fact is wrongly reported."""
    names, cache, data = _validated_once(built, shapes, tmp_path)
    stating = next(n for n in names if (None, CSK.partner, None) in data.graph(n))
    fact = next(data.graph(stating).subjects(CSK.partner, None))
    data.graph(stating).add((fact, RDFS.comment, Literal("changed")))
    again = validate_split.validate_dataset(data, shapes, names, cache=cache, workers=0)
    assert again.conforms and again.violations == ()


def test_no_whole_graph_shape_reads_a_nodes_incoming_triples(shapes) -> None:
    """What makes validating only near the changes sound: a whole-graph result depends
    on the focus node's own triples and where they lead, never on triples pointing at it
    (those are the shapes of documents, validated per document)."""
    split = validate_split.split_shapes(shapes)
    assert not set(shapes.subjects(SH.inversePath, None))
    for name in split.whole_graph:
        shape = URIRef(name)
        for constraint in shapes.objects(shape, SH.sparql):
            query = str(shapes.value(constraint, SH.select))
            # $this only ever as the subject of a pattern, but at the end of a chain of
            # csk:partOf, which the missions reaching a changed one cover
            incoming = re.findall(r"\?\w+\s+([^\s.;]+)\s+\$this", query)
            assert set(incoming) <= {"csk:partOf*"}, name


def test_counts_are_read_only_on_their_own_subject(shapes) -> None:
    """Why a changed count validates its subject alone: no shape reads a count through
    a path from another node; only SummaryCount (the counts) and RankedRow (which class
    carries a rank), each on the subject itself, read them."""
    readers = {s for s, _p, o in shapes if o in OWN_ONLY}
    assert {str(s).rsplit("#", 1)[-1] for s in readers} <= {"SummaryCount", "RankedRow"}
    for constraint in shapes.objects(None, SH.sparql):
        query = str(shapes.value(constraint, SH.select))
        for name in SUMMARY_PROPERTIES:
            read = re.findall(rf"(\S+)\s+csk:{name}\b", query)
            assert "$this ?count" in query or set(read) <= {"$this"}, (name, read)


def test_a_wrong_count_is_reported_as_a_full_validation_reports_it(
    built, shapes, tmp_path: Path
) -> None:
    names, cache, data = _validated_once(built, shapes, tmp_path)
    counts = data.graph(SUMMARIES_GRAPH)
    counted = next(counts.subjects(CSK.factCount, None))
    counts.set((counted, CSK.factCount, Literal(-1)))
    again = validate_split.validate_dataset(data, shapes, names, cache=cache, workers=0)
    full = validate_split.validate_dataset(
        data, shapes, names, cache=validate_split.ValidationCache(None), workers=0
    )
    assert again.violations == full.violations
    assert [v.focus for v in again.violations] == [str(counted)]


def sorted_lines(data: Dataset) -> list[bytes]:
    """The dataset's N-Quads lines as a build keeps them: sorted, each with its newline."""
    text = data.serialize(format="nquads", encoding="utf-8")
    return sorted(line + b"\n" for line in text.splitlines() if line)


def two_statuses(data: Dataset, graph: URIRef, fact: URIRef) -> None:
    """A whole-graph violation written into one document's graph: a fact given two
    statuses (``FactHasOneStatus`` is not a per-document shape)."""
    data.graph(graph).add((fact, CSK.status, URIRef(STATUS + "planned")))
    data.graph(graph).add((fact, CSK.status, URIRef(STATUS + "achieved")))


def test_near_the_changed_lines_the_report_is_a_full_validations(
    built, shapes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build that follows a validated one digests only the subjects of the lines that
    changed and finds the nodes pointing at them in the staged store, never reading the
    union whole; with a violation left in an unchanged document and one made in a
    changed document, its report is the full validation's, both violations in it."""
    names = names_of(built)
    data = copy_of(built.dataset)
    stating = [n for n in names if (None, CSK.status, None) in data.graph(n)]
    unchanged, changed = stating[0], stating[-1]
    kept_fact = next(data.graph(unchanged).subjects(CSK.status, None))
    new_fact = next(
        f
        for f in data.graph(changed).subjects(CSK.status, None)
        if (f, None, None) not in data.graph(unchanged)
    )
    two_statuses(data, unchanged, kept_fact)
    cache = validate_split.ValidationCache(tmp_path / "validation")
    first = validate_split.validate_dataset(data, shapes, names, cache=cache, workers=0)
    assert str(kept_fact) in {v.focus for v in first.violations}
    before = sorted_lines(data)
    stamp(cache.folder, "first-build")  # as a build does once it is staged and valid

    two_statuses(data, changed, new_fact)
    delta, read, read_whole = _second_build(tmp_path, data, before)

    digests = validate_lines.read_dataset(data).graph_digests
    seen: list[int | None] = []
    original = WholeGraphValidation.validate

    def watched(self, *args, **kwargs):
        report = original(self, *args, **kwargs)
        seen.append(self.revalidated)
        return report

    monkeypatch.setattr(WholeGraphValidation, "validate", watched)
    again = validate_split.validate_dataset(
        data,
        shapes,
        names,
        cache=cache,
        workers=0,
        lines=read,
        delta=delta,
        graph_digests=digests,
    )
    monkeypatch.undo()
    delta.close()
    full = validate_split.validate_dataset(
        data, shapes, names, cache=validate_split.ValidationCache(None), workers=0
    )
    assert read_whole == []
    assert seen[0] is not None  # near the changes, not on every node
    assert not again.conforms and again.violations == full.violations
    assert {str(kept_fact), str(new_fact)} <= {v.focus for v in again.violations}


def test_a_state_not_stamped_with_the_previous_build_reads_the_union_whole(
    built, shapes, tmp_path: Path
) -> None:
    """The kept digests are built on only when they are known to be those of the build
    the changed lines start from (a rejected build leaves digests no committed build
    has): otherwise the union is read whole, and the report is still the full one."""
    names = names_of(built)
    data = copy_of(built.dataset)
    cache = validate_split.ValidationCache(tmp_path / "validation")
    validate_split.validate_dataset(data, shapes, names, cache=cache, workers=0)
    before = sorted_lines(data)
    stamp(cache.folder, "some-other-build")
    stating = [n for n in names if (None, CSK.status, None) in data.graph(n)]
    fact = next(data.graph(stating[-1]).subjects(CSK.status, None))
    two_statuses(data, stating[-1], fact)
    delta, read, read_whole = _second_build(tmp_path, data, before)

    again = validate_split.validate_dataset(
        data,
        shapes,
        names,
        cache=cache,
        workers=0,
        lines=read,
        delta=delta,
        graph_digests=validate_lines.read_dataset(data).graph_digests,
    )
    delta.close()
    full = validate_split.validate_dataset(
        data, shapes, names, cache=validate_split.ValidationCache(None), workers=0
    )
    assert read_whole == [True]
    assert again.violations == full.violations and str(fact) in {v.focus for v in again.violations}


def _second_build(tmp_path: Path, data, before: list[bytes]):
    """The second build staged from ``data`` after lines ``before``: its delta from the
    first build, and a reader of the whole union that records being called."""
    after = sorted_lines(data)
    removed, added = store_delta.changed_lines(before, after)
    staged = store_files.stage_build(tmp_path, b"".join(after), "second-build")
    delta = UnionDelta("first-build", after, removed + added, staged.path)
    read_whole: list[bool] = []

    def read() -> validate_lines.QuadLines:
        read_whole.append(True)
        return validate_lines.read_dataset(data, keep_subjects_of=[ONTOLOGY_GRAPH.n3()])

    return delta, read, read_whole
