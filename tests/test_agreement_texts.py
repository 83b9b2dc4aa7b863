"""A document that is an agreement's own text: its title names the parties, "the
Parties" are those parties, a lettered list of areas after "The Parties may cooperate in
the following areas:" is planned cooperation in each, and the closing formula ("Done at
Santiago on 14 March 2029") is the signing. Every sentence here is new."""

from __future__ import annotations

from graph.model import Agreement, Cooperation
from tests.one_document import facts_of

TEXT = """\
Agreement between the Government of the People's Republic of China and the Government of the Republic of Chile on Cooperation in the Peaceful Uses of Outer Space

Article 1 Objective
The Parties shall develop cooperation in space activities on the basis of mutual benefit.

Article 2 Areas of cooperation
The Parties may cooperate in the following areas:
(a) space science;
(b) satellite navigation;
(c) training of specialists.

Article 9 Entry into force
The Agreement enters into force on the date of the last notification.

Done at Santiago on 14 March 2029, in two originals in the Chinese and Spanish languages.
"""  # noqa: E501


def test_the_closing_formula_signs_the_agreement_the_title_names(reference):
    signed = facts_of(reference, TEXT, kind=Agreement)
    assert [(f.parties, f.signed_on) for f in signed] == [(("chile", "china"), "2029-03-14")]


def test_each_lettered_area_is_planned_cooperation_of_the_parties(reference):
    found = {
        (f.partner, f.area, f.status.value) for f in facts_of(reference, TEXT, kind=Cooperation)
    }
    assert found == {
        ("chile", "space-science", "planned"),
        ("chile", "satellite-navigation", "planned"),
        ("chile", "training-and-education", "planned"),
    }


def test_the_parties_of_a_text_that_is_no_agreement_are_no_one(reference):
    text = TEXT.replace("Agreement between", "Notes on talks between").replace("Done at", "Met at")
    assert facts_of(reference, text, kind=Cooperation) == []
