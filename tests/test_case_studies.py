"""A company's case-study page names its customer in a "Client:" field and then calls it
"the client": the work done "for the client", the station "built with the client" and
"30 of the client's engineers" trained in China are that customer's. Every sentence here
is new."""

from __future__ import annotations

from graph.model import Cooperation, GroundStation
from tests.one_document import activities_of, facts_of

PAGE = """\
Case study: a weather satellite for the Andes

Client: Andean Meteorological Service (Peru)
Sector: Meteorology

Our solution
Xingguang Space Co., Ltd. designed and built ANDES-WX1 for the client in 18 months, and CGWIC
launched it on a Long March 3B from Xichang in May 2029. We also trained 30 of the client's
engineers in Shenzhen.

Results
- A ground station in Lima, built with the client, receives imagery every ten minutes.
"""
CLIENT = "andean-meteorological-service"


def test_work_for_the_client_is_for_the_body_its_field_names(reference):
    assert activities_of(reference, PAGE) == {
        ("built", CLIENT, "andes-wx1"),
        ("launched", CLIENT, "andes-wx1"),
    }
    assert [f.partner for f in facts_of(reference, PAGE, kind=GroundStation)] == [CLIENT]


def test_a_number_of_the_clients_engineers_trained_in_china(reference):
    found = {(f.partner, f.area) for f in facts_of(reference, PAGE, kind=Cooperation)}
    assert (CLIENT, "training-and-education") in found


def test_without_a_client_field_the_client_is_no_one(reference):
    page = PAGE.replace("Client:", "Sector reviewed:")
    assert activities_of(reference, page) == set()
