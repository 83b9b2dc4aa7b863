"""One ``Settings`` for the command line and the server, and where the data folders are.

Each setting is declared once, as data with its help text: the command line makes its
options from the declarations, the README documents them in one table (a test compares
the two), and ``Settings.load`` reads them from one source in one order: the values given
(command-line options, or a caller's mapping), then ``SPACEKG_<NAME>`` environment
variables, then the defaults. Default folders are relative to the project, never to the
current directory, so ``spacekg serve`` answers the same from anywhere. Nothing is read at
import time.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ENV_PREFIX = "SPACEKG_"


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


def _flag(raw: str) -> bool:
    return raw.strip().lower() in ("1", "true", "yes", "on")


def _optional_path(raw: str) -> Path | None:
    return Path(raw) if raw.strip() else None


def _optional_int(raw: str) -> int | None:
    return int(raw) if raw.strip() else None


# What a command-line option of each reader takes.
_KINDS: dict[Callable[[str], Any], str] = {
    _flag: "flag",
    int: "int",
    _optional_int: "int",
    float: "float",
    str: "text",
    Path: "path",
    _optional_path: "path",
}


def about(
    help: str, *, parse: Callable[[str], Any] | None = None, minimum: int = 0
) -> dict[str, Any]:
    """What a setting's field says besides its default: its help text (shown by
    ``--help`` and in the README), how to read it from a string (None: by the type of
    the default), and for a number its smallest allowed value."""
    return {"help": help, "parse": parse, "minimum": minimum}


def reader(spec: dataclasses.Field[Any]) -> Callable[[str], Any]:
    """How a setting is read from a string (an option or an environment variable)."""
    by_type = {bool: _flag, int: int, float: float, str: str}
    return spec.metadata["parse"] or by_type.get(type(spec.default), Path)


def kind(spec: dataclasses.Field[Any]) -> str:
    """``flag``, ``int``, ``float``, ``text`` or ``path``: what an option takes."""
    return _KINDS[reader(spec)]


@dataclass(frozen=True)
class Settings:
    """Everything the command line and the server can be told, with its default."""

    # Folders (relative defaults are under the project root). Each field: its default,
    # then ``about``: help text, and how to read it where its type does not say.
    store: Path = field(
        default=Path("var/store"),
        metadata=about("Store root written by `spacekg build`; its `current` build is used."),
    )
    queries: Path = field(
        default=Path("queries"),
        metadata=about("Folder of the saved `.rq` queries."),
    )
    ontology: Path = field(
        default=Path("ontology"),
        metadata=about("Folder with ontology.ttl, shapes.ttl and the reference data."),
    )
    corpus: Path = field(
        default=Path("corpus"),
        metadata=about("Folder with the documents and manifest.toml."),
    )
    dumps: Path | None = field(
        default=None,
        metadata=about(
            "Folder of the downloads served under /dumps/ (as `spacekg dump` writes it); "
            "empty: the dumps the build being served wrote beside its store.",
            parse=_optional_path,
        ),
    )
    # `spacekg build`
    max_document_bytes: int = field(
        default=20_000_000,
        metadata=about(
            "Largest corpus document (bytes) `spacekg build` reads; a larger one stops the "
            "build with a line naming it (0: no limit)."
        ),
    )
    # Queries, for the server and `spacekg query` alike
    query_timeout: float = field(
        default=30.0,
        metadata=about(
            "Seconds a query may run; past it the process evaluating it is killed (a 503 over "
            "HTTP, an error on the command line)."
        ),
    )
    query_workers: int | None = field(
        default=None,
        metadata=about(
            "Pre-started query processes per web worker, each with the store open read-only; "
            "empty: one per thread (THREADS); 0 evaluates in the web process (no time or memory "
            "limit; tests only: `spacekg serve` refuses it). "
            "`spacekg query` always uses one.",
            parse=_optional_int,
        ),
    )
    query_memory: int = field(
        default=2048,
        metadata=about(
            "MiB of memory (address space, RLIMIT_AS) each query process may use; a query "
            "that needs more is stopped with an error saying so (507 over HTTP) and its "
            "process replaced; 0: no limit."
        ),
    )
    row_limit: int = field(
        default=10000,
        metadata=about(
            "Most solutions (SELECT) or triples (CONSTRUCT, DESCRIBE) in one answer; a cut "
            "answer says so (X-SPARQL-Truncated header, a `truncated` member in SPARQL JSON, a "
            "line on stderr)."
        ),
    )
    result_cache_bytes: int = field(
        default=64 * 1024 * 1024,
        metadata=about(
            "Memory for cached answers per process, keyed by build, query and format; 0 turns "
            "the cache off."
        ),
    )
    remote_endpoint: str = field(
        default="",
        metadata=about(
            "URL of a SPARQL 1.1 endpoint to query instead of the local store (e.g. Virtuoso "
            "or QLever holding the same graph); empty: the embedded store."
        ),
    )
    # HTTP
    max_request_bytes: int = field(
        default=1_000_000,
        metadata=about("Largest query string or request body accepted; larger requests get a 413."),
    )
    header_timeout: float = field(
        default=10.0,
        metadata=about(
            "Seconds a client may take to send a request's headers before its connection is "
            "closed.",
            minimum=1,
        ),
    )
    body_timeout: float = field(
        default=10.0,
        metadata=about(
            "Seconds a client may take to send a request body; a slower one gets a 408 and "
            "frees its handler.",
            minimum=1,
        ),
    )
    client_queries: int = field(
        default=2,
        metadata=about(
            "Requests one client address may have running at once in each web worker (pages, "
            "queries, bodies being read); more get a 429 with Retry-After; 0: no cap."
        ),
    )
    cache_max_age: int = field(
        default=300,
        metadata=about(
            "Cache-Control max-age (seconds) of answers; clients revalidate with the build's "
            "ETag after that."
        ),
    )
    cors_origins: str = field(
        default="*",
        metadata=about(
            "Access-Control-Allow-Origin of the read-only server (empty: no CORS headers)."
        ),
    )
    # `spacekg serve`
    host: str = field(
        default="127.0.0.1",
        metadata=about("Address `spacekg serve` binds."),
    )
    port: int = field(
        default=8000,
        metadata=about("Port `spacekg serve` binds.", minimum=1),
    )
    workers: int = field(
        default=2,
        metadata=about("Web worker processes of `spacekg serve` (about one per core).", minimum=1),
    )
    threads: int = field(
        default=4,
        metadata=about(
            "Threads per web worker, each with a query process unless QUERY_WORKERS says.",
            minimum=1,
        ),
    )
    access_log: bool = field(
        default=False,
        metadata=about("Log every request to stderr."),
    )

    @classmethod
    def load(
        cls,
        given: Mapping[str, Any] | None = None,
        *,
        environ: Mapping[str, str] | None = None,
        root: Path | None = None,
    ) -> Settings:
        """The values ``given`` (None counts as not given), then ``SPACEKG_<NAME>``
        variables, then the defaults. Default folders resolve against ``root`` (the
        project); folders given resolve against the current directory, as a shell user
        expects.

        :raises ValueError: a name that is not a setting, or a value of the wrong type.
        """
        environ = os.environ if environ is None else environ
        root = root or project_root()
        given = {k: v for k, v in (given or {}).items() if v is not None}
        unknown = set(given) - {f.name for f in dataclasses.fields(cls)}
        if unknown:
            raise ValueError(f"unknown settings: {', '.join(sorted(unknown))}")
        values: dict[str, Any] = {}
        for spec in dataclasses.fields(cls):
            env = environ.get(env_name(spec.name))
            if spec.name in given:
                value, base = given[spec.name], Path.cwd()
            elif env is not None:
                value, base = reader(spec)(env), Path.cwd()
            else:
                value, base = spec.default, root
            if isinstance(value, str) and kind(spec) == "path":
                value = reader(spec)(value)
            if isinstance(value, Path):
                value = (base / value).resolve()
            number = isinstance(value, int | float) and not isinstance(value, bool)
            if number and value < spec.metadata["minimum"]:
                raise ValueError(
                    f"{env_name(spec.name)} must be at least {spec.metadata['minimum']}, "
                    f"not {value}"
                )
            values[spec.name] = value
        return cls(**values)

    def __post_init__(self) -> None:
        """Every folder absolute, however the settings were made (``load``, the
        constructor, ``replace``): the server hands paths to code that resolves a
        relative one against its own folder (Flask's ``send_file``), not the user's. As
        in ``load``, a folder left at its default is under the project, another relative
        one under the current directory."""
        for spec in dataclasses.fields(self):
            value = getattr(self, spec.name)
            if isinstance(value, Path) and not value.is_absolute():
                base = project_root() if value == spec.default else Path.cwd()
                object.__setattr__(self, spec.name, (base / value).resolve())

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)

    @property
    def paths(self) -> Paths:
        return Paths(
            corpus=self.corpus, ontology=self.ontology, queries=self.queries, store=self.store
        )


def env_name(name: str) -> str:
    """The environment variable of a setting: ``query_timeout`` -> SPACEKG_QUERY_TIMEOUT."""
    return ENV_PREFIX + name.upper()


def settings_table() -> str:
    """The README's table of settings, made from the declarations (a test checks that
    the README holds exactly this)."""
    rows = ["| variable | option | default | meaning |", "| --- | --- | --- | --- |"]
    for spec in dataclasses.fields(Settings):
        default = "(empty)" if spec.default in (None, "") else f"`{spec.default}`"
        option = "--" + spec.name.replace("_", "-")
        rows.append(
            f"| `{env_name(spec.name)}` | `{option}` | {default} | {spec.metadata['help']} |"
        )
    return "\n".join(rows) + "\n"
