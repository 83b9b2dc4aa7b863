"""Each row's place in the order of a saved list, made once at build time.

The engine sorts an answer whole before its first row, so a list of 20,000 agreements or
facts made each of its rows, with every lookup a row needs, before the first 10,001 were
sent (the server's row cap): seconds on a graph a thousand times the corpus. A list whose
rows come in the order of one integer the build wrote declares it (``#+ rank: ?rank``)
and the server makes only the rows ranked up to just past the cap (``server/rank_cut.py``),
as top-partners does with ``csk:partnerRank``.

A rank here is the place of a row's subject in the saved query's own order, found by
sorting the merged graph on the query's sort keys (the same values, in the same order,
as the server's sort keys of ``server/sort_keys.py`` put them: a literal's datatype, then
its language, then its text), with the subject's IRI last to settle full ties, which the
query's ORDER BY leaves open. Subjects of one row (the rows of a GROUP BY) share a rank:
the ranks are dense over the row's key.

- ``csk:timelineRank`` (agreements-timeline): each agreement by its date (signed, else
  valid from, else the first document that reports it), then its title;
- ``csk:corroborationRank`` (facts-in-several-documents): each fact by its number of
  documents (most first), its class's label, then its label;
- ``csk:activityRank`` (spacecraft-for-other-countries): each spacecraft activity by the
  activity's label, the partner's label and what was built, delivered or launched (the
  spacecraft's label, else the text's description), and the rest of the row's key.

A rank makes a list make only the rows it sends, but each row still costs its lookups.
facts-in-several-documents also read each fact's documents and grouped its rows to list
them; the build lists them once per fact (``csk:documentList``: the IRIs of its
``prov:wasDerivedFrom`` documents, space-separated, as the query's GROUP_CONCAT wrote
them, in the engine's order), so a row is one lookup more instead of a group.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from graph.vocab import CSK

_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")

_PREFIXES = """PREFIX csk: <https://w3id.org/china-space-kg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


def _by(variable: str) -> str:
    """Sort keys ordering ``variable``'s literals as the server's kind keys do: by
    datatype, language, then text."""
    return f"STR(DATATYPE({variable})) LANG({variable}) STR({variable})"


@dataclass(frozen=True)
class Rank:
    """A rank property and the query listing its subjects in order: ``?subject``, and
    ``?key`` when several subjects may share a row (one rank per distinct key)."""

    name: str
    query: str


_TIMELINE = Rank(
    "timelineRank",
    f"""
SELECT ?subject WHERE {{
  {{
    SELECT ?subject ?title ?signedOn ?validFrom (MIN(STR(?issued)) AS ?firstReported) WHERE {{
      ?subject a csk:Agreement ;
          rdfs:label ?title ;
          prov:wasDerivedFrom/dcterms:issued ?issued .
      OPTIONAL {{ ?subject csk:signedOn ?signedOn }}
      OPTIONAL {{ ?subject csk:validFrom ?validFrom }}
    }}
    GROUP BY ?subject ?title ?signedOn ?validFrom
  }}
}}
ORDER BY COALESCE(STR(?signedOn), STR(?validFrom), ?firstReported) {_by("?title")} STR(?subject)
""",
)

_CORROBORATION = Rank(
    "corroborationRank",
    f"""
SELECT ?subject WHERE {{
  {{
    SELECT ?subject (COUNT(DISTINCT ?document) AS ?documentCount) WHERE {{
      ?subject prov:wasDerivedFrom ?document ;
          a ?class .
      ?class rdfs:subClassOf csk:Fact .
    }}
    GROUP BY ?subject
  }}
  ?subject a ?factClass ;
      rdfs:label ?factLabel .
  ?factClass rdfs:subClassOf csk:Fact ;
      rdfs:label ?factType .
}}
ORDER BY DESC(?documentCount) {_by("?factType")} {_by("?factLabel")} STR(?subject)
""",
)

_ACTIVITY = Rank(
    "activityRank",
    f"""
SELECT ?subject ?key WHERE {{
  ?subject a csk:SpacecraftActivity ;
      csk:activity ?activityConcept ;
      csk:partner ?partner ;
      csk:status ?statusConcept .
  ?activityConcept skos:prefLabel ?activityLabel .
  ?statusConcept skos:prefLabel ?status .
  ?partner rdfs:label ?partnerLabel .
  OPTIONAL {{ ?subject csk:spacecraft ?spacecraft . ?spacecraft rdfs:label ?spacecraftLabel }}
  OPTIONAL {{ ?subject csk:description ?description }}
  BIND(COALESCE(?spacecraftLabel, ?description, "spacecraft") AS ?what)
  BIND(CONCAT(STR(?activityConcept), " ", STR(?activityLabel), " ", COALESCE(STR(?spacecraft), ""),
              " ", STR(?what), " ", STR(?partner), " ", STR(?partnerLabel), " ", STR(?status))
       AS ?key)
}}
ORDER BY {_by("?activityLabel")} {_by("?partnerLabel")} {_by("?what")} ?key STR(?subject)
""",
)

# Per fact: its documents as facts-in-several-documents listed them.
_DOCUMENT_LIST = """
SELECT ?subject (GROUP_CONCAT(DISTINCT STR(?document); separator=" ") AS ?documents) WHERE {
  ?subject prov:wasDerivedFrom ?document ;
      a ?class .
  ?class rdfs:subClassOf csk:Fact .
}
GROUP BY ?subject
"""

RANKS = (_TIMELINE, _CORROBORATION, _ACTIVITY)
RANK_PROPERTIES = tuple(rank.name for rank in RANKS)  # for graph/summaries.py to drop
LIST_PROPERTIES = ("documentList",)  # likewise
# what the ranks and lists read (graph/summaries.py loads only their predicates)
QUERIES = (*(rank.query for rank in RANKS), _DOCUMENT_LIST)


def rank_triples(store: ox.Store) -> list[ox.Triple]:
    """The ranks of the store's default graph (the merged graph), 1 first, one per
    subject and rank property, and each fact's ``csk:documentList``. Summary triples
    already in it change neither."""
    triples = []
    for rank in RANKS:
        predicate = ox.NamedNode(str(CSK) + rank.name)
        placed: set[ox.NamedNode | ox.BlankNode] = set()
        place, last_key = 0, None
        results = store.query(_PREFIXES + rank.query)
        keyed = any(v.value == "key" for v in results.variables)
        for row in results:
            subject = row["subject"]
            if subject in placed:
                continue
            key = row["key"] if keyed else subject
            if key != last_key or place == 0:
                place, last_key = place + 1, key
            placed.add(subject)
            triples.append(ox.Triple(subject, predicate, ox.Literal(str(place), datatype=_INTEGER)))
    documents = ox.NamedNode(str(CSK) + "documentList")
    for row in store.query(_PREFIXES + _DOCUMENT_LIST):
        triples.append(ox.Triple(row["subject"], documents, row["documents"]))
    return triples
