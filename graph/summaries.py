"""Counts per partner and per document, and each document's partners, made once at build
time.

The saved queries that rank partners or describe each document counted over every fact
of the graph on every run: seconds on a graph a thousand times the corpus, for an answer
that only changes when the graph does. The build counts them once, from the merged graph,
and writes the counts as plain triples in their own named graph
(``.../graph/summaries``), which the default graph merges like any other, so a query
reads a few numbers per partner or document instead of recounting.

The counts are the very SPARQL aggregates the queries used to compute (below), run on
the merge of the named graphs, so the answers stay the same by construction. Besides the
counts, each document links to the partners its facts name (``csk:namesPartner``, China
left out), so comparing two documents' partners reads two short lists instead of every
fact of both documents and the paths from each to its partners.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.plugins.serializers.nquads import _nq_row
from rdflib.plugins.serializers.nt import _quote_encode, _quoteLiteral
from rdflib.term import Node

from graph import summary_counts, summary_passages, summary_ranks
from graph.rank_values import RankValues
from graph.store_load import write_merged_default_graph
from graph.summary_counts import COUNT_PROPERTIES, count_triples
from graph.summary_passage_rows import partner_passage_lines
from graph.summary_passages import partner_passage_triples
from graph.summary_passages_kept import PassagesCache
from graph.summary_ranks import LIST_PROPERTIES, RANK_PROPERTIES, rank_triples
from graph.summary_scratch import bulk_load_graphs as bulk_load_graphs
from graph.summary_scratch import bulk_load_merged as bulk_load_merged
from graph.summary_scratch_kept import PickedCache, text_digests
from graph.vocab import CSK, GRAPH

SUMMARIES_GRAPH = GRAPH["summaries"]  # the counts below, one triple per subject and count

_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_STRING = "http://www.w3.org/2001/XMLSchema#string"
SUMMARY_PROPERTIES = (
    "factCount",
    "areaCount",
    "missionCount",
    "documentCount",
    "cooperationCount",
    "agreementCount",
    "partnerCount",
    "ownFactCount",
    "partnerRank",
    *RANK_PROPERTIES,  # each row's rank in a saved list (graph/summary_ranks.py)
    summary_passages.RANK_PROPERTY,  # a row's rank in its partner's evidence list
)
# Links: from a document to the partners it names; from a fact to a key of each of its
# (partner, area) pairs.
SUMMARY_LINKS = ("namesPartner", "partnerArea")
PARTNER_AREA = "https://w3id.org/china-space-kg/id/partner-area/"  # the keys' namespace

_PREFIXES = """PREFIX csk: <https://w3id.org/china-space-kg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""

# Per partner: the facts naming it (as partner, party or organisation) that come from a
# document, and the areas, missions or spacecraft and documents of those facts.
_PER_PARTNER = """
SELECT ?subject (COUNT(DISTINCT ?fact) AS ?factCount)
       (COUNT(DISTINCT ?area) AS ?areaCount)
       (COUNT(DISTINCT ?mission) AS ?missionCount)
       (COUNT(DISTINCT ?document) AS ?documentCount)
WHERE {
  ?fact csk:partner|csk:party|csk:organisation ?subject ;
      prov:wasDerivedFrom ?document .
  OPTIONAL { ?fact csk:area ?area }
  OPTIONAL { ?fact csk:mission|csk:spacecraft ?mission }
}
GROUP BY ?subject
"""

# Per document: its facts (not the entities it was the first to name), of which
# cooperations and agreements, and those no other document states.
_PER_DOCUMENT_FACTS = """
SELECT ?subject (COUNT(DISTINCT ?fact) AS ?factCount)
       (COUNT(DISTINCT ?cooperation) AS ?cooperationCount)
       (COUNT(DISTINCT ?agreement) AS ?agreementCount)
       (COUNT(DISTINCT ?ownFact) AS ?ownFactCount)
WHERE {
  ?subject a csk:SourceDocument .
  ?fact prov:wasDerivedFrom ?subject ;
      a ?class .
  ?class rdfs:subClassOf csk:Fact .
  BIND(IF(?class = csk:Cooperation, ?fact, ?none) AS ?cooperation)
  BIND(IF(?class = csk:Agreement, ?fact, ?none) AS ?agreement)
  BIND(IF(EXISTS { ?fact prov:wasDerivedFrom ?other . FILTER(?other != ?subject) },
          ?none, ?fact) AS ?ownFact)
}
GROUP BY ?subject
"""

