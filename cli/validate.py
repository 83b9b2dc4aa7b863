"""``spacekg validate``: check the built graph, or any RDF files, against the shapes.

Exit status is what CI needs: 0 conforms, 1 violations, 2 unusable input (a missing
file, a syntax error, an unknown format: one line naming the file, line and what to
do). The same checks run as in ``spacekg build``: SHACL over the union of the graphs
plus the ontology, then the evidence check against the corpus files.
"""

from __future__ import annotations

from pathlib import Path

import click
from rdflib import Graph

from cli.options import with_paths
from graph.config import Paths
from graph.errors import InputError, StoreError
from graph.evidence_check import check_evidence, texts_from_corpus
from graph.rdf_input import INPUT_FORMATS, read_rdf, read_store
from graph.validate import Report, load_ontology, reportable_shapes, union_graph, validate_graph
from graph.validation_report import FORMATS, count_line, render
from graph.vocab import BASE

# The project's published JSON-LD context, read from the ontology folder instead.
CONTEXT_URL = f"{BASE}context.jsonld"


def load_shapes_file(path: Path) -> Graph:
    """:raises InputError: the shapes file is missing or not valid Turtle."""
    if not path.is_file():
        raise InputError(f"{path}: no shapes file there; pass --shapes with a Turtle file")
    return read_rdf([path], "turtle")


def validate_data(
    data: Graph, shapes: Graph, *, ontology: Graph | None, corpus_dir: Path
) -> Report:
    """SHACL, then the evidence check against the files the documents name."""
    report = validate_graph(data, shapes, ontology=ontology)
    union = union_graph(data)
    return report.extended(check_evidence(union, texts_from_corpus(union, corpus_dir)))


def read_built_graph(store_root: Path) -> Graph:
    """The current build as one graph.

    :raises StoreError: nothing built, or the store is damaged (the engine reports
        damage as it reads, so reading all of it is inside the check).
    """
    try:
        return read_store(store_root)
    except (OSError, RuntimeError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise StoreError(
            f"the store at {store_root} cannot be read ({first}); run `spacekg build` again"
        ) from None


@click.command("validate")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Report format: readable text, the W3C sh:ValidationReport in Turtle, or JUnit XML.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the report to this file instead of standard output.",
)
@click.option(
    "--shapes",
    "shapes_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="SHACL shapes to validate against [default: shapes.ttl in --ontology].",
)
@click.option(
    "--input-format",
    type=click.Choice(sorted(INPUT_FORMATS)),
    help="Syntax of FILES when their extension does not say it.",
)
@with_paths
def validate_command(
    paths: Paths,
    files: tuple[Path, ...],
    fmt: str,
    output: Path | None,
    shapes_file: Path | None,
    input_format: str | None,
) -> None:
    """Validate the built graph, or the RDF FILES given, against the SHACL shapes.

    FILES may be Turtle, N-Triples, N-Quads, TriG, JSON-LD or RDF/XML, gzipped or not
    (format from the extension). They are validated together with the ontology and
    concept schemes, and their evidence is checked against the corpus files. Exit
    status: 0 conforms, 1 violations, 2 unusable input.
    """
    shapes = load_shapes_file(shapes_file or paths.shapes)
    if files:
        contexts = {CONTEXT_URL: paths.ontology / "context.jsonld"}
        data: Graph = read_rdf(files, input_format, contexts=contexts)
        ontology = load_ontology(paths.ontology_files())
    else:
        data, ontology = read_built_graph(paths.store), None
    report = validate_data(data, shapes, ontology=ontology, corpus_dir=paths.corpus)
    text = render(report, fmt, reportable_shapes(shapes))
    if output:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{output}: cannot write the report ({exc.strerror})") from None
        click.echo(f"{count_line(report)}; report written to {output}", err=True)
    else:
        click.echo(text, nl=False)
    click.get_current_context().exit(0 if report.conforms else 1)
