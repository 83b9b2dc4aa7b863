"""Who signed a document, read from the names that follow "by" after its signing verb:
"a cooperation plan, signed on 12 June 2025 by the X Office (XO) and the Y Council".

The parser often hangs the second of two co-ordinated names on the sentence's root when
a parenthesised short name or a date stands between them and the verb, so the parse's
roles lose the second signer. The names are read here from the text instead: the run of
names right after "by", parted only by commas, "and", articles and a name's bracketed
short form. Used by ``graph.relations_agreement``.
"""

from __future__ import annotations

import re

from graph.model import EntityKind
from graph.reading import Sentence

# a signing verb, then (within its own clause: no stop, semicolon or colon) its "by"
_SIGNED_BY = re.compile(
    r"\b(?:signed|concluded|initialled|co-signed|inked|agreed|adopted)\b[^.;:]{0,70}?\bby\s+",
    re.IGNORECASE,
)
# what may stand between two signers: a bracketed short form, a comma, "and", an article
_BETWEEN = re.compile(
    r"(?:\s*\([^()]{1,40}\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+)"
    r"(?:the\s+)?",
    re.IGNORECASE,
)
_FIRST = re.compile(r"(?:the\s+)?", re.IGNORECASE)
# "Egypt's National Authority ...": the owner's name is the body's, not a signer of its own
_OWNER = re.compile(r"['\u2019]s\s+")
_PARTY_KINDS = (EntityKind.COUNTRY, EntityKind.ORGANISATION)


def signed_by(sentence: Sentence, start: int) -> list[str]:
    """The signers a signing at or after ``start`` names after its "by", in order; [] when
    its "by" is not followed by a name."""
    text = sentence.text
    m = _SIGNED_BY.search(text, start)
    if m is None or m.start() - start > 40:
        return []
    names = sorted(
        (f for f in sentence.mentions if not f.nested and f.kind in _PARTY_KINDS),
        key=lambda f: f.start,
    )
    keys: list[str] = []
    kinds: list[EntityKind] = []
    pos, joiner = m.end(), _FIRST
    for f in names:
        at = f.start - sentence.start
        if at < pos:
            continue
        gap = text[pos:at]
        end = f.end - sentence.start
        if keys and f.key == keys[-1] and re.fullmatch(r"\s*\(", gap):
            pos = end + 1 if text[end : end + 1] == ")" else end  # "(XO)": its short form
            continue
        if kinds and kinds[-1] is EntityKind.COUNTRY and _OWNER.fullmatch(gap):
            keys[-1], kinds[-1] = f.key, f.kind  # "Egypt's National Authority": the body
        elif joiner.fullmatch(gap):
            keys.append(f.key)
            kinds.append(f.kind)
        else:
            break
        pos, joiner = end, _BETWEEN
    return list(dict.fromkeys(keys))
