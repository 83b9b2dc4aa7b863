"""The forms of names: the words that say what a name is, and how an acronym fits its
expansion. Data and small pure functions shared by the name finder
(``graph.name_candidates``) and discovery (``graph.discover``)."""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass

from graph.model import EntityKind
from graph.name_words import (
    CONNECTORS,
    ELISION,
    FOREIGN_CONNECTORS,
    GENERIC,
    HEAD_WORDS,
    LEADING_HEADS,
    MONTH_NAMES,
    ORG,
    SENTENCE_OPENERS,
    M,
    S,
)

_CAP = "A-Z\u00c0-\u00de"  # capitals, accented ones included ("\u00d1uSat-1")
# hyphens inside: "Sub-committee"; a middle initial: "Arthur C. Clarke Institute"
# ... and an en dash between two capitalised parts: "China\u2013Arab States Forum"
_WORD = (
    rf"(?:(?<=[a-z] )[{_CAP}]\.(?=\s[{_CAP}][a-z])"
    rf"|[{_CAP}](?:(?:[\w'\u2019&.-]|\u2013(?=[{_CAP}]))*[\w&])?)"
)
_JOIN = "|".join(("of", "for", "on", "and", "the", *FOREIGN_CONNECTORS))
# "in" inside a name only before a field of study: "Institute for Research in
# Astrophysics and Planetology" (not "Institute for Research in Toulouse")
_IN_FIELD = (
    r"\sin\s(?=[A-Z][a-z]+(?:ics|ology|onomy|ography)\b|"
    r"(?:Science|Sciences|Engineering|Technology|Medicine)\b)"
)
# a comma inside a name's list of fields: "Commission on Research, Science and Technology",
# "Ministry of Education, Science, Research and Sport"
_FIELDS = (
    r"(?:Science|Sciences|Technology|Technologies|Innovation|Research|Education|Culture|"
    r"Communications|Information|Industry|Energy|Environment|Sport|Youth|Development)"
)
_FIELD_COMMA = rf",\s(?={_FIELDS}(?:,\s|\sand\s))"
_FIELD_WORD = re.compile(
    r"[A-Z][a-z]+(?:ics|ology|onomy|ography)|Science|Sciences|Engineering|Technology|Medicine"
)
NAME_RUN = re.compile(
    rf"(?:{_WORD})(?:(?:[ -]|\s(?:(?:{_JOIN})\s)+(?![\w'\u2019-]*\d)|{_IN_FIELD}|{_FIELD_COMMA}|"
    rf"\s[dl]['\u2019](?=[{_CAP}]))"
    rf"(?:{_WORD}|\d[\w]*))*"
)
DESIGNATOR = re.compile(
    rf"(?<![\w'\u2019-])((?:[{_CAP}][\w'\u2019]*(?<!'s)(?<!\u2019s)[ -])?"
    rf"[{_CAP}][\w'\u2019]*-[A-Z]{{0,3}}\d{{1,3}}[A-Z]?(?:\s0\d)?"
    r"|[A-Z]{2,}(?:-[A-Z0-9]{1,6})+"  # "ICUBE-Q", "ET-SMART-RSS"
    r"|[A-Z][a-z]+(?:[A-Z][a-z]+){0,2}-[A-Z](?![\w-])"  # "Palapa-D", "NigComSat-R"
    r"|(?:Satellite|Module|Probe|Spacecraft)\s[A-Z0-9]{1,2})(?![\w-])"
)
ACRONYM = re.compile(r"\s\(([A-Z][A-Za-z0-9&-]{1,11})\)")


@dataclass(frozen=True)
class Candidate:
    """A name seen in one document, with what its form says about its class."""

    label: str
    kind: EntityKind | None  # None: could not be classed
    doc_id: str
    start: int  # clean offsets
    end: int
    alias: str | None = None  # an acronym the text gave it in parentheses
    launcher: bool = False  # named as a rocket: never a resource
    explicit: bool = True  # its class comes from a word; a bare designator's does not


