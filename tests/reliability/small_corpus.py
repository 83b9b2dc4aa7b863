"""A corpus of one short news article: builds in seconds, so the reliability tests of
``spacekg build`` can run real builds (and the command line) without the whole corpus."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from graph.config import Paths

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = "2011-news-cas-space-exchanges-white-paper.txt"
ENTRY = """[[document]]
file = "{file}"
id = "{id}"
title = "A short article"
publisher = "test"
issued = "{issued}"
kind = "news-article"
"""
SPACEKG = [sys.executable, "-c", "from cli.main import main; main()"]


def entry(file: str = ARTICLE, *, id: str = "article", issued: str = "2011-12-29") -> str:
    """One ``[[document]]`` table of a manifest."""
    return ENTRY.format(file=file, id=id, issued=issued)


def small_corpus(base: Path, *, manifest: str | None = None) -> Paths:
    """``base/corpus`` holding the article (and ``manifest``, by default its entry), with
    the project's ontology and queries and a store root ``base/store`` not yet made."""
    corpus = base / "corpus"
    corpus.mkdir(parents=True)
    (corpus / ARTICLE).write_bytes((ROOT / "corpus" / ARTICLE).read_bytes())
    (corpus / "manifest.toml").write_text(manifest or entry(), encoding="utf-8")
    return replace(Paths.defaults(ROOT), corpus=corpus, store=base / "store")


def run_cli(*args: str, paths: Paths, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """``spacekg ARGS`` over ``paths`` (given as variables), from another folder."""
    env = {
        **os.environ,
        "SPACEKG_CORPUS": str(paths.corpus),
        "SPACEKG_ONTOLOGY": str(paths.ontology),
        "SPACEKG_QUERIES": str(paths.queries),
        "SPACEKG_STORE": str(paths.store),
    }
    return subprocess.run(
        [*SPACEKG, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        cwd=paths.corpus.parent,
    )


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    """The error line of a failed command, checking it is the only thing on stderr."""
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]
