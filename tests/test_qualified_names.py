"""A state body named with its country's word first ("the Estonian Ministry of Lunar
Affairs") is also named without it; the shorter name is another name of the body."""

from graph.qualified_names import qualified_forms, without_country_word

COUNTRIES = {"estonian", "estonia", "us", "portuguese"}


def test_the_country_word_before_a_ministry_or_national_body_is_dropped():
    assert (
        without_country_word("Estonian Ministry of Lunar Affairs and Tides", COUNTRIES)
        == "Ministry of Lunar Affairs and Tides"
    )
    assert (
        without_country_word("Portuguese National Tidal Survey Centre", COUNTRIES)
        == "National Tidal Survey Centre"
    )


def test_a_name_whose_words_only_describe_keeps_its_country_word():
    assert without_country_word("Estonian National Space Agency", COUNTRIES) is None
    assert without_country_word("Estonian Space Agency", COUNTRIES) is None


def test_a_first_word_that_is_no_country_is_part_of_the_name():
    assert without_country_word("Baltic National Tidal Survey Centre", COUNTRIES) is None


def test_a_shorter_name_two_bodies_share_or_a_curated_one_is_left_alone():
    labels = {
        "estonian-national-tidal-survey-centre": "Estonian National Tidal Survey Centre",
        "portuguese-national-tidal-survey-centre": "Portuguese National Tidal Survey Centre",
        "us-ministry-of-lunar-affairs": "US Ministry of Lunar Affairs",
    }
    assert qualified_forms(labels, COUNTRIES, {"ministry-of-lunar-affairs"}) == {}
