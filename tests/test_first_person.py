"""First person in an interview: "we", "us" and "our" in the answers stand for the body
the interview is about, so its cooperation is read like a named body's. Questions speak
to that body. A space body's own brochure or release speaks for the body that published
it, but not in the words it quotes; any other document gives its first person to no
one."""

from __future__ import annotations

from pathlib import Path

from graph import extract
from graph.model import Cooperation, Document, DocumentMeta, GroundStation

INTERVIEW = """\
Peru's agency looks to the Moon

The Peruvian Space Agency (CONIDA) was founded decades ago. We spoke to its director.

Q: How does CONIDA work with China today?

A: We work with the China Satellite Navigation Office on satellite navigation for
fisheries, and a Chinese company built a receiving station with us near Lima.

Q: Will CONIDA fly an instrument?

A: Yes. CONIDA is building a dust counter that will fly on Chang'e-8.
"""


def _read(reference, text: str):
    meta = DocumentMeta("talk", "talk.txt", "Talk", "Andes Review", "2031", "news-article")
    return extract.extract_corpus([Document(meta, Path("talk.txt"), text)], reference).facts


def test_we_in_an_interviews_answers_is_the_body_it_is_about(reference):
    facts = _read(reference, INTERVIEW)
    cooperation = {(f.partner, f.area) for f in facts if isinstance(f, Cooperation)}
    stations = {f.partner for f in facts if isinstance(f, GroundStation)}
    assert ("peruvian-space-agency", "satellite-navigation") in cooperation
    assert "peruvian-space-agency" in stations


def test_first_person_outside_an_interview_is_no_one(reference):
    # (the publisher here is an outlet, which speaks for no body)
    text = INTERVIEW.replace("Q:", "").replace("A:", "")
    facts = _read(reference, text)
    cooperation = {(f.partner, f.area) for f in facts if isinstance(f, Cooperation)}
    assert ("peruvian-space-agency", "satellite-navigation") not in cooperation


SPEECH = """\
NATIONAL SPACE COMMISSION OF MONGOLIA
Office of the Chairman

Remarks by Dr. Bat-Erdene Tsogt, Chairman, National Space Commission of Mongolia (NSCM)
Asia-Pacific Space Week, Ulaanbaatar, 9 May 2031

Thank you, Madam Chair. Friends and colleagues,

Since 2027 we have cooperated with China on satellite navigation for herders, and
our engineers will train in Wuhan next year. Our country is proud of them.
"""


def test_we_in_a_speech_is_the_body_its_speaker_line_names(reference):
    facts = _read(reference, SPEECH)
    cooperation = {(f.partner, f.area) for f in facts if isinstance(f, Cooperation)}
    assert ("national-space-commission-of-mongolia", "satellite-navigation") in cooperation


def test_a_speech_without_a_speaker_line_gives_its_first_person_to_no_one(reference):
    facts = _read(reference, SPEECH.replace("Remarks by Dr.", "Dr."))
    cooperation = {(f.partner, f.area) for f in facts if isinstance(f, Cooperation)}
    assert ("national-space-commission-of-mongolia", "satellite-navigation") not in cooperation


RECORD = """\
12. The representative of Peru said that her country had exchanged Earth observation
data with China since 2030. The representative of Japan said that his delegation
welcomed the report.

13. The representative of Chile said that his government had signed a memorandum of
understanding with China on satellite navigation in 2031.
"""


def test_his_or_her_country_is_the_country_the_speaker_represents(reference):
    facts = _read(reference, RECORD)
    partners = {f.partner for f in facts if isinstance(f, Cooperation)}
    assert "peru" in partners
    signed = [f for f in facts if type(f).__name__ == "Agreement"]
    assert [tuple(sorted(f.parties)) for f in signed] == [("chile", "china")]


OP_ED = """\
Reaching for the stars together

By Ana Lopez, Ambassador of the Republic of Peru to the People's Republic of China

We signed a memorandum of understanding on space cooperation with the China National
Space Administration in 2026. Next year we will fly a dust detector on Chang'e-8.
"""


def test_an_envoys_opinion_piece_speaks_for_the_country_the_envoy_represents(reference):
    facts = _read(reference, OP_ED)
    assert ("peru", "payloads", "change-8") in {
        (f.partner, f.area, f.mission) for f in facts if isinstance(f, Cooperation)
    }
    signed = [f for f in facts if type(f).__name__ == "Agreement"]
    assert [f.parties for f in signed] == [("china-national-space-administration", "peru")]


def test_an_interview_whose_opening_does_not_name_the_body_takes_the_first_questions(
    reference,
):
    text = (
        "An interview with the head of Rwanda's space agency\n\n"
        "Q: When did the Rwanda Space Agency start working with China?\n\n"
        "A: In 2024 we signed a memorandum of understanding with the China National Space "
        "Administration on remote sensing.\n\n"
        "Q: And other partners?\n\n"
        "A: We work with the Japan Aerospace Exploration Agency on cubesats, but that is "
        "not part of our cooperation with China.\n"
    )
    facts = _read(reference, text)
    assert {(type(f).__name__, getattr(f, "parties", None)) for f in facts} == {
        ("Agreement", ("china-national-space-administration", "rwanda-space-agency"))
    }


BROCHURE = """\
Capabilities 2031

In 2030 we signed a letter of intent with the Gabonese Space Agency on an imaging
satellite. "We are proud of it," said the Peruvian Space Agency's director.
"""


def test_we_in_a_space_bodys_own_brochure_is_that_body(reference):
    from graph.model import Agreement

    meta = DocumentMeta(
        "brochure",
        "b.txt",
        "Capabilities",
        "China Great Wall Industry Corporation",
        "2031",
        "news-article",
    )
    facts = extract.extract_corpus([Document(meta, Path("b.txt"), BROCHURE)], reference).facts
    parties = {f.parties for f in facts if isinstance(f, Agreement)}
    assert parties == {("china-great-wall-industry-corporation", "gabonese-space-agency")}
