"""Agreements: a signed or issued document between parties."""

from __future__ import annotations

from collections.abc import Mapping

from rdflib import URIRef
from rdflib.namespace import DCTERMS
from rdflib.term import Node

from graph import relations_agreement
from graph.families.base import Family, Reading, name, ref
from graph.model import Agreement, Entity
from graph.reading import Sentence
from graph.vocab import CSK, concept_iri, date_literal, en


def properties(fact: Agreement, entities: Mapping[str, Entity]) -> list[tuple[URIRef, Node]]:
    out: list[tuple[URIRef, Node]] = [(CSK.party, ref(p, entities)) for p in fact.parties]
    out.append((CSK.agreementKind, URIRef(concept_iri("agreement-kind", fact.agreement_kind))))
    if fact.title:
        out.append((DCTERMS.title, en(fact.title)))
    if fact.signed_on:
        out.append((CSK.signedOn, date_literal(fact.signed_on)))
    if fact.valid_from is not None:
        out.append((CSK.validFrom, date_literal(f"{fact.valid_from:04d}")))
    if fact.valid_until is not None:
        out.append((CSK.validUntil, date_literal(f"{fact.valid_until:04d}")))
    if fact.subject:
        out.append((CSK.subject, en(fact.subject)))
    return out


def label(fact: Agreement, entities: Mapping[str, Entity]) -> str:
    if fact.title:
        return fact.title
    parties = ", ".join(name(p, entities) for p in fact.parties)
    when = f" ({fact.signed_on})" if fact.signed_on else ""
    return f"{fact.agreement_kind.replace('-', ' ').capitalize()}: {parties}{when}"


def read(sentence: Sentence, reading: Reading) -> list:
    """The facts of this family one sentence states."""
    return relations_agreement.extract(sentence, reading.groups, reading.gazetteer)


FAMILY = Family(
    name="agreement",
    fact_type=Agreement,
    rdf_class=CSK.Agreement,
    properties=properties,
    label=label,
    entity_fields=("parties",),
    read=read,
    method="agreement-phrase",
)
