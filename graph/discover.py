"""Open-world entities: names the documents introduce that the reference data lacks.

A name is classed by its form, never looked up in a list of what may exist:

- a *designator*, a name with a serial number or letter ("Fengyun-3D", "CBERS-04A",
  "PakSat-MM1"), is a spacecraft, or a mission when the words after it say so ("the
  Chang'e-9 mission") or when curated names of the same series are missions; one
  followed by "rocket" or "launch vehicle" anywhere in the corpus is a launcher, and
  no resource;
- a capitalised name whose last word says what it is ("... Space Agency", "...
  Telescope", "... Programme") takes that word's class;
- an acronym introduced in parentheses after its expansion ("Space Variable Objects
  Monitor (SVOM)") names the expansion, and the acronym becomes another name of it.

The reference data (``ontology/reference/``) still decides canonical names, aliases and
part-of links: a discovered name that is a curated name or alias is the curated entity.
Headings, page furniture and related-headline lists were dropped by ``normalise`` and
give nothing. Every discovered entity carries the passage where it was first named.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from graph.dates import MONTHS
from graph.gazetteer import Gazetteer
from graph.model import Document, Entity, EntityKind, Evidence, slugify
from graph.normalise import CleanText
from graph.spans import SpanIndex

S, M, ORG = EntityKind.SPACECRAFT, EntityKind.MISSION, EntityKind.ORGANISATION

# the words that head the name of a body: an agency, a university, a forum
_BODY_HEADS = (
    "agency",
    "commission",
    "administration",
    "organization",
    "organisation",
    "institute",
    "university",
    "academy",
    "corporation",
    "company",
    "office",
    "committee",
    "council",
    "association",
    "federation",
    "centre",
    "center",
    "laboratory",
    "lab",
    "network",
    "consortium",
    "authority",
    "ministry",
    "foundation",
    "forum",
    "charter",
    "platform",
    # companies: "Nigerian Communications Satellite Ltd"
    "ltd",
    "limited",
    "inc",
    "plc",
)
# The last word of a name, and what it makes the name.
HEAD_WORDS: dict[str, EntityKind] = {
    **dict.fromkeys(
        [
            "satellite",
            "probe",
            "telescope",
            "lander",
            "rover",
            "orbiter",
            "spacecraft",
            "explorer",
            "monitor",
            "imager",
            "module",
            "observatory",
        ],
        S,
    ),
    **dict.fromkeys(
        [
            "mission",
            "missions",
            "programme",
            "program",
            "project",
            "constellation",
            "system",
            "initiative",
            "corridor",
        ],
        M,
    ),
    **dict.fromkeys(_BODY_HEADS, ORG),
}
# words that head a name from its start: "University of Leicester", "Agency for ..."
_LEADING_HEADS = frozenset(
    [
        *_BODY_HEADS,
        # heads of names in other languages and of offices: "Universite Libre de Bruxelles"
        "universite",
        "université",
        "universidad",
        "universidade",
        "universität",
        "universita",
        "università",
        "institut",
        "instituto",
        "istituto",
        "politecnico",
        "agence",
        "agencia",
        "agenzia",
        "centro",
        "bureau",
        "department",
        "school",
        "college",
        "programme",
        "program",
    ]
)
# words after a designator that make it a launcher, and no resource
_LAUNCHER_WORDS = (
    "rocket",
    "rockets",
    "launcher",
    "launchers",
    "vehicle",
    "vehicles",
    "carrier",
    "booster",
    "boosters",
)
# Words after a designator that say what it names.
_AFTER_DESIGNATOR: dict[str, EntityKind | None] = {
    **dict.fromkeys(
        [
            "satellite",
            "satellites",
            "probe",
            "probes",
            "spacecraft",
            "telescope",
            "cubesat",
            "microsatellite",
            "smallsat",
        ],
        S,
    ),
    **dict.fromkeys(["mission", "missions", "programme", "program"], M),
    # "the Chang'e-9 lander": a designator with its parts is the mission they belong to
    **dict.fromkeys(["lander", "rover", "orbiter", "ascender", "returner", "module"], M),
    **dict.fromkeys(_LAUNCHER_WORDS, None),
    **dict.fromkeys(["pandemic", "epidemic", "outbreak", "virus", "vaccine"], None),
}
# Names of these words alone are descriptions, not names ("Space Station").
_GENERIC = frozenset(
    [
        "the",
        "space",
        "national",
        "international",
        "joint",
        "ground",
        "research",
        "data",
        "satellite",
        "satellites",
        "station",
        "centre",
        "center",
        "new",
        "first",
        "second",
        "third",
        "lunar",
        "earth",
        "remote",
        "sensing",
        "observation",
        "science",
        "scientific",
        "technology",
        "application",
        "applications",
        "manned",
        "crewed",
        "training",
        "coordination",
        "cooperation",
    ]
)
_MONTHS = frozenset(MONTHS)
_CONNECTORS = frozenset({"of", "for", "on", "and", "the", "de", "in", "to"})
_NOT_NAMES = frozenset(
    [
        "memorandum",
        "memoranda",
        "understanding",
        "agreement",
        "agreements",
        "outline",
        "letter",
        "intent",
        "statement",
        "declaration",
        "plan",
        "convention",
        "treaty",
        "action",
    ]
)
SENTENCE_OPENERS = frozenset(
    [
        "In",
        "The",
        "On",
        "It",
        "This",
        "Since",
        "From",
        "Through",
        "Using",
        "With",
        "Under",
        "At",
        "By",
        "As",
        "During",
        "After",
        "Before",
        "Its",
        "Their",
        "Our",
        "A",
        "An",
    ]
)
_CAP = "A-Z\u00c0-\u00de"  # capitals, accented ones included ("\u00d1uSat-1")
_WORD = rf"[{_CAP}](?:[\w'\u2019&.-]*[\w&])?"  # hyphens inside: "Sub-committee"
_NAME_RUN = re.compile(
    rf"(?:{_WORD})(?:(?:[ -]|\s(?:(?:of|for|on|and|the|de)\s)+)(?:{_WORD}|\d[\w]*))*"
)
_DESIGNATOR = re.compile(
    rf"(?<![\w'\u2019-])((?:[{_CAP}][\w'\u2019]*(?<!'s)(?<!\u2019s)[ -])?"
    rf"[{_CAP}][\w'\u2019]*-[A-Z]{{0,3}}\d{{1,3}}[A-Z]?(?:\s0\d)?"
    r"|[A-Z]{2,}(?:-[A-Z0-9]{1,6})+"  # "ICUBE-Q", "ET-SMART-RSS"
    r"|[A-Z][a-z]+-[A-Z](?![\w-])"  # "Palapa-D"
    r"|(?:Satellite|Module|Probe|Spacecraft)\s[A-Z0-9]{1,2})(?![\w-])"
)
_ACRONYM = re.compile(r"\s\(([A-Z][A-Za-z0-9&-]{1,11})\)")


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


def _head_kind(name: str) -> EntityKind | None:
    words = name.replace("-", " ").split()
    if not words:
        return None
    if len(words) <= 4 and words[0].lower() in _LEADING_HEADS and words[-1][:1].isupper():
        return HEAD_WORDS.get(words[0].lower(), ORG)  # "University College London"
    for word, after in itertools.pairwise(words):
        topic = after == "on" and word.lower() in ("forum", "committee", "commission")
        if (after in ("of", "for") or topic) and word.lower() in _LEADING_HEADS:
            return HEAD_WORDS.get(word.lower(), ORG)  # "Institute of Space Technology"
    head = words[-1].lower()
    kind = HEAD_WORDS.get(head)
    if head == "observatory" and not re.search(r"space|x-ray|solar|gamma|ray", name, re.I):
        return ORG
    if head in ("laboratory", "lab") and re.search(r"\bspace\s+lab", name, re.I):
        return S
    if head == "station":
        return S if re.search(r"\bspace\s+station", name, re.I) else M
    return kind


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article or sentence opener and trailing connectors."""
    name = text[start:end]
    while True:
        first = name.split(" ", 1)[0]
        if first in SENTENCE_OPENERS and " " in name:
            cut = len(first) + 1
            start, name = start + cut, name[cut:]
            continue
        break
    while True:
        last = name.rsplit(" ", 1)[-1]
        # "... Agency on 18 October 2023": a date after a name is not part of it
        dated = last.isdigit() or last.lower() in _MONTHS
        if (last.lower() in _CONNECTORS or dated) and " " in name:
            name = name[: -len(last) - 1]
            end = start + len(name)
            continue
        break
    return start, end


