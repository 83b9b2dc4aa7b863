"""The curated names the extractor recognises: entities with their aliases, demonyms and
abbreviations, and the phrases that name cooperation areas.

Countries come from pycountry (ISO 3166-1); ``ontology/reference/*.ttl`` adds missions,
spacecraft, organisations, the short names and adjectives of countries, and area cues.
The reference data is recognition knowledge only: it never says who cooperated on what.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pycountry
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from graph.demonyms import demonyms
from graph.errors import InputError
from graph.model import Entity, EntityKind, slugify
from graph.vocab import CSK, ID

REFERENCE_DIR = "reference"
CHINA = "china"
_ISO = "urn:iso:std:iso:3166:-1:"
_KIND_OF_CLASS = {CSK[k.value]: k for k in EntityKind}
_AREA_PREFIX = f"{ID}area/"
_UNITED_NATIONS = "United Nations "


@dataclass(frozen=True)
class Gazetteer:
    """Entities by key, every surface form with the entity it names, and area cues."""

    entities: dict[str, Entity]
    forms: tuple[tuple[str, str], ...]  # (surface form, entity key)
    domestic: frozenset[str]  # China and Chinese organisations: never partners
    adjectival: frozenset[str]  # forms that are demonyms or adjectives ("Dutch")
    area_cues: tuple[tuple[str, str], ...]  # (phrase, area key)
    section_cues: tuple[tuple[str, str], ...] = field(default=())  # heading-only cues
    default_areas: dict[str, str] = field(default_factory=dict)  # mission key -> area key
    domestic_places: frozenset[str] = frozenset()  # "Taiyuan": a body named after one is Chinese

    def kind(self, key: str) -> EntityKind:
        return self.entities[key].kind

    @cached_property
    def country_keys(self) -> dict[str, str]:
        """ISO 3166-1 alpha-2 code -> country key, worked out once per gazetteer."""
        return {e.iso2: e.key for e in self.entities.values() if e.iso2}


def _texts(graph: Graph, subject: URIRef, predicate: URIRef) -> list[str]:
    return sorted(str(o) for o in graph.objects(subject, predicate) if isinstance(o, Literal))


def _country_entities(extras: Graph) -> list[Entity]:
    out = []
    for country in pycountry.countries:
        subject = URIRef(_ISO + country.alpha_2)
        curated = _texts(extras, subject, RDFS.label)
        label = curated[0] if curated else getattr(country, "common_name", None) or country.name
        names = {country.name, getattr(country, "common_name", None) or country.name} - {label}
        out.append(
            Entity(
                key=slugify(label),
                kind=EntityKind.COUNTRY,
                label=label,
                alt_labels=tuple(sorted(names)),
                match_forms=tuple(
                    _texts(extras, subject, SKOS.hiddenLabel) + _demonyms(extras, subject, country)
                ),
                iso2=country.alpha_2,
            )
        )
    return out


def _demonyms(extras: Graph, subject: URIRef, country: object) -> list[str]:
    """The reference file's demonyms, else the one the countryinfo data gives."""
    curated = _texts(extras, subject, CSK.demonym)
    if curated:
        return curated
    known = demonyms().get(country.alpha_2)  # type: ignore[attr-defined]
    return [known] if known else []


def _curated_entities(graph: Graph, source: Path) -> tuple[list[Entity], set[str]]:
    entities, domestic = [], set()
    for cls, kind in _KIND_OF_CLASS.items():
        if kind is EntityKind.COUNTRY:
            continue
        for subject in sorted(graph.subjects(RDF.type, cls)):
            labels = _texts(graph, subject, RDFS.label)
            key = str(subject).rsplit("/", 1)[-1]
            if len(labels) != 1 or slugify(labels[0]) != key:
                raise InputError(
                    f"{source}: {subject} needs exactly one rdfs:label whose slug is {key!r}"
                )
            parents = tuple(
                sorted(str(p).rsplit("/", 1)[-1] for p in graph.objects(subject, CSK.partOf))
            )
            category = _texts(graph, subject, CSK.category)
            entities.append(
                Entity(
                    key=key,
                    kind=kind,
                    label=labels[0],
                    alt_labels=tuple(_texts(graph, subject, SKOS.altLabel)),
                    match_forms=tuple(
                        _texts(graph, subject, SKOS.hiddenLabel)
                        + _texts(graph, subject, CSK.demonym)
                    ),
                    part_of=parents,
                    category=category[0] if category else None,
                )
            )
            if "CN" in _texts(graph, subject, CSK.country):
                domestic.add(key)
    return entities, domestic


