"""A synthetic graph N times the real one, with the real graph's shape, for benchmarks.

Run by hand, never by the test suite::

    .venv/bin/python benchmarks/synthetic_graph.py --scale 1000 --out /tmp/kg-1000x
    .venv/bin/python benchmarks/synthetic_graph.py --scale 100 --from var/store --out /tmp/x100

It reads the named graphs of a build (the real corpus's, built into a temporary store
when ``--from`` is not given) and writes a store root as ``spacekg build`` leaves it
(``builds/<id>/``, its summary, ``current``), so ``spacekg serve --store`` and the
benchmarks open it like any build.

What grows and what does not, as it would with N times the documents:

- the document graphs and the curated entities of the reference data are copied N times;
  copy k renames each document, its graph, its evidence, its facts, the entities
  discovered in it and the curated missions, spacecraft and organisations
  (``.../cooperation/x--y`` becomes ``.../cooperation/x--y--k<k>``), so the classes, the
  fact families, evidence with its offsets and quotes, part-of links and facts stated by
  several documents (renamed alike in every copy that states them) keep their
  proportions;
- what is a closed set is shared: the countries (ISO 3166), the concept schemes (areas,
  statuses, methods, activities, kinds), the ontology and the saved queries. A country
  or an area therefore gathers N times the facts, and what is asked about one grows
  with N, as it would;
- copy 0 keeps the real IRIs, so the saved queries' default parameters still match.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BASE = b"https://w3id.org/china-space-kg/"
DOCUMENT_GRAPH = b"<" + BASE + b"graph/document/"
REFERENCE_GRAPH = b"<" + BASE + b"graph/reference>"
COUNTRY = BASE + b"id/country/"
_IRI = re.compile(rb"<(" + re.escape(BASE) + rb"(?:id/[^>]*|graph/document/[^>]*))>")


def _graph(line: bytes) -> bytes:
    return line.rsplit(b" ", 2)[-2]


def _copied(line: bytes) -> bool:
    """A line of a document graph or of the reference data: copied N times."""
    graph = _graph(line)
    return graph.startswith(DOCUMENT_GRAPH) or graph == REFERENCE_GRAPH


def _shared_iris(lines: list[bytes]) -> set[bytes]:
    """IRIs the same in every copy: the countries and whatever is described outside the
    copied graphs (concept schemes, ontology, saved queries)."""
    shared = set()
    for line in lines:
        match = _IRI.match(line)
        if match and (COUNTRY in match.group(1) or not _copied(line)):
            shared.add(match.group(1))
    return shared


def _templates(lines: list[bytes], shared: set[bytes]) -> list[list[bytes]]:
    """Each document-graph line cut where a copy's suffix goes (after every IRI that is
    renamed), so writing copy k is one join per line."""
    out = []
    for line in lines:
        pieces, at = [], 0
        for match in _IRI.finditer(line):
            if match.group(1) not in shared:
                pieces.append(line[at : match.end(1)])
                at = match.end(1)
        pieces.append(line[at:])
        out.append(pieces)
    return out


def write_nquads(real: bytes, scale: int, out: Path) -> int:
    """Write ``real`` (N-Quads of a build's named graphs) and ``scale - 1`` renamed copies
    of its copied lines to ``out``; return the number of lines written. A line about a
    shared IRI (a country's label in the reference data) is written once."""
    lines = real.splitlines(keepends=True)
    shared = _shared_iris(lines)
    copied = []
    for line in lines:
        subject = _IRI.match(line)
        if _copied(line) and not (subject and subject.group(1) in shared):
            copied.append(line)
    templates = _templates(copied, shared)
    written = len(lines)
    with out.open("wb") as sink:
        sink.write(real)
        for k in range(1, scale):
            suffix = b"--k%d" % k
            sink.write(b"".join(suffix.join(pieces) for pieces in templates))
            written += len(templates)
    return written


def write_store_root(root: Path, nquads_file: Path, build_id: str) -> Path:
    """A store root as ``spacekg build`` leaves it: the N-Quads loaded, the default graph
    written as a build writes it, a summary and the ``current`` link. Returns the build
    directory."""
    from graph.store import BuildInfo, write_merged_default_graph
    from graph.summaries import replace_summaries

    build = root / "builds" / build_id
    build.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    store = ox.Store(str(build))
    store.bulk_load(path=str(nquads_file), format=ox.RdfFormat.N_QUADS)
    write_merged_default_graph(store)
    replace_summaries(store)  # the copied real counts would count one copy only
    store.flush()
    store.optimize()
    quads = len(store)
    del store
    # The flush leaves the write-ahead logs of the updates above (196 MB of the 100x
    # store's 585 MB); RocksDB deletes them only when the store is opened again.
    ox.Store(str(build))
    info = BuildInfo(
        build_id=build_id,
        built_at=datetime.now(UTC).isoformat(timespec="seconds"),
        seconds=round(time.monotonic() - started, 2),
        triples=quads,
        quads=quads,
    )
    (root / "builds" / f"{build_id}.json").write_text(info.to_json(), encoding="utf-8")
    (root / "current").symlink_to(Path("builds") / build_id)
    return build


def named_graphs(store: ox.Store) -> Iterator[ox.Quad]:
    """The build's named graphs but its counts (graph/summaries.py), which describe the
    documents and partners outside the copied graphs and are made again for the copy."""
    summaries = ox.NamedNode(BASE.decode() + "graph/summaries")
    return (
        q
        for q in store
        if not isinstance(q.graph_name, ox.DefaultGraph) and q.graph_name != summaries
    )


def real_nquads(store_root: Path | None, work: Path) -> bytes:
    """The named graphs of a build as N-Quads (of a fresh build of the corpus when
    ``store_root`` is None)."""
    from graph.config import Paths
    from graph.store import current_path

    if store_root is None:
        from graph import pipeline

        store_root = work / "real"
        pipeline.build(replace(Paths.defaults(ROOT), store=store_root))
    store = ox.Store.read_only(str(current_path(store_root).resolve()))
    return ox.serialize(named_graphs(store), format=ox.RdfFormat.N_QUADS)


def make(real: bytes, scale: int, root: Path, work: Path) -> Path:
    """Write the synthetic store root ``root`` (``scale`` times ``real``); return its
    build directory."""
    source = work / f"synthetic-{scale}x.nq"
    write_nquads(real, scale, source)
    try:
        return write_store_root(root, source, f"synthetic-{scale}x")
    finally:
        source.unlink(missing_ok=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, required=True, help="copies of the documents")
    parser.add_argument("--out", type=Path, required=True, help="new store root (not in the repo)")
    parser.add_argument("--from", dest="source", type=Path, help="store root to copy")
    args = parser.parse_args()
    if args.scale < 1:
        sys.exit("error: --scale must be 1 or more")
    if args.out.exists():
        sys.exit(f"error: {args.out} exists; give a new folder to --out")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(dir=args.out.parent) as work:
        real = real_nquads(args.source, Path(work))
        build = make(real, args.scale, args.out, Path(work))
    store = ox.Store.read_only(str(build))
    print(f"{args.out}: {len(store)} quads ({args.scale}x), {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