# Per document: the partners its facts name, China left out (csk:namesPartner, and their
# number, csk:partnerCount).
_PER_DOCUMENT_PARTNERS = """
SELECT DISTINCT ?subject ?partner
WHERE {
  ?subject a csk:SourceDocument .
  ?fact prov:wasDerivedFrom ?subject ;
      csk:partner|csk:party|csk:organisation ?partner ;
      a/rdfs:subClassOf csk:Fact .
  FILTER NOT EXISTS { ?partner csk:iso3166Alpha2 "CN" }
}
"""

# Per fact with a partner and an area (the cooperations): a key for each (partner, area)
# pair, made from the two IRIs (".../partner-area/country/x/area/y"). "Another fact about
# the same partner and area" is then one lookup, where matching the partner first read
# every fact about that partner (thousands for a country on a large graph).
_PARTNER_AREA = """
SELECT DISTINCT ?subject ?partnerArea WHERE {
  ?subject csk:partner ?partner ; csk:area ?area .
  BIND(IRI(CONCAT(PARTNER_AREA, STRAFTER(STR(?partner), "/id/"), "/", STRAFTER(STR(?area), "/id/")))
       AS ?partnerArea)
}
""".replace("PARTNER_AREA", f'"{PARTNER_AREA}"')

# The order top-partners lists partners in. Sorting thousands of partners by label on
# every run cost more than finding them (5 of 7 s on the 1,000x graph); an integer rank
# sorts without reading a label.
_PARTNER_ORDER = """
SELECT ?subject ?label WHERE {
  ?subject csk:factCount ?facts ; csk:areaCount ?areas ; rdfs:label ?label .
}
ORDER BY DESC(?facts) DESC(?areas) ?label ?subject
"""
# what ``_ranks`` reads of the partners besides their counts (a pattern, not a query)
_RANK_LABEL = "?partner rdfs:label ?label"


def summary_triples(store: ox.Store) -> list[ox.Triple]:
    """The counts of the store's default graph (the merged graph) as triples, one per
    subject and count, each document's links to its partners and each cooperation's
    (partner, area) keys. Summary triples already in it change no count."""
    return _counted(store) + partner_passage_triples(store)


def _counted(store: ox.Store) -> list[ox.Triple]:
    """``summary_triples`` but the partner passages (which come last)."""
    triples = []
    for query in (_PER_PARTNER, _PER_DOCUMENT_FACTS, _PARTNER_AREA):
        results = store.query(_PREFIXES + query)
        names = [v.value for v in results.variables if v.value != "subject"]
        for row in results:
            for name in names:
                triples.append(ox.Triple(row["subject"], ox.NamedNode(str(CSK) + name), row[name]))
    return (
        triples
        + _partners_named(store)
        + _ranks(store, triples)
        + count_triples(store)
        + rank_triples(store)
    )


def _partners_named(store: ox.Store) -> list[ox.Triple]:
    """Each document's ``csk:namesPartner`` links and, from them, its ``csk:partnerCount``
    (the number of distinct partners, China left out)."""
    names = ox.NamedNode(str(CSK) + "namesPartner")
    links = [
        ox.Triple(row["subject"], names, row["partner"])
        for row in store.query(_PREFIXES + _PER_DOCUMENT_PARTNERS)
    ]
    per_document = Counter(t.subject for t in links)
    count = ox.NamedNode(str(CSK) + "partnerCount")
    return links + [
        ox.Triple(document, count, ox.Literal(str(n), datatype=_INTEGER))
        for document, n in per_document.items()
    ]


