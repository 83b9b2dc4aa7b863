"""Dates as news, tables and chronologies write them: month names whole or short, and
numeric dates with the day first (unless the second number cannot be a month)."""

from __future__ import annotations

import pytest

from graph.dates import date_in


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("The memorandum was signed on 14.05.2031 in Tashkent.", "2031-05-14"),
        ("Signed in Lima, 03/11/2030.", "2030-11-03"),
        ("The protocol was signed at Quito on 17-06-2031.", "2031-06-17"),  # hyphens too
        ("Dated 11/23/2030 by the US side.", "2030-11-23"),  # no 23rd month: month first
        ("It was launched on 10 Dec. 2030 from Xichang.", "2030-12-10"),
        ("The contract of Sept 3, 2029 was renewed.", "2029-09-03"),
        ("In Feb. 2031 the two agencies met again.", "2031-02"),
        ("A protocol followed on 4 Nov", "2031-11-04"),  # no year: the document's
        ("The memorandum with the association (signed 2029) was renewed.", "2029"),
    ],
)
def test_dates_in_every_common_form(text, date):
    assert date_in(text, "2032-06-30")[0] == date


def test_a_version_or_section_number_is_no_date():
    assert date_in("See section 4.2 of the plan for 2031 onwards.", "2032")[0] is None


def test_an_entry_under_a_year_heading_takes_that_year():
    assert date_in("* 2 March: China and Peru signed a memorandum.", "2031-05-01", 2012)[0] == (
        "2012-03-02"
    )
    assert date_in("- March 2 - China and Peru signed a memorandum.", "2031-05-01", 2012)[0] == (
        "2012-03-02"
    )


def test_a_year_written_for_reading_aloud_is_that_year():
    from graph.dates import date_in

    assert date_in("built with Chinese help in twenty twenty-nine", "2031-10-14")[0] == "2029"
    assert date_in("signed in two thousand and nineteen", "2031")[0] == "2019"
    assert date_in("launched in nineteen ninety-nine", "2031")[0] == "1999"
    assert date_in("it arrived in twenty minutes", "2031-10-14")[0] is None


def test_a_date_read_aloud_is_day_month_and_year():
    text = "the deal was signed on the thirty-first of March, twenty thirty"
    assert date_in(text, "2031-10-14")[0] == "2030-03-31"
    assert date_in("on April the second, two thousand and nine", "2031")[0] == "2009-04-02"


def test_ordinal_days_in_figures_are_days():
    assert date_in("signed on the 3rd of June 2030", "2031")[0] == "2030-06-03"
    assert date_in("signed on June 3rd, 2030", "2031")[0] == "2030-06-03"
    assert date_in("signed on 22nd June 2030", "2031")[0] == "2030-06-22"

