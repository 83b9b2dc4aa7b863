"""`spacekg export`: every format reloads, into pyoxigraph and into rdflib, to exactly the
graph that was exported; quad formats keep one named graph per document, triple
formats merge them; JSON-LD reads with the published context."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

from cli.main import cli
from graph import export
from graph import store as store_files
from graph.corpus import read_corpus
from graph.export_jsonld import Context

ROOT = Path(__file__).resolve().parent.parent
CONTEXT = Context.load(ROOT / "ontology" / "context.jsonld")
RDFLIB_FORMAT = {"nq": "nquads", "trig": "trig", "jsonld": "json-ld", "ttl": "turtle",
                 "nt": "nt", "rdfxml": "xml"}
ID = "https://w3id.org/china-space-kg/id/"
DOC_A = "<https://w3id.org/china-space-kg/graph/document/a>"
DOC_B = "<https://w3id.org/china-space-kg/graph/document/b>"
REF = "<https://w3id.org/china-space-kg/graph/reference>"
CSK = "https://w3id.org/china-space-kg/ontology#"
# Terms that test each compaction rule: a triple in two documents, languages, datatypes
# that match and do not match a term's coercion, a literal under an IRI-valued term,
# blank nodes (also as a class), a triple in the default graph.
TRICKY = f"""
<{ID}cooperation/x> a <{CSK}Cooperation> {DOC_A} .
<{ID}cooperation/x> a <{CSK}Cooperation> {DOC_B} .
<{ID}cooperation/x> <{CSK}partner> <{ID}country/SE> {DOC_B} .
<{ID}cooperation/x> <http://www.w3.org/2000/01/rdf-schema#label> "Payloads"@en {DOC_B} .
<{ID}cooperation/x> <http://www.w3.org/2000/01/rdf-schema#label> "Nutzlasten"@de {DOC_B} .
<{ID}country/SE> <{CSK}iso3166Alpha2> "SE" {REF} .
<{ID}country/SE> <{CSK}iso3166Alpha2> "SE"@en {REF} .
<{ID}country/SE> <{CSK}partner> "not an IRI" {REF} .
<{ID}country/SE> <{CSK}validFrom> "2013"^^<http://www.w3.org/2001/XMLSchema#gYear> {REF} .
<{ID}country/SE> <{CSK}validFrom> "2013"^^<http://www.w3.org/2001/XMLSchema#integer> {REF} .
<{ID}country/SE> <http://example.org/p> _:b1 {REF} .
_:b1 <http://example.org/q> "plain" {REF} .
_:b1 a _:b2 {REF} .
<http://example.org/d> <http://example.org/q> "in the default graph" .
""".replace(" a ", " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> ")


def by_graph(ds: Dataset) -> dict[str, Graph]:
    graphs: dict[str, Graph] = defaultdict(Graph)
    for s, p, o, g in ds.quads((None, None, None, None)):
        graphs[str(g)].add((s, p, o))
    return dict(graphs)


def union(ds: Dataset) -> Graph:
    g = Graph()
    for s, p, o, _g in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def published_quads(store: ox.Store) -> list[ox.Quad]:
    """The store's quads less the default graph's copies of named-graph triples (the
    merge a build writes there is derived, not published)."""
    named = {q.triple for q in store if not isinstance(q.graph_name, ox.DefaultGraph)}
    return [
        q for q in store if not isinstance(q.graph_name, ox.DefaultGraph) or q.triple not in named
    ]


def as_dataset(store: ox.Store) -> Dataset:
    ds = Dataset()
    ds.parse(data=ox.serialize(published_quads(store), format=ox.RdfFormat.N_QUADS),
             format="nquads")
    return ds


def exported(store: ox.Store, name: str, which: str = "all") -> bytes:
    out = io.BytesIO()
    fmt = export.get_format(name)
    export.write(store, out, fmt, export.select_graphs(store, which), context=CONTEXT)
    return out.getvalue()


def assert_round_trip(store: ox.Store, name: str) -> None:
    """Reload the export into rdflib and into a fresh pyoxigraph store; compare."""
    data = exported(store, name)
    original = as_dataset(store)
    fmt = export.FORMATS[name]
    again = Dataset()
    again.parse(data=data, format=RDFLIB_FORMAT[name])
    fresh = ox.Store()
    fresh.load(data, fmt.rdf_format or ox.RdfFormat.JSON_LD)
    if fmt.quads:
        expected = by_graph(original)
        for got in (by_graph(again), by_graph(as_dataset(fresh))):
            assert got.keys() == expected.keys()
            for graph, triples in expected.items():
                assert isomorphic(got[graph], triples), f"{name}: graph {graph} differs"
    else:
        assert isomorphic(union(again), union(original)), f"{name} (rdflib) differs"
        assert isomorphic(union(as_dataset(fresh)), union(original)), f"{name} differs"


@pytest.fixture(scope="module")
def tricky_store(tmp_path_factory: pytest.TempPathFactory) -> ox.Store:
    """An on-disk store (the kind exports read) holding the tricky quads."""
    store = ox.Store(str(tmp_path_factory.mktemp("tricky") / "store"))
    store.load(TRICKY.encode(), ox.RdfFormat.N_QUADS)
    store.flush()
    return store


@pytest.fixture(scope="module")
def built_store(built, built_paths) -> ox.Store:
    return store_files.open_store(built_paths.store)


@pytest.mark.parametrize("name", list(export.FORMATS))
def test_every_format_round_trips_the_built_graph(built_store: ox.Store, name: str) -> None:
    assert_round_trip(built_store, name)


@pytest.mark.parametrize("name", list(export.FORMATS))
def test_every_format_round_trips_awkward_terms(tricky_store: ox.Store, name: str) -> None:
    assert_round_trip(tricky_store, name)


def test_quad_formats_keep_one_named_graph_per_source_document(built_store, built_paths) -> None:
    ds = Dataset()
    ds.parse(data=exported(built_store, "nq", "document"), format="nquads")
    graphs = {str(g) for _s, _p, _o, g in ds.quads((None, None, None, None))}
    documents = {f"{export.DOCUMENT_GRAPHS}{d.id}" for d in read_corpus(built_paths.corpus)}
    assert graphs == documents


def test_triple_formats_write_a_triple_stated_by_two_documents_once(tricky_store) -> None:
    lines = exported(tricky_store, "nt").decode().splitlines()
    assert len(lines) == len(set(lines))
    assert sum("cooperation/x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" in line
               for line in lines) == 1
    quads = exported(tricky_store, "nq").decode().splitlines()
    assert len(quads) == len(lines) + 1


def test_graph_selection_exports_only_the_ontology(built_store) -> None:
    g = Graph().parse(data=exported(built_store, "ttl", "ontology"), format="turtle")
    assert (URIRef("https://w3id.org/china-space-kg/ontology"), None, None) in g
    assert not list(g.subjects(RDF.type, URIRef(f"{CSK}SourceDocument")))


def test_jsonld_uses_the_readable_keys_of_the_published_context(tricky_store) -> None:
    doc = json.loads(exported(tricky_store, "jsonld"))
    shipped = json.loads((ROOT / "ontology" / "context.jsonld").read_text())
    assert doc["@context"] == shipped["@context"]
    nodes = [n for g in doc["@graph"] for n in g.get("@graph", [g])]
    coop = next(n for n in nodes if n["@id"] == "id:cooperation/x" and "partner" in n)
    assert coop["partner"] == "id:country/SE"
    assert coop["@type"] == "Cooperation"
    assert "Payloads" in coop["label"]


def test_every_contract_term_has_a_readable_key() -> None:
    contract = ["Mission", "Spacecraft", "Agreement", "Country", "Organisation",
                "Cooperation", "SourceDocument", "partner", "area", "mission", "party",
                "signedOn", "validFrom", "validUntil", "partOf", "iso3166Alpha2", "evidence"]
    for term in contract:
        assert CONTEXT.terms[CSK + term].name == term
    for iri in ("http://www.w3.org/2000/01/rdf-schema#label",
                "http://www.w3.org/2004/02/skos/core#altLabel",
                "http://www.w3.org/ns/prov#wasDerivedFrom"):
        assert iri in CONTEXT.terms


def test_cli_guesses_format_and_gzip_from_the_file_name(built, built_paths, tmp_path) -> None:
    target = tmp_path / "graph.trig.gz"
    result = CliRunner().invoke(
        cli, ["export", "--store", str(built_paths.store), "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    ds = Dataset()
    ds.parse(data=gzip.decompress(target.read_bytes()), format="trig")
    assert sum(1 for _ in ds.quads((None, None, None, None))) == len(
        published_quads(store_files.open_store(built_paths.store))
    )


def test_cli_context_url_refers_to_the_published_context(built, built_paths) -> None:
    result = CliRunner().invoke(
        cli, ["export", "--store", str(built_paths.store), "-f", "jsonld", "-g", "ontology",
              "--context-url"],
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["@context"] == \
        "https://w3id.org/china-space-kg/context.jsonld"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-g", "nothing"], "unknown graph 'nothing'"),
        (["-g", "https://example.org/no-such-graph"], "has no graph"),
        (["-o", "/no/such/folder/x.ttl"], "does not exist"),
    ],
)
def test_cli_bad_input_gets_one_line(built, built_paths, args, message) -> None:
    done = subprocess.run(
        [sys.executable, "-c", "from cli.main import main; main()", "export",
         "--store", str(built_paths.store), *args],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode != 0
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_export_without_a_build_says_what_to_do(tmp_path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", "from cli.main import main; main()", "export",
         "--store", str(tmp_path)],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 2
    assert "spacekg build" in done.stderr


def test_every_project_term_in_the_built_graph_has_a_readable_key(built_store) -> None:
    """A new class or property of the ontology needs a key in ontology/context.jsonld."""
    used = built_store.query(
        "SELECT DISTINCT ?t { GRAPH ?g { { ?s ?t ?o } UNION { ?s a ?t } } "
        f'FILTER(isIRI(?t) && STRSTARTS(STR(?t), "{CSK}")) }}'
    )
    missing = sorted(row["t"].value for row in used if row["t"].value not in CONTEXT.terms)
    assert missing == [], "add keys for these to ontology/context.jsonld"


@pytest.mark.parametrize("which", ["tricky_store", "built_store"])
def test_jsonld_expands_correctly_in_the_reference_processor(which, request) -> None:
    """PyLD (the JSON-LD reference implementation) reads the same quads back."""
    jsonld = pytest.importorskip("pyld.jsonld")
    store = request.getfixturevalue(which)
    nquads = jsonld.to_rdf(json.loads(exported(store, "jsonld")),
                           {"format": "application/n-quads"})
    again = Dataset()
    again.parse(data=nquads, format="nquads")
    got, want = by_graph(again), by_graph(as_dataset(store))
    assert got.keys() == want.keys()
    for graph, triples in want.items():
        assert isomorphic(got[graph], triples), graph


def test_jsonld_by_context_url_reads_the_same_once_the_context_is_fetched(tricky_store) -> None:
    """With --context-url the document names the published context; a processor that
    fetches it (here: given the shipped file for that URL) reads the same quads."""
    jsonld = pytest.importorskip("pyld.jsonld")
    url = "https://w3id.org/china-space-kg/context.jsonld"
    out = io.BytesIO()
    export.write(tricky_store, out, export.FORMATS["jsonld"],
                 export.select_graphs(tricky_store), context=CONTEXT, context_ref=url)
    fetched = []

    def loader(iri, _options=None):
        fetched.append(iri)
        return {"contextUrl": None, "documentUrl": iri,
                "document": json.loads((ROOT / "ontology" / "context.jsonld").read_text())}

    by_url = jsonld.to_rdf(json.loads(out.getvalue()),
                           {"format": "application/n-quads", "documentLoader": loader})
    inline = jsonld.to_rdf(json.loads(exported(tricky_store, "jsonld")),
                           {"format": "application/n-quads"})
    assert fetched == [url]
    a, b = Dataset(), Dataset()
    a.parse(data=by_url, format="nquads")
    b.parse(data=inline, format="nquads")
    assert all(isomorphic(g, by_graph(b)[name]) for name, g in by_graph(a).items())
    assert by_graph(a).keys() == by_graph(b).keys()


def test_a_reader_that_stops_early_is_not_an_error(built, built_paths) -> None:
    """`spacekg export | head` ends quietly, without a traceback."""
    process = subprocess.Popen(
        [sys.executable, "-c", "from cli.main import main; main()", "export", "-f", "nt",
         "--store", str(built_paths.store)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert process.stdout.readline().endswith(b" .\n")
    process.stdout.close()
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 0
    assert b"Traceback" not in err and b"Broken pipe" not in err
