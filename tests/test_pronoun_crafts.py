"""What "it" stands for when a sentence launches or builds "it": a craft the sentence
itself has just described comes before a craft named in the sentences before. New
sentences of my own."""

from __future__ import annotations

from tests.one_document import activities_of


def test_it_stands_for_the_craft_its_own_sentence_described(reference):
    text = (
        "Last year the agency took over LumaSat-4 from its builder in Toulouse.\n\n"
        "This spring China built the Andina imaging satellite for Peru and launched it "
        "from Jiuquan."
    )
    activities = activities_of(reference, text)
    assert not any(craft == "lumasat-4" for _, _, craft in activities)


def test_it_still_stands_for_the_craft_of_the_sentence_before(reference):
    text = (
        "The Ugandan mapping satellite UgaSat-3 was built by CAST in Beijing.\n\n"
        "China launched it for Uganda from Taiyuan in March."
    )
    assert ("launched", "uganda", "ugasat-3") in activities_of(reference, text)
