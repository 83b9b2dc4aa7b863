"""Incremental builds: a build re-reads only the documents whose results it cannot reuse,
and what it builds is what a build from nothing would.

Extraction-level tests run the cached extraction on small corpora written here; two
builds of a small synthetic corpus check the whole path (summary counts, same build id,
``--full``).
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from graph import corpus, extract, extract_incremental, pipeline
from graph.config import Paths
from graph.extraction_cache import ExtractionCache, NamesIndex

ROOT = Path(__file__).resolve().parent.parent


def load_generator():
    """benchmarks/synthetic_corpus.py (benchmarks/ is not a package)."""
    path = ROOT / "benchmarks" / "synthetic_corpus.py"
    spec = importlib.util.spec_from_file_location("synthetic_corpus", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["synthetic_corpus"] = module
    spec.loader.exec_module(module)
    return module


DOCUMENTS = {
    "a": "China and Brazil deepen cooperation\n\nBrazil provided a camera for the AST "
    "mission in 2024. The launch window opens early in the morning, local time.\n",
    "b": "A new telescope\n\nThe Aurora Survey Telescope (AST) will be launched by China "
    "in 2027. France will provide a spectrometer for the Aurora Survey Telescope.\n",
    "c": "Other news\n\nChile contributed a detector to the Chang'e-7 mission in 2026.\n",
}


def write_corpus(folder: Path, ids: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.txt"):
        old.unlink()
    entries = []
    for doc_id in ids:
        (folder / f"{doc_id}.txt").write_text(DOCUMENTS[doc_id], encoding="utf-8")
        entries.append(
            f'[[document]]\nfile = "{doc_id}.txt"\nid = "{doc_id}"\ntitle = "{doc_id}"\n'
            f'publisher = "test"\nissued = "2024"\nkind = "news-article"\n'
        )
    (folder / "manifest.toml").write_text("\n".join(entries), encoding="utf-8")


def extract_cached(folder: Path, cache: ExtractionCache):
    paths = Paths.defaults(ROOT)
    documents = corpus.read_corpus(folder)
    reference = extract.load_reference(paths.ontology, folder)
    extraction, stats = extract_incremental.extract_corpus(
        documents, reference, cache, ontology_dir=paths.ontology
    )
    return documents, reference, extraction, stats


def test_unchanged_documents_are_not_read_again(tmp_path: Path) -> None:
    folder, cache = tmp_path / "corpus", ExtractionCache(tmp_path / "cache")
    write_corpus(folder, ["a", "c"])
    _docs, _ref, first, stats = extract_cached(folder, cache)
    assert (stats.documents, stats.re_extracted) == (2, 2)
    _docs, _ref, again, stats = extract_cached(folder, cache)
    assert (stats.re_extracted, stats.from_cache) == (0, 2)
    assert again == first


def test_an_edited_document_alone_is_read_again(tmp_path: Path) -> None:
    folder, cache = tmp_path / "corpus", ExtractionCache(tmp_path / "cache")
    write_corpus(folder, ["a", "c"])
    extract_cached(folder, cache)
    edited = DOCUMENTS["c"].replace("in 2026", "in 2026, officials said")
    (folder / "c.txt").write_text(edited, encoding="utf-8")
    documents, reference, extraction, stats = extract_cached(folder, cache)
    assert stats.re_extracted == 1
    assert extraction == extract.extract_corpus(documents, reference)


def test_a_rebuild_that_discovers_the_same_names_searches_only_new_texts_for_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Which discovered names a text holds is part of its reading key, and finding them
    is the key's cost: a build whose discovery found the same entities as the last takes
    the last build's keys and searches only a document it has not seen (the edited c)."""
    folder, cache = tmp_path / "corpus", ExtractionCache(tmp_path / "cache")
    write_corpus(folder, ["a", "c"])
    extract_cached(folder, cache)
    searched: list[str] = []
    search = NamesIndex.named_in
    monkeypatch.setattr(
        NamesIndex, "named_in", lambda index, text: searched.append(text) or search(index, text)
    )
    edited = DOCUMENTS["c"].replace("in 2026", "in 2026, officials said")
    (folder / "c.txt").write_text(edited, encoding="utf-8")
    documents, reference, extraction, stats = extract_cached(folder, cache)
    assert len(searched) == 1 and "officialssaid" in searched[0]
    assert stats.re_extracted == 1
    assert extraction == extract.extract_corpus(documents, reference)


