"""Each partner's facts with their passages, in evidence-for-partner's order, made once at
build time.

evidence-for-partner lists every fact naming a partner (as partner, party or
organisation) with each passage stating it, ordered by the fact's type, its label, the
passage's document and start. On a graph a thousand times the corpus Brazil has 15,000
such rows, and the engine made and sorted all of them (about twelve lookups a row, and a
stored string read at each comparison) before sending the first 10,001: about 3 s. A rank
over all facts would not do: the order is the same for every partner, but the server's
cut (``server/rank_cut.py``) reads a list's first pages, so it needs each partner's own
ranks.

So the build makes one node per partner, fact and passage
(``.../id/partner-passage/<partner>/<fact>/<evidence>``: ``csk:passagePartner``,
``csk:passageFact``, ``csk:passageEvidence``) with the row's rank among that partner's
rows (``csk:passageRank``, ``graph/rank_values.py``: an order, not the place). The
query starts from the partner's nodes, declares ``#+ rank: ?rank``, and the server makes
only the rows up to just past the cap. The order
is the query's own sort keys as the server compares them (a literal by datatype,
language, then text; the document by IRI; the start as a number), then the fact's and the
passage's IRIs for the full ties the query's ORDER BY leaves open.

The node also carries the row's values (``csk:passageFactType``, ``passageFactLabel``,
``passageStatus``, ``passageQuote``, ``passageDocument``, ``passageStart``,
``passageEnd``: each the set the fact and the passage have). With only the links, each
row was about twenty index reads on other subjects (the fact, its class and status, the
passage, its two selectors, each read for both selectors), each a random block of a large
store: 1.2 to 1.4 s for Brazil's 11,001 nodes up to the cut at 1,000x. A node's own
triples lie together in the index, so reading them there took 0.75 s. A literal repeated
costs the store no new string, only the quads.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

import pyoxigraph as ox

from graph.rank_values import RankValues
from graph.vocab import CSK

PARTNER_PASSAGE = "https://w3id.org/china-space-kg/id/partner-passage/"
# for graph/summaries.py: the rank (a count-like summary property) and the node's links
# and values (dropped and made again by a recount)
RANK_PROPERTY = "passageRank"
# the row's values on its node: property -> the query's variable
VALUE_PROPERTIES = {
    "passageFactType": "factType",
    "passageFactLabel": "factLabel",
    "passageStatus": "status",
    "passageQuote": "quote",
    "passageDocument": "document",
    "passageStart": "start",
    "passageEnd": "end",
}
LINK_PROPERTIES = ("passagePartner", "passageFact", "passageEvidence", *VALUE_PROPERTIES)

_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_PREFIXES = """PREFIX csk: <https://w3id.org/china-space-kg/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


def _by(variable: str) -> str:
    """Sort keys ordering ``variable``'s literals as the server's kind keys do."""
    return f"STR(DATATYPE({variable})) LANG({variable}) STR({variable})"


# The rows of evidence-for-partner for every partner at once (the query's own pattern),
# each partner's rows together and in the query's order.
_PASSAGES = f"""
SELECT ?partner ?fact ?evidence ?factType ?factLabel ?status ?quote ?document ?start ?end
    ?factClass ?statusNode
WHERE {{
  VALUES ?role {{ csk:partner csk:party csk:organisation }}
  ?fact ?role ?partner ;
      a ?factClass ;
      rdfs:label ?factLabel ;
      csk:status ?statusNode ;
      csk:evidence ?evidence .
  ?statusNode skos:prefLabel ?status .
  ?factClass rdfs:label ?factType .
  ?evidence oa:hasSource ?document ;
      oa:hasSelector ?quoteSelector, ?positionSelector .
  ?quoteSelector oa:exact ?quote .
  ?positionSelector oa:start ?start ;
      oa:end ?end .
}}
ORDER BY STR(?partner) {_by("?factType")} {_by("?factLabel")} STR(?document) ?start
    STR(?fact) STR(?evidence)
"""

_FACT = re.compile(r"\?fact\b")
QUERIES = (_PASSAGES,)  # what the ranks read (graph/summaries.py loads only its predicates)


def partner_passage_node(partner: str, fact: str, evidence: str) -> ox.NamedNode:
    """The node of one partner, one fact naming it and one passage stating the fact."""
    return ox.NamedNode(partner_passage_iri(partner, fact, evidence))


def passages_query(facts: Collection[str] | None = None) -> str:
    """The rows' query, for ``facts`` only (IRIs) unless ``None``: a row depends on its
    fact alone. Each fact is its own block of the pattern, the fact written in: with the
    facts as a ``VALUES`` the engine read every passage's source and selectors (0.16 s at
    1,000 documents for 11 facts' 32 rows; 5 ms so)."""
    if facts is None:
        return _PREFIXES + _PASSAGES
    head, rest = _PASSAGES.split("WHERE {\n", 1)
    pattern, order = rest.split("\n}\nORDER BY", 1)
    blocks = "\n  UNION\n".join(
        f"  {{ BIND(<{iri}> AS ?fact)\n{_FACT.sub(f'<{iri}>', pattern)}\n  }}"
        for iri in sorted(facts)
    )
    return f"{_PREFIXES}{head}WHERE {{\n{blocks}\n}}\nORDER BY{order}"


def passage_values(
    store: ox.Store, facts: Collection[str] | None = None
) -> Iterator[tuple[str, str, ox.NamedNode | ox.Literal]]:
    """(node IRI, property name, value) of every partner-passage triple (of ``facts``
    only, unless ``None``) in the engine's order, a node's value repeated by a later row
    left out (a value given again is the same triple)."""
    if facts is not None and not facts:
        return
    seen: set[tuple[str, str, ox.NamedNode | ox.Literal]] = set()
    placed: set[str] = set()
    partner, values = None, RankValues()
    for row in store.query(passages_query(facts)):
        node = partner_passage_iri(row["partner"].value, row["fact"].value, row["evidence"].value)
        if node not in placed:
            placed.add(node)
            if row["partner"] != partner:  # each partner's list is ranked alone
                partner, values = row["partner"], RankValues()
            yield node, "passagePartner", row["partner"]
            yield node, "passageFact", row["fact"]
            yield node, "passageEvidence", row["evidence"]
            yield node, RANK_PROPERTY, ox.Literal(str(values.next(node)), datatype=_INTEGER)
        for name, variable in VALUE_PROPERTIES.items():
            value = (node, name, row[variable])
            if value not in seen:
                seen.add(value)
                yield value


def partner_passage_iri(partner: str, fact: str, evidence: str) -> str:
    """The IRI of ``partner_passage_node``."""
    parts = (iri.split("/id/", 1)[-1] for iri in (partner, fact, evidence))
    return PARTNER_PASSAGE + "/".join(parts)


def partner_passage_triples(store: ox.Store) -> list[ox.Triple]:
    """Per partner, fact and passage: the three, the row's rank in the partner's
    evidence-for-partner list and the row's values. A node whose rows differ
    only in what the order does not read (two statuses, two labels of one class) keeps its
    first row's place and carries each value once."""
    term = {name: ox.NamedNode(str(CSK) + name) for name in (*LINK_PROPERTIES, RANK_PROPERTY)}
    nodes: dict[str, ox.NamedNode] = {}
    triples = []
    for iri, name, value in passage_values(store):
        node = nodes.get(iri)
        if node is None:
            node = nodes[iri] = ox.NamedNode(iri)
        triples.append(ox.Triple(node, term[name], value))
    return triples
