"""Ground stations built, set up or updated with a partner.

"built satellite data receiving stations with countries including Bolivia, ...",
"The two countries also updated CBERS data receiving stations in South Africa and
Singapore": the partner is the list ``with`` whom, or the co-subject; a place after
"in" is the station's location, never its partner.
"""

from __future__ import annotations

import re

from graph.chinese_side import names_chinese_side
from graph.gazetteer import Gazetteer
from graph.grammar import Group, clause_of, clauses, status_at
from graph.model import EntityKind, GroundStation, Status
from graph.negation import negated
from graph.parsing import clause_verb, span_root
from graph.reading import Sentence
from graph.station_frames import (
    denied,
    hangs_on_station,
    partner_phrases,
    station_before,
    stations_from_parse,
    still_to_build,
)
from graph.station_parties import station_partners
from graph.tense import under_way
from graph.token_lookup import token_at

# what is done to a station, said once for the readers below: built, or made able to do
# more ("adapted with SANSA so that CBERS data could be received")
_WORKED = (
    r"(?:built|set\s+up|established|upgraded|constructed|co-built|modernised|modernized|"
    r"expanded|adapted|modified|refurbished|equipped|extended|completed)"
)
_STATION = re.compile(
    r"\b(?:built|build(?:s|ing(?!\s+of\b))?|set(?:ting)?\s+up|establish(?:ed|es|ing)?|updat(?:ed|e|ing)|upgrad(?:ed|e|ing)|"
    r"construct(?:ed|s|ing)?|co-built|jointly\s+built)\s+"
    r"(?:(?:the|a|an|new|joint)\s+)?(?:[\w&-]+\s+){0,3}?"
    r"(?:receiving|ground|TT&C|gateway|tracking)?\s*stations?\b",
)


# "BeiDou stations built with Roscosmos", "the station was upgraded jointly with X"
_BUILT_STATION = re.compile(
    r"\b(?:[\w&-]+\s+){0,2}?(?:receiving|ground|TT&C|gateway|tracking|reference|monitoring)?\s*"
    r"(?:stations?|(?<=receiving\s)antennas?|(?<=ground\s)antennas?)"
    # where it stands, between commas or not: "at Esrange near Kiruna, built with ..."
    r"(?:,?\s+(?:at|in|near)\s+[A-Z][\w-]*(?:\s+(?:(?:at|in|near|and)\s+)?[A-Z][\w-]*)*,?)?"
    # what it does, in a relative clause: "that downlinks its images"
    r"(?:\s+(?:that|which)\s+(?:[\w'\u2019-]+\s+){1,6}?[\w'\u2019-]+)?"
    r"\s+(?:(?:was|were|has\s+been|have\s+been|will\s+be|would\s+be|(?:is|are)\s+to\s+be|"
    r"(?:is|are)\s+being|to\s+be)\s+)?(?:jointly\s+)?"
    rf"{_WORKED}\s+(?:jointly\s+)?"
    r"(?=with\b)"
)
_CHINA_HELPED = re.compile(
    r"\b[Ww]ith\s+(?:China's|Chinese|the\s+Chinese\s+side's)\s+(?:help|assistance|support)\b"
    # "with the help of China's Lunar Exploration ...", "with Chinese firms"
    r"|\b[Ww]ith\s+the\s+(?:help|assistance|support)\s+of\s+(?:the\s+)?Chin(?:a|ese)\b"
    r"|\b[Ww]ith\s+(?:China's|Chinese)\s+(?:firms|companies|partners|engineers|experts|"
    r"specialists|institutes|teams)\b"
    # "X will build a receiving station in Santiago with China"
    r"|\b[Ww]ith\s+(?:the\s+)?(?:China|Chinese\s+side)\b(?!['\u2019])"
)


# "The NSSA receiving station at Sakhir was upgraded with the China Centre for ...",
# "Ghana's tracking antenna was built with Chinese support": China's side helped, and
# the station is the partner's own
_OWNED_STATION = (
    r"(?:[\w-]+\s+){0,2}?"
    r"(?:receiving|ground|tracking|TT&C|control|monitoring|data|augmentation)\s+"
    r"(?:station|antenna|network)s?"
    r"(?:\s+(?:at|in|near)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)?,?\s+"
    r"(?:was|were|has\s+been|have\s+been|will\s+be)\s+(?:jointly\s+)?"
    rf"{_WORKED}\s+"
    # when: "upgraded in 2024 with ..."
    r"(?:(?:in|by)\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d,?\s+)?"
    r"(?:together\s+)?with\s+(?:the\s+)?(?:(?:help|support|assistance)\s+of\s+(?:the\s+)?)?"
    r"(?:China|Chinese)\b"
)
_OWN_STATION = re.compile(r"(?P<owner>(?:[A-Z][\w&-]*(?:'s|\u2019s)?\s+){1,6})" + _OWNED_STATION)
# "AGEOS receives imagery ..., and its ground station at Nkok was upgraded with Chinese
# help": the body named before the pronoun
_ITS_STATION = re.compile(r"\b(?:its|their)\s+" + _OWNED_STATION)


