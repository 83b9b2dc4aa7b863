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

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from graph.area_cues import first_cue
from graph.country_suffix_names import country_forms, country_suffix_forms
from graph.demonyms import capitals, demonyms
from graph.gazetteer import CHINA, Gazetteer
from graph.model import Document, Entity, Evidence, slugify
from graph.name_candidates import candidates
from graph.name_forms import ORG, Candidate, EntityKind, M, S, initials_fit
from graph.name_words import GATHERING_HEADS
from graph.normalise import CleanText
from graph.pinyin_names import is_pinyin_name
from graph.qualified_names import qualified_forms
from graph.regional_names import regional_prefix
from graph.wrapped_cells import reads_apart

__all__ = ["Candidate", "candidates", "discover", "extend"]


def _series(label: str) -> str:
    """ "Chang'e-9" -> "change": the stem a designator shares with its series."""
    return slugify(re.sub(r"-[A-Z]{0,3}\d.*$", "", label))


def discover(
    found: Iterable[tuple[Document, CleanText, list[Candidate]]], gazetteer: Gazetteer
) -> Discovery:
    """Entities for the names no curated name covers, the names left unclassed, and the
    keys of the bodies first named as part of a Chinese one ("the Institute of High
    Energy Physics (IHEP) of CAS"): China's side, as "... of the Chinese Academy of
    Sciences" is.

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
    form_key = {_norm(form): key for form, key in gazetteer.forms}
    spelt_out: dict[str, set[str]] = {}  # curated key -> acronyms the documents give it
    found = list(found)
    # an acronym the corpus spells out somewhere names that expansion everywhere
    spelt = {_norm(c.alias) for _d, _c, names in found for c in names if c.alias}
    # and a curated acronym spelt out after it ("SVOM, the Space Variable Objects Monitor,
    # ..."): that spelling is a form of the curated craft, not a new one
    spelt |= {
        _norm(c.label)
        for _d, clean, names in found
        for c in names
        if c.alias
        and _norm(c.alias) in known
        and clean.text.endswith(f"{c.alias}, the ", 0, c.start)
    }
    tails = _tails(gazetteer)
    countries = country_forms(gazetteer)
    for document, clean, names in found:
        for c in names:
            if not c.alias and _norm(c.label) in spelt:
                continue
            if reads_apart(document.text, clean, c.start, c.end):
                continue  # a name over a wrapped cell's lines, other cells' words between
            words = _norm(c.label).split(" ")
            curated = form_key.get(_norm(c.label))
            if curated and c.alias and _norm(c.alias) not in known:
                # "the Algerian Space Agency (ASAL)": the document's own acronym for a
                # curated body is another form of it
                spelt_out.setdefault(curated, set()).add(c.alias)
            # a whole name its own acronym spells out ("Universiti Teknologi Malaysia
            # (UTM)") is not the curated name at its end
            whole = bool(c.alias) and initials_fit(c.label, c.alias)
            if any(
                " ".join(words[i:]) in known
                and words[i - 1 : i] not in (["of"], ["de"])
                and _norm(regional_prefix(c.label) or "") != " ".join(words[i:])
                for i in (range(1) if whole else range(len(words)))
            ):
                # a curated name, perhaps with words before it (not "University of X",
                # nor a region's own body: "Asia-Oceania Group on Earth Observations")
                continue
            if c.alias and _norm(c.alias) in known:
                continue  # the expansion of a curated acronym
            if not c.alias and tails.get(_norm(c.label)):
                # "the Office for Outer Space Affairs": the end of one curated name (the
                # United Nations ...) is another form of it, not a new body
                spelt_out.setdefault(tails[_norm(c.label)], set()).add(c.label)
                continue
            glossed = _GLOSS.match(clean.text, c.end)
            if glossed and _norm(glossed.group(1)) in known:
                continue  # "... Variable Objects Monitor (SVOM)": part of a curated name's spelling
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
    # "Kiel University of Germany" is also "Kiel University"
    bodies = {k: labels[k] for k, c in votes.items() if c[ORG]}
    shorter = country_suffix_forms(bodies, gazetteer)
    # ... and "the Lao Ministry of X" is also "the Ministry of X"
    known_keys = {slugify(form) for form, _key in gazetteer.forms}
    shorter |= qualified_forms(bodies, countries, known_keys)
    for key, name in shorter.items():
        aliases.setdefault(key, set()).add(name)
        # (with the shorter naming's own acronym: "... Activities (CONAE)")
        aliases[key] |= aliases.get(slugify(name), set())
    # ... and "the Kiel University" named alone is that body, no other
    said_shorter = {slugify(name) for name in shorter.values()}
    entities: list[Entity] = []
    areas: dict[str, str] = {}
    for key, counter in sorted(votes.items()):
        if counter["launcher"] or _series(labels[key]) in launchers or key in said_shorter:
            continue
        kinds = [k for k, _n in counter.most_common() if isinstance(k, EntityKind)]
        label = labels[key]
        kind = kinds[0] if kinds else None
        if counter[M] and kind is S:
            kind = M  # "the X mission" and "the X probe": the mission, with its probe in it
        if kind is M and _SAT_DESIGNATOR.fullmatch(label):
            kind = S  # "the MisrSat-3 programme": a satellite's name says it is one
        if kind is None and counter["bare"]:
            kind = series_kind.get(_series(label), S)  # a series keeps its curated class
        document, clean, cand = first[key]
        if kind is None:
            unclassed.append(cand)
            continue
        if kind is M:  # "the LUNA-X lunar mission": the area its first naming gives it
            area = _described_area(clean.text, cand, gazetteer.area_cues)
            if area:
                areas[key] = area
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
    domestic_forms = {_norm(f) for f, k in gazetteer.forms if k in gazetteer.domestic}
    owned = frozenset(
        key
        for key, (_document, clean, cand) in first.items()
        if (
            (parent := _PARENT.match(clean.text, cand.end))
            and _norm(parent["body"]) in domestic_forms
        )
        # ("the China-CELAC Forum in Beijing": a forum meets where it is held)
        or (
            not _GATHERING.search(cand.label)
            and (
                _IN_CHINA.match(clean.text, cand.end)
                or (
                    cand.kind is ORG
                    and _described_chinese(clean.text, cand, gazetteer.domestic_places)
                )
            )
        )
    )
    return Discovery(
        entities, unclassed, owned, {k: tuple(sorted(v)) for k, v in spelt_out.items()}, areas
    )


def _tails(gazetteer: Gazetteer) -> dict[str, str]:
    """The ends of curated names of bodies, three words or more, that end one curated key's
    names only ("office for outer space affairs" of the United Nations Office ...)."""
    found: dict[str, set[str]] = {}
    for form, key in gazetteer.forms:
        if gazetteer.kind(key) is not EntityKind.ORGANISATION:
            continue
        words = _norm(form).split(" ")
        for i in range(1, len(words) - 2):
            if words[i] not in ("of", "for", "and", "the", "on", "de"):
                found.setdefault(" ".join(words[i:]), set()).add(key)
    return {tail: next(iter(keys)) for tail, keys in found.items() if len(keys) == 1}


class Discovery(NamedTuple):
    """What discovery finds: new entities, names left unclassed, the keys of bodies that
    belong to a Chinese one, and acronyms the documents give curated bodies."""

    entities: list[Entity]
    unclassed: list[Candidate]
    owned: frozenset[str]
    acronyms: dict[str, tuple[str, ...]]
    areas: dict[str, str] = {}  # mission key -> the area the words naming it give  # noqa: RUF012


def _described_area(text: str, cand: Candidate, cues: tuple[tuple[str, str], ...]) -> str | None:
    """The area of the words that describe a mission where it is first named, just after
    its name ("LUNA-X, a lunar lander", "the LUNA-X lunar mission") or else just before
    it ("the Mars mission ORCA"), within its sentence."""
    after = re.split(r"[.;:!?]\s", text[cand.end : cand.end + 50])[0]
    before = re.split(r"[.;:!?]\s", text[max(0, cand.start - 30) : cand.start])[-1]
    return first_cue(after, cues) or first_cue(before, cues, last=True)


# after a body's name (and its acronym), the body it belongs to: "... (IHEP) of CAS"
_PARENT = re.compile(
    r"(?:\s*\([^()]{1,20}\))?,?\s+(?:of|under|at)\s+(?:the\s+)?"
    r"(?P<body>[A-Z][\w'\u2019-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w'\u2019-]*){0,6})"
)


# "Soochow University (China)", "Institute of Mechanics, CAS": a body placed in China
_IN_CHINA = re.compile(
    r"(?:\s*\([A-Z][A-Z0-9-]{1,11}\))?(?:,\s*(?:CAS|Chinese\s+Academy\s+of\s+Sciences)\b|"
    r"\s*\((?:China|PRC|P\.\s?R\.\s?China|People's\s+Republic\s+of\s+China)\))"
)


# "X, the Hefei-based institute that ...", "X, a Chinese start-up": a body the text
# calls Chinese where it first names it; and "the Chinese company X", "Beijing's X"
_CHINESE_WORD = r"(?:Chinese|China['\u2019]s)"
_ORG_NOUNS = (
    r"(?:institute|laboratory|lab|company|firm|start-?up|enterprise|operator|manufacturer|"
    r"university|academy|agency|centre|center|group|corporation|subsidiary|maker|team)"
)


@lru_cache(maxsize=4)
def _chinese_descriptions(places: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words after and before a body's name that call it Chinese."""
    place = "|".join(re.escape(p) for p in sorted(places, key=len, reverse=True)) or "(?!)"
    where = rf"(?:{_CHINESE_WORD}|(?:{place})(?:-based|['\u2019]s)?)"
    after = re.compile(
        rf"(?:\s*\([^()]{{1,20}}\))?,\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,2}}?{where}\s+"
        rf"(?:[\w-]+\s+){{0,2}}?{_ORG_NOUNS}\b"
        # "the National Satellite Meteorological Center in Beijing", "... (Shanghai)"
        rf"|,?\s+(?:in|of)\s+(?:{place})\b(?!\s+(?:on|in|for)\b)|\s*\((?:{place})\)"
    )
    # before the name, a place only with what makes it a description ("Beijing-based")
    said = rf"(?:{_CHINESE_WORD}|(?:{place})(?:-based|['\u2019]s))"
    before = re.compile(rf"\b{said}\s+(?:[\w-]+\s+){{0,2}}?(?:{_ORG_NOUNS}\s+)?$")
    return after, before


