"""The typed values that flow between pipeline stages.

Every stage is a pure function from some of these to others, so a researcher can follow
a triple back to its fact, its evidence span and the file it came from. Values are
frozen so that a stage can never change what an earlier stage produced.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


def slugify(text: str) -> str:
    """Readable, stable IRI segment: "Chang'e-4" -> "change-4", "TT&C" -> "tt-c"."""
    # (a dash between two words parts them as a hyphen does: "China\u2013Arab States")
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = ascii_text.replace("'", "").replace("\u2019", "")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


# --- documents -------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentMeta:
    """One manifest entry: what a person needs to cite the document."""

    id: str
    file: str
    title: str
    publisher: str
    issued: str  # YYYY, YYYY-MM or YYYY-MM-DD: as precise as known
    kind: str  # white-paper | news-article | derived-copy
    alternate_of: str | None = None
    language: str = "en"
    url: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Document:
    """A corpus file as it is on disk; evidence offsets index into ``text``."""

    meta: DocumentMeta
    path: Path
    text: str

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def is_copy(self) -> bool:
        return self.meta.alternate_of is not None


# --- entities --------------------------------------------------------------------------


class EntityKind(StrEnum):
    """The contract's entity classes (local names in the csk: namespace)."""

    MISSION = "Mission"
    SPACECRAFT = "Spacecraft"
    COUNTRY = "Country"
    ORGANISATION = "Organisation"


@dataclass(frozen=True)
class Entity:
    """A curated entity the extractor can recognise.

    ``alt_labels`` are other *names* (published as ``skos:altLabel``); ``match_forms``
    are further surface forms that help recognition but are not names (demonyms such as
    "Dutch", adjectives such as "Sino-French") and stay out of the graph's labels.
    """

    key: str  # slug; the IRI is .../id/<kind-segment>/<key>
    kind: EntityKind
    label: str
    alt_labels: tuple[str, ...] = ()
    match_forms: tuple[str, ...] = ()
    iso2: str | None = None  # countries only
    part_of: tuple[str, ...] = ()  # keys of missions this spacecraft/mission belongs to
    category: str | None = None  # e.g. "space agency", "UN body", "rover", "satellite"
    comment: str | None = None
    # named in the documents and classed by its form, not curated in ontology/reference/
    discovered: bool = False
    evidence: tuple[Evidence, ...] = field(default=(), compare=False)  # where first named


@dataclass(frozen=True)
class Mention:
    """An entity recognised in a document, with its span in the raw file."""

    entity: str  # Entity.key
    doc_id: str
    start: int
    end: int
    text: str  # the raw file text[start:end]


@dataclass(frozen=True)
class UnknownName:
    """A capitalised name near a cue word ("satellite", "agreement"...) that matched no
    entity: reported so a curator can add it to the reference data."""

    text: str
    doc_id: str
    start: int
    end: int
    cue: str


# --- facts -----------------------------------------------------------------------------


class Status(StrEnum):
    ACHIEVED = "achieved"
    PLANNED = "planned"


@dataclass(frozen=True)
class Evidence:
    """The exact passage stating a fact: ``document.text[start:end] == exact``.

    ``status`` is how this passage states the fact (a 2016 plan may be a 2021
    achievement); the fact's own status is the merged one.
    """

    doc_id: str
    start: int
    end: int
    exact: str
    status: Status | None = None


@dataclass(frozen=True)
class Fact:
    """Base of every extracted fact; ``key`` gives its stable IRI segment.

    The same fact stated by two documents has the same key; the pipeline merges such
    facts so that one node carries the evidence of both.
    """

    evidence: tuple[Evidence, ...] = field(default=(), compare=False)
    status: Status = Status.ACHIEVED
    # how the fact was found: a concept of csk:ExtractionMethods (graph/methods.py)
    method: str = field(default="", compare=False)

    kind_segment = "fact"  # IRI path segment, overridden per type

    @property
    def key(self) -> str:  # pragma: no cover - every subclass overrides
        raise NotImplementedError


