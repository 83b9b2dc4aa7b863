"""Saved queries: ``queries/<name>.rq`` files with a ``#+ key: value`` header.

The header is the one source of truth for a query's title, description, tags and
parameters; the CLI, the HTTP API, the OpenAPI document and the graph's SHACL-AF
executables are all generated from it. Parameter values are checked against their
declared type and bound as terms (pyoxigraph ``substitutions``, and a VALUES block of
pyoxigraph-written terms opening the WHERE group for the planner, see
``server.evaluate``), never pasted into the query text, so a value cannot change what
the query means.

Header keys::

    #+ title: Countries on a mission's payloads
    #+ description: Which countries ... (repeat the key to continue the text)
    #+ tags: missions, payloads
    #+ param.mission: iri csk:Mission          (iri <Class>... | concept <Scheme> |
    #+ param.mission.description: ...            string | integer | year)
    #+ param.mission.default: https://w3id.org/china-space-kg/id/mission/change-4
    #+ param.mission.example: https://w3id.org/china-space-kg/id/mission/tianwen-1
    #+ param.mission.allowed: a, b          (optional: a closed set of values)
    #+ view: map                            (optional: table, timeline, network or map,
                                               how the editor first shows the results)
    #+ rank: ?rank                          (optional: the query's only sort key is
                                               ORDER BY ?rank, an integer every row binds;
                                               the server then cuts the answer at the row
                                               cap before making it whole, server.rank_cut)

Every parameter has a default, and its variable appears in the SELECT projection
(SEP-0007 substitution only replaces projected variables).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph.errors import QueryError
from graph.vocab import PREFIXES

TYPES = ("iri", "concept", "string", "integer", "year")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
PARAM_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
MAX_STRING = 200
RESERVED_NAMES = ("format",)
YEAR_RANGE = (1900, 2100)
# How a query's results are best shown; the editor opens them in that view (as the
# Wikidata Query Service does with ``#defaultView:``).
VIEWS = ("table", "timeline", "network", "map")
_HEADER_LINE = re.compile(r"^#\+\s*([A-Za-z0-9_.\-]+)\s*:\s?(.*)$")


def expand(curie: str) -> str:
    """``csk:Mission`` -> full IRI; a full IRI is returned unchanged."""
    prefix, sep, local = curie.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        return PREFIXES[prefix] + local
    return curie


def shorten(iri: str) -> str:
    """The CURIE of an IRI when a known prefix covers it, for messages and docs."""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and "#" not in iri[len(ns) :]:
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


def _shown(value: str) -> str:
    """A user's value as it can be quoted on one line of an error message."""
    text = value if len(value) <= 80 else value[:77] + "..."
    return repr(text)


@dataclass(frozen=True)
class Parameter:
    """One declared parameter: how to read, check and bind a value for it."""

    name: str
    type: str
    default: str
    classes: tuple[str, ...] = ()  # full IRIs: the classes (iri) or the scheme (concept)
    description: str = ""
    example: str | None = None
    allowed: tuple[str, ...] = ()

    @property
    def expected(self) -> str:
        """The expected type in words, as error messages and docs show it."""
        names = " or ".join(shorten(c) for c in self.classes)
        text = {
            "iri": f"an IRI of a {names}",
            "concept": f"an IRI of a concept in {names}",
            "string": f"a text of at most {MAX_STRING} characters",
            "integer": "an integer",
            "year": f"a four-digit year ({YEAR_RANGE[0]}-{YEAR_RANGE[1]})",
        }[self.type]
        if self.allowed:
            text += " among " + ", ".join(self.allowed)
        return text

    def _fail(self, value: str) -> QueryError:
        return QueryError(f"parameter '{self.name}' expects {self.expected}; got {_shown(value)}")

    def term(self, value: str) -> ox.NamedNode | ox.Literal:
        """The RDF term for ``value``, checked for syntax (not for membership).

        :raises QueryError: the value does not have the parameter's type.
        """
        value = value.strip()
        if self.allowed and value not in self.allowed:
            raise self._fail(value)
        if self.type in ("iri", "concept"):
            iri = value[1:-1] if value.startswith("<") and value.endswith(">") else value
            iri = expand(iri)
            if ":" not in iri:
                raise self._fail(value)
            try:
                return ox.NamedNode(iri)
            except ValueError:
                raise self._fail(value) from None
        if self.type == "string":
            if len(value) > MAX_STRING or not value:
                raise self._fail(value)
            return ox.Literal(value)
        if not re.fullmatch(r"[+-]?\d{1,18}", value):
            raise self._fail(value)
        number = int(value)
        if self.type == "year" and not (
            len(value) == 4 and YEAR_RANGE[0] <= number <= YEAR_RANGE[1]
        ):
            raise self._fail(value)
        return ox.Literal(number)

    def check_membership(self, term: ox.NamedNode | ox.Literal, backend: Any) -> None:
        """An IRI must name an instance of the declared class (or a concept of the
        declared scheme) in the graph.

        :raises QueryError: it does not.
        """
        if self.type not in ("iri", "concept"):
            return
        if self.type == "iri":
            values = " ".join(f"<{c}>" for c in self.classes)
            ask = (
                f"ASK {{ VALUES ?class {{ {values} }} "
                f"?value a/<{PREFIXES['rdfs']}subClassOf>* ?class }}"
            )
        else:
            ask = f"ASK {{ ?value <{PREFIXES['skos']}inScheme> <{self.classes[0]}> }}"
        if not backend.results(ask, {"value": term}):
            raise self._fail(term.value)