def _described_chinese(text: str, cand: Candidate, places: frozenset[str]) -> bool:
    """Whether the words beside a body's first naming say that it is Chinese."""
    after, before = _chinese_descriptions(places)
    return bool(
        after.match(text, cand.end) or before.search(text, max(0, cand.start - 60), cand.start)
    )


_GLOSS = re.compile(r"\s*\(([A-Z][A-Z0-9-]{1,11})\)")  # an acronym, not "(Azerbaijan)"


# a designator whose name says satellite: "MisrSat-3", "PakSat-MM1", "ALSAT-2A"
_SAT_DESIGNATOR = re.compile(r"(?i)[\w'\u2019]*sat-[A-Z]{0,3}\d+[A-Z]?")


_SEPARATORS = re.compile(r"[\s-]+")  # (compiled once: 65,980 calls at 10 MB)


def _norm(text: str) -> str:
    return _SEPARATORS.sub(" ", text.replace("\u2019", "'")).lower().strip()


_GATHERING = re.compile(rf"(?i)\b(?:{'|'.join(GATHERING_HEADS)})$")
# "China National Space Administration" is Chinese; "China-Arab States BDS Center" and
# "Forum on China-Africa Cooperation" are joint bodies, and partners may be named in them
# "National Space Science Center of the Chinese Academy of Sciences", "... of China"
_OF_CHINA = re.compile(r"\b(?:of|in)\s+(?:the\s+)?(?:China|Chinese)\b(?![-\u2013])")
_CHINESE = re.compile(r"^(?:the\s+)?(?:China|Chinese)\b(?![-\u2013])")


