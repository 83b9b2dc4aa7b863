"""The headers that let browsers on other origins read the answers (CORS), shared by
the Flask app and the fast SPARQL path in front of it."""

from __future__ import annotations


def cors_headers(origins: str) -> list[tuple[str, str]]:
    """What every answer says to browsers when CORS_ORIGINS is set."""
    return [
        ("Access-Control-Allow-Origin", origins),
        (
            "Access-Control-Expose-Headers",
            "ETag, X-SPARQL-Truncated, X-SPARQL-Row-Limit, Content-Length",
        ),
    ]
