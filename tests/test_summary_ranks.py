"""Each row's place in a saved list is made at build time (graph/summary_ranks.py), in the
list's own order: agreements by date (signed, else valid from, else first reported) then
title; facts by number of documents, class label, label; rows of spacecraft activities by
activity, partner and what, each carried by its first activity with the row's documents;
organisations' participations per status by documents then label. Each fact lists its
documents, each entity its names. A recount replaces them, and they satisfy their shapes.
The saved lists answer as their texts sorted on the keys themselves do, and find-entity as
its text before the names."""

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
@prefix organisation: <https://w3id.org/china-space-kg/id/organisation/> .
@prefix participation: <https://w3id.org/china-space-kg/id/participation/> .
@prefix total: <https://w3id.org/china-space-kg/id/cooperation-total/> .
@prefix evidence: <https://w3id.org/china-space-kg/id/evidence/> .
@prefix oa: <http://www.w3.org/ns/oa#> .

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

# Participations (no csk:Fact here, so no other rank counts them): APSCO in two documents,
# first; ESA and GEO in one, by label; ESA's two roles, one planned; GEO states no role.
status:planned skos:prefLabel "planned"@en .
country:brazil a csk:Country ; skos:altLabel "Federative Republic of Brazil"@en .
spacecraft:cbers a csk:Spacecraft .
organisation:esa a csk:Organisation ; rdfs:label "European Space Agency"@en ;
    skos:altLabel "ESA"@en ; csk:category "space agency" .
organisation:apsco a csk:Organisation ;
    rdfs:label "Asia-Pacific Space Cooperation Organization"@en ; skos:altLabel "APSCO"@en .
organisation:geo a csk:Organisation ; rdfs:label "Group on Earth Observations"@en .
participation:apsco a csk:Participation ; csk:organisation organisation:apsco ;
    csk:role "founding member"@en ; csk:status status:achieved ;
    prov:wasDerivedFrom document:old, document:new .
participation:esa-1 a csk:Participation ; csk:organisation organisation:esa ;
    csk:role "partner"@en ; csk:status status:achieved ; prov:wasDerivedFrom document:new .
participation:esa-2 a csk:Participation ; csk:organisation organisation:esa ;
    csk:role "observer"@en ; csk:status status:planned ; prov:wasDerivedFrom document:new .
participation:geo a csk:Participation ; csk:organisation organisation:geo ;
    csk:status status:achieved ; prov:wasDerivedFrom document:new .

# Totals (no csk:Fact here either): "countries" stated by both documents, so first (2010)
# and again among the 2016 rows; in 2016 "agencies" before "countries", and two passages
# of one document by their quotes.
evidence:old-1 oa:hasSource document:old ; oa:hasSelector evidence:old-1-q .
evidence:old-1-q oa:exact "with 20 countries" .
evidence:new-1 oa:hasSource document:new ; oa:hasSelector evidence:new-1-q .
evidence:new-1-q oa:exact "with 20 countries and regions" .
evidence:new-2 oa:hasSource document:new ; oa:hasSelector evidence:new-2-q .
evidence:new-2-q oa:exact "5 agencies" .
evidence:new-3 oa:hasSource document:new ; oa:hasSelector evidence:new-3-q .
evidence:new-3-q oa:exact "20 countries" .
total:countries a csk:CooperationTotal ; csk:quantity 20 ; csk:countedItem "countries"@en ;
    csk:measure "countries" ; csk:evidence evidence:old-1, evidence:new-1, evidence:new-3 .
total:agencies a csk:CooperationTotal ; csk:quantity 5 ; csk:countedItem "agencies"@en ;
    csk:measure "agencies" ; csk:asOf "2016"^^xsd:gYear ; csk:evidence evidence:new-2 .
"""


@pytest.fixture
def store() -> ox.Store:
    s = ox.Store()
    s.load(TURTLE, ox.RdfFormat.TURTLE)  # into the default graph, as the merge is
    return s


def places(values: dict[str, str]) -> dict[str, int]:
    """Each row's place (1 first) in the order its rank values give: a rank is no place
    (graph/rank_values.py), only an order, and each list's values differ."""
    ordered = sorted(values, key=lambda row: int(values[row]))
    assert len({values[row] for row in ordered}) == len(ordered)
    return {row: place for place, row in enumerate(ordered, start=1)}


def ranks(store: ox.Store, name: str) -> dict[str, int]:
    """The places the ``name`` ranks give, by subject (without the id namespace)."""
    return places(
        {
            t.subject.value.removeprefix(str(ID)): t.object.value
            for t in rank_triples(store)
            if t.predicate.value == str(CSK) + name
        }
    )


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


