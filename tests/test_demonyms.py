"""A country's adjective names it even when no reference file lists it: the demonyms of
the countryinfo data fill in what ``ontology/reference/countries.ttl`` leaves out."""

from __future__ import annotations

from graph.demonyms import demonyms
from graph.gazetteer import read_gazetteer


def test_demonyms_come_for_countries_the_reference_files_leave_out():
    known = demonyms()
    assert known["TG"] == "Togolese" and known["BJ"] == "Beninese"
    assert known["NE"] == "Nigerien" and known["NG"] == "Nigerian"  # kept apart


def test_a_demonym_two_countries_share_names_neither():
    assert "Congolese" not in demonyms().values()


def test_the_gazetteer_reads_a_listed_demonym_as_the_country(project_paths):
    gazetteer = read_gazetteer(project_paths.ontology)
    assert ("Togolese", "togo") in gazetteer.forms
    assert "Beninese" in gazetteer.adjectival


def test_a_country_whose_name_is_its_own_adjective_gets_no_demonym():
    # "Djibouti" stays a name: taken as an adjective it would leave its list
    assert "DJ" not in demonyms()
