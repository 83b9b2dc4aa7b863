"""The dependency parser the extractor reads sentences with is the pipeline pinned in
pyproject.toml: the same version, the same files, loaded from site-packages offline."""

from __future__ import annotations

import hashlib
import tomllib
from importlib.metadata import distribution
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _pin() -> dict:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return tomllib.load(fh)["tool"]["spacekg"]["parser-model"]


def _model_files_digest(dist) -> str:
    """One digest over the (path, hash) of every file the wheel shipped: pip adds its
    own lines to RECORD on install, so the wheel's lines are taken, not the file."""
    shipped = sorted(
        f"{file.as_posix()},{file.hash.value}"
        for file in dist.files or []
        if file.hash is not None and ".dist-info/" not in file.as_posix()
    )
    return hashlib.sha256("\n".join(shipped).encode()).hexdigest()


def test_the_installed_pipeline_is_the_pinned_version_with_the_pinned_files():
    pin = _pin()
    dist = distribution(pin["distribution"])
    assert dist.version == pin["version"]
    assert _model_files_digest(dist) == pin["files-sha256"]


def test_every_installed_file_matches_its_record_hash():
    """RECORD is pinned above; each file must still hold the bytes it lists."""
    import base64

    dist = distribution(_pin()["distribution"])
    checked = 0
    for file in dist.files or []:
        if file.hash is None or file.hash.mode != "sha256":
            continue
        digest = hashlib.sha256(Path(file.locate()).read_bytes()).digest()
        assert base64.urlsafe_b64encode(digest).rstrip(b"=").decode() == file.hash.value, file
        checked += 1
    assert checked > 20


def test_its_metadata_is_spacys_english_pipeline_with_a_parser():
    pin = _pin()
    from graph.parsing import model_meta

    meta = model_meta()
    assert meta["lang"] == "en"
    assert meta["version"] == pin["version"]
    assert meta["spacy_git_version"] == pin["spacy-git-version"]
    assert "parser" in meta["pipeline"] and "tagger" in meta["pipeline"]


def test_the_pipeline_loads_offline_and_parses(monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise OSError("network used while loading the parser")

    monkeypatch.setattr(socket, "create_connection", refuse)
    from graph.parsing import load_parser

    load_parser.cache_clear()
    doc = load_parser()("Sweden and Germany contributed instruments.")
    assert [t.dep_ for t in doc][:3] == ["nsubj", "cc", "conj"]


def test_words_with_the_co_prefix_stay_one_word_with_the_verbs_lemma():
    from graph.parsing import parse_all

    doc = parse_all(["China co-hosted the forum and co-chairs its working group."])[0]
    words = {t.text: t for t in doc}
    assert words["co-hosted"].lemma_ == "host"
    assert words["co-hosted"].dep_ == "ROOT"
    assert words["co-chairs"].lemma_ == "chair"
