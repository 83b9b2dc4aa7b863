"""The summaries graph's lines spelled as rdflib writes them, without an rdflib graph.

A build holds no rdflib dataset of the corpus: the counts (``graph.summaries``) come from
a scratch store as the engine's terms, and are written here as the lines rdflib's N-Quads
writer gives for the terms parsing them makes (``_rdflib``), so the build's lines, its
id and its dumps are those of an rdflib build.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.plugins.serializers.nt import _quote_encode, _quoteLiteral
from rdflib.term import Node

from graph.summary_passage_rows import partner_passage_lines
from graph.summary_passages_kept import PassagesCache
from graph.vocab import GRAPH

Term = ox.NamedNode | ox.BlankNode | ox.Literal
_NAME = GRAPH["summaries"].n3()  # graph.summaries.SUMMARIES_GRAPH
_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_STRING = "http://www.w3.org/2001/XMLSchema#string"


def summary_lines(
    triples: list[ox.Triple],
    *,
    passages_of: ox.Store | None = None,
    kept: tuple[PassagesCache, Mapping[str, bytes], Mapping[str, bytes] | None] | None = None,
    more: Callable[[], list[str]] | None = None,
) -> bytes:
    """The lines rdflib writes for the summaries graph ``_parsed(triples)``, each once;
    ``passages_of``: a store whose partner passages follow (``summary_triples``' last
    triples), written as lines without making their triples; ``kept``: the passages'
    cache, the graphs the store was loaded from and their text digests
    (``PassagesCache.lines``); ``more``: what gives the lines (``line_of``) of the triples
    that follow ``triples``, asked for after the passages are made."""
    # each term spelled once: the counts repeat their predicates, subjects and values
    # (a passage's quote, status and labels), and a literal is spelled through rdflib
    spelled: dict[Term, str] = {}

    def n3(term: Term) -> str:
        found = spelled.get(term)
        if found is None:
            found = spelled[term] = _n3(term)
        return found

    lines = [line_of(t, n3) for t in triples]
    # each partner's passage lines, already bytes; none is a count's line or another's
    passages = b""
    if passages_of is not None and kept is not None:
        passages = b"".join(kept[0].lines(passages_of, n3, _NAME, kept[1], kept[2]))
    elif passages_of is not None:
        passages = b"".join(partner_passage_lines(passages_of, n3, _NAME))
    if more is not None:
        lines += more()
    return "".join(dict.fromkeys(lines)).encode("utf-8", "replace") + passages


def line_of(triple: ox.Triple, n3: Callable[[Term], str]) -> str:
    """A summary triple's line as rdflib writes it, its terms spelled by ``n3``."""
    return f"{n3(triple.subject)} {n3(triple.predicate)} {n3(triple.object)} {_NAME} .\n"


def _n3(term: Term) -> str:
    """A term as rdflib's N-Quads writer spells the node ``_rdflib`` makes of it."""
    if isinstance(term, ox.NamedNode):
        return f"<{term.value}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    value = term.value
    canonical = value.isascii() and value.isdigit() and (value == "0" or value[0] != "0")
    if term.datatype == _INTEGER and canonical:  # else as rdflib normalises it
        return f'"{value}"^^<{_INTEGER.value}>'
    # a string, or one in a language, rdflib spells as it is given (the passages' quotes
    # and labels: an rdflib literal made for each took 0.24 s of 65,000 at 1,000 documents)
    if term.language:
        return f"{_quote_encode(value)}@{term.language}"
    if term.datatype.value == _STRING:
        return _quote_encode(value)
    return _quoteLiteral(_rdflib(term))


def _rdflib(term: Term) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == _STRING:
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))
