"""News habits: a long sentence ending on who reports it, and "the Chinese agency" for
the Chinese space agency named before. Every sentence here is new."""

from __future__ import annotations

from graph.model import Agreement
from tests.one_document import activities_of, facts_of


def test_a_long_sentence_ending_on_its_source_still_says_whom_the_launch_served(reference):
    """The sayer at the end is left out of the parse, which would otherwise read the
    first craft as the subject of "said"."""
    text = (
        "The rocket lifted off from the Jiuquan launch centre in the Gobi desert at 11:02 "
        "a.m. (0302 GMT) carrying PeruSat-2, an Earth observation satellite for Peru's "
        "space agency CONIDA, and two MySat communications satellites owned by Malaysia's "
        "MEASAT, the China Great Wall Industry Corporation said in a statement."
    )
    assert ("launched", "peru", "perusat-2") in activities_of(reference, text)


def test_the_chinese_agency_is_the_chinese_space_agency_named_before(reference):
    text = (
        "The payload was chosen by the China National Space Administration in 2031.\n\n"
        "The University of Talca signed an agreement with the Chinese agency last "
        "November, its rector said."
    )
    parties = {a.parties for a in facts_of(reference, text, issued="2032-03", kind=Agreement)}
    assert parties == {("china-national-space-administration", "university-of-talca")}
