"""The pictures of a page: what the home page and a resource page draw, ready for the
templates (the values for the tables beside each picture, and the same values as JSON
for the drawing scripts), and the small JSON answers the pages' scripts can fetch."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from server import pictures_data as pd
from server import resources_data as data
from server.backend import Backend
from server.errors import BadRequest
from server.resources_view import ResourceView

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@dataclass
class Pictures:
    """What one page draws; an empty part is not drawn."""

    timeline: list[pd.TimelineItem]
    network: pd.Network | None = None
    countries: list[pd.MapCountry] | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "timeline": [i.as_json() for i in self.timeline],
            "network": self.network.as_json() if self.network else None,
            "countries": [c.as_json() for c in self.countries or []],
        }


def home_pictures(backend: Backend) -> Pictures:
    """The whole graph: every fact in time, the whole partner network, the partner map."""
    return Pictures(
        pd.timeline(backend), pd.partner_network(backend), pd.partner_countries(backend)
    )


def view_links(view: ResourceView) -> list[tuple[str, str, str]]:
    """(property label, from, to) for each link the resource page lists, classes left
    out: every resource has one and they say nothing about its neighbours."""
    links = [
        (row.predicate.label, view.iri, value.link.iri)
        for row in view.properties
        if row.predicate.iri != RDF_TYPE
        for value in row.values
        if value.link is not None
    ]
    links += [
        (row.predicate.label, value.link.iri, view.iri)
        for row in view.incoming
        for value in row.values
        if value.link is not None
    ]
    return links


def resource_pictures(backend: Backend, view: ResourceView) -> Pictures:
    """One resource: the facts that mention it in time (when there are any) and its
    neighbourhood."""
    items = pd.timeline(backend, view.iri) if view.fact_count else []
    network = pd.neighbourhood(backend, view.iri, view_links(view))
    return Pictures(items, network if len(network.nodes) > 1 else None)


def about_iri(value: str | None) -> str | None:
    """The ``about`` argument of a JSON answer: absent, or an absolute IRI.

    :raises BadRequest: not an IRI.
    """
    if not value:
        return None
    try:
        return ox.NamedNode(value).value
    except ValueError:
        raise BadRequest(
            f"'about' must be an absolute IRI such as "
            f"https://w3id.org/china-space-kg/id/country/russia; got {value[:80]!r}"
        ) from None


def network_json(backend: Backend, about: str | None) -> dict[str, Any]:
    """The whole partner network, or the neighbourhood of ``about`` (links as its page
    lists them)."""
    if about is None:
        return pd.partner_network(backend).as_json()
    links = []
    for predicate, obj in data.outgoing(backend, about):
        if predicate != RDF_TYPE and isinstance(obj, ox.NamedNode):
            links.append((predicate, about, obj.value))
    for predicate, subject in data.incoming(backend, about):
        links.append((predicate, subject, about))
    names = data.labels(backend, {p for p, _, _ in links})
    labelled = [(names.get(p, p), a, b) for p, a, b in links]
    return pd.neighbourhood(backend, about, labelled).as_json()
