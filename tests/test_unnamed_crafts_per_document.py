"""An unnamed craft is known only by the document that tells of it: "satellites built
for Kenya" in two reports need not be the same satellites, so each report's is a fact
of its own, while a named craft told in two reports is one fact with the evidence of
both."""

from __future__ import annotations

from pathlib import Path

from graph import extract
from graph.model import Document, DocumentMeta, SpacecraftActivity


def _activities(reference, texts: list[str]) -> list[SpacecraftActivity]:
    docs = [
        Document(
            DocumentMeta(f"report-{n}", f"r{n}.txt", f"Report {n}", "Test", "2031", "news-article"),
            Path(f"r{n}.txt"),
            text,
        )
        for n, text in enumerate(texts)
    ]
    found = extract.extract_corpus(docs, reference).facts
    return [f for f in found if isinstance(f, SpacecraftActivity)]


def test_unnamed_satellites_of_two_reports_are_two_facts(reference):
    facts = _activities(
        reference,
        [
            "Satellites made in China have been exported to Kenya and Peru.",
            "Over the decade Chinese satellites were exported to Kenya.",
        ],
    )
    kenya = [f for f in facts if f.partner == "kenya" and f.activity == "built"]
    assert len(kenya) == 2
    assert {e.doc_id for f in kenya for e in f.evidence} == {"report-0", "report-1"}
    assert all(len({e.doc_id for e in f.evidence}) == 1 for f in kenya)
    assert len({f.key for f in kenya}) == 2


def test_a_named_craft_of_two_reports_is_one_fact(reference):
    facts = _activities(
        reference,
        [
            "China built KenStar-2 for Kenya in 2014.",
            "KenStar-2 was built by China for Kenya.",
        ],
    )
    built = [f for f in facts if f.spacecraft == "kenstar-2" and f.activity == "built"]
    assert len(built) == 1
    assert {e.doc_id for e in built[0].evidence} == {"report-0", "report-1"}
