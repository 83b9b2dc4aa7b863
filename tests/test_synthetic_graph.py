"""The benchmarks' synthetic graph keeps the real graph's shape: N copies of the facts,
documents and curated entities, the countries and concept schemes shared, a fact of two
documents still of two documents, and the real IRIs in the first copy."""

from __future__ import annotations

import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph import store as store_files

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import synthetic_graph  # noqa: E402

PREFIXES = """PREFIX csk: <https://w3id.org/china-space-kg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""
SCALE = 3


def count(store: ox.Store, where: str) -> int:
    query = f"{PREFIXES} SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}"
    return int(next(iter(store.query(query, use_default_graph_as_union=True)))["n"].value)


@pytest.fixture(scope="module")
def stores(built, built_paths, tmp_path_factory) -> tuple[ox.Store, ox.Store]:
    real = store_files.open_store(built_paths.store)
    nquads = ox.serialize(synthetic_graph.named_graphs(real), format=ox.RdfFormat.N_QUADS)
    out = tmp_path_factory.mktemp("synthetic") / "graph.nq"
    synthetic_graph.write_nquads(nquads, SCALE, out)
    copy = ox.Store()
    copy.bulk_load(path=str(out), format=ox.RdfFormat.N_QUADS)
    original = ox.Store()
    original.bulk_load(nquads, ox.RdfFormat.N_QUADS)
    return original, copy


@pytest.mark.parametrize(
    "pattern",
    [
        "SELECT DISTINCT ?x WHERE { ?x a csk:Cooperation }",
        "SELECT DISTINCT ?x WHERE { ?x a csk:SourceDocument }",
        "SELECT DISTINCT ?x WHERE { ?x a csk:Mission }",
        "SELECT DISTINCT ?x ?d WHERE { ?x csk:evidence ?e . ?x prov:wasDerivedFrom ?d }",
        "SELECT DISTINCT ?x ?y WHERE { ?x csk:partOf ?y }",
    ],
)
def test_facts_documents_and_curated_entities_are_copied(stores, pattern) -> None:
    original, copy = stores
    where = pattern.split("WHERE", 1)[1].strip()[1:-1]
    n = count(original, f"{{ {pattern} }}")
    assert n > 0, where
    assert count(copy, f"{{ {pattern} }}") == SCALE * n


def test_countries_and_concepts_are_shared(stores) -> None:
    original, copy = stores
    for where in ("SELECT DISTINCT ?c WHERE { ?c a csk:Country }",
                  "SELECT DISTINCT ?a WHERE { ?f csk:area ?a }"):
        assert count(copy, f"{{ {where} }}") == count(original, f"{{ {where} }}") > 0


def test_a_fact_of_several_documents_stays_so_in_every_copy(stores) -> None:
    original, copy = stores
    several = """{ SELECT ?f WHERE { GRAPH ?g { ?f a csk:Cooperation } }
                   GROUP BY ?f HAVING (COUNT(DISTINCT ?g) > 1) }"""
    assert count(copy, several) == SCALE * count(original, several) > 0


def test_the_first_copy_keeps_the_real_iris(stores) -> None:
    original, copy = stores
    def ground(store: ox.Store) -> set[ox.Triple]:  # blank nodes are relabelled on loading
        return {
            q.triple for q in store
            if not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode)
        }

    real = ground(original)
    assert len(real) > 1000
    assert real <= ground(copy)


def test_the_store_written_has_each_copys_partner_lists_and_keys(
    built, built_paths, tmp_path
) -> None:
    """The build-time summaries are made again for the copy (``replace_summaries``), so
    the queries that read them see every copy, as after a build of N times the documents."""
    real = store_files.open_store(built_paths.store)
    nquads = ox.serialize(synthetic_graph.named_graphs(real), format=ox.RdfFormat.N_QUADS)
    build = synthetic_graph.make(nquads, 2, tmp_path / "root", tmp_path)
    copy = ox.Store.read_only(str(build))
    for link in ("namesPartner", "partnerArea"):
        where = f"?s csk:{link} ?o"
        query = f"{PREFIXES} SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}"
        n_real, n_copy = (int(next(iter(s.query(query)))["n"].value) for s in (real, copy))
        assert n_copy == 2 * n_real > 0, link
    # Each fact's documents, and the cooperations per area (areas are shared by the copies).
    for where in ("?s csk:documentCount ?o ; csk:status ?status",
                  '?s csk:statusKey "any" ; csk:cooperationCount ?o'):
        query = f"{PREFIXES} SELECT (SUM(?o) AS ?n) WHERE {{ {where} }}"
        n_real, n_copy = (int(next(iter(s.query(query)))["n"].value) for s in (real, copy))
        assert n_copy == 2 * n_real > 0, where
