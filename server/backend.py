"""The one way a query runs: ``Backend.execute``.

The SPARQL endpoint, the saved-query API, the pages, the search index and ``spacekg
query`` all ask a ``Backend``. ``execute`` refuses what must never reach the engine
(updates, SERVICE), applies the row cap, answers a repeated query from the result cache,
and evaluates with the timeout; so these rules hold the same way everywhere. A backend
only says how to evaluate one ``QueryJob``: ``server.embedded`` (pyoxigraph in killable
processes) or ``server.remote`` (any SPARQL 1.1 endpoint).

The query processes import this module, so it imports neither Flask nor the graph build.
"""

from __future__ import annotations

import copy
from abc import ABC, abstractmethod
from collections.abc import Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from graph.errors import QueryError, SpaceKGError
from server import sparql_scan
from server.http_cache import CachedAnswer, ResultCache

if TYPE_CHECKING:
    from graph.config import Settings
    from graph.store import BuildInfo

READ_ONLY = "this endpoint is read-only: SPARQL Update is not accepted"
NO_SERVICE = "SERVICE is not allowed: this endpoint does not send requests to other endpoints"
MAX_NESTING = 256
Term = ox.NamedNode | ox.Literal


@dataclass(frozen=True)
class QueryJob:
    """One evaluation request: everything a worker needs, nothing it must look up."""

    sparql: str
    form: str  # SELECT, ASK, CONSTRUCT or DESCRIBE
    ox_format: str  # member of QueryResultsFormat (SELECT, ASK) or RdfFormat
    row_cap: int
    limited_sparql: str | None = None  # ``sparql`` with its LIMIT lowered to row_cap + 1
    default_graphs: tuple[str, ...] | None = None  # None: the merge of all graphs
    named_graphs: tuple[str, ...] | None = None
    substitutions: tuple[tuple[str, Any], ...] = ()
    prefixes: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    # Sort keys that keep the engine's sort from aborting (``server.sort_keys``): set
    # where a panic cannot be survived (no query process), or to run again a query whose
    # sort crashed its process; pyoxigraph 0.5.13 sorts without them.
    total_order: bool = False


@dataclass(frozen=True)
class QueryOutcome:
    body: bytes  # empty when the answer comes as ``chunks``
    rows: int | None  # solutions or triples sent; None for ASK
    truncated: bool
    chunks: Iterator[bytes] | None = field(default=None, compare=False)
    form: str = "SELECT"


class QueryRefused(QueryError):
    """An update or SERVICE: refused before it reaches the engine."""

    status = 403


class QueryTimeout(SpaceKGError):
    """The query ran past its deadline and its process was ended."""

    status = 503


class WorkersBusy(SpaceKGError):
    """No worker became free before the deadline."""

    status = 503
    headers = {"Retry-After": "1"}  # noqa: RUF012 (read-only)


class QueryTooLarge(SpaceKGError):
    """The query needed more memory than QUERY_MEMORY allows; its process was replaced."""

    status = 507
    exit_code = 2


class EngineCrash(SpaceKGError):
    """The engine crashed on this query (a panic, a segmentation fault); the process that
    evaluated it was replaced and the others never saw it."""

    status = 500
    exit_code = 2


class StoreUnavailable(SpaceKGError):
    """No query process can open the store (it was removed or damaged under the server)."""

    status = 503
    exit_code = 2
    headers = {"Retry-After": "5"}  # noqa: RUF012 (read-only)


class EvaluationError(SpaceKGError):
    """The engine refused the query; ``syntax`` tells a client mistake (400) from a
    failure (500)."""

    def __init__(self, message: str, *, syntax: bool) -> None:
        super().__init__(message)
        self.syntax = syntax
        self.status = 400 if syntax else 500
        self.exit_code = 2 if syntax else 1

    def __str__(self) -> str:
        message = super().__str__()
        return sparql_scan.syntax_message(message) if self.syntax else f"query failed: {message}"


def judge(sparql: str | None) -> sparql_scan.QueryShape:
    """The query's shape, once it is known to be safe to evaluate.

    :raises QueryError: no query text.
    :raises QueryRefused: an update, or SERVICE.
    """
    if sparql is None or not sparql.strip():
        raise QueryError("no query: pass the SPARQL text as `query`")
    shape = sparql_scan.inspect(sparql)
    if shape.nesting > MAX_NESTING:
        # The engine's parser recurses once per level and overflows its stack (a crash,
        # not an error) some way past this; no real query comes near it.
        raise QueryError(
            f"the query nests groups or brackets {shape.nesting} levels deep; at most "
            f"{MAX_NESTING} are allowed"
        )
    if shape.is_update:
        raise QueryRefused(READ_ONLY)
    if shape.uses_service:
        raise QueryRefused(NO_SERVICE)
    return shape


@dataclass(frozen=True)
class Limits:
    """What every query is held to, from the settings."""

    timeout: float = 30.0
    row_limit: int = 10000
    cache_bytes: int = 0
    memory_mib: int = 0  # address space of each query process; 0: unlimited

    @classmethod
    def from_settings(cls, settings: Settings) -> Limits:
        return cls(
            settings.query_timeout,
            settings.row_limit,
            settings.result_cache_bytes,
            settings.query_memory,
        )


