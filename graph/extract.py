"""Extraction stage: documents -> facts with evidence.

Placeholder composition until the extraction modules land: it recognises nothing, so a
build is valid but empty of facts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from graph.model import Document, Entity, Extraction


@dataclass(frozen=True)
class Reference:
    """Curated knowledge the extractor needs, loaded at the I/O end of the pipeline."""

    entities: tuple[Entity, ...] = ()


def load_reference(ontology_dir: Path, corpus_dir: Path) -> Reference:
    return Reference()


def extract_corpus(documents: Sequence[Document], reference: Reference) -> Extraction:
    return Extraction(facts=(), entities=reference.entities)
