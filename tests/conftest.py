"""Shared fixtures: the real corpus built once per test session into a temporary store,
and a Flask app and client over it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from graph import extract, pipeline
from graph.config import Paths, Settings
from graph.extract import Reference
from server import create_app
from server.embedded import EmbeddedBackend

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def project_paths() -> Paths:
    """The checkout's own corpus, ontology and queries (store left to each test)."""
    return Paths.defaults(ROOT)


@pytest.fixture(scope="session")
def reference(project_paths: Paths, tmp_path_factory: pytest.TempPathFactory) -> Reference:
    """The reference data as the extractor loads it, beside an empty corpus: the tests
    that read one new sentence or document share it."""
    return extract.load_reference(project_paths.ontology, tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session")
def built_paths(project_paths: Paths, tmp_path_factory: pytest.TempPathFactory) -> Paths:
    """The checkout's paths with a session-wide temporary store root."""
    return replace(project_paths, store=tmp_path_factory.mktemp("store"))


@pytest.fixture(scope="session")
def built(built_paths: Paths) -> pipeline.BuildResult:
    """The real corpus, built once for the whole session into ``built_paths.store``."""
    return pipeline.build(built_paths)


@pytest.fixture(scope="session")
def backend(built: pipeline.BuildResult, built_paths: Paths) -> EmbeddedBackend:
    return EmbeddedBackend.open(built_paths.store)


def settings_for(paths: Paths, **changes: object) -> Settings:
    """The defaults, pointed at ``paths`` (environment variables ignored)."""
    folders = {"store": paths.store, "queries": paths.queries, "ontology": paths.ontology,
               "corpus": paths.corpus}
    return Settings.load({**folders, **changes}, environ={}, root=ROOT)


@pytest.fixture()
def settings(built_paths: Paths) -> Settings:
    return settings_for(built_paths)


@pytest.fixture()
def app(backend: EmbeddedBackend, settings: Settings):
    app = create_app(settings, store=backend)
    app.testing = True
    return app


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def corpus_copy(project_paths: Paths, tmp_path: Path) -> Iterator[Paths]:
    """A writable copy of the corpus and a fresh store root, for tests that change
    documents or break the build."""
    corpus = tmp_path / "corpus"
    shutil.copytree(project_paths.corpus, corpus)
    yield replace(project_paths, corpus=corpus, store=tmp_path / "store")
