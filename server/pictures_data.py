"""What the pictures draw (a timeline, the partner network, a world map), read with
SPARQL through the app's backend, as the pages' other data is.

The same values are embedded in the pages as JSON for the drawing scripts and rendered
as tables beside each picture, so a screen reader or a copy and paste gets what the
picture shows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pycountry
import pyoxigraph as ox

from server import resources_data as data
from server.backend import Backend
from server.resources_links import href, local_name

CSK = "https://w3id.org/china-space-kg/ontology#"
# Facts are told from entities by their csk:status, which every fact has (shape FactStatus).
CHINA = "https://w3id.org/china-space-kg/id/country/china"
STATUS_PREFIX = "https://w3id.org/china-space-kg/id/status/"

# A fact mentions a resource in any role; a mission's facts include its parts' facts
# (Queqiao's for Chang'e-4), as the resource page counts them.
_ABOUT = "{ ?fact ?role ?s } UNION { ?part csk:partOf+ ?s . ?fact ?role ?part }"


@dataclass(frozen=True)
class TimelineItem:
    """One fact placed in time: by the date it was signed (as precise as the text gives
    it), the period it is valid for, or else the date of the first document reporting it."""

    iri: str
    label: str
    kind: str  # label of its class: "agreement", "cooperation"...
    status: str  # "achieved", "planned", or "" when the graph says neither
    start: str  # "2021", "2021-03" or "2021-03-14"
    end: str | None  # the last year of a validity period
    basis: str  # "signed", "valid" or "reported"
    document: str  # label of the first document that reports it
    partners: tuple[str, ...] = ()

    @property
    def href(self) -> str:
        return href(self.iri)

    @property
    def when(self) -> str:
        """The date as a person reads it: "2013–2017", "2021-03"."""
        return f"{self.start}–{self.end}" if self.end and self.end != self.start else self.start

    def as_json(self) -> dict[str, Any]:
        # by hand: dataclasses.asdict deep-copies, a tenth of the home page's time
        return {
            "iri": self.iri, "label": self.label, "kind": self.kind, "status": self.status,
            "start": self.start, "end": self.end, "basis": self.basis,
            "document": self.document, "partners": list(self.partners),
            "href": self.href, "when": self.when,
        }


def timeline(backend: Backend, about: str | None = None) -> list[TimelineItem]:
    """Every fact (or every fact that mentions ``about``), earliest first."""
    focus = _ABOUT if about else ""
    # a substituted variable must be projected
    body = f"""
    SELECT {"?s" if about else ""} ?fact ?type ?status ?signed ?from ?until ?doc ?issued ?who
    WHERE {{
      {focus}
      ?fact csk:status ?status ; a ?type ; prov:wasDerivedFrom ?doc .
      FILTER(STRSTARTS(STR(?type), STR(csk:)))
      ?doc dcterms:issued ?issued .
      OPTIONAL {{ ?fact csk:signedOn ?signed }}
      OPTIONAL {{ ?fact csk:validFrom ?from }}
      OPTIONAL {{ ?fact csk:validUntil ?until }}
      OPTIONAL {{ VALUES ?with {{ csk:partner csk:party csk:organisation }} ?fact ?with ?who }}
    }}"""
    bindings = {"s": ox.NamedNode(about)} if about else {}
    facts: dict[str, dict[str, Any]] = {}
    for row in data.run(backend, body, **bindings):
        fact = facts.setdefault(row["fact"].value, {"docs": {}, "who": set()})
        fact["type"] = row["type"].value
        for key in ("status", "signed", "from", "until"):
            if row[key] is not None:
                fact[key] = row[key].value
        fact["docs"][row["doc"].value] = row["issued"].value
        if row["who"] is not None and row["who"].value != CHINA:
            fact["who"].add(row["who"].value)
    names = data.labels(
        backend,
        {i for f in facts.values() for i in (f["type"], *f["docs"], *f["who"])} | set(facts),
    )
    items = []
    for iri, fact in facts.items():
        first_doc = min(fact["docs"], key=lambda d: (fact["docs"][d], d))
        if "signed" in fact:
            start, end, basis = fact["signed"], None, "signed"
        elif "from" in fact or "until" in fact:
            start = fact.get("from") or fact["until"]
            end, basis = fact.get("until") or fact.get("from"), "valid"
        else:
            start, end, basis = fact["docs"][first_doc], None, "reported"
        status = fact.get("status", "")
        items.append(
            TimelineItem(
                iri=iri,
                label=names[iri],
                kind=names[fact["type"]],
                status=status[len(STATUS_PREFIX) :] if status.startswith(STATUS_PREFIX) else "",
                start=start,
                end=end,
                basis=basis,
                document=names[first_doc],
                partners=tuple(sorted(names[w] for w in fact["who"])),
            )
        )
    return sorted(items, key=lambda i: (i.start, i.kind, i.label))


@dataclass(frozen=True)
class Node:
    iri: str
    label: str
    kind: str  # label of its class: "country", "mission"...
    facts: int  # facts it takes part in (its size in the picture)

    def as_json(self) -> dict[str, Any]:
        return {"iri": self.iri, "label": self.label, "kind": self.kind, "facts": self.facts,
                "href": href(self.iri)}


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    facts: int  # facts that link the two
    label: str = ""  # the property that links them, in the neighbourhood of a resource


@dataclass
class Network:
    """Nodes and edges, with the resource the picture is centred on (None: the whole)."""

    nodes: list[Node]
    edges: list[Edge]
    focus: str | None = None
    left_out: int = 0  # neighbours not drawn (past MAX_NEIGHBOURS)

    def as_json(self) -> dict[str, Any]:
        return {
            "nodes": [n.as_json() for n in self.nodes],
            "edges": [
                {"source": e.source, "target": e.target, "facts": e.facts, "label": e.label}
                for e in self.edges
            ],
            "focus": self.focus,
        }

    def neighbours(self) -> dict[str, list[Node]]:
        """Each node's linked nodes, for the table beside the picture."""
        by_iri = {n.iri: n for n in self.nodes}
        out: dict[str, list[Node]] = {n.iri: [] for n in self.nodes}
        for e in self.edges:
            out[e.source].append(by_iri[e.target])
            out[e.target].append(by_iri[e.source])
        return {k: sorted(v, key=lambda n: n.label.casefold()) for k, v in out.items()}