def _ranks(store: ox.Store, counts: list[ox.Triple]) -> list[ox.Triple]:
    """Each partner's rank (``graph.rank_values``) in the order of ``_PARTNER_ORDER``,
    read from a scratch store of the counts and the partners' labels."""
    scratch = ox.Store()
    scratch.extend(ox.Quad(t.subject, t.predicate, t.object) for t in counts)
    label = ox.NamedNode(_NAMESPACES["rdfs"] + "label")  # _RANK_LABEL
    partners = {t.subject for t in counts if t.predicate.value == str(CSK) + "areaCount"}
    for partner in partners:
        for quad in store.quads_for_pattern(partner, label, None, ox.DefaultGraph()):
            scratch.add(ox.Quad(partner, label, quad.object))
    rank = ox.NamedNode(str(CSK) + "partnerRank")
    rows = scratch.query(_PREFIXES + _PARTNER_ORDER)
    values = RankValues()
    return [
        ox.Triple(
            row["subject"],
            rank,
            ox.Literal(str(values.next(row["subject"].value)), datatype=_INTEGER),
        )
        for row in rows
    ]


def replace_summaries(store: ox.Store) -> None:
    """Recount a store whose default graph is already the merge (a synthetic graph
    copied from a build): drop the old counts from the summaries graph and the default
    graph, then write the new ones into both (links to partners alike)."""
    graph = ox.NamedNode(str(SUMMARIES_GRAPH))
    if store.contains_named_graph(graph):
        store.remove_graph(graph)
    dropped = (
        SUMMARY_PROPERTIES
        + SUMMARY_LINKS
        + COUNT_PROPERTIES
        + LIST_PROPERTIES
        + summary_passages.LINK_PROPERTIES
    )
    for name in dropped:
        predicate = ox.NamedNode(str(CSK) + name)
        for quad in list(store.quads_for_pattern(None, predicate, None, ox.DefaultGraph())):
            store.remove(quad)
    triples = summary_triples(store)
    store.bulk_extend([ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples])
    store.bulk_extend([ox.Quad(t.subject, t.predicate, t.object) for t in triples])


def add_summaries(dataset: Dataset, keep: Path | None = None) -> None:
    """Count the dataset's facts and add the counts as its summaries graph (the build's
    hook: the counts are then validated, merged, exported and described like the rest).

    ``keep``: a file to leave the whole dataset in as N-Quads, counts included (the
    lines rdflib writes, so the store and build id are those of serialising it again):
    the build loads its store from it instead of serialising the dataset a second time.
    """
    if keep is None:
        store = ox.Store()
        store.bulk_load(dataset.serialize(format="nquads", encoding="utf-8"), ox.RdfFormat.N_QUADS)
        counts = _counts_graph(store)
    else:
        dataset.serialize(destination=str(keep), format="nquads", encoding="utf-8")
        counts = append_summaries(keep)
    graph = dataset.graph(SUMMARIES_GRAPH)
    for triple in counts:
        graph.add(triple)


def append_summaries(nquads: Path) -> Graph:
    """Count the dataset an N-Quads file holds and append the counts to it as the
    summaries graph's lines (as rdflib writes them); the counts are returned as a graph.
    An add-one build counts so without making an rdflib dataset of the corpus."""
    store = ox.Store()
    # the queries read only the merge, and only the predicates they name
    bulk_load_merged(store, nquads, only=counted_predicates())
    counts = _parsed(summary_triples(store))
    del store
    with nquads.open("ab") as out:
        for triple in counts:
            out.write(_nq_row(triple, counts.identifier).encode("utf-8", "replace"))
    return counts