def extract(sentence: Sentence, groups: list[Group], gazetteer: Gazetteer) -> list[GroundStation]:
    """Ground stations the sentence says were built with a partner."""
    text = sentence.text
    if not _names_a_station(text.lower()) and not station_before(sentence):
        return []  # every pattern and the parse's reading below need one of these words
    spans = clauses(text)
    out: dict[str, GroundStation] = {}
    for m in [*_STATION.finditer(text), *_BUILT_STATION.finditer(text)]:
        clause = clause_of(spans, m.end() - 1)  # the verb's clause, past where it stands
        # what the station is for: the words before "station" ("receiving", "VHF alert")
        head = re.search(r"\b(?:station|antenna)s?\b", m.group(0))
        words = m.group(0)[: head.start() if head else None].split()
        purpose = (
            " ".join(
                w for w in words if w.lower() not in _NOT_PURPOSE and not _VERB_WORD.fullmatch(w)
            )
            or None
        )
        location = None
        where = re.match(
            r"\s+in\s+((?:[A-Z][\w-]*(?:\s+|,\s*|\s+and\s+))*[A-Z][\w-]*)", text[m.end() :]
        )
        if where:
            location = where.group(1)
        helped = _CHINA_HELPED.search(text) is not None
        # in the station's own clause: with whom, the co-subject, or (with China's help,
        # "Ethiopia built the receiving station with China's help") its builder
        partners = [
            k
            for g in groups
            if clause[0] <= g.start < clause[1]
            and (g.role in ("with", "subject", "anaphora") or (helped and g.role == "agent"))
            and (g.role == "with" or _same_clause(sentence, (g.start, g.end), _verb(m)))
            for k in g.keys
        ]
        if not partners:
            partners = _host_country(sentence, groups, gazetteer, clause, m.start())
        for partner in dict.fromkeys(partners):
            out.setdefault(partner, _station(sentence, _verb(m)[0], partner, location, purpose))
    for m in _OWN_STATION.finditer(text):
        for partner in (
            k
            for g in groups
            if m.start("owner") <= g.start < m.end("owner") and g.role not in ("place",)
            for k in g.keys
        ):
            out.setdefault(partner, _station(sentence, m.start(), partner))
    for m in _ITS_STATION.finditer(text):
        before = [g for g in groups if g.end <= m.start() and g.role not in ("place",)]
        for partner in before[-1].keys if before else ():
            out.setdefault(partner, _station(sentence, m.start(), partner))
    for at, station, whole, hosted in stations_from_parse(sentence):
        if denied(sentence, at):
            continue  # "China does not operate any ground station there"
        clause = clause_of(spans, at)
        # the one who hosts a Chinese station is its partner: "X hosts a Chinese station"
        roles = ("with", "subject", "anaphora", "by") + (("agent",) if hosted else ())
        partners = [
            k
            for g in groups
            if (
                clause[0] <= g.start < clause[1]
                and g.role in roles
                and _same_clause(sentence, (g.start, g.end), (at, at + 1))
            )
            # "a second station, with X, will be built at Y": the station's own "with"
            or (g.role == "with" and hangs_on_station(sentence, g.start, station[1]))
            for k in g.keys
        ]
        if not partners:
            # "built with the Kenyan government's support", "help X build": who worked
            partners = [
                k
                for a, b in partner_phrases(sentence, at)
                for g in groups
                if a <= g.start < b and g.role != "place"
                for k in g.keys
                if k not in gazetteer.domestic
            ]
        if not partners and _chinese_help(sentence, gazetteer, clause):
            # "The NSSA receiving station was upgraded with the China Centre for ...":
            # whose station it is, when China's side is the helper
            partners = [
                k
                for g in groups
                if g.role in ("owner", "modifier", "other") and station[0] <= g.start < station[1]
                for k in g.keys
            ] or [
                # "the ground station of the operator X, at Y, was built with CGWIC"
                k
                for g in groups
                if g.role in ("owner", "modifier", "other") and whole[0] <= g.start < whole[1]
                for k in g.keys
            ]
        if not partners and _chinese_help(sentence, gazetteer, clause):
            # "stations that the GSSTI built together with Chinese firms", "were built by
            # the Agency together with CGWIC": the foreign builder beside China's side
            partners = [
                k
                for g in groups
                if clause[0] <= g.start < clause[1]
                and g.role == "agent"
                and _same_clause(sentence, (g.start, g.end), (at, at + 1))
                for k in g.keys
                if k not in gazetteer.domestic
            ]
        if not partners and _chinese_subject(sentence, at, gazetteer):
            # "CGWIC will upgrade the ground control centre of Azercosmos": China's side
            # works on the station of the body it names as the owner
            partners = [
                k
                for g in groups
                if g.role in ("owner", "modifier", "other") and whole[0] <= g.start < whole[1]
                for k in g.keys
            ]
        if not partners:
            partners = _host_country(sentence, groups, gazetteer, clause, at)
        for partner in dict.fromkeys(partners):
            out.setdefault(partner, _station(sentence, at, partner))
    if not out:
        # what the patterns above miss, from the parse: a verb past an apposition or a
        # clause, a verb they do not list, the owner of a station China's side helped on
        for at, partner in station_partners(sentence, groups, gazetteer):
            if not denied(sentence, at):
                out.setdefault(partner, _station(sentence, at, partner))
    if not out:
        for partner in _listed_station(sentence, groups, gazetteer):
            out.setdefault(partner, _station(sentence, 0, partner))
    return list(out.values())


