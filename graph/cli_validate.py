"""``spacekg validate``: check the built graph, or any RDF files, against the shapes.

Exit status is what CI needs: 0 conforms, 1 violations, 2 unusable input (a missing
file, a syntax error, an unknown format: one line naming the file, line and what to
do). The same checks run as in ``spacekg build``: SHACL over the union of the graphs
plus the ontology, then the evidence check against the corpus files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import click
import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from graph import store
from graph.cli_options import with_paths
from graph.config import Paths
from graph.errors import InputError
from graph.evidence_check import check_evidence, texts_from_corpus
from graph.validate import Report, load_ontology, reportable_shapes, union_graph, validate_graph
from graph.validation_report import FORMATS, count_line, render

# oxigraph repeats the position in its message; the one-line error gives it once.
_LOCATION = re.compile(r"^Parser error (at|between) line .*?: ")
INPUT_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "n3": ox.RdfFormat.N3,
}
EXTENSIONS: dict[str, str] = {
    ".ttl": "turtle",
    ".nt": "ntriples",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "jsonld",
    ".json": "jsonld",
    ".rdf": "rdfxml",
    ".owl": "rdfxml",
    ".xml": "rdfxml",
    ".n3": "n3",
}


def input_format(path: Path, forced: str | None = None) -> ox.RdfFormat:
    """The RDF syntax of ``path``: ``forced`` if given, else from its extension.

    :raises InputError: the extension is not one of ``EXTENSIONS``.
    """
    name = forced or EXTENSIONS.get(path.suffix.lower())
    if name is None:
        known = " ".join(sorted(EXTENSIONS))
        raise InputError(
            f"{path}: unknown RDF format (extension {path.suffix or 'none'!r}); rename it to "
            f"one of {known} or pass --input-format"
        )
    return INPUT_FORMATS[name]


def read_rdf(paths: Sequence[Path], forced: str | None = None) -> Graph:
    """Parse RDF files into one graph (the union of their graphs), one clear line per
    problem.

    :raises InputError: a file is missing, unreadable, of unknown format or not valid.
    """
    quads: list[ox.Quad] = []
    for path in paths:
        if path.is_dir():
            raise InputError(f"{path}: is a folder; give the RDF files in it")
        fmt = input_format(path, forced)
        if not path.is_file():
            raise InputError(f"{path}: no such file; check the path")
        try:
            quads.extend(ox.parse(path=str(path), format=fmt, base_iri=path.resolve().as_uri()))
        except SyntaxError as exc:
            where = f"{path}:{exc.lineno}:{exc.offset}" if exc.lineno else str(path)
            what = _LOCATION.sub("", exc.msg)
            raise InputError(
                f"{where}: not valid {fmt.name}: {what}; fix the file, or pass "
                "--input-format if it is in another syntax"
            ) from None
        except (OSError, ValueError) as exc:
            raise InputError(f"{path}: cannot read it as {fmt.name} ({exc})") from None
    return _to_rdflib(quads)


def read_store(root: Path) -> Graph:
    """The current build: the union of all its graphs.

    :raises StoreError: there is no build.
    """
    return _to_rdflib(store.open_store(root))


def _to_rdflib(quads: Iterable[ox.Quad]) -> Graph:
    """The union of the quads' graphs as an rdflib Graph, which pyshacl validates."""
    graph = Graph()
    for quad in quads:
        graph.add((_term(quad.subject), _term(quad.predicate), _term(quad.object)))
    return graph


def _term(term: object) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == str(XSD.string):
            return Literal(term.value)  # how rdflib reads a simple literal
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise InputError(f"RDF-star triple terms are not supported ({term})")


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

    FILES may be Turtle, N-Triples, N-Quads, TriG, JSON-LD or RDF/XML (format from the
    extension). They are validated together with the ontology and concept schemes, and
    their evidence is checked against the corpus files. Exit status: 0 conforms,
    1 violations, 2 unusable input.
    """
    shapes = load_shapes_file(shapes_file or paths.shapes)
    if files:
        data: Graph = read_rdf(files, input_format)
        ontology = load_ontology(paths.ontology_files())
    else:
        data, ontology = read_store(paths.store), None
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