def _cues(graph: Graph, predicate: URIRef) -> list[tuple[str, str]]:
    return sorted(
        (str(o), str(s)[len(_AREA_PREFIX) :])
        for s, o in graph.subject_objects(predicate)
        if str(s).startswith(_AREA_PREFIX)
    )


def read_gazetteer(ontology_dir: Path) -> Gazetteer:
    """Load ``ontology/reference/*.ttl`` and pycountry into a gazetteer.

    :raises InputError: a reference file is missing, malformed or breaks the key rule.
    """
    folder = ontology_dir / REFERENCE_DIR
    files = sorted(folder.glob("*.ttl"))
    if not files:
        raise InputError(f"{folder}: no reference data (*.ttl); restore ontology/reference/")
    graph = Graph()
    for path in files:
        try:
            graph.parse(path, format="turtle")
        except Exception as exc:  # rdflib raises several unrelated types
            raise InputError(f"{path}: not valid Turtle ({exc}); fix the syntax") from None
    entities, domestic = _curated_entities(graph, folder)
    entities += _country_entities(graph)
    # regions ISO 3166 lists apart from China that are China's (Hong Kong, Macao)
    domestic |= {
        slugify(getattr(c, "common_name", None) or c.name)
        for c in pycountry.countries
        if "CN" in _texts(graph, URIRef(_ISO + c.alpha_2), CSK.country)
    }
    by_key: dict[str, Entity] = {}
    for entity in entities:
        if entity.key in by_key:
            raise InputError(f"{folder}: two entities have the key {entity.key!r}; rename one")
        by_key[entity.key] = entity
    schemes = ontology_dir / "schemes.ttl"
    known_areas = set()
    if schemes.is_file():
        scheme_graph = Graph().parse(schemes, format="turtle")
        known_areas = {
            str(s)[len(_AREA_PREFIX) :]
            for s in scheme_graph.subjects(RDF.type, SKOS.Concept)
            if str(s).startswith(_AREA_PREFIX)
        }
    area_cues = _cues(graph, SKOS.hiddenLabel)
    section_cues = _cues(graph, CSK.sectionCue)
    for _phrase, area in area_cues + section_cues:
        if known_areas and area not in known_areas:
            raise InputError(f"{folder}: area {area!r} is not a concept of {schemes}; add it there")
    forms = []
    for entity in by_key.values():
        for form in (entity.label, *entity.alt_labels, *entity.match_forms):
            forms.append((form, entity.key))
            # "the UN Office for Outer Space Affairs": a UN body's name as writers shorten it
            if form.startswith(_UNITED_NATIONS):
                forms.append(("UN " + form.removeprefix(_UNITED_NATIONS), entity.key))
    default_areas = {
        str(s).rsplit("/", 1)[-1]: str(o)[len(_AREA_PREFIX) :]
        for s, o in graph.subject_objects(CSK.defaultArea)
    }
    return Gazetteer(
        domestic_places=frozenset(str(o) for o in graph.objects(None, CSK.placeName)),
        default_areas=default_areas,
        entities=by_key,
        forms=tuple(sorted(set(forms))),
        domestic=frozenset(domestic | {CHINA}),
        adjectival=frozenset(str(o) for o in graph.objects(None, CSK.demonym))
        | frozenset(demonyms().values()),
        area_cues=tuple(area_cues),
        section_cues=tuple(section_cues),
    )
