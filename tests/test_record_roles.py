"""A database record's own field for China's part ("Chinese role: built, launched")
says what China did; a record with no owner field is its nation's. New text of my own."""

from __future__ import annotations

from tests.one_document import activities_of

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


def test_the_role_field_says_what_china_did_for_the_owner_or_the_nation(reference):
    assert activities_of(reference, RECORDS) == {
        ("built", "tunisian-space-office", "tunsat-2"),
        ("launched", "tunisian-space-office", "tunsat-2"),
        ("jointly-developed", "laos", "laosat-3"),
        ("launched", "laos", "laosat-3"),
    }