def head_kind(name: str) -> EntityKind | None:
    words = name.replace("-", " ").split()
    if not words:
        return None
    if (
        words[0].lower() in LEADING_HEADS
        and (
            # up to four words besides the small ones of other languages' names
            # ("Instituto Nacional de Pesquisas Espaciais")
            (
                len([w for w in words if w.lower() not in FOREIGN_CONNECTORS])
                # (six where such small words show the name is one: "Universidade Federal
                # do Rio Grande do Norte")
                <= (6 if any(w.lower() in FOREIGN_CONNECTORS for w in words) else 4)
                and words[-1][:1].isupper()
            )
            # a name in its own language's casing: "Agenzia spaziale italiana"
            or (len(words) > 1 and all(w[:1].islower() for w in words[1:]))
        )
    ):
        return HEAD_WORDS.get(words[0].lower(), ORG)  # "University College London"
    for at, (word, after) in enumerate(itertools.pairwise(words)):
        topic = after == "on" and word.lower() in ("forum", "committee", "commission")
        # "Research Institute in Astrophysics and Planetology": a field of study after "in"
        topic = topic or (
            after == "in" and at + 2 < len(words) and _FIELD_WORD.fullmatch(words[at + 2])
        )
        if (after in ("of", "for", "de", "di", "del", "für") or topic) and (
            word.lower() in LEADING_HEADS
        ):
            return HEAD_WORDS.get(word.lower(), ORG)  # "Institute of Space Technology"
        if after == "for" and word.lower() == "city":
            return ORG  # "King Abdulaziz City for Science and Technology"
    head = words[-1].lower()
    kind = HEAD_WORDS.get(head)
    if head == "observatory" and not re.search(r"space|x-ray|solar|gamma|ray", name, re.I):
        return ORG
    if head in ("laboratory", "lab") and re.search(r"\bspace\s+lab", name, re.I):
        return S
    if head == "station":
        return S if re.search(r"\bspace\s+station", name, re.I) else M
    # "State Space Corporation Roscosmos": a body's name and, after its head word, the one
    # word it goes by (no title of a person: "Space Agency Director")
    if (
        kind is None
        and len(words) >= 3
        and HEAD_WORDS.get(words[-2].lower()) is ORG
        and re.fullmatch(r"[A-Z][a-z]{3,}", words[-1])
        and words[-1] not in _NOT_SHORT_NAMES
    ):
        return ORG
    return kind


# what follows a body's head word without being its short name
_NOT_SHORT_NAMES = frozenset(
    ["Director", "Chairman", "Chairwoman", "President", "Administrator", "Chief", "Head",
     "Spokesman", "Spokeswoman", "Spokesperson", "Secretary", "Minister", "Headquarters",
     "Building", "Campus", "Officials", "Staff", "Engineers", "Scientists", "Delegation",
     "Website", "Report", "Statement", "Today", "Yesterday", "Monday", "Tuesday",
     "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Since", "While", "When",
     "Then", "Also", "Both", "Together", "Under", "After", "Before"]
)  # fmt: skip


_PEOPLE_OF = re.compile(
    r"(?:Staff|Engineers?|Scientists?|Researchers?|Students?|Experts?|Officials?|Astronauts?|"
    r"Technicians?|Specialists?|Teams?|Delegations?|Delegates?|Trainees?|"
    # one person's office: "the Director General of the Malian Space Office" is a person;
    # the body is the name
    r"(?:(?:Deputy|Vice|Acting|Former|Executive|Assistant)[\s-]+)?"
    r"(?:Director(?:[\s-]+General)?|Secretary(?:[\s-]+General)?|Ministers?|President|"
    r"Chair(?:man|woman|person)?|Head|Chief|Administrator|Ambassadors?|Governor|Rector|"
    r"Dean|Spokes(?:person|man|woman)|Representatives?|Envoy|Consul(?:[\s-]+General)?))"
    r"\s+(?:of|from|at)\s+(?:the\s+)?(?=[A-Z])"
    # an occasion a body takes part in: "Official Visit of the Delegation of the ..."
    r"|(?:(?:Official|State|Working|Study|Joint|Annual)\s+)?"
    r"(?:Visits?|Meetings?|Ceremon(?:y|ies)|Tours?|Receptions?|Talks)"
    r"\s+(?:of|by|with)\s+(?:the\s+)?(?=[A-Z])"
)


_OWNER_END = re.compile(r"(?:'s|\u2019s|')$")


_LOCATED = re.compile(r"^[A-Z][\w'.]*-(?:based|headquartered|led|owned|run|funded)$")


