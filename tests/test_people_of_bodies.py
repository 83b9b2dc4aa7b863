"""A craft made "by engineers of X and Y's agency": the people stand for the bodies they
work for, so the craft is developed jointly with the foreign one. New sentences."""

from __future__ import annotations

from pathlib import Path

from graph.extract import extract_corpus
from graph.model import Agreement, Document, DocumentMeta
from tests.one_document import activities_of


def test_engineers_of_a_body_make_the_craft_with_it(reference):
    text = (
        "The Mongolian satellite MonSat-1, developed jointly by engineers of CASC and "
        "Mongolia's Information Technology Agency, followed in 2031."
    )
    assert activities_of(reference, text) == {
        ("jointly-developed", "information-technology-agency", "monsat-1")
    }


def test_an_office_holder_of_a_body_is_not_a_body(reference):
    """ "The Director General of the Malian Space Office" is a person: the office is the
    name the graph gets, and what it signs it signs as a party."""
    text = (
        "The Director General of the Malian Space Office, Mr Amadou Keita, received a "
        "delegation in Bamako. A memorandum of understanding on satellite data was "
        "signed by the Director General of the Malian Space Office and CNSA on "
        "4 March 2031."
    )
    meta = DocumentMeta("probe", "probe.txt", "Probe", "Test", "2031", "news-article")
    extraction = extract_corpus([Document(meta, Path("probe.txt"), text)], reference)
    assert {e.key for e in extraction.entities if e.discovered} == {"malian-space-office"}
    assert {tuple(f.parties) for f in extraction.facts if isinstance(f, Agreement)} == {
        ("china-national-space-administration", "malian-space-office")
    }


def test_an_occasion_of_a_delegation_of_a_body_is_the_body(reference):
    """A programme's title, "Working Visit of the Delegation of the ...": neither the
    visit nor the delegation is a body, the agency after them is, with its acronym."""
    text = (
        "Working Visit of the Delegation of the Malian Space Office (MSO)\n\n"
        "MSO and CNSA have cooperated on satellite communications since 2029."
    )
    meta = DocumentMeta("probe", "probe.txt", "Probe", "Test", "2031", "news-article")
    extraction = extract_corpus([Document(meta, Path("probe.txt"), text)], reference)
    assert {e.key for e in extraction.entities if e.discovered} == {"malian-space-office"}
