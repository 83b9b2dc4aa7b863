"""A table set out with spaces is read by where its columns line up, not by how wide its
gaps are: a header label one space from the next ("Ref. Country"), a narrow table whose
cells are two spaces apart, a cell filled to the next column. Each layout gives the row
readers the same cells as pipes would. A role cell may name several activities, or say
that someone else did part of the work ("launched; Ubotics built it"). Every name and
sentence here is new."""

from __future__ import annotations

from graph.aligned_columns import aligned_tables
from graph.normalise import clean_text
from graph.text_lines import text_lines
from tests.one_document import activities_of, facts_of

# a think-tank's inventory: the first two labels one space apart, a ruling of dashes
INVENTORY = "\n".join(
    [
        "Table 3. Satellites the Chinese side worked on for partners",
        "",
        "Ref. Country     Satellite (use)            What China did              Year  State",
        "---- ----------- -------------------------- --------------------------- ----- ---------",
        " 1   Kenya       Twiga-3 (weather)          built and launched          2027  working",
        " 2   Uzbekistan  Samarqand-2 (imaging)      launched; Ubotics built it  2028  working",
        " 3   Peru        Inti-5 (communications)    jointly developed, launched 2029  working",
        " 4   Ethiopia    Abay-2 (imaging)           building                    2032  contracted",
    ]
)

# a fact sheet's narrow table: where a column's longest cell stands, two spaces part it
# from the next, so most rows have one wide gap or none
FACT_SHEET = "\n".join(
    [
        "FACTS AT A GLANCE",
        "",
        "Partner  Craft       Chinese part        When",
        "Namibia  Omeya-1     built and launched  2028",
        "Bolivia  Illimani-3  launched            2029",
        "Zambia   Kafue-2     delivered in orbit  2030",
        "",
        "The programme office answers questions from the press.",
    ]
)


def test_columns_start_where_every_line_has_a_space_before_them():
    lines = text_lines(INVENTORY)
    starts = next(iter(aligned_tables(lines).values()))
    header = INVENTORY.splitlines()[2]
    assert starts == [0, 5, 17, 44, 72, 78]  # "Ref." and "Country" apart, one space between
    assert header[5:12] == "Country"


def test_every_layout_reaches_the_reader_as_cells_between_tabs():
    clean = clean_text(INVENTORY).text
    assert "Ref.\tCountry\tSatellite (use)\tWhat China did\tYear\tState" in clean
    # a cell filled to its column's edge keeps one space before the next: still two cells
    assert "Peru\tInti-5 (communications)\tjointly developed, launched\t2029" in clean
    narrow = clean_text(FACT_SHEET).text
    assert "Namibia\tOmeya-1\tbuilt and launched\t2028" in narrow


def test_a_row_states_every_activity_its_role_cell_names_and_not_others_work(reference):
    assert activities_of(reference, INVENTORY) == {
        ("built", "kenya", "twiga-3"),
        ("launched", "kenya", "twiga-3"),
        ("launched", "uzbekistan", "samarqand-2"),  # its own maker built it
        ("jointly-developed", "peru", "inti-5"),
        ("launched", "peru", "inti-5"),
        ("built", "ethiopia", "abay-2"),
    }


def test_a_craft_still_being_built_is_planned(reference):
    facts = facts_of(reference, INVENTORY, issued="2033")
    status = {f.spacecraft: f.status.value for f in facts if hasattr(f, "spacecraft")}
    assert status["abay-2"] == "planned" and status["twiga-3"] == "achieved"


def test_a_narrow_table_with_two_space_gaps_is_read_as_a_table(reference):
    assert activities_of(reference, FACT_SHEET) == {
        ("built", "namibia", "omeya-1"),
        ("launched", "namibia", "omeya-1"),
        ("launched", "bolivia", "illimani-3"),
        ("delivered", "zambia", "kafue-2"),
    }


def test_prose_with_two_spaces_after_its_stops_is_no_table():
    prose = "\n".join(
        [
            "The first satellite flew in 2019.  It was built abroad.  Engineers trained",
            "at home.  The second is due in 2027.  Its camera comes from Oslo.  A third",
            "is planned.  Nobody has said when.  The budget is set each year.  That is all.",
        ]
    )
    assert aligned_tables(text_lines(prose)) == {}
    assert "\t" not in clean_text(prose).text


def test_a_budget_table_aligned_with_spaces_states_no_activity(reference):
    budget = "\n".join(
        [
            "Spending by programme (million USD)",
            "",
            "Programme   Country   2028   2029",
            "Mapping     Kenya     12.5   14.0",
            "Weather     Namibia    8.0    9.5",
        ]
    )
    assert activities_of(reference, budget) == set()
