"""A database record's own field for China's part ("Chinese role: built, launched")
says what China did, for the nation the record is of (its operator is that nation's body);
a joint development is with the party its role or prime contractor names. A record may
be titled by the line above its fields instead of a "Name:" field. New text of my own."""

from __future__ import annotations

from graph.model import SpacecraftActivity
from tests.one_document import activities_of, facts_of

RECORDS = """OrbitIndex spacecraft database

Record 1 of 2
Name: TunSat-2
Nation: Tunisia
Operator: Tunisian Space Office
Chinese role: built, launched
Launch vehicle: Long March 2D
Status: operational

Record 2 of 2
Name: LaoSat-3
Nation: Laos
Type: Communications
Chinese role: jointly developed, to be launched
Launch vehicle: Long March 4C
Status: in development
"""


def test_the_role_field_says_what_china_did_for_the_nation(reference):
    assert activities_of(reference, RECORDS) == {
        ("built", "tunisia", "tunsat-2"),
        ("launched", "tunisia", "tunsat-2"),
        ("jointly-developed", "laos", "laosat-3"),
        ("launched", "laos", "laosat-3"),
    }


# a query result of a database: each record titled by its own line, with the same field
# lines ("Prime: CAST", "Status: operational") in record after record
TITLED = """SATCAT-ish Export Listing | results 1-4

~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
#17 GhanaSat-2                         intl. id 2027-011A
   Nation:        Ghana
   Operator:      Ghana Space Science and Technology Institute
   Prime:         CAST
   Chinese role:  built; launched; delivered in orbit
   Status:        operational

#18 GhanaSat-3                         intl. id 2028-004A
   Nation:        Ghana
   Operator:      Ghana Space Science and Technology Institute
   Prime:         CAST
   Chinese role:  built; launched
   Status:        operational

#19 MaliSat-1                          intl. id 2028-031B
   Nation:        Mali
   Prime:         Malian Space Agency with Tsinghua University
   Chinese role:  jointly developed; launched
   Status:        operational

#20 TogoSat-1                          intl. id 2029-001A
   Nation:        Togo
   Prime:         CAST
   Chinese role:  built; launched
   Status:        operational
"""


def test_a_record_titled_by_its_first_line_names_its_craft_and_repeated_fields_stay(reference):
    """The field lines every record repeats are no page's running header: each record
    keeps its "Prime" and "Chinese role" however often they recur."""
    assert activities_of(reference, TITLED) == {
        ("built", "ghana", "ghanasat-2"),
        ("launched", "ghana", "ghanasat-2"),
        ("delivered", "ghana", "ghanasat-2"),
        ("built", "ghana", "ghanasat-3"),
        ("launched", "ghana", "ghanasat-3"),
        ("jointly-developed", "malian-space-agency", "malisat-1"),
        ("launched", "malian-space-agency", "malisat-1"),
        ("built", "togo", "togosat-1"),
        ("launched", "togo", "togosat-1"),
    }


def test_a_record_of_a_mission_describes_its_craft_by_the_missions_name(reference):
    """An activity's craft must be a spacecraft (the shapes say so): a record titled with
    a mission's name gives the activity that name as its description instead."""
    record = (
        "#21 Chang'e-7                         intl. id 2026-090A\n"
        "   Nation:        Egypt\n"
        "   Chinese role:  launched\n"
        "   Status:        operational\n"
    )
    facts = facts_of(reference, record, kind=SpacecraftActivity)
    assert [(f.activity, f.partner, f.spacecraft, f.description) for f in facts] == [
        ("launched", "egypt", None, "Chang'e-7")
    ]
