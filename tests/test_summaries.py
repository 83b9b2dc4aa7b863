"""The counts made at build time are the counts of the facts: per partner (facts, areas,
missions, documents) and per document (facts, cooperations, agreements, partners, facts
no other document states), China left out of the partners; each document links to the
partners its facts name; a recount replaces the old counts rather than adding to them."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from cli.validate import validate_data
from graph import store as store_files
from graph.config import Paths
from graph.summaries import SUMMARIES_GRAPH, replace_summaries, summary_triples
from graph.validate import load_ontology, load_shapes
from graph.vocab import CSK, ID

ROOT = Path(__file__).resolve().parent.parent

TURTLE = """
@prefix csk: <https://w3id.org/china-space-kg/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix document: <https://w3id.org/china-space-kg/id/document/> .
@prefix country: <https://w3id.org/china-space-kg/id/country/> .
@prefix fact: <https://w3id.org/china-space-kg/id/fact/> .
@prefix area: <https://w3id.org/china-space-kg/id/area/> .
@prefix mission: <https://w3id.org/china-space-kg/id/mission/> .

csk:Cooperation rdfs:subClassOf csk:Fact .
csk:Agreement rdfs:subClassOf csk:Fact .
document:a a csk:SourceDocument .
document:b a csk:SourceDocument .
document:c a csk:SourceDocument .
country:china a csk:Country ; csk:iso3166Alpha2 "CN" ; rdfs:label "China"@en .
country:france a csk:Country ; rdfs:label "France"@en .

fact:1 a csk:Cooperation ; csk:partner country:france ; csk:area area:x ;
    csk:mission mission:m ; prov:wasDerivedFrom document:a, document:b .
fact:2 a csk:Cooperation ; csk:partner country:france ; csk:area area:y ;
    prov:wasDerivedFrom document:a .
fact:3 a csk:Agreement ; csk:party country:france, country:china ;
    prov:wasDerivedFrom document:b .
