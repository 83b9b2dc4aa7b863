"""Each row's place in a saved list is made at build time (graph/summary_ranks.py), in the
list's own order: agreements by date (signed, else valid from, else first reported) then
title; facts by number of documents, class label, label; spacecraft activities by
activity, partner and what, those of one row sharing a place. Each fact lists its
documents. A recount replaces them, and they satisfy their shapes. The saved lists answer
as their texts sorted on the keys themselves do."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from cli.validate import validate_data
from graph.config import Paths
from graph.saved_queries import load_queries
from graph.summaries import replace_summaries, summary_triples
from graph.summary_ranks import rank_triples
from graph.validate import load_ontology, load_shapes
from graph.vocab import CSK, ID
from server import sparql_scan
from server.backend import QueryJob
from server.evaluate import evaluate

ROOT = Path(__file__).resolve().parent.parent

TURTLE = """
@prefix csk: <https://w3id.org/china-space-kg/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix document: <https://w3id.org/china-space-kg/id/document/> .
@prefix country: <https://w3id.org/china-space-kg/id/country/> .
@prefix agreement: <https://w3id.org/china-space-kg/id/agreement/> .
@prefix activity: <https://w3id.org/china-space-kg/id/spacecraft-activity/> .
@prefix kind: <https://w3id.org/china-space-kg/id/agreement-kind/> .
@prefix act: <https://w3id.org/china-space-kg/id/activity/> .
@prefix status: <https://w3id.org/china-space-kg/id/status/> .
@prefix spacecraft: <https://w3id.org/china-space-kg/id/spacecraft/> .

csk:Agreement rdfs:subClassOf csk:Fact ; rdfs:label "agreement"@en .
csk:SpacecraftActivity rdfs:subClassOf csk:Fact ; rdfs:label "spacecraft activity"@en .
document:old dcterms:issued "2010-05-01"^^xsd:date .
document:new dcterms:issued "2016-12"^^xsd:gYearMonth .
kind:mou skos:prefLabel "memorandum of understanding"@en .
act:launched skos:prefLabel "launched"@en .
act:built skos:prefLabel "built"@en .
status:achieved skos:prefLabel "achieved"@en .
country:brazil rdfs:label "Brazil"@en .
country:algeria rdfs:label "Algeria"@en .
spacecraft:cbers rdfs:label "CBERS-4"@en .

# signed in 2015 as Delta was, and titled before it: third
agreement:beta a csk:Agreement ; rdfs:label "Beta"@en ; csk:agreementKind kind:mou ;
    csk:signedOn "2015"^^xsd:gYear ; prov:wasDerivedFrom document:new .
# no date of its own: first reported in 2010, first
agreement:omega a csk:Agreement ; rdfs:label "Omega"@en ; csk:agreementKind kind:mou ;
    prov:wasDerivedFrom document:old, document:new .
# valid from 2012: second
agreement:gamma a csk:Agreement ; rdfs:label "Gamma"@en ; csk:agreementKind kind:mou ;
    csk:validFrom "2012"^^xsd:gYear ; prov:wasDerivedFrom document:new .
agreement:delta a csk:Agreement ; rdfs:label "Delta"@en ; csk:agreementKind kind:mou ;
    csk:signedOn "2015"^^xsd:gYear ; prov:wasDerivedFrom document:new .

# Two activities of one row (the same activity, partner, spacecraft and status), and
# rows ordered by activity label, then partner label.
activity:1 a csk:SpacecraftActivity ; rdfs:label "1"@en ; csk:activity act:launched ;
    csk:partner country:brazil ; csk:status status:achieved ; csk:spacecraft spacecraft:cbers ;
    prov:wasDerivedFrom document:old .
activity:2 a csk:SpacecraftActivity ; rdfs:label "2"@en ; csk:activity act:launched ;
    csk:partner country:brazil ; csk:status status:achieved ; csk:spacecraft spacecraft:cbers ;
    prov:wasDerivedFrom document:new .
activity:3 a csk:SpacecraftActivity ; rdfs:label "3"@en ; csk:activity act:launched ;
    csk:partner country:algeria ; csk:status status:achieved ;
    csk:description "communications satellite" ; prov:wasDerivedFrom document:new .
activity:4 a csk:SpacecraftActivity ; rdfs:label "4"@en ; csk:activity act:built ;
    csk:partner country:brazil ; csk:status status:achieved ; prov:wasDerivedFrom document:new .
