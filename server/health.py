"""``GET /healthz`` for monitors: which build is served, how big, from where."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify

from server.backend import get_backend

bp = Blueprint("health", __name__)


@bp.route("/healthz")
def healthz() -> Response:
    """Build id, triple count and store path (or remote URL); never cached."""
    backend = get_backend()
    build = getattr(backend, "build", None)
    pool = getattr(backend, "pool", None)
    cache = backend.cache
    body = {
        "status": "ok",
        "build_id": build.build_id if build else None,
        "built_at": build.built_at if build else None,
        "triples": build.triples if build else None,
        "quads": build.quads if build else None,
        **backend.describe(),
        "query_workers": pool.size if pool else 0,
        "query_worker_restarts": pool.restarts if pool else 0,
        "result_cache": {"entries": len(cache), "bytes": cache.size_bytes},
    }
    response = jsonify(body)
    response.headers["Cache-Control"] = "no-store"
    return response
