"""Dumps: the build writes the full set of downloads beside its store; every file
round-trips and matches its checksum; the server lists and sends them (with ETag,
Content-Length and ranges), serves the VoID description and the ontology by content
negotiation, and the JSON-LD context at a stable URL."""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF

from cli.main import cli
from graph import dump
from graph import store as store_files
from graph.export import FORMATS
from graph.vocab import VOID
from graph.void import dataset_iri
from server import create_app

ROOT = Path(__file__).resolve().parent.parent
RDFLIB_FORMAT = {"nq": "nquads", "trig": "trig", "jsonld": "json-ld", "ttl": "turtle",
                 "nt": "nt", "rdfxml": "xml"}
EXPECTED = {dump.dump_file_name(f) for f in FORMATS} | set(dump.STATIC_FILES)


@pytest.fixture(scope="module")
def dumps_dir(built, built_paths) -> Path:
    return dump.current_dumps(built_paths.store)


@pytest.fixture(scope="module")
def original(built, built_paths) -> Dataset:
    """The named graphs of the build (its default graph is their merge, not published)."""
    store = store_files.open_store(built_paths.store)
    quads = (q for q in store if not isinstance(q.graph_name, ox.DefaultGraph))
    ds = Dataset()
    ds.parse(data=ox.serialize(quads, format=ox.RdfFormat.N_QUADS), format="nquads")
    return ds


def by_graph(ds: Dataset) -> dict[str, Graph]:
    graphs: dict[str, Graph] = defaultdict(Graph)
    for s, p, o, g in ds.quads((None, None, None, None)):
        graphs[str(g)].add((s, p, o))
    return dict(graphs)


def merged(ds: Dataset) -> Graph:
    g = Graph()
    for s, p, o, _g in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def test_the_build_writes_every_download_beside_its_store(dumps_dir, built) -> None:
    assert dumps_dir.name == f"{built.info.build_id}.dumps"
    assert {p.name for p in dumps_dir.iterdir()} == EXPECTED | {dump.CHECKSUMS}


def test_checksums_verify_every_file(dumps_dir) -> None:
    lines = (dumps_dir / dump.CHECKSUMS).read_text().splitlines()
    listed = {}
    for line in lines:
        digest, name = line.split("  ")
        listed[name] = digest
    assert set(listed) == EXPECTED
    for name, digest in listed.items():
        assert hashlib.sha256((dumps_dir / name).read_bytes()).hexdigest() == digest
    assert dump.verify_checksums(dumps_dir) == []


def test_a_changed_file_fails_its_checksum(dumps_dir, tmp_path) -> None:
    copy = tmp_path / "dumps"
    shutil.copytree(dumps_dir, copy)
    with (copy / "shapes.ttl").open("a") as f:
        f.write("\n# edited\n")
    assert dump.verify_checksums(copy) == ["shapes.ttl"]


@pytest.mark.parametrize("name", list(FORMATS))
def test_every_dump_reloads_to_the_stored_graph(dumps_dir, original, name) -> None:
    data = gzip.decompress((dumps_dir / dump.dump_file_name(name)).read_bytes())
    again = Dataset()
    again.parse(data=data, format=RDFLIB_FORMAT[name])
    fresh = ox.Store()
    fresh.load(data, FORMATS[name].rdf_format or ox.RdfFormat.JSON_LD)
    reloaded = Dataset()
    reloaded.parse(data=fresh.dump(format=ox.RdfFormat.N_QUADS), format="nquads")
    if FORMATS[name].quads:
        for ds in (again, reloaded):
            got, want = by_graph(ds), by_graph(original)
            assert got.keys() == want.keys()
            assert all(isomorphic(got[g], want[g]) for g in want)
    else:
        assert isomorphic(merged(again), merged(original))
        assert isomorphic(merged(reloaded), merged(original))


def test_dumps_are_byte_identical_for_the_same_graph(dumps_dir, built, built_paths,
                                                     tmp_path) -> None:
    """gzip without timestamps: an unchanged graph keeps its checksums and ETags."""
    again = dump.write_build_dumps(
        store_files.current_path(built_paths.store).resolve(), built_paths.ontology, built.info
    )
    assert dump.read_checksums(again)["china-space-kg.nq.gz"] == \
        hashlib.sha256((dumps_dir / "china-space-kg.nq.gz").read_bytes()).hexdigest()