# An entity first named in a document is derived from it too, but is no fact of it.
mission:m prov:wasDerivedFrom document:a .
"""


def counts(triples: list[ox.Triple], subject: str) -> dict[str, int]:
    node = ox.NamedNode(str(ID) + subject)
    return {
        t.predicate.value.removeprefix(str(CSK)): int(t.object.value)
        for t in triples
        if t.subject == node
        and isinstance(t.object, ox.Literal)
        and t.predicate.value != str(CSK) + "nameText"  # its names (test_summary_ranks)
    }


def partners_named(triples: list[ox.Triple], document: str) -> set[str]:
    node, names = ox.NamedNode(str(ID) + document), ox.NamedNode(str(CSK) + "namesPartner")
    return {
        t.object.value.removeprefix(str(ID))
        for t in triples
        if t.subject == node and t.predicate == names
    }


@pytest.fixture
def store() -> ox.Store:
    s = ox.Store()
    s.load(TURTLE, ox.RdfFormat.TURTLE)  # into the default graph, as the merge is
    return s


def test_counts_per_partner(store) -> None:
    triples = summary_triples(store)
    france = counts(triples, "country/france")
    assert france == {
        "factCount": 3,
        "areaCount": 2,
        "missionCount": 1,
        "documentCount": 2,
        "partnerRank": france["partnerRank"],  # an order, not a place (rank_values.py)
    }
    assert counts(triples, "country/china")["factCount"] == 1
    assert france["partnerRank"] < counts(triples, "country/china")["partnerRank"]


def test_partners_with_as_many_facts_and_areas_rank_by_label(store) -> None:
    store.load(
        TURTLE.replace("france", "austria").replace('"France"', '"Austria"'), ox.RdfFormat.TURTLE
    )
    triples = summary_triples(store)
    austria, france = (counts(triples, f"country/{c}") for c in ("austria", "france"))
    assert (
        austria["partnerRank"]
        < france["partnerRank"]
        < counts(triples, "country/china")["partnerRank"]
    )


def test_counts_per_document(store) -> None:
    triples = summary_triples(store)
    assert counts(triples, "document/a") == {
        "factCount": 2,
        "cooperationCount": 2,
        "agreementCount": 0,
        "ownFactCount": 1,
        "partnerCount": 1,
    }
    assert counts(triples, "document/b") == {
        "factCount": 2,
        "cooperationCount": 1,
        "agreementCount": 1,
        "ownFactCount": 1,
        "partnerCount": 1,  # France; China is left out
    }
    assert counts(triples, "document/c") == {}  # no facts: the queries read 0


def test_each_document_names_the_partners_of_its_facts_but_china(store) -> None:
    triples = summary_triples(store)
    assert partners_named(triples, "document/a") == {"country/france"}
    assert partners_named(triples, "document/b") == {"country/france"}  # China: party of fact 3
    assert partners_named(triples, "document/c") == set()


def test_counts_are_integers(store) -> None:
    xsd_integer = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
    # each fact's documents, an entity's names: strings (test_summary_ranks)
    lists = {str(CSK) + name for name in ("documentList", "nameText")}
    counts = [
        t
        for t in summary_triples(store)
        if isinstance(t.object, ox.Literal) and t.predicate.value not in lists
    ]
    # 5 for each of 2 partners and of 2 documents with facts; each fact's documents
    assert len(counts) == 20 + 3
    assert {t.object.datatype for t in counts} == {xsd_integer}


def test_a_recount_replaces_the_old_counts(store) -> None:
    replace_summaries(store)
    store.load(
        "<https://w3id.org/china-space-kg/id/fact/4> a "
        "<https://w3id.org/china-space-kg/ontology#Cooperation> ; "
        "<https://w3id.org/china-space-kg/ontology#partner> "
        "<https://w3id.org/china-space-kg/id/country/france> ; "
        "<http://www.w3.org/ns/prov#wasDerivedFrom> "
        "<https://w3id.org/china-space-kg/id/document/c> .",
        ox.RdfFormat.TURTLE,
    )
    replace_summaries(store)
    france = ox.NamedNode(str(ID) + "country/france")
    fact_count = ox.NamedNode(str(CSK) + "factCount")
    graph = ox.NamedNode(str(SUMMARIES_GRAPH))
    names = ox.NamedNode(str(CSK) + "namesPartner")
    document_c = ox.NamedNode(str(ID) + "document/c")
    for g in (ox.DefaultGraph(), graph):
        values = [q.object.value for q in store.quads_for_pattern(france, fact_count, None, g)]
        assert values == ["4"]
        named = list(store.quads_for_pattern(None, names, france, g))
        assert sorted(q.subject.value for q in named) == [str(ID) + f"document/{d}" for d in "abc"]
    assert len(list(store.quads_for_pattern(document_c, names, None, None))) == 2


def test_the_build_counts_each_documents_facts(built, built_paths) -> None:
    store = store_files.open_store(built_paths.store)
    graph = ox.NamedNode(str(SUMMARIES_GRAPH))
    fact_count = ox.NamedNode(str(CSK) + "factCount")
    per_document = {
        q.subject.value.removeprefix(str(ID) + "document/"): int(q.object.value)
        for q in store.quads_for_pattern(None, fact_count, None, graph)
        if q.subject.value.startswith(str(ID) + "document/")
    }
    expected = {doc: n for doc, n in built.info.facts_by_document.items() if n}
    assert per_document == expected
    in_default = set(store.quads_for_pattern(None, fact_count, None, ox.DefaultGraph()))
    assert {q.triple for q in in_default} == {
        q.triple for q in store.quads_for_pattern(None, fact_count, None, graph)
    }


def test_each_cooperation_has_a_key_per_partner_and_area(store) -> None:
    keys = {
        (t.subject.value.removeprefix(str(ID)), t.object.value.removeprefix(str(ID)))
        for t in summary_triples(store)
        if t.predicate.value == str(CSK) + "partnerArea"
    }
    assert keys == {
        ("fact/1", "partner-area/country/france/area/x"),
        ("fact/2", "partner-area/country/france/area/y"),
    }


def test_the_keys_the_build_makes_satisfy_their_shape(store) -> None:
    paths = Paths.defaults(ROOT)
    data = Graph()
    for triple in summary_triples(store):
        if triple.predicate.value in (str(CSK) + "partnerArea", str(CSK) + "namesPartner"):
            data.parse(
                data=ox.serialize([triple], format=ox.RdfFormat.N_TRIPLES).decode(), format="nt"
            )
    data.parse(data=TURTLE, format="turtle")
    report = validate_data(
        data,
        load_shapes(paths.shapes),
        ontology=load_ontology(paths.ontology_files()),
        corpus_dir=paths.corpus,
    )
    shapes = {v.shape.rsplit("#", 1)[-1] for v in report.violations}  # the facts are
    # sketches (no evidence, no method): other shapes object to them, not these two
    assert not shapes & {"PartnerAreaKey", "NamesPartner"}


def test_the_counts_need_only_the_predicates_their_queries_name(built, tmp_path) -> None:
    # the build counts on a scratch store of those triples alone (about half the merge:
    # the quotes for the totals' order, the offsets for evidence-for-partner's, no
    # extraction methods), so they must give the counts the whole merge gives
    from graph.summaries import bulk_load_merged, counted_predicates

    lines = tmp_path / "dataset.nq"
    data = built.dataset.serialize(format="nquads", encoding="utf-8")
    lines.write_bytes(b"".join(li for li in data.splitlines(keepends=True) if li.strip()))
    whole, counted = ox.Store(), ox.Store()
    bulk_load_merged(whole, lines)
    bulk_load_merged(counted, lines, only=counted_predicates())
    assert len(counted) < 0.7 * len(whole)
    method = ox.NamedNode("https://w3id.org/china-space-kg/ontology#method")
    assert list(whole.quads_for_pattern(None, method, None))
    assert not list(counted.quads_for_pattern(None, method, None))
    assert sorted(map(str, summary_triples(counted))) == sorted(map(str, summary_triples(whole)))
