"""A launch report names its rocket once and then tells of the craft on board in
sentences that name none ("Riding along were ...", "The rocket also carried ...", "X
reached orbit aboard the same rocket"). A craft going up in them went up on that rocket:
launched for its owner or maker when the rocket is China's, and by others when it is not.
Every report here is new."""

from __future__ import annotations

from tests.one_document import activities_of

_REPORT = "\n\n".join(
    [
        "Launch roundup",
        (
            "A Long March 2D rocket lifted off from the Taiyuan Satellite Launch Center on "
            "Tuesday with nine small satellites."
        ),
        (
            "Riding along were NuSat-33 and NuSat-34, two imaging satellites built by the "
            "Argentine company Satellogic."
        ),
        (
            "The rocket also carried Tanager-Q, a hyperspectral cubesat owned by the Thai "
            "startup Orbitx."
        ),
        (
            "KazSci-2, a research microsatellite of Kazakhstan's Al-Farabi University, was "
            "launched on the same rocket."
        ),
        "Also aboard: Tupi-4 (Brazil), Andes-Q (Colombia).",
        (
            "Nepal's first Earth observation satellite, SagarSat-1, reached orbit aboard the "
            "same rocket."
        ),
        "The launch also deployed AuroraSat-2 for the Bolivian Space Agency.",
    ]
)


def test_the_craft_a_chinese_launch_report_lists_were_launched_for_their_owners(reference):
    found = activities_of(reference, _REPORT)
    assert {
        ("launched", "satellogic", "nusat-33"),
        ("launched", "satellogic", "nusat-34"),
        ("launched", "orbitx", "tanager-q"),
        ("launched", "al-farabi-university", "kazsci-2"),
        ("launched", "brazil", "tupi-4"),
        ("launched", "colombia", "andes-q"),
        ("launched", "nepal", "sagarsat-1"),
        ("launched", "bolivian-space-agency", "aurorasat-2"),
    } <= found


def test_the_same_sentences_after_another_countrys_launch_give_nothing(reference):
    report = _REPORT.replace(
        "A Long March 2D rocket lifted off from the Taiyuan",
        "A Falcon 9 rocket lifted off from the Vandenberg",
    )
    assert activities_of(reference, report) == set()


def test_a_craft_made_by_students_of_a_body_is_launched_for_that_body(reference):
    text = (
        "BrookSat-2, a CubeSat designed by students at the University of Lagos, launched "
        "aboard a Long March 6 rocket from Taiyuan on 3 March."
    )
    assert activities_of(reference, text) == {("launched", "university-of-lagos", "brooksat-2")}


def test_a_cubesat_riding_on_a_lunar_probe_is_a_payload_not_a_launch_of_its_own(reference):
    text = (
        "A Long March 5 lifted off from Wenchang in May. The Omani cubesat MuscatSat-Q rode "
        "to lunar orbit aboard Chang'e-7."
    )
    assert ("launched", "oman", "muscatsat-q") not in activities_of(reference, text)
