"""Stage a build as the previous build plus what changed, instead of loading it all.

Loading a build's quarter of a million quads into a new store and copying every named
graph into the merged default graph took most of the 20 s an add-one build spent
writing at 1,000 documents, to change a few hundred quads. Each build now keeps its
N-Quads lines, sorted, beside its store (``builds/<id>.nq``). The next build compares
its own sorted lines with them; if only lines without blank nodes changed (the ontology's
lists are the only blank nodes, and the store names them afresh on every load), it takes
a backup of the previous store (hard links to its immutable files), removes and adds the
changed quads in the named graphs, and brings the merged default graph up to date: an
added triple is added (a set), a removed one leaves only if no named graph still holds
it. The staged store then holds what a full load of the same lines holds.
"""

from __future__ import annotations

import bisect
import json
import os
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox

from graph.store import StagedBuild, content_id_of, current_path, default_graph_size, stage_build
from graph.union_delta import UnionDelta

LINES_SUFFIX = ".nq"  # builds/<id>.nq: the build's N-Quads lines, sorted
MAX_CHANGED = 0.2  # past this share of changed lines, a full load is as quick
_SAME = 512  # lines compared at once while two builds' sorted lines agree
_SHORT = 16  # and, near a change, the stretch tried before a single line
_STRETCH = 8192  # lines written at once


def sorted_lines(nquads: Path) -> list[bytes]:
    """The lines of an N-Quads file, sorted, each with its newline."""
    with nquads.open("rb") as f:
        lines = f.readlines()
    if lines and not lines[-1].endswith(b"\n"):
        lines[-1] += b"\n"
    lines.sort()
    return lines


def lines_path(build_dir: Path) -> Path:
    return build_dir.with_name(build_dir.name + LINES_SUFFIX)


