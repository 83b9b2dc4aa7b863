"""Where the project's data folders are. Resolved when asked, never at import time, so
tests and deployments point the code at other folders by passing paths."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


def project_root() -> Path:
    """The checkout the package is installed from (editable install)."""
    return Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Paths:
    corpus: Path
    ontology: Path
    queries: Path
    store: Path

    @classmethod
    def defaults(cls, root: Path | None = None) -> Paths:
        root = root or project_root()
        return cls(
            corpus=root / "corpus",
            ontology=root / "ontology",
            queries=root / "queries",
            store=root / "var" / "store",
        )

    @property
    def shapes(self) -> Path:
        return self.ontology / "shapes.ttl"

    def ontology_files(self) -> list[Path]:
        """Turtle files that make up the ontology graph (not shapes, not reference data)."""
        return [self.ontology / "ontology.ttl", self.ontology / "schemes.ttl"]