def _opening_body(gazetteer: Gazetteer) -> re.Pattern[str]:
    """A name that opens with a Chinese body's name ("CAS Space", "CASC Satellite
    Company"): a body named after a Chinese one is Chinese."""
    forms = sorted(
        (re.escape(f) for f, k in gazetteer.forms if k in gazetteer.domestic and k != CHINA),
        key=len,
        reverse=True,
    )
    return re.compile(rf"^(?:{'|'.join(forms) or '(?!)'})\s")


def _place_words(gazetteer: Gazetteer) -> frozenset[str]:
    """Words of other countries' names, demonyms and capitals: never read as pinyin
    ("Chile" splits as chi-le)."""
    words = {
        word
        for form, key in gazetteer.forms
        if key != CHINA and gazetteer.entities[key].kind is EntityKind.COUNTRY
        for word in form.split()
    }
    return frozenset(words | set(demonyms().values()) | capitals())


def extend(
    gazetteer: Gazetteer,
    entities: Sequence[Entity],
    owned: frozenset[str] = frozenset(),
    acronyms: dict[str, tuple[str, ...]] | None = None,
    described: dict[str, str] | None = None,
) -> Gazetteer:
    """The gazetteer with discovered entities added, Chinese bodies (and those ``owned``
    by one) marked domestic."""
    if not entities and not acronyms:
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
    forms += [(a, key) for key, found in (acronyms or {}).items() for a in found]
    places = _place_words(gazetteer)
    opened_by = _opening_body(gazetteer)
    for entity in entities:
        if _series(entity.label) in series_area:  # "Chang'e-9": lunar, as Chang'e-4 is
            areas.setdefault(entity.key, series_area[_series(entity.label)])
        if entity.key in (described or {}):  # "the LUNA-X lunar mission"
            areas.setdefault(entity.key, described[entity.key])  # type: ignore[index]
        by_key[entity.key] = entity
        forms += [(f, entity.key) for f in (entity.label, *entity.alt_labels)]
        if (
            entity.key in owned
            or _CHINESE.search(entity.label)
            or _OF_CHINA.search(entity.label)
            or (entity.kind is EntityKind.ORGANISATION and opened_by.match(entity.label))
            or (entity.kind is EntityKind.ORGANISATION and is_pinyin_name(entity.label, places))
            or any(
                re.search(rf"\b{re.escape(place)}\b", entity.label)
                for place in gazetteer.domestic_places
            )
        ):
            domestic.add(entity.key)
    return replace(
        gazetteer,
        entities=by_key,
        forms=tuple(sorted(set(forms))),
        domestic=frozenset(domestic),
        default_areas=areas,
    )