def partner_network(backend: Backend) -> Network:
    """China, the partners of its facts, and the missions and spacecraft they share:
    China is linked to each partner, each partner to each mission or spacecraft of a
    fact they take part in; each link and node counts its facts."""
    body = """
    SELECT ?fact ?who ?thing WHERE {
      VALUES ?role { csk:partner csk:party csk:organisation }
      ?fact csk:status ?status ; ?role ?who .
      OPTIONAL { VALUES ?on { csk:mission csk:spacecraft } ?fact ?on ?thing }
    }"""
    node_facts: dict[str, set[str]] = {}
    edge_facts: dict[tuple[str, str], set[str]] = {}
    for row in data.run(backend, body):
        fact, who = row["fact"].value, row["who"].value
        if who == CHINA:
            continue
        pairs = [(CHINA, who)]
        if row["thing"] is not None:
            pairs.append((who, row["thing"].value))
        for a, b in pairs:
            edge_facts.setdefault((a, b), set()).add(fact)
            node_facts.setdefault(a, set()).add(fact)
            node_facts.setdefault(b, set()).add(fact)
    nodes = _nodes(backend, {iri: len(fs) for iri, fs in node_facts.items()})
    edges = [Edge(a, b, len(fs)) for (a, b), fs in sorted(edge_facts.items())]
    return Network(nodes, edges)


MAX_NEIGHBOURS = 60


def neighbourhood(backend: Backend, iri: str, links: Iterable[tuple[str, str, str]]) -> Network:
    """The picture of one resource: its part of the partner network when it is in it
    (its neighbours and the links among them), else the resources it links to and
    from (``links``: (predicate label, from, to) triples, as its page lists them)."""
    whole = partner_network(backend)
    if any(n.iri == iri for n in whole.nodes):
        near = {iri} | {b for a, b, *_ in _pairs(whole) if a == iri}
        if iri != CHINA:
            near.add(CHINA)
        edges = [e for e in whole.edges if e.source in near and e.target in near]
        linked = {e.source for e in edges} | {e.target for e in edges} | {iri}
        nodes = [n for n in whole.nodes if n.iri in linked]
        return Network(nodes, edges, focus=iri)
    edge_map: dict[tuple[str, str], str] = {}
    for label, a, b in links:
        if a != b and "/id/evidence/" not in a + b:
            edge_map.setdefault((a, b), label)
    neighbours = sorted({x for pair in edge_map for x in pair} - {iri})
    kept = set(neighbours[:MAX_NEIGHBOURS]) | {iri}
    edges = [Edge(a, b, 1, label) for (a, b), label in sorted(edge_map.items())
             if a in kept and b in kept]
    counts = Counter(x for e in edges for x in (e.source, e.target))
    nodes = _nodes(backend, {x: counts[x] for x in kept})
    return Network(nodes, edges, focus=iri, left_out=len(neighbours) + 1 - len(kept))


