"""``GET /healthz`` for monitors: which build is served, how big, from where, and
whether queries can run.

"degraded" (with status 503 and the reason) when the query processes cannot open the
store, say because the build being served was removed or damaged under the server: the
pages that need no query still answer, and monitors learn why the others do not.
"""

from __future__ import annotations

from flask import Blueprint, Response, jsonify

from server.backend import get_backend

bp = Blueprint("health", __name__)


@bp.route("/healthz")
def healthz() -> Response:
    """Build id, triple count, store path (or remote URL) and the query processes' state;
    never cached. Reads no store, so it answers while every query process is busy."""
    backend = get_backend()
    build = getattr(backend, "build", None)
    pool = getattr(backend, "pool", None)
    pool_status = pool.status() if pool else {}
    problem = pool_status.get("problem")
    cache = backend.cache
    body = {
        "status": "degraded" if problem else "ok",
        **({"reason": f"query processes cannot start: {problem}"} if problem else {}),
        "build_id": build.build_id if build else None,
        "built_at": build.built_at if build else None,
        "triples": build.triples if build else None,
        "quads": build.quads if build else None,
        **backend.describe(),
        "query_workers": pool.size if pool else 0,
        "query_workers_running": pool_status.get("live", 0),
        "query_worker_restarts": pool.restarts if pool else 0,
        "query_worker_start_failures": pool_status.get("start_failures", 0),
        "result_cache": {"entries": len(cache), "bytes": cache.size_bytes},
    }
    response = jsonify(body)
    response.status_code = 503 if problem else 200
    response.headers["Cache-Control"] = "no-store"
    return response