def test_the_ontology_dump_is_the_ontology_graph(dumps_dir) -> None:
    g = Graph().parse(dumps_dir / "ontology.ttl", format="turtle")
    assert (URIRef("https://w3id.org/china-space-kg/ontology"), RDF.type, OWL.Ontology) in g
    again = Graph().parse(dumps_dir / "ontology.jsonld", format="json-ld")
    assert isomorphic(g, again)
    assert (dumps_dir / "shapes.ttl").read_bytes() == (ROOT / "ontology/shapes.ttl").read_bytes()


def fake_build(root: Path, n: int, prepare=None) -> Path:
    nq = f'<urn:x:s> <urn:x:p> "{n}" <urn:x:g> .\n'.encode()
    info = store_files.BuildInfo(build_id=f"b{n}", built_at="2024-01-01T00:00:00+00:00",
                                 seconds=0, triples=1, quads=1)
    return store_files.write_build(root, nq, info, prepare=prepare)


def test_old_dumps_are_pruned_with_their_build(tmp_path) -> None:
    def prepare(build_dir: Path) -> None:
        dump.dumps_path(build_dir).mkdir()

    builds = [fake_build(tmp_path, n, prepare) for n in range(4)]
    remaining = {p.name for p in (tmp_path / "builds").iterdir() if p.is_dir()}
    kept = {b.name for b in builds[-store_files.KEEP_BUILDS:]}
    assert remaining == kept | {f"{name}.dumps" for name in kept}


def test_a_build_whose_dumps_fail_is_not_swapped_in(tmp_path) -> None:
    first = fake_build(tmp_path, 1)

    def broken(_build_dir: Path) -> None:
        raise OSError("disk full")

    with pytest.raises(OSError):
        fake_build(tmp_path, 2, broken)
    assert store_files.current_path(tmp_path).resolve() == first


def test_cli_dump_writes_a_publishable_folder(built, built_paths, tmp_path) -> None:
    target = tmp_path / "public"
    result = CliRunner().invoke(cli, [
        "dump", str(target), "--store", str(built_paths.store), "--quiet",
        "--base-url", "https://example.org/kg",
    ])
    assert result.exit_code == 0, result.output
    assert dump.verify_checksums(target) == []
    void = Graph().parse(target / dump.VOID_FILE, format="turtle")
    ds = URIRef(dataset_iri("https://example.org/kg/"))
    assert all(str(u).startswith("https://example.org/kg/dumps/")
               for u in void.objects(ds, VOID.dataDump))
    assert "china-space-kg.nq.gz" in result.output


# --- server ---------------------------------------------------------------------------


def test_listing_for_people_shows_sizes_and_checksums(client, dumps_dir) -> None:
    response = client.get("/dumps/", headers={"Accept": "text/html"})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    for name, digest in dump.read_checksums(dumps_dir).items():
        assert name in page and digest in page
        assert f"{(dumps_dir / name).stat().st_size:,}" in page


def test_listing_for_machines_is_json(client, dumps_dir) -> None:
    response = client.get("/dumps/", headers={"Accept": "application/json"})
    assert response.headers["Vary"].startswith("Accept")
    files = {f["name"]: f for f in response.get_json()["files"]}
    assert set(files) == EXPECTED
    nq = files["china-space-kg.nq.gz"]
    assert nq["bytes"] == (dumps_dir / "china-space-kg.nq.gz").stat().st_size
    assert nq["url"].endswith("/dumps/china-space-kg.nq.gz")


