"""What an add-one build now reads from its lines in memory gives what it read from the
file and the staged store before: each graph's digest (``validate_lines``), the
summaries' scratch store (``summaries.bulk_load_merged``) and, in the dumps' worker, a
graph's N-Quads as the staged store writes them, whatever order its lines come in."""

from __future__ import annotations

import random
from pathlib import Path

import pyoxigraph as ox

from graph import rdf_lines, summaries, validate_lines
from graph.dump_fragments import graph_nquads
from graph.dump_lines import BuildLines, LinesInput, spans_of

EX = "https://example.org/"


def _graphs() -> dict[str, bytes]:
    """Three graphs as rdflib writes them: the lines of each in no particular order, a
    triple two graphs share, literals of several kinds and one blank node."""
    rows: dict[str, list[str]] = {}
    for g in range(3):
        name = f"<{EX}graph/{g}>"
        rows[name] = [
            f'<{EX}s{i}> <http://www.w3.org/2000/01/rdf-schema#label> "label {i} é"@en {name} .\n'
            for i in range(g, 40)
        ]
        rows[name] += [
            f'<{EX}s{i}> <https://w3id.org/china-space-kg/ontology#factCount> "{i}"'
            f"^^<http://www.w3.org/2001/XMLSchema#integer> {name} .\n"
            for i in range(30)
        ]
        rows[name].append(f"<{EX}shared> <{EX}p> <{EX}o> {name} .\n")
        random.Random(g).shuffle(rows[name])
    rows[f"<{EX}graph/2>"].append(f"_:b1 <{EX}p> <{EX}o> <{EX}graph/2> .\n")
    return {name: "".join(lines).encode() for name, lines in rows.items()}


def test_the_digests_of_lines_in_memory_are_those_read_from_the_file(tmp_path: Path) -> None:
    graphs = _graphs()
    path = tmp_path / "build.nq"
    path.write_bytes(b"".join(graphs.values()))
    read = validate_lines.read_file(path)
    for name, data in graphs.items():
        assert rdf_lines.lines_digest(data) == read.graph_digests[name]
    assert rdf_lines.lines_digest(b'<a> <b> "x\ry" <g> .\n') is None  # read as text: not alike


def test_the_counted_triples_from_memory_are_those_from_the_file(tmp_path: Path) -> None:
    graphs = _graphs()
    path = tmp_path / "build.nq"
    path.write_bytes(b"".join(graphs.values()))
    only = frozenset({b"<http://www.w3.org/2000/01/rdf-schema#label>", f"<{EX}p>".encode()})
    from_file, from_memory = ox.Store(), ox.Store()
    summaries.bulk_load_merged(from_file, path, only=only)
    summaries.bulk_load_graphs(from_memory, graphs, only=only)
    as_text = lambda s: sorted(str(q) for q in s if not isinstance(q.subject, ox.BlankNode))  # noqa: E731
    assert as_text(from_memory) == as_text(from_file)
    assert len(from_memory) == len(from_file) == 40 + 1 + 1  # each label and shared once


def test_the_dumps_read_a_graph_from_its_lines_as_the_staged_store_writes_it(
    tmp_path: Path,
) -> None:
    graphs = _graphs()
    path = tmp_path / "build.nq"
    path.write_bytes(b"".join(graphs.values()))
    staged = ox.Store(str(tmp_path / "staged"))
    staged.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    asked: list[str] = []

    def stage() -> ox.Store:
        asked.append("staged")
        return staged

    given = LinesInput(path, spans_of(graphs), {}, tmp_path / "dumps")
    lines = BuildLines(given, stage, lambda: False, tmp_path / "scratch")
    assert [str(g) for g in lines.graphs()] == sorted(graphs)
    for g in range(2):  # no blank node: from the lines, in the staged store's order
        graph = ox.NamedNode(f"{EX}graph/{g}")
        assert graph_nquads(lines, graph) == graph_nquads(staged, graph)  # type: ignore[arg-type]
    assert not asked
    graph = ox.NamedNode(f"{EX}graph/2")  # a blank node: from the staged store
    assert graph_nquads(lines, graph) == graph_nquads(staged, graph)  # type: ignore[arg-type]
    assert asked == ["staged"]
    lines.close()
    assert not (tmp_path / "scratch").exists()
