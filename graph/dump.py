"""The full set of downloads: every export format gzip-compressed, the ontology (Turtle,
JSON-LD and HTML documentation), the shapes, the JSON-LD context, the VoID description
and a SHA256SUMS file that ``sha256sum -c`` verifies.

The build writes them beside its store (``builds/<id>.dumps/``) before the build becomes
current, so the server only ever serves files, never exports on request.
"""

from __future__ import annotations

import hashlib
import html
import io
import logging
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from graph import dump_fragments
from graph import store as store_files
from graph.dump_fragments import FragmentCache, graph_nquads
from graph.dump_in_two import write_data_dumps_in_two
from graph.dump_merged import write_data_dumps
from graph.errors import InputError, StoreError
from graph.export import FORMATS, GraphName, export_file, select_graphs
from graph.export_jsonld import Context, write_jsonld
from graph.vocab import CSK, ONTOLOGY_GRAPH, PREFIXES
from graph.void import DatasetMeta, Stats, collect_stats, void_graph

DUMP_STEM = "china-space-kg"
CHECKSUMS = "SHA256SUMS"
CONTEXT_FILE = "context.jsonld"
VOID_FILE = "void.ttl"
ONTOLOGY_HTML = "ontology.html"
Log = Callable[[str], None]


@dataclass(frozen=True)
class DumpFile:
    name: str
    size: int
    sha256: str
    media_type: str
    description: str


STATIC_FILES = {
    "ontology.ttl": ("text/turtle", "the ontology and concept schemes (Turtle)"),
    "ontology.jsonld": ("application/ld+json", "the ontology and concept schemes (JSON-LD)"),
    ONTOLOGY_HTML: ("text/html", "the ontology's documentation (pyLODE)"),
    "shapes.ttl": ("text/turtle", "the SHACL shapes every build is validated against"),
    CONTEXT_FILE: ("application/ld+json", "the JSON-LD context of the JSON-LD files"),
    VOID_FILE: ("text/turtle", "the VoID description: counts, partitions, downloads"),
}


def file_kind(name: str) -> tuple[str, str]:
    """(media type, description) of a file in a dumps folder."""
    if name in STATIC_FILES:
        return STATIC_FILES[name]
    for fmt in FORMATS.values():
        if name == dump_file_name(fmt.name):
            scope = "named graph per source document" if fmt.quads else "all graphs merged"
            return "application/gzip", f"the whole dataset, {fmt.label} ({scope}), gzipped"
    return "application/octet-stream", ""


def dump_file_name(fmt_name: str) -> str:
    return f"{DUMP_STEM}.{FORMATS[fmt_name].extension}.gz"


def dumps_path(build_dir: Path) -> Path:
    """Where a build's dumps live: beside its store, removed with it."""
    return build_dir.with_name(build_dir.name + store_files.DUMPS_SUFFIX)


def current_dumps(root: Path) -> Path:
    """The dumps of the build that ``current`` points at.

    :raises StoreError: nothing built yet.
    """
    link = store_files.current_path(root)
    if not link.exists():
        raise StoreError(f"no graph built at {root}; run `spacekg build` first")
    return dumps_path(link.resolve())


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def ontology_html(ontology: Graph) -> str:
    """Documentation for people, made by pyLODE; a plain list of terms if it fails."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        # pyLODE configures the root logger when imported; put it back as it was.
        from pylode import OntPub

        root.handlers[:], root.level = handlers, level
        doc = OntPub(without_schemes(ontology))
        return anchor_terms(doc.make_html(), doc.fids)
    except Exception as exc:  # pyLODE rejects some ontologies; people still need a page
        root.handlers[:], root.level = handlers, level
        return _plain_html(ontology, reason=str(exc))


def without_schemes(ontology: Graph) -> Graph:
    """The ontology as pyLODE should see it: without its concept schemes typed as such.

    pyLODE takes a page's title and metadata from every ``owl:Ontology`` and every
    ``skos:ConceptScheme`` it finds, the last one read winning, so the page of the
    vocabulary was titled after one of its schemes ("result views"). The schemes keep
    their own pages (``/id/...``); here they are plain resources."""
    kept = Graph()
    for prefix, namespace in ontology.namespaces():
        kept.bind(prefix, namespace, override=True)
    for triple in ontology:
        if triple[1] == RDF.type and triple[2] == SKOS.ConceptScheme:
            continue
        kept.add(triple)
    return kept


def anchor_terms(page: str, fids: dict[str, str]) -> str:
    """Make ``/ontology#Spacecraft`` land on its section: pyLODE names sections after
    labels ("spacecraft", "sourcedocument"), so add the term's own local name as an
    anchor wherever the two differ."""
    for iri, fid in fids.items():
        local = iri.rpartition("#")[2]
        if not iri.startswith(str(CSK)) or not local or local == fid:
            continue
        if f'id="{local}"' in page or f'id="{fid}"' not in page:
            continue
        at = page.rfind("<", 0, page.index(f'id="{fid}"'))
        page = f'{page[:at]}<span id="{html.escape(local)}"></span>{page[at:]}'
    return page


def _plain_html(ontology: Graph, *, reason: str) -> str:
    rows = []
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty):
        for term in sorted(set(ontology.subjects(RDF.type, kind))):
            label = ontology.value(term, RDFS.label) or ""
            comment = ontology.value(term, RDFS.comment) or ""
            rows.append(
                f"<tr><td><code>{html.escape(str(term))}</code></td>"
                f"<td>{html.escape(str(label))}</td><td>{html.escape(str(comment))}</td></tr>"
            )
    return (
        "<!doctype html><html lang=en><meta charset=utf-8><title>china-space-kg ontology"
        f"</title><h1>china-space-kg ontology</h1><p>({html.escape(reason)})</p>"
        f"<table><tr><th>term</th><th>label</th><th>comment</th></tr>{''.join(rows)}</table>"
    )


def ontology_graph(store: ox.Store) -> Graph:
    """The build's ontology graph (OWL ontology and concept schemes) in rdflib."""
    data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(str(ONTOLOGY_GRAPH)))
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    g.parse(data=data, format="nt")
    return g