class Backend(ABC):
    """A store that answers queries; subclasses say how to evaluate one job."""

    build: BuildInfo | None = None

    def __init__(self, limits: Limits | None = None) -> None:
        self.limits = limits or Limits()
        self.cache = ResultCache(self.limits.cache_bytes)

    def execute(
        self,
        sparql: str | None,
        *,
        format: str | None = None,
        substitutions: Mapping[str, Term] | None = None,
        default_graphs: Iterable[str] | None = None,
        named_graphs: Iterable[str] | None = None,
        row_limit: int | None = None,
    ) -> QueryOutcome:
        """Evaluate ``sparql`` and serialize at most ``row_limit`` (default: the ROW_LIMIT
        setting) rows in ``format``, a pyoxigraph format name (default JSON for SELECT and
        ASK, N_TRIPLES for CONSTRUCT and DESCRIBE), within the QUERY_TIMEOUT setting.

        ``substitutions`` binds variables to terms (never pasted into the text);
        ``default_graphs``/``named_graphs`` choose the dataset (None: the merge of all
        graphs, each triple once). A repeated query of the same build is answered from
        the cache.

        :raises QueryError: no query, a bad graph IRI; QueryRefused: update or SERVICE.
        :raises EvaluationError: syntax (status 400) or the engine failed (500).
        :raises QueryTimeout, WorkersBusy: the query was stopped, or never started (503).
        :raises QueryTooLarge, EngineCrash: the query's process ran out of memory or
            crashed (507, 500); it was replaced.
        """
        shape = judge(sparql)
        assert sparql is not None
        form = shape.form or "SELECT"
        solutions = form in ("SELECT", "ASK")
        ox_format = format or ("JSON" if solutions else "N_TRIPLES")
        cap = self.limits.row_limit if row_limit is None else row_limit
        job = QueryJob(
            sparql=sparql,
            form=form,
            ox_format=ox_format,
            row_cap=cap,
            limited_sparql=sparql_scan.with_row_limit(sparql, shape, cap + 1)
            if form == "SELECT"
            else None,
            default_graphs=_graph_iris(default_graphs, "default-graph-uri"),
            named_graphs=_graph_iris(named_graphs, "named-graph-uri"),
            substitutions=tuple(sorted((substitutions or {}).items())),
        )
        key = self._cache_key(job)
        hit = self.cache.get(key) if key is not None else None
        if hit is not None:
            return QueryOutcome(hit.body, hit.rows, hit.truncated, form=form)
        outcome = self.evaluate(job, timeout=self.limits.timeout)
        if outcome.chunks is not None:
            chunks = self._relay(outcome, key)
            return QueryOutcome(b"", outcome.rows, outcome.truncated, chunks, form)
        if key is not None:
            self.cache.put(key, CachedAnswer(outcome.body, outcome.rows, outcome.truncated))
        return QueryOutcome(outcome.body, outcome.rows, outcome.truncated, form=form)

    def with_limits(self, limits: Limits) -> Backend:
        """This backend (same store, same query processes) held to ``limits``, with a
        cache of its own: each app applies its own settings to a shared backend."""
        clone = copy.copy(self)
        clone.limits = limits
        clone.cache = ResultCache(limits.cache_bytes)
        return clone

    def results(
        self, sparql: str, substitutions: Mapping[str, Term] | None = None, **options: Any
    ) -> Any:
        """``execute``, read back as pyoxigraph values for code that reads rows:
        solutions for SELECT, a bool for ASK, a list of triples for CONSTRUCT/DESCRIBE."""
        outcome = self.execute(sparql, substitutions=substitutions, **options)
        body = b"".join(outcome.chunks) if outcome.chunks is not None else outcome.body
        if outcome.form in ("CONSTRUCT", "DESCRIBE"):
            return [quad.triple for quad in ox.parse(body, ox.RdfFormat.N_TRIPLES)]
        parsed = ox.parse_query_results(body, ox.QueryResultsFormat.JSON)
        return bool(parsed) if outcome.form == "ASK" else parsed

    @abstractmethod
    def evaluate(self, job: QueryJob, *, timeout: float) -> QueryOutcome:
        """Evaluate and serialize ``job`` within ``timeout`` seconds (where stoppable);
        only ``execute`` calls this.

        :raises QueryTimeout, WorkersBusy, EvaluationError:
        """

    @abstractmethod
    def describe(self) -> dict[str, Any]:
        """What ``/healthz`` shows about the store (path or URL)."""

    def close(self) -> None:  # noqa: B027 (most backends have nothing to stop)
        """Stop helper processes; the backend is not used afterwards."""

    def _cache_key(self, job: QueryJob) -> Hashable | None:
        """Answers only change with a new build, so the key is the build plus the job;
        without a known build nothing is cached."""
        if self.build is None or not self.cache.max_bytes:
            return None
        return (self.build.build_id, job)

    def _relay(self, outcome: QueryOutcome, key: Hashable | None) -> Iterator[bytes]:
        """Forward a long answer frame by frame; cache it once whole, if it fits."""
        assert outcome.chunks is not None
        limit = self.cache.max_bytes // 4 if key is not None else 0
        kept: list[bytes] = []
        size = 0
        for chunk in outcome.chunks:
            size += len(chunk)
            if size <= limit:
                kept.append(chunk)
            yield chunk
        if key is not None and size <= limit:
            self.cache.put(key, CachedAnswer(b"".join(kept), outcome.rows, outcome.truncated))


def _graph_iris(iris: Iterable[str] | None, name: str) -> tuple[str, ...] | None:
    if iris is None:
        return None
    out = tuple(iris)
    for iri in out:
        try:
            ox.NamedNode(iri)
        except ValueError:
            raise QueryError(f"{name} is not an absolute IRI: {iri!r}") from None
    return out


def get_backend() -> Backend:
    """The backend of the app handling the current request."""
    from flask import current_app  # here, not at the top: query processes import us

    return current_app.extensions["spacekg.backend"]
