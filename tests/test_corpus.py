"""The corpus folder: documents and the manifest that describes them."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.corpus import read_corpus, read_manifest
from graph.errors import CorpusError

ENTRY = """
[[document]]
file = "{file}"
id = "{id}"
title = "A title"
publisher = "A publisher"
issued = "{issued}"
kind = "{kind}"
"""


def test_the_corpus_holds_five_described_documents(project_paths) -> None:
    docs = read_corpus(project_paths.corpus)
    assert len(docs) == 5
    for doc in docs:
        assert doc.meta.title and doc.meta.publisher and doc.meta.issued
        assert doc.text == doc.path.read_text(encoding="utf-8")


def test_the_stemmed_copy_points_to_the_2021_white_paper(project_paths) -> None:
    metas = {m.id: m for m in read_manifest(project_paths.corpus)}
    copies = [m for m in metas.values() if m.alternate_of]
    assert [c.id for c in copies] == ["white-paper-2021-stemmed"]
    assert metas[copies[0].alternate_of].title == "China's Space Program: A 2021 Perspective"


def write_corpus(tmp_path: Path, manifest: str, files: dict[str, str]) -> Path:
    (tmp_path / "manifest.toml").write_text(manifest, encoding="utf-8")
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        (ENTRY.format(file="a.txt", id="a", issued="29 Dec 2011", kind="news-article"), "issued"),
        (ENTRY.format(file="a.txt", id="a", issued="2011", kind="blog"), "kind"),
        (ENTRY.format(file="a.txt", id="Not A Slug", issued="2011", kind="news-article"), "slug"),
        ("[[document]]\nfile = 'a.txt'\n", "missing"),
        (ENTRY.format(file="a.txt", id="a", issued="2011", kind="news-article") * 2, "twice"),
        ("[[document]\n", "TOML"),
        (
            ENTRY.format(file="a.txt", id="a", issued="2011", kind="news-article")
            + "alternate_of = 'nowhere'\n",
            "nowhere",
        ),
        (
            ENTRY.format(file="a.txt", id="a", issued="2011", kind="news-article") + "colour = 1\n",
            "unknown key",
        ),
    ],
)
def test_a_bad_manifest_entry_is_named_with_what_to_do(tmp_path, manifest, message) -> None:
    corpus = write_corpus(tmp_path, manifest, {"a.txt": "Some text."})
    with pytest.raises(CorpusError, match=message) as excinfo:
        read_corpus(corpus)
    assert "manifest.toml" in str(excinfo.value)
    assert "\n" not in str(excinfo.value)


def test_a_missing_manifest_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(CorpusError, match="no manifest"):
        read_corpus(tmp_path)


def test_the_curation_file_and_readme_are_not_documents(tmp_path) -> None:
    manifest = ENTRY.format(file="a.txt", id="a", issued="2011-12", kind="news-article")
    corpus = write_corpus(
        tmp_path, manifest, {"a.txt": "Text.", "curation.toml": "", "README.md": "About."}
    )
    assert [d.id for d in read_corpus(corpus)] == ["a"]
