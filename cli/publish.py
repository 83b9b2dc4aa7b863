"""``spacekg publish --virtuoso HOST:PORT``: load the current build into Virtuoso.

The build's N-Quads dump is bulk-loaded by Virtuoso's own loader, one named graph per
document (see ``graph.virtuoso``); the command ends with the ``spacekg serve`` line that
serves the same endpoint, pages and saved queries from it.
"""

from __future__ import annotations

import urllib.parse
from pathlib import Path

import click

from cli.options import with_paths
from graph import store, virtuoso
from graph.config import Paths


def parse_address(value: str) -> tuple[str, int]:
    """``HOST:PORT`` (or ``isql://HOST:PORT``) of Virtuoso's SQL port.

    :raises click.BadParameter: no host and port in it.
    """
    parsed = urllib.parse.urlsplit(value if "//" in value else f"isql://{value}")
    try:
        port = parsed.port
    except ValueError:
        port = None
    if not parsed.hostname or port is None:
        raise click.BadParameter(
            f"{value!r} is not HOST:PORT of Virtuoso's SQL port (e.g. 127.0.0.1:1111)",
            param_hint="--virtuoso",
        )
    return parsed.hostname, port


def current_dump(paths: Paths) -> Path:
    """The N-Quads dump of the current build.

    :raises StoreError: there is no build yet.
    """
    build_id = store.read_build_info(paths.store).build_id
    dumps = store.current_path(paths.store).resolve().with_name(build_id + store.DUMPS_SUFFIX)
    return dumps / virtuoso.DUMP_FILE


@click.command("publish")
@click.option(
    "--virtuoso",
    "address",
    required=True,
    metavar="HOST:PORT",
    help="Virtuoso's SQL (isql) address, e.g. 127.0.0.1:1111. The server must be able to "
    "read the build's dumps folder (DirsAllowed in its virtuoso.ini).",
)
@click.option("--user", default="dba", show_default=True, help="Virtuoso user.")
@click.option(
    "--password",
    envvar="SPACEKG_VIRTUOSO_PASSWORD",
    default="dba",
    show_default=True,
    help="Virtuoso password [env: SPACEKG_VIRTUOSO_PASSWORD].",
)
@click.option(
    "--http",
    metavar="URL",
    help="Virtuoso's HTTP address, for the endpoint line printed at the end "
    "[default: http://HOST:8890].",
)
@click.option(
    "--isql", "program", default="isql-vt", show_default=True, help="The isql program to use."
)
@with_paths
def publish_command(
    paths: Paths, address: str, user: str, password: str, http: str | None, program: str
) -> None:
    """Load the current build into Virtuoso, one named graph per document.

    The project's graphs already in Virtuoso are replaced; the merge of all of them is
    written as the default graph the server asks for, so counts match the embedded store.
    """
    host, port = parse_address(address)
    dump = current_dump(paths)
    isql = virtuoso.Isql(host=host, port=port, user=user, password=password, program=program)
    virtuoso.publish(dump, isql)
    endpoint = virtuoso.endpoint_url(http or f"http://{host}:8890")
    click.echo(f"published {dump.parent.name.removesuffix(store.DUMPS_SUFFIX)} to {host}:{port}")
    click.echo(f"serve it with: spacekg serve --remote-endpoint '{endpoint}'")
