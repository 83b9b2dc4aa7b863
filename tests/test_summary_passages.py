"""Each partner's facts with their passages get their place in evidence-for-partner's order
at build time (graph/summary_passages.py), per partner: by the fact's type, its label, the
passage's document and start (as a number). The query reads its rows from these nodes and
answers as its text before them did, sorted on the keys themselves, whatever the cap; a
node the build did not make is reported by its shape."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from cli.validate import validate_data
from graph.config import Paths
from graph.saved_queries import load_queries
from graph.summaries import SUMMARY_PROPERTIES, replace_summaries, summary_triples
from graph.summary_passages import partner_passage_triples
from graph.validate import load_ontology, load_shapes
from graph.vocab import CSK, ID
from server import sparql_scan
from server.backend import QueryJob
from server.evaluate import evaluate

ROOT = Path(__file__).resolve().parent.parent

TURTLE = """
@prefix csk: <https://w3id.org/china-space-kg/ontology#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://w3id.org/china-space-kg/id/> .

csk:Cooperation rdfs:subClassOf csk:Fact ; rdfs:label "cooperation"@en .
csk:Agreement rdfs:subClassOf csk:Fact ; rdfs:label "agreement"@en .
id:status\\/achieved skos:prefLabel "achieved"@en .
id:country\\/brazil a csk:Country ; rdfs:label "Brazil"@en .
id:organisation\\/esa a csk:Organisation ; rdfs:label "European Space Agency"@en .

# Brazil: an agreement first (its type's label), then the cooperations by label; "Beta"
# stated twice in one document, at 9 before 10 (a number, not a string); two facts
# labelled alike, by document then IRI; ESA names the second alike-labelled one as a
# party and organisation both (one row).
id:agreement\\/a a csk:Agreement ; rdfs:label "Zeta"@en ; csk:party id:country\\/brazil ;
    csk:status id:status\\/achieved ; csk:evidence id:evidence\\/b\\/50-60 .
id:cooperation\\/beta a csk:Cooperation ; rdfs:label "Beta"@en ;
    csk:partner id:country\\/brazil ; csk:status id:status\\/achieved ;
    csk:evidence id:evidence\\/a\\/10-20, id:evidence\\/a\\/9-30 .
id:cooperation\\/alpha a csk:Cooperation ; rdfs:label "Alpha"@en ;
    csk:partner id:country\\/brazil ; csk:status id:status\\/achieved ;
    csk:evidence id:evidence\\/b\\/50-60 .
id:cooperation\\/same-2 a csk:Cooperation ; rdfs:label "Same"@en ;
    csk:partner id:country\\/brazil ; csk:party id:organisation\\/esa ;
    csk:organisation id:organisation\\/esa ; csk:status id:status\\/achieved ;
    csk:evidence id:evidence\\/a\\/9-30 .
id:cooperation\\/same-1 a csk:Cooperation ; rdfs:label "Same"@en ;
    csk:partner id:country\\/brazil ; csk:status id:status\\/achieved ;
    csk:evidence id:evidence\\/b\\/50-60 .
# no status label: no row, so no node
id:cooperation\\/unstated a csk:Cooperation ; rdfs:label "Aaa"@en ;
    csk:partner id:country\\/brazil ; csk:status id:status\\/unknown ;
    csk:evidence id:evidence\\/b\\/50-60 .
"""


def _evidence(document: str, start: int, end: int) -> str:
    node = f"<{ID}evidence/{document}/{start}-{end}>"
    return f"""
{node} oa:hasSource <{ID}document/{document}> ;
    oa:hasSelector {node[:-1]}#quote>, {node[:-1]}#position> .
{node[:-1]}#quote> oa:exact "quote {document} {start}" .
{node[:-1]}#position> oa:start "{start}"^^xsd:nonNegativeInteger ;
    oa:end "{end}"^^xsd:nonNegativeInteger .
