"""Downloads: the dumps a build wrote, their checksums, and the VoID description.

Nothing is exported on request: the build wrote every file beside its store
(``graph.dump``); this blueprint lists and sends them. Files are sent with Flask's
``send_file``, which answers conditional and range requests; the ETag is the file's
SHA-256 from SHA256SUMS, so it only changes when the bytes do.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pyoxigraph as ox
from flask import (
    Blueprint,
    Response,
    current_app,
    jsonify,
    render_template_string,
    request,
    send_file,
    url_for,
)

from graph import dump
from graph import store as store_files
from graph.errors import StoreError
from graph.export_jsonld import Context, write_jsonld
from server.backend import get_backend
from server.context import get_settings
from server.errors import NotAcceptable, NotFound
from server.negotiation import HTML, JSON, choose

bp = Blueprint("dumps", __name__)

# Media types a client may ask the VoID description (and the ontology) in.
RDF_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
}
FORMAT_PARAM = {"ttl": "text/turtle", "jsonld": "application/ld+json",
                "rdfxml": "application/rdf+xml", "nt": "application/n-triples"}

LISTING = """{% extends "base.html" %}
{% block title %}Downloads{% endblock %}
{% block content %}
<h1>Downloads</h1>
<p>The whole graph in standard RDF formats, produced by build <code>{{ version }}</code>.
Quad formats keep one named graph per source document; triple formats merge them.
The <a href="{{ url_for('dumps.void') }}">VoID description</a> gives counts and partitions;
<a href="{{ url_for('dumps.download', name='SHA256SUMS') }}">SHA256SUMS</a> verifies the
files (<code>sha256sum -c SHA256SUMS</code>).</p>
<table class="dumps">
<thead><tr><th scope="col">File</th><th scope="col">What</th>
<th scope="col">Bytes</th><th scope="col">SHA-256</th></tr></thead>
<tbody>
{% for f in files %}<tr>
<td><a href="{{ url_for('dumps.download', name=f.name) }}">{{ f.name }}</a></td>
<td>{{ f.description }}</td><td>{{ "{:,}".format(f.size) }}</td>
<td><code>{{ f.sha256 }}</code></td></tr>
{% endfor %}</tbody></table>
{% endblock %}"""


def dumps_folder() -> Path:
    """The dumps of the build being served (DUMPS_DIR overrides).

    :raises StoreError: no build, or the build has no dumps (a 503: a server state to
        fix, not a wrong URL).
    """
    configured = get_settings().dumps
    if configured is not None:
        folder = configured
    else:
        root = get_settings().store
        build = getattr(get_backend(), "build", None)
        served = root / "builds" / build.build_id if build is not None else None
        if served is not None and dump.dumps_path(served).is_dir():
            folder = dump.dumps_path(served)
        else:
            folder = dump.current_dumps(root)
    if not (folder / dump.CHECKSUMS).is_file():
        raise StoreError(f"no dumps at {folder}; run `spacekg build` (it writes them)")
    return folder


def wants_json() -> bool:
    return choose((HTML, JSON), names={"json": JSON, "html": HTML}) == JSON


@bp.route("/dumps/")
def listing() -> Response | str:
    folder = dumps_folder()
    files = dump.list_dumps(folder)
    version = _version(folder)
    if wants_json():
        body = {
            "build": version,
            "void": url_for("dumps.void", _external=True),
            "checksums": url_for("dumps.download", name=dump.CHECKSUMS, _external=True),
            "files": [
                {
                    "name": f.name,
                    "url": url_for("dumps.download", name=f.name, _external=True),
                    "bytes": f.size,
                    "sha256": f.sha256,
                    "media_type": f.media_type,
                    "description": f.description,
                }
                for f in files
            ],
        }
        response = jsonify(body)
    else:
        response = current_app.make_response(
            render_template_string(LISTING, files=files, version=version)
        )
    response.headers["Vary"] = "Accept"
    return response


def _version(folder: Path) -> str:
    name = folder.name.removesuffix(store_files.DUMPS_SUFFIX)
    return name if not name.startswith(".") else ""


@bp.route("/dumps/<name>")
def download(name: str) -> Response:
    """One file of the listing, with ETag, Content-Length and range support."""
    folder = dumps_folder()
    sums = dump.read_checksums(folder)
    if name == dump.CHECKSUMS:
        return _send(folder / name, "text/plain", None)
    if name not in sums:
        raise NotFound(f"no download named {name!r}; see /dumps/")
    media, _text = dump.file_kind(name)
    return _send(folder / name, media, sums[name])


def _send(path: Path, media: str, sha256: str | None) -> Response:
    response = send_file(
        path, mimetype=media, conditional=True, etag=sha256 or True, max_age=3600,
        download_name=path.name,
    )
    if sha256:
        digest = base64.b64encode(bytes.fromhex(sha256)).decode()
        response.headers["Repr-Digest"] = f"sha-256=:{digest}:"
    return response


def negotiate_rdf(default: str = "text/turtle") -> str | None:
    """The RDF media type to answer in (``?format=`` wins over Accept); None if the
    client accepts none of them."""
    offered = [default] + [m for m in RDF_TYPES if m != default]
    return choose(offered, names=FORMAT_PARAM)


def rdf_response(turtle_file: Path, media: str, etag_seed: str) -> Response:
    """A Turtle file, converted to ``media`` if asked, with ETag and ``Vary: Accept``."""
    if media == "text/turtle":
        body = turtle_file.read_bytes()
    elif media == "application/ld+json":
        body = _compact_jsonld(turtle_file)
    else:
        triples = ox.parse(path=str(turtle_file), format=ox.RdfFormat.TURTLE)
        body = ox.serialize(triples, format=RDF_TYPES[media])
    charset = "" if media == "application/ld+json" else "; charset=utf-8"
    response = Response(body, mimetype=None, content_type=media + charset)
    response.set_etag(f"{etag_seed}-{media.rsplit('/', 1)[-1]}")
    response.headers["Vary"] = "Accept"
    response.cache_control.max_age = 3600
    return response.make_conditional(request)


def _compact_jsonld(turtle_file: Path) -> bytes:
    """JSON-LD with the project's context, like the JSON-LD dumps."""
    triples = ox.parse(path=str(turtle_file), format=ox.RdfFormat.TURTLE)
    # The writer groups consecutive triples by subject: sort them (the file is small).
    ordered = sorted(triples, key=lambda t: (str(t.subject), str(t.predicate)))
    out = io.BytesIO()
    context = Context.load(turtle_file.parent / dump.CONTEXT_FILE)
    write_jsonld([(ox.DefaultGraph(), ordered)], out, context)
    return out.getvalue()


@bp.route("/.well-known/void")
def void() -> Response:
    """The VoID description (Turtle by default; JSON-LD, RDF/XML, N-Triples by Accept)."""
    folder = dumps_folder()
    media = negotiate_rdf()
    if media is None:
        raise NotAcceptable("the VoID description is available as " + ", ".join(RDF_TYPES))
    seed = dump.read_checksums(folder).get(dump.VOID_FILE, "void")[:32]
    return rdf_response(folder / dump.VOID_FILE, media, seed)
