"""The VoID description states what the store holds: its counts are the store's counts,
computed here independently with SPARQL, and its links point at files that exist."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF

from graph import dump
from graph import store as store_files
from graph.export import FORMATS
from graph.vocab import CSK, VOID
from graph.void import collect_stats, dataset_iri, void_graph

ID = "https://w3id.org/china-space-kg/id/"
DS = URIRef(dataset_iri())


@pytest.fixture(scope="module")
def store(built, built_paths) -> ox.Store:
    return store_files.open_store(built_paths.store)


@pytest.fixture(scope="module")
def dumps_dir(built, built_paths) -> Path:
    return dump.current_dumps(built_paths.store)


@pytest.fixture(scope="module")
def void(dumps_dir: Path) -> Graph:
    return Graph().parse(dumps_dir / dump.VOID_FILE, format="turtle")


def number(g: Graph, subject, predicate) -> int:
    value = g.value(subject, predicate)
    assert value is not None, f"{predicate} missing"
    return int(value)


def select_counts(store: ox.Store, sparql: str) -> dict[str, int]:
    return {row["key"].value: int(row["n"].value) for row in store.query(sparql)}


def test_triples_are_the_distinct_triples_of_the_union(void, built, store) -> None:
    distinct = next(iter(store.query(
        "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } } }"
    )))["n"]
    assert number(void, DS, VOID.triples) == int(distinct.value) == built.info.triples


def test_entities_are_the_subjects_in_the_uri_space(void, store) -> None:
    row = next(iter(store.query(
        "SELECT (COUNT(DISTINCT ?s) AS ?n) { GRAPH ?g { ?s ?p ?o } "
        f'FILTER(isIRI(?s) && STRSTARTS(STR(?s), "{ID}")) }}'
    )))
    assert number(void, DS, VOID.entities) == int(row["n"].value)
    assert str(void.value(DS, VOID.uriSpace)) == ID


def test_class_partitions_count_each_class_instances(void, store) -> None:
    expected = select_counts(store, "SELECT (?c AS ?key) (COUNT(DISTINCT ?s) AS ?n) "
                             "{ GRAPH ?g { ?s a ?c } FILTER isIRI(?c) } GROUP BY ?c")
    stated = {str(void.value(part, VOID["class"])): number(void, part, VOID.entities)
              for part in void.objects(DS, VOID.classPartition)}
    assert stated == expected
    assert number(void, DS, VOID.classes) == len(expected)
    assert str(CSK.SourceDocument) in stated


def test_property_partitions_count_each_property_triples(void, store) -> None:
    expected = select_counts(
        store, "SELECT (?p AS ?key) (COUNT(*) AS ?n) "
        "{ SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } } } GROUP BY ?p")
    stated = {str(void.value(part, VOID.property)): number(void, part, VOID.triples)
              for part in void.objects(DS, VOID.propertyPartition)}
    assert stated == expected
    assert sum(stated.values()) == number(void, DS, VOID.triples)


def test_subsets_are_the_named_graphs_with_their_quads(void, store) -> None:
    subsets = {str(s): number(void, s, VOID.triples) for s in void.objects(DS, VOID.subset)}
    assert set(subsets) == {g.value for g in store.named_graphs()}
    for graph, count in subsets.items():
        query = f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
        row = next(iter(store.query(query)))
        assert int(row["n"].value) == count, graph
    merged = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    assert merged == number(void, DS, VOID.triples)  # the default graph holds the merge
    assert sum(subsets.values()) == len(store) - merged


def test_links_point_at_the_dumps_and_the_endpoint(void, dumps_dir) -> None:
    dumps = sorted(str(u) for u in void.objects(DS, VOID.dataDump))
    assert len(dumps) == len(FORMATS)
    for url in dumps:
        assert url.startswith("https://w3id.org/china-space-kg/dumps/")
        assert (dumps_dir / url.rsplit("/", 1)[1]).is_file()
    assert str(void.value(DS, VOID.sparqlEndpoint)) == "https://w3id.org/china-space-kg/sparql"
    assert URIRef(str(CSK)) in set(void.objects(DS, VOID.vocabulary))


def test_describes_title_licence_creator_and_issue_date(void, built) -> None:
    assert (DS, RDF.type, VOID.Dataset) in void
    assert void.value(DS, DCTERMS.title) and void.value(DS, DCTERMS.description)
    assert isinstance(void.value(DS, DCTERMS.license), URIRef)
    assert void.value(DS, DCTERMS.creator) is not None
    issued = void.value(DS, DCTERMS.issued)
    assert issued == Literal(date.fromisoformat(built.info.built_at[:10]))


def test_example_resources_exist_in_the_store(void, store) -> None:
    examples = list(void.objects(DS, VOID.exampleResource))
    assert examples, "at least the source documents are examples"
    for iri in examples:
        assert next(iter(store.quads_for_pattern(ox.NamedNode(str(iri)), None, None)), None)


def test_counts_of_a_small_store_by_hand(tmp_path) -> None:
    """Two graphs state one triple each of the same fact: counted once."""
    g1, g2 = "<https://w3id.org/china-space-kg/graph/document/a>", "<urn:x:b>"
    fact, kind = f"<{ID}cooperation/c>", f"<{CSK}Cooperation>"
    typ = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    nq = (f"{fact} {typ} {kind} {g1} .\n{fact} {typ} {kind} {g2} .\n"
          f'{fact} <{CSK}partner> <{ID}country/SE> {g2} .\n'
          f'_:x <urn:x:p> "v" {g2} .\n')
    store = ox.Store(str(tmp_path / "s"))
    store.load(nq.encode(), ox.RdfFormat.N_QUADS)
    stats = collect_stats(store)
    assert (stats.triples, stats.quads, stats.subjects, stats.entities) == (3, 4, 2, 1)
    assert dict(stats.classes) == {str(CSK.Cooperation): 1}
    g = void_graph(stats, issued=date(2024, 1, 2), version="v")
    assert number(g, DS, VOID.triples) == 3
    assert number(g, DS, VOID.distinctSubjects) == 2
