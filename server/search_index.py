"""An in-memory name index over the graph's labels and alternative names.

Built once per app from the backend (a few thousand names at most), so a search is a
scan of short normalised strings: fast, and free of SPARQL regex escaping.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from server.resources_links import href, local_name

CSK = "https://w3id.org/china-space-kg/ontology#"
# Classes listed first, in this order, when results are grouped; the rest alphabetically.
CLASS_ORDER = tuple(
    CSK + name
    for name in (
        "Mission",
        "Spacecraft",
        "Country",
        "Organisation",
        "Agreement",
        "SourceDocument",
        "Cooperation",
    )
)
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def normalise(text: str) -> str:
    """Lower case, accents and punctuation dropped, words separated by one space:
    "Chang’e-4" -> "chang e 4", "Côte d'Ivoire" -> "cote d ivoire"."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_ALNUM.sub(" ", bare.casefold()).strip()


@dataclass(frozen=True)
class Name:
    """One name of one resource, as read from the graph."""

    iri: str
    text: str
    is_label: bool
    classes: tuple[str, ...]


@dataclass(frozen=True)
class Hit:
    iri: str
    label: str
    matched: str | None  # the other name that matched, when it was not the label
    rank: int

    @property
    def href(self) -> str:
        return href(self.iri)


@dataclass(frozen=True)
class Group:
    class_iri: str | None
    class_label: str
    hits: tuple[Hit, ...]


@dataclass(frozen=True)
class _Entry:
    iri: str
    text: str
    words: str  # normalise(text)
    squashed: str  # words without spaces


def rank(query_words: str, entry_words: str) -> int | None:
    """How well a normalised query matches a normalised name; lower is better, None is
    no match: 0 same name, 1 name starts with it, 2 a word starts with it, 3 it occurs
    inside a word, 4 it occurs once spaces and punctuation are ignored."""
    q_squashed, e_squashed = query_words.replace(" ", ""), entry_words.replace(" ", "")
    if not q_squashed:
        return None
    if q_squashed == e_squashed:
        return 0
    if e_squashed.startswith(q_squashed):
        return 1
    if f" {query_words}" in f" {entry_words}":
        return 2
    if query_words in entry_words:
        return 3
    if q_squashed in e_squashed:
        return 4
    return None


class SearchIndex:
    """Names of the graph's resources, searchable by prefix and substring."""

    def __init__(self, names: Iterable[Name], class_labels: dict[str, str]) -> None:
        self.class_labels = class_labels
        self.labels: dict[str, str] = {}
        self.classes: dict[str, str | None] = {}
        self._entries: list[_Entry] = []
        for name in names:
            if name.is_label and (name.iri not in self.labels or name.text < self.labels[name.iri]):
                self.labels[name.iri] = name.text
            self.classes[name.iri] = primary_class(name.classes)
            words = normalise(name.text)
            self._entries.append(_Entry(name.iri, name.text, words, words.replace(" ", "")))

    def __len__(self) -> int:
        return len(self.labels.keys() | {e.iri for e in self._entries})

    def label(self, iri: str) -> str:
        return self.labels.get(iri) or local_name(iri)

    def search(self, query: str, *, class_iri: str | None = None) -> list[Group]:
        """Resources with a name matching ``query``, grouped by class, best first; with an
        empty query and a class, every resource of that class."""
        words = normalise(query)
        best: dict[str, tuple[int, str]] = {}
        for entry in self._entries:
            if class_iri is not None and self.classes.get(entry.iri) != class_iri:
                continue
            r = 0 if not words and class_iri else rank(words, entry.words)
            if r is None:
                continue
            if entry.iri not in best or (r, entry.text) < best[entry.iri]:
                best[entry.iri] = (r, entry.text)
        groups: dict[str | None, list[Hit]] = {}
        for iri, (r, text) in best.items():
            label = self.label(iri)
            hit = Hit(iri, label, None if text == label else text, r)
            groups.setdefault(self.classes.get(iri), []).append(hit)
        return [
            Group(c, self.class_label(c), tuple(sorted(hits, key=_hit_order)))
            for c, hits in sorted(groups.items(), key=lambda kv: _class_order(kv[0]))
        ]

    def class_label(self, class_iri: str | None) -> str:
        if class_iri is None:
            return "Other"
        return self.class_labels.get(class_iri) or local_name(class_iri)


def primary_class(classes: Sequence[str]) -> str | None:
    """The class a resource is listed under: the first of CLASS_ORDER it has, else its
    first class of the project's vocabulary, else any."""
    for c in CLASS_ORDER:
        if c in classes:
            return c
    own = sorted(c for c in classes if c.startswith(CSK))
    return (own or sorted(classes) or [None])[0]


def _class_order(class_iri: str | None) -> tuple[int, str]:
    if class_iri in CLASS_ORDER:
        return (CLASS_ORDER.index(class_iri), "")
    return (len(CLASS_ORDER) + (1 if class_iri is None else 0), local_name(class_iri or ""))


def _hit_order(hit: Hit) -> tuple[int, str]:
    return (hit.rank, hit.label.casefold())
