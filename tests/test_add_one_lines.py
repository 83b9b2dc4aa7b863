"""The summaries' scratch store loaded from the build's lines in memory holds what loading
it from the N-Quads file holds (``summaries.bulk_load_merged``)."""

from __future__ import annotations

import random
from pathlib import Path

import pyoxigraph as ox

from graph import summaries

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
