"""The ``spacekg`` commands: a thin click layer over the Python API.

Imported by ``cli.main.main`` inside its error handling, so that even an interrupt while
these modules load is one line.
"""

from __future__ import annotations

import click

from cli.export import dump_command, export_command
from cli.options import PATH_SETTINGS, with_paths, with_settings
from cli.publish import publish_command
from cli.query import list_queries, run_query
from cli.serve import serve
from cli.validate import validate_command
from graph import pipeline, store
from graph.config import Paths, Settings
from graph.summary import print_summary


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="china-space-kg")
def cli() -> None:
    """Build, validate, query and serve the china-space-kg knowledge graph."""


@cli.command()
@with_settings(*PATH_SETTINGS, "max_document_bytes")
@click.option("--quiet", "-q", is_flag=True, help="No progress, only the summary.")
@click.option(
    "--full", is_flag=True, help="Re-extract every document, ignoring the extraction cache."
)
def build(settings: Settings, quiet: bool, full: bool) -> None:
    """Extract facts from the corpus, validate them and swap in a new store.

    The new store is written beside the current one and replaces it only when it is
    complete and conforms to the shapes. Documents whose text, the extractor and the
    reference data are unchanged since an earlier build are not read again. One build
    runs at a time per store: a second one exits at once (status 2) saying so.
    """
    from graph.progress import stage_progress

    with stage_progress(pipeline.STAGES, enabled=not quiet) as progress:
        result = pipeline.build(
            settings.paths, progress, full=full, max_document_bytes=settings.max_document_bytes
        )
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
    publish_command,
    list_queries,
    run_query,
    serve,
    validate_command,
]
for _command in COMMANDS:
    cli.add_command(_command)
