"""The curation file: a person rejects a wrong fact or adds a missing one.

``corpus/curation.toml`` holds ``[[reject]]`` entries (``fact`` = the fact's IRI
segment, e.g. ``"cooperation/russia--payloads--change-4"``, and a ``reason``) and
``[[add]]`` entries (a fact type, its fields, the ``document`` id and the ``quote`` that
states it). The build checks every entry: a rejected fact must exist, an added fact's
entities must be known, and its quote must be in the named document, as stored or as
read after joining hyphenated line breaks; otherwise it stops with one line saying
which entry is wrong. Curation is for the rare case: the extractor does the work.
An added fact, or an extracted one an entry confirms, has the method "curated".
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from graph import families, methods
from graph.errors import CurationError
from graph.gazetteer import Gazetteer
from graph.model import Document, Evidence, Fact, Status
from graph.normalise import clean_document

CURATION_FILE = "curation.toml"
# An [[add]] entry's type names a fact family (graph/families/).
FACT_TYPES: dict[str, type[Fact]] = {f.name: f.fact_type for f in families.FAMILIES}
CURATED = "curated"  # the method (graph/methods.py) of a fact a person added or confirmed


@dataclass(frozen=True)
class Curation:
    """The parsed curation file."""

    rejects: tuple[dict[str, Any], ...] = ()
    adds: tuple[dict[str, Any], ...] = ()
    path: Path | None = field(default=None, compare=False)


def read_curation(corpus_dir: Path) -> Curation:
    """Parse ``corpus/curation.toml`` (absent file: nothing to curate).

    :raises CurationError: the file is not valid TOML or an entry lacks a field.
    """
    path = corpus_dir / CURATION_FILE
    if not path.is_file():
        return Curation()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CurationError(f"{path}: not valid TOML ({exc}); fix the syntax") from None
    rejects, adds = tuple(data.get("reject", [])), tuple(data.get("add", []))
    for n, entry in enumerate(rejects, 1):
        if not entry.get("fact") or not entry.get("reason"):
            raise CurationError(f"{path}: [[reject]] #{n} needs 'fact' and 'reason'")
    for n, entry in enumerate(adds, 1):
        missing = [k for k in ("type", "document", "quote") if not entry.get(k)]
        if missing:
            raise CurationError(f"{path}: [[add]] #{n} needs {', '.join(missing)}")
        if entry["type"] not in FACT_TYPES:
            raise CurationError(
                f"{path}: [[add]] #{n} type {entry['type']!r} must be one of "
                f"{', '.join(FACT_TYPES)}"
            )
    return Curation(rejects, adds, path)


def _locate(quote: str, document: Document) -> Evidence | None:
    """The quote's span in the raw file, matched as stored or as read (clean text)."""
    at = document.text.find(quote)
    if at >= 0:
        return Evidence(document.id, at, at + len(quote), quote)
    clean = clean_document(document)
    at = clean.text.find(" ".join(quote.split()))
    if at < 0:
        return None
    start, end = clean.to_raw(at, at + len(" ".join(quote.split())))
    return Evidence(document.id, start, end, document.text[start:end])


def _added_fact(
    n: int, entry: dict[str, Any], where: str, documents: Sequence[Document], gazetteer: Gazetteer
) -> Fact:
    by_id = {d.id: d for d in documents}
    document = by_id.get(entry["document"])
    if document is None:
        raise CurationError(f"{where}: [[add]] #{n} names unknown document {entry['document']!r}")
    evidence = _locate(entry["quote"], document)
    if evidence is None:
        raise CurationError(
            f"{where}: [[add]] #{n}: quote {entry['quote'][:60]!r} is not in {document.id}; "
            "copy it from the file"
        )
    values = {k: v for k, v in entry.items() if k not in ("type", "document", "quote", "reason")}
    family = families.by_name(entry["type"])
    for name in family.entity_fields:
        value = values.get(name)
        for key in value if isinstance(value, list) else [value]:
            if key and key not in gazetteer.entities:
                raise CurationError(
                    f"{where}: [[add]] #{n}: unknown entity {key!r}; add it to ontology/reference/"
                )
        if isinstance(value, list):  # several entities (parties): kept sorted, as extracted
            values[name] = tuple(sorted(value))
    values["status"] = Status(values.get("status", "achieved"))
    try:
        return family.fact_type(evidence=(evidence,), method=CURATED, **values)
    except TypeError as exc:
        raise CurationError(f"{where}: [[add]] #{n}: {exc}") from None


def apply(
    curation: Curation, facts: list[Fact], documents: Sequence[Document], gazetteer: Gazetteer
) -> list[Fact]:
    """Facts after the curator's rejections and additions.

    :raises CurationError: an entry does not hold.
    """
    where = str(curation.path or CURATION_FILE)
    by_segment = {f"{f.kind_segment}/{f.key}": f for f in facts}
    rejected = set()
    for n, entry in enumerate(curation.rejects, 1):
        if entry["fact"] not in by_segment:
            raise CurationError(
                f"{where}: [[reject]] #{n}: no fact {entry['fact']!r} was extracted; "
                "remove the entry"
            )
        rejected.add(entry["fact"])
    out = [f for f in facts if f"{f.kind_segment}/{f.key}" not in rejected]
    index = {f"{f.kind_segment}/{f.key}": i for i, f in enumerate(out)}
    for n, entry in enumerate(curation.adds, 1):
        fact = _added_fact(n, entry, where, documents, gazetteer)
        segment = f"{fact.kind_segment}/{fact.key}"
        if segment in index:
            old = out[index[segment]]
            out[index[segment]] = replace(
                old,
                evidence=tuple(dict.fromkeys(old.evidence + fact.evidence)),
                method=methods.preferred(old.method, fact.method),
            )
        else:
            index[segment] = len(out)
            out.append(fact)
    return out
