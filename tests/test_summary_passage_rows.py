"""A partner's passage rows are ordered in Python as the engine orders evidence-for-partner
(a literal by datatype, language and text, the document, the start as a number, then the
fact and passage), so kept rows and the rows of changed facts merge into the list a
whole query gives (graph/summary_passage_rows.py, issue 18)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph import summaries
from graph.summary_passage_rows import (
    Unordered,
    chunk_parts,
    engine_chunks,
    merged,
    partner_passage_lines,
    rows_of,
)
from graph.vocab import ID
from tests.summary_turtle import PREFIXES
from tests.test_summary_passages import DATA

SUMMARIES = f"<{ID}graph/summaries>"
# labels the order reads by datatype and language before text: plain, tagged, typed
LABELS = """
id:cooperation\\/gamma a csk:Cooperation ; rdfs:label "Gamma" ;
    csk:partner id:country\\/brazil ; csk:status id:status\\/achieved ;
    csk:evidence id:evidence\\/b\\/50-60 .
id:cooperation\\/delta a csk:Cooperation ; rdfs:label "Delta"@fr ;
    csk:partner id:country\\/brazil ; csk:status id:status\\/achieved ;
    csk:evidence id:evidence\\/a\\/10-20 .
id:cooperation\\/eta a csk:Cooperation ; rdfs:label "100"^^xsd:integer ;
    csk:partner id:country\\/brazil ; csk:status id:status\\/achieved ;
    csk:evidence id:evidence\\/a\\/9-30 .
"""


def store_of(*turtle: str) -> ox.Store:
    store = ox.Store()
    store.load(DATA + "".join(turtle), ox.RdfFormat.TURTLE)
    return store


def lines(rows: dict) -> dict[str, bytes]:
    return {p: b"".join(chunk_parts(found, summaries._n3, SUMMARIES)) for p, found in rows.items()}


def test_the_rows_are_in_the_engines_order_line_for_line() -> None:
    store = store_of(PREFIXES + LABELS)
    rows, labelled = rows_of(store, summaries._n3, SUMMARIES)
    assert lines(rows) == engine_chunks(store, summaries._n3, SUMMARIES)
    assert (f"{ID}status/achieved", "http://www.w3.org/2004/02/skos/core#prefLabel") in labelled


def test_rows_the_order_leaves_tied_keep_their_nodes_place_and_rank() -> None:
    # one passage with two statuses: two rows tied on every key, one node
    store = store_of(PREFIXES + 'id:status\\/achieved skos:prefLabel "done"@en .')
    rows, _ = rows_of(store, summaries._n3, SUMMARIES)
    engine = engine_chunks(store, summaries._n3, SUMMARIES)
    for partner, data in lines(rows).items():
        assert sorted(data.splitlines()) == sorted(engine[partner].splitlines())


def test_kept_rows_merged_with_a_changed_facts_rows_are_the_whole_querys() -> None:
    before = store_of(PREFIXES + LABELS)
    after = store_of(PREFIXES + LABELS.replace('"Gamma"', '"Aardvark"'))
    changed = {f"{ID}cooperation/gamma"}
    kept, _ = rows_of(before, summaries._n3, SUMMARIES)
    new, _ = rows_of(after, summaries._n3, SUMMARIES, facts=changed)
    assert new.keys() == {f"{ID}country/brazil"}
    together = {p: merged(kept[p], changed, new.get(p, [])) for p in kept}
    assert lines(together) == lines(rows_of(after, summaries._n3, SUMMARIES)[0])


def test_a_start_that_is_not_a_number_leaves_the_engines_order() -> None:
    store = store_of()
    store.update(
        'PREFIX oa: <http://www.w3.org/ns/oa#> DELETE { ?s oa:start ?v } INSERT { ?s oa:start "9" }'
        ' WHERE { ?s oa:start ?v FILTER(STR(?v) = "9") }'
    )
    with pytest.raises(Unordered):
        rows_of(store, summaries._n3, SUMMARIES)
    chunks = engine_chunks(store, summaries._n3, SUMMARIES)
    assert partner_passage_lines(store, summaries._n3, SUMMARIES) == [
        chunks[p] for p in sorted(chunks)
    ]