@dataclass(frozen=True)
class SavedQuery:
    """A query file: its header, its SPARQL text and where it came from."""

    name: str
    title: str
    description: str
    sparql: str  # the whole file, header comments included (valid SPARQL as it is)
    tags: tuple[str, ...] = ()
    parameters: tuple[Parameter, ...] = ()
    path: Path | None = None
    view: str | None = None  # one of VIEWS; None: the editor picks by the columns

    def parameter(self, name: str) -> Parameter:
        for p in self.parameters:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.parameters) or "none"
        raise QueryError(f"query '{self.name}' has no parameter '{name}' (parameters: {known})")

    def bind(
        self, values: Mapping[str, str], backend: Any = None
    ) -> dict[str, ox.NamedNode | ox.Literal]:
        """Substitutions for every parameter: the given value or the default.

        With a backend, IRIs are also checked to be of their declared class.

        :raises QueryError: unknown parameter, or a value of the wrong type.
        """
        for name in values:
            self.parameter(name)
        bound: dict[str, ox.NamedNode | ox.Literal] = {}
        for p in self.parameters:
            given = values.get(p.name)
            raw = p.default if given is None or given == "" else given
            term = p.term(raw)
            if backend is not None:
                p.check_membership(term, backend)
            bound[p.name] = term
        return bound


# --- reading files ---------------------------------------------------------------------


def parse_header(text: str) -> dict[str, str]:
    """The ``#+ key: value`` lines at the top of a query (repeated keys are joined)."""
    header: dict[str, str] = {}
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        match = _HEADER_LINE.match(stripped)
        if not match:
            if stripped.startswith("#"):
                continue
            break
        key, value = match.group(1).lower(), match.group(2).strip()
        header[key] = f"{header[key]} {value}".strip() if key in header else value
    return header


def _split_list(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip())


def _parameter(name: str, header: Mapping[str, str], where: str) -> Parameter:
    if not PARAM_PATTERN.match(name):
        raise QueryError(f"{where}: parameter name '{name}' must be lower-case letters/digits/_")
    if name in RESERVED_NAMES:
        raise QueryError(f"{where}: '{name}' is reserved (it chooses the result format over HTTP)")
    kind, *classes = header[f"param.{name}"].split()
    if kind not in TYPES:
        raise QueryError(f"{where}: parameter '{name}' has unknown type '{kind}' ({TYPES})")
    if kind in ("iri", "concept") and not classes:
        raise QueryError(f"{where}: parameter '{name}' of type {kind} needs a class or scheme")
    if kind == "concept" and len(classes) != 1:
        raise QueryError(f"{where}: parameter '{name}' names one scheme, not {len(classes)}")
    default = header.get(f"param.{name}.default")
    if not default:
        raise QueryError(f"{where}: parameter '{name}' has no default")
    param = Parameter(
        name=name,
        type=kind,
        default=default,
        classes=tuple(expand(c) for c in classes),
        description=header.get(f"param.{name}.description", ""),
        example=header.get(f"param.{name}.example"),
        allowed=_split_list(header.get(f"param.{name}.allowed", "")),
    )
    try:
        param.term(default)
        if param.example:
            param.term(param.example)
    except QueryError as exc:
        raise QueryError(f"{where}: default or example: {exc}") from None
    return param


def parse_query(name: str, text: str, path: Path | None = None) -> SavedQuery:
    """A saved query from its file text; checks the header and that the SPARQL parses.

    :raises QueryError: header incomplete, unknown type, or a SPARQL syntax error.
    """
    where = str(path or name)
    if not NAME_PATTERN.match(name):
        raise QueryError(f"{where}: query names are lower-case words joined by '-'")
    header = parse_header(text)
    for key in ("title", "description"):
        if not header.get(key):
            raise QueryError(f"{where}: header line '#+ {key}: ...' is missing")
    names = [k.split(".", 1)[1] for k in header if k.startswith("param.") and k.count(".") == 1]
    stray = [k for k in header if k.startswith("param.") and k.split(".")[1] not in names]
    if stray:
        raise QueryError(f"{where}: '{stray[0]}' belongs to no declared parameter")
    view = header.get("view", "").strip().lower() or None
    if view is not None and view not in VIEWS:
        raise QueryError(f"{where}: '#+ view: {view}' is not a view; use one of {', '.join(VIEWS)}")
    rank = header.get("rank", "").strip()
    if rank and not re.search(rf"ORDER\s+BY\s+\{rank}\s*\Z", _without_comments(text), re.I):
        raise QueryError(f"{where}: '#+ rank: {rank}' needs the query to end with ORDER BY {rank}")
    query = SavedQuery(
        name=name,
        title=header["title"],
        description=header["description"],
        sparql=text,
        tags=_split_list(header.get("tags", "")),
        parameters=tuple(_parameter(n, header, where) for n in names),
        path=path,
        view=view,
    )
    check_sparql(query)
    return query