def write_dumps(
    store: ox.Store,
    target: Path,
    *,
    ontology_dir: Path,
    issued: date,
    version: str | Callable[[], str],
    meta: DatasetMeta | None = None,
    log: Log | None = None,
    graphs: list[GraphName] | None = None,
    cache: FragmentCache | None = None,
    in_two: bool = False,
) -> list[DumpFile]:
    """Write every download into ``target`` (created if needed) and return them.
    ``graphs``: the graphs the data dumps hold when the caller knows them (a build
    does: its default graph is their merge), else ``select_graphs(store, "all")``.
    ``version``: the build id, or how to learn it once the data dumps are written (a
    build's worker starts them before the build has staged its store and named it).

    :raises InputError: the ontology folder lacks the context or shapes file.
    """
    log = log or (lambda _msg: None)
    context_path, shapes_path = ontology_dir / CONTEXT_FILE, ontology_dir / "shapes.ttl"
    for needed in (context_path, shapes_path):
        if not needed.is_file():
            raise InputError(f"{needed} is missing; dumps ship it beside the data")
    context = Context.load(context_path)
    target.mkdir(parents=True, exist_ok=True)
    graphs = select_graphs(store, "all") if graphs is None else graphs
    if len(graphs) > 1 and ox.DefaultGraph() not in graphs:
        log("writing the data dumps and counting")
        targets = {f.name: target / dump_file_name(f.name) for f in FORMATS.values()}
        write = write_data_dumps_in_two if in_two else write_data_dumps
        stats: Stats | None = write(store, graphs, targets, context=context, cache=cache)
    else:  # one graph, or a default graph of its own: each format as export writes it
        for fmt in FORMATS.values():
            log(f"writing {dump_file_name(fmt.name)}")
            export_file(
                store,
                target / dump_file_name(fmt.name),
                fmt,
                graphs,
                context=context,
                compress=True,
            )
        stats = None
    log("writing the ontology")
    _write_ontology_files(store, target, context, cache or FragmentCache(None))
    shutil.copyfile(shapes_path, target / "shapes.ttl")
    shutil.copyfile(context_path, target / CONTEXT_FILE)
    if stats is None:
        log("counting for the VoID description")
        stats = collect_stats(store)
    dumps = [(dump_file_name(f.name), f.name) for f in FORMATS.values()]
    if not isinstance(version, str):
        version = version()
    void = void_graph(stats, issued=issued, version=version, dump_files=dumps, meta=meta)
    (target / VOID_FILE).write_bytes(void.serialize(format="turtle", encoding="utf-8"))
    names = [dump_file_name(f.name) for f in FORMATS.values()] + list(STATIC_FILES)
    files = []
    for name in sorted(names):
        path = target / name
        files.append(DumpFile(name, path.stat().st_size, sha256_of(path), *file_kind(name)))
    sums = "".join(f"{f.sha256}  {f.name}\n" for f in files)
    (target / CHECKSUMS).write_text(sums, encoding="utf-8")
    return files


