"""How far a capitalised run reaches as one name: particles of other languages, fields
joined by "and", "for" before a craft, and an en dash inside a name."""

from graph.name_candidates import _headed_names


def _labels(sentence: str) -> list[str]:
    return [c.label for c in _headed_names("d", sentence, 0)]


def test_a_french_name_runs_through_en_and_et():
    sentence = "The probe came from the Institut de Recherche en Optique et Photonique last year."
    assert _labels(sentence) == ["Institut de Recherche en Optique et Photonique"]


def test_a_pair_of_fields_after_of_stays_in_the_first_name():
    sentence = (
        "It was built by the Institute of Orbital Mechanics and Technology and the "
        "Tarnow Institute of Technology."
    )
    assert _labels(sentence) == [
        "Institute of Orbital Mechanics and Technology",
        "Tarnow Institute of Technology",
    ]


def test_for_before_a_field_keeps_the_body_whole_and_drops_the_craft_it_worked_on():
    sentence = "China worked with the Borealis Institute for Plasma Physics on the Aurora Probe."
    assert _labels(sentence) == ["Borealis Institute for Plasma Physics"]


def test_for_before_another_body_still_parts_the_two():
    sentence = "The China Academy of Space Technology for the Lusitanian Space Agency built it."
    assert _labels(sentence) == ["China Academy of Space Technology", "Lusitanian Space Agency"]


def test_an_en_dash_joins_the_parts_of_one_name():
    assert _labels("China hosts the China\u2013Andes Lunar Cooperation Forum each year.") == [
        "China\u2013Andes Lunar Cooperation Forum"
    ]


def test_in_before_a_field_of_study_stays_in_the_name():
    sentence = "The lead was the Research Institute in Heliophysics and Planetology in Lyon."
    assert _labels(sentence) == ["Research Institute in Heliophysics and Planetology"]


def test_a_verb_opening_the_sentence_is_no_part_of_the_name_after_it():
    sentence = "Annotation: Describes the Andean Centre for Radio Astronomy in detail."
    assert _labels(sentence) == ["Andean Centre for Radio Astronomy"]


def test_an_instrument_named_for_what_it_senses_is_no_part_of_its_owner_s_name():
    sentence = "It flew the Compact Analyser for Neutral Atoms of the Aurelian Institute of Optics."
    assert _labels(sentence) == ["Aurelian Institute of Optics"]
