"""A saved list's ranks (graph/rank_values.py) order its rows as their places did, start
with the row's page (16 rows, growing to 1,024: what the server's cut reads), and leave
the rows far from an added one as they were: adding a document to a graph of 6,000 facts
changes the rank lines of the rows it touches and of a few rows near them, where places
renumbered every row after the first one it touched."""

from __future__ import annotations

import random

import pyoxigraph as ox
import pytest

from graph.errors import StoreError
from graph.rank_values import PAGE_ROWS, PAGE_SHIFT, RankValues, page_end, page_of
from graph.summaries import summary_triples
from graph.vocab import CSK, ID


def _ranks(identities: list[str]) -> dict[str, int]:
    values = RankValues()
    return {identity: values.next(identity) for identity in identities}


def _list(rows: int, start: int = 0) -> list[str]:
    return [f"{ID}fact/{i:06d}" for i in range(start, start + rows)]


def test_ranks_grow_along_the_list_and_start_with_the_rows_page() -> None:
    rows = _list(3 * PAGE_ROWS + 5)
    found = _ranks(rows)
    values = [found[row] for row in rows]
    assert values == sorted(set(values))  # strictly growing: the order of the places
    assert [value >> PAGE_SHIFT for value in values] == [page_of(i) for i in range(len(rows))]
    # pages of 16, 16, 32, 64, ... 512 rows, then of 1,024
    sizes = [[page_of(i) for i in range(len(rows))].count(page) for page in range(9)]
    assert sizes == [16, 16, 32, 64, 128, 256, 512, PAGE_ROWS, PAGE_ROWS]
    assert values[0] > 0 and values[-1] < 2**63  # an engine's integer
    assert sum(value <= page_end(PAGE_ROWS + 1) for value in values) == 2 * PAGE_ROWS
    assert _ranks(rows) == found  # a function of the list: two builds give the same


def test_a_row_added_changes_the_ranks_of_a_few_rows_after_it() -> None:
    rows = _list(5000, start=1)
    before = _ranks(rows)
    added = [*rows[:2000], f"{ID}fact/000000-new", *rows[2000:]]
    after = _ranks(added)
    changed = [row for row in rows if after[row] != before[row]]
    assert len(changed) < 40  # places: 3,000 rows moved down by one
    assert all(rows.index(row) >= 2000 for row in changed)  # all after it


def test_a_run_of_rows_of_one_level_carries_into_the_next() -> None:
    """127 rows of level 0 in a row fill their digit; the next one counts a level up, so
    the order holds whatever the digests."""
    values = RankValues()
    values._digits[0] = 126
    ranks = [values.next("a"), values.next("b")]
    assert ranks[0] < ranks[1]


def test_a_list_too_long_to_rank_is_one_line() -> None:
    values = RankValues()
    values._rows = ((2**63 - 1) >> PAGE_SHIFT) * PAGE_ROWS + PAGE_ROWS
    with pytest.raises(StoreError, match="cannot be ranked"):
        values.next("x")


_P = {
    name: ox.NamedNode(iri)
    for name, iri in {
        "type": "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
        "label": "http://www.w3.org/2000/01/rdf-schema#label",
        "subClassOf": "http://www.w3.org/2000/01/rdf-schema#subClassOf",
        "prefLabel": "http://www.w3.org/2004/02/skos/core#prefLabel",
        "derived": "http://www.w3.org/ns/prov#wasDerivedFrom",
        "issued": "http://purl.org/dc/terms/issued",
        "source": "http://www.w3.org/ns/oa#hasSource",
        "selector": "http://www.w3.org/ns/oa#hasSelector",
        "exact": "http://www.w3.org/ns/oa#exact",
        "start": "http://www.w3.org/ns/oa#start",
        "end": "http://www.w3.org/ns/oa#end",
        **{name: f"{CSK}{name}" for name in ("partner", "status", "evidence", "signedOn")},
    }.items()
}
_DATE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")


