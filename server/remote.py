"""A remote SPARQL 1.1 endpoint as the server's backend.

A deployment that outgrows one machine loads the same graph into Virtuoso, QLever or
``oxigraph serve`` and sets REMOTE_ENDPOINT; pages, saved queries and ``/sparql`` keep
working through the same ``Backend`` interface. The remote store must hold the named
graphs and, in its default graph, their merge, as the embedded store does: load the
N-Quads dump, then run ``INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }`` once,
and serve it without ``--union-default-graph`` (that union repeats a triple stated by
two documents). The remote engine stops its own runaway queries; this side gives up
waiting after QUERY_TIMEOUT. Queries are inspected here first, so SERVICE and updates
never reach it.

Requests are the protocol's most widely implemented form (a form-encoded POST: Virtuoso
7 does not read an ``application/sparql-query`` body), and solutions are asked for as
SPARQL JSON and re-written here in the format wanted (Virtuoso's TSV is not SPARQL's).
Parameters in the endpoint URL (e.g. ``?default-graph-uri=...``) are sent with every
query; a query's own dataset replaces the URL's.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from itertools import islice
from typing import Any

import pyoxigraph as ox

from graph.errors import QueryError
from graph.store import BuildInfo
from server.backend import (
    Backend,
    EvaluationError,
    Limits,
    QueryJob,
    QueryOutcome,
    QueryTimeout,
)
from server.evaluate import capped_solutions
from server.sparql_scan import bind_values

_SOLUTION_MEDIA = {
    "JSON": "application/sparql-results+json",
    "XML": "application/sparql-results+xml",
    "CSV": "text/csv",
    "TSV": "text/tab-separated-values",
}


_DATASET = ("default-graph-uri", "named-graph-uri")


class RemoteBackend(Backend):
    """Queries sent over the SPARQL 1.1 Protocol (a form-encoded POST)."""

    def __init__(
        self, url: str, *, limits: Limits | None = None, build: BuildInfo | None = None
    ) -> None:
        super().__init__(limits)
        self.url = url
        self.build = build
        endpoint, _, given = url.partition("?")
        self._endpoint = endpoint
        self._given = urllib.parse.parse_qsl(given, keep_blank_values=True)

    def _post(
        self,
        sparql: str,
        accept: str,
        timeout: float,
        graphs: Mapping[str, tuple[str, ...] | None] | None = None,
    ) -> bytes:
        params = [(name, iri) for name, iris in (graphs or {}).items() for iri in iris or ()]
        if params:
            params = [(k, v) for k, v in self._given if k not in _DATASET] + params
        else:
            params = list(self._given)
        request = urllib.request.Request(
            self._endpoint,
            data=urllib.parse.urlencode([("query", sparql), *params]).encode("utf-8"),
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.read()
        except urllib.error.HTTPError as exc:
            message = exc.read().decode("utf-8", "replace").strip() or exc.reason
            raise EvaluationError(message, syntax=exc.code == 400) from None
        except TimeoutError:
            message = f"query timeout: the remote endpoint did not answer within {timeout:g} s"
            raise QueryTimeout(message) from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError):
                message = f"query timeout: the remote endpoint did not answer within {timeout:g} s"
                raise QueryTimeout(message) from None
            raise EvaluationError(
                f"remote endpoint unreachable: {exc.reason}", syntax=False
            ) from None

    def evaluate(self, job: QueryJob, *, timeout: float) -> QueryOutcome:
        """Substitutions become a VALUES block at the start of the WHERE group (see
        ``bind_values``); a variable also bound inside that group, e.g. by OPTIONAL,
        behaves as a join there, not as a replacement."""
        try:
            return self._execute(job, timeout)
        except QueryError as exc:
            raise EvaluationError(str(exc), syntax=True) from None

    def _execute(self, job: QueryJob, timeout: float) -> QueryOutcome:
        sparql = job.sparql
        if job.substitutions:
            sparql = bind_values(sparql, dict(job.substitutions))
        graphs = {"default-graph-uri": job.default_graphs, "named-graph-uri": job.named_graphs}
        if job.form in ("CONSTRUCT", "DESCRIBE"):
            body = self._post(sparql, "application/n-triples", timeout, graphs)
            quads = ox.parse(body, ox.RdfFormat.N_TRIPLES)
            triples = [quad.triple for quad in islice(quads, job.row_cap + 1)]
            truncated = len(triples) > job.row_cap
            del triples[job.row_cap :]
            out = ox.serialize(
                triples, format=getattr(ox.RdfFormat, job.ox_format), prefixes=dict(job.prefixes)
            )
            return QueryOutcome(out, len(triples), truncated)
        if job.form == "ASK" or job.limited_sparql is None:
            answer = _from_json(self._post(sparql, _SOLUTION_MEDIA["JSON"], timeout, graphs))
            body = answer.serialize(format=getattr(ox.QueryResultsFormat, job.ox_format))
            return QueryOutcome(body, None, False)
        limited = job.limited_sparql
        if job.substitutions:
            limited = bind_values(limited, dict(job.substitutions))
        answer = _from_json(self._post(limited, _SOLUTION_MEDIA["JSON"], timeout, graphs))
        return capped_solutions(
            answer.serialize(format=ox.QueryResultsFormat.TSV), job.row_cap, job.ox_format
        )

    def describe(self) -> dict[str, Any]:
        return {"kind": "remote", "endpoint": self.url}

    def close(self) -> None:
        """Nothing to stop: connections are not kept."""


def _from_json(body: bytes) -> Any:
    """A SPARQL JSON answer, parsed.

    :raises EvaluationError: the endpoint's answer is not SPARQL JSON.
    """
    try:
        return ox.parse_query_results(body, ox.QueryResultsFormat.JSON)
    except (SyntaxError, ValueError) as exc:
        message = f"the remote endpoint's answer is not SPARQL JSON: {exc}"
        raise EvaluationError(message, syntax=False) from None