def append_summary_lines(
    nquads: Path,
    graphs: Mapping[str, bytes] | None = None,
    passages: PassagesCache | None = None,
    picked: PickedCache | None = None,
) -> bytes:
    """``append_summaries`` without an rdflib dataset: the summaries graph's lines (as
    rdflib writes them) are returned, not a graph. ``graphs``: the lines ``nquads`` holds
    by graph (N3 name -> lines), read from memory; with them, ``passages`` and ``picked``
    give the partner passages and the counted triples of what did not change."""
    store, kept = ox.Store(), None
    if graphs is None:
        bulk_load_merged(store, nquads, only=counted_predicates())
    else:
        texts = text_digests(graphs)  # one digest a graph, for both caches
        bulk_load_graphs(store, graphs, only=counted_predicates(), kept=picked, texts=texts)
        kept = None if passages is None else (passages, graphs, texts)
    data = summary_lines(_counted(store), passages_of=store, kept=kept)
    del store
    with nquads.open("ab") as out:
        out.write(data)
    return data


def summary_lines(
    triples: list[ox.Triple],
    *,
    passages_of: ox.Store | None = None,
    kept: tuple[PassagesCache, Mapping[str, bytes], Mapping[str, bytes] | None] | None = None,
) -> bytes:
    """The lines rdflib writes for the summaries graph ``_parsed(triples)``, each once;
    ``passages_of``: a store whose partner passages follow (``summary_triples``' last
    triples), written as lines without making their triples; ``kept``: the passages'
    cache, the graphs the store was loaded from and their text digests
    (``PassagesCache.lines``)."""
    name = SUMMARIES_GRAPH.n3()
    # each term spelled once: the counts repeat their predicates, subjects and values
    # (a passage's quote, status and labels), and a literal is spelled through rdflib
    spelled: dict[ox.NamedNode | ox.BlankNode | ox.Literal, str] = {}

    def n3(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> str:
        found = spelled.get(term)
        if found is None:
            found = spelled[term] = _n3(term)
        return found

    lines = [f"{n3(t.subject)} {n3(t.predicate)} {n3(t.object)} {name} .\n" for t in triples]
    data = "".join(dict.fromkeys(lines)).encode("utf-8", "replace")
    # each partner's passage lines, already bytes; none is a count's line or another's
    if passages_of is not None and kept is not None:
        return data + b"".join(kept[0].lines(passages_of, n3, name, kept[1], kept[2]))
    if passages_of is not None:
        return data + b"".join(partner_passage_lines(passages_of, n3, name))
    return data


def _n3(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> str:
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


def _counts_graph(store: ox.Store) -> Graph:
    """The summaries of a store loaded with the dataset's named graphs, as rdflib reads
    them (the terms a dataset built in memory holds)."""
    write_merged_default_graph(store)
    return _parsed(summary_triples(store))


def _parsed(triples: list[ox.Triple]) -> Graph:
    """The counts as the rdflib terms parsing their N-Triples gives (a plain literal for
    ``xsd:string``), made directly: parsing tens of thousands of lines took seconds."""
    counts = Graph(identifier=SUMMARIES_GRAPH)
    for t in triples:
        counts.add((_rdflib(t.subject), URIRef(t.predicate.value), _rdflib(t.object)))
    return counts


def _rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == _STRING:
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


_NAMESPACES = {
    "csk": str(CSK),
    "dcterms": "http://purl.org/dc/terms/",
    "oa": "http://www.w3.org/ns/oa#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
}
_RDF_TYPE = b"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


def counted_predicates() -> frozenset[bytes]:
    """Every predicate the counts read: the prefixed names the queries here and in
    ``graph.summary_counts`` write, and ``a``. (Class names come along; they match no
    line's predicate.) The scratch store the counts are made on needs only these
    triples: about half the merge (the passages' sources and quotes, read for the order of
    the totals, but no offsets)."""
    texts = [
        _PER_PARTNER,
        _PER_DOCUMENT_FACTS,
        _PER_DOCUMENT_PARTNERS,
        _PARTNER_AREA,
        _RANK_LABEL,
        *summary_counts.QUERIES,
        *summary_ranks.QUERIES,
        *summary_passages.QUERIES,
    ]
    names = {m.groups() for text in texts for m in re.finditer(r"\b(\w+):(\w+)", text)}
    found = {f"<{_NAMESPACES[p]}{local}>".encode() for p, local in names if p in _NAMESPACES}
    return frozenset(found | {_RDF_TYPE})