def keep_lines(build_dir: Path, lines: Iterable[bytes]) -> None:
    """Leave a build's sorted lines beside it, for the next build to compare with."""
    target = lines_path(build_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        with partial.open("wb") as out:
            # joined a stretch at a time: a write call per line took 0.2 CPU s of 425,000
            for part in _stretches(list(lines)):
                out.write(b"".join(part))
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _stretches(lines: list[bytes]) -> Iterator[list[bytes]]:
    for start in range(0, len(lines), _STRETCH):
        yield lines[start : start + _STRETCH]


def changed_lines(old: list[bytes], new: list[bytes]) -> tuple[list[bytes], list[bytes]]:
    """(removed, added): the lines of ``old`` not in ``new`` and those of ``new`` not in
    ``old``, both sorted lists walked once together. Two builds share nearly all their
    lines, so equal stretches are compared whole (the engine compares them, not a step of
    this loop per line: 0.1 CPU s of 425,000 lines, against 0.01), and only where a
    stretch's first lines agree: an add-one build's 1,174 changed lines leave few
    stretches of 512 without a change, and making the two slices at every line step took
    0.18 CPU s, against 0.05 with a shorter stretch tried next."""
    removed, added = [], []
    i = j = 0
    while i < len(old) and j < len(new):
        if old[i] == new[j]:
            if old[i : i + _SAME] == new[j : j + _SAME]:
                i, j = i + _SAME, j + _SAME
            elif old[i : i + _SHORT] == new[j : j + _SHORT]:
                i, j = i + _SHORT, j + _SHORT
            else:
                i, j = i + 1, j + 1
        elif old[i] < new[j]:
            removed.append(old[i])
            i += 1
        else:
            added.append(new[j])
            j += 1
    return removed + old[i:], added + new[j:]


def stage_changes(root: Path, lines: list[bytes], build_id: str) -> StagedBuild | None:
    """The previous build with the changes that turn its lines into ``lines``, staged
    under ``builds/`` like ``store.stage_build`` stages a full load; ``None`` when there
    is no previous build with its lines, or a blank node or too much changed."""
    found = _staged_changes(root, lines, build_id)
    return None if found is None else found[0]


def _staged_changes(
    root: Path, lines: list[bytes], build_id: str
) -> tuple[StagedBuild, str, list[bytes]] | None:
    """``stage_changes``, with the previous build's id and the lines changed since."""
    link = current_path(root)
    if not link.exists():
        return None
    previous = link.resolve()
    kept = lines_path(previous)
    if not kept.is_file():
        return None
    with kept.open("rb") as f:
        old = f.readlines()
    removed, added = changed_lines(old, lines)
    del old
    changed = removed + added
    if len(changed) > MAX_CHANGED * len(lines) or any(b"_:" in line for line in changed):
        return None
    staging = root / "builds" / f".{build_id}.{os.getpid()}.partial"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        source = ox.Store.read_only(str(previous))
        source.backup(str(staging))
        del source
        store = ox.Store(str(staging))
        removed_quads, added_quads = _quads(removed), _quads(added)
        gained = _apply(store, removed_quads, added_quads, removed, lines)
        counts = _previous_counts(previous)
        if counts is None or not _all_named(removed_quads + added_quads):
            triples = default_graph_size(store)
            quads = len(store) - triples
        else:  # counting the store scanned all of it: a fifth of a second at 1,000 documents
            triples, quads = counts[0] + gained[0], counts[1] + gained[1]
        store.flush()
        del store
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return StagedBuild(staging, triples, quads, changed=len(changed)), previous.name, changed


def _quads(lines: list[bytes]) -> list[ox.Quad]:
    return list(ox.parse(b"".join(lines), format=ox.RdfFormat.N_QUADS)) if lines else []


def _apply(
    store: ox.Store,
    removed: list[ox.Quad],
    added: list[ox.Quad],
    removed_lines: list[bytes],
    lines: list[bytes],
) -> tuple[int, int]:
    """Change the named graphs, then the merged default graph to match them; return how
    many triples the merged default graph and how many quads the named graphs gained
    (negative: lost), when every quad changed is in a named graph. ``removed_lines``:
    the lines ``removed`` was parsed from, one a quad; ``lines``: the build's, sorted."""
    quads = 0
    for quad in removed:
        if quad in store:
            store.remove(quad)
            quads -= 1
    # a graph whose quads all went (a document taken out of the corpus) goes too: the
    # engine keeps the name of an emptied graph, where a full load has no such graph
    for graph in {q.graph_name for q in removed if isinstance(q.graph_name, ox.NamedNode)}:
        if next(store.quads_for_pattern(None, None, None, graph), None) is None:
            store.remove_graph(graph)
    quads += len({q for q in added if q not in store})
    store.extend(added)
    merged = {ox.Quad(q.subject, q.predicate, q.object) for q in added}
    triples = sum(1 for t in merged if t not in store)
    store.extend(merged)
    gone: set[bytes] = set()
    for quad, line in zip(removed, removed_lines, strict=True):
        # a triple stays in the merge while a named graph of the new lines states it:
        # looked up in the sorted lines rather than the store (7,000 patterns, most of a
        # second at 1,000 documents, where the on-disk store could also give back quads
        # of another literal: a rank of 6399 matched 6403)
        triple = _triple_of(line)
        if triple in gone or _stated_in_a_named_graph(lines, triple):
            continue
        gone.add(triple)
        store.remove(ox.Quad(quad.subject, quad.predicate, quad.object))
        triples -= 1
    return triples, quads


def _triple_of(line: bytes) -> bytes:
    """An N-Quads line's subject, predicate and object, followed by their space."""
    body = line.rstrip(b"\n").removesuffix(b" .")
    return body[: body.rindex(b" ") + 1]


def _stated_in_a_named_graph(lines: list[bytes], triple: bytes) -> bool:
    """Whether a line of the sorted ``lines`` states ``triple`` (``_triple_of``) in a
    named graph. Its lines are adjacent: no term spelled in N-Quads is followed by a
    space inside another term's spelling."""
    i = bisect.bisect_left(lines, triple)
    while i < len(lines) and lines[i].startswith(triple):
        if not lines[i][len(triple) :].startswith(b" ."):  # the default graph's: "s p o  ."
            return True
        i += 1
    return False


def _all_named(quads: list[ox.Quad]) -> bool:
    return not any(isinstance(q.graph_name, ox.DefaultGraph) for q in quads)


def _previous_counts(previous: Path) -> tuple[int, int] | None:
    """(triples, quads) of the previous build, from its summary; ``None`` if unreadable."""
    try:
        data = json.loads(previous.with_name(previous.name + ".json").read_text("utf-8"))
        return int(data["triples"]), int(data["quads"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def stage(root: Path, nquads: Path, *, full: bool = False) -> tuple[StagedBuild, str]:
    """The new store of the build whose N-Quads are in ``nquads``, and its id: staged as
    the previous build plus what changed when it can be (``stage_changes``; never when
    ``full``), else loaded whole; its sorted lines are kept beside it for the next build."""
    staged, build_id, _delta = stage_with_delta(root, nquads, full=full)
    return staged, build_id


def stage_with_delta(
    root: Path, nquads: Path, *, full: bool = False, keep_later: bool = False
) -> tuple[StagedBuild, str, UnionDelta | None]:
    """``stage``, and when the store was staged as the previous build plus what changed,
    the build's sorted lines with those changes (``graph.union_delta``): what validation
    near the changes reads instead of the whole union. ``keep_later``: lines returned in
    a delta are not kept yet; the caller keeps them (``keep_lines``) before it commits,
    once the store is handed to whoever waits for it (writing them took 0.3 CPU s and
    twice that in wall time at 1,000 documents)."""
    lines = sorted_lines(nquads)
    build_id = content_id_of(lines)
    if not keep_later:
        keep_lines(root / "builds" / build_id, lines)
    found = None if full else _staged_changes(root, lines, build_id)
    if found is None:
        if keep_later:
            keep_lines(root / "builds" / build_id, lines)
        del lines
        return stage_build(root, nquads, build_id), build_id, None
    staged, previous, changed = found
    return staged, build_id, UnionDelta(previous, lines, changed, staged.path)
