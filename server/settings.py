"""Server settings, declared as data with their help text.

Each setting can be given in the ``config`` mapping passed to ``create_app`` or, for
deployments, as an environment variable ``SPACEKG_<NAME>``. A test checks that every
setting has help text and appears in the README.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str

    def parse(self, raw: str) -> Any:
        """Read an environment value with the type of the default."""
        if isinstance(self.default, bool):
            return raw.strip().lower() in ("1", "true", "yes", "on")
        if isinstance(self.default, int):
            return int(raw)
        if isinstance(self.default, float):
            return float(raw)
        return raw


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "STORE",
        "var/store",
        "Store root written by `spacekg build` (its `current` build is served).",
    ),
    Setting("QUERIES_DIR", "queries", "Folder of saved .rq queries."),
    Setting(
        "ONTOLOGY_DIR", "ontology", "Folder with ontology.ttl, shapes.ttl and the reference data."
    ),
    Setting("CORPUS_DIR", "corpus", "Folder with the source documents (shown on document pages)."),
    # SPARQL endpoint (issue 4)
    Setting(
        "QUERY_TIMEOUT",
        30.0,
        "Seconds a query may run; past it the process evaluating it is killed and the client "
        "gets a 503. Needs QUERY_WORKERS > 0 (in-process evaluation cannot be stopped).",
    ),
    Setting(
        "QUERY_WORKERS",
        4,
        "Pre-started query processes per web worker, each with the store open read-only; "
        "0 evaluates in the web process (no timeout).",
    ),
    Setting(
        "ROW_LIMIT",
        10000,
        "Most solutions (SELECT) or triples (CONSTRUCT, DESCRIBE) in one answer; a cut "
        "answer says so in the X-SPARQL-Truncated header and, in SPARQL JSON, a "
        "`truncated` member.",
    ),
    Setting(
        "MAX_REQUEST_BYTES",
        1_000_000,
        "Largest query string or request body accepted; larger requests get a 413.",
    ),
    Setting(
        "RESULT_CACHE_BYTES",
        64 * 1024 * 1024,
        "Memory for cached answers per web worker, keyed by build, query and format; "
        "0 turns the cache off.",
    ),
    Setting(
        "CACHE_MAX_AGE",
        300,
        "Cache-Control max-age (seconds) of SPARQL answers; clients revalidate with the "
        "build's ETag after that.",
    ),
    Setting(
        "CORS_ORIGINS",
        "*",
        "Access-Control-Allow-Origin of the read-only endpoint (empty: no CORS headers).",
    ),
    Setting(
        "REMOTE_ENDPOINT",
        "",
        "URL of a SPARQL 1.1 endpoint to query instead of the local store (e.g. Virtuoso "
        "or QLever holding the same graph); empty: the embedded store.",
    ),
    # Downloads and linked data (issue 6)
    Setting(
        "DUMPS_DIR",
        "",
        "Folder of the downloads served under /dumps/ (as written by `spacekg dump`); "
        "empty: the dumps the build being served wrote beside its store.",
    ),
)


def resolve_settings(
    config: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """Defaults, overridden by ``SPACEKG_*`` variables, overridden by ``config``."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        value = setting.default
        env = environ.get(f"SPACEKG_{setting.name}")
        if env is not None:
            value = setting.parse(env)
        values[setting.name] = value
    values.update(config or {})
    return values
