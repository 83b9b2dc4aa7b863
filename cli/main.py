"""The ``spacekg`` command line: a thin click layer over the Python API.

Domain errors become one line on stderr and an exit code; nothing here prints a
traceback for a mistake a user can fix.
"""

from __future__ import annotations

import sys

import click

from cli.export import dump_command, export_command
from cli.options import with_paths
from cli.query import list_queries, run_query
from cli.serve import serve
from cli.validate import validate_command
from graph import pipeline, store
from graph.config import Paths
from graph.errors import SpaceKGError
from graph.summary import print_summary


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="china-space-kg")
def cli() -> None:
    """Build, validate, query and serve the china-space-kg knowledge graph."""


@cli.command()
@with_paths
@click.option("--quiet", "-q", is_flag=True, help="No progress, only the summary.")
@click.option(
    "--full", is_flag=True, help="Re-extract every document, ignoring the extraction cache."
)
def build(paths: Paths, quiet: bool, full: bool) -> None:
    """Extract facts from the corpus, validate them and swap in a new store.

    The new store is written beside the current one and replaces it only when it is
    complete and conforms to the shapes. Documents whose text, the extractor and the
    reference data are unchanged since an earlier build are not read again.
    """
    from graph.progress import stage_progress

    with stage_progress(pipeline.STAGES, enabled=not quiet) as progress:
        result = pipeline.build(paths, progress, full=full)
    print_summary(result.info)


@cli.command()
@with_paths
def stats(paths: Paths) -> None:
    """Print the summary of the current build, read from the store."""
    print_summary(store.read_build_info(paths.store))


# Commands defined in their own modules (each imports `with_paths` from cli.options).
COMMANDS: list[click.Command] = [
    export_command,
    dump_command,
    list_queries,
    run_query,
    serve,
    validate_command,
]
for _command in COMMANDS:
    cli.add_command(_command)


def main() -> None:
    """Entry point: run the group, turning domain errors into one line."""
    try:
        code = cli.main(standalone_mode=False)
    except SpaceKGError as exc:
        click.secho(f"error: {exc}", fg="red", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("interrupted; the previous graph is still in place", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        click.echo("interrupted; the previous graph is still in place", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    sys.exit(code if isinstance(code, int) else 0)