@dataclass(frozen=True)
class Cooperation(Fact):
    """One partner's cooperation with China in one area, optionally on one mission."""

    partner: str = ""  # Entity.key of a country or organisation
    area: str = ""  # AREA key, e.g. "payloads"
    mission: str | None = None  # Entity.key of a mission or spacecraft

    kind_segment = "cooperation"

    @property
    def key(self) -> str:
        parts = [self.partner, self.area] + ([self.mission] if self.mission else [])
        return "--".join(parts)


@dataclass(frozen=True)
class Agreement(Fact):
    """A signed or issued document between parties."""

    parties: tuple[str, ...] = ()  # Entity.keys, China included where implied; sorted
    agreement_kind: str = "agreement"  # AGREEMENT_KINDS key
    title: str | None = None
    signed_on: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD, never more precise
    valid_from: int | None = None
    valid_until: int | None = None
    subject: str | None = None

    kind_segment = "agreement"

    @property
    def key(self) -> str:
        if self.title:
            titled = slugify(self.title)
            if any(p in titled for p in self.parties):
                return titled
            # a title that names no party ("the Framework Agreement on Space Cooperation")
            # is many countries' document: its parties and day tell them apart
            return "--".join([titled, *sorted(self.parties), *filter(None, [self.signed_on])])
        parts = [self.agreement_kind, *sorted(self.parties)]
        if self.signed_on:
            parts.append(self.signed_on)
        if self.subject:
            parts.append(slugify(self.subject))
        return "--".join(parts)


@dataclass(frozen=True)
class SpacecraftActivity(Fact):
    """China built, delivered, launched or jointly developed a spacecraft for or with a
    partner."""

    activity: str = ""  # ACTIVITIES key
    partner: str = ""  # Entity.key of the country/organisation it was for or with
    spacecraft: str | None = None  # Entity.key, when named
    description: str | None = None  # e.g. "communications satellite" when unnamed

    kind_segment = "spacecraft-activity"

    @property
    def key(self) -> str:
        what = self.spacecraft or slugify(self.description or "spacecraft")
        parts = [self.activity, what, self.partner]
        if not self.spacecraft and self.evidence:
            # an unnamed craft is known only by its document: "satellites for Laos" in two
            # reports need not be the same satellites, so each report's is its own fact
            parts.append(self.evidence[0].doc_id)
        return "--".join(parts)


@dataclass(frozen=True)
class Participation(Fact):
    """China's participation in an organisation or cooperation mechanism."""

    organisation: str = ""  # Entity.key of an organisation or mechanism
    role: str | None = None  # e.g. "member", "founding member", "host"

    kind_segment = "participation"

    @property
    def key(self) -> str:
        return self.organisation


@dataclass(frozen=True)
class GroundStation(Fact):
    """A ground station built with or for another country."""

    partner: str = ""
    location: str | None = None
    purpose: str | None = None  # e.g. "satellite data receiving"

    kind_segment = "ground-station"

    @property
    def key(self) -> str:
        return "--".join([self.partner] + ([slugify(self.purpose)] if self.purpose else []))


@dataclass(frozen=True)
class CooperationTotal(Fact):
    """A numeric total a document states, e.g. "136 space cooperation documents"."""

    quantity: int = 0
    counted: str = ""  # what is counted, in the document's words, e.g. "countries or regions"
    measure: str = ""  # slug of what is counted and of which relation
    as_of: str | None = None  # the date the total refers to, as precise as known

    kind_segment = "cooperation-total"

    @property
    def key(self) -> str:
        return "--".join([self.measure, str(self.quantity)] + ([self.as_of] if self.as_of else []))


FACT_TYPES: tuple[type[Fact], ...] = (
    Cooperation,
    Agreement,
    SpacecraftActivity,
    Participation,
    GroundStation,
    CooperationTotal,
)


# --- build outputs ---------------------------------------------------------------------


@dataclass(frozen=True)
class Extraction:
    """What extraction made of the corpus: facts (merged across documents), the
    entities they mention, and the names a curator should look at."""

    facts: tuple[Fact, ...]
    entities: tuple[Entity, ...]
    unknown_names: tuple[UnknownName, ...] = ()
