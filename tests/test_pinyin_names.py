"""A company the reference data does not know is put on China's side by its name: one
that opens with romanised Chinese words ("Zhongtian Orbital Systems") or with a Chinese
body's own name ("CAS Space"). Such a company signs and works with the partners; it is
never one of them. A country's one-word body that acts ("Russia's Kosmolab, which
signed ...") is an organisation, a satellite's name is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.extract import extract_corpus
from graph.model import Agreement, Document, DocumentMeta, EntityKind
from graph.pinyin_names import is_pinyin_name
from tests.one_document import facts_of

CHINA_SIDE = frozenset({"Chile", "Qatar"})


@pytest.mark.parametrize(
    "name",
    ["Zhongtian Orbital Systems", "Xinghe Launch Services", "Tianqiao Sensing", "Liang Jiang Sat"],
)
def test_a_name_opening_with_marked_pinyin_is_chinese(name):
    assert is_pinyin_name(name, CHINA_SIDE)


@pytest.mark.parametrize(
    "name",
    [
        "Kenya Space Agency",  # ken-ya splits into syllables, but holds no marked one
        "Chiang Mai University",  # Wade-Giles: chi-ang only
        "Chile Space Agency",  # a country's name is never pinyin
        "Nanyang Technological University",
        "Quang Trung University",
        "Satellite Development Centre",
    ],
)
def test_other_names_are_not(name):
    assert not is_pinyin_name(name, CHINA_SIDE)


def _discovered_kinds(reference, text: str) -> dict:
    """The class of each entity ``text`` names that the reference data does not know."""
    meta = DocumentMeta("probe", "probe.txt", "Probe", "Test", "2031", "white-paper")
    extraction = extract_corpus([Document(meta, Path("probe.txt"), text)], reference)
    return {e.key: e.kind for e in extraction.entities if e.discovered}


def _parties(reference, text: str) -> set[tuple[str, ...]]:
    return {f.parties for f in facts_of(reference, text, kind=Agreement)}


def test_a_pinyin_company_described_in_an_apposition_signs_for_china(reference):
    text = (
        "Zhongtian Orbital Systems, the maker of the Kuafu-7 imaging satellites, signed an "
        "agreement with the Mongolian Space Agency on 4 June 2031 to supply imagery."
    )
    assert _parties(reference, text) == {("mongolian-space-agency", "zhongtian-orbital-systems")}


def test_a_company_named_after_a_chinese_body_is_chinese(reference):
    text = (
        "CAS Space, the launch company of the Chinese Academy of Sciences, signed a contract "
        "with the Zambian Space Office on 9 May 2031 to launch two cubesats."
    )
    assert _parties(reference, text) == {("cas-space", "zambian-space-office")}


def test_a_countrys_one_word_body_that_acts_is_an_organisation(reference):
    text = (
        "Russia's Kosmolab, which signed on to the International Lunar Research Station in "
        "2031, will supply a seismometer for Chang'e-9. Egypt's NileSat, which was built in "
        "France, carries television channels."
    )
    kinds = _discovered_kinds(reference, text)
    assert kinds.get("kosmolab") is EntityKind.ORGANISATION
    assert "nilesat" not in kinds or kinds["nilesat"] is not EntityKind.ORGANISATION


def test_an_acronym_that_works_with_a_chinese_body_is_an_organisation(reference):
    text = "Italy's ASI works with CNSA on the CSES-03 satellite."
    kinds = _discovered_kinds(reference, text)
    assert kinds.get("asi") is EntityKind.ORGANISATION


def test_a_one_word_name_its_common_noun_calls_a_company_is_an_organisation(reference):
    text = "The Luxembourg operator Orbitrek signed a contract with CGWIC in 2031."
    kinds = _discovered_kinds(reference, text)
    assert kinds.get("orbitrek") is EntityKind.ORGANISATION


def test_capitals_a_bodys_noun_names_are_an_organisation(reference):
    text = "The Mexican space agency AEMX will fly a radiation detector on Chang'e-8."
    kinds = _discovered_kinds(reference, text)
    assert kinds.get("aemx") is EntityKind.ORGANISATION


def test_the_syllables_are_every_toneless_reading_of_every_character():
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.pinyin_dict import pinyin_dict

    from graph.pinyin_names import syllables

    each = {to_normal(r) for readings in pinyin_dict.values() for r in readings.split(",")}
    assert syllables() == each
    assert {"zhong", "tian", "xing", "chuang", "lu"} <= syllables()
