"""A sentence said again in a document (a repeated paragraph, a table's boilerplate) has
the area cues and the cooperation word the first one had, found once: they depend on its
text, where its names lie in it and the gazetteer's cue phrases alone. And a sentence's
text is cut from the document once, however often the rules ask for it."""

from __future__ import annotations

from pathlib import Path

from graph import area_cues, cooperation_cue
from graph.model import Document, DocumentMeta
from graph.reading import read_document
from graph.recognise import Recogniser

SAID = "ESA and CNSA cooperate on satellite navigation and space weather research."


def _sentences(reference, text: str):
    meta = DocumentMeta("again", "again.txt", "Again", "Test", "2031", "white-paper")
    document = Document(meta, Path("again.txt"), text)
    _clean, sentences, _found = read_document(document, Recogniser(reference.gazetteer))
    return sentences


def test_a_sentence_said_again_has_the_cues_of_the_first_found_once(reference) -> None:
    first, other, again = _sentences(reference, f"{SAID}\n\nChina launched it.\n\n{SAID}\n")
    assert first.text == again.text and first.start != again.start
    area_cues._text_cues.cache_clear()
    cues = area_cues.area_cues(first, reference.gazetteer)
    assert {c.area for c in cues} >= {"satellite-navigation", "space-weather"}
    area_cues.area_cues(other, reference.gazetteer)
    assert area_cues.area_cues(again, reference.gazetteer) == cues
    assert area_cues._text_cues.cache_info().hits == 1


def test_the_same_words_with_a_name_over_them_are_read_again(reference) -> None:
    cues = reference.gazetteer.area_cues
    text = "They cooperate on satellite navigation."
    name = (text.index("satellite"), len(text) - 1)
    area_cues._text_cues.cache_clear()
    assert [c.area for c in area_cues._text_cues(text, (), cues)] == ["satellite-navigation"]
    assert area_cues._text_cues(text, (name,), cues) == ()  # inside a name: no cue
    assert area_cues._text_cues.cache_info().hits == 0


def test_a_sentence_said_again_is_asked_for_its_cooperation_word_once(reference) -> None:
    first, other, again = _sentences(reference, f"{SAID}\n\nChina launched it.\n\n{SAID}\n")
    cooperation_cue._blanked.cache_clear()
    cooperation_cue._cue_between.cache_clear()
    assert cooperation_cue.has_cue(first)
    assert not cooperation_cue.has_cue(other)
    assert cooperation_cue.has_cue(again)
    assert cooperation_cue._blanked.cache_info().hits == 1
    assert cooperation_cue._cue_between.cache_info().hits == 1
    # a window of the same prose is another question
    assert not cooperation_cue.has_cue(again, 0, first.text.index("cooperate"))
    assert cooperation_cue._cue_between.cache_info().misses == 3


def test_a_sentence_s_text_is_cut_once(reference) -> None:
    [sentence] = _sentences(reference, f"{SAID}\n")
    assert sentence.text == SAID
    assert sentence.text is sentence.text
