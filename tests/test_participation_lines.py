"""Participation said without China as the clause's subject before the phrase: an
opening "As host of X," adjunct whose main clause is China's, a list's verbless lines
under a sentence about China ("• Member of X since 1980"), attending an organisation's
meetings, hosting a forum, and an organisation "which China leads". A body's parent
named after it ("the Committee ... of the United Nations") is not one more organisation.
Every text here is new."""

from __future__ import annotations

from graph.model import Participation, Status
from tests.one_document import facts_of


def _organisations(reference, text: str) -> dict[str, Status]:
    return {f.organisation: f.status for f in facts_of(reference, text, kind=Participation)}


def test_an_opening_as_adjunct_is_the_main_clauses_subjects_role(reference):
    text = (
        "As host of the Asia-Pacific Space Cooperation Organization (APSCO), China will "
        "fund a new training course for member states."
    )
    assert _organisations(reference, text) == {
        "asia-pacific-space-cooperation-organization": Status.ACHIEVED
    }


def test_an_adjunct_before_another_subject_is_not_chinas(reference):
    text = "As host of the Asia-Pacific Space Cooperation Organization, Pakistan trains staff."
    assert _organisations(reference, text) == {}


def test_verbless_lines_under_a_sentence_about_china_are_its_memberships(reference):
    text = (
        "Memberships\n\nChina belongs to several bodies beyond its bilateral ties.\n\n"
        "  • Member of the Committee on Space Research since 1958\n"
        "  • Host of the secretariat of the Asia-Pacific Space Cooperation Organization\n"
    )
    assert set(_organisations(reference, text)) >= {
        "committee-on-space-research",
        "asia-pacific-space-cooperation-organization",
    }


def test_verbless_lines_under_another_countrys_sentence_are_not_chinas(reference):
    text = (
        "Memberships\n\nIndia belongs to several bodies.\n\n"
        "  • Member of the Committee on Space Research since 1958\n"
    )
    assert _organisations(reference, text) == {}


def test_attending_meetings_and_hosting_a_forum_are_taking_part(reference):
    text = (
        "Chinese experts attended the meetings of the Inter-Agency Space Debris Coordination "
        "Committee. In 2024 China hosted the China-Arab States BeiDou Cooperation Forum."
    )
    assert set(_organisations(reference, text)) == {
        "inter-agency-space-debris-coordination-committee",
        "china-arab-states-beidou-cooperation-forum",
    }


def test_an_organisation_which_china_leads(reference):
    text = "Scientists from 12 countries work in the Global Auroral Network, which China leads."
    assert set(_organisations(reference, text)) == {"global-auroral-network"}


def test_a_bodys_parent_named_after_it_is_not_another_membership(reference):
    text = (
        "As a member of the Committee on the Peaceful Uses of Outer Space of the United "
        "Nations, China reports its launches every year."
    )
    assert set(_organisations(reference, text)) == {"committee-on-the-peaceful-uses-of-outer-space"}


def test_joining_a_membership_body_is_taking_part_not_a_partners_cooperation(reference):
    from graph.model import Cooperation

    text = "China joined the Committee on Space Research in 1958."
    assert set(_organisations(reference, text)) == {"committee-on-space-research"}
    assert facts_of(reference, text, kind=Cooperation) == []
