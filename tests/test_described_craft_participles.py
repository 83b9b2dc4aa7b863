"""A participle set off by a comma after a craft's description tells of the craft, even
where the parser hangs it on the description's last noun ("a satellite for a West
African country, built and launched ..."). Every text here is new."""

from __future__ import annotations

from tests.one_document import activities_of


def test_a_participle_after_a_description_tells_of_the_described_craft(reference):
    text = (
        "SATELLITES\n\n- Ghana: GhanaSat-9, the first imaging satellite of a West African "
        "country, built and launched in May 2031.\n"
    )
    found = activities_of(reference, text)
    assert ("built", "ghana", "ghanasat-9") in found
    assert ("launched", "ghana", "ghanasat-9") in found