def test_the_first_activity_of_a_row_carries_its_rank_and_documents(store) -> None:
    assert ranks(store, "activityRank") == {
        "spacecraft-activity/4": 1,  # built before launched
        "spacecraft-activity/3": 2,  # Algeria before Brazil
        "spacecraft-activity/1": 3,  # and activity 2, of the same row
    }
    lists = {
        t.subject.value.removeprefix(str(ID)): t.object.value
        for t in rank_triples(store)
        if t.predicate.value == str(CSK) + "rowDocumentList"
    }
    assert set(lists) == {f"spacecraft-activity/{n}" for n in (1, 3, 4)}
    # in IRI order, whatever order the engine meets them in: two builds are the same
    assert lists["spacecraft-activity/1"] == f"{ID}document/new {ID}document/old"
    assert lists["spacecraft-activity/3"] == str(ID) + "document/new"


def test_each_fact_lists_its_documents_once(store) -> None:
    lists = {
        t.subject.value.removeprefix(str(ID)): t.object.value
        for t in rank_triples(store)
        if t.predicate.value == str(CSK) + "documentList"
    }
    assert lists["agreement/omega"] == f"{ID}document/new {ID}document/old"  # IRI order
    assert lists["agreement/beta"] == str(ID) + "document/new"
    assert len(lists) == 8


def test_each_entity_of_the_four_classes_lists_its_names_lower_cased(store) -> None:
    texts = {
        t.subject.value.removeprefix(str(ID)): set(t.object.value.split("\n"))
        for t in rank_triples(store)
        if t.predicate.value == str(CSK) + "nameText"
    }
    assert texts["organisation/esa"] == {"european space agency", "esa"}
    ordered = [
        t.object.value
        for t in rank_triples(store)
        if t.predicate.value == str(CSK) + "nameText"
        and t.subject.value == str(ID) + "organisation/esa"
    ]
    assert ordered == ["esa\neuropean space agency"]  # sorted: two builds write the same
    assert texts["country/brazil"] == {"brazil", "federative republic of brazil"}
    assert texts["spacecraft/cbers"] == {"cbers-4"}
    assert set(texts) == {
        "organisation/esa",
        "organisation/apsco",
        "organisation/geo",
        "country/brazil",
        "spacecraft/cbers",
    }  # Algeria is untyped here


def test_participations_are_summed_per_organisation_and_status(store) -> None:
    nodes: dict[str, dict[str, str]] = {}
    for t in rank_triples(store):
        if t.subject.value.startswith(str(ID) + "organisation-status/"):
            key = t.subject.value.removeprefix(str(ID) + "organisation-status/")
            nodes.setdefault(key, {})[t.predicate.value.removeprefix(str(CSK))] = t.object.value
    place = {}  # each status's list is ranked alone
    for status in ("any", "achieved", "planned"):
        listed = {k: n["participationRank"] for k, n in nodes.items() if k.endswith("/" + status)}
        place.update(places(listed))
    rows = {k: (str(place[k]), n["documentCount"], n["roleList"]) for k, n in nodes.items()}
    esa_roles = rows["organisation/esa/any"][2]
    assert rows == {
        "organisation/apsco/any": ("1", "2", "founding member"),
        "organisation/esa/any": ("2", "1", esa_roles),  # two roles, in the engine's order
        "organisation/geo/any": ("3", "1", ""),
        "organisation/apsco/achieved": ("1", "2", "founding member"),
        "organisation/esa/achieved": ("2", "1", "partner"),
        "organisation/geo/achieved": ("3", "1", ""),
        "organisation/esa/planned": ("1", "1", "observer"),
    }
    assert sorted(nodes["organisation/esa/any"]["roleList"].split(", ")) == ["observer", "partner"]
    assert nodes["organisation/esa/planned"]["ofOrganisation"] == str(ID) + "organisation/esa"
    assert "statusKey" not in nodes["organisation/esa/planned"]  # areas-and-missions's key


# find-entity as it was before csk:nameText: every name of every entity of the classes.
FIND_ENTITY_BEFORE = """
PREFIX csk: <https://w3id.org/china-space-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?name ?entity ?label ?kind ?matched
WHERE {
  VALUES (?class ?kind) {
    (csk:Mission "mission") (csk:Spacecraft "spacecraft")
    (csk:Country "country") (csk:Organisation "organisation")
  }
  ?entity a ?class ;
      rdfs:label|skos:altLabel ?matched .
  FILTER(CONTAINS(LCASE(STR(?matched)), LCASE(?name)))
  OPTIONAL { ?entity rdfs:label ?label }
  FILTER(BOUND(?label))
}
ORDER BY ?kind ?label ?matched
"""


