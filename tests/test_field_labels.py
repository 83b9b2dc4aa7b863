"""Labels printed in capitals before a register's values are no part of the names."""

from graph.field_labels import field_labels, without_labels
from graph.name_forms import ORG, Candidate

REGISTER = (
    "\n".join(
        f"GRANTEE    {body}\nLEAD       Dr. A. Person\n"
        for body in (
            "University of Tarnow",
            "Borealis Institute of Space Physics",
            "National Institute for Plasma Studies",
            "Aurelian Space Agency",
        )
    )
    + "\nLegend: GRANTEE = the organisation that holds the grant.\n"
)


def test_a_capitals_word_written_before_many_names_is_a_label():
    assert "GRANTEE" in field_labels(REGISTER)
    assert "LEAD" in field_labels(REGISTER)


def test_an_acronym_used_as_a_subject_is_no_label():
    text = "NASA said. NASA Goddard built it. NASA and ESA agreed. NASA Ames helped. NASA Langley."
    assert "NASA" not in field_labels(text)


def test_the_label_and_words_before_it_are_dropped_from_a_candidate():
    label = "Dr. A. Person GRANTEE Borealis Institute of Space Physics"
    found = without_labels([Candidate(label, ORG, "d", 0, len(label))], frozenset({"GRANTEE"}))
    assert [(c.label, c.start) for c in found] == [
        ("Borealis Institute of Space Physics", label.index("Borealis"))
    ]