def _is_generic(name: str) -> bool:
    """A description written in capitals ("Space Station", "Ground Station"): two words
    of the generic vocabulary; three or more ("Space Research Institute") make a name."""
    words = [w.lower() for w in re.split(r"[\s-]+", name) if w]
    return len(words) < 3 and all(
        w in _GENERIC or w in HEAD_WORDS or w in _CONNECTORS for w in words
    )


def _initials_fit(name: str, acronym: str) -> bool:
    """ "Space Variable Objects Monitor" fits "SVOM": the acronym's capitals are the
    initials of the name's words, in order, skipping small words."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in _CONNECTORS]
    capitals = [c for c in acronym if c.isupper()]
    if len(capitals) < 2 or not words or words[0][0].upper() != capitals[0]:
        return False
    initials = "".join(w[0].upper() for w in words)
    it = iter(initials)
    return all(c in it for c in capitals) or _prefixes_fit(
        [w.lower() for w in words], "".join(c for c in acronym.lower() if c.isalnum())
    )


def _prefixes_fit(words: list[str], letters: str) -> bool:
    """ "Nigerian Communications Satellite Ltd" fits "NIGCOMSAT": the acronym is made of
    the first letters of the words in order (the first word's included), some skipped."""

    def fit(i: int, pos: int, first: bool) -> bool:
        if pos == len(letters):
            return True
        if i == len(words):
            return False
        word = words[i]
        for k in range(min(len(word), len(letters) - pos), 0, -1):
            if word[:k] == letters[pos : pos + k] and fit(i + 1, pos + k, False):
                return True
        return not first and fit(i + 1, pos, False)

    return len(letters) >= 4 and fit(0, 0, True)


def _name_before(text: str, end: int) -> tuple[int, int] | None:
    """The capitalised run that ends at ``end`` (for "<name> (ACRONYM)")."""
    best = None
    for m in _NAME_RUN.finditer(text, max(0, end - 160), end):
        if m.end() == end:
            best = (m.start(), m.end())
    return best


def candidates(
    document: Document, clean: CleanText, taken: Sequence[tuple[int, int]] = ()
) -> list[Candidate]:
    """Every name in the document's prose that its form lets us class (or not).

    ``taken`` are the clean spans of curated names: a candidate overlapping one is that
    curated name seen partly ("the European Space Agency"), not a new entity.
    """
    text = clean.text
    out: list[Candidate] = []
    # each paragraph and candidate is checked against the curated names near it only, in
    # their given order (the whole list each time made a long document quadratic)
    index = SpanIndex(enumerate(taken), span=lambda item: item[1])

    def near(start: int, end: int) -> list[tuple[int, int]]:
        return [span for _n, span in sorted(index.near(start, end))]

    for para in clean.paragraphs:
        if para.heading:
            continue
        chunk = text[para.start : para.end]
        out += _designators(document.id, chunk, para.start)
        out += _acronyms(document.id, chunk, para.start)
        inner = [
            (s - para.start, e - para.start)
            for s, e in near(para.start, para.end)
            if para.start <= s < para.end
        ]
        out += _headed_names(document.id, chunk, para.start, inner)
    return [
        c
        for c in out
        if not any(
            s < c.end and c.start < e and not (c.start <= s and e <= c.end)
            for s, e in near(c.start, c.end)
        )
        and not any(
            c.start <= s and e <= c.end and (s, e) != (c.start, c.end) and _whole(text, s, e, c)
            for s, e in near(c.start, c.end)
        )
    ]


def _whole(text: str, start: int, end: int, c: Candidate) -> bool:
    """A curated name inside a candidate that is the candidate's own head ("Hard X-ray
    Modulation Telescope" around "Modulation Telescope"), not a country in it nor the
    place a body is of ("National Astronomical Research Institute of Thailand")."""
    return end == c.end and not re.search(r"\s(?:of|for|de|du|in)\s+(?:the\s+)?$", text[:start])


def _designators(doc_id: str, chunk: str, offset: int) -> list[Candidate]:
    found = []
    matches = list(_DESIGNATOR.finditer(chunk))
    for i, m in enumerate(matches):
        start, end = m.start(1), m.end(1)
        name = chunk[start:end]
        first = name.split(" ", 1)[0]
        if " " in name and (first in SENTENCE_OPENERS or not first[:1].isupper()):
            start += len(first) + 1
            name = chunk[start:end]
        # in a list of designators ("Long March-5, Long March-7A and Long March-8
        # rockets") the word after the last one says what every one is
        last = end
        for nxt in matches[i + 1 :]:
            if re.fullmatch(
                r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:the\s+)?", chunk[last : nxt.start(1)]
            ):
                last = nxt.end(1)
            else:
                break
        following = re.match(r"(?:[\s-]+[a-z][\w-]*){1,4}", chunk[last:])
        words = following.group(0).replace("-", " ").split() if following else []
        word = next((w for w in words if w in _AFTER_DESIGNATOR), "")
        before = chunk[max(0, start - 40) : start].lower()
        kind: EntityKind | None = S
        launcher, explicit = False, word in _AFTER_DESIGNATOR
        if word in _AFTER_DESIGNATOR:
            kind = _AFTER_DESIGNATOR[word]
            launcher = word in _LAUNCHER_WORDS
        elif re.match(r"\s+launch\s+vehicle|\s+carrier\s+rocket", chunk[last:], re.I):
            kind, launcher = None, True
        if re.search(r"\b(?:rockets?|launch\s+vehicles?|launchers?)\s+(?:the\s+|an?\s+)?$", before):
            kind, launcher = None, True
        if kind is None and not launcher:
            continue
        found.append(
            Candidate(name, kind, doc_id, offset + start, offset + end, None, launcher, explicit)
        )
    return found


