"""Application factory: one Settings, the store opened once and injected, one error
handler, compression and CORS for every route."""

from __future__ import annotations

import pyoxigraph as ox
from flask import Flask, Response, request

from graph.config import Settings
from graph.saved_queries import read_query_folder
from server import errors, request_guard, sparql_fast
from server.backend import Backend, Limits
from server.connect import open_backend
from server.cors import cors_headers
from server.embedded import EmbeddedBackend
from server.form_decoding import FastFormRequest

# gzip for results and RDF too; flask-compress only knows the generic text types.
_COMPRESSED_TYPES = (
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
    "text/turtle",
    "application/n-triples",
    "application/ld+json",
    "application/rdf+xml",
    "application/n-quads",
    "application/trig",
)


def create_app(
    settings: Settings | None = None, *, store: Backend | ox.Store | None = None
) -> Flask:
    """Make the Flask app over ``store``: a Backend (held to this app's limits), a
    pyoxigraph Store (queried in this process), or None to open what ``settings`` name
    (default: ``Settings.load()``).

    :raises StoreError: nothing built at the STORE setting.
    """
    settings = settings or Settings.load()
    app = Flask(__name__)
    app.request_class = FastFormRequest
    app.extensions["spacekg.settings"] = settings
    if store is None:
        # Query processes start in the background: the app answers (and stops) at once.
        backend = open_backend(settings, wait=False)
    elif isinstance(store, ox.Store):
        backend = EmbeddedBackend(store, limits=Limits.from_settings(settings))
    else:
        backend = store.with_limits(Limits.from_settings(settings))
    app.extensions["spacekg.backend"] = backend
    app.extensions["spacekg.saved_queries"] = read_query_folder(settings.queries)
    errors.register(app)
    request_guard.register(app, settings)
    _compress(app)
    if settings.cors_origins:
        _allow_cross_origin(app, settings.cors_origins)
    _register_blueprints(app)
    sparql_fast.register(app)
    return app


def _compress(app: Flask) -> None:
    from flask_compress import Compress

    app.config.setdefault("COMPRESS_ALGORITHM", ["gzip", "br", "deflate"])
    compress = Compress(app)
    compress.compress_mimetypes_set.update(_COMPRESSED_TYPES)


def _allow_cross_origin(app: Flask, origins: str) -> None:
    """Any listed origin may read: the server is read-only and carries no credentials."""
    always = cors_headers(origins)

    @app.after_request
    def cors(response: Response) -> Response:
        headers = response.headers
        for name, value in always:
            headers[name] = value
        if request.method == "OPTIONS":
            headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
            headers["Access-Control-Allow-Headers"] = "Accept, Content-Type, If-None-Match"
            headers["Access-Control-Max-Age"] = "86400"
        return response


def _register_blueprints(app: Flask) -> None:
    """One blueprint per concern; each module exposes ``bp``."""
    from server import (
        documents,
        dumps,
        health,
        ontology_docs,
        pages,
        queries_api,
        resources,
        search,
        sparql,
    )

    for module in (
        sparql,
        health,
        pages,
        resources,
        documents,
        search,
        dumps,
        ontology_docs,
        queries_api,
    ):
        app.register_blueprint(module.bp)
