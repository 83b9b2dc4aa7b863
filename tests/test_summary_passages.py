"""Each partner's facts with their passages get their place in evidence-for-partner's order
at build time (graph/summary_passages.py), per partner: by the fact's type, its label, the
passage's document and start (as a number). The query reads its rows from these nodes and
answers as its text before them did, sorted on the keys themselves, whatever the cap; a
node the build did not make, or a value copied onto it that its fact or passage does not
have, is reported by its shape."""

from __future__ import annotations

from collections.abc import Callable
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
from tests.summary_turtle import PREFIXES

ROOT = Path(__file__).resolve().parent.parent

TURTLE = (
    PREFIXES
    + """

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
)


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
    ranked = sorted(
        nodes.values(), key=lambda n: (n["passagePartner"], int(n["passageRank"]))
    )  # a rank orders its partner's rows; it is not the place (graph/rank_values.py)
    found: dict[tuple[str, str, str], int] = {}
    for n in ranked:
        row = (n["passagePartner"], n["passageFact"], n["passageEvidence"])
        found[row] = sum(other[0] == row[0] for other in found) + 1
    return found


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


BETA = f"{ID}partner-passage/country/brazil/cooperation/beta/evidence/a/10-20"


def _reported(store: ox.Store, change: Callable[[str], str]) -> set[tuple[str, str]]:
    """PartnerPassage's reports on the build's nodes with ``change`` applied to each of
    their N-Triples lines, and the data they were made from: (which constraint, node)."""
    paths = Paths.defaults(ROOT)
    data = Graph()
    text = ox.serialize(summary_triples(store), format=ox.RdfFormat.N_TRIPLES).decode()
    data.parse(data="\n".join(change(line) for line in text.splitlines()), format="nt")
    data.parse(data=DATA, format="turtle")
    report = validate_data(
        data,
        load_shapes(paths.shapes),
        ontology=load_ontology(paths.ontology_files()),
        corpus_dir=paths.corpus,
    )
    return {
        ("values" if "carries its row's values" in v.message else "links", v.focus)
        for v in report.violations
        if v.shape.endswith("PartnerPassage")
    }


def test_a_passage_that_does_not_state_the_fact_is_reported(store) -> None:
    wrong = f"<{ID}evidence/b/50-60>"

    def change(line: str) -> str:
        if line.startswith(f"<{BETA}> <{CSK}passageEvidence>"):
            return line.replace(f"<{ID}evidence/a/10-20> .", f"{wrong} .")
        return line

    found = _reported(store, change)
    assert ("links", BETA) in found
    assert {focus for _, focus in found} == {BETA}


@pytest.mark.parametrize(
    ("predicate", "value", "wrong"),
    [
        ("passageQuote", '"quote a 10"', '"quote a 9"'),
        (
            "passageStart",
            '"10"^^<http://www.w3.org/2001/XMLSchema#integer>',
            '"11"^^<http://www.w3.org/2001/XMLSchema#integer>',
        ),
        ("passageFactLabel", '"Beta"@en', '"Alpha"@en'),
        ("passageFactType", '"cooperation"@en', '"agreement"@en'),
        ("passageStatus", '"achieved"@en', '"planned"@en'),
        ("passageDocument", f"<{ID}document/a>", f"<{ID}document/b>"),
        (
            "passageEnd",
            '"20"^^<http://www.w3.org/2001/XMLSchema#integer>',
            '"30"^^<http://www.w3.org/2001/XMLSchema#integer>',
        ),
    ],
)
def test_a_value_its_fact_or_passage_does_not_have_is_reported(
    store, predicate, value, wrong
) -> None:
    line_start = f"<{BETA}> <{CSK}{predicate}> {value} ."
    assert _reported(store, lambda line: line) == set()  # as built: the offsets as numbers

    def changed(line: str) -> str:
        return line.replace(value, wrong) if line.startswith(line_start) else line

    assert _reported(store, changed) == {("values", BETA)}

    def dropped(line: str) -> str:  # a value the passage has, left out
        return "" if line.startswith(line_start) else line

    assert _reported(store, dropped) == {("values", BETA)}


def test_the_engine_checks_every_node_at_once() -> None:
    # one query over the union in a cold build, not one pySHACL run per node (12,600
    # nodes at 1,000 documents)
    from graph.validate import SHAPES
    from graph.validate_engine import engine_queries

    shapes = load_shapes(Paths.defaults(ROOT).shapes)
    assert engine_queries(shapes, str(SHAPES) + "PartnerPassage")
