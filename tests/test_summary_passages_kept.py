"""A build makes again only the partner passages of partners that a changed graph names
(before or after the change) and takes the others' lines from the previous build; the
lines are those of making every row afresh. A changed label of a fact's class or status
makes every row again, as does a full build (graph/summary_passages_kept.py, issue 18)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from graph import store, store_delta, summaries, summary_passages_kept
from graph.summary_passage_rows import partner_passage_lines
from graph.summary_passages_kept import PassagesCache, partners_named
from graph.vocab import CSK, ID
from tests.summary_turtle import PREFIXES

ONTOLOGY = """
csk:Cooperation rdfs:subClassOf csk:Fact ; rdfs:label "cooperation"@en .
id:status\\/achieved skos:prefLabel "achieved"@en .
"""
SUMMARIES = f"<{ID}graph/summaries>"


def fact(document: str, name: str, label: str, partners: list[str], start: int) -> str:
    """A cooperation stated in ``document``: its roles, label, status and one passage."""
    evidence = f"<{ID}evidence/{document}/{start}>"
    roles = " ; ".join(f"csk:partner id:country\\/{p}" for p in partners)
    return f"""
id:cooperation\\/{name} a csk:Cooperation ; rdfs:label "{label}"@en ; {roles} ;
    csk:status id:status\\/achieved ; csk:evidence {evidence} .
{evidence} oa:hasSource <{ID}document/{document}> ;
    oa:hasSelector <{ID}evidence/{document}/{start}#q>, <{ID}evidence/{document}/{start}#p> .
<{ID}evidence/{document}/{start}#q> oa:exact "quote of {name}" .
<{ID}evidence/{document}/{start}#p> oa:start "{start}"^^xsd:nonNegativeInteger ;
    oa:end "{start + 5}"^^xsd:nonNegativeInteger .
