"""Names whose class a noun beside them gives: "the space agency Roscosmos", "the Delft
company Innovative Solutions In Space", "Hongmeng, a formation of lunar-orbit
microsatellites", "Uzbekcosmos, the Uzbek space agency". Used by
``graph.name_candidates``."""

from __future__ import annotations

import re

from graph.name_forms import ORG, Candidate, S
from graph.name_words import HEAD_WORDS, MONTH_NAMES, SENTENCE_OPENERS

# Names given beside the class noun that says what they are: "the space agency
# Roscosmos", "the Delft company Innovative Solutions In Space", "Hongmeng, a formation of
# lunar-orbit microsatellites"
_CLASS = (
    r"agency|corporation|company|operator|institute|university|observatory|satellite|"
    r"microsatellites?|satellites|probe|telescope|mission|constellation|programme|program|"
    r"spacecraft|cubesat|lander|rover|orbiter"
)
_NAMED = r"[A-Z][\w'\u2019-]*[\w](?:\s(?:[A-Z][\w'\u2019-]*[\w]|In|of))*"
_CLASS_BEFORE = re.compile(
    rf"\b(?:the|its|a|an|state|national|private)\s+"
    # ("the Paris-based operator Eutelsat")
    rf"(?:[a-z][\w-]*\s+|[A-Z][a-z]+(?:-[a-z]+)?\s+){{0,2}}?"
    rf"(?P<head>{_CLASS})\s+(?P<name>{_NAMED})"
)
# "Peru's space agency, CONIDA, has ...": a country's body, then its name
_OWNERS_CLASS = re.compile(
    rf"\b[A-Z][a-z]+['\u2019]s\s+(?:[a-z][\w-]*\s+){{0,2}}?(?P<head>{_CLASS}),\s+"
    rf"(?P<name>{_NAMED})(?=,|\s+(?:has|have|had|is|was|will|signed|built|launched)\b)"
)
_CLASS_AFTER = re.compile(
    rf"(?<![\w'\u2019-])(?P<name>{_NAMED})(?P<acronym>\s+\([A-Z][\w&-]*\))?,\s+"
    # "Rosatom, Russia's state nuclear corporation": a country's body, said so
    r"(?:a|an|the|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?['\u2019]s)\s+"
    rf"(?:[\w-]+\s+){{0,5}}?(?P<head>{_CLASS})\b"
    # the noun that ends the phrase: "the national satellite operator" is an operator
    rf"(?!\s+(?:{_CLASS})\b)"
    r"(?!['\u2019]s)"  # "X, the agency's director": a person of the agency
    # and nothing after it but the end of the phrase ("X, Egypt's agency spokesman": a
    # person)
    r"(?=\s*[,.;:)\]]|\s*$|\s+(?:that|which|and|in|on|for|with|since|from|at|of|has|"
    r"have|had|is|was|were|will|would|signed|built|launched|operates|runs|to|"
    # "NEPSAT, a mapping satellite developed jointly with ...": a participle goes on
    r"developed|designed|made|owned|operated|carrying|carried)\b)"
)
# what every match of a pattern holds, found by the engine from its first character
# (the patterns themselves open with a look-behind or a word boundary, so they are
# tried at every character): a paragraph without it is not searched by the pattern
_HELD: dict[re.Pattern[str], re.Pattern[str]] = {
    _OWNERS_CLASS: re.compile(r"['\u2019]s\s"),
    _CLASS_AFTER: re.compile(r",\s+(?:a|an|the|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?['\u2019]s)\s"),
}
_NOT_A_NAME = SENTENCE_OPENERS | {
    "However",
    "Today",
    "Meanwhile",
    "Also",
    "Now",
    "Then",
    "Here",
    "There",
    "Later",
    "Earlier",
    "Last",
    "Next",
    "That",
    "These",
    "Those",
    "Each",
    "Both",
    "Some",
    "Many",
    "Most",
    "China",
    "Chinese",
}


def appositions(doc_id: str, chunk: str, offset: int) -> list[Candidate]:
    """Names whose class a noun beside them gives (see ``_CLASS_BEFORE``,
    ``_OWNERS_CLASS`` and ``_CLASS_AFTER``)."""
    found = []
    for pattern in (_CLASS_BEFORE, _OWNERS_CLASS, _CLASS_AFTER):
        held = _HELD.get(pattern)
        if held is not None and not held.search(chunk):
            continue
        for m in pattern.finditer(chunk):
            name = re.sub(r"(?:\s(?:In|of))+$", "", m.group("name"))
            skip = 0
            # "in January PRSC-EO1, an optical satellite": the month dates the clause
            while len(name.split()) > 1 and name.split()[0].lower() in MONTH_NAMES:
                skip += len(name.split()[0]) + 1
                name = name.split(" ", 1)[1]
            # "Kenya's LunarCube, a cubesat": the owner is no part of the name
            owner = re.match(r"(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*['\u2019]s\s+(?=[A-Z])", name)
            if owner:
                skip += owner.end()
                name = name[owner.end() :]
            words = name.split()
            if words[0] in _NOT_A_NAME or len(name) < 3:  # "satellite No. 2": a number
                continue
            if pattern is _CLASS_AFTER and not _heads_apposition(
                chunk[m.end("acronym") if m.group("acronym") else m.end("name") : m.start("head")]
            ):
                continue  # "Dawit Alemu, a spokesman for the institute": not what he is
            head = m.group("head").lower().rstrip("s")
            kind = HEAD_WORDS.get(head, ORG if head in ("operator",) else S)
            if head in ("microsatellite", "satellite", "cubesat"):
                kind = S
            start = offset + m.start("name") + skip
            found.append(Candidate(name, kind, doc_id, start, start + len(name)))
    return found


_COLLECTIVE = frozenset(
    ["formation", "constellation", "pair", "series", "family", "fleet", "group"]
)


def _heads_apposition(between: str) -> bool:
    """Whether the class noun heads the apposition: no preposition before it, but "of"
    after a collective ("a formation of microsatellites")."""
    words = between.lower().replace(",", " ").split()[1:]  # after "a"/"an"/"Russia's"
    for i, word in enumerate(words):
        if word == "of" and i > 0 and words[i - 1] in _COLLECTIVE:
            continue
        if word in ("of", "for", "at", "in", "with", "from", "to", "on", "by", "who", "which"):
            return False
    return True
