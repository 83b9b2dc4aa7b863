"""A body's official name in its own language's casing, with only its first word
capitalised ("Centre national d'études spatiales (CNES)"), is found from the acronym in
brackets that spells it, and the acronym alone names the same body later on; people of a
body ("Engineers of the ... Centre") are not part of its name. Every sentence here is
new."""

from __future__ import annotations

from pathlib import Path

from graph import extract
from graph.model import Cooperation, Document, DocumentMeta, Status


def _extraction(reference, text: str):
    meta = DocumentMeta("probe", "probe.txt", "Probe", "Test", "2031", "white-paper")
    return extract.extract_corpus([Document(meta, Path("probe.txt"), text)], reference)


def test_a_name_in_lower_case_after_its_first_word_is_a_partner(reference):
    text = (
        "The Instituto espacial del Perú (IEP) will work with China on space weather "
        "forecasting from 2032."
    )
    extraction = _extraction(reference, text)
    facts = {(f.partner, f.area, f.status) for f in extraction.facts if isinstance(f, Cooperation)}
    assert facts == {("instituto-espacial-del-peru", "space-weather", Status.PLANNED)}
    [body] = [e for e in extraction.entities if e.key == "instituto-espacial-del-peru"]
    assert body.discovered and "IEP" in body.alt_labels


def test_its_acronym_alone_later_names_the_same_body(reference):
    text = (
        "Lyon hosts the Centre national de recherche orbitale (CNRO), founded in 1998.\n\n"
        "Since 2029 CNRO has cooperated with China on space debris observation."
    )
    facts = {
        (f.partner, f.area)
        for f in _extraction(reference, text).facts
        if isinstance(f, Cooperation)
    }
    assert facts == {("centre-national-de-recherche-orbitale", "space-debris")}


def test_words_that_do_not_spell_the_acronym_are_no_name(reference):
    text = "The Centre for the results of the survey (XQZ) published its figures in 2031."
    keys = {e.key for e in _extraction(reference, text).entities if e.discovered}
    assert not any(k.startswith("centre") for k in keys)


def test_people_of_a_body_are_not_part_of_its_name(reference):
    text = "Engineers of the Jordanian Space Research Centre were trained in Xi'an in 2031."
    extraction = _extraction(reference, text)
    assert {e.key for e in extraction.entities if e.discovered} == {
        "jordanian-space-research-centre"
    }
    assert {(f.partner, f.area) for f in extraction.facts if isinstance(f, Cooperation)} == {
        ("jordanian-space-research-centre", "training-and-education")
    }
