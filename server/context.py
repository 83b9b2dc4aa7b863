"""What a request handler reads from its app: the settings and the saved queries, both
made once by the app factory (the backend: ``server.backend.get_backend``)."""

from __future__ import annotations

from flask import current_app

from graph.config import Settings
from graph.saved_queries import QueryFolder


def get_settings() -> Settings:
    return current_app.extensions["spacekg.settings"]


def get_saved_queries() -> QueryFolder:
    """The saved queries read when the app was made; broken files listed with why."""
    return current_app.extensions["spacekg.saved_queries"]