def trim_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article, sentence opener or group of people ("Engineers of the
    Kenya Space Agency": the agency is the name) and trailing connectors."""
    name = text[start:end]
    while True:
        people = _PEOPLE_OF.match(name)  # "The Director General of the ...": after "The"
        if people:
            start, name = start + people.end(), name[people.end() :]
            continue  # "Visit of the Delegation of the ...": one after the other
        first = name.split(" ", 1)[0]
        # "the Hawaii-based International ... Association": where a body sits, or who
        # leads or owns it, is said before its name, not in it
        if (first in SENTENCE_OPENERS or _LOCATED.match(first)) and " " in name:
            cut = len(first) + 1
            start, name = start + cut, name[cut:]
            continue
        break
    owner = _OWNER_END.search(name)
    if owner and " " in name:  # "Kiel University's": the owner of what follows
        name = name[: owner.start()]
        end = start + len(name)
    while True:
        last = name.rsplit(" ", 1)[-1]
        # "... Agency on 18 October 2023": a date after a name is not part of it
        dated = last.isdigit() or last.lower() in MONTH_NAMES
        if (last.lower() in CONNECTORS or dated) and " " in name:
            name = name[: -len(last) - 1]
            end = start + len(name)
            continue
        break
    return start, end


def is_generic(name: str) -> bool:
    """A description written in capitals ("Space Station", "Ground Station"): two words
    of the generic vocabulary; three or more ("Space Research Institute") make a name."""
    words = [w.lower() for w in re.split(r"[\s-]+", name) if w]
    return len(words) < 3 and all(w in GENERIC or w in HEAD_WORDS or w in CONNECTORS for w in words)


def _initial_words(name: str) -> list[str]:
    """The words whose initials an acronym of ``name`` is made of: small words left out."""
    words = [ELISION.sub("", w) for w in re.split(r"[\s-]+", name)]
    return [w for w in words if w and w.lower() not in CONNECTORS]


def leading_initial(name: str) -> str:
    """The capital every acronym that fits ``name`` opens with ("" for none): bodies
    grouped by it are tried only on the acronyms that could be theirs."""
    words = _initial_words(name)
    return words[0][0].upper() if words else ""


def initials_fit(name: str, acronym: str) -> bool:
    """ "Space Variable Objects Monitor" fits "SVOM": the acronym's capitals are the
    initials of the name's words, in order, skipping small words."""
    words = _initial_words(name)
    capitals = [c for c in acronym if c.isupper()]
    if len(capitals) < 2 or not words or words[0][0].upper() != capitals[0]:
        return False
    initials = "".join(_plain(w[0]).upper() for w in words)
    it = iter(initials)
    return all(c in it for c in capitals) or _prefixes_fit(
        [w.lower() for w in words], "".join(c for c in acronym.lower() if c.isalnum())
    )


def _plain(letter: str) -> str:
    """ "\u00c9" -> "E": acronyms are written without the accents of their words."""
    return unicodedata.normalize("NFKD", letter)[0]


# words an acronym of syllables may leave out: a company's legal form
_SKIPPABLE = frozenset({"ltd", "limited", "inc", "plc", "co", "company", "corporation", "gmbh"})


def _prefixes_fit(words: list[str], letters: str) -> bool:
    """ "Nigerian Communications Satellite Ltd" fits "NIGCOMSAT": the acronym is made of
    the first letters of the words in order, the first word's included; only a company's
    legal form may be left out."""

    def fit(i: int, pos: int, first: bool) -> bool:
        if pos == len(letters):
            return True
        if i == len(words):
            return False
        word = words[i]
        for k in range(min(len(word), len(letters) - pos), 0, -1):
            if word[:k] == letters[pos : pos + k] and fit(i + 1, pos + k, False):
                return True
        return not first and word in _SKIPPABLE and fit(i + 1, pos, False)

    return len(letters) >= 4 and fit(0, 0, True)


def name_before(text: str, end: int) -> tuple[int, int] | None:
    """The capitalised run that ends at ``end`` (for "<name> (ACRONYM)")."""
    best = None
    for m in NAME_RUN.finditer(text, max(0, end - 160), end):
        if m.end() == end:
            best = (m.start(), m.end())
    return best
