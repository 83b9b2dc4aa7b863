"""When the build's dumps worker forks a second writer (issue 18, issue 17): only for an
add to a built corpus, where nearly every graph's N-Quads are kept pieces and the build
would idle while one process wrote them all. A cold build or one very large new document
keeps both cores busy making pieces, and a fork only adds its own reading (measured: the
10 MB document took 3 to 4 s longer with it)."""

from __future__ import annotations

from pathlib import Path

from graph.dump_background import mostly_kept
from graph.dump_fragments import FragmentCache, nquads_key


def _cache(folder: Path, graphs: int, kept: int) -> FragmentCache:
    lines = {f"http://example.org/graph/{i}": f"digest-{i}" for i in range(graphs)}
    writer = FragmentCache(folder, read=False)
    for name, d in list(lines.items())[:kept]:
        writer.get(nquads_key(name, d), lambda: b"<a> <b> <c> <g> .\n")
    writer.pack().close()
    return FragmentCache(folder, lines=lines)


def test_an_add_of_one_document_to_a_built_corpus_is_written_in_two(tmp_path):
    assert mostly_kept(_cache(tmp_path, 1001, 1000))


def test_a_corpus_with_much_that_is_new_is_written_by_one_process(tmp_path):
    assert not mostly_kept(_cache(tmp_path / "large", 6, 5))  # a very large new document
    assert not mostly_kept(_cache(tmp_path / "cold", 100, 0))  # a cold build


def test_a_cache_that_knows_no_graph_s_lines_writes_in_one(tmp_path):
    assert not mostly_kept(FragmentCache(tmp_path))
