"""The china-space-kg web server: SPARQL endpoint, saved queries, resource pages.

``create_app`` is imported on first use, so the query processes, which import
``server.backend``, do not load Flask and every route.
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from server.app import create_app

        return create_app
    raise AttributeError(name)
