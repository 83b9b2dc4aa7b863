"""Per-document extraction results kept between builds, so a build reads only what changed.

Two results are kept for each document, each under a key that names everything it
depends on:

- its *name candidates* (the names discovery may turn into entities, with the cleaned
  text they index into): the document's content, the extractor's version and the
  reference data;
- its *reading* (the facts it states before documents are merged, the entities it
  names, its unknown names): the same, plus the discovered entities whose names occur
  in its text. Discovery votes over the whole corpus, so a document added elsewhere
  can give a name of this document a class; only then does this document's key change.

The extractor's version is a digest of the ``graph`` modules that extraction runs (every
module but those listed in ``_AFTER_EXTRACTION``, so a new extraction module counts by
default) and of the parser model. Entries are pickles written atomically; an entry that
cannot be read is treated as missing, never trusted.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import re
from collections.abc import Iterable
from dataclasses import asdict
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import spacy

from graph import parsing
from graph.gazetteer import Gazetteer
from graph.keyed_files import KeyedFiles
from graph.model import Document

if TYPE_CHECKING:
    from graph.extract_incremental import ExtractionStats

CACHE_DIR = "extraction-cache"  # under the store root, beside builds/
FORMAT = 1  # bump when the shape of the cached values changes

# graph modules that run after extraction: changing them must not invalidate the cache
_AFTER_EXTRACTION = frozenset(
    {
        "build_summary.py",
        "build_validation.py",
        "config.py",
        "corpus_lines.py",
        "dump.py",
        "dump_background.py",
        "dump_fragments.py",
        "dump_in_two.py",
        "dump_merged.py",
        "dump_members.py",
        "dump_pack.py",
        "dump_range_walk.py",
        "dump_ranges.py",
        "dump_triples.py",
        "errors.py",
        "evidence_check.py",
        "gc_pause.py",
        "export.py",
        "export_jsonld.py",
        "lines_dataset.py",
        "lines_graph.py",
        "rdf_lines.py",
        "extract_parallel.py",
        "extract_incremental.py",
        "extraction_cache.py",
        "partner_passage_check.py",
        "pipeline.py",
        "progress.py",
        "rank_values.py",
        "rdf.py",
        "rdf_input.py",
        "saved_queries.py",
        "saved_queries_rdf.py",
        "saved_queries_run.py",
        "store.py",
        "store_delta.py",
        "store_load.py",
        "store_order.py",
        "staging_thread.py",
        "summaries.py",
        "summary.py",
        "summary_counts.py",
        "summary_passages.py",
        "summary_passage_rows.py",
        "summary_passages_kept.py",
        "summary_ranks.py",
        "summary_readers.py",
        "summary_scratch.py",
        "summary_scratch_kept.py",
        "validate.py",
        "validate_engine.py",
        "validate_lines.py",
        "validate_pyshacl.py",
        "validate_reads.py",
        "validate_count_check.py",
        "validate_parallel.py",
        "validate_sparql_empty.py",
        "validate_split.py",
        "validate_targets.py",
        "validate_whole.py",
        "subject_digests.py",
        "union_delta.py",
        "sparql_prepared.py",
        "validation_report.py",
        "vocab.py",
        "void.py",
    }
)


def _digest(parts: Iterable[bytes | str]) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def _files_digest(files: Iterable[Path], root: Path) -> str:
    parts: list[bytes | str] = []
    for path in sorted(files):
        parts += [path.relative_to(root).as_posix(), path.read_bytes()]
    return _digest(parts)


@cache
def extractor_version() -> str:
    """Digest of the extraction code and the parser model (name, version, spaCy)."""
    package = Path(__file__).resolve().parent
    sources = [
        p
        for p in package.rglob("*.py")
        if "__pycache__" not in p.parts
        and not (p.parent == package and p.name in _AFTER_EXTRACTION)
    ]
    sources += (package / "models").glob("*.json")  # a learned reader's weights read text too
    meta = parsing.model_meta()
    model = f"{meta.get('name')}-{meta.get('version')}-spacy-{spacy.__version__}"
    return _digest([f"format {FORMAT}", model, _files_digest(sources, package)])


def reference_version(ontology_dir: Path) -> str:
    """Digest of ``ontology/reference/`` (curated names, aliases, part-of links)."""
    folder = ontology_dir / "reference"
    files = [p for p in folder.rglob("*") if p.is_file()] if folder.is_dir() else []
    return _files_digest(files, ontology_dir)


def document_digest(document: Document) -> str:
    """The document as extraction sees it: its manifest entry and its text."""
    meta = json.dumps(asdict(document.meta), sort_keys=True, default=str)
    return _digest([meta, document.text])


def _squeeze(text: str) -> str:
    """Lower case without spaces, hyphens or apostrophes: a form found by the recogniser
    (case folded, hyphen and space alike) is a substring of the text squeezed alike."""
    return re.sub(r"[\s\-'\u2019]+", "", text).lower()


def discovered_context(gazetteer: Gazetteer) -> list[tuple[str, tuple[str, ...], str]]:
    """Each discovered entity as (key, squeezed names, what reading may use of it)."""
    out = []
    for entity in gazetteer.entities.values():
        if not entity.discovered:
            continue
        names = tuple(_squeeze(n) for n in (entity.label, *entity.alt_labels) if n.strip())
        used = json.dumps(
            [
                entity.key,
                entity.kind.value,
                entity.label,
                list(entity.alt_labels),
                list(entity.part_of),
                entity.key in gazetteer.domestic,
                gazetteer.default_areas.get(entity.key),
            ]
        )
        out.append((entity.key, names, used))
    return sorted(out)


def candidates_key(base: str) -> str:
    """The key of a document's name candidates: ``base`` (content, extractor, reference)."""
    return _digest(["candidates", base])