"""


DATA = TURTLE + "".join(_evidence(*e) for e in (("a", 10, 20), ("a", 9, 30), ("b", 50, 60)))

# evidence-for-partner as it was before the nodes: every fact naming the partner, sorted
BEFORE = """
PREFIX csk: <https://w3id.org/china-space-kg/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?partner ?fact ?factType ?factLabel ?status ?quote ?document ?start ?end
WHERE {
  VALUES ?role { csk:partner csk:party csk:organisation }
  ?fact ?role ?partner ;
      a ?factClass ;
      rdfs:label ?factLabel ;
      csk:status/skos:prefLabel ?status ;
      csk:evidence ?evidence .
  ?factClass rdfs:label ?factType .
  ?evidence oa:hasSource ?document ;
      oa:hasSelector ?quoteSelector, ?positionSelector .
  ?quoteSelector oa:exact ?quote .
  ?positionSelector oa:start ?start ;
      oa:end ?end .
}
ORDER BY ?factType ?factLabel ?document ?start ?fact
"""


@pytest.fixture
def store() -> ox.Store:
    s = ox.Store()
    s.load(DATA, ox.RdfFormat.TURTLE)
    return s


def places(store: ox.Store) -> dict[tuple[str, str, str], int]:
    nodes: dict[str, dict[str, str]] = {}
    for t in partner_passage_triples(store):
        nodes.setdefault(t.subject.value, {})[t.predicate.value.removeprefix(str(CSK))] = (
            t.object.value.removeprefix(str(ID))
        )
    return {
        (n["passagePartner"], n["passageFact"], n["passageEvidence"]): int(n["passageRank"])
        for n in nodes.values()
    }


def test_each_partners_rows_are_ranked_in_the_querys_order(store) -> None:
    assert places(store) == {
        ("country/brazil", "agreement/a", "evidence/b/50-60"): 1,  # "agreement" first
        ("country/brazil", "cooperation/alpha", "evidence/b/50-60"): 2,
        ("country/brazil", "cooperation/beta", "evidence/a/9-30"): 3,  # 9 before 10
        ("country/brazil", "cooperation/beta", "evidence/a/10-20"): 4,
        ("country/brazil", "cooperation/same-2", "evidence/a/9-30"): 5,  # document a
        ("country/brazil", "cooperation/same-1", "evidence/b/50-60"): 6,
        ("organisation/esa", "cooperation/same-2", "evidence/a/9-30"): 1,  # two roles, one row
    }


def test_a_node_is_named_from_its_partner_fact_and_passage(store) -> None:
    subjects = {t.subject.value for t in partner_passage_triples(store)}
    assert f"{ID}partner-passage/organisation/esa/cooperation/same-2/evidence/a/9-30" in subjects
    assert "passageRank" in SUMMARY_PROPERTIES  # validated again on its own when it moves


def _answer(store: ox.Store, sparql: str, bound: dict, cap: int) -> list[list[str]]:
    limited = sparql_scan.with_row_limit(sparql, sparql_scan.inspect(sparql), cap + 1)
    job = QueryJob(
        sparql,
        "SELECT",
        "TSV",
        cap,
        limited_sparql=limited,
        substitutions=tuple(sorted(bound.items())),
    )
    return [line.split("\t") for line in evaluate(store, job).body.decode().splitlines()]


@pytest.mark.parametrize("partner", ["country/brazil", "organisation/esa", "country/none"])
@pytest.mark.parametrize("cap", [1, 2, 3, 100])
def test_the_query_answers_as_its_text_before_the_nodes(store, partner, cap) -> None:
    replace_summaries(store)
    query = load_queries(ROOT / "queries")["evidence-for-partner"]
    assert "#+ rank: ?rank" in query.sparql
    bound = {"partner": ox.NamedNode(str(ID) + partner)}
    ranked = _answer(store, query.sparql, bound, cap)
    assert ranked == _answer(store, BEFORE, bound, cap)
    if partner == "country/brazil":
        assert len(ranked) == 1 + min(cap, 6)


def test_the_nodes_the_build_makes_satisfy_their_shapes(store) -> None:
    paths = Paths.defaults(ROOT)
    data = Graph()
    data.parse(
        data=ox.serialize(summary_triples(store), format=ox.RdfFormat.N_TRIPLES).decode(),
        format="nt",
    )
    data.parse(data=DATA, format="turtle")
    report = validate_data(
        data,
        load_shapes(paths.shapes),
        ontology=load_ontology(paths.ontology_files()),
        corpus_dir=paths.corpus,
    )
    shapes = {v.shape.rsplit("#", 1)[-1] for v in report.violations}  # the facts are
    # sketches (no method, no document): other shapes object to them, not these
    assert not shapes & {"PartnerPassage", "SummaryCount"}


def test_a_passage_that_does_not_state_the_fact_is_reported(store) -> None:
    paths = Paths.defaults(ROOT)
    data = Graph()
    triples = summary_triples(store)
    wrong = f"<{ID}evidence/b/50-60>"
    text = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode()
    beta = f"{ID}partner-passage/country/brazil/cooperation/beta/evidence/a/10-20"
    lines = [
        line.replace(f"<{ID}evidence/a/10-20> .", f"{wrong} .")
        if line.startswith(f"<{beta}> <{CSK}passageEvidence>")
        else line
        for line in text.splitlines()
    ]
    data.parse(data="\n".join(lines), format="nt")
    data.parse(data=DATA, format="turtle")
    report = validate_data(
        data,
        load_shapes(paths.shapes),
        ontology=load_ontology(paths.ontology_files()),
        corpus_dir=paths.corpus,
    )
    found = {
        (v.shape.rsplit("#", 1)[-1], v.focus)
        for v in report.violations
        if v.shape.endswith("PartnerPassage")
    }
    assert found == {("PartnerPassage", beta)}


def test_the_engine_checks_every_node_at_once() -> None:
    # one query over the union in a cold build, not one pySHACL run per node (12,600
    # nodes at 1,000 documents)
    from graph.validate import SHAPES
    from graph.validate_engine import engine_queries

    shapes = load_shapes(Paths.defaults(ROOT).shapes)
    assert engine_queries(shapes, str(SHAPES) + "PartnerPassage")
