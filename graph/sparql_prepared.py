"""rdflib's SPARQL processor, parsing each distinct query text once per process.

pySHACL hands rdflib the text of every SPARQL-based constraint on every validation run,
and rdflib parses it again each time (pyparsing: tens of milliseconds a query). When a
build validates each document's graph on its own, that parsing is most of the cost. The
processor registered here keeps the translated query (what ``prepareQuery`` returns,
which rdflib documents as reusable with other initial bindings) keyed by its text, base
and namespaces, and evaluates exactly as rdflib's own processor does.

A build keeps the translated queries for the next one (``kept_in``): parsing the shapes'
constraints took about half a second of every add-one build. pySHACL writes a
constraint's PREFIX lines in an order that changes from process to process (a set's),
so they are kept under the text with those lines sorted. rdflib's parse nodes
(``CompValue``) cannot be unpickled as they are (their constructor needs the node's
name, and an expression's evaluation is a method bound to the node), so they are
pickled as what rebuilds them: class, name, items, attributes and the evaluation's
function, which ``pickle`` names by module and qualified name.
"""

from __future__ import annotations

import io
import os
import pickle
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from types import MethodType
from typing import Any

from rdflib import plugin
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.processor import SPARQLProcessor, prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Processor
from rdflib.term import Identifier

KEPT_FILE = "sparql-prepared.bin"  # in a build's validation cache folder
_FORMAT = 1  # bump when what is kept changes shape
Key = tuple[str, str | None, tuple[tuple[str, Any], ...]]
# what the previous build kept (key -> pickled query), and what this process translated
_kept: dict[Key, bytes] = {}
_translated: dict[Key, Query] = {}


@lru_cache(maxsize=512)
def _prepared(text: str, base: str | None, namespaces: tuple[tuple[str, Any], ...]) -> Query:
    key = (_sorted_prefixes(text), base, namespaces)
    data = _kept.get(key)
    if data is not None:
        with suppress(Exception):  # unreadable: translated afresh
            return pickle.loads(data)
    query = _translated[key] = prepareQuery(text, dict(namespaces), base)
    return query


def _sorted_prefixes(text: str) -> str:
    """``text`` with its leading PREFIX lines sorted (their order means nothing)."""
    lines = text.split("\n")
    at = 0
    while at < len(lines) and lines[at].startswith("PREFIX "):
        at += 1
    return "\n".join(sorted(lines[:at]) + lines[at:])


def _node(
    cls: type[CompValue],
    name: str,
    items: list[tuple[str, Any]],
    attributes: dict[str, Any],
    evaluation: Any,
) -> CompValue:
    """A parse node rebuilt as rdflib's parser made it."""
    node = cls.__new__(cls)
    OrderedDict.__init__(node)
    node.__dict__.update(attributes)
    node.name = name
    if evaluation is not None:
        node._evalfn = MethodType(evaluation, node)
    OrderedDict.update(node, items)
    return node


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj: Any) -> Any:
        if not isinstance(obj, CompValue):
            return NotImplemented
        attributes = {k: v for k, v in obj.__dict__.items() if k not in ("_evalfn", "ctx")}
        bound = obj.__dict__.get("_evalfn")
        evaluation = None if bound is None else bound.__func__
        return _node, (type(obj), obj.name, list(OrderedDict.items(obj)), attributes, evaluation)


def _pickled(query: Query) -> bytes | None:
    out = io.BytesIO()
    try:
        _Pickler(out, protocol=pickle.HIGHEST_PROTOCOL).dump(query)
    except Exception:  # a lambda in the parse: translated again by each process
        return None
    return out.getvalue()


def _versions() -> str:
    return f"{_FORMAT} {metadata.version('rdflib')} {metadata.version('pyparsing')}"


@contextmanager
def kept_in(folder: Path | None, *, read: bool = True) -> Iterator[None]:
    """Translated queries read from ``folder`` (unless ``read`` is false: a full build)
    for what runs inside, then those used kept there for the next build."""
    _kept.clear()
    _translated.clear()
    path = None if folder is None else folder / KEPT_FILE
    if path is not None and read:
        with suppress(OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
            versions, found = pickle.loads(path.read_bytes())
            if versions == _versions() and isinstance(found, dict):
                _kept.update(found)
    _prepared.cache_clear()
    try:
        yield
    finally:
        if path is not None and _translated:
            kept = dict(_kept)
            for key, query in _translated.items():
                if (data := _pickled(query)) is not None:
                    kept[key] = data
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
            partial.write_bytes(pickle.dumps((_versions(), kept)))
            partial.replace(path)
        _kept.clear()
        _translated.clear()


class PreparedQueryProcessor(SPARQLProcessor):
    """``SPARQLProcessor`` with a per-process cache of translated query texts."""

    def query(  # type: ignore[override]
        self,
        strOrQuery: str | Query,  # rdflib's parameter names
        initBindings: Mapping[str, Identifier] | None = None,
        initNs: Mapping[str, Any] | None = None,
        base: str | None = None,
        DEBUG: bool = False,
    ) -> Mapping[str, Any]:
        if isinstance(strOrQuery, str):
            namespaces = tuple(sorted((initNs or {}).items()))
            strOrQuery = _prepared(strOrQuery, base, namespaces)
        return super().query(strOrQuery, initBindings, initNs, base, DEBUG)


def install() -> None:
    """Make this the processor rdflib uses for ``Graph.query`` (idempotent)."""
    plugin.register("sparql", Processor, __name__, PreparedQueryProcessor.__name__)
