"""A curated name typed without its accents ("Turkiye", "Cote d'Ivoire") is the same
name, and so is one curated without them and written with them ("Gokturk-2" in the
reference, "Göktürk-2" in a text); a name that quotes its own words is the name. New
text of my own."""

from __future__ import annotations

from tests.one_document import activities_of, cooperations_of


def test_a_country_named_without_its_accents_is_recognised(reference):
    text = "China provided Turkiye and Cote d'Ivoire with satellite imagery for disaster relief."
    assert {partner for partner, _area, _mission in cooperations_of(reference, text)} == {
        "turkiye",
        "cote-divoire",
    }


def test_a_name_curated_without_accents_is_found_with_them(reference):
    text = "A Long March 2D launched Göktürk-2 for Turkey from Jiuquan in 2012."
    assert activities_of(reference, text) == {("launched", "turkiye", "gokturk-2")}


def test_a_curated_name_that_quotes_its_own_words_is_recognised(reference):
    # the charter's own name quotes its subject, in straight or curly marks
    from graph.model import Participation
    from tests.one_document import facts_of

    for text in (
        'China joined the International Charter "Space and Major Disasters" in 2007.',
        "China joined the International Charter \u201cSpace and Major Disasters\u201d in 2007.",
    ):
        found = {f.organisation for f in facts_of(reference, text, kind=Participation)}
        assert found == {"international-charter-on-space-and-major-disasters"}
