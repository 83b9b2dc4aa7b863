"""Partners who did what another partner of the sentence did, said without its verb:
"and so do A, B and C", "and A and B followed later that year". Used by
``graph.partner_lists``."""

from __future__ import annotations

import re

from graph.grammar import Group
from graph.reading import Sentence

_SO_DO = re.compile(r"\b(?:so|as)\s+(?:do|does|did|have|has|had|will|would)\s+(?:the\s+)?$")
_FOLLOWED = re.compile(
    r"\s+(?:(?:soon|later|then|also)\s+)?followed\b(?!\s+(?:the|a|an|its|their)\b)"
)


def did_the_same(sentence: Sentence, group: Group) -> bool:
    """Whether the group did what a partner before it did: "and so do A, B and C", "and
    A and B followed (later that year)"."""
    text = sentence.text
    return bool(_SO_DO.search(text, 0, group.start) or _FOLLOWED.match(text, group.end))
