"""What a fact family declares: its class, extractor, RDF mapping, label and curation key.

Kept apart from the registry in ``__init__`` so that each family module can import it
without importing the registry that imports them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from rdflib import URIRef
from rdflib.term import Node

from graph.model import Entity, Fact
from graph.vocab import entity_iri

Properties = Callable[[Any, Mapping[str, Entity]], list[tuple[URIRef, Node]]]
Label = Callable[[Any, Mapping[str, Entity]], str]


@dataclass(frozen=True)
class Family:
    """One kind of fact, everything the pipeline needs to know about it in one place.

    ``name`` is the ``type`` of a ``[[add]]`` entry in ``corpus/curation.toml``;
    ``entity_fields`` are the fields of the fact (and of such an entry) that hold entity
    keys, a single key or a tuple of them; ``properties`` gives the fact's own
    (predicate, object) pairs, beyond what every fact carries (type, label, status,
    method, sources and evidence); ``extract`` reads one sentence (its arguments differ
    from family to family: the extraction stage knows how to call each one).
    """

    name: str
    fact_type: type[Fact]
    rdf_class: URIRef
    properties: Properties
    label: Label
    entity_fields: tuple[str, ...]
    extract: Callable[..., list[Any]] | None = None

    def referenced(self, fact: Fact) -> set[str]:
        """The keys of the entities the fact names."""
        keys: set[str] = set()
        for field in self.entity_fields:
            value = getattr(fact, field)
            if isinstance(value, tuple):
                keys.update(value)
            elif value:
                keys.add(value)
        return keys


def ref(key: str, entities: Mapping[str, Entity]) -> URIRef:
    """The IRI of an entity the fact names (its kind decides the IRI's segment)."""
    entity = entities[key]
    return URIRef(entity_iri(entity.kind, entity.key))


def name(key: str | None, entities: Mapping[str, Entity]) -> str:
    """An entity's label for a fact's label, its key when it is unknown."""
    return entities[key].label if key and key in entities else (key or "")
