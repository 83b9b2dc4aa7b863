"""A streaming JSON-LD writer that compacts against the project's published context.

pyoxigraph's own JSON-LD serializer streams, but writes full IRIs. People reading the
dump (and tools that apply ``ontology/context.jsonld``) want ``"partner": "id:country/SE"``,
so this writer compacts each node as it goes: it holds one subject's description at a
time, never the graph. It relies on the store's iteration order, which yields the
quads of one graph, and within it one subject, consecutively.

Only the parts of JSON-LD compaction that are exact for a fixed, known context are used:
terms for predicates and classes, compact IRIs for identifiers, and type or language
coercion only where the value matches it; every other value is written as an explicit
value object, so expanding the output gives back exactly the quads that went in.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_UNSET = object()


@dataclass(frozen=True)
class Term:
    """One term of the context: its IRI and the coercions it applies to plain strings."""

    name: str
    iri: str
    type: str | None = None  # "@id" or a datatype IRI
    language: object = _UNSET  # _UNSET: the context's default; None: no language


@dataclass
class Context:
    """A JSON-LD context reduced to what compaction needs."""

    document: dict[str, Any]
    prefixes: dict[str, str] = field(default_factory=dict)  # namespace IRI -> prefix
    terms: dict[str, Term] = field(default_factory=dict)  # full IRI -> term
    language: str | None = None
    # an IRI's text up to its last "/" or "#" -> the longest namespace it starts with
    _longest: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    _by_head: bool | None = field(default=None, repr=False, compare=False)

    @property
    def digest(self) -> str:
        """What the context is, as a key of text written with it."""
        return json.dumps(self.document, sort_keys=True, ensure_ascii=False)

    @classmethod
    def load(cls, path: Path) -> Context:
        return cls.from_document(json.loads(path.read_text(encoding="utf-8")))

    @classmethod
    def from_document(cls, document: Mapping[str, Any]) -> Context:
        body = dict(document["@context"])
        ctx = cls(document=dict(document), language=body.get("@language"))
        raw_prefixes = {
            k: v
            for k, v in body.items()
            if isinstance(v, str) and not k.startswith("@") and v.endswith(("/", "#"))
        }
        ctx.prefixes = {iri: name for name, iri in raw_prefixes.items()}

        def expand(value: str) -> str:
            prefix, sep, rest = value.partition(":")
            if sep and prefix in raw_prefixes:
                return raw_prefixes[prefix] + rest
            return value

        for name, value in body.items():
            if name.startswith("@") or name in raw_prefixes:
                continue
            if isinstance(value, str):
                ctx.terms.setdefault(expand(value), Term(name, expand(value)))
            elif isinstance(value, dict) and "@id" in value:
                coerce = value.get("@type")
                term = Term(
                    name,
                    expand(value["@id"]),
                    type=coerce if coerce in (None, "@id") else expand(coerce),
                    language=value.get("@language", _UNSET),
                )
                ctx.terms.setdefault(term.iri, term)
        return ctx

    def compact_iri(self, iri: str) -> str:
        """``prefix:rest`` for the longest matching namespace, else the IRI itself. A
        namespace ending in "/" or "#" starts an IRI when it starts the IRI's text up to
        its last "/" or "#": the longest is looked up once per such text (each of the
        dumps' 300,000 IRIs tried on every namespace took about half a CPU second)."""
        if self._by_head is None:  # (every context's namespaces do: from_document)
            self._by_head = all(n.endswith(("/", "#")) for n in self.prefixes)
        if self._by_head:
            head = iri[: max(iri.rfind("/"), iri.rfind("#")) + 1]
            best = self._longest.get(head)
            if best is None:
                best = self._longest[head] = self._longest_of(head)
        else:
            best = self._longest_of(iri)
        rest = iri[len(best) :]
        if best and rest and not rest.startswith("//"):
            return f"{self.prefixes[best]}:{rest}"
        return iri

    def _longest_of(self, iri: str) -> str:
        """The longest namespace ``iri`` starts with, by trying them all."""
        best = ""
        for namespace in self.prefixes:
            if iri.startswith(namespace) and len(namespace) > len(best):
                best = namespace
        return best

    def vocab(self, iri: str) -> str:
        """A key or class name: the term when there is a plain one, else a compact IRI."""
        term = self.terms.get(iri)
        return term.name if term else self.compact_iri(iri)


def _id(node: ox.NamedNode | ox.BlankNode, ctx: Context) -> str:
    if isinstance(node, ox.BlankNode):
        return f"_:{node.value}"
    if isinstance(node, ox.NamedNode):
        return ctx.compact_iri(node.value)
    raise ValueError(f"JSON-LD export does not support RDF-star terms: {node}")


def _value(obj: Any, term: Term | None, ctx: Context) -> Any:
    """The JSON for one object, as a plain string only where the term's coercion makes
    that string expand to exactly this object."""
    coerce = term.type if term else None
    if not isinstance(obj, ox.Literal):
        ident = _id(obj, ctx)
        return ident if coerce == "@id" else {"@id": ident}
    datatype = obj.datatype.value
    language = ctx.language if term is None or term.language is _UNSET else term.language
    if obj.language:
        if coerce is None and obj.language == language:
            return obj.value
        return {"@value": obj.value, "@language": obj.language}
    if datatype == XSD_STRING:
        if coerce is None and language is None:
            return obj.value
        return {"@value": obj.value}
    if coerce == datatype:
        return obj.value
    return {"@value": obj.value, "@type": ctx.compact_iri(datatype)}


def node_object(subject: Any, pairs: Iterable[tuple[Any, Any]], ctx: Context) -> dict:
    """One subject's description as a compacted JSON-LD node object."""
    node: dict[str, Any] = {"@id": _id(subject, ctx), "@type": None}
    by_predicate: dict[Any, list[Any]] = {}
    for predicate, obj in pairs:
        by_predicate.setdefault(predicate, []).append(obj)
    for predicate, objects in by_predicate.items():
        if predicate.value == RDF_TYPE and not any(isinstance(o, ox.Literal) for o in objects):
            types = [
                _id(o, ctx) if isinstance(o, ox.BlankNode) else ctx.vocab(o.value) for o in objects
            ]
            node["@type"] = types[0] if len(types) == 1 else types
            continue
        term = ctx.terms.get(predicate.value)
        key = term.name if term else ctx.compact_iri(predicate.value)
        values = [_value(o, term, ctx) for o in objects]
        node[key] = values[0] if len(values) == 1 else values
    if node["@type"] is None:
        del node["@type"]
    return node


def _nodes(quads: Iterable[ox.Quad], ctx: Context) -> Iterator[str]:
    for subject, group in groupby(quads, key=lambda q: q.subject):
        pairs = ((q.predicate, q.object) for q in group)
        yield json.dumps(node_object(subject, pairs, ctx), ensure_ascii=False)


def write_jsonld(
    graphs: Iterable[tuple[Any, Iterable[ox.Quad]]],
    output: IO[bytes],
    ctx: Context,
    *,
    context_ref: str | None = None,
) -> None:
    """Write ``(graph name, quads of that graph)`` pairs as one JSON-LD document.

    Named graphs become ``{"@id": graph, "@graph": [...]}`` entries; the default graph's
    nodes sit at the top level. ``context_ref`` writes the context by URL instead of
    inline (inline keeps a dump loadable offline).
    """
    header = context_ref if context_ref is not None else ctx.document["@context"]
    output.write(b'{"@context": ')
    output.write(json.dumps(header, ensure_ascii=False, indent=1).encode())
    output.write(b',\n"@graph": [')
    first = True

    def emit(text: str) -> None:
        nonlocal first
        output.write(b"\n" if first else b",\n")
        output.write(text.encode("utf-8"))
        first = False

    for name, quads in graphs:
        if isinstance(name, ox.DefaultGraph):
            for text in _nodes(quads, ctx):
                emit(text)
            continue
        entry = graph_entry(name, quads, ctx)
        if entry is not None:
            output.write(b"\n" if first else b",\n")
            output.write(entry)
            first = False
    output.write(b"\n]}\n")


def document_head(ctx: Context) -> bytes:
    """What ``write_jsonld`` writes before the first entry (the context inline)."""
    head = json.dumps(ctx.document["@context"], ensure_ascii=False, indent=1).encode()
    return b'{"@context": ' + head + b',\n"@graph": ['


DOCUMENT_TAIL = b"\n]}\n"  # what it writes after the last


def graph_entry(name: Any, quads: Iterable[ox.Quad], ctx: Context) -> bytes | None:
    """One named graph's entry of the top-level ``@graph`` list (``None``: no quads)."""
    nodes = node_texts(quads, ctx)
    return entry_of(name, [nodes], ctx) if nodes else None


def node_texts(quads: Iterable[ox.Quad], ctx: Context) -> bytes:
    """The node objects of ``quads`` (subject by subject), one after another as a graph
    entry lists them: quads cut between subjects give texts that join with ``,\n``."""
    return ",\n".join(_nodes(quads, ctx)).encode("utf-8")


def entry_of(name: Any, parts: Iterable[bytes], ctx: Context) -> bytes:
    """A named graph's entry from its nodes' texts in parts (``node_texts``)."""
    return entry_head(name, ctx) + b",\n".join(p for p in parts if p) + ENTRY_TAIL


def entry_head(name: Any, ctx: Context) -> bytes:
    """What a named graph's entry writes before its nodes."""
    return f'{{"@id": {json.dumps(_id(name, ctx))}, "@graph": [\n'.encode()


ENTRY_TAIL = b"\n]}"  # and after them