def _pairs(network: Network) -> Iterable[tuple[str, str]]:
    for e in network.edges:
        yield e.source, e.target
        yield e.target, e.source


def _nodes(backend: Backend, facts: dict[str, int]) -> list[Node]:
    """Nodes with their labels and the label of their csk: class (else of any class)."""
    if not facts:
        return []
    body = (
        "SELECT ?x ?type WHERE { "
        + data.values_clause("x", facts)
        + " ?x a ?type }"
    )
    types: dict[str, str] = {}
    for row in data.run(backend, body):
        x, t = row["x"].value, row["type"].value
        if x not in types or (t.startswith(CSK) and not types[x].startswith(CSK)):
            types[x] = t
    names = data.labels(backend, set(facts) | set(types.values()))
    nodes = [
        Node(iri, names.get(iri, local_name(iri)), names.get(types.get(iri, ""), "resource"), n)
        for iri, n in facts.items()
    ]
    return sorted(nodes, key=lambda n: (-n.facts, n.label.casefold()))


@dataclass(frozen=True)
class MapCountry:
    """A partner country as the map shades it."""

    iri: str
    label: str
    iso2: str
    numeric: str | None  # ISO 3166-1 numeric: how the boundary data set names countries
    facts: int
    by_kind: tuple[tuple[str, int], ...] = field(default=())

    @property
    def href(self) -> str:
        return href(self.iri)

    @property
    def summary(self) -> str:
        """ "14 cooperation, 3 agreement" """
        return ", ".join(f"{n} {kind}" for kind, n in self.by_kind)

    def as_json(self) -> dict[str, Any]:
        return {
            "iri": self.iri, "label": self.label, "iso2": self.iso2, "numeric": self.numeric,
            "facts": self.facts, "by_kind": [list(kn) for kn in self.by_kind],
            "href": self.href, "summary": self.summary,
        }


def iso_numeric(alpha2: str) -> str | None:
    """ISO 3166-1 numeric code of an alpha-2 code (None for codes the standard lacks,
    such as the user-assigned XK)."""
    country = pycountry.countries.get(alpha_2=alpha2.upper())
    return country.numeric if country else None


def partner_countries(backend: Backend) -> list[MapCountry]:
    """The countries China's facts name as partner or party, with their facts counted
    by class, most facts first; China itself is left out (it is every fact's centre)."""
    china = ox.NamedNode(CHINA)  # written by pyoxigraph, as every term a page query holds
    body = f"""
    SELECT ?country ?iso ?type (COUNT(DISTINCT ?fact) AS ?n) WHERE {{
      VALUES ?role {{ csk:partner csk:party }}
      ?country a csk:Country ; csk:iso3166Alpha2 ?iso .
      ?fact ?role ?country ; csk:status ?status ; a ?type .
      FILTER(STRSTARTS(STR(?type), STR(csk:)) && ?country != {china})
    }} GROUP BY ?country ?iso ?type"""
    found: dict[str, dict[str, Any]] = {}
    for row in data.run(backend, body):
        entry = found.setdefault(row["country"].value, {"iso": row["iso"].value, "kinds": {}})
        entry["kinds"][row["type"].value] = int(row["n"].value)
    names = data.labels(backend, set(found) | {t for e in found.values() for t in e["kinds"]})
    countries = [
        MapCountry(
            iri=iri,
            label=names[iri],
            iso2=entry["iso"],
            numeric=iso_numeric(entry["iso"]),
            facts=sum(entry["kinds"].values()),
            by_kind=tuple(
                sorted(((names[t], n) for t, n in entry["kinds"].items()), key=lambda kn: -kn[1])
            ),
        )
        for iri, entry in found.items()
    ]
    return sorted(countries, key=lambda c: (-c.facts, c.label.casefold()))


def iso_codes() -> dict[str, dict[str, str]]:
    """Every ISO 3166-1 alpha-2 code with its numeric code and name, for the editor's
    map view, which gets only the codes from a query's results."""
    return {c.alpha_2: {"numeric": c.numeric, "name": c.name} for c in pycountry.countries}