def _without_comments(text: str) -> str:
    """``text`` without its comment lines and trailing comments (none of the saved
    queries' strings holds a '#')."""
    return "\n".join(line.split("#", 1)[0] for line in text.splitlines()).strip()


def check_sparql(query: SavedQuery) -> None:
    """Evaluate on an empty store: catches syntax errors, non-SELECT queries and
    parameters missing from the projection before anyone runs the query.

    :raises QueryError: with the engine's message (line and column for syntax errors).
    """
    subs = {ox.Variable(k): v for k, v in query.bind({}).items()}
    try:
        result = ox.Store().query(query.sparql, substitutions=subs)
    except SyntaxError as exc:
        raise QueryError(f"{query.path or query.name}: SPARQL syntax error: {exc}") from None
    except (RuntimeError, ValueError) as exc:
        raise QueryError(f"{query.path or query.name}: {exc}") from None
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError(f"{query.path or query.name}: a saved query must be a SELECT query")


def load_queries(queries_dir: Path) -> dict[str, SavedQuery]:
    """Every ``*.rq`` file of the folder, by name, in name order.

    :raises QueryError: the folder is missing or a file is invalid.
    """
    if not queries_dir.is_dir():
        raise QueryError(f"no queries folder at {queries_dir}")
    queries = {}
    for path in sorted(queries_dir.glob("*.rq")):
        queries[path.stem] = parse_query(path.stem, path.read_text(encoding="utf-8"), path)
    return queries


@dataclass(frozen=True)
class QueryFolder:
    """The readable queries of a folder, and each file that is not, with why."""

    queries: dict[str, SavedQuery]
    broken: dict[str, str]  # file (or folder) -> the error, one line


def read_query_folder(queries_dir: Path) -> QueryFolder:
    """The one rule for a broken file where queries are served or listed: it is left out
    and reported with its error, and the other queries stay usable (``load_queries``,
    for the build, refuses instead).
    """
    if not queries_dir.is_dir():
        return QueryFolder({}, {str(queries_dir): "no queries folder there"})
    queries: dict[str, SavedQuery] = {}
    broken: dict[str, str] = {}
    for path in sorted(queries_dir.glob("*.rq")):
        try:
            queries[path.stem] = parse_query(path.stem, path.read_text(encoding="utf-8"), path)
        except (QueryError, OSError, UnicodeDecodeError) as exc:
            broken[path.name] = str(exc)
    return QueryFolder(queries, broken)


def get_query(queries: Mapping[str, SavedQuery], name: str) -> SavedQuery:
    """:raises QueryError: no such query (the message lists a few that exist)."""
    if name not in queries:
        close = [n for n in queries if name.lower() in n or n in name.lower()][:3]
        hint = f"; did you mean {', '.join(close)}?" if close else "; `spacekg queries` lists them"
        raise QueryError(f"no saved query named {_shown(name)}{hint}")
    return queries[name]


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def inline_values(sparql: str, bound: Mapping[str, ox.NamedNode | ox.Literal]) -> str:
    """``sparql`` with ``bound`` as a ``VALUES`` block opening its first WHERE group, for
    engines and editors that know nothing of substitutions.

    Unlike a trailing ``VALUES``, the block is in scope for the group's FILTERs and
    aggregates, so the text means what the substituted query means. The values are written
    by pyoxigraph's own term syntax (IRIs validated, literals escaped).
    """
    if not bound:
        return sparql
    names = " ".join(f"?{k}" for k in bound)
    terms = " ".join(str(v) for v in bound.values())
    block = f"\n  VALUES ({names}) {{ ({terms}) }}  # the parameters"
    offset = 0
    for line in sparql.splitlines(keepends=True):
        match = None if line.lstrip().startswith("#") else _WHERE.search(line)
        if match:
            at = offset + match.end()
            return sparql[:at] + block + sparql[at:]
        offset += len(line)
    return sparql


def editor_text(query: SavedQuery, bound: Mapping[str, ox.NamedNode | ox.Literal]) -> str:
    """The saved query with its parameter values inlined, to run and adapt in an editor."""
    return inline_values(query.sparql, bound)
