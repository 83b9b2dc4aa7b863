"""A build staged as the previous store plus what changed holds what loading the new
lines whole holds: the named graphs' quads and a default graph that is their merge (a
triple another graph still states stays in it). It falls back to a full load where a
copy could differ: no previous build's lines, or a changed line with a blank node."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from graph import store as store_files
from graph import store_delta, summaries
from graph.store import BuildInfo

EX = "http://example.org/"


@pytest.fixture(autouse=True)
def any_share_changed(monkeypatch) -> None:
    """These graphs are tiny: any share of them may change and still be copied."""
    monkeypatch.setattr(store_delta, "MAX_CHANGED", 1.0)


def line(s: str, o: str, g: str) -> bytes:
    return f"<{EX}{s}> <{EX}p> {o} <{EX}{g}> .\n".encode()


def build(root: Path, lines: list[bytes]) -> store_files.StagedBuild:
    """Build ``lines`` as the pipeline does (changes when it can, else a full load)."""
    lines = sorted(lines)
    build_id = store_files.content_id_of(lines)
    store_delta.keep_lines(root / "builds" / build_id, lines)
    scratch = root / "scratch.nq"
    scratch.write_bytes(b"".join(lines))
    staged = store_delta.stage_changes(root, lines, build_id)
    staged = staged or store_files.stage_build(root, scratch, build_id)
    info = BuildInfo(build_id, "2026-12-03T00:00:00", 0.0, staged.triples, staged.quads)
    store_files.commit_build(root, staged, info)
    return staged


def contents(root: Path) -> set[ox.Quad]:
    return set(store_files.open_store(root))


BEFORE = [
    line("a", '"1"', "g1"),
    line("shared", '"x"', "g1"),
    line("shared", '"x"', "g2"),
    line("gone", '"y"', "g2"),
    line("kept", '"z"', "g2"),
]
AFTER = [
    line("a", '"1"', "g1"),
    line("shared", '"x"', "g1"),  # g2 no longer states it, g1 still does
    line("kept", '"z"', "g2"),
    line("new", '"w"', "g3"),
]


def test_a_changed_build_holds_what_a_full_load_holds(tmp_path: Path) -> None:
    build(tmp_path / "changed", BEFORE)
    staged = build(tmp_path / "changed", AFTER)
    full = build(tmp_path / "full", AFTER)
    assert staged.changed == 3 and full.changed is None
    assert (staged.triples, staged.quads) == (full.triples, full.quads) == (4, 4)
    assert contents(tmp_path / "changed") == contents(tmp_path / "full")
    merged = {q for q in contents(tmp_path / "changed") if q.graph_name == ox.DefaultGraph()}
    assert {q.subject.value for q in merged} == {EX + s for s in ("a", "shared", "kept", "new")}


def test_a_graph_whose_lines_all_went_is_no_graph_of_the_changed_build(tmp_path: Path) -> None:
    build(tmp_path / "changed", [*BEFORE, line("only", '"v"', "g4")])
    build(tmp_path / "changed", BEFORE)  # a document taken out: its graph g4 is gone
    build(tmp_path / "full", BEFORE)
    changed, full = (store_files.open_store(tmp_path / k) for k in ("changed", "full"))
    assert sorted(map(str, changed.named_graphs())) == sorted(map(str, full.named_graphs()))
    assert ox.NamedNode(EX + "g4") not in set(changed.named_graphs())


def test_the_previous_build_is_left_as_it_was(tmp_path: Path) -> None:
    build(tmp_path, BEFORE)
    previous = store_files.current_path(tmp_path).resolve()
    before = set(ox.Store.read_only(str(previous)))
    build(tmp_path, AFTER)
    assert set(ox.Store.read_only(str(previous))) == before


def test_a_changed_blank_node_loads_the_build_whole(tmp_path: Path) -> None:
    build(tmp_path, BEFORE)
    assert build(tmp_path, [*BEFORE, line("b", "_:list", "g1")]).changed is None


def test_the_lines_of_pruned_builds_go_with_them(tmp_path: Path) -> None:
    for n in range(4):
        build(tmp_path, [*BEFORE, line("n", f'"{n}"', "g1")])
    kept = sorted(p.stem for p in (tmp_path / "builds").glob("*.nq"))
    builds = sorted(p.name for p in (tmp_path / "builds").iterdir() if p.is_dir())
    assert kept == builds and len(kept) == store_files.KEEP_BUILDS


def test_loading_only_the_merge_gives_the_merged_default_graph(tmp_path: Path) -> None:
    # a triple in two graphs, a literal that reads like a graph's name, a blank node
    # named in two lines and a line of the default graph
    lines = (
        "<http://x/a> <http://x/p> <http://x/b> <http://x/g1> .\n"
        "<http://x/a> <http://x/p> <http://x/b> <http://x/g2> .\n"
        '<http://x/a> <http://x/q> "x <http://x/g3> .\\n"@en <http://x/g1> .\n'
        "_:b1 <http://x/p> <http://x/a> <http://x/g2> .\n"
        "<http://x/c> <http://x/p> _:b1 <http://x/g1> .\n"
        '<http://x/d> <http://x/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer>  .\n'
    )
    source = tmp_path / "data.nq"
    source.write_text(lines, encoding="utf-8")
    full, merged = ox.Store(), ox.Store()
    store_files.bulk_load_file(full, source)
    store_files.write_merged_default_graph(full)
    summaries.bulk_load_merged(merged, source)

    def default_graph(s: ox.Store) -> set[str]:
        quads = s.quads_for_pattern(None, None, None, ox.DefaultGraph())
        named = (q for q in quads if not {type(q.subject), type(q.object)} & {ox.BlankNode})
        return {str(q.triple) for q in named}

    assert len(merged) == len(list(full.quads_for_pattern(None, None, None, ox.DefaultGraph())))
    assert default_graph(merged) == default_graph(full)
    assert len(merged) == 5
    # the blank node is one node in both of its lines
    blank = next(merged.quads_for_pattern(None, None, ox.NamedNode("http://x/a"))).subject
    assert list(merged.quads_for_pattern(ox.NamedNode("http://x/c"), None, blank))


def test_a_changed_build_counts_from_the_previous_counts_and_the_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counting the staged store's triples scanned all of it (a fifth of a second at
    1,000 documents): a changed build adds what its changes did to the previous build's
    counts, from its summary, and they are what the engine counts. Here a triple leaves
    one graph but stays in another, one is added to a second graph while already in the
    merge, one leaves the merge, one comes into it."""
    third = [*AFTER, line("kept", '"z"', "g3"), line("newer", '"v"', "g1")]
    third.remove(line("a", '"1"', "g1"))
    build(tmp_path / "changed", BEFORE)
    with monkeypatch.context() as scanning:
        scanning.setattr(store_delta, "default_graph_size", lambda _s: pytest.fail("scanned"))
        build(tmp_path / "changed", AFTER)
        staged = build(tmp_path / "changed", third)
    full = build(tmp_path / "full", third)
    assert staged.changed is not None and full.changed is None
    assert (staged.triples, staged.quads) == (full.triples, full.quads) == (4, 5)
    assert contents(tmp_path / "changed") == contents(tmp_path / "full")


