"""An updated wire story opens on an editor's note that says what changed in it ("(Adds
details of the Argentine camera in paragraph 4)"): the note states no cooperation, though
it names partners and their instruments; the story's own sentences still do. Each text is
new, with names of its own."""

from __future__ import annotations

from tests.one_document import cooperations_of

_UPDATED = (
    "UPDATE 2-Chile's lunar camera cleared for flight\n\n"
    "(Adds details of Argentine rover in paragraphs 4-5, comments from Brazilian minister "
    "in paragraph 7)\n\n"
    "SANTIAGO, May 3 (Andes Wire) - Chang'e-7 will carry a camera from Chile to the Moon's "
    "south pole, the Chilean Space Agency said on Tuesday.\n"
)

_CORRECTED = (
    "(Corrects name of Peruvian institute in paragraph 3; removes reference to Bolivian "
    "payload, which was not aboard)\n\n"
    "LIMA, June 9 (Pacific Wire) - Peru's space agency has received Fengyun data from "
    "China since 2029.\n"
)


def test_an_editors_note_states_no_cooperation(reference):
    found = cooperations_of(reference, _UPDATED)
    assert not any(key[0] in ("argentina", "brazil") for key in found)


def test_the_story_under_the_note_still_states_its_own(reference):
    found = cooperations_of(reference, _UPDATED)
    assert any(key[0] in ("chile", "chilean-space-agency") for key in found)


def test_a_correction_note_names_partners_without_stating_anything(reference):
    found = cooperations_of(reference, _CORRECTED)
    assert not any(key[0] in ("bolivia",) for key in found)