@pytest.mark.parametrize(
    "name", ["ESA", "a", "Brazil", "cbers-4", "space ag", "nothing", "y\ne"]
)  # "y\ne": the end of a name and the next one
def test_find_entity_answers_as_before_the_name_texts(store, name) -> None:
    replace_summaries(store)
    query = load_queries(ROOT / "queries")["find-entity"]
    assert "csk:nameText" in query.sparql
    bound = query.bind({"name": name})
    before = _answer(store, FIND_ENTITY_BEFORE, bound, 100)
    assert _answer(store, query.sparql, bound, 100) == before


def test_each_total_and_passage_has_its_place(store) -> None:
    found = {
        t.subject.value.removeprefix(str(ID) + "total-passage/cooperation-total/"): t.object.value
        for t in rank_triples(store)
        if t.predicate.value == str(CSK) + "totalRank"
    }
    assert places(found) == {
        "countries/evidence/old-1": 1,  # 2010
        "agencies/evidence/new-2": 2,  # 2016: agencies, then countries by quote
        "countries/evidence/new-3": 3,
        "countries/evidence/new-1": 4,
    }


def test_a_recount_replaces_the_ranks(store) -> None:
    replace_summaries(store)
    store.remove(
        ox.Quad(
            ox.NamedNode(str(ID) + "agreement/omega"),
            ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom"),
            ox.NamedNode(str(ID) + "document/old"),
        )
    )
    replace_summaries(store)
    rank = ox.NamedNode(str(CSK) + "timelineRank")
    omega = ox.NamedNode(str(ID) + "agreement/omega")
    found = [q.object.value for q in store.quads_for_pattern(omega, rank, None, None)]
    last = max(int(q.object.value) for q in store.quads_for_pattern(None, rank, None, None))
    assert found == [str(last)] * 2  # last now (2016); in the summaries and default graphs


def test_the_ranks_the_build_makes_satisfy_their_shapes(store) -> None:
    paths = Paths.defaults(ROOT)
    data = Graph()
    text = ox.serialize(summary_triples(store), format=ox.RdfFormat.N_TRIPLES)
    data.parse(data=text.decode(), format="nt")
    data.parse(data=TURTLE, format="turtle")
    report = validate_data(
        data,
        load_shapes(paths.shapes),
        ontology=load_ontology(paths.ontology_files()),
        corpus_dir=paths.corpus,
    )
    shapes = {v.shape.rsplit("#", 1)[-1] for v in report.violations}  # the facts are
    # sketches (no evidence, no method): other shapes object to them, not these two
    assert not shapes & {
        "DocumentList",
        "RankedRow",
        "SummaryCount",
        "NameText",
        "ParticipationSummary",
        "AreaStatusCounts",
        "RowDocumentList",
        "TotalPassage",
    }


RANKED = (
    "agreements-timeline",
    "facts-in-several-documents",
    "spacecraft-for-other-countries",
    "organisations-and-mechanisms",
    "cooperation-totals",
)
# The order each list's rank stands for, as the query wrote it before the rank.
ORDER = {
    "agreements-timeline": "COALESCE(STR(?signedOn), STR(?validFrom), ?firstReported) ?title",
    "facts-in-several-documents": "DESC(?documentCount) ?factType ?factLabel",
    "spacecraft-for-other-countries": "?activityLabel ?partnerLabel ?what",
    "organisations-and-mechanisms": "DESC(?documents) ?organisationLabel",
    "cooperation-totals": "STR(?issued) ?measure ?quantity ?total ?document ?quote",
}


def _answer(store: ox.Store, sparql: str, bound: dict, cap: int) -> list[dict]:
    limited = sparql_scan.with_row_limit(sparql, sparql_scan.inspect(sparql), cap + 1)
    job = QueryJob(
        sparql,
        "SELECT",
        "TSV",
        cap,
        limited_sparql=limited,
        substitutions=tuple(sorted(bound.items())),
    )
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


def test_a_facts_documents_are_listed_in_iri_order_whatever_the_engine_meets_first() -> None:
    s = ox.Store()
    s.load(
        TURTLE
        + "agreement:omega prov:wasDerivedFrom document:zeta, document:alpha, document:mid .\n",
        ox.RdfFormat.TURTLE,
    )
    lists = {
        t.subject.value.removeprefix(str(ID)): t.object.value
        for t in rank_triples(s)
        if t.predicate.value == str(CSK) + "documentList"
    }
    names = ("alpha", "mid", "new", "old", "zeta")
    assert lists["agreement/omega"] == " ".join(f"{ID}document/{n}" for n in names)