def _strip_lead(name: str) -> str:
    """Drop words before a name's first capitalised word and a leading opener, and a
    designator joined to the name by a preposition ("TKSAT-1 for the Bolivian Space
    Agency": a satellite and whom it is for, not one name)."""
    joined = re.match(r"(?:\S+\s+)*?\S*\d\S*\s+(?:for|of|to|on|in)\s+(?:the\s+)?(?=[A-Z])", name)
    if joined:
        name = name[joined.end() :]
    words = name.split(" ")
    while len(words) > 1 and (
        not words[0][:1].isupper()
        or words[0] in SENTENCE_OPENERS
        or words[0].endswith("ing")
        or words[0].lower().rstrip(",") in _MONTHS  # "December 2023, the Egyptian ..."
        or words[0].rstrip(",").isdigit()
    ):
        words = words[1:]
    return " ".join(words)


def _acronyms(doc_id: str, chunk: str, offset: int) -> list[Candidate]:
    found = []
    for m in _ACRONYM.finditer(chunk):
        acronym = m.group(1)
        span = _name_before(chunk, m.start())
        if span is None:
            continue
        start, end = _trim(chunk, *span)
        # the run may start with words that are not part of the expansion
        words = _strip_lead(chunk[start:end]).split(" ")
        while len(words) > 1 and not _initials_fit(" ".join(words), acronym):
            words = words[1:]
        name = _strip_lead(" ".join(words))
        whole = _strip_lead(chunk[start:end])
        whole = re.sub(r"^[\w-]+(?:'s|\u2019s)\s+", "", whole)  # "Italy's National ..."
        dropped = whole[: len(whole) - len(name)].strip()
        if _initials_fit(name, acronym):
            if (
                re.fullmatch(r"[A-Z][a-z]+", dropped)
                and dropped not in SENTENCE_OPENERS
                and _head_kind(name) is ORG
            ):
                name = whole  # the acronym leaves out the country: "Bangladesh ... (SPARRSO)"
        elif (
            _head_kind(whole) is ORG
            and re.fullmatch(r"[A-Z]{3,8}", acronym)
            and whole[:1] == acronym[:1]
        ):
            # an acronym of the name in its own language ("Algerian Space Agency (ASAL)",
            # for Agence Spatiale Algerienne): a named body with capitals in brackets
            name = whole
        else:
            continue
        if any(w.lower() in _NOT_NAMES for w in name.split()):
            continue
        start = end - len(name)
        found.append(
            Candidate(name, _head_kind(name), doc_id, offset + start, offset + end, acronym)
        )
    return found