"""


@pytest.fixture
def store() -> ox.Store:
    s = ox.Store()
    s.load(TURTLE, ox.RdfFormat.TURTLE)  # into the default graph, as the merge is
    return s


def ranks(store: ox.Store, name: str) -> dict[str, int]:
    return {
        t.subject.value.removeprefix(str(ID)): int(t.object.value)
        for t in rank_triples(store)
        if t.predicate.value == str(CSK) + name
    }


def test_agreements_are_ranked_by_date_then_title(store) -> None:
    assert ranks(store, "timelineRank") == {
        "agreement/omega": 1,
        "agreement/gamma": 2,
        "agreement/beta": 3,
        "agreement/delta": 4,
    }


def test_facts_are_ranked_by_documents_then_class_then_label(store) -> None:
    found = ranks(store, "corroborationRank")
    assert found["agreement/omega"] == 1  # the only fact of two documents
    # then "agreement" before "spacecraft activity", each class's facts by label
    assert found["agreement/beta"] < found["agreement/gamma"] < found["spacecraft-activity/1"]
    assert found["spacecraft-activity/1"] < found["spacecraft-activity/2"]
    assert sorted(found.values()) == list(range(1, 9))


def test_activities_of_one_row_share_its_rank(store) -> None:
    assert ranks(store, "activityRank") == {
        "spacecraft-activity/4": 1,  # built before launched
        "spacecraft-activity/3": 2,  # Algeria before Brazil
        "spacecraft-activity/1": 3,
        "spacecraft-activity/2": 3,
    }


def test_each_fact_lists_its_documents_once(store) -> None:
    lists = {
        t.subject.value.removeprefix(str(ID)): t.object.value
        for t in rank_triples(store)
        if t.predicate.value == str(CSK) + "documentList"
    }
    assert sorted(lists["agreement/omega"].split(" ")) == [
        str(ID) + "document/new", str(ID) + "document/old"
    ]
    assert lists["agreement/beta"] == str(ID) + "document/new"
    assert len(lists) == 8


def test_a_recount_replaces_the_ranks(store) -> None:
    replace_summaries(store)
    store.remove(ox.Quad(ox.NamedNode(str(ID) + "agreement/omega"),
                         ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom"),
                         ox.NamedNode(str(ID) + "document/old")))
    replace_summaries(store)
    rank = ox.NamedNode(str(CSK) + "timelineRank")
    omega = ox.NamedNode(str(ID) + "agreement/omega")
    found = [q.object.value for q in store.quads_for_pattern(omega, rank, None, None)]
    assert found == ["4", "4"]  # last now (2016); in the summaries graph and the default graph


def test_the_ranks_the_build_makes_satisfy_their_shapes(store) -> None:
    paths = Paths.defaults(ROOT)
    data = Graph()
    text = ox.serialize(summary_triples(store), format=ox.RdfFormat.N_TRIPLES)
    data.parse(data=text.decode(), format="nt")
    data.parse(data=TURTLE, format="turtle")
    report = validate_data(data, load_shapes(paths.shapes),
                           ontology=load_ontology(paths.ontology_files()), corpus_dir=paths.corpus)
    shapes = {v.shape.rsplit("#", 1)[-1] for v in report.violations}  # the facts are
    # sketches (no evidence, no method): other shapes object to them, not these two
    assert not shapes & {"DocumentList", "RankedRow", "SummaryCount"}


RANKED = ("agreements-timeline", "facts-in-several-documents", "spacecraft-for-other-countries")
# The order each list's rank stands for, as the query wrote it before the rank.
ORDER = {
    "agreements-timeline": "COALESCE(STR(?signedOn), STR(?validFrom), ?firstReported) ?title",
    "facts-in-several-documents": "DESC(?documentCount) ?factType ?factLabel",
    "spacecraft-for-other-countries": "?activityLabel ?partnerLabel ?what",
}


def _answer(store: ox.Store, sparql: str, bound: dict, cap: int) -> list[dict]:
    limited = sparql_scan.with_row_limit(sparql, sparql_scan.inspect(sparql), cap + 1)
    job = QueryJob(sparql, "SELECT", "TSV", cap, limited_sparql=limited,
                   substitutions=tuple(sorted(bound.items())))
    lines = evaluate(store, job).body.decode().splitlines()
    return [line.split("\t") for line in lines]


@pytest.mark.parametrize("name", RANKED)
@pytest.mark.parametrize("cap", [1, 2, 3, 100])
def test_a_ranked_list_answers_as_its_text_sorted_on_the_keys(store, name, cap) -> None:
    replace_summaries(store)
    query = load_queries(ROOT / "queries")[name]
    assert "#+ rank: ?rank" in query.sparql
    by_keys = query.sparql.replace("#+ rank: ?rank\n", "").replace(
        "ORDER BY ?rank", f"ORDER BY {ORDER[name]}"
    )
    bound = query.bind({"mindocs": "1"} if name == "facts-in-several-documents" else {})
    ranked, keyed = _answer(store, query.sparql, bound, cap), _answer(store, by_keys, bound, cap)
    assert len(ranked) > 1
    assert ranked == keyed