def test_without_the_previous_summary_a_changed_build_counts_its_store(tmp_path: Path) -> None:
    build(tmp_path, BEFORE)
    for summary in (tmp_path / "builds").glob("*.json"):
        summary.write_text("{", encoding="utf-8")
    staged = build(tmp_path / "full", AFTER)
    assert (build(tmp_path, AFTER).triples, staged.triples) == (4, 4)


def test_a_changed_rank_leaves_no_old_value_in_the_merged_default_graph(tmp_path: Path) -> None:
    """On disk, the store gives back a literal's pattern with other objects too (6403 for
    6399, pyoxigraph 0.5): the old rank must still leave the default graph."""
    integer = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
    fact = ox.NamedNode("https://w3id.org/china-space-kg/id/cooperation/x")
    rank = ox.NamedNode("https://w3id.org/china-space-kg/ontology#corroborationRank")
    graph = ox.NamedNode("https://w3id.org/china-space-kg/graph/summaries")
    old, new = ox.Literal("6399", datatype=integer), ox.Literal("6403", datatype=integer)
    store = ox.Store(str(tmp_path / "store"))
    store.extend([ox.Quad(fact, rank, old, graph), ox.Quad(fact, rank, old)])
    removed, added = ox.Quad(fact, rank, old, graph), ox.Quad(fact, rank, new, graph)
    store_delta._apply(
        store,
        [removed],
        [added],
        removed_lines=[f"{removed} .\n".encode()],
        lines=[f"{added} .\n".encode()],
    )
    assert {
        q.object.value for q in store.quads_for_pattern(fact, rank, None, ox.DefaultGraph())
    } == {"6403"}