def _headed_names(
    doc_id: str, chunk: str, offset: int, taken: Sequence[tuple[int, int]] = ()
) -> list[Candidate]:
    found = []
    for m in _NAME_RUN.finditer(chunk):
        start, end = _trim(chunk, m.start(), m.end())
        # a run holding a curated name and another name ("Russia and the Egyptian Space
        # Agency") starts again after the curated one
        for s, e in taken:
            joined = re.match(r"\s*(?:,|and|with|,\s*and)\s+(?:the\s+)?", chunk[e:end])
            if start <= s and e < end and joined:
                start = e + joined.end()
            # "the National Space Office and CNSA": the run ends before the curated name
            ending = re.search(r"\s+(?:and|,|,\s*and)\s+(?:the\s+)?$", chunk[start:s])
            if start < s < end <= e + 1 and ending:
                end = start + ending.start()
        name = _strip_lead(chunk[start:end])
        start = end - len(name)
        for part_start, part in _split_names(name):
            kind = _head_kind(part)
            if kind is None or len(part.split()) < 2 or _is_generic(part):
                continue
            if any(w.lower() in _NOT_NAMES for w in part.split()):
                continue
            at = offset + start + part_start
            found.append(Candidate(part, kind, doc_id, at, at + len(part)))
    return found


def _split_names(name: str) -> list[tuple[int, str]]:
    """ "China Manned Space Agency and Pakistan's Space and Upper Atmosphere Research
    Commission" holds two names: cut at an "and" with a whole name on each side (each
    ending in a head word); "Space and Upper Atmosphere Research Commission" stays one.
    A possessive that opens a name is its owner, not part of it."""
    out = []
    at = 0
    while True:
        cut = None
        for m in re.finditer(r"\s(?:and|,)\s", name[at:]):
            left, right = name[at : at + m.start()], name[at + m.end() :]
            # an acronym is a whole name too: "ASAL and China Great Wall Industry ..."
            acronym = re.fullmatch(r"[A-Z][A-Z0-9&]{1,9}", left) is not None
            if _head_kind(right) and (acronym or (_head_kind(left) and len(left.split()) >= 2)):
                cut = m
                break
        if cut is None:
            out.append((at, name[at:]))
            break
        out.append((at, name[at : at + cut.start()]))
        at += cut.end()
    cleaned = []
    for start, part in out:
        if part.startswith(("the ", "The ")):
            start, part = start + 4, part[4:]
        owner = re.match(r"^((?:[\w-]+\s)*?[\w-]+)(?:'s|\u2019s)\s+", part)
        if owner:
            if _head_kind(owner.group(1)) and len(owner.group(1).split()) >= 2:
                cleaned.append((start, owner.group(1)))  # "Kiel University's experiment"
            start, part = start + owner.end(), part[owner.end() :]
        cleaned.append((start, part))
    return cleaned


