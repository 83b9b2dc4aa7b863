"""A build that follows a previous one counts its summaries in two processes, its own and
a forked copy that makes the area counts and the ranks in saved lists meanwhile: the
summaries graph's lines are the bytes one process writes (issue 18)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from graph import summaries, summary_forked
from graph.helper_pool import may_fork
from graph.summary_scratch_kept import PickedCache

TURTLE = """
@prefix csk: <https://w3id.org/china-space-kg/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix id: <https://w3id.org/china-space-kg/id/> .

csk:Cooperation rdfs:subClassOf csk:Fact .
csk:Agreement rdfs:subClassOf csk:Fact .
id:document\\/a a csk:SourceDocument .
id:document\\/b a csk:SourceDocument .
id:country\\/china a csk:Country ; csk:iso3166Alpha2 "CN" ; rdfs:label "China"@en .
id:country\\/france a csk:Country ; rdfs:label "France"@en .
id:country\\/peru a csk:Country ; rdfs:label "Peru"@en .
id:area\\/x skos:prefLabel "Area x"@en .
id:mission\\/m rdfs:label "Mission m"@en ; prov:wasDerivedFrom id:document\\/a .
id:status\\/signed skos:prefLabel "signed"@en .

id:fact\\/1 a csk:Cooperation ; csk:partner id:country\\/france ; csk:area id:area\\/x ;
    csk:status id:status\\/signed ; csk:mission id:mission\\/m ;
    prov:wasDerivedFrom id:document\\/a, id:document\\/b .
id:fact\\/2 a csk:Cooperation ; csk:partner id:country\\/peru ; csk:area id:area\\/x ;
    csk:status id:status\\/signed ; prov:wasDerivedFrom id:document\\/b .
id:fact\\/3 a csk:Agreement ; csk:party id:country\\/france, id:country\\/china ;
    prov:wasDerivedFrom id:document\\/b .
"""


@pytest.fixture
def store() -> ox.Store:
    s = ox.Store()
    s.load(TURTLE, ox.RdfFormat.TURTLE)  # into the default graph, as the merge is
    return s


@pytest.mark.skipif(not may_fork(), reason="one core, or threads running: no fork")
def test_the_summaries_counted_in_two_processes_are_the_lines_one_writes(store) -> None:
    one = summaries.summary_lines(summaries._counted(store), passages_of=store)
    two = summary_forked.summary_lines_in_two(store, summaries._counted_first, None)
    assert two == one
    # the child's share is there: the area counts and a fact's documents
    assert b"#missionLabels>" in two and b"#documentList>" in two


def test_only_a_build_that_follows_a_previous_one_counts_in_two(tmp_path: Path) -> None:
    graphs = {f"<g{i}>": b"" for i in range(10)}
    follows = PickedCache(tmp_path)
    follows.picked = 2  # most graphs' counted triples were the previous build's
    cold = PickedCache(tmp_path)
    cold.picked = 10
    full = PickedCache(tmp_path, read=False)
    full.picked = 2
    assert summary_forked.worth_it(graphs, follows) == may_fork()
    assert not summary_forked.worth_it(graphs, cold)
    assert not summary_forked.worth_it(graphs, full)
    assert not summary_forked.worth_it(None, follows)