def test_a_download_has_length_etag_and_answers_conditional_requests(client, dumps_dir) -> None:
    name = "china-space-kg.ttl.gz"
    body = (dumps_dir / name).read_bytes()
    response = client.get(f"/dumps/{name}")
    assert response.status_code == 200
    assert response.data == body
    assert int(response.headers["Content-Length"]) == len(body)
    assert response.headers["ETag"] == f'"{hashlib.sha256(body).hexdigest()}"'
    again = client.get(f"/dumps/{name}", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304


def test_a_download_answers_range_requests(client, dumps_dir) -> None:
    body = (dumps_dir / "china-space-kg.nq.gz").read_bytes()
    response = client.get("/dumps/china-space-kg.nq.gz", headers={"Range": "bytes=10-19"})
    assert response.status_code == 206
    assert response.data == body[10:20]
    assert response.headers["Content-Range"] == f"bytes 10-19/{len(body)}"


@pytest.mark.parametrize("path", ["/dumps/nothing.nq.gz", "/dumps/..%2Fcurrent",
                                  "/dumps/%2Fetc%2Fpasswd"])
def test_only_listed_files_are_served(client, path) -> None:
    assert client.get(path).status_code == 404


def test_checksums_file_is_served(client, dumps_dir) -> None:
    response = client.get("/dumps/SHA256SUMS")
    assert response.data == (dumps_dir / dump.CHECKSUMS).read_bytes()


def test_well_known_void_negotiates_rdf_formats(client) -> None:
    turtle = client.get("/.well-known/void")
    assert turtle.mimetype == "text/turtle"
    assert "Accept" in turtle.headers["Vary"]
    g = Graph().parse(data=turtle.data, format="turtle")
    assert (URIRef(dataset_iri()), RDF.type, VOID.Dataset) in g
    for media, fmt in [("application/ld+json", "json-ld"), ("application/rdf+xml", "xml"),
                       ("application/n-triples", "nt")]:
        other = client.get("/.well-known/void", headers={"Accept": media})
        assert other.mimetype == media
        assert isomorphic(Graph().parse(data=other.data, format=fmt), g), media
    assert client.get("/.well-known/void", headers={"Accept": "image/png"}).status_code == 406


@pytest.mark.parametrize(
    ("accept", "media"),
    [("text/html", "text/html"), ("text/turtle", "text/turtle"),
     ("application/ld+json", "application/ld+json"),
     ("application/rdf+xml", "application/rdf+xml"),
     ("text/html;q=0.5, text/turtle", "text/turtle")],
)
def test_ontology_at_its_namespace_iri_by_content_negotiation(client, accept, media) -> None:
    response = client.get("/ontology", headers={"Accept": accept})
    assert response.status_code == 200
    assert response.mimetype == media
    assert "Accept" in response.headers["Vary"]


def test_ontology_formats_say_the_same_thing(client) -> None:
    turtle = Graph().parse(data=client.get("/ontology.ttl").data, format="turtle")
    assert (URIRef("https://w3id.org/china-space-kg/ontology"), RDF.type, OWL.Ontology) in turtle
    for ext, fmt in [("jsonld", "json-ld"), ("rdf", "xml"), ("nt", "nt")]:
        other = Graph().parse(data=client.get(f"/ontology.{ext}").data, format=fmt)
        assert isomorphic(other, turtle), ext


def test_ontology_page_for_people_documents_the_classes(client) -> None:
    page = client.get("/ontology", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "pyLODE" in page
    # Each term IRI (ontology#Spacecraft) lands on its section of the page.
    for term in ("Mission", "Spacecraft", "Agreement", "Country", "Organisation",
                 "Cooperation", "SourceDocument", "partner", "area", "party", "signedOn"):
        assert f'id="{term}"' in page, term


def test_ontology_page_is_titled_after_the_ontology_not_a_scheme(client) -> None:
    # pyLODE titles a page after the last ontology or concept scheme it reads; the
    # vocabulary's page must carry the ontology's own title, whatever the schemes say.
    page = client.get("/ontology", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "<title>china-space-kg ontology</title>" in page


def test_context_is_served_at_a_stable_url(client) -> None:
    response = client.get("/context.jsonld")
    assert response.mimetype == "application/ld+json"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert json.loads(response.data) == json.loads((ROOT / "ontology/context.jsonld").read_text())


def test_dumps_dir_setting_serves_a_published_folder(built, backend, built_paths, settings,
                                                     tmp_path) -> None:
    target = tmp_path / "public"
    CliRunner().invoke(cli, ["dump", str(target), "--store", str(built_paths.store), "-q"])
    app = create_app(settings.replace(dumps=target), store=backend)
    response = app.test_client().get("/dumps/void.ttl")
    assert response.data == (target / "void.ttl").read_bytes()


def test_without_dumps_the_listing_says_how_to_make_them(backend, settings, tmp_path) -> None:
    app = create_app(settings.replace(store=tmp_path), store=backend)
    client = app.test_client()
    response = client.get("/dumps/")
    assert response.status_code == 503
    assert b"spacekg build" in response.data
    assert "spacekg build" in client.get("/.well-known/void",
                                         headers={"Accept": "application/json"}).json["error"]
    # The ontology is still served, made from the ontology folder.
    assert client.get("/ontology.ttl").status_code == 200


@pytest.mark.parametrize("url", ["/dumps/", "/ontology"])
def test_pages_for_people_are_valid_html(client, url) -> None:
    html5lib = pytest.importorskip("html5lib")
    response = client.get(url, headers={"Accept": "text/html"})
    assert response.mimetype == "text/html"
    html5lib.HTMLParser(strict=True).parse(response.get_data(as_text=True))
