"""A capitalised run "<description> of the <body>" before an acronym in brackets names
the body, not the description: the acronym confirms a body is named there."""

from graph.bracketed_acronyms import bracketed_acronyms
from graph.described_bodies import described_body


def test_the_body_after_a_description_of_its_thing_is_the_name():
    name = "Ground Data Infrastructure of the Lusitanian Space Agency"
    assert name[described_body(name) :] == "Lusitanian Space Agency"


def test_a_body_whose_own_head_comes_before_of_is_one_name():
    for name in (
        "Space Physics Institute of the Polish Academy of Sciences",
        "Institute of Orbital Mechanics",
        "Ministry of Science and Innovation of the Republic of Ruritania",
    ):
        assert described_body(name) == 0


def test_one_word_before_of_opens_a_name_and_is_kept():
    assert described_body("Friends of the Lunar Research Institute") == 0


def test_an_acronym_in_brackets_after_a_title_and_body_names_the_body():
    sentence = (
        "The delegation was led by the Deputy for Digital Research Infrastructure of the "
        "National Agency for Orbital Research (BRAO)."
    )
    found = [(c.label, c.alias) for c in bracketed_acronyms("d", sentence, 0)]
    assert found == [("National Agency for Orbital Research", "BRAO")]


def test_a_body_of_a_body_is_one_name():
    name = "Task Group on Orbital Debris of the Committee on Lunar Science"
    assert described_body(name) == 0
