"""A subtitle file (SRT) is read as running text: cue numbers and timings are no part
of it, and a sentence runs on across cues. New subtitles of my own."""

from __future__ import annotations

from graph.model import GroundStation
from graph.normalise import clean_text
from tests.one_document import activities_of, facts_of

_SRT = (
    "1\n00:00:01,000 --> 00:00:03,500\nNARRATOR: Far to the south,\n\n"
    "2\n00:00:03,800 --> 00:00:07,250\nthe tracking station at Punta Arenas\n"
    "was built with the Chilean Space Agency.\n\n"
    "3\n00:00:07,900 --> 00:00:11,000\nChina built PeruSat-3 for Peru\n\n"
    "4\n00:00:11,300 --> 00:00:14,100\nand launched it in 2029.\n"
)


def test_cue_numbers_and_timings_are_not_text(reference):
    text = clean_text(_SRT).text
    assert "-->" not in text and "00:00" not in text
    assert "China built PeruSat-3 for Peru and launched it in 2029." in text


def test_a_sentence_across_cues_states_its_facts(reference):
    assert {f.partner for f in facts_of(reference, _SRT, kind=GroundStation)} == {
        "chilean-space-agency"
    }
    assert activities_of(reference, _SRT) == {
        ("built", "peru", "perusat-3"),
        ("launched", "peru", "perusat-3"),
    }


def test_a_file_with_a_time_or_two_is_no_subtitle_file(reference):
    text = "Launch window\n\n00:00:01,000 --> 00:00:03,500\n\n1\n\nThe rocket lifted off.\n"
    assert "-->" in clean_text(text).text
