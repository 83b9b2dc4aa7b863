"""The day a list of signed documents gives its items is found from the paragraphs before
each item, and finding them does not cost the length of the document: a long list (or a
long document with a list near its start) is read in time linear in its length."""

from __future__ import annotations

from pathlib import Path

from graph.agreement_list_date import list_date
from graph.model import Document, DocumentMeta
from graph.normalise import CleanText, Paragraph
from graph.reading import Sentence

_LEAD_IN = "Quito, 4 March 2031 - The two ministers witnessed the signing of these documents:"


class _CountedWalks(tuple):
    """A text's paragraphs that count how often they are walked through."""

    walks = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        type(self).walks += 1
        return super().__iter__()

    def __reversed__(self):  # type: ignore[no-untyped-def]
        type(self).walks += 1
        return iter(self[::-1])


def _listed(items: int, after: int) -> tuple[list[Sentence], _CountedWalks]:
    """A lead-in, ``items`` numbered titles, then ``after`` paragraphs of prose; the
    titles as sentences."""
    lines = [_LEAD_IN]
    lines += [f"{n}. Memorandum on Weather Satellite Data number {n}" for n in range(1, items + 1)]
    lines += [f"Paragraph {n} of the report goes on about other things." for n in range(after)]
    text = "\n\n".join(lines)
    spans, at = [], 0
    for line in lines:
        spans.append((at, at + len(line)))
        at += len(line) + 2
    paragraphs = _CountedWalks(Paragraph(a, b, False) for a, b in spans)
    clean = CleanText(text, tuple(range(len(text))), paragraphs)
    meta = DocumentMeta("d", "d.txt", "", "", "2031", "news-article")
    document = Document(meta, Path("d.txt"), text)
    sentences = [Sentence(document, clean, a, b, [], None, False) for a, b in spans[1 : items + 1]]
    return sentences, paragraphs


def test_every_item_of_a_list_takes_the_day_of_its_lead_in():
    sentences, _paragraphs = _listed(items=40, after=200)
    assert {list_date(s) for s in sentences} == {"2031-03-04"}


def test_a_prose_paragraph_after_the_list_gives_no_day():
    sentences, paragraphs = _listed(items=3, after=2)
    clean = sentences[0].clean
    last = paragraphs[-1]
    prose = Sentence(sentences[0].doc, clean, last.start, last.end, [], None, False)
    assert list_date(prose) is None


def test_the_paragraphs_of_a_text_are_walked_once_for_all_its_items():
    sentences, paragraphs = _listed(items=300, after=3000)
    type(paragraphs).walks = 0
    for sentence in sentences:
        list_date(sentence)
    assert type(paragraphs).walks == 1
