"""``spacekg export`` and ``spacekg dump``: the graph as files other tools can load."""

from __future__ import annotations

import gzip
import os
import sys
import time
from datetime import date
from pathlib import Path

import click

from cli.options import with_paths
from graph import dump, export
from graph import store as store_files
from graph.config import Paths
from graph.errors import InputError
from graph.export_jsonld import Context
from graph.vocab import BASE
from graph.void import DatasetMeta

CONTEXT_URL = f"{BASE}context.jsonld"


def guess_format(output: Path | None) -> tuple[str | None, bool]:
    """(format name, gzip) from an output file name such as ``graph.nq.gz``."""
    if output is None:
        return None, False
    name = output.name
    compressed = name.endswith(".gz")
    stem = name.removesuffix(".gz")
    for fmt in export.FORMATS.values():
        if stem.endswith(f".{fmt.extension}"):
            return fmt.name, compressed
    return None, compressed


@click.command("export")
@with_paths
@click.option(
    "--format",
    "-f",
    "format_name",
    type=click.Choice(list(export.FORMATS)),
    help="Serialization; guessed from -o's extension, else ttl. nq, trig and jsonld keep "
    "one named graph per source document; ttl, nt and rdfxml merge the graphs.",
)
@click.option(
    "--graph",
    "-g",
    "which",
    default="all",
    show_default=True,
    help="all, document (the source documents' graphs), reference, ontology, or a graph IRI.",
)
@click.option("--gzip", "-z", "compress", is_flag=True, help="gzip the output.")
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    help="File to write (default: standard output).",
)
@click.option(
    "--context-url",
    is_flag=True,
    help=f"JSON-LD: refer to the published context ({CONTEXT_URL}) instead of inlining it.",
)
def export_command(
    paths: Paths,
    format_name: str | None,
    which: str,
    compress: bool,
    output: Path | None,
    context_url: bool,
) -> None:
    """Write the graph in a standard RDF format, streaming from the store.

    Memory stays flat however large the store is: nothing is loaded into memory.
    """
    guessed, gz_suffix = guess_format(output)
    fmt = export.get_format(format_name or guessed or "ttl")
    compress = compress or gz_suffix
    if output is not None and output.parent and not output.parent.is_dir():
        raise InputError(f"folder {output.parent} does not exist")
    context_file = paths.ontology / dump.CONTEXT_FILE
    if not context_file.is_file():
        raise InputError(f"{context_file} is missing (the JSON-LD context); check --ontology")
    store = store_files.open_store(paths.store)
    graphs = export.select_graphs(store, which)
    context = Context.load(context_file)
    ref = CONTEXT_URL if context_url else None
    try:
        if output is not None:
            export.export_file(
                store, output, fmt, graphs, context=context, compress=compress, context_ref=ref
            )
            return
        sink = sys.stdout.buffer
        if compress:
            with gzip.GzipFile(
                filename="", mode="wb", fileobj=sink, mtime=0, compresslevel=export.GZIP_LEVEL
            ) as out:
                export.write(store, out, fmt, graphs, context=context, context_ref=ref)
        else:
            export.write(store, sink, fmt, graphs, context=context, context_ref=ref)
        sink.flush()
    except BrokenPipeError:
        # The reader stopped early (`| head`): not an error. Point stdout at /dev/null so
        # the interpreter's final flush does not complain either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except OSError as exc:
        where = output or "standard output"
        raise click.ClickException(f"cannot write {where}: {exc.strerror or exc}") from None


@click.command("dump")
@with_paths
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--base-url",
    default=BASE,
    show_default=True,
    help="Where the dumps and /sparql are published (links in the VoID).",
)
@click.option(
    "--license",
    "license_iri",
    default=DatasetMeta.license,
    show_default=True,
    help="Licence IRI stated in the VoID description.",
)
@click.option("--quiet", "-q", is_flag=True, help="Only the final table.")
def dump_command(paths: Paths, folder: Path, base_url: str, license_iri: str, quiet: bool) -> None:
    """Write every download into FOLDER: each format gzipped, ontology, shapes, JSON-LD
    context, VoID description and SHA256SUMS.

    `spacekg build` already writes these beside each build (served under /dumps/);
    this command is for publishing them elsewhere.
    """
    if not base_url.endswith("/"):
        base_url += "/"
    store = store_files.open_store(paths.store)
    info = store_files.read_build_info(paths.store)
    started = time.perf_counter()
    try:
        files = dump.write_dumps(
            store,
            folder,
            ontology_dir=paths.ontology,
            version=info.build_id,
            issued=date.fromisoformat(info.built_at[:10]),
            meta=DatasetMeta(base_url=base_url, license=license_iri),
            log=None if quiet else (lambda msg: click.echo(msg, err=True)),
        )
    except OSError as exc:
        raise click.ClickException(f"cannot write to {folder}: {exc.strerror or exc}") from None
    for f in files:
        click.echo(f"{f.size:>12,}  {f.sha256[:12]}  {f.name}")
    click.echo(
        f"{len(files)} files in {folder} ({time.perf_counter() - started:.1f} s); "
        f"check with: (cd {folder} && sha256sum -c {dump.CHECKSUMS})"
    )
