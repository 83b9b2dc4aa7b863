"""A fact-check's claim that its verdict rules false or misleading states nothing; a
claim ruled true, and the checked account after any verdict, are read as any text is.
Every text here is new."""

from __future__ import annotations

from graph.model import Agreement, SpacecraftActivity
from tests.one_document import facts_of

CHECK = """FACT CHECK: three claims about China's partners

CLAIM 1
Claim: "China built and launched Chile's FASat-Delta radar satellite."
Verdict: FALSE
What we checked: FASat-Delta was built in France and launched by SpaceX.

CLAIM 2
Claim: "China launched Kenya's KenSat-2 in 2029."
Verdict: TRUE
What we checked: the launch took place at Jiuquan.

CLAIM 3
Claim: "Peru signed an astronaut agreement with China."
Verdict: Misleading
What we checked: Peru and China signed an agreement on satellite data in 2027.
"""


def test_a_claim_ruled_false_or_misleading_gives_nothing_and_one_ruled_true_does(reference):
    crafts = {
        (f.activity, f.spacecraft) for f in facts_of(reference, CHECK, kind=SpacecraftActivity)
    }
    assert ("launched", "kensat-2") in crafts
    assert not any(s == "fasat-delta" for _a, s in crafts)


def test_the_checked_account_after_a_verdict_is_read(reference):
    found = {(f.parties, f.signed_on) for f in facts_of(reference, CHECK, kind=Agreement)}
    assert found == {(("china", "peru"), "2027")}