def _series(label: str) -> str:
    """ "Chang'e-9" -> "change": the stem a designator shares with its series."""
    return slugify(re.sub(r"-[A-Z]{0,3}\d.*$", "", label))


def discover(
    found: Iterable[tuple[Document, CleanText, list[Candidate]]], gazetteer: Gazetteer
) -> tuple[list[Entity], list[Candidate]]:
    """Entities for the names no curated name covers, and the names left unclassed.

    Votes are taken over the whole corpus: a designator named a rocket once is a rocket
    everywhere; a series whose curated members are missions gives missions.
    """
    known = {_norm(form) for form, _key in gazetteer.forms}
    series_kind = {
        _series(e.label): e.kind
        for e in gazetteer.entities.values()
        if e.kind in (S, M) and re.search(r"-[A-Z]{0,3}\d", e.label)
    }
    votes: dict[str, Counter] = {}
    first: dict[str, tuple[Document, CleanText, Candidate]] = {}
    aliases: dict[str, set[str]] = {}
    labels: dict[str, str] = {}
    unclassed: list[Candidate] = []
    for document, clean, names in found:
        for c in names:
            words = _norm(c.label).split(" ")
            if any(" ".join(words[i:]) in known for i in range(len(words))):
                continue  # a curated name, perhaps with words before it
            if c.alias and _norm(c.alias) in known:
                continue  # the expansion of a curated acronym
            key = slugify(c.label)
            if not key or key in gazetteer.entities:
                continue
            vote = "launcher" if c.launcher else (c.kind if c.explicit else "bare")
            votes.setdefault(key, Counter())[vote] += 1
            labels.setdefault(key, c.label)
            first.setdefault(key, (document, clean, c))
            if c.alias and _norm(c.alias) not in known:
                aliases.setdefault(key, set()).add(c.alias)
    launchers = {_series(labels[k]) for k, c in votes.items() if c["launcher"]}
    entities: list[Entity] = []
    for key, counter in sorted(votes.items()):
        if counter["launcher"] or _series(labels[key]) in launchers:
            continue
        kinds = [k for k, _n in counter.most_common() if isinstance(k, EntityKind)]
        label = labels[key]
        kind = kinds[0] if kinds else None
        if counter[M] and kind is S:
            kind = M  # "the X mission" and "the X probe": the mission, with its probe in it
        if kind is None and counter["bare"]:
            kind = series_kind.get(_series(label), S)  # a series keeps its curated class
        document, clean, cand = first[key]
        if kind is None:
            unclassed.append(cand)
            continue
        raw_start, raw_end = clean.to_raw(cand.start, cand.end)
        evidence = Evidence(document.id, raw_start, raw_end, document.text[raw_start:raw_end])
        entities.append(
            Entity(
                key=key,
                kind=kind,
                label=label,
                alt_labels=tuple(sorted(aliases.get(key, ()))),
                discovered=True,
                evidence=(evidence,),
            )
        )
    return entities, unclassed


