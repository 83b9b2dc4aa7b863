"""The counts per cooperation area and status, and each fact's number of documents, are
made at build time from the facts (graph/summary_counts.py): per status and for "any",
partners, cooperations and missions are counted once each, the missions' labels listed
once, sorted; a recount replaces them; the nodes the build makes satisfy their shape."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from cli.validate import validate_data
from graph.config import Paths
from graph.summaries import replace_summaries, summary_triples
from graph.summary_counts import area_status_node, count_triples
from graph.validate import load_ontology, load_shapes
from graph.vocab import CSK, ID

ROOT = Path(__file__).resolve().parent.parent

TURTLE = """
@prefix csk: <https://w3id.org/china-space-kg/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix document: <https://w3id.org/china-space-kg/id/document/> .
@prefix country: <https://w3id.org/china-space-kg/id/country/> .
@prefix fact: <https://w3id.org/china-space-kg/id/fact/> .
@prefix area: <https://w3id.org/china-space-kg/id/area/> .
@prefix status: <https://w3id.org/china-space-kg/id/status/> .
@prefix mission: <https://w3id.org/china-space-kg/id/mission/> .

csk:Cooperation rdfs:subClassOf csk:Fact .
area:payloads skos:prefLabel "payloads"@en ; skos:inScheme csk:CooperationAreas .
area:unlabelled skos:inScheme csk:CooperationAreas .
mission:m rdfs:label "Mission M"@en .
mission:n rdfs:label "Another mission"@en .

fact:1 a csk:Cooperation ; csk:partner country:france ; csk:area area:payloads ;
    csk:status status:achieved ; csk:mission mission:m ;
    prov:wasDerivedFrom document:a, document:b .
fact:2 a csk:Cooperation ; csk:partner country:france, country:italy ;
    csk:area area:payloads ; csk:status status:planned ; csk:mission mission:m, mission:n ;
    prov:wasDerivedFrom document:a .
fact:3 a csk:Cooperation ; csk:partner country:italy ; csk:area area:payloads ;
    csk:status status:planned ; prov:wasDerivedFrom document:b .
# No label on the area: the query never listed it, so it is not counted.
fact:4 a csk:Cooperation ; csk:partner country:italy ; csk:area area:unlabelled ;
    csk:status status:planned ; prov:wasDerivedFrom document:a, document:b, document:c .
"""


@pytest.fixture
def store() -> ox.Store:
    s = ox.Store()
    s.load(TURTLE, ox.RdfFormat.TURTLE)  # into the default graph, as the merge is
    return s


def values(triples: list[ox.Triple], node: ox.NamedNode) -> dict[str, str]:
    return {
        t.predicate.value.removeprefix(str(CSK)): t.object.value
        for t in triples
        if t.subject == node
    }


def test_an_area_is_counted_for_each_status_and_for_any(store) -> None:
    triples = count_triples(store)
    area = str(ID) + "area/payloads"
    assert values(triples, area_status_node(area, "any")) == {
        "ofArea": area,
        "statusKey": "any",
        "partnerCount": "2",
        "cooperationCount": "3",
        "missionCount": "2",
        "missionLabels": "Another mission, Mission M",
    }
    planned = values(triples, area_status_node(area, "planned"))
    assert (planned["partnerCount"], planned["cooperationCount"]) == ("2", "2")
    achieved = values(triples, area_status_node(area, "achieved"))
    assert (achieved["partnerCount"], achieved["missionLabels"]) == ("1", "Mission M")


def test_an_area_without_a_label_has_no_counts(store) -> None:
    subjects = {t.subject.value for t in count_triples(store)}
    assert not [s for s in subjects if "unlabelled" in s]


def test_each_fact_counts_its_documents(store) -> None:
    per_fact = {
        t.subject.value.removeprefix(str(ID)): int(t.object.value)
        for t in count_triples(store)
        if t.predicate.value == str(CSK) + "documentCount"
    }
    assert per_fact == {"fact/1": 2, "fact/2": 1, "fact/3": 1, "fact/4": 3}


def test_a_recount_replaces_the_area_counts(store) -> None:
    replace_summaries(store)
    store.remove(ox.Quad(ox.NamedNode(str(ID) + "fact/3"), ox.NamedNode(str(CSK) + "partner"),
                         ox.NamedNode(str(ID) + "country/italy")))
    replace_summaries(store)
    node = area_status_node(str(ID) + "area/payloads", "any")
    cooperations = ox.NamedNode(str(CSK) + "cooperationCount")
    found = [q.object.value for q in store.quads_for_pattern(node, cooperations, None, None)]
    assert found == ["2", "2"]  # once in the summaries graph, once in the default graph


def test_the_counts_the_build_makes_satisfy_their_shapes(store) -> None:
    paths = Paths.defaults(ROOT)
    data = Graph()
    text = ox.serialize(summary_triples(store), format=ox.RdfFormat.N_TRIPLES)
    data.parse(data=text.decode(), format="nt")
    data.parse(data=TURTLE, format="turtle")
    report = validate_data(data, load_shapes(paths.shapes),
                           ontology=load_ontology(paths.ontology_files()), corpus_dir=paths.corpus)
    shapes = {v.shape.rsplit("#", 1)[-1] for v in report.violations}  # the facts are
    # sketches (no evidence, no method): other shapes object to them, not these two
    assert not shapes & {"AreaStatusCounts", "SummaryCount"}
