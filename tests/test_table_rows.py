"""Plain-text tables as reports print them: footnote marks in the header, two columns
that name the customer and its country, a label whose last word says what the column
holds, a step the row leaves empty, and a date still to come. Every table here is new."""

from __future__ import annotations

from graph.model import Cooperation, SpacecraftActivity, Status
from tests.one_document import facts_of

_REPORT = (
    "Table 7  Satellites built and launched for customers abroad, with in-orbit deliveries\n"
    "\n"
    " Customer(1)   Country      Spacecraft   Payload type    Launch      Delivery\n"
    " ------------  -----------  -----------  --------------  ----------  ----------\n"
    " AMSA          Mauritania   MauriSat-2   communications  May 2029    Aug 2029\n"
    " AMSA          Mauritania   MauriSat-3   Earth imaging   Jun 2030    --\n"
    " GSOC          Ghana        GhanaSat-4   communications  2033        --\n"
    "\n"
    " (1) AMSA = Mauritanian Space Agency; GSOC = Ghana Satellite Operations Centre.\n"
)


def _rows(reference, text: str, issued: str = "2031") -> set[tuple[str, str, str, Status]]:
    return {
        (f.activity, f.partner, f.spacecraft, f.status)
        for f in facts_of(reference, text, issued=issued, kind=SpacecraftActivity)
    }


def test_a_header_with_footnote_marks_is_still_the_tables_header(reference):
    rows = _rows(reference, _REPORT)
    assert ("built", "mauritanian-space-agency", "maurisat-2", Status.ACHIEVED) in rows
    assert ("delivered", "mauritanian-space-agency", "maurisat-2", Status.ACHIEVED) in rows


def test_the_customer_is_the_party_and_its_country_only_where_it_is(reference):
    partners = {partner for _a, partner, _c, _s in _rows(reference, _REPORT)}
    assert "mauritanian-space-agency" in partners
    assert not partners & {"mauritania", "ghana"}


def test_a_step_the_row_leaves_empty_was_not_done(reference):
    done = {(a, c) for a, _p, c, _s in _rows(reference, _REPORT)}
    assert ("launched", "maurisat-3") in done
    assert ("delivered", "maurisat-3") not in done


def test_a_date_after_the_report_is_still_to_come(reference):
    rows = _rows(reference, _REPORT)
    assert ("launched", "ghana-satellite-operations-centre", "ghanasat-4", Status.PLANNED) in rows
    assert ("launched", "mauritanian-space-agency", "maurisat-2", Status.ACHIEVED) in rows


def test_a_labels_last_word_says_what_its_column_holds(reference):
    # "Mission type" is a type, not a second column of missions or spacecraft
    text = _REPORT.replace("Payload type", "Mission type")
    crafts = {c for _a, _p, c, _s in _rows(reference, text)}
    assert crafts == {"maurisat-2", "maurisat-3", "ghanasat-4"}


def test_rows_that_name_no_mission_are_about_the_one_the_caption_names(reference):
    text = (
        "Which instruments will Chang'e-9 carry, and who provided them?\n"
        "Chang'e-9 carries three partner instruments:\n"
        "| Instrument | Partner |\n"
        "| Dust analyser | Andean Dust Laboratory |\n"
        "| Neutron counter | Lima Radiation Institute |\n"
    )
    found = {(f.partner, f.area, f.mission) for f in facts_of(reference, text, kind=Cooperation)}
    assert {
        ("andean-dust-laboratory", "payloads", "change-9"),
        ("lima-radiation-institute", "payloads", "change-9"),
    } <= found


def test_a_caption_and_an_unlabelled_column_each_name_steps_of_the_work(reference):
    # the caption says delivery; the column its label does not name says the rest
    text = (
        "Turnkey satellites handed over in orbit\n"
        "Satellite\tCustomer\tLaunch\tNotes\n"
        "SahelSat-4\tMali\tMar 2030\tbuilt and launched by CAST\n"
        "NigerSat-2\tNiger\tJun 2031\tbuilt and launched by CAST\n"
    )
    rows = _rows(reference, text, issued="2032")
    for craft, partner in (("sahelsat-4", "mali"), ("nigersat-2", "niger")):
        for activity in ("built", "launched", "delivered"):
            assert (activity, partner, craft, Status.ACHIEVED) in rows


def test_rows_of_crafts_alone_belong_to_the_one_partner_their_lead_in_names(reference):
    text = (
        "Five Kenyan satellites have been launched from China so far, as listed below:\n"
        "\n"
        "  No.  Satellite     Launch date   Launch site\n"
        "  ---  ------------  ------------  -----------\n"
        "  1.   KenSat-2      14-03-2029    Jiuquan\n"
        "  2.   KenSat-3      02-11-2030    Taiyuan\n"
    )
    rows = _rows(reference, text, issued="2032")
    assert ("launched", "kenya", "kensat-2", Status.ACHIEVED) in rows
    assert ("launched", "kenya", "kensat-3", Status.ACHIEVED) in rows