"""


def graphs(**turtle: str) -> dict[str, bytes]:
    """Graph name -> N-Quads lines, as a build hands them to the summaries."""
    out = {}
    for name, text in turtle.items():
        graph = ox.NamedNode(f"{ID}graph/{name}")
        triples = ox.parse(PREFIXES + text, format=ox.RdfFormat.TURTLE)
        quads = [ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples]
        out[f"<{graph.value}>"] = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    return out


def merged(lines: dict[str, bytes]) -> ox.Store:
    store = ox.Store()
    summaries.bulk_load_graphs(store, lines, only=summaries.counted_predicates())
    return store


def made(cache: PassagesCache, lines: dict[str, bytes]) -> str:
    return b"".join(cache.lines(merged(lines), summaries._n3, SUMMARIES, lines)).decode()


def afresh(lines: dict[str, bytes]) -> str:
    return b"".join(partner_passage_lines(merged(lines), summaries._n3, SUMMARIES)).decode()


BEFORE = {
    "ontology": ONTOLOGY,
    "a": fact("a", "one", "Satellite", ["brazil", "china"], 10)
    + fact("a", "two", "Probe", ["japan"], 30),
    "b": fact("b", "three", "Alpha", ["brazil"], 5)
    + fact("b", "four", "Beta", ["kenya", "china"], 9),
    "c": fact("c", "five", "Gamma", ["mali"], 1),
}


def test_the_first_build_makes_every_row() -> None:
    cache = PassagesCache(None)
    assert made(cache, graphs(**BEFORE)) == afresh(graphs(**BEFORE))
    assert cache.recounted is None


def test_only_partners_a_changed_graph_names_are_made_again(tmp_path: Path) -> None:
    made(PassagesCache(tmp_path), graphs(**BEFORE))
    # b's Alpha is renamed (Brazil's order changes), Kenya's fact leaves b and Panama
    # is named there; a document d is added naming Brazil
    after = {
        **BEFORE,
        "b": fact("b", "three", "Zulu", ["brazil"], 5) + fact("b", "six", "Delta", ["panama"], 9),
        "d": fact("d", "one", "Satellite", ["brazil", "china"], 3),
    }
    cache = PassagesCache(tmp_path)
    assert made(cache, graphs(**after)) == afresh(graphs(**after))
    named = {f"{ID}country/{p}" for p in ("brazil", "china", "kenya", "panama")}
    assert cache.recounted == named  # Japan's and Mali's lines are the previous build's
    assert f"{ID}country/kenya" not in made(PassagesCache(tmp_path), graphs(**after))


def test_a_graph_gone_makes_its_partners_rows_again(tmp_path: Path) -> None:
    made(PassagesCache(tmp_path), graphs(**BEFORE))
    after = {k: v for k, v in BEFORE.items() if k != "c"}
    cache = PassagesCache(tmp_path)
    assert made(cache, graphs(**after)) == afresh(graphs(**after))
    assert cache.recounted == {f"{ID}country/mali"}


def test_a_changed_status_label_makes_every_row_again(tmp_path: Path) -> None:
    made(PassagesCache(tmp_path), graphs(**BEFORE))
    after = {**BEFORE, "ontology": ONTOLOGY.replace('"achieved"', '"done"')}
    cache = PassagesCache(tmp_path)
    assert made(cache, graphs(**after)) == afresh(graphs(**after))
    assert cache.recounted is None


def test_a_full_build_reads_nothing_kept(tmp_path: Path) -> None:
    made(PassagesCache(tmp_path), graphs(**BEFORE))
    cache = PassagesCache(tmp_path, read=False)
    made(cache, graphs(**BEFORE))
    assert cache.recounted is None


def test_the_partners_a_graph_names_are_read_from_its_lines() -> None:
    lines = graphs(a=BEFORE["a"])[f"<{ID}graph/a>"]
    assert partners_named(lines) == {f"{ID}country/{p}" for p in ("brazil", "china", "japan")}


def test_a_graph_written_again_in_another_order_makes_no_row_again(tmp_path: Path) -> None:
    made(PassagesCache(tmp_path), graphs(**BEFORE))
    again = graphs(**BEFORE)
    name = f"<{ID}graph/b>"
    again[name] = b"".join(reversed(again[name].splitlines(keepends=True)))
    cache = PassagesCache(tmp_path)
    assert made(cache, again) == afresh(again)
    assert cache.recounted == set()


def test_only_the_facts_a_changed_graph_names_are_asked_again(tmp_path: Path) -> None:
    made(PassagesCache(tmp_path), graphs(**BEFORE))
    # a new document restates fact "one" (also in a) and names Kenya in a new fact
    after = {**BEFORE, "d": fact("d", "one", "Satellite", ["brazil", "china"], 3)}
    after["d"] += fact("d", "seven", "Epsilon", ["kenya"], 40)
    cache = PassagesCache(tmp_path)
    assert made(cache, graphs(**after)) == afresh(graphs(**after))
    assert cache.asked == {f"{ID}cooperation/one", f"{ID}cooperation/seven"}
    # China's rows of fact "four" and Brazil's of "three" are the kept ones, merged
    assert cache.recounted == {f"{ID}country/{p}" for p in ("brazil", "china", "kenya")}


def test_a_build_after_a_build_after_a_build_is_making_every_row(tmp_path: Path) -> None:
    steps = [
        {**BEFORE, "d": fact("d", "eight", "Aaa", ["china", "mali"], 2)},
        {**BEFORE, "a": fact("a", "one", "Satellite", ["brazil"], 10)},  # China leaves "one"
        {**BEFORE, "c": fact("c", "five", "Gamma", ["mali"], 1) + fact("c", "two", "Probe", [], 7)},
        {k: v for k, v in BEFORE.items() if k not in ("a", "c")},
    ]
    made(PassagesCache(tmp_path), graphs(**BEFORE))
    for step in steps:
        cache = PassagesCache(tmp_path)
        assert made(cache, graphs(**step)) == afresh(graphs(**step))
        assert cache.recounted is not None  # merged, not made whole


def test_a_partners_kept_files_gone_make_every_row_again(tmp_path: Path) -> None:
    made(PassagesCache(tmp_path), graphs(**BEFORE))
    for path in (tmp_path / "partner-passages").iterdir():
        path.unlink()
    after = {**BEFORE, "d": fact("d", "one", "Satellite", ["brazil", "china"], 3)}
    cache = PassagesCache(tmp_path)
    assert made(cache, graphs(**after)) == afresh(graphs(**after))
    assert cache.recounted is None


def test_only_the_changed_partners_files_are_written_again(tmp_path: Path) -> None:
    made(PassagesCache(tmp_path), graphs(**BEFORE))
    folder = tmp_path / "partner-passages"
    before = {path.name: path.stat().st_mtime_ns for path in folder.iterdir()}
    after = {**BEFORE, "c": fact("c", "five", "Gamma", ["mali"], 2)}  # Mali's only fact
    made(PassagesCache(tmp_path), graphs(**after))
    now = {path.name: path.stat().st_mtime_ns for path in folder.iterdir()}
    assert len(before.keys() - now.keys()) == 2  # Mali's lines and rows, replaced
    assert {name: before[name] for name in before.keys() & now.keys()} == {
        name: now[name] for name in before.keys() & now.keys()
    }


def test_a_start_the_rows_cannot_order_keeps_the_engines_order_and_nothing(
    tmp_path: Path,
) -> None:
    odd = {**BEFORE, "c": BEFORE["c"].replace('"1"^^xsd:nonNegativeInteger', '"one"')}
    cache = PassagesCache(tmp_path)
    assert made(cache, graphs(**odd)) == afresh(graphs(**odd))
    assert not (tmp_path / "partner-passages.pickle").exists()
    cache = PassagesCache(tmp_path)
    made(cache, graphs(**odd))
    assert cache.recounted is None


def test_more_changed_facts_than_one_query_asks_make_every_row_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made(PassagesCache(tmp_path), graphs(**BEFORE))
    monkeypatch.setattr(summary_passages_kept, "ASKED_AT_MOST", 1)
    after = {**BEFORE, "d": fact("d", "one", "Satellite", ["brazil", "china"], 3)}
    after["d"] += fact("d", "seven", "Epsilon", ["kenya"], 40)
    cache = PassagesCache(tmp_path)
    assert made(cache, graphs(**after)) == afresh(graphs(**after))
    assert cache.recounted is None and cache.asked is None


ROLES = {f"<{CSK}{name}>".encode() for name in ("partner", "party", "organisation")}


def roles_line_by_line(lines: bytes) -> frozenset[tuple[str, str]]:
    """What ``roles_named`` finds, read line by line: the subject and object of each line
    whose predicate is a role and whose object is an IRI."""
    found = set()
    for line in lines.splitlines():
        fact, predicate, rest = line.split(b" ", 2)
        if predicate in ROLES and rest.startswith(b"<"):
            found.add((fact.decode(), rest[1 : rest.index(b">")].decode()))
    return frozenset(found)


def test_a_graphs_roles_are_the_role_lines_and_no_text_in_a_literal(built, built_paths) -> None:
    role = f"<{CSK}partner> <{ID}country/mali> "
    tricky = (
        f"<{ID}fact/f1> <{CSK}partner> <{ID}country/peru> <{ID}graph/a> .\n"
        f"_:b7 <{CSK}party> <{ID}country/chad> <{ID}graph/a> .\n"
        f'<{ID}fact/f2> <{CSK}quote> "says {role}twice {role}" <{ID}graph/a> .\n'
        f'<{ID}fact/f3> <{CSK}organisation> "a name, not a node" <{ID}graph/a> .\n'
    ).encode()
    assert summary_passages_kept.roles_named(tricky) == {
        (f"<{ID}fact/f1>", f"{ID}country/peru"),
        ("_:b7", f"{ID}country/chad"),
    }
    # every line of the corpus's build
    lines = store_delta.lines_path(store.current_path(built_paths.store).resolve()).read_bytes()
    assert summary_passages_kept.roles_named(lines) == roles_line_by_line(lines)
    assert len(roles_line_by_line(lines)) > 100
