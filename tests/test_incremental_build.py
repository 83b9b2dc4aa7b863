"""A build after adding documents to a built corpus makes what a build from nothing
makes: the same store (build id), the same downloads byte for byte and the same
validation report, while it validates the whole-graph shapes only where the graph
changed."""

from __future__ import annotations

import gzip
import re
import zlib
from dataclasses import replace
from pathlib import Path

import pytest

from graph import dump, pipeline, sparql_prepared, validate_lines, validate_whole
from graph.config import Paths
from graph.dump_members import member
from graph.export import FORMATS
from graph.validate_split import CACHE_DIR
from graph.validate_whole import MARK_FILE, STATE_FILE
from tests.test_incremental import ROOT, load_generator


@pytest.mark.slow
def test_adding_documents_builds_what_a_full_build_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    generator = load_generator()
    work = tmp_path / "synthetic"
    generator.generate(work, 6)
    paths = replace(Paths.defaults(ROOT), corpus=work / "corpus", store=tmp_path / "store")
    parsed: list[str] = []
    parse = sparql_prepared.prepareQuery
    monkeypatch.setattr(
        sparql_prepared, "prepareQuery", lambda text, *a: parsed.append(text) or parse(text, *a)
    )
    # a corpus this small changes past a fifth of its subjects with one article, where
    # a build validates everything: near the changes here whatever their share
    monkeypatch.setattr(validate_whole, "AT_MOST", 1.0)
    read: list[Path] = []  # the build's lines read whole for validation
    read_file = validate_lines.read_file
    monkeypatch.setattr(
        validate_lines, "read_file", lambda path, **kw: read.append(path) or read_file(path, **kw)
    )
    built = pipeline.build(paths)
    assert (paths.store / CACHE_DIR / STATE_FILE).is_file()
    # the whole-graph state kept is known to be the committed build's
    assert (paths.store / CACHE_DIR / MARK_FILE).read_text() == built.info.build_id
    assert (paths.store / CACHE_DIR / sparql_prepared.KEPT_FILE).is_file()
    assert len(read) == 1
    first, parsed[:], read[:] = set(parsed), [], []
    # one article: past a fifth of the lines changed, the store is loaded whole instead
    generator.generate(work, 1, start=6, register="news-article")

    # its dumps' worker writes the kept graphs' pieces before the store is staged, and
    # the SPARQL constraints the first build translated are not parsed again
    added = pipeline.build(paths)
    # (validating near the changes aims the shapes at nodes: texts the first, full run
    # never had are parsed)
    assert first and not first & set(parsed)
    # the whole-graph shapes digested only the subjects of the lines that changed, and
    # found the nodes pointing at them in the staged store: the union was not read whole
    assert read == []
    assert (paths.store / CACHE_DIR / MARK_FILE).read_text() == added.info.build_id
    fresh = pipeline.build(replace(paths, store=tmp_path / "fresh"), full=True)

    assert added.info.extraction["re_extracted"] == 1
    # the other documents' graphs are their lines from the first build, not made again
    assert 1 <= added.info.extraction["graphs_written"] < 7
    assert fresh.info.extraction["graphs_written"] == 7
    # the store is the previous one with the changed quads, not loaded again
    assert added.info.extraction["store_quads_changed"] > 0
    assert "store_quads_changed" not in fresh.info.extraction
    assert added.info.build_id == fresh.info.build_id
    assert (added.info.triples, added.info.quads) == (fresh.info.triples, fresh.info.quads)
    assert added.report.conforms == fresh.report.conforms
    assert added.report.violations == fresh.report.violations
    ours, theirs = dump.current_dumps(paths.store), dump.current_dumps(tmp_path / "fresh")
    sums, fresh_sums = dump.read_checksums(ours), dump.read_checksums(theirs)
    assert sums.keys() == fresh_sums.keys()
    # the store names blank nodes (the ontology's lists) afresh on every load, in any
    # build: files that spell them match but for the names
    same = {name for name in sums if sums[name] == fresh_sums[name]}
    for name in sums.keys() - same:
        assert without_blank_names(ours / name) == without_blank_names(theirs / name), name
    assert "void.ttl" in same  # the counts, build id and date
    # a data dump is gzip members, each its text compressed alone, whether the build
    # copied it from the previous build's dump or compressed it (graph/dump_members.py):
    # the bytes a full build writes for the same text
    for fmt in FORMATS:
        data = (ours / dump.dump_file_name(fmt)).read_bytes()
        assert b"".join(recompressed(data)) == data, fmt


def recompressed(data: bytes) -> list[bytes]:
    """Each gzip member of ``data``, its text compressed again."""
    found = []
    while data:
        unpacker = zlib.decompressobj(31)
        found.append(member(unpacker.decompress(data)))
        data = unpacker.unused_data
    return found


BLANK = re.compile(rb'_:[A-Za-z0-9]+|(?<=nodeID=")[A-Za-z0-9]+')


def without_blank_names(path: Path) -> list[bytes]:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    # (JSON-LD orders nodes by name: a comma may move)
    lines = data.splitlines()
    return sorted(BLANK.sub(b"_:", line).rstrip(b",") for line in lines)
