"""Application factory: the store is opened once, by the caller, and injected."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pyoxigraph as ox
from flask import Flask, current_app

from server.backend import Backend, EmbeddedBackend, open_backend
from server.form_decoding import FastFormRequest
from server.settings import resolve_settings


def create_app(config: Mapping[str, Any] | None = None, *, store: Any = None) -> Flask:
    """Make the Flask app over ``store``: a Backend, a pyoxigraph Store, or None to open
    the STORE setting's current build read-only."""
    app = Flask(__name__)
    app.request_class = FastFormRequest
    app.config.update(resolve_settings(config))
    if store is None:
        backend: Backend = open_backend(app.config)
    elif isinstance(store, ox.Store):
        backend = EmbeddedBackend(store)
    else:
        backend = store
    app.extensions["spacekg.backend"] = backend
    register_blueprints(app)
    return app


def register_blueprints(app: Flask) -> None:
    """One blueprint per concern; each module exposes ``bp``."""
    from server import documents, dumps, health, ontology_docs, pages, resources, search, sparql

    for blueprint in (sparql.bp, health.bp, pages.bp, resources.bp, documents.bp, search.bp):
        app.register_blueprint(blueprint)
    app.register_blueprint(dumps.bp)
    app.register_blueprint(ontology_docs.bp)
    from server import queries_api

    app.register_blueprint(queries_api.bp)


def get_backend() -> Backend:
    """The backend of the app handling the current request."""
    return current_app.extensions["spacekg.backend"]
