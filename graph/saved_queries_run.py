"""Running saved (and ad-hoc) SELECT queries: the bound result as a table with a
truncation flag, and the query text with its values inlined for other engines.

Kept apart from ``graph.saved_queries`` (reading and checking query files) so that each
module stays small. ``backend`` is any object with the server's ``Backend.execute``
(this package does not import the server).
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
    """Evaluate a SELECT through ``backend.execute`` (the server's one query path: its
    timeout, row cap and cache), keeping at most ``row_limit`` rows (default: the
    backend's ROW_LIMIT).

    :raises QueryError: the query is not a SELECT; the backend's errors otherwise.
    """
    outcome = backend.execute(sparql, substitutions=dict(substitutions or {}), row_limit=row_limit)
    if outcome.form != "SELECT":
        raise QueryError("only SELECT queries give a table; this is an ASK/CONSTRUCT/DESCRIBE")
    body = b"".join(outcome.chunks) if outcome.chunks is not None else outcome.body
    result = ox.parse_query_results(body, ox.QueryResultsFormat.JSON)
    variables = [v.value for v in result.variables]
    limit = backend.limits.row_limit if row_limit is None else row_limit
    table = ResultTable(variables, row_limit=limit, truncated=outcome.truncated)
    for solution in result:
        table.rows.append({v: solution[v] for v in variables if solution[v] is not None})
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