def _norm(text: str) -> str:
    return re.sub(r"[\s-]+", " ", text.replace("\u2019", "'")).lower().strip()


# "China National Space Administration" is Chinese; "China-Arab States BDS Center" and
# "Forum on China-Africa Cooperation" are joint bodies, and partners may be named in them
_CHINESE = re.compile(r"^(?:the\s+)?(?:China|Chinese)\b(?![-\u2013])")


def extend(gazetteer: Gazetteer, entities: Sequence[Entity]) -> Gazetteer:
    """The gazetteer with discovered entities added, Chinese bodies marked domestic."""
    if not entities:
        return gazetteer
    by_key = dict(gazetteer.entities)
    forms = list(gazetteer.forms)
    domestic = set(gazetteer.domestic)
    areas = dict(gazetteer.default_areas)
    series_area = {
        _series(by_key[key].label): area
        for key, area in gazetteer.default_areas.items()
        if key in by_key and re.search(r"-[A-Z]{0,3}\d", by_key[key].label)
    }
    for entity in entities:
        if _series(entity.label) in series_area:  # "Chang'e-9": lunar, as Chang'e-4 is
            areas.setdefault(entity.key, series_area[_series(entity.label)])
        by_key[entity.key] = entity
        forms += [(f, entity.key) for f in (entity.label, *entity.alt_labels)]
        if _CHINESE.search(entity.label) or any(
            re.search(rf"\b{re.escape(place)}\b", entity.label)
            for place in gazetteer.domestic_places
        ):
            domestic.add(entity.key)
    return replace(
        gazetteer,
        entities=by_key,
        forms=tuple(sorted(set(forms))),
        domestic=frozenset(domestic),
        default_areas=areas,
    )
