"""Independent clauses a semicolon joins, parsed as the separate statements they are.

The small English parser often hangs the subject of a clause after a semicolon on the
clause before it ("X and Y joined in 2023; A, B and C joined in 2024" makes A a
conjunct of 2023), leaving the second verb with no subject. Marking the word after the
semicolon as a sentence start, before the parser runs, keeps each clause's arcs inside
it; the parser respects boundaries set ahead of it. Only a semicolon with a finite verb
on both sides, and a name just after it, is such a break: one inside a list of names or
of dated entries is not, and a clause that opens by pointing back ("; that spacecraft,
too, was built in China", "; the most recent of them ...") keeps the parse that links it
to what it points back to.
"""

from __future__ import annotations

import itertools

from spacy.language import Language
from spacy.tokens import Doc

NAME = "semicolon_clauses"
# the tagger's tags of a verb that can head a clause of its own
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_NAMES = frozenset({"NNP", "NNPS"})


@Language.component(NAME)
def semicolon_clauses(doc: Doc) -> Doc:
    """Set a sentence start after each semicolon that joins two clauses with verbs."""
    stops = [t.i for t in doc if t.text == ";"]
    if not stops:
        return doc
    bounds = [-1, *stops, len(doc)]
    finite = [
        any(doc[i].tag_ in _FINITE for i in range(a + 1, b)) for a, b in itertools.pairwise(bounds)
    ]
    for k, stop in enumerate(stops):
        after = stop + 1
        if finite[k] and finite[k + 1] and after < len(doc) and doc[after].tag_ in _NAMES:
            doc[stop + 1].is_sent_start = True
    return doc
