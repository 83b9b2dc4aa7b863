"""Running saved (and ad-hoc) SELECT queries: the bound result as a table with a
truncation flag, and the query text with its values inlined for other engines.

Kept apart from ``graph.saved_queries`` (reading and checking query files) so that each
module stays small; the CLI and the server both run queries through here.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from graph.errors import QueryError
from graph.saved_queries import SavedQuery


@dataclass
class ResultTable:
    """The rows of a SELECT (at most the row cap) and whether more were cut off."""

    variables: list[str]
    rows: list[dict[str, ox.NamedNode | ox.BlankNode | ox.Literal]] = field(default_factory=list)
    truncated: bool = False
    row_limit: int | None = None

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows)

    def column(self, name: str) -> list[str]:
        """The values of one column as plain strings (``""`` where unbound)."""
        return [row[name].value if name in row else "" for row in self.rows]


def run_select(
    backend: Any,
    sparql: str,
    substitutions: Mapping[str, ox.NamedNode | ox.Literal] | None = None,
    *,
    row_limit: int | None = None,
) -> ResultTable:
    """Evaluate a SELECT over the union of graphs, keeping at most ``row_limit`` rows.

    :raises QueryError: syntax error, or the query is not a SELECT.
    """
    try:
        result = backend.query(sparql, substitutions=dict(substitutions or {}))
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from None
    except (RuntimeError, ValueError) as exc:
        raise QueryError(str(exc)) from None
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("only SELECT queries give a table; this is an ASK/CONSTRUCT/DESCRIBE")
    table = ResultTable([v.value for v in result.variables], row_limit=row_limit)
    for solution in result:
        if row_limit is not None and len(table.rows) >= row_limit:
            table.truncated = True
            break
        table.rows.append({v: solution[v] for v in table.variables if solution[v] is not None})
    return table


def run_saved(
    backend: Any,
    query: SavedQuery,
    values: Mapping[str, str] | None = None,
    *,
    row_limit: int | None = None,
) -> ResultTable:
    """Bind (and check) the parameters, then run the saved query.

    :raises QueryError: a parameter value is wrong.
    """
    return run_select(backend, query.sparql, query.bind(values or {}, backend), row_limit=row_limit)