_GRAM = 4  # names are indexed by their first four letters (squeezed)
# up to this many first letters, each is sought in the text (1.6 ns a character when
# absent, 10 MB) rather than every four-letter slice of the text made (190 ns a character)
_FEW_STARTS = 64


class NamesIndex:
    """The discovered entities (``discovered_context``) by the first letters of each of
    their names, so the ones a text names are found from the text's own four-letter
    stretches rather than by testing every name against every document (1.7 million
    substring tests at 1,000 documents, a second of every rebuild)."""

    def __init__(self, context: list[tuple[str, tuple[str, ...], str]]) -> None:
        self.used = [used for _key, _names, used in context]
        self.short: list[tuple[int, str]] = []  # names too short to index: always tested
        self.by_start: dict[str, list[tuple[int, str]]] = {}
        for i, (_key, names, _used) in enumerate(context):
            for name in names:
                if len(name) < _GRAM:
                    self.short.append((i, name))
                else:
                    self.by_start.setdefault(name[:_GRAM], []).append((i, name))

    def named_in(self, squeezed: str) -> list[str]:
        """What reading may use of each entity with a name in ``squeezed`` (a text as
        ``_squeeze`` makes it), in the context's order."""
        found = {i for i, name in self.short if name in squeezed}
        if len(self.by_start) <= _FEW_STARTS:
            named = [start for start in self.by_start if start in squeezed]
        else:
            starts = {squeezed[j : j + _GRAM] for j in range(len(squeezed) - _GRAM + 1)}
            named = list(starts & self.by_start.keys())
        for start in named:
            for i, name in self.by_start[start]:
                if i not in found and name in squeezed:
                    found.add(i)
        return [self.used[i] for i in sorted(found)]


def reading_key(base: str, clean_text: str, names: NamesIndex) -> str:
    """The key of a document's reading: ``base`` (content, extractor, reference) and the
    discovered entities named in its text."""
    return _digest(["reading", base, *names.named_in(_squeeze(clean_text))])


class ReadingKeys:
    """Each document's reading key, taken from the last build that had the same
    discovered entities where it can be: the key depends only on the document (``base``
    covers its content, the extractor and the reference data) and on those entities, so
    a build that discovered the same ones (adding a news article usually does) need not
    search every text for every discovered name again (half a second at 1,000
    documents). The keys are kept as one cache entry under a digest of the entities."""

    def __init__(self, cache: ExtractionCache, context: list[tuple[str, tuple[str, ...], str]]):
        self._cache, self._context = cache, context
        self._entry = _digest(["reading keys", json.dumps(context)])
        known = cache.get(self._entry)
        self._known: dict[str, str] = known if isinstance(known, dict) else {}
        self._index: NamesIndex | None = None
        self._asked: dict[str, str] = {}
        self.searched = 0  # documents whose key was made afresh

    def key(self, base: str, clean_text: str) -> str:
        """``reading_key(base, clean_text, ...)`` for the discovered entities given."""
        found = self._known.get(base)
        if found is None:
            self._index = self._index or NamesIndex(self._context)
            found = reading_key(base, clean_text, self._index)
            self.searched += 1
        self._asked[base] = found
        return found

    def save(self) -> None:
        """Keep the keys of this build's documents (only theirs) for the next build."""
        if self._asked != self._known:
            self._cache.put(self._entry, self._asked)


class ExtractionCache:
    """A folder of pickled per-document results; ``enabled=False`` reads nothing (a full
    build) but still writes, so the next build can use what this one computed."""

    def __init__(self, folder: Path, *, enabled: bool = True) -> None:
        self.folder = folder
        self.enabled = enabled
        self._files = KeyedFiles(folder, ".pickle", enabled=enabled)
        self.stats: ExtractionStats | None = None  # set by the build that used it

    def get(self, key: str) -> Any | None:
        return unpickled(self._files.read(key))

    def put(self, key: str, value: object) -> None:
        self._files.write(key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def prune(self) -> int:
        """Drop the entries this build did not use (``KeyedFiles.prune``)."""
        return self._files.prune()


def unpickled(data: bytes | None) -> Any | None:
    """A cache entry's value; None for no entry or a stale one (recompute it)."""
    if data is None:
        return None
    try:
        return pickle.loads(data)
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        return None