_NAMED_STATION = re.compile(
    r"\b(?:ground|receiving|tracking|deep[- ]space|TT&C|control|monitoring|reference|"
    r"data|satellite)\s+(?:(?:receiving|control|tracking)\s+)?(?:station|antenna)s?\b",
    re.IGNORECASE,
)
_BY_OTHERS = re.compile(r"\b(?:built|operated|owned|run|supplied)\s+by\s+(?:the\s+)?(?P<who>\S+)")


def _listed_station(sentence: Sentence, groups: list[Group], gazetteer: Gazetteer) -> list[str]:
    """A fact sheet's line under its partner's label that names a station China's side
    built, upgraded or runs there ("Chile: CBERS receiving station upgraded with Chinese
    support, 2030", "Argentina: Espacio Lejano deep space station, Neuquen (operated by
    CLTC)"); not one another builder's ("built by Airbus")."""
    text = sentence.text
    named = _NAMED_STATION.search(text)
    items = [g for g in groups if g.role == "item"]
    if named is None or not items or named.start() - items[-1].end > 60:
        return []
    if items[0].start > named.start():
        return []  # "Tracking antenna — Chile": the thing first, its giver after it
    if re.search(r"\b(?:of|from|at|for|by|with|to|in|on)\b", text[items[-1].end : named.start()]):
        return []  # "tracking of Chang'e-4 from the deep-space station": where work was done
    if any(g.role == "with" for g in groups):
        return []  # "built by China with Argentina's CONAE": the partner is named
    label = [k for g in items for k in g.keys if k not in gazetteer.domestic]
    if any(gazetteer.kind(k) is EntityKind.ORGANISATION for k in label):
        # "ABAE, Venezuela: ...": the body's, not the country it is in
        label = [k for k in label if gazetteer.kind(k) is EntityKind.ORGANISATION]
    if not label:
        return []
    chinese = re.search(r"\bChin(?:a|ese)\b", text) or any(
        m.key in gazetteer.domestic and m.key != "china" for m in sentence.mentions
    )
    by = _BY_OTHERS.search(text)
    if by and not chinese:
        return []  # "built by Airbus"
    if negated(sentence, named.start()):
        return []
    return label


_BUILT = re.compile(
    r"\b(?:buil[dt]|completed?|set\s+up|establish(?:ed)?|install(?:ed)?|construct(?:ed)?|"
    r"upgrad(?:ed|e)|opened|inaugurated|commissioned|"
    # "a Chinese ground station began operating in Swakopmund, Namibia"
    r"began\s+operat(?:ing|ions)|went\s+into\s+(?:operation|service)|entered\s+service)\b",
    re.IGNORECASE,
)


