"""Read RDF for validation: files a user names, or the current build from the store.

Files are parsed with Oxigraph, whose syntax errors carry a line and column, and every
problem becomes one ``InputError`` line naming the file and what to do. What comes back
is the union of all graphs as an rdflib ``Graph``, which pyshacl validates.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from graph import store
from graph.errors import InputError

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


def _suffix(path: Path) -> str:
    """The extension that names the syntax: ``graph.nq.gz`` -> ``.nq``."""
    return Path(path.stem).suffix.lower() if path.suffix == ".gz" else path.suffix.lower()


def input_format(path: Path, forced: str | None = None) -> ox.RdfFormat:
    """The RDF syntax of ``path``: ``forced`` if given, else from its extension (a
    ``.gz`` after it is allowed).

    :raises InputError: the extension is not one of ``EXTENSIONS``.
    """
    name = forced or EXTENSIONS.get(_suffix(path))
    if name is None:
        known = " ".join(sorted(EXTENSIONS))
        raise InputError(
            f"{path}: unknown RDF format (extension {_suffix(path) or 'none'!r}); rename it "
            f"to one of {known} (optionally .gz) or pass --input-format"
        )
    return INPUT_FORMATS[name]


def read_rdf(
    paths: Sequence[Path],
    forced: str | None = None,
    *,
    contexts: Mapping[str, Path] | None = None,
) -> Graph:
    """Parse RDF files into one graph, the union of their graphs.

    Blank nodes of different files are kept apart. ``contexts`` maps JSON-LD context
    URLs to local files (the project's published context), since remote contexts are
    never fetched.

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
            data = _read_bytes(path)
            if fmt == ox.RdfFormat.JSON_LD and contexts:
                data = _with_local_contexts(data, contexts)
            quads.extend(
                ox.parse(
                    data,
                    format=fmt,
                    base_iri=path.resolve().as_uri(),
                    rename_blank_nodes=True,
                )
            )
        except SyntaxError as exc:
            where = f"{path}:{exc.lineno}:{exc.offset}" if exc.lineno else str(path)
            what = _LOCATION.sub("", exc.msg)
            hint = (
                "inline the context, or name the project's own"
                if "remote context" in what
                else "fix the file, or pass --input-format if it is in another syntax"
            )
            raise InputError(f"{where}: not valid {fmt.name}: {what}; {hint}") from None
        except (OSError, ValueError, EOFError) as exc:
            raise InputError(f"{path}: cannot read it as {fmt.name} ({exc})") from None
    return to_rdflib(quads)


def _read_bytes(path: Path) -> bytes:
    if path.suffix == ".gz":
        with gzip.open(path, "rb") as stream:
            return stream.read()
    return path.read_bytes()


def _with_local_contexts(data: bytes, contexts: Mapping[str, Path]) -> bytes:
    """The document with a top-level ``@context`` naming a known URL replaced by the
    local file's context; anything else is left for the parser to judge."""
    if not any(url.encode() in data for url in contexts):
        return data
    try:
        document = json.loads(data)
    except ValueError:
        return data
    if not isinstance(document, dict) or "@context" not in document:
        return data

    def local(ref: object) -> object:
        if isinstance(ref, str) and ref in contexts:
            return json.loads(contexts[ref].read_text(encoding="utf-8"))["@context"]
        return ref

    context = document["@context"]
    document["@context"] = (
        [local(c) for c in context] if isinstance(context, list) else local(context)
    )
    return json.dumps(document).encode("utf-8")


def read_store(root: Path) -> Graph:
    """The current build: the union of all its graphs.

    :raises StoreError: there is no build.
    """
    return to_rdflib(store.open_store(root))


def to_rdflib(quads: Iterable[ox.Quad]) -> Graph:
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
