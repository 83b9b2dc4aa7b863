"""rdflib's SPARQL processor, parsing each distinct query text once per process.

pySHACL hands rdflib the text of every SPARQL-based constraint on every validation run,
and rdflib parses it again each time (pyparsing: tens of milliseconds a query). When a
build validates each document's graph on its own, that parsing is most of the cost. The
processor registered here keeps the translated query (what ``prepareQuery`` returns,
which rdflib documents as reusable with other initial bindings) keyed by its text, base
and namespaces, and evaluates exactly as rdflib's own processor does.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from rdflib import plugin
from rdflib.plugins.sparql.processor import SPARQLProcessor, prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Processor
from rdflib.term import Identifier


@lru_cache(maxsize=512)
def _prepared(text: str, base: str | None, namespaces: tuple[tuple[str, Any], ...]) -> Query:
    return prepareQuery(text, dict(namespaces), base)


class PreparedQueryProcessor(SPARQLProcessor):
    """``SPARQLProcessor`` with a per-process cache of translated query texts."""

    def query(  # type: ignore[override]
        self,
        strOrQuery: str | Query,  # rdflib's parameter names
        initBindings: Mapping[str, Identifier] | None = None,
        initNs: Mapping[str, Any] | None = None,
        base: str | None = None,
        DEBUG: bool = False,
    ) -> Mapping[str, Any]:
        if isinstance(strOrQuery, str):
            namespaces = tuple(sorted((initNs or {}).items()))
            strOrQuery = _prepared(strOrQuery, base, namespaces)
        return super().query(strOrQuery, initBindings, initNs, base, DEBUG)


def install() -> None:
    """Make this the processor rdflib uses for ``Graph.query`` (idempotent)."""
    plugin.register("sparql", Processor, __name__, PreparedQueryProcessor.__name__)
