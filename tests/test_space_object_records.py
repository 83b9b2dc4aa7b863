"""Spacecraft stated by a register of space objects, whose lines are labelled fields
("Name of space object:", "Launch vehicle:", "Owner/operator:"): a Chinese rocket or
launch site launches the object for its foreign owner, a Chinese manufacturer builds it
for them; an object others launched and built is not China's work. New records."""

from __future__ import annotations

from graph.model import Status
from tests.one_document import activities_of, facts_of

REGISTER = """\
Annex: information on space objects launched

Name of space object: BolSat-3
International designator: 2030-041A
Date of launch: 12 May 2030
Launch vehicle: Long March 2D
Launch site: Jiuquan Satellite Launch Centre
Owner/operator: Bolivian Space Agency
Manufacturer: China Academy of Space Technology

Name of space object: PeruSat-4
International designator: 2030-077B
Date of launch: 2 August 2030
Launch vehicle: Vega-C
Launch site: Kourou
Owner/operator: Peruvian Space Agency
Manufacturer: Airbus Defence and Space

Name of space object: KazSat-9
Date of launch: scheduled for 2032
Launch vehicle: Long March 6A
Owner/operator: Kazakhstan
"""


def test_a_register_states_launches_and_builds_for_the_owner(reference):
    assert activities_of(reference, REGISTER) == {
        ("launched", "bolivian-space-agency", "bolsat-3"),
        ("built", "bolivian-space-agency", "bolsat-3"),
        ("launched", "kazakhstan", "kazsat-9"),
    }


def test_a_scheduled_launch_is_planned_and_the_rocket_is_no_spacecraft(reference):
    facts = facts_of(reference, REGISTER)
    statuses = {(f.spacecraft, f.status) for f in facts if hasattr(f, "spacecraft")}
    assert ("kazsat-9", Status.PLANNED) in statuses
    assert ("bolsat-3", Status.ACHIEVED) in statuses
    assert not any(getattr(f, "spacecraft", None) == "vega-c" for f in facts)
