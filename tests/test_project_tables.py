"""A table of selected projects ("No. | Project | Lead institution (country) | Partner
institutions | Field") states planned cooperation with each foreign institution on the
mission the paragraph above it names, in the area of the row's own field. The projects'
code names are no spacecraft, and a body placed in China ("Yunnan Normal University
(China)", "Lanzhou Institute of Physics, CAS") is China's side, not a partner. Every
sentence here is new."""

from __future__ import annotations

from graph.model import Cooperation, SpacecraftActivity
from tests.one_document import facts_of

ROWS = [
    "1 | FOAM-X: foam drainage | University of Ghent (Belgium) | "
    "Lanzhou Institute of Physics, CAS (China) | Fluid physics",
    "2 | ROOT-G: plant roots | University of Lagos (Nigeria) | "
    "Yunnan Normal University (China); University of Ibadan (Nigeria) | Space biology",
    "3 | ORB-9: debris impacts | Aalto University (Finland) | "
    "Kunming Optics College (China) | Space debris",
]
TABLE = "\n".join(
    [
        "Results of the 2031 call for joint experiments",
        "",
        "The projects below will fly on the China Space Station from 2033. CMSA will provide",
        "the launch and operations; each team builds its own hardware.",
        "",
        "No. | Project | Lead institution (country) | Partner institutions | Field",
        "----|---------|----------------------------|----------------------|------",
        *ROWS,
    ]
)


def _cooperation(reference):
    return {
        (f.partner, f.area, f.mission, f.status.value)
        for f in facts_of(reference, TABLE, kind=Cooperation)
    }


def test_each_foreign_institution_of_a_row_cooperates_on_the_captions_mission(reference):
    assert _cooperation(reference) == {
        ("university-of-ghent", "space-science", "china-space-station", "planned"),
        ("university-of-lagos", "space-science", "china-space-station", "planned"),
        ("university-of-ibadan", "space-science", "china-space-station", "planned"),
        ("aalto-university", "space-debris", "china-space-station", "planned"),
    }


def test_the_projects_code_names_are_not_spacecraft(reference):
    assert facts_of(reference, TABLE, kind=SpacecraftActivity) == []
