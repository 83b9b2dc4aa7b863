"""A register of treaties lists each entry as its parties, then the title wrapped over
indented lines, then where and when it was signed. Titles of one register open alike
("Agreement between the Government of the People's Republic of China and the"), and
a line that runs on into the next is wrapped text, not a running header to drop; an
entry between two other countries is not China's. New text of my own."""

from __future__ import annotations

from graph.model import Agreement
from tests.one_document import facts_of

_ENTRY = """No. {number}
China and {country}
    Agreement between the Government of the People's Republic of China and the
    Government of {government} on cooperation in {field}.
    {place}, {day}
    Entry into force: {day} by signature
"""

REGISTER = "TREATIES REGISTERED IN MARCH 2031\n\n" + "\n".join(
    _ENTRY.format(number=n, country=c, government=g, field=f, place=p, day=d)
    for n, c, g, f, p, d in [
        (70101, "Peru", "the Republic of Peru", "satellite remote sensing", "Lima", "3 May 2016"),
        (70102, "Chile", "the Republic of Chile", "lunar exploration", "Santiago", "9 June 2018"),
        (70103, "Mongolia", "Mongolia", "satellite navigation", "Ulaanbaatar", "2 July 2019"),
    ]
)


def test_each_entry_of_a_register_is_an_agreement_signed_where_and_when_it_says(reference):
    found = {(f.parties, f.signed_on) for f in facts_of(reference, REGISTER, kind=Agreement)}
    assert found == {
        (("china", "peru"), "2016-05-03"),
        (("chile", "china"), "2018-06-09"),
        (("china", "mongolia"), "2019-07-02"),
    }


OTHERS = """No. 70104
Chile and Peru
    Agreement between the Government of the Republic of Chile and the Government of the
    Republic of Peru on cooperation in space research. Santiago, 4 April 2020
"""


def test_an_entry_between_two_other_countries_is_not_chinas(reference):
    assert facts_of(reference, OTHERS, kind=Agreement) == []


def test_a_document_between_two_other_countries_in_prose_is_not_chinas_either(reference):
    text = "The agreement between Bolivia and Paraguay on a shared station was signed in 2022."
    assert facts_of(reference, text, kind=Agreement) == []


def test_a_document_between_china_and_another_country_still_is(reference):
    text = "The agreement between Bolivia and China on a shared station was signed in 2022."
    assert [f.parties for f in facts_of(reference, text, kind=Agreement)] == [("bolivia", "china")]
