"""Counts per cooperation area and status, and each fact's number of documents, made once
at build time.

Two saved queries aggregated every fact of the graph on every run: areas-and-missions
(partners, cooperations and missions per area, for a status) and facts-in-several-documents
(each fact's documents). On a graph a thousand times the corpus that took seconds for an
answer that only changes when the graph does. The build makes them here, from the merged
graph, as plain triples of the summaries graph (``graph/summaries.py`` registers them):

- one node per (area, status) pair and per area for "any" status
  (``.../id/area-status/area/<area>/<status>``) with the area (``csk:ofArea``), the status
  key the query's parameter takes (``csk:statusKey``), ``csk:partnerCount``,
  ``csk:cooperationCount``, ``csk:missionCount`` and the missions' labels
  (``csk:missionLabels``);
- per fact, ``csk:documentCount``: the documents it is derived from.

Each is the aggregate the query used to make, so the answers stay the same; the mission
labels are sorted, where the query gave them in whatever order the engine met them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from graph.vocab import CSK

AREA_STATUS = "https://w3id.org/china-space-kg/id/area-status/"  # the nodes' namespace
_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
ANY_STATUS = "any"  # the status key of the counts over every status
# The properties below, for graph/summaries.py to drop before a recount.
COUNT_PROPERTIES = ("ofArea", "statusKey", "missionLabels")

_PREFIXES = """PREFIX csk: <https://w3id.org/china-space-kg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""

# Per area and status: the cooperations with a partner, a status and an area that has a
# label, as the saved query areas-and-missions reads them; counted per status (the status
# concept's local name) and for "any" status in count_triples.
_AREA_ROWS = """
SELECT ?area ?statusConcept ?cooperation ?partner ?mission ?missionLabel WHERE {
  ?cooperation a csk:Cooperation ;
      csk:area ?area ;
      csk:partner ?partner ;
      csk:status ?statusConcept .
  ?area skos:prefLabel ?areaLabel .
  OPTIONAL { ?cooperation csk:mission ?mission . ?mission rdfs:label ?missionLabel }
}
"""

# Per fact: the documents it is derived from (an entity first named in a document is
# derived from it too, but is no fact).
_PER_FACT = """
SELECT ?fact (COUNT(DISTINCT ?document) AS ?documentCount) WHERE {
  ?fact prov:wasDerivedFrom ?document ;
      a ?class .
  ?class rdfs:subClassOf csk:Fact .
}
GROUP BY ?fact
"""


QUERIES = (_AREA_ROWS, _PER_FACT)  # what the counts read (graph/summaries.py filters by it)


def _term(name: str) -> ox.NamedNode:
    return ox.NamedNode(str(CSK) + name)


def area_status_node(area: str, status: str) -> ox.NamedNode:
    """The node of an area's counts for a status (``any``: every status)."""
    return ox.NamedNode(f"{AREA_STATUS}{area.split('/id/', 1)[-1]}/{status}")


def count_triples(store: ox.Store) -> list[ox.Triple]:
    """The counts per (area, status) and per fact of the store's default graph (the
    merged graph). Summary triples already in it change no count."""
    groups: dict[tuple[ox.NamedNode, str], _Group] = defaultdict(_Group)
    for row in store.query(_PREFIXES + _AREA_ROWS):
        status = row["statusConcept"].value.rpartition("/status/")[2]
        for key in ((row["area"], ANY_STATUS), (row["area"], status)):
            groups[key].add(row)
    triples = []
    for (area, status), group in groups.items():
        node = area_status_node(area.value, status)
        triples += [
            ox.Triple(node, _term("ofArea"), area),
            ox.Triple(node, _term("statusKey"), ox.Literal(status)),
            ox.Triple(node, _term("missionLabels"), ox.Literal(", ".join(sorted(group.labels)))),
        ]
        triples += [
            ox.Triple(node, _term(name), ox.Literal(str(len(members)), datatype=_INTEGER))
            for name, members in (("partnerCount", group.partners),
                                  ("cooperationCount", group.cooperations),
                                  ("missionCount", group.missions))
        ]
    for row in store.query(_PREFIXES + _PER_FACT):
        triples.append(ox.Triple(row["fact"], _term("documentCount"), row["documentCount"]))
    return triples


@dataclass
class _Group:
    """The distinct partners, cooperations, missions and mission labels of one area and
    status (the COUNT(DISTINCT ...) and GROUP_CONCAT(DISTINCT ...) of the query)."""

    partners: set = field(default_factory=set)
    cooperations: set = field(default_factory=set)
    missions: set = field(default_factory=set)
    labels: set = field(default_factory=set)

    def add(self, row: ox.QuerySolution) -> None:
        self.partners.add(row["partner"])
        self.cooperations.add(row["cooperation"])
        if row["mission"] is not None:
            self.missions.add(row["mission"])
            self.labels.add(row["missionLabel"].value)
