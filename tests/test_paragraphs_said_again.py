"""A paragraph said again in a document is searched for names once, and gives the names
it gave where it was first said, moved to where it is said again: the candidates are the
ones a search of every paragraph gives, in the same order."""

from __future__ import annotations

import pytest

from benchmarks.large_document_bench import large_text
from graph import candidates_in_parts, extract, name_candidates
from graph.extract import Reference
from graph.model import Document
from graph.name_forms import Candidate
from graph.normalise import clean_document
from graph.paragraphs_said_again import SaidAgain, moved
from graph.recognise import Recogniser
from tests.one_document import large_document

SAID = "The Kenya Space Agency (KSA) and the Egyptian Space Agency signed a memorandum."


class _SearchedAgain(SaidAgain):
    """Every paragraph searched afresh, as before paragraphs were remembered."""

    def at(self, chunk, inner, offset):  # type: ignore[no-untyped-def]
        return tuple(moved(group, offset) for group in self._find(chunk, inner))


def _candidates(document: Document, reference: Reference) -> list[Candidate]:
    assert reference.gazetteer is not None
    return extract.name_candidates(
        document, clean_document(document), Recogniser(reference.gazetteer)
    )


@pytest.fixture
def one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    """The paragraphs read in one pass, in this process."""
    monkeypatch.setattr(candidates_in_parts, "PARTS", 1)


def test_a_paragraph_said_three_times_is_searched_once(
    reference: Reference, monkeypatch: pytest.MonkeyPatch, one_pass: None
) -> None:
    searched: list[str] = []
    real = name_candidates._headed_names

    def counted(doc_id, chunk, offset, taken=()):  # type: ignore[no-untyped-def]
        searched.append(chunk)
        return real(doc_id, chunk, offset, taken)

    monkeypatch.setattr(name_candidates, "_headed_names", counted)
    other = "China launched a satellite for the Nigerian Communications Satellite Ltd."
    text = "\n\n".join([SAID, other, SAID, other, SAID]) + "\n"
    found = _candidates(large_document(text), reference)
    assert searched.count(SAID) == 1
    starts = [at for at in range(len(text)) if text.startswith(SAID, at)]
    kenya = [c for c in found if c.label == "Kenya Space Agency" and c.alias is None]
    assert [c.start - at for c, at in zip(kenya, starts, strict=True)] == [4, 4, 4]


@pytest.mark.parametrize("headed", [True, False], ids=["chapters", "one-run"])
def test_the_benchmark_s_repeated_text_gives_the_candidates_of_a_search_of_every_paragraph(
    reference: Reference, monkeypatch: pytest.MonkeyPatch, one_pass: None, headed: bool
) -> None:
    document = large_document(large_text(300_000, headed=headed))
    remembered = _candidates(document, reference)
    monkeypatch.setattr(name_candidates, "SaidAgain", _SearchedAgain)
    assert remembered == _candidates(document, reference)
    assert len(remembered) > 100


def test_a_name_is_moved_with_its_paragraph_and_keeps_all_else() -> None:
    found = Candidate("Kenya Space Agency", None, "d", 4, 22, "KSA", False, False)
    assert moved([found], 100) == [
        Candidate("Kenya Space Agency", None, "d", 104, 122, "KSA", False, False)
    ]
    assert moved([found], 0) == [found]
