"""``spacekg queries`` and ``spacekg query``: run saved (or ad-hoc) queries on the store.

A thin layer over ``graph.saved_queries``; the output formats are the SPARQL 1.1 result
formats (CSV, TSV, JSON) plus a readable table for terminals. A result cut at the row
limit always says so: a line on stderr, and a ``truncated`` member in JSON.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

import click
import pyoxigraph as ox
from rich.console import Console
from rich.table import Table

from cli.options import with_settings
from graph.config import Settings
from graph.errors import QueryError
from graph.saved_queries import (
    SavedQuery,
    editor_text,
    get_query,
    parse_query,
    read_query_folder,
    shorten,
)
from graph.saved_queries_run import ResultTable, run_saved

FORMATS = ("table", "csv", "tsv", "json")


def term_json(term: Any) -> dict[str, str]:
    """One RDF term in the SPARQL 1.1 JSON results encoding."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def to_json(table: ResultTable) -> str:
    doc: dict[str, Any] = {
        "head": {"vars": table.variables},
        "results": {"bindings": [{k: term_json(v) for k, v in row.items()} for row in table.rows]},
    }
    if table.truncated:
        doc["truncated"] = True
    return json.dumps(doc, ensure_ascii=False, indent=1)


def to_csv(table: ResultTable) -> str:
    """SPARQL CSV: plain lexical values, CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.variables)
    for row in table.rows:
        writer.writerow([row[v].value if v in row else "" for v in table.variables])
    return buffer.getvalue()


def to_tsv(table: ResultTable) -> str:
    """SPARQL TSV: terms in their Turtle/N-Triples syntax, so types survive."""
    lines = ["\t".join(f"?{v}" for v in table.variables)]
    for row in table.rows:
        lines.append("\t".join(str(row[v]) if v in row else "" for v in table.variables))
    return "\n".join(lines) + "\n"


def print_table(table: ResultTable, console: Console, title: str | None = None) -> None:
    grid = Table(title=title, show_lines=False, header_style="bold")
    for v in table.variables:
        grid.add_column(v, overflow="fold")
    for row in table.rows:
        grid.add_row(
            *(
                shorten(row[v].value)
                if isinstance(row.get(v), ox.NamedNode)
                else (row[v].value if v in row else "")
                for v in table.variables
            )
        )
    console.print(grid)
    console.print(f"{len(table.rows)} row(s)", style="dim")


def report_truncation(table: ResultTable) -> None:
    if table.truncated:
        click.secho(
            f"truncated: only the first {table.row_limit} rows are shown; raise --limit "
            "or narrow the query",
            fg="yellow",
            err=True,
        )


def parse_assignments(pairs: tuple[str, ...]) -> dict[str, str]:
    """``-p key=value`` options as a mapping.

    :raises QueryError: a pair without ``=``.
    """
    values = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise QueryError(f"-p expects key=value; got {pair!r}")
        values[key.strip()] = value
    return values


def emit(table: ResultTable, fmt: str, title: str | None = None) -> None:
    if fmt == "table":
        print_table(table, Console(), title)
    else:
        text = {"csv": to_csv, "tsv": to_tsv, "json": to_json}[fmt](table)
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    report_truncation(table)


@click.command("queries")
@with_settings("queries")
def list_queries(settings: Settings) -> None:
    """List the saved queries: name, title and parameters (with their defaults), then
    any file that cannot be read, with why (as the server lists them)."""
    folder = read_query_folder(settings.queries)
    queries = folder.queries
    grid = Table(header_style="bold")
    grid.add_column("name", no_wrap=True)
    grid.add_column("title")
    grid.add_column("parameters (type = default)")
    for query in queries.values():
        params = "\n".join(
            f"{p.name}: {p.type}"
            + (f" {' '.join(shorten(c) for c in p.classes)}" if p.classes else "")
            + f" = {shorten(p.default)}"
            for p in query.parameters
        )
        grid.add_row(query.name, query.title, params or "-")
    Console().print(grid)
    for file, error in folder.broken.items():
        click.secho(f"cannot read {file}: {error}", fg="red", err=True)
    if folder.broken:
        sys.exit(1)


def _describe(query: SavedQuery) -> str:
    return f"{query.name}: {query.title}"


@click.command("query")
@with_settings("queries", "store", "query_timeout", "query_memory", "remote_endpoint")
@click.argument("name", required=False)
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help="A parameter value (repeatable); unset parameters take their default.",
)
@click.option(
    "--file",
    "query_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Run the SELECT query in this .rq file instead of a saved one.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format (default: table on a terminal, csv otherwise).",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=None,
    help="Most rows to print (default: SPACEKG_ROW_LIMIT, else 10000); a cut result says so.",
)
@click.option(
    "--sparql",
    "print_sparql",
    is_flag=True,
    help="Print the query with the parameter values inlined (to run on another endpoint "
    "or adapt) instead of running it.",
)
def run_query(
    settings: Settings,
    name: str | None,
    params: tuple[str, ...],
    query_file: Path | None,
    fmt: str | None,
    limit: int | None,
    print_sparql: bool,
) -> None:
    """Run the saved query NAME (see `spacekg queries`) or an ad-hoc --file on the
    built graph, with parameters given as -p key=value (IRIs in full or as id:...).

    \b
    Examples:
      spacekg query countries-on-mission-payloads -p mission=id:mission/tianwen-1
      spacekg query agreements-timeline -p since=2015 --format csv

    The query runs as the server runs one (Backend.execute): in a query process
    that is stopped after QUERY_TIMEOUT seconds, with the row cap and the cache.
    """
    from server.connect import open_backend

    if (name is None) == (query_file is None):
        raise QueryError("give either a saved query NAME or --file my.rq (not both)")
    values = parse_assignments(params)
    if query_file is not None:
        if not query_file.is_file():
            raise QueryError(f"no query file at {query_file}")
        text = query_file.read_text(encoding="utf-8")
        query = parse_adhoc(query_file, text)
    else:
        folder = read_query_folder(settings.queries)
        query = get_query(folder.queries, name or "")
    if print_sparql:
        click.echo(editor_text(query, query.bind(values)), nl=False)
        return
    backend = open_backend(settings, workers=1)
    try:
        table = run_saved(backend, query, values, row_limit=limit)
    finally:
        backend.close()
    fmt = fmt or ("table" if sys.stdout.isatty() else "csv")
    emit(table, fmt, _describe(query) if fmt == "table" else None)


def parse_adhoc(path: Path, text: str) -> SavedQuery:
    """An ad-hoc file: a full saved query when it has a header, else bare SPARQL."""
    if "#+" in text.split("\n", 1)[0] or text.lstrip().startswith("#+"):
        return parse_query("adhoc", text, path)
    return SavedQuery(name="adhoc", title=path.name, description="", sparql=text, path=path)
