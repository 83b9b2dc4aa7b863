"""A large document's name candidates found in parts by forked processes are those one
pass finds, in the same order: on the corpus's documents, on a large synthetic document
with and without chapters (``benchmarks/large_document_bench.py``'s text), on a part
that begins inside a table, and on a list of names whose parts a part before it found.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from benchmarks.large_document_bench import large_text
from graph import candidates_in_parts, corpus, extract
from graph.config import Paths
from graph.extract import Reference
from graph.model import Document
from graph.name_forms import Candidate
from graph.normalise import clean_document
from graph.recognise import Recogniser
from tests.one_document import large_document


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every document is found in ``parts`` (set by the test) whatever its size or the
    threads earlier tests left; the children each pool forked are counted."""
    monkeypatch.setattr(candidates_in_parts, "may_fork", lambda: True)
    monkeypatch.setattr(candidates_in_parts, "SPLIT_FROM_CHARS", 0)
    forked: list[int] = []
    real = candidates_in_parts.forked_pool

    @contextmanager
    def counted(workers: int, doing: str) -> Iterator[object]:
        forked.append(workers)
        with real(workers, doing) as pool:
            yield pool

    monkeypatch.setattr(candidates_in_parts, "forked_pool", counted)
    return forked


def _both_ways(
    document: Document, reference: Reference, monkeypatch: pytest.MonkeyPatch, parts: int
) -> tuple[list[Candidate], list[Candidate]]:
    """The candidates found in one pass, and in ``parts``."""
    assert reference.gazetteer is not None
    base, clean = Recogniser(reference.gazetteer), clean_document(document)
    monkeypatch.setattr(candidates_in_parts, "PARTS", 1)
    alone = extract.name_candidates(document, clean, base)
    monkeypatch.setattr(candidates_in_parts, "PARTS", parts)
    return alone, extract.name_candidates(document, clean, base)


def test_the_corpus_found_in_three_parts_gives_the_same_candidates(
    project_paths: Paths, reference: Reference, monkeypatch: pytest.MonkeyPatch, forks: list[int]
) -> None:
    documents = [d for d in corpus.read_corpus(project_paths.corpus) if not d.is_copy]
    for document in documents:
        alone, in_parts = _both_ways(document, reference, monkeypatch, 3)
        assert in_parts == alone, document.id
    assert sum(len(_both_ways(d, reference, monkeypatch, 3)[0]) for d in documents) > 0
    assert forks and all(workers == 2 for workers in forks)  # three parts: two children


@pytest.mark.parametrize("headed", [True, False], ids=["chapters", "one-run"])
def test_a_large_document_found_in_parts_gives_the_same_candidates(
    reference: Reference, monkeypatch: pytest.MonkeyPatch, forks: list[int], headed: bool
) -> None:
    document = large_document(large_text(400_000, headed=headed))
    alone, in_parts = _both_ways(document, reference, monkeypatch, 2)
    assert in_parts == alone
    assert len(alone) > 100
    assert forks == [1]


def test_a_part_that_begins_inside_a_table_is_read_again_from_the_table_s_header(
    reference: Reference, monkeypatch: pytest.MonkeyPatch, forks: list[int]
) -> None:
    """The cut falls among a table's rows: the child, which reads its part as if no
    table were open, misses the rows' names; they are found again here."""
    prose = "\n\n".join(["China and Brazil launched a satellite together."] * 20)
    rows = "\n".join(f"| Kenya | KENSAT-{n} | 2030 |" for n in range(60))
    table = f"| Partner | Satellite | Year |\n|---|---|---|\n{rows}"
    document = large_document(f"{prose}\n\n{table}\n\n{prose}\n")
    clean = clean_document(document)
    cut = candidates_in_parts.paragraph_cuts(clean, 2)[1]
    assert clean.text[clean.paragraphs[cut].start :].startswith("| Kenya | KENSAT-")
    alone, in_parts = _both_ways(document, reference, monkeypatch, 2)
    assert in_parts == alone
    assert any(c.label == "KENSAT-59" for c in alone)
    assert forks == [1]


def test_a_list_of_names_drops_the_overlapping_names_of_the_parts_before_it() -> None:
    """As the one pass drops every name found before a list that overlaps its own."""

    def named(label: str, start: int) -> Candidate:
        return Candidate(label, None, "large", start, start + len(label))

    early, kept = named("Ministry of Science", 10), named("Kenya Space Agency", 60)
    listed = named("Ministry of Science, Technology and Innovation", 10)
    parts = [
        candidates_in_parts.Part([early, kept], [], candidates_in_parts.FRESH),
        candidates_in_parts.Part([listed], [listed], candidates_in_parts.FRESH),
    ]
    assert candidates_in_parts.joined(parts) == [kept, listed]


def test_a_part_begins_after_a_paragraph_that_is_no_heading() -> None:
    text = "Chapter 1\n\nOne.\n\nChapter 2\n\nTwo two two two two two.\n\nThree.\n"
    clean = clean_document(large_document(text))
    cuts = candidates_in_parts.paragraph_cuts(clean, 2)
    assert len(cuts) == 3 and not clean.paragraphs[cuts[1] - 1].heading
