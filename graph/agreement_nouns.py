"""The agreement noun of a sentence: the kind of document it names, the title it opens
and whether it is counted rather than named.

"Memorandum of understanding", "letter of intent", "joint statement", "outline",
"supplementary protocol" and the rest each name a kind; a capitalised noun opens the
agreement's title ("Cooperation Agreement on the Joint Development of ..."); a plural
counted ("23 cooperation documents") states a total, not a document. Kept apart from
``graph.relations_agreement`` because the tables and records read the kind of an
agreement too, without reading signings.
"""

from __future__ import annotations

import re

from graph.word_gate import WordGated

_AGREEMENT_NOUN = re.compile(
    # a protocol that adds to an agreement is a supplementary one ("Additional Protocol",
    # "Supplementary Protocol to the Agreement on ...", "Protocol Amending the ...")
    r"\b(?:(?P<supplementary>(?:supplementary|additional|amending)\s+(?:agreements?|protocols?)|"
    r"protocols?\s+(?:additional|amending|supplementary)\b|amendments?\s+to\s+the\s+agreement)|"
    r"(?P<mou>memorand(?:ums?|a)(?:\s+of\s+understanding)?|(?-i:MoUs?|MOUs?)\b)|"
    r"(?P<intent>letters?\s+of\s+intent|(?:cooperation\s+)?intentions?)|"
    r"(?P<statement>joint\s+(?:statements?|declarations?|communiqu[eé]s?))|"
    r"(?P<outline>outlines?)|(?P<plan>(?:cooperation\s+|action\s+)plans?|(?-i:Road\s?[Mm]aps?)|"
    r"plans?\s+of\s+(?:joint\s+)?activities|"
    r"plans?\s+(?:for|on)\s+(?:[\w-]+\s+){0,2}?cooperation)|"
    r"(?P<document>(?:space\s+)?cooperation\s+documents?)|"
    r"(?P<agreement>(?:cooperation\s+)?agreements?|protocols?|accords?|contracts?|"
    r"(?:implementing\s+)?arrangements?|"
    r"conventions?|treat(?:y|ies)))\b",
    re.IGNORECASE,
)
# what every match holds, in lower case ("MoU" too; "communiqu\u00e9" is not ASCII):
# "plan", "joint" and "accord" alone are in many more sentences ("planned", "jointly",
# "according") than the nouns
AGREEMENT_NOUN = WordGated(
    _AGREEMENT_NOUN,
    (
        *("agreement", "protocol", "memorand", "mou", "intent", "outline", "document"),
        *("contract", "arrangement", "convention", "treat", r"accords?\b"),
        r"joint\s+(?:statement|declaration|communiqu)",
        r"(?:cooperation|action)\s+plan",
        r"road\s?map",
        r"plans?\s+of\s",
        r"plans?\s+(?:for|on)\s",
    ),
)
KINDS = {
    "supplementary": "supplementary-agreement",
    "mou": "memorandum-of-understanding",
    "intent": "letter-of-intent",
    "statement": "joint-statement",
    "outline": "outline",
    "plan": "plan",
    "document": "cooperation-document",
    "agreement": "agreement",
}


def agreement_kind(text: str) -> str | None:
    """The kind of the first agreement noun in ``text`` ("MoU" included), if any."""
    if re.search(r"\bMoUs?\b", text):
        return "memorandum-of-understanding"
    m = AGREEMENT_NOUN.search(text)
    return KINDS[next(k for k, v in m.groupdict().items() if v)] if m else None


_CONNECTORS = frozenset(
    ["of", "on", "for", "between", "and", "the", "from", "to", "an", "a", "in", "with"]
)
_TITLE_START = re.compile(
    r"^(?:Cooperation|Supplementary|Memorandum|Outline|Agreement|Letter|Joint)\b"
)


def title_end(text: str, start: int) -> int:
    """End of a capitalised title that starts at ``start``."""
    end = start
    words = list(re.finditer(r"\S+", text[start:]))
    for i, word in enumerate(words):
        token = word.group(0)
        bare = token.rstrip(",;.:")
        if (
            i
            and bare.lower() == "and"
            and i + 1 < len(words)
            and _TITLE_START.match(words[i + 1].group(0))
        ):
            break
        if i and not (
            bare[:1].isupper() or bare[:1].isdigit() or bare in _CONNECTORS or bare.startswith("(")
        ):
            break
        end = start + word.start() + len(bare)
        if bare != token:
            break
    trimmed = text[start:end].split()
    while trimmed and trimmed[-1] in _CONNECTORS:
        trimmed.pop()
    return start + len(" ".join(trimmed))


_NUMBER = (
    r"(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"dozens?|several|many|numerous)"
)
# a count and the words that say what was counted ("16 in-orbit delivery contracts",
# "five launch services agreements"); a year before a noun names a document instead
_COUNT = r"(?:(?!(?:19|20)\d\d\b)\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|dozens?)"
_COUNTED_BEFORE = re.compile(
    rf"\b(?:{_NUMBER}\s+(?:(?:new|more|space|bilateral|intergovernmental)\s+)*|"
    rf"{_COUNT}\s+(?:(?-i:[a-z][\w-]*)\s+){{1,3}})$",
    re.I,
)
_COUNTED_WITH = re.compile(
    rf"^\s+with\s+(?:more\s+than\s+|over\s+|about\s+|some\s+)?{_NUMBER}\s", re.I
)
# the counted partners' names given as examples after the count
_WITH_EXAMPLES = re.compile(
    rf"\s+with\s+(?:more\s+than\s+|over\s+|about\s+|some\s+)?{_NUMBER}\s[^.;:]*?,?\s+"
    r"(?:including|such\s+as|notably|among\s+them)\s+(?:the\s+)?(?-i:[A-Z])",
    re.I,
)
_COUNTED_SIGNERS = re.compile(rf"\b(?:one\s+of|among)\s+(?:the\s+)?{_NUMBER}\s", re.I)


def counted(text: str, m: re.Match[str]) -> bool:
    """Whether plural agreements are counted rather than named: "23 cooperation
    documents", "documents with 12 African countries", "one of 23 countries that have
    signed documents" state how many, which is a total."""
    plural = m.group(0).lower().endswith("s") or m.group(0).lower().startswith("memoranda")
    if not plural:
        return False
    if _WITH_EXAMPLES.match(text, m.end()):
        return False  # "... with 19 countries and regions, including Egypt and Serbia"
    return bool(
        _COUNTED_BEFORE.search(text[: m.start()])
        or _COUNTED_WITH.match(text[m.end() :])
        or _COUNTED_SIGNERS.search(text[max(0, m.start() - 80) : m.start()])
    )
