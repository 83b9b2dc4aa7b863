"""What a fact family declares: its class, extractor, RDF mapping, label and curation key.

Kept apart from the registry in ``__init__`` so that each family module can import it
without importing the registry that imports them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from rdflib import URIRef
from rdflib.term import Node

from graph.gazetteer import Gazetteer
from graph.grammar import Group
from graph.model import Agreement, Entity, Fact, GroundStation, SpacecraftActivity
from graph.reading import Sentence
from graph.vocab import entity_iri

Properties = Callable[[Any, Mapping[str, Entity]], list[tuple[URIRef, Node]]]
Label = Callable[[Any, Mapping[str, Entity]], str]


@dataclass
class Reading:
    """What the families have made of one sentence so far: its partner lists and the
    facts of the families read before (an agreement's parties are not also cooperation
    partners; a partner a spacecraft was built for is not a cooperation of its own)."""

    groups: list[Group]
    gazetteer: Gazetteer
    found: list[Fact] = field(default_factory=list)

    @property
    def parties(self) -> frozenset[str]:
        return frozenset(p for f in self.found if isinstance(f, Agreement) for p in f.parties)

    @property
    def crafts(self) -> frozenset[str]:
        """Spacecraft the sentence's spacecraft activities are about."""
        return frozenset(
            f.spacecraft for f in self.found if isinstance(f, SpacecraftActivity) and f.spacecraft
        )

    @property
    def busy(self) -> frozenset[str]:
        """Partners of spacecraft activities and ground stations in the sentence (not of a
        launch sold as a service: the cooperation in launch services stands beside it)."""
        return frozenset(
            f.partner
            for f in self.found
            if isinstance(f, SpacecraftActivity | GroundStation)
            and not (f.method == "spacecraft-trade" and f.activity == "launched")
        )


Read = Callable[[Sentence, Reading], list[Any]]


@dataclass(frozen=True)
class Family:
    """One kind of fact, everything the pipeline needs to know about it in one place.

    ``name`` is the ``type`` of a ``[[add]]`` entry in ``corpus/curation.toml``;
    ``entity_fields`` are the fields of the fact (and of such an entry) that hold entity
    keys, a single key or a tuple of them; ``properties`` gives the fact's own
    (predicate, object) pairs, beyond what every fact carries (type, label, status,
    method, sources and evidence); ``read`` gives the facts one sentence states, in the
    light of the families read before it, and ``method`` names how they were found.
    """

    name: str
    fact_type: type[Fact]
    rdf_class: URIRef
    properties: Properties
    label: Label
    entity_fields: tuple[str, ...]
    read: Read | None = None  # the facts one sentence states, given the reading so far
    method: str = ""  # the method its facts carry when the rule names no finer one

    def referenced(self, fact: Fact) -> set[str]:
        """The keys of the entities the fact names."""
        keys: set[str] = set()
        for name_ in self.entity_fields:
            value = getattr(fact, name_)
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
