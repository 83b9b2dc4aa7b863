"""Status reports list records: an entry title, then one field per line ("Partners:",
"Status:"). Each field is a line of its own, the section heading above the entries gives
their mission and area, and a record whose status says it was withdrawn states nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import extract
from graph.model import Cooperation, Document, DocumentMeta

REPORT = """QUARTERLY REPORT ON PARTNER EXPERIMENTS ABOARD THE CHINA SPACE STATION

B.1 Lunar dust adhesion rig
    Partners: Chile, Peru
    Status: integrated; flight in 2032.

B.2 Moss growth under microgravity (seed cassettes)
    Partner: Kenya
    Status: returned to Earth in March 2031.

B.3 Ion trap clock demonstrator
    Partners: Norway
    Status: WITHDRAWN by the proposing team in 2030.
"""


@pytest.fixture(scope="module")
def found(project_paths, tmp_path_factory):
    reference = extract.load_reference(project_paths.ontology, tmp_path_factory.mktemp("c"))
    meta = DocumentMeta("report", "report.txt", "Report", "Test", "2031", "white-paper")
    extraction = extract.extract_corpus([Document(meta, Path("report.txt"), REPORT)], reference)
    return {(f.partner, f.area, f.mission) for f in extraction.facts if isinstance(f, Cooperation)}


@pytest.mark.parametrize("partner", ["chile", "peru", "kenya"])
def test_each_records_partners_are_payload_partners_of_the_sections_mission(found, partner):
    assert (partner, "payloads", "china-space-station") in found


def test_a_withdrawn_record_states_no_cooperation(found):
    assert not any(partner == "norway" for partner, _area, _mission in found)
