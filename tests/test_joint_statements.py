"""A joint statement, read as its readers read it: "the two sides" are the partner its
title names, with China's side the body the title names for China; the documents it
lists as signed are agreements between them; what the sides agreed to do is planned;
and the statement's own closing formula dates it and signs no further agreement. What a company
has offered to do is planned too; "the two agencies" are the agencies named before, and a
signing belongs to the document nearest it; a newsletter's dated entry names an agreement
with its date. Statements of my own."""

from __future__ import annotations

from graph.model import Agreement, Cooperation, SpacecraftActivity, Status
from tests.one_document import cooperations_of, facts_of

_STATEMENT = (
    "Joint Statement between the China National Space Administration and the Zambia "
    "Space Agency on Deepening Cooperation in Space\n\n"
    "Lusaka, 14 March 2031\n\n"
    "1. At the invitation of the Zambia Space Agency (ZSA), a delegation of the China "
    "National Space Administration (CNSA) visited Lusaka from 12 to 14 March 2031.\n\n"
    "2. The two sides agreed to strengthen cooperation in satellite remote sensing and "
    "space science.\n\n"
    "3. During the visit, the two sides signed the following documents:\n"
    "(a) Memorandum of Understanding on Cooperation in Lunar Exploration;\n"
    "(b) Implementing Arrangement on the Sharing of Gaofen Satellite Data.\n\n"
    "Signed in Lusaka on 14 March 2031, in two originals in English and Chinese.\n"
)


def test_the_two_sides_are_the_partner_the_title_names(reference):
    assert cooperations_of(reference, _STATEMENT) == {
        ("zambia-space-agency", "earth-observation-applications", None),
        ("zambia-space-agency", "space-science", None),
    }


def test_what_the_two_sides_agreed_to_do_is_planned(reference):
    facts = facts_of(reference, _STATEMENT, kind=Cooperation)
    assert facts and all(f.status is Status.PLANNED for f in facts)


def test_the_documents_listed_as_signed_are_agreements_between_the_sides(reference):
    signed = {
        (a.agreement_kind, a.parties)
        for a in facts_of(reference, _STATEMENT, kind=Agreement)
        if a.agreement_kind != "joint-statement"
    }
    parties = ("china-national-space-administration", "zambia-space-agency")
    assert signed == {("memorandum-of-understanding", parties), ("agreement", parties)}


def test_the_statements_closing_formula_dates_it_and_signs_nothing_more(reference):
    statements = [
        a
        for a in facts_of(reference, _STATEMENT, kind=Agreement)
        if a.agreement_kind == "joint-statement"
    ]
    assert len(statements) == 1 and statements[0].signed_on == "2031-03-14"


def test_what_a_chinese_company_has_offered_to_do_is_planned(reference):
    text = (
        "Officials in Nairobi said that CGWIC has offered to build and launch a "
        "communications satellite, KenyaSat-3, on credit."
    )
    facts = facts_of(reference, text, kind=SpacecraftActivity)
    assert {f.activity for f in facts} == {"built", "launched"}
    assert all(f.status is Status.PLANNED for f in facts)


def test_the_two_agencies_are_the_agency_named_paragraphs_before(reference):
    text = (
        "The Zambia Space Agency today signed an agreement with the China National Space "
        "Administration on a data centre in Lusaka.\n\n"
        "In 2019 the Harbin Institute of Technology helped the Zambia Space Agency build "
        "its first cubesat.\n\n"
        "The agreement follows a memorandum of understanding signed by the two agencies "
        "in Beijing in October 2029.\n"
    )
    memoranda = [a for a in facts_of(reference, text, kind=Agreement) if a.signed_on == "2029-10"]
    assert [(a.agreement_kind, a.parties) for a in memoranda] == [
        (
            "memorandum-of-understanding",
            ("china-national-space-administration", "zambia-space-agency"),
        )
    ]


def test_a_newsletters_dated_entry_names_an_agreement_and_its_date(reference):
    text = (
        "The year's deals, by signing date:\n\n"
        "- 22 May: Memorandum of understanding between the China National Space "
        "Administration and the Zambia Space Agency on satellite data.\n"
    )
    [agreement] = facts_of(reference, text, kind=Agreement, issued="2031-01-05")
    assert (agreement.agreement_kind, agreement.parties, agreement.signed_on) == (
        "memorandum-of-understanding",
        ("china-national-space-administration", "zambia-space-agency"),
        "2030-05-22",
    )


def test_the_two_sides_are_the_title_partner_whoever_the_paragraph_before_named(reference):
    text = _STATEMENT.replace(
        "2. The two sides",
        "2. The Kenya Space Agency attended the talks as an observer. The two sides",
    )
    partners = {p for p, _, _ in cooperations_of(reference, text)}
    assert "kenya-space-agency" not in partners
    assert "zambia-space-agency" in partners
