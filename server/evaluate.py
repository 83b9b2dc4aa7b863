"""Evaluating one query job in a pyoxigraph store, with the row cap inside the engine.

Used by the query processes (``server.query_process``) and, when no process pool runs,
in the web process itself; it imports only pyoxigraph, the backend's types and the query
scanner.
"""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Hashable
from itertools import islice
from typing import Any

import pyoxigraph as ox

from graph.errors import QueryError
from server import rank_cut
from server.backend import EvaluationError, QueryJob, QueryOutcome
from server.json_rows import json_cut, json_rows
from server.sort_keys import with_total_order
from server.sparql_scan import bind_values

# Smallest serialized row per format: a body shorter than (cap + 1) rows of this size
# cannot hold more than ``cap`` rows, so most results need no counting at all.
_MIN_ROW_BYTES = {"JSON": 3, "XML": 17, "CSV": 2, "TSV": 1}


class _Enough(Exception):
    """Raised from inside the serializer once enough rows were written."""


class _RowCountingSink(io.RawIOBase):
    """Collects TSV output and stops the engine after ``lines`` lines."""

    def __init__(self, lines: int) -> None:
        self.buffer = bytearray()
        self.lines = lines

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.buffer += data
        if self.buffer.count(b"\n") >= self.lines:
            raise _Enough
        return len(data)


def _dataset(job: QueryJob) -> dict[str, Any]:
    # Without a dataset in the request a query sees the store's default graph, which the
    # build fills with the merge of the named graphs (each triple once), and every named
    # graph through GRAPH.
    kwargs: dict[str, Any] = {}
    if job.default_graphs is not None or job.named_graphs is not None:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs or ()]
        if job.named_graphs is not None:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    return kwargs


def _bound(text: str, job: QueryJob) -> str | None:
    """``text`` with the parameters as a VALUES block opening its WHERE group (the terms
    written by pyoxigraph, as the remote backend sends them), or None when it has no such
    group. The engine plans a query before it sees ``substitutions``, so with them alone
    it plans as if the parameters were unknown (a mission's partners from every
    cooperation in the graph); a VALUES block it sees, and starts from. It evaluates
    OPTIONAL, MINUS and EXISTS parts on their own, where only the substitutions reach, so
    both are given."""
    try:
        return bind_values(text, dict(job.substitutions))
    except QueryError:
        return None


def _run(store: ox.Store, text: str, job: QueryJob) -> Any:
    """Evaluate ``text`` (with its sort keys made safe, ``server.sort_keys``, when the job
    asks) and its parameters bound as VALUES and substitutions; each fallback keeps the
    client's own text and errors."""
    kwargs = _dataset(job)
    texts = list(dict.fromkeys((with_total_order(text), text))) if job.total_order else [text]
    attempts: list[tuple[str, dict[str, Any]]] = []
    if job.substitutions:
        # Both ways at once: the VALUES block for the planner, the substitutions for the
        # parts it evaluates on their own (OPTIONAL, MINUS, EXISTS), which see only them.
        substitutions = {ox.Variable(k): v for k, v in job.substitutions}
        bound = [b for b in (_bound(t, job) for t in texts) if b is not None]
        attempts += [(b, {"substitutions": substitutions}) for b in bound]
        attempts += [(b, {}) for b in bound]  # a parameter the SELECT does not project
        # e.g. a parameter projected from an aggregate: bind it the other way
        attempts += [(t, {"substitutions": substitutions}) for t in texts]
    else:
        attempts += [(t, {}) for t in texts]
    for number, (query, extra) in enumerate(attempts, 1):
        try:
            return store.query(query, **kwargs, **extra)
        except SyntaxError as exc:
            if number == len(attempts):  # the client's own text, as sent: its error
                raise EvaluationError(str(exc), syntax=True) from None
        except RuntimeError as exc:
            if "substitutions" in extra and "projection" in str(exc) and number < len(attempts):
                continue
            raise EvaluationError(str(exc), syntax=False) from None
        except (OSError, ValueError, TypeError) as exc:
            raise EvaluationError(str(exc), syntax=False) from None
    raise AssertionError("unreachable: the last attempt returns or raises")


