"""A payload whose sentence names no mission flies on the one mission whose payloads the
sentence before, in the same paragraph, is about; the mission carries on through the
list that follows, and a new paragraph ends it. Every text here is new."""

from __future__ import annotations

from tests.one_document import cooperations_of


def test_the_mission_of_the_sentence_before_carries_a_payload_that_names_none(reference):
    text = (
        "Chang'e-9 will carry six international instruments. Egypt will supply a camera. "
        "Among the rest are a seismometer from Thailand and a dust analyser from Switzerland."
    )
    assert {p for p, area, mission in cooperations_of(reference, text) if mission} == {
        "egypt",
        "thailand",
        "switzerland",
    }


def test_a_new_paragraph_ends_the_mission(reference):
    text = "Chang'e-9 will carry six international instruments.\n\nEgypt will supply a camera."
    assert ("egypt", "payloads", None) in cooperations_of(reference, text)


def test_a_sentence_before_about_no_payload_gives_no_mission(reference):
    text = "Chang'e-9 will land near the south pole. Egypt will supply a camera."
    assert ("egypt", "payloads", None) in cooperations_of(reference, text)
