"""What the extraction stage gives the rest of the pipeline, read from the real build."""

from __future__ import annotations

import re

from rdflib import Literal, URIRef
from rdflib.namespace import RDFS, SKOS

from graph.model import Agreement, Cooperation, Participation, Status
from graph.vocab import ID

STEMMED = "white-paper-2021-stemmed"


def facts(built, kind):
    return [f for f in built.extraction.facts if isinstance(f, kind)]


def test_entity_iris_follow_the_slug_rule(built):
    union = built.dataset
    for segment in (
        "mission/change-4",
        "country/sweden",
        "country/netherlands",
        "country/russia",
        "country/china",
        "organisation/european-space-agency",
        "organisation/asia-pacific-space-cooperation-organization",
    ):
        assert any(union.quads((URIRef(f"{ID}{segment}"), None, None, None))), segment
    esa = URIRef(f"{ID}organisation/european-space-agency")
    assert any(union.quads((esa, SKOS.altLabel, Literal("ESA", lang="en"), None)))
    russia = URIRef(f"{ID}country/russia")
    assert any(union.quads((russia, RDFS.label, Literal("Russia", lang="en"), None)))
    netherlands = URIRef(f"{ID}country/netherlands")
    assert any(union.quads((netherlands, SKOS.hiddenLabel, Literal("Dutch", lang="en"), None)))
    assert not any(union.quads((netherlands, SKOS.altLabel, Literal("Dutch", lang="en"), None)))


def test_every_entity_a_fact_references_is_published_with_china(built):
    keys = {e.key for e in built.extraction.entities}
    assert "china" in keys
    for fact in built.extraction.facts:
        for field in ("partner", "mission", "spacecraft", "organisation"):
            value = getattr(fact, field, None)
            assert value is None or value in keys, (fact.key, value)
        for party in getattr(fact, "parties", ()):
            assert party in keys


def test_every_piece_of_evidence_is_the_file_at_its_offsets(built, built_paths):
    texts = {}
    for fact in built.extraction.facts:
        assert fact.evidence
        for ev in fact.evidence:
            if ev.doc_id not in texts:
                from graph import corpus

                texts = {d.id: d.text for d in corpus.read_corpus(built_paths.corpus)}
            assert texts[ev.doc_id][ev.start : ev.end] == ev.exact


def test_the_stemmed_copy_contributes_nothing(built):
    for fact in built.extraction.facts:
        assert all(ev.doc_id != STEMMED for ev in fact.evidence)
    assert built.info.facts_by_document.get(STEMMED, 0) == 0


def test_a_fact_stated_by_two_documents_is_one_fact_with_both_passages(built):
    [un] = [f for f in facts(built, Participation) if f.organisation == "united-nations"]
    assert {ev.doc_id for ev in un.evidence} >= {
        "white-paper-2016",
        "news-2011-cas-space-exchanges",
    }
    [lab] = [f for f in facts(built, Cooperation) if f.key == "brazil--space-weather"]
    assert {ev.doc_id for ev in lab.evidence} == {"white-paper-2016", "white-paper-2021"}


def test_change_4_payload_partners_are_the_four_countries(built):
    payloads = {
        f.partner
        for f in facts(built, Cooperation)
        if f.mission == "change-4" and f.area == "payloads"
    }
    assert payloads == {"sweden", "germany", "netherlands", "saudi-arabia"}
    engineering = {
        f.partner
        for f in facts(built, Cooperation)
        if f.mission == "change-4" and f.area == "engineering-technology"
    }
    assert engineering == {"russia", "european-space-agency"}


def test_dates_and_periods_of_agreements(built):
    agreements = facts(built, Agreement)
    ilrs = [a for a in agreements if a.title and "Lunar Scientific Research Station" in a.title]
    assert [a.signed_on for a in ilrs] == ["2021-03"]
    statement = [a for a in agreements if a.agreement_kind == "joint-statement"]
    assert [a.signed_on for a in statement] == ["2023-04-14"]
    outlines = {
        a.parties: (a.valid_from, a.valid_until)
        for a in agreements
        if a.agreement_kind == "outline"
    }
    assert outlines == {
        ("china", "russia"): (2013, 2017),
        ("china", "european-space-agency"): (2015, 2020),
    }


def test_intentions_are_planned_and_achievements_achieved(built):
    status = {f.key: f.status for f in facts(built, Cooperation)}
    assert status["european-space-agency--space-debris"] is Status.PLANNED
    assert status["united-states--space-weather"] is Status.PLANNED
    assert status["sweden--payloads--change-4"] is Status.ACHIEVED
    # said as a plan in 2016 ("would carry a Dutch payload"), as done in 2021
    assert status["netherlands--payloads--change-4"] is Status.ACHIEVED


def test_unknown_names_are_reported_with_their_place(built, built_paths):
    from graph import corpus

    texts = {d.id: d.text for d in corpus.read_corpus(built_paths.corpus)}
    unknown = built.extraction.unknown_names
    assert unknown
    assert built.info.unknown_names
    for name in unknown:
        raw = texts[name.doc_id][name.start : name.end]
        assert re.sub(r"\W", "", raw) == re.sub(r"\W", "", name.text)
        assert name.doc_id != STEMMED
