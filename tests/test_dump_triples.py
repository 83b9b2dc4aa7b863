"""The merge's Turtle and RDF/XML written from stretches of lines are the engine's text
for the whole merge, also where a subject runs on from one graph into the next."""

from __future__ import annotations

import io

import pyoxigraph as ox
import pytest

from graph.dump_fragments import FragmentCache
from graph.dump_triples import PIECED, PiecedWriter
from graph.vocab import PREFIXES

EX = "https://w3id.org/china-space-kg/id/"


def line(s: str, p: str, o: str) -> bytes:
    return f"<{EX}{s}> <{EX}{p}> {o} .\n".encode()


GRAPHS = [
    [line("a", "p", '"1"'), line("b", "p", '"2"')],
    [line("b", "q", f"<{EX}c>"), line("c", "p", '"3"@en')],  # b runs on from the first
    [],  # a graph whose triples were all met before
    [line("d", "p", "_:x"), line("d", "p", '"4"')],
]


def written(graphs: list[list[bytes]], cache: FragmentCache) -> dict[str, bytes]:
    outputs = {name: io.BytesIO() for name in ("nt", *PIECED)}
    writer = PiecedWriter(outputs, cache)
    for lines in graphs:
        writer.add(lines)
    writer.finish()
    return {name: out.getvalue() for name, out in outputs.items()}


@pytest.mark.parametrize("graphs", [GRAPHS, GRAPHS[:1], []])
def test_pieced_dumps_are_the_engines_text_of_the_whole_merge(graphs, tmp_path) -> None:
    data = b"".join(line for lines in graphs for line in lines)
    for cache in (FragmentCache(None), FragmentCache(tmp_path), FragmentCache(tmp_path)):
        text = written(graphs, cache)
        assert text["nt"] == data
        for name, fmt in PIECED.items():
            whole = ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
            assert text[name] == ox.serialize(whole, format=fmt, prefixes=PREFIXES), name


def test_a_stretch_is_cut_only_where_the_subject_changes(tmp_path) -> None:
    cache = FragmentCache(tmp_path)
    written(GRAPHS, cache)
    assert cache.written == 2 * 2  # (a, b, b, c) and (d, d), in Turtle and RDF/XML