def _fact(kind: str, partner: int, topic: int, documents: list[int]) -> list[ox.Triple]:
    """A cooperation or agreement with a partner, stated by ``documents``, each with a
    passage (its evidence); an agreement is signed on its first document's date."""
    fact = ox.NamedNode(f"{ID}{kind}/{partner}-{topic}")
    triples = [
        ox.Triple(fact, _P["type"], ox.NamedNode(f"{CSK}{kind.title()}")),
        ox.Triple(fact, _P["label"], ox.Literal(f"{kind} with {partner}: {topic}", language="en")),
        ox.Triple(fact, _P["partner"], ox.NamedNode(f"{ID}country/{partner}")),
        ox.Triple(fact, _P["status"], ox.NamedNode(f"{ID}status/achieved")),
    ]
    if kind == "agreement":
        triples.append(ox.Triple(fact, _P["signedOn"], _date(documents[0])))
    for document in documents:
        source = ox.NamedNode(f"{ID}document/{document}")
        evidence = ox.NamedNode(f"{fact.value}/evidence/{document}")
        selector = ox.NamedNode(f"{evidence.value}/at")
        triples += [
            ox.Triple(fact, _P["derived"], source),
            ox.Triple(fact, _P["evidence"], evidence),
            ox.Triple(evidence, _P["source"], source),
            ox.Triple(evidence, _P["selector"], selector),
            ox.Triple(selector, _P["exact"], ox.Literal(f"quote {partner} {topic}")),
            ox.Triple(selector, _P["start"], ox.Literal(topic)),
            ox.Triple(selector, _P["end"], ox.Literal(topic + 10)),
        ]
    return triples


def _date(document: int) -> ox.Literal:
    return ox.Literal(f"{2000 + document % 25}-01-{1 + document % 28:02d}", datatype=_DATE)


def _graph(facts: dict[tuple[str, int, int], list[int]], documents: int) -> ox.Store:
    store = ox.Store()
    for kind in ("cooperation", "agreement"):
        node = ox.NamedNode(f"{CSK}{kind.title()}")
        store.add(ox.Quad(node, _P["subClassOf"], ox.NamedNode(f"{CSK}Fact")))
        store.add(ox.Quad(node, _P["label"], ox.Literal(kind, language="en")))
    achieved = ox.NamedNode(f"{ID}status/achieved")
    store.add(ox.Quad(achieved, _P["prefLabel"], ox.Literal("achieved", language="en")))
    for partner in range(40):
        country = ox.NamedNode(f"{ID}country/{partner}")
        store.add(ox.Quad(country, _P["label"], ox.Literal(f"Country {partner}", language="en")))
    for document in range(documents):
        node = ox.NamedNode(f"{ID}document/{document}")
        store.add(ox.Quad(node, _P["issued"], _date(document)))
    for (kind, partner, topic), stated in facts.items():
        store.extend(
            ox.Quad(t.subject, t.predicate, t.object) for t in _fact(kind, partner, topic, stated)
        )
    return store


def _rank_lines(store: ox.Store) -> set[tuple[str, str, str]]:
    return {
        (t.subject.value, t.predicate.value, t.object.value)
        for t in summary_triples(store)
        if t.predicate.value.endswith("Rank")
    }


def test_adding_a_document_changes_the_rank_lines_near_what_it_states() -> None:
    chance = random.Random(18)
    facts = {
        (chance.choice(("cooperation", "agreement")), chance.randrange(40), topic): sorted(
            chance.sample(range(200), chance.randint(1, 4))
        )
        for topic in range(6000)
    }
    before = _rank_lines(_graph(facts, 200))
    # a news article: three new facts, and five facts stated again
    added = dict(facts)
    for topic in range(6000, 6003):
        added["cooperation", chance.randrange(40), topic] = [200]
    for key in chance.sample(sorted(facts), 5):
        added[key] = [*facts[key], 200]
    after = _rank_lines(_graph(added, 201))

    changed = before ^ after  # each a line removed or added
    by_property: dict[str, int] = {}
    for _subject, predicate, _value in changed:
        name = predicate.removeprefix(str(CSK))
        by_property[name] = by_property.get(name, 0) + 1
    touched = {
        f"{ID}{kind}/{partner}-{topic}"
        for (kind, partner, topic), stated in added.items()
        if stated != facts.get((kind, partner, topic))
    }
    corroboration = f"{CSK}corroborationRank"
    assert len(touched) == 8 and touched <= {s for s, p, _v in changed if p == corroboration}
    # places moved every fact after the first one touched: 5,404 of 6,000 (10,808 lines)
    moved = _places_moved(before, after, corroboration)
    assert moved > 5000
    # the ranks: the eight facts' lines and those of about a hundred facts near them
    assert by_property[corroboration.removeprefix(str(CSK))] < min(400, moved / 10), by_property
    # every rank (partners', passages' too): 353 lines
    assert len(changed) < 700, by_property


def _places_moved(before: set, after: set, predicate: str) -> int:
    """How many of the list's rows, in both, had their place changed by the addition."""
    places = []
    for lines in (before, after):
        ordered = sorted((int(v), s) for s, p, v in lines if p == predicate)
        places.append({s: place for place, (_v, s) in enumerate(ordered)})
    return sum(1 for s in places[0].keys() & places[1].keys() if places[0][s] != places[1][s])
