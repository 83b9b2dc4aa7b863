"""A newsletter digest's items, each closed by its "Read more ->" link, are the body, not
promotions; and a contract "signed" for work to come in a later year is not dated by that
year. Every line here is new."""

from __future__ import annotations

from pathlib import Path

from graph import extract
from graph.model import Agreement, Document, DocumentMeta
from tests.one_document import facts_of

DIGEST = """\
Subject: Orbit Brief - Tuesday

In today's issue: a renewed data deal, a station in Tanzania, quick hits.

**Santiago signs on.** Chile's space agency and the China National Space Administration renewed their data-sharing memorandum on 3 March 2032, extending free CBERS imagery for Chilean users to 2035. Read more ->

**Deal of the day.** Mongolia signed a contract with CGWIC on 1 March 2032 for a communications satellite, MongolSat-4, to be built in Beijing and launched in 2034. Read more ->

Unsubscribe | Manage preferences | (c) 2032 Orbit Brief
"""  # noqa: E501


def test_items_closed_by_a_read_more_link_are_read(reference):
    meta = DocumentMeta(
        "digest", "digest.txt", "Orbit Brief", "Orbit Brief", "2032-03-04", "news-article"
    )
    facts = extract.extract_corpus([Document(meta, Path("digest.txt"), DIGEST)], reference).facts
    signed = {(a.parties, a.signed_on) for a in facts if isinstance(a, Agreement)}
    assert (("chile", "china-national-space-administration"), "2032-03-03") in signed
    assert (("china-great-wall-industry-corporation", "mongolia"), "2032-03-01") in signed


def test_a_year_after_the_report_dates_the_work_not_the_signing(reference):
    text = (
        "Mongolia signed a contract with CGWIC for a communications satellite, MongolSat-4, "
        "to be built in Beijing and launched in 2034."
    )
    signed = [a.signed_on for a in facts_of(reference, text, issued="2032-03-04", kind=Agreement)]
    assert signed == [None]
