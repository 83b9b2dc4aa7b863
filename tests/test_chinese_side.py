"""One answer to "do these words name China's side?", asked by every fact family."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.chinese_side import names_chinese_side
from graph.model import Document, DocumentMeta
from graph.reading import read_document
from graph.recognise import Recogniser


def _sentence(reference, text: str):
    meta = DocumentMeta("side", "side.txt", "Side", "Test", "2031", "white-paper")
    document = Document(meta, Path("side.txt"), text)
    _clean, [sentence], _found = read_document(document, Recogniser(reference.gazetteer))
    return sentence


@pytest.mark.parametrize(
    ("text", "words", "chinese"),
    [
        ("The camera was built by CAST.", "by CAST", True),
        ("The camera was built by a Chinese firm.", "by a Chinese firm", True),
        ("The camera was built by China.", "by China", True),
        ("The camera was built by Airbus.", "by Airbus", False),
        ("The camera was built by Kenya's agency.", "by Kenya's agency", False),
    ],
)
def test_china_a_chinese_body_or_the_word_names_china_s_side(reference, text, words, chinese):
    sentence = _sentence(reference, text)
    left = sentence.text.index(words)
    assert names_chinese_side(sentence, reference.gazetteer, left, left + len(words)) is chinese


def test_a_place_in_china_counts_only_when_asked(reference):
    sentence = _sentence(reference, "The engineers were trained in Beijing.")
    at = sentence.text.index("in Beijing")
    gazetteer = reference.gazetteer
    assert not names_chinese_side(sentence, gazetteer, at, at + 10)
    assert names_chinese_side(sentence, gazetteer, at, at + 10, places=True)
