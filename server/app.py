"""Application factory: the store is opened once, by the caller, and injected."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from server.settings import resolve_settings


def create_app(config: Mapping[str, Any] | None = None, *, store: Any = None) -> Flask:
    """Make the Flask app over ``store`` (opened from the STORE setting when None)."""
    app = Flask(__name__)
    app.config.update(resolve_settings(config))
    app.extensions["spacekg.store"] = store
    return app
