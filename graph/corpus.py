"""Read the corpus folder: the manifest and the documents it lists.

This is one of the two I/O ends of the pipeline. Every problem with a file is a
``CorpusError`` naming the file and what to do, so a broken corpus never reaches the
store.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import fields
from datetime import date
from pathlib import Path

from graph.errors import CorpusError
from graph.model import Document, DocumentMeta

MANIFEST = "manifest.toml"
CURATION = "curation.toml"
NOT_DOCUMENTS = (MANIFEST, CURATION, "README.md")
KINDS = ("white-paper", "news-article", "derived-copy")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_REQUIRED = ("file", "id", "title", "publisher", "issued", "kind")


def read_manifest(corpus_dir: Path) -> list[DocumentMeta]:
    """Parse ``manifest.toml``: one ``[[document]]`` table per file.

    :raises CorpusError: the manifest is missing, malformed or an entry is incomplete.
    """
    path = corpus_dir / MANIFEST
    if not path.is_file():
        raise CorpusError(f"{path}: no manifest; create it with one [[document]] per file")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{path}: not valid TOML ({exc}); fix the syntax") from None
    known = {f.name for f in fields(DocumentMeta)}
    metas: list[DocumentMeta] = []
    for n, entry in enumerate(data.get("document", []), start=1):
        where = f"{path}: [[document]] #{n}"
        missing = [k for k in _REQUIRED if not entry.get(k)]
        if missing:
            raise CorpusError(f"{where}: missing {', '.join(missing)}; add them")
        unknown = sorted(set(entry) - known)
        if unknown:
            raise CorpusError(f"{where}: unknown key(s) {', '.join(unknown)}; see the header")
        if not _SLUG.match(entry["id"]):
            raise CorpusError(f"{where}: id {entry['id']!r} must be a lower-case slug")
        if not _is_date(str(entry["issued"])):
            raise CorpusError(
                f"{where}: issued {entry['issued']!r} is not a date; write YYYY, YYYY-MM or "
                "YYYY-MM-DD with a real month and day"
            )
        if entry["kind"] not in KINDS:
            raise CorpusError(f"{where}: kind {entry['kind']!r} must be one of {KINDS}")
        metas.append(DocumentMeta(**{k: str(v) for k, v in entry.items()}))
    _check_unique(metas, path)
    return metas


def _is_date(value: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a day that exists (not 2024-02-30)."""
    if not _DATE.match(value):
        return False
    try:
        date.fromisoformat((value + "-01-01")[:10])
    except ValueError:
        return False
    return True


def _check_unique(metas: list[DocumentMeta], path: Path) -> None:
    ids = {m.id for m in metas}
    for attr in ("id", "file"):
        seen: set[str] = set()
        for m in metas:
            value = getattr(m, attr)
            if value in seen:
                raise CorpusError(f"{path}: {attr} {value!r} appears twice; make it unique")
            seen.add(value)
    for m in metas:
        if m.alternate_of and m.alternate_of not in ids:
            raise CorpusError(
                f"{path}: {m.id} is alternate_of {m.alternate_of!r}, which is not in the manifest"
            )


def confined(corpus_dir: Path, name: str) -> Path:
    """The path of a manifest's ``file`` entry, which must stay inside the corpus folder
    once resolved (``..`` and symbolic links included): the build publishes the text of
    every document it reads, so a file from elsewhere must never be read.

    :raises CorpusError: the entry leads outside the corpus folder.
    """
    path = corpus_dir / name
    if not path.resolve().is_relative_to(corpus_dir.resolve()):
        raise CorpusError(
            f"{corpus_dir / MANIFEST}: file {name!r} leads outside {corpus_dir}; copy the "
            "document into the corpus folder and name it there"
        )
    return path


def read_document(corpus_dir: Path, meta: DocumentMeta, *, max_bytes: int = 0) -> Document:
    """Read one listed file, refusing empty, binary or non-UTF-8 content, and content over
    ``max_bytes`` (0: no limit).

    :raises CorpusError: the file is missing, outside the corpus folder or unusable.
    """
    path = confined(corpus_dir, meta.file)
    if not path.is_file():
        raise CorpusError(f"{path}: listed in the manifest but missing; add it or drop the entry")
    size = path.stat().st_size
    if max_bytes and size > max_bytes:
        raise CorpusError(
            f"{path}: {size:,} bytes, over the document size limit of {max_bytes:,}; split it "
            "into several documents or raise SPACEKG_MAX_DOCUMENT_BYTES (--max-document-bytes)"
        )
    raw = path.read_bytes()
    if not raw.strip():
        raise CorpusError(f"{path}: file is empty; add its text or drop it from the manifest")
    if b"\x00" in raw:
        raise CorpusError(f"{path}: looks binary (NUL bytes); convert it to UTF-8 plain text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CorpusError(
            f"{path}:{line}: not UTF-8 (byte 0x{raw[exc.start]:02x}); re-save it as UTF-8"
        ) from None
    return Document(meta=meta, path=path, text=text)


def read_corpus(corpus_dir: Path, *, max_bytes: int = 0) -> list[Document]:
    """All documents of the corpus, in manifest order; none over ``max_bytes``.

    :raises CorpusError: a file lacks a manifest entry, or any entry or file is unusable.
    """
    metas = read_manifest(corpus_dir)
    for meta in metas:  # every entry checked before any file is read
        confined(corpus_dir, meta.file)
    listed = {m.file for m in metas}
    for path in sorted(corpus_dir.iterdir()):
        is_document = path.is_file() and path.name not in NOT_DOCUMENTS
        if is_document and not path.name.startswith(".") and path.name not in listed:
            raise CorpusError(
                f"{path}: not in {MANIFEST}; add a [[document]] entry for it or remove it"
            )
    return [read_document(corpus_dir, m, max_bytes=max_bytes) for m in metas]