def _host_country(
    sentence: Sentence,
    groups: list[Group],
    gazetteer: Gazetteer,
    clause: tuple[int, int],
    at: int,
) -> list[str]:
    """The country a station China's side built stands in, when the clause names no
    other partner ("China built a receiving station in Windhoek, Namibia", "a station
    was completed in Windhoek, Namibia, with Chinese help")."""
    text = sentence.text
    if any(g.role in ("with", "by", "subject", "agent") for g in groups):
        return []  # "completed near Ica, Peru, built with CONIDA": the partner is named
    if not _BUILT.search(text):
        return []  # "the station that China operated on Tarawa": its own, no partner's
    if not (
        _chinese_help(sentence, gazetteer, clause)
        or _CHINA_HELPED.search(text)  # ", with Chinese help": a clause of its own
        or _chinese_subject(sentence, at, gazetteer)
    ):
        return []
    return [
        k
        for g in groups
        if g.role == "place" and clause[0] <= g.start < clause[1]
        for k in g.keys
        if k not in gazetteer.domestic and gazetteer.kind(k) is EntityKind.COUNTRY
    ]


_CHINESE_HELP = re.compile(r"\bwith\s+(?:the\s+)?(?:China|Chinese)\b|\bby\s+China\b", re.IGNORECASE)
# (or its people: "built with engineers from CGWIC")
_WITH_OR_BY = re.compile(
    r"\b(?:with|by)\s+(?:the\s+)?(?:(?:engineers|experts|technicians|specialists|teams?|"
    r"staff|help|assistance|support)\s+(?:from|of|at)\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)


def _chinese_help(sentence: Sentence, gazetteer: Gazetteer, clause: tuple[int, int]) -> bool:
    """Whether the clause says China's side worked on the station: "with China", "by
    China", or with or by a Chinese body ("upgraded jointly with CAST")."""
    text = sentence.text
    if _CHINESE_HELP.search(text[clause[0] : clause[1]]):
        return True
    return any(
        m.key in gazetteer.domestic
        and clause[0] <= m.start - sentence.start < clause[1]
        and _WITH_OR_BY.search(text[: m.start - sentence.start])
        for m in sentence.mentions
    )


def _verb(m: re.Match) -> tuple[int, int]:
    """Where the verb of a matched station phrase is ("... stations was *built* with")."""
    verb = _VERB_WORD.search(m.group(0))
    return (m.start() + verb.start(), m.start() + verb.end()) if verb else m.span()


_NOT_PURPOSE = frozenset(
    ["the", "a", "an", "new", "joint", "jointly", "up", "was", "were", "has", "have", "been",
     "will", "be", "is", "are", "being", "to"]
)  # fmt: skip
_VERB_WORD = re.compile(
    r"\b(?:built|build|set|establish\w*|updat\w*|upgrad\w*|construct\w*|co-built)\b"
)


def _same_clause(sentence: Sentence, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two spans belong to one verb's clause in the parse ("French scientists
    share data ..., and a network of stations was built with CNES": France shares, CNES
    builds); without a parse, or where it says nothing, they may."""
    doc = sentence.parse
    if doc is None:
        return True
    verb = span_root(doc, *b)
    first = clause_verb(doc, *a)
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        second = clause_verb(doc, *b)
        return first is None or second is None or first == second
    # "X plans to build a station": the subject of the verb that "build" completes
    return first is None or first in (verb.i, verb.head.i if verb.dep_ == "xcomp" else verb.i)


def _names_a_station(low: str) -> bool:
    """Whether a lower-cased sentence holds a word every ground station reading needs."""
    return (
        "station" in low
        or "antenna" in low
        or "dish" in low
        or "network" in low
        # "a satellite control and application centre"
        or ("control" in low and ("centre" in low or "center" in low))
    )


def _station(
    sentence: Sentence,
    at: int,
    partner: str,
    location: str | None = None,
    purpose: str | None = None,
) -> GroundStation:
    """A ground station fact stated at local offset ``at`` of the sentence."""
    # a station still being built ("X and CGWIC are building a station") is not there yet
    # and one "to be built" is still to come
    planned = under_way(sentence.parse, at) or still_to_build(sentence, at)
    status = Status.PLANNED if planned else status_at(sentence, at)
    return GroundStation(
        evidence=(sentence.evidence(at),),
        status=status,
        partner=partner,
        location=location,
        purpose=purpose,
    )


def _chinese_subject(sentence: Sentence, at: int, gazetteer: Gazetteer) -> bool:
    """Whether the verb at local offset ``at`` has China's side as its subject."""
    doc = sentence.parse
    verb = None if doc is None else token_at(doc, at)
    subjects = [] if verb is None else [c for c in verb.children if c.dep_ == "nsubj"]
    return any(
        names_chinese_side(sentence, gazetteer, s.left_edge.idx, s.idx + len(s)) for s in subjects
    )
