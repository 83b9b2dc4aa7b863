"""A short name defined in brackets and quotes is another name of the body before it."""

from graph.defined_terms import defined_short_name

TEXT = 'Borealis Orbital Systems Co., Ltd. ("Borealis" or "the Company") builds satellites.'


def test_a_quoted_short_name_after_a_company_is_its_alias():
    name = "Borealis Orbital Systems Co., Ltd."
    assert defined_short_name(name, TEXT, len(name)) == "Borealis"


def test_a_quoted_acronym_that_fits_the_initials_is_an_alias():
    text = 'the Northern Launch Services Agency ("NLSA") said'
    name = "Northern Launch Services Agency"
    end = text.index(name) + len(name)
    assert defined_short_name(name, text, end) == "NLSA"


def test_a_quoted_word_that_is_not_the_name_s_own_is_no_alias():
    text = 'the Northern Launch Services Agency ("Buyer") said'
    name = "Northern Launch Services Agency"
    end = text.index(name) + len(name)
    assert defined_short_name(name, text, end) is None
