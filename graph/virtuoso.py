"""Publish a build to Virtuoso (open source edition), and run one locally.

``publish`` bulk-loads the build's N-Quads dump with Virtuoso's own loader (``ld_dir``
then ``rdf_loader_run``, sent through ``isql``): every document keeps its named graph,
as do the reference data, the ontology and the saved queries. Virtuoso's default graph
is the union of *all* its graphs, its own system graphs included, and a triple stated
by two documents is matched once per graph, so counts over it come out too high. The
loader therefore also writes the merge of the project's graphs, each triple once, into
``MERGED_GRAPH``; the server queries Virtuoso with that graph as the default
(``default-graph-uri`` in the endpoint URL that ``endpoint_url`` gives), and counts
agree with the embedded store's. Publishing again first drops the project's graphs, so
Virtuoso holds exactly one build.

The dump is read by the Virtuoso server itself: its folder must be on the server's
machine and listed in ``DirsAllowed`` of its ``virtuoso.ini``.

``LocalVirtuoso`` starts ``virtuoso-t`` in a temporary folder on loopback ports, for the
tests and the benchmark.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from graph.errors import SpaceKGError

GRAPHS = "https://w3id.org/china-space-kg/graph/"
MERGED_GRAPH = GRAPHS + "merged"
DUMP_FILE = "china-space-kg.nq.gz"


class VirtuosoError(SpaceKGError):
    """Virtuoso is missing, unreachable, or refused the load."""

    exit_code = 2


@dataclass(frozen=True)
class Isql:
    """How to reach Virtuoso's SQL port."""

    host: str = "127.0.0.1"
    port: int = 1111
    user: str = "dba"
    password: str = "dba"
    program: str = "isql-vt"

    def run(self, script: str, *, timeout: float = 3600) -> str:
        """Run SQL statements; return isql's output.

        :raises VirtuosoError: isql is missing, cannot connect, or a statement failed.
        """
        program = shutil.which(self.program) or shutil.which("isql")
        if program is None:
            raise VirtuosoError(
                f"{self.program} not found; install Virtuoso (apt-get install "
                "virtuoso-opensource) or pass the isql program to use"
            )
        with tempfile.NamedTemporaryFile("w", suffix=".sql", encoding="utf-8") as f:
            f.write(script)
            f.flush()
            command = [program, f"{self.host}:{self.port}", self.user, self.password, f.name]
            try:
                done = subprocess.run(
                    command, capture_output=True, text=True, timeout=timeout, check=False
                )
            except subprocess.TimeoutExpired:
                raise VirtuosoError(f"Virtuoso did not finish within {timeout:g} s") from None
        output = done.stdout + done.stderr
        failed = [line for line in output.splitlines() if line.startswith("*** Error")]
        if done.returncode != 0 or failed:
            reason = failed[0] if failed else output.strip().splitlines()[-1:]
            raise VirtuosoError(
                f"Virtuoso at {self.host}:{self.port} refused: {reason}; check that it runs "
                "and the user and password"
            )
        return output


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def load_script(dump: Path) -> str:
    """The SQL that replaces the project's graphs with those of ``dump``."""
    folder, name = _sql_string(str(dump.parent.resolve())), _sql_string(dump.name)
    return f"""
log_enable(3, 1);
DELETE FROM DB.DBA.RDF_QUAD WHERE id_to_iri(G) LIKE {_sql_string(GRAPHS + "%")};
DELETE FROM DB.DBA.load_list WHERE ll_file LIKE {_sql_string("%" + DUMP_FILE)};
ld_dir({folder}, {name}, {_sql_string(MERGED_GRAPH)});
rdf_loader_run();
SELECT 'load error: ' || ll_error FROM DB.DBA.load_list WHERE ll_error IS NOT NULL;
SPARQL INSERT {{ GRAPH <{MERGED_GRAPH}> {{ ?s ?p ?o }} }}
  WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (STRSTARTS(STR(?g), "{GRAPHS}")) }};
checkpoint;
"""


def publish(dump: Path, isql: Isql) -> None:
    """Load ``dump`` (a build's N-Quads) into Virtuoso in place of the previous build.

    :raises VirtuosoError: the dump is missing, or Virtuoso refused it.
    """
    if not dump.is_file():
        raise VirtuosoError(f"{dump}: no N-Quads dump there; run `spacekg build` first")
    output = isql.run(load_script(dump))
    errors = [line for line in output.splitlines() if line.startswith("load error: ")]
    if errors:
        raise VirtuosoError(
            f"Virtuoso could not load {dump}: {errors[0].removeprefix('load error: ')}; is its "
            "folder in DirsAllowed of virtuoso.ini, on the server's machine?"
        )


def endpoint_url(http: str) -> str:
    """The SPARQL endpoint URL to give ``spacekg serve --remote-endpoint``: Virtuoso's
    ``/sparql`` with the merge as the default graph."""
    query = urllib.parse.urlencode({"default-graph-uri": MERGED_GRAPH})
    return f"{http.rstrip('/')}/sparql?{query}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


_INI = """[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
DirsAllowed = {allowed}
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
CaseMode = 2
MaxSortedTopRows = 1000000
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {dir}
ServerThreads = 10
MaxClientConnections = 10
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
MaxQueryCostEstimationTime = 400
"""


class LocalVirtuoso:
    """``virtuoso-t`` in the foreground, in ``folder``, on free loopback ports; it may
    read files under ``readable``. Use as a context manager; stopped on exit."""

    def __init__(self, folder: Path, readable: Path, *, buffers: int = 20000) -> None:
        self.folder, self.readable, self.buffers = folder, readable, buffers
        self.sql_port, self.http_port = free_port(), free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def isql(self) -> Isql:
        return Isql(port=self.sql_port)

    @property
    def http(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    def __enter__(self) -> LocalVirtuoso:
        program = shutil.which("virtuoso-t")
        if program is None:
            raise VirtuosoError("virtuoso-t not found; apt-get install virtuoso-opensource")
        self.folder.mkdir(parents=True, exist_ok=True)
        ini = self.folder / "virtuoso.ini"
        ini.write_text(
            _INI.format(
                dir=self.folder,
                sql=self.sql_port,
                http=self.http_port,
                allowed=f"., {self.readable}",
                buffers=self.buffers,
                dirty=self.buffers * 3 // 4,
            ),
            encoding="utf-8",
        )
        self.process = subprocess.Popen(
            [program, "-c", str(ini), "+foreground"],
            cwd=self.folder,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._wait()
        return self

    def _wait(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        probe = f"{self.http}/sparql?query=ASK%7B%7D"
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                log = self.folder / "virtuoso.log"
                tail = log.read_text(errors="replace")[-500:] if log.exists() else ""
                raise VirtuosoError(f"virtuoso-t stopped while starting: {tail}")
            try:
                with urllib.request.urlopen(probe, timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.__exit__(None, None, None)
        raise VirtuosoError(f"virtuoso-t did not answer within {timeout:g} s")

    def __exit__(self, *_exc: object) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
