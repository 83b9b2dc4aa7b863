"""A foreign body whose name ends in its country ("the Geophysical Institute of Estonia")
is the same partner when a document names it without the country: the shorter name is
another name of it, not a second body. Two bodies that would share the shorter name keep
their own, and a curated name is never taken over. Every text here is new."""

from __future__ import annotations

from graph.country_suffix_names import country_suffix_forms
from tests.one_document import cooperations_of

NEWS = (
    "Lunar partners\n\n"
    "Chang'e-8 will carry a seismometer built by the Geophysical Institute of Estonia.\n\n"
    "In a separate statement, the Geophysical Institute said it has worked with China on "
    "lunar seismology since 2022.\n"
)

REPORT = (
    "3. Space weather\n\n"
    "3.1 Since 2027 the Ionosphere Observatory has exchanged space weather data with the "
    "National Space Science Center.\n\n"
    "3.2 The Ionosphere Observatory of Portugal also trains Chinese students in "
    "ionospheric physics.\n"
)


def test_the_body_named_without_its_country_is_one_partner(reference):
    partners = {p for p, _a, _m in cooperations_of(reference, NEWS)}
    assert partners == {"geophysical-institute-of-estonia"}


def test_the_shorter_name_first_and_the_longer_later_are_one_partner(reference):
    partners = {p for p, _a, _m in cooperations_of(reference, REPORT)}
    assert "ionosphere-observatory" not in partners
    assert "ionosphere-observatory-of-portugal" in partners


def test_the_shorter_name_is_another_name_of_the_body(reference):
    forms = country_suffix_forms(
        {"geophysical-institute-of-estonia": "Geophysical Institute of Estonia"},
        reference.gazetteer,
    )
    assert forms == {"geophysical-institute-of-estonia": "Geophysical Institute"}


def test_a_shorter_name_two_bodies_would_share_is_left_alone(reference):
    labels = {
        "space-agency-of-ghana": "Space Agency of Ghana",
        "space-agency-of-kenya": "Space Agency of Kenya",
    }
    assert country_suffix_forms(labels, reference.gazetteer) == {}


def test_a_name_ending_in_something_else_than_a_country_keeps_its_form(reference):
    labels = {
        "space-research-institute-of-the-russian-academy-of-sciences": (
            "Space Research Institute of the Russian Academy of Sciences"
        ),
        "university-of-science-and-technology-of-ghana": (
            "University of Science and Technology of Ghana"
        ),
    }
    assert country_suffix_forms(labels, reference.gazetteer) == {
        "university-of-science-and-technology-of-ghana": "University of Science and Technology"
    }


def test_a_country_named_as_a_state_is_a_country_too(reference):
    labels = {
        "tidal-survey-institute-of-the-portuguese-republic": (
            "Tidal Survey Institute of the Portuguese Republic"
        ),
        "orbital-ministry-of-the-republic-of-estonia": (
            "Orbital Ministry of the Republic of Estonia"
        ),
    }
    assert country_suffix_forms(labels, reference.gazetteer) == {
        "tidal-survey-institute-of-the-portuguese-republic": "Tidal Survey Institute",
        "orbital-ministry-of-the-republic-of-estonia": "Orbital Ministry",
    }


def test_a_description_left_without_the_country_is_no_name(reference):
    labels = {"space-agency-of-the-republic-of-estonia": "Space Agency of the Republic of Estonia"}
    assert country_suffix_forms(labels, reference.gazetteer) == {}


CURATED = (
    "Radio astronomy\n\n"
    "In 2026 the National Astronomical Observatories of China and the Portuguese "
    "Radio Telescope Institute agreed to exchange pulsar data.\n"
)


def test_a_curated_body_named_with_its_country_is_the_curated_body(reference):
    partners = {p for p, _a, _m in cooperations_of(reference, CURATED)}
    assert partners == {"portuguese-radio-telescope-institute"}
