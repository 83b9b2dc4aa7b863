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