def test_a_document_that_names_something_rereads_the_documents_that_use_the_name(
    tmp_path: Path,
) -> None:
    """Discovery votes over the whole corpus: "AST" in document a is nothing until
    document b introduces the Aurora Survey Telescope (AST). Adding b must re-read a,
    and leave c (which never names it) in the cache."""
    folder, cache = tmp_path / "corpus", ExtractionCache(tmp_path / "cache")
    write_corpus(folder, ["a", "c"])
    _docs, _ref, before, _stats = extract_cached(folder, cache)
    write_corpus(folder, ["a", "c", "b"])
    documents, reference, after, stats = extract_cached(folder, cache)
    discovered = {e.key: e for e in after.entities if e.discovered}
    assert "AST" in discovered["aurora-survey-telescope"].alt_labels, (
        "precondition: discovery no longer gives the telescope its acronym; pick another name"
    )
    assert (stats.re_extracted, stats.from_cache) == (2, 1)  # b is new, a is re-read
    assert after == extract.extract_corpus(documents, reference)
    keys = {f.key for f in after.facts}
    assert "brazil--payloads--aurora-survey-telescope" in keys
    assert "brazil--payloads--aurora-survey-telescope" not in {f.key for f in before.facts}


def test_a_changed_extractor_or_reference_data_misses_the_cache(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    write_corpus(folder, ["c"])
    ontology = tmp_path / "ontology"
    shutil.copytree(ROOT / "ontology", ontology)
    paths = replace(Paths.defaults(ROOT), ontology=ontology)
    cache = ExtractionCache(tmp_path / "cache")
    documents = corpus.read_corpus(folder)

    def run():
        reference = extract.load_reference(paths.ontology, folder)
        return extract_incremental.extract_corpus(
            documents, reference, cache, ontology_dir=paths.ontology
        )[1]

    assert run().re_extracted == 1
    assert run().re_extracted == 0
    with (ontology / "reference" / "organisations.ttl").open("a", encoding="utf-8") as f:
        f.write("\n# a comment changes the reference data's digest\n")
    assert run().re_extracted == 1


def test_a_torn_cache_entry_is_recomputed(tmp_path: Path) -> None:
    folder, cache = tmp_path / "corpus", ExtractionCache(tmp_path / "cache")
    write_corpus(folder, ["c"])
    _docs, _ref, first, _stats = extract_cached(folder, cache)
    for entry in (tmp_path / "cache").rglob("*.pickle"):
        entry.write_bytes(entry.read_bytes()[:10])
    _docs, _ref, again, stats = extract_cached(folder, cache)
    assert stats.re_extracted == 1
    assert again == first


@pytest.mark.slow
def test_builds_say_what_they_reused_and_full_ignores_the_cache(tmp_path: Path) -> None:
    generator = load_generator()
    generator.generate(tmp_path / "synthetic", 4)
    paths = replace(
        Paths.defaults(ROOT), corpus=tmp_path / "synthetic" / "corpus", store=tmp_path / "store"
    )
    first = pipeline.build(paths).info
    assert first.extraction["re_extracted"] == first.extraction["documents"] == 4
    assert first.extraction["re_validated"] == 4
    second = pipeline.build(paths).info
    assert (second.extraction["re_extracted"], second.extraction["from_cache"]) == (0, 4)
    assert second.extraction["re_validated"] == 0
    assert second.build_id == first.build_id
    full = pipeline.build(paths, full=True).info
    assert (full.extraction["re_extracted"], full.extraction["re_validated"]) == (4, 4)
    assert full.build_id == first.build_id
