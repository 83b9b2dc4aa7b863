"""A resource page's content: the resource's own triples, who links to it, and the facts
it takes part in grouped the way a researcher reads them (by mission, then area), each
with the passages that state it."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from server import resources_data as data
from server.backend import Backend
from server.resources_data import Evidence, Link, PropertyRow, Value
from server.resources_links import local_name

CSK = "https://w3id.org/china-space-kg/ontology#"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
RDFS_COMMENT = "http://www.w3.org/2000/01/rdf-schema#comment"
SKOS_DEFINITION = "http://www.w3.org/2004/02/skos/core#definition"
IDENTIFIERS = {
    CSK + "iso3166Alpha2": "ISO 3166-1 alpha-2",
    "http://purl.org/dc/terms/identifier": "Identifier",
}


@dataclass(frozen=True)
class FactView:
    link: Link
    kind: str  # local name of its csk: class, e.g. "Cooperation"
    evidence: tuple[Evidence, ...]
    partners: tuple[Link, ...] = ()
    area: Link | None = None
    mission: Link | None = None
    date: str | None = None
    method: Link | None = None  # how it was found: a concept of csk:ExtractionMethods


@dataclass(frozen=True)
class AreaGroup:
    area: Link | None
    facts: tuple[FactView, ...]


@dataclass(frozen=True)
class MissionGroup:
    mission: Link | None  # None: cooperation on no particular mission
    areas: tuple[AreaGroup, ...]


@dataclass
class ResourceView:
    iri: str
    label: str
    types: list[Link]
    alt_labels: list[str]
    identifiers: list[tuple[str, str]]
    comments: list[str]
    properties: list[PropertyRow]
    incoming: list[PropertyRow]
    cooperation: list[MissionGroup] = field(default_factory=list)
    agreements: list[FactView] = field(default_factory=list)
    other_facts: list[tuple[str, list[FactView]]] = field(default_factory=list)
    own_evidence: list[Evidence] = field(default_factory=list)
    curation: Link | None = None  # csk:Curated or csk:Discovered, for entities

    @property
    def discovered(self) -> bool:
        return self.curation is not None and self.curation.iri == CSK + "Discovered"

    @property
    def fact_count(self) -> int:
        return self.cooperation_count + len(self.agreements) + sum(
            len(fs) for _, fs in self.other_facts
        )

    @property
    def cooperation_count(self) -> int:
        return sum(len(a.facts) for m in self.cooperation for a in m.areas)

    @property
    def mission_count(self) -> int:
        return sum(1 for m in self.cooperation if m.mission is not None)

    @property
    def area_count(self) -> int:
        return len({a.area for m in self.cooperation for a in m.areas if a.area is not None})


def build_view(backend: Backend, iri: str) -> ResourceView:
    """Everything the resource page shows about ``iri`` (which must exist)."""
    out = data.outgoing(backend, iri)
    inc = data.incoming(backend, iri)
    mentions = data.evidence_rows(backend, iri, own=False)
    own = data.evidence_rows(backend, iri, own=True)
    fact_iris = {row[0] for row in mentions}
    details = data.fact_details(backend, fact_iris)

    named = {iri}
    named |= {p for p, _ in out} | {o.value for _, o in out if isinstance(o, ox.NamedNode)}
    named |= {p for p, _ in inc} | {x for _, x in inc}
    named |= {row[2] for row in mentions + own} | fact_iris
    for props in details.values():
        for key, values in props.items():
            if key not in ("signedOn",):
                named.update(values)
    names = data.labels(backend, named)

    own_types = sorted(o.value for p, o in out if p.endswith("22-rdf-syntax-ns#type"))
    view = ResourceView(
        iri=iri,
        label=names.get(iri, local_name(iri)),
        types=[Link(t, names.get(t, local_name(t))) for t in own_types],
        alt_labels=sorted({o.value for p, o in out if p == SKOS_ALT}),
        identifiers=sorted((IDENTIFIERS[p], o.value) for p, o in out if p in IDENTIFIERS),
        comments=sorted({o.value for p, o in out if p in (RDFS_COMMENT, SKOS_DEFINITION)}),
        properties=data.property_rows(out, names),
        incoming=_incoming_rows(inc, names),
        own_evidence=_evidence(own, names),
    )
    status = sorted(o.value for p, o in out if p == CSK + "curationStatus")
    view.curation = Link(status[0], names.get(status[0], local_name(status[0]))) if status else None
    facts = _fact_views(mentions, details, names)
    view.cooperation = _by_mission(f for f in facts if f.kind == "Cooperation")
    view.agreements = sorted(
        (f for f in facts if f.kind == "Agreement"), key=lambda f: (f.date or "9999", f.link.label)
    )
    others: dict[str, list[FactView]] = {}
    for f in facts:
        if f.kind not in ("Cooperation", "Agreement"):
            others.setdefault(names.get(CSK + f.kind, f.kind), []).append(f)
    view.other_facts = sorted(others.items())
    return view


def _incoming_rows(pairs: list[tuple[str, str]], names: dict[str, str]) -> list[PropertyRow]:
    grouped: dict[str, list[Value]] = {}
    for p, x in pairs:
        grouped.setdefault(p, []).append(Value(names.get(x, x), Link(x, names.get(x, x))))
    return [
        PropertyRow(Link(p, names.get(p, local_name(p))), tuple(sorted(vs, key=lambda v: v.text)))
        for p, vs in sorted(grouped.items())
    ]


def _evidence(
    rows: list[tuple[str, str, str, int, int, str]], names: dict[str, str]
) -> list[Evidence]:
    found = {
        Evidence(Link(doc, names.get(doc, local_name(doc))), start, end, exact)
        for _, _, doc, start, end, exact in rows
    }
    return sorted(found, key=lambda e: (e.document.label, e.start))


def _fact_views(
    rows: list[tuple[str, str, str, int, int, str]],
    details: dict[str, dict[str, list[str]]],
    names: dict[str, str],
) -> list[FactView]:
    by_fact: dict[str, list[tuple[str, str, str, int, int, str]]] = {}
    for row in rows:
        by_fact.setdefault(row[0], []).append(row)
    views = []
    for fact, fact_rows in by_fact.items():
        props = details.get(fact, {})
        kinds = [local_name(t) for t in props.get("type", []) if t.startswith(CSK)]

        def link(key: str, props: dict[str, list[str]] = props) -> Link | None:
            values = sorted(props.get(key, []))
            return Link(values[0], names.get(values[0], values[0])) if values else None

        partners = sorted(set(props.get("partner", []) + props.get("party", [])))
        views.append(
            FactView(
                link=Link(fact, names.get(fact, local_name(fact))),
                kind=kinds[0] if kinds else "Fact",
                evidence=tuple(_evidence(fact_rows, names)),
                partners=tuple(Link(p, names.get(p, p)) for p in partners),
                area=link("area"),
                mission=link("mission"),
                date=min(props.get("signedOn", []), default=None),
                method=link("method"),
            )
        )
    return sorted(views, key=lambda f: f.link.label)


def _by_mission(facts) -> list[MissionGroup]:
    """Cooperation facts grouped by mission, then by area; "no particular mission" last."""
    missions: dict[Link | None, dict[Link | None, list[FactView]]] = {}
    for f in facts:
        missions.setdefault(f.mission, {}).setdefault(f.area, []).append(f)

    def order(link: Link | None) -> tuple[int, str]:
        return (1, "") if link is None else (0, link.label.casefold())

    return [
        MissionGroup(
            mission,
            tuple(
                AreaGroup(area, tuple(fs))
                for area, fs in sorted(areas.items(), key=lambda kv: order(kv[0]))
            ),
        )
        for mission, areas in sorted(missions.items(), key=lambda kv: order(kv[0]))
    ]
