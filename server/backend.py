"""The store behind the server, as an interface.

Pages, saved queries and the SPARQL endpoint ask a ``Backend`` for answers and never
touch pyoxigraph directly, so a deployment can swap the embedded store for a remote
SPARQL endpoint without changing them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import pyoxigraph as ox

from graph import store as store_files
from graph.store import BuildInfo


class Backend(Protocol):
    """What the server needs from a store."""

    build: BuildInfo | None

    def query(
        self,
        sparql: str,
        *,
        substitutions: Mapping[str, ox.NamedNode | ox.Literal] | None = None,
    ) -> Any:
        """Evaluate ``sparql`` over the union of all graphs; pyoxigraph result types."""
        ...


@dataclass
class EmbeddedBackend:
    """A pyoxigraph store in this process (opened read-only by ``open``)."""

    store: ox.Store
    build: BuildInfo | None = None
    path: Path | None = None

    @classmethod
    def open(cls, root: Path) -> EmbeddedBackend:
        """:raises StoreError: nothing built at ``root``."""
        return cls(store_files.open_store(root), store_files.read_build_info(root), root)

    def query(
        self,
        sparql: str,
        *,
        substitutions: Mapping[str, ox.NamedNode | ox.Literal] | None = None,
    ) -> Any:
        subs = {ox.Variable(k): v for k, v in (substitutions or {}).items()}
        return self.store.query(sparql, use_default_graph_as_union=True, substitutions=subs)