def _write_ontology_files(
    store: ox.Store, target: Path, context: Context, cache: FragmentCache
) -> None:
    """The ontology in Turtle, JSON-LD and pyLODE's HTML, kept under the digest of the
    ontology graph as the store spells it (pyLODE alone takes seconds)."""
    graph = ox.NamedNode(str(ONTOLOGY_GRAPH))
    key = dump_fragments.digest("ontology", context.digest, graph_nquads(store, graph))
    rdflib_graph: list[Graph] = []

    def ontology() -> Graph:
        if not rdflib_graph:
            rdflib_graph.append(ontology_graph(store))
        return rdflib_graph[0]

    def jsonld() -> bytes:
        # A document of its own: the ontology as a plain graph, not wrapped in a named one.
        out = io.BytesIO()
        quads = store.quads_for_pattern(None, None, None, graph)
        write_jsonld([(ox.DefaultGraph(), quads)], out, context)
        return out.getvalue()

    makers: dict[str, Callable[[], bytes]] = {
        "ontology.ttl": lambda: ontology().serialize(format="turtle", encoding="utf-8"),
        "ontology.jsonld": jsonld,
        ONTOLOGY_HTML: lambda: ontology_html(ontology()).encode("utf-8"),
    }
    for name, make in makers.items():
        (target / name).write_bytes(cache.get(f"{key}-{name}", make))


def write_build_dumps(
    build_dir: Path,
    ontology_dir: Path,
    info: store_files.BuildInfo,
    cache: FragmentCache | None = None,
) -> Path:
    """The dumps of a freshly written build, swapped in whole (never half-written);
    ``cache`` keeps the pieces of unchanged graphs from build to build."""
    target = dumps_path(build_dir)
    staging = target.with_name(f".{target.name}.{os.getpid()}.partial")
    issued = date.fromisoformat(info.built_at[:10])
    write_staged_dumps(build_dir, staging, ontology_dir, info.build_id, issued, cache)
    install_dumps(build_dir, staging)
    if cache is not None:
        cache.keep_only_used()
    return target


def write_staged_dumps(
    store_dir: Path,
    staging: Path,
    ontology_dir: Path,
    build_id: str,
    issued: date,
    cache: FragmentCache | None = None,
) -> None:
    """The dumps of the closed store at ``store_dir`` (a build's, staged or current),
    written into ``staging`` (removed again if anything fails)."""
    store = ox.Store.read_only(str(store_dir))
    try:
        # the build wrote the default graph as the merge: nothing of its own to dump
        graphs = sorted(store.named_graphs(), key=lambda g: str(g))
        write_dumps_to(store, staging, ontology_dir, build_id, issued, graphs, cache)
    finally:
        del store


def write_dumps_to(
    store: ox.Store,
    staging: Path,
    ontology_dir: Path,
    build_id: str | Callable[[], str],
    issued: date,
    graphs: list[GraphName],
    cache: FragmentCache | None = None,
    *,
    in_two: bool = False,
) -> None:
    """The dumps of a build's named ``graphs`` (sorted as their N3 sorts) in ``store``,
    written into ``staging`` (removed again if anything fails; ``in_two``: as
    ``write_dumps``)."""
    shutil.rmtree(staging, ignore_errors=True)
    try:
        write_dumps(
            store,
            staging,
            ontology_dir=ontology_dir,
            version=build_id,
            issued=issued,
            graphs=graphs,
            cache=cache,
            in_two=in_two,
        )
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def install_dumps(build_dir: Path, staging: Path) -> Path:
    """Put dumps written into ``staging`` in place beside ``build_dir``, whole."""
    target = dumps_path(build_dir)
    old = target.with_name(f".{target.name}.{os.getpid()}.old")
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return target


def read_checksums(folder: Path) -> dict[str, str]:
    """File name -> SHA-256 from a dumps folder's SHA256SUMS (empty if there is none)."""
    path = folder / CHECKSUMS
    if not path.is_file():
        return {}
    sums = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        digest, _sep, name = line.partition("  ")
        if name:
            sums[name] = digest
    return sums


def list_dumps(folder: Path) -> list[DumpFile]:
    """The files a dumps folder offers, as SHA256SUMS lists them."""
    out = []
    for name, digest in read_checksums(folder).items():
        path = folder / name
        if path.is_file():
            out.append(DumpFile(name, path.stat().st_size, digest, *file_kind(name)))
    return out


def verify_checksums(folder: Path) -> list[str]:
    """Names of files whose content no longer matches SHA256SUMS (empty: all good)."""
    return [
        name
        for name, digest in read_checksums(folder).items()
        if not (folder / name).is_file() or sha256_of(folder / name) != digest
    ]
