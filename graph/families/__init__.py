"""The fact families: one module each, and the registry the pipeline loops over.

A family module declares ``FAMILY``, a :class:`Family` with its model class, its csk:
class, its RDF mapping, its label, the curation fields that name entities and its
sentence-level extractor. ``graph.rdf`` and ``graph.curation`` (and extraction) look a
family up here rather than matching on fact types, so adding a family (launches, say)
is one module here plus its ontology terms, shapes and fixtures.

``FAMILIES`` is in reading order: the order in which extraction asks each family about
a sentence (agreements first, since their parties are not also cooperation partners;
cooperation after spacecraft activities and ground stations, which take their partners).
"""

from __future__ import annotations

from graph.families import (
    agreement,
    cooperation,
    cooperation_total,
    ground_station,
    participation,
    spacecraft_activity,
)
from graph.families.base import Family
from graph.model import Fact

__all__ = ["FAMILIES", "Family", "by_name", "of"]

FAMILIES: tuple[Family, ...] = (
    agreement.FAMILY,
    spacecraft_activity.FAMILY,
    ground_station.FAMILY,
    cooperation.FAMILY,
    participation.FAMILY,
    cooperation_total.FAMILY,
)

BY_NAME: dict[str, Family] = {f.name: f for f in FAMILIES}
BY_TYPE: dict[type[Fact], Family] = {f.fact_type: f for f in FAMILIES}


def by_name(name: str) -> Family:
    """The family a curation entry's ``type`` names.

    :raises KeyError: no family has that name.
    """
    return BY_NAME[name]


def of(fact: Fact | type[Fact]) -> Family:
    """The family of a fact or fact type.

    :raises KeyError: the type belongs to no family.
    """
    return BY_TYPE[fact if isinstance(fact, type) else type(fact)]