def capped_solutions(tsv: bytes, cap: int, ox_format: str) -> QueryOutcome:
    """Solutions given as TSV (one line per row), cut to ``cap`` rows, in ``ox_format``."""
    lines = tsv.split(b"\n")[:-1] if tsv.endswith(b"\n") else tsv.split(b"\n")
    rows = len(lines) - 1
    truncated = rows > cap
    if truncated:
        lines, rows = lines[: cap + 1], cap
        tsv = b"\n".join(lines) + b"\n"
    if ox_format == "TSV":
        return QueryOutcome(tsv, rows, truncated)
    parsed = ox.parse_query_results(tsv, ox.QueryResultsFormat.TSV)
    body = parsed.serialize(format=getattr(ox.QueryResultsFormat, ox_format))
    return QueryOutcome(body, rows, truncated)


def _at_most(body: bytes, ox_format: str, cap: int) -> bool:
    """True when ``body`` surely holds at most ``cap`` rows, told without parsing it: in
    SPARQL JSON every row but the first begins with ``},{`` (the end of the row before,
    then its own brace), so fewer than ``cap`` of those leave at most ``cap`` rows. A
    literal holding ``},{`` only adds to the count (then the rows are counted)."""
    return ox_format == "JSON" and body.count(b"},{") < cap


def _count_rows(body: bytes, ox_format: str) -> int:
    if ox_format == "CSV":  # pyoxigraph does not read CSV back: it is lossy
        return sum(1 for _ in csv.reader(io.StringIO(body.decode("utf-8")))) - 1
    return sum(1 for _ in ox.parse_query_results(body, getattr(ox.QueryResultsFormat, ox_format)))


def _body(store: ox.Store, text: str | None, job: QueryJob, ox_format: str) -> bytes | None:
    if text is None:
        return None
    try:
        results = _run(store, text, job)
    except EvaluationError:
        return None
    return results.serialize(format=getattr(ox.QueryResultsFormat, ox_format))


_KNOWN = 1024  # rank checks a query process remembers


def _ranked_above(
    store: ox.Store, job: QueryJob, variable: str, rank: int, known: dict[Hashable, bool] | None
) -> bool:
    """Whether a row may rank above ``rank``: False only when the rank's triple pattern
    has no value above it in the query's dataset (``rank_cut.rank_predicate``). With
    ``known`` (a store that never changes: a query process's read-only build), each
    check is asked once: the ASK cost a ranked query about a tenth of its time on the
    real graph, again on every request."""
    predicate = rank_cut.rank_predicate(job.sparql, variable)
    if predicate is None:
        return True
    key = (predicate, rank, job.default_graphs, job.named_graphs)
    if known is not None and key in known:
        return known[key]
    try:
        above = bool(store.query(rank_cut.above_text(predicate, rank), **_dataset(job)))
    except (SyntaxError, OSError, RuntimeError, ValueError):
        return True
    if known is not None:
        if len(known) >= _KNOWN:
            known.clear()
        known[key] = above
    return above


def _ranked(
    store: ox.Store, job: QueryJob, known: dict[Hashable, bool] | None
) -> QueryOutcome | None:
    """A capped SELECT that declares a rank (``server.rank_cut``), in two parts: the rows
    ranked at most R, then, only when those do not fill the cap, the rows above R (none,
    most of the time: the head is then the answer, as the engine wrote it). None when a
    part fails or the head is in CSV (which cannot be read back): the query is then
    evaluated as written."""
    variable = rank_cut.rank_variable(job.sparql)
    if variable is None or job.limited_sparql is None or job.ox_format == "CSV":
        return None
    cap, rank = job.row_cap, rank_cut.cut_rank(job.row_cap)
    head_text = rank_cut.part(job.sparql, variable, upto=rank, rows=cap + 1)
    above: bool | None = None
    if job.ox_format == "JSON":
        # Written as asked, its rows counted and cut where they meet (server.json_rows):
        # no second writing of the answer.
        head = _body(store, head_text, job, "JSON")
        if head is None:
            return None
        rows = json_rows(head)
        if rows is not None and rows > cap:
            return QueryOutcome(json_cut(head, cap), cap, True)
        if rows is not None:
            above = _ranked_above(store, job, variable, rank, known)
            if not above:
                return QueryOutcome(head, rows, False)
        head = ox.parse_query_results(head, ox.QueryResultsFormat.JSON).serialize(
            format=ox.QueryResultsFormat.TSV
        )
    else:
        # Written as TSV (one line a row), so that its rows are counted and cut without
        # reading the answer back; written once more in the format asked for.
        head = _body(store, head_text, job, "TSV")
        if head is None:
            return None
    if head.count(b"\n") - 1 > cap:
        return capped_solutions(head, cap, job.ox_format)
    if above is None:
        above = _ranked_above(store, job, variable, rank, known)
    if not above:
        return capped_solutions(head, cap, job.ox_format)
    tail_text = rank_cut.part(job.sparql, variable, above=rank, rows=cap + 1)
    tail = _body(store, tail_text, job, "TSV")
    if tail is None:
        return None
    if tail.count(b"\n") > 1:  # more than the header line
        head += tail.split(b"\n", 1)[1]
    return capped_solutions(head, cap, job.ox_format)


