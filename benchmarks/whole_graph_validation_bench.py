"""The whole-graph shapes on the union of a build, pySHACL alone and with the engine first.

    flock /tmp/bench.lock .venv/bin/python benchmarks/whole_graph_validation_bench.py \\
        /tmp/scale-1000/store/builds/<id>.nq --before-shapes /tmp/shapes-before.ttl

A cold build validates the whole-graph shapes on the union of every document's graph
(``graph/validate_whole.py``). This times that step in one process, in CPU seconds (the
machine is shared, and its load moves wall times by tens of per cent): pySHACL on every
whole-graph shape of ``--before-shapes`` (the shapes as they were), then the same shapes
of the checkout's ``ontology/shapes.ttl`` with the SPARQL shapes the engine can run
answered by pyoxigraph first (``graph/validate_engine.py``), and checks the two reports
have the same violations.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph import validate, validate_lines, validate_split, validate_whole  # noqa: E402
from graph.lines_dataset import parse_lines  # noqa: E402
from graph.vocab import ONTOLOGY_GRAPH  # noqa: E402


def _timed(action):
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return result, time.process_time() - cpu, time.perf_counter() - wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("nquads", type=Path, help="a build's N-Quads (store/builds/<id>.nq)")
    parser.add_argument("--before-shapes", type=Path, default=ROOT / "ontology" / "shapes.ttl")
    args = parser.parse_args()
    text = args.nquads.read_bytes()
    triples = b"".join(line.rsplit(b" ", 2)[0] + b" .\n" for line in text.splitlines() if line)
    union, cpu, wall = _timed(lambda: parse_lines(triples))
    print(f"union of {args.nquads.name}: {len(union):,} triples ({cpu:.1f} CPU s to parse)")

    before = validate.load_shapes(args.before_shapes)
    use = validate_split.split_shapes(before).whole_graph
    report, cpu, wall = _timed(lambda: validate.run_pyshacl(union, before, use))
    found = validate._violations(report[1])
    print(f"pySHACL, every whole-graph shape ({len(use)}): {cpu:.1f} CPU s, {wall:.1f} s wall")

    after = validate.load_shapes(ROOT / "ontology" / "shapes.ttl")
    use = validate_split.split_shapes(after).whole_graph
    with args.nquads.open(encoding="utf-8") as f:
        lines = validate_lines.read(f, keep_subjects_of=[ONTOLOGY_GRAPH.n3()])

    def engine_first():
        flagged = validate_whole.engine_first(lines, after, use)
        shapes = validate_whole.retargeted(union, after, flagged) if flagged else after
        return flagged, validate.run_pyshacl(union, shapes, use)

    (flagged, report), cpu, wall = _timed(engine_first)
    print(
        f"engine first ({len(flagged)} shapes, {sum(map(len, flagged.values()))} nodes found), "
        f"then pySHACL: {cpu:.1f} CPU s, {wall:.1f} s wall"
    )
    same = validate._violations(report[1]) == found
    print(f"same violations: {same} ({len(found)})")


if __name__ == "__main__":
    main()