def test_a_triple_dropped_by_every_graph_leaves_the_merge_once(tmp_path: Path) -> None:
    """Two removed quads of one triple: the merge loses it once, and the counts are a
    full load's; a triple with a longer literal of the same start is another triple."""
    same = [line("t", '"v w"', "g1"), line("k", '"1"', "g1"), line("k", '"2"', "g2")]
    before = [line("t", '"v"', "g1"), line("t", '"v"', "g2"), *same]
    after = [*same, line("u", '"1"', "g1")]
    build(tmp_path / "changed", before)
    staged = build(tmp_path / "changed", after)
    full = build(tmp_path / "full", after)
    assert staged.changed == 3
    assert (staged.triples, staged.quads) == (full.triples, full.quads) == (4, 4)
    assert contents(tmp_path / "changed") == contents(tmp_path / "full")


def test_changed_lines_are_those_a_line_by_line_walk_finds() -> None:
    """Equal stretches are compared whole; the lines found changed are still exactly
    those walking both sorted lists a line at a time finds, at a stretch's edges, with a
    line twice, and past the end of either list."""

    def walked(old: list[bytes], new: list[bytes]) -> tuple[list[bytes], list[bytes]]:
        removed, added, i, j = [], [], 0, 0
        while i < len(old) and j < len(new):
            if old[i] == new[j]:
                i, j = i + 1, j + 1
            elif old[i] < new[j]:
                removed.append(old[i])
                i += 1
            else:
                added.append(new[j])
                j += 1
        return removed + old[i:], added + new[j:]

    base = [b"%06d\n" % n for n in range(0, 6000, 2)]
    cases = [
        (base, base),
        (base, sorted([*base, b"000001\n", b"001023\n", b"001025\n", b"005999\n"])),
        (base, [n for k, n in enumerate(base) if k not in (0, 511, 512, 1024, 2999)]),
        (base, [n for k, n in enumerate(base) if k not in (15, 16, 17, 33, 530)]),
        (sorted([*base, base[600]]), base),  # a line twice in the old, once in the new
        (base[:700], base),
        (base, base[:1100]),
        ([], base),
    ]
    for old, new in cases:
        assert store_delta.changed_lines(old, new) == walked(old, new)


class SlicesCounted(list):
    """A list that counts the slices made of it."""

    slices = 0

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            SlicesCounted.slices += 1
        return super().__getitem__(index)


def test_near_changes_the_walk_does_not_slice_at_every_line() -> None:
    """An add-one build changes a line in every few hundred: the stretches of 512 lines
    around them are rarely equal, and slicing both lists at every line step there cost
    more than the walk (0.18 of 0.19 CPU s at 1,000 documents)."""
    old = [b"%06d\n" % n for n in range(0, 60_000, 2)]
    new = [line for k, line in enumerate(old) if k % 300 != 7]
    SlicesCounted.slices = 0
    removed, added = store_delta.changed_lines(SlicesCounted(old), SlicesCounted(new))
    assert (len(removed), added) == (100, [])
    assert SlicesCounted.slices < len(old) // 2  # a line step made two before


def test_kept_lines_are_the_lines_given(tmp_path: Path) -> None:
    lines = [b"%06d\n" % n for n in range(20_000)]
    store_delta.keep_lines(tmp_path / "builds" / "b1", lines)
    assert store_delta.lines_path(tmp_path / "builds" / "b1").read_bytes() == b"".join(lines)


def test_lines_kept_later_are_left_to_the_caller_only_with_a_delta(tmp_path: Path) -> None:
    """A build staged from the previous one hands its sorted lines back for the caller to
    keep once the store is handed over; a build loaded whole keeps them itself."""
    scratch = tmp_path / "scratch.nq"
    scratch.write_bytes(b"".join(AFTER))
    loaded, build_id, delta = store_delta.stage_with_delta(
        tmp_path / "new", scratch, keep_later=True
    )
    assert delta is None
    assert store_delta.lines_path(tmp_path / "new" / "builds" / build_id).is_file()
    store_files.discard_build(loaded)

    build(tmp_path / "old", BEFORE)
    staged, build_id, delta = store_delta.stage_with_delta(
        tmp_path / "old", scratch, keep_later=True
    )
    kept = store_delta.lines_path(tmp_path / "old" / "builds" / build_id)
    assert delta is not None and delta.lines == sorted(AFTER) and not kept.is_file()
    store_delta.keep_lines(tmp_path / "old" / "builds" / build_id, delta.lines)
    assert kept.read_bytes() == b"".join(sorted(AFTER))
    store_files.discard_build(staged)