def evaluate(
    store: ox.Store, job: QueryJob, known: dict[Hashable, bool] | None = None
) -> QueryOutcome:
    """Evaluate ``job`` and serialize at most ``job.row_cap`` rows or triples. ``known``
    keeps what was learnt about the store between jobs; give it only for a store that
    never changes (a query process's build).

    :raises EvaluationError: syntax error, or the engine failed.
    """
    if job.form in ("CONSTRUCT", "DESCRIBE"):
        triples = list(islice(_run(store, job.sparql, job), job.row_cap + 1))
        truncated = len(triples) > job.row_cap
        del triples[job.row_cap :]
        body = ox.serialize(
            triples, format=getattr(ox.RdfFormat, job.ox_format), prefixes=dict(job.prefixes)
        )
        return QueryOutcome(body, len(triples), truncated)
    results_format = getattr(ox.QueryResultsFormat, job.ox_format)
    if job.form == "ASK":
        return QueryOutcome(
            _run(store, job.sparql, job).serialize(format=results_format), None, False
        )
    ranked = _ranked(store, job, known)
    if ranked is not None:
        return ranked
    limited = job.limited_sparql
    if limited is None:
        # The query's own LIMIT is within the cap: nothing can be cut.
        return QueryOutcome(
            _run(store, job.sparql, job).serialize(format=results_format), None, False
        )
    try:
        results, text = _run(store, limited, job), limited
    except EvaluationError:
        # Report the client's own error; if only our LIMIT broke the text, go on without it.
        results, text = _run(store, job.sparql, job), job.sparql
    if text is limited:
        body = results.serialize(format=results_format)
        if len(body) < (job.row_cap + 1) * _MIN_ROW_BYTES[job.ox_format]:
            return QueryOutcome(body, None, False)
        if _at_most(body, job.ox_format, job.row_cap):
            return QueryOutcome(body, None, False)
        rows = json_rows(body) if job.ox_format == "JSON" else None
        if rows is not None:  # counted where the rows meet, cut there (server.json_rows)
            if rows <= job.row_cap:
                return QueryOutcome(body, rows, False)
            return QueryOutcome(json_cut(body, job.row_cap), job.row_cap, True)
        if job.ox_format != "CSV":
            # Read back (as TSV, one line a row) and cut, rather than evaluate again: a
            # sorted answer is sorted whole before its first row, so a second evaluation
            # cost as much as the first (seconds on a large graph).
            tsv = ox.parse_query_results(body, results_format).serialize(
                format=ox.QueryResultsFormat.TSV
            )
            cut = capped_solutions(tsv, job.row_cap, job.ox_format)
            return cut if cut.truncated else QueryOutcome(body, cut.rows, False)
        # Counting the rows of the answer costs far less than evaluating again.
        rows = _count_rows(body, job.ox_format)
        if rows <= job.row_cap:
            return QueryOutcome(body, rows, False)
        results = _run(store, text, job)
    sink = _RowCountingSink(job.row_cap + 2)  # header, cap rows, one more
    with contextlib.suppress(_Enough):
        results.serialize(sink, format=ox.QueryResultsFormat.TSV)
    return capped_solutions(bytes(sink.buffer), job.row_cap, job.ox_format)
