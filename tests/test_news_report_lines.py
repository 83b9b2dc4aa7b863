"""A news report's first sentence behind its dateline ("HARARE — ZimSat-3, ... lifted off
from Jiuquan"): the dateline is no part of the sentence the parser reads. "The
University of Zimbabwe and Beihang University signed": the first body's name ends with
its country. An agreement's subject stops at "under which". Every sentence here is new."""

from __future__ import annotations

from graph.model import Agreement
from tests.one_document import activities_of, facts_of


def test_a_dateline_leaves_the_launch_its_subject(reference):
    text = (
        "LUSAKA — ZamSat-2, an imaging satellite built by the China Academy of Space "
        "Technology for the Zambia Space Office, lifted off from Jiuquan on Tuesday aboard a "
        "Long March 2D rocket."
    )
    assert ("launched", "zambia-space-office", "zamsat-2") in activities_of(reference, text)


def test_a_university_named_after_its_country_signs_under_its_own_name(reference):
    text = (
        "The University of Zambia and Beihang University signed an agreement on a joint "
        "master's programme on 3 March 2031."
    )
    assert {f.parties for f in facts_of(reference, text, kind=Agreement)} == {
        ("beihang-university", "university-of-zambia")
    }


def test_an_agreements_subject_stops_before_under_which(reference):
    text = (
        "The Zambia Space Office and CNSA signed a memorandum of understanding on lunar "
        "research, under which Zambia will join the International Lunar Research Station."
    )
    assert {f.subject for f in facts_of(reference, text, kind=Agreement)} == {"lunar research"}
