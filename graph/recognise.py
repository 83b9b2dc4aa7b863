"""Find sentences, entity mentions and unknown names in clean text.

Names are matched with word boundaries, longest name first; names of several words, or
with digits or hyphens, ignore case and treat a hyphen and a space alike ("Remote
Sensing" / "remote-sensing"), while single words keep their case, so "Insight" the
satellite is not "insight" the noun. A name inside a longer name ("Brazil" in
"China-Brazil Earth Resources Satellite") is kept as a *nested* mention: relations use
it to tell whose satellite or agreement it is. Sentences come from spaCy's rule-based
sentencizer on a blank English pipeline (no downloaded model).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

import spacy

from graph import mentions_in_parts, mentions_said_again
from graph.alternation import by_first_letter
from graph.gazetteer import Gazetteer
from graph.model import EntityKind, UnknownName
from graph.name_words import SENTENCE_OPENERS
from graph.normalise import CleanText, is_table_row
from graph.spans import SpanIndex

_CUE_WORDS = re.compile(
    r"\b(satellites?|missions?|agreements?|memorand(?:um|a)|outlines?|organi[sz]ations?|"
    r"programmes?|programs?|probes?|constellations?|stations?|cent(?:re|er)s?|agency|"
    r"agencies|committee|mechanisms?|alliance|platform|forum)\b",
    re.IGNORECASE,
)
_KIND_WORDS = frozenset(
    [
        "Memorandum",
        "Memoranda",
        "of",
        "Understanding",
        "Agreement",
        "Agreements",
        "Outline",
        "Letter",
        "Intent",
    ]
)
_MONTH = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
)
_CAPITALISED = re.compile(
    r"\b(?:[A-Z][\w'\u2019&.-]*[\w&]|[A-Z])(?:[ -](?:(?:of|for|on|and|the|de)[ ])*"
    r"(?:[A-Z0-9][\w'\u2019&.-]*[\w&]|[A-Z0-9]))*"
)

_DESIGNATOR = re.compile(r"[A-Z].*\d.*")  # "Zhongxing-9B", "Tianlian-1 05"


# a title or abbreviation the sentencizer cuts after, in any case ("DR. MORENO:")
_ABBREVIATION = re.compile(r"\b(?:No|Mr|Mrs|Ms|Dr|St|Prof|Gen|Amb|Sen|Rep|Hon)\.$", re.IGNORECASE)


@dataclass(frozen=True)
class Found:
    """A mention in clean text (clean offsets)."""

    key: str
    kind: EntityKind
    start: int
    end: int
    text: str
    nested: bool = False  # inside a longer name
    adjectival: bool = False  # a demonym or adjective ("Dutch", "Sino-French")


_RUNS = re.compile(r"[\s-]+")
_QUOTES = re.compile(r"[\"\u201c\u201d]")


def _pattern(form: str) -> str:
    parts = re.split(r"[\s-]+", form.strip())
    escaped = [re.escape(p).replace("'", "['\u2019]") for p in parts]
    # a name may quote its own words: 'International Charter "Space and Major Disasters"'
    return r"[\s-]?[\"\u201c\u201d]?".join(escaped) if len(parts) > 1 else escaped[0]


def _unaccented(form: str) -> str:
    """The form without its accents ("Türkiye" -> "Turkiye"); other letters kept."""
    decomposed = unicodedata.normalize("NFKD", form)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", plain)


def _without_accents(text: str) -> str:
    """``text`` with each accented letter as its plain one ("Göktürk" -> "Gokturk"),
    one character for one, so that offsets in it are offsets in ``text``."""
    if text.isascii():
        return text
    table = {
        ord(c): plain
        for c in set(text)
        if not c.isascii() and len(plain := _unaccented(c)) == 1 and plain != c
    }
    return text.translate(table) if table else text


def _folds_case(form: str) -> bool:
    return bool(re.search(r"[\s\-\d]", form))


_COUNTRY_SAT = re.compile(r"([A-Z][a-z]{2,})[Ss]at\b")  # "PeruSat-3": Peru's satellite


class Recogniser:
    """Compiled name patterns of a gazetteer, and the sentence splitter."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._key_of: dict[str, str] = {}
        self._adjectival: set[str] = set()
        folded, exact, inner_folded, inner_exact = [], [], [], []
        for form, key in gazetteer.forms:
            partner = gazetteer.entities[key].kind in (EntityKind.COUNTRY, EntityKind.ORGANISATION)
            variants = {form}
            if not _folds_case(form) and not form.isupper():
                variants.add(form[:1].upper() + form[1:].lower())
            # "Turkiye", "Cote d'Ivoire": a name typed without its accents is the same name
            variants |= {_unaccented(v) for v in variants}
            for variant in variants:
                self._key_of.setdefault(self._norm(variant), key)
                if form in gazetteer.adjectival:
                    self._adjectival.add(self._norm(variant))
                (folded if _folds_case(variant) else exact).append(variant)
                if partner:
                    (inner_folded if _folds_case(variant) else inner_exact).append(variant)
        self._folded = self._compile(folded, re.IGNORECASE)
        self._exact = self._compile(exact, 0)
        # countries and organisations named inside longer names ("Sino-French ...")
        self._inner = (self._compile(inner_folded, re.IGNORECASE), self._compile(inner_exact, 0))

    @staticmethod
    def _norm(text: str) -> str:
        return _RUNS.sub(" ", _QUOTES.sub(" ", text.replace("\u2019", "'"))).lower()

    @staticmethod
    def _compile(forms: list[str], flags: int) -> re.Pattern[str] | None:
        if not forms:
            return None
        # longest first, then by spelling: names of one length in a set's order would give
        # each process (each PYTHONHASHSEED) a pattern of its own
        ordered = sorted(set(forms), key=lambda form: (-len(form), form))
        body = by_first_letter(ordered, [_pattern(f) for f in ordered], flags)
        return re.compile(rf"(?<![\w&])(?:{body})(?![\w&]|-\d)", flags)

    @cached_property
    def _nlp(self):
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp

    def mentions(self, text: str) -> list[Found]:
        """Every mention in ``text``: top-level ones, and nested ones flagged (a large
        text's in parts, by forked processes: ``graph.mentions_in_parts``)."""
        return mentions_in_parts.mentions(self._mentions_once, text)

    def _mentions_once(self, text: str) -> list[Found]:
        """``_mentions``, each paragraph said again found once (``mentions_said_again``)."""
        return mentions_said_again.mentions(self._mentions, text)

    def _mentions(self, text: str) -> list[Found]:
        raw: list[tuple[int, int, str]] = []
        # "Göktürk-2" is the curated "Gokturk-2": names are sought in the text without its
        # accents (letter for letter, so every offset stays), which every form also has
        plain = _without_accents(text)
        for pattern in (self._folded, self._exact):
            if pattern is None:
                continue
            for m in pattern.finditer(plain):
                raw.append((m.start(), m.end(), m.group(0)))
                # names nested inside this one: search the inner text again
                inner = plain[m.start() : m.end()]
                for p2 in self._inner:
                    if p2 is None:
                        continue
                    for n in p2.finditer(inner):
                        if n.end() - n.start() < len(inner):
                            raw.append((m.start() + n.start(), m.start() + n.end(), n.group(0)))
        raw = sorted(set(raw), key=lambda r: (r[0], -(r[1] - r[0])))
        found: list[Found] = []
        tops: SpanIndex[tuple[int, int]] = SpanIndex()  # near ones only: linear in the text
        norms: dict[str, str] = {}  # each surface form normalised once (a name recurs)
        for start, end, surface in sorted(raw, key=lambda r: -(r[1] - r[0])):
            norm = norms.get(surface)
            if norm is None:
                norm = norms[surface] = self._norm(surface)
            key = self._key_of.get(norm)
            if key is None or text.startswith("$", end):
                continue  # "US$420 million", "A$": a currency, not a country
            near = list(tops.near(start, end))
            inside = any(s <= start and end <= e and (s, e) != (start, end) for s, e in near)
            overlaps = any(start < e and s < end for s, e in near)
            if overlaps and not inside:
                continue
            if not inside:
                tops.add((start, end))
            found.append(
                Found(
                    key=key,
                    kind=self.gazetteer.kind(key),
                    start=start,
                    end=end,
                    text=text[start:end],
                    nested=inside,
                    adjectival=norm in self._adjectival,
                )
            )
        found += self._named_after(found)
        unique = {(f.start, f.end): f for f in found}
        return sorted(unique.values(), key=lambda f: (f.start, f.end))

    def _named_after(self, found: list[Found]) -> list[Found]:
        """The country inside a "<country>Sat" craft's name ("PeruSat-3", "LaoSat-1"), as
        a nested mention: the name says whose craft it is."""
        out = []
        for f in found:
            if f.nested or f.kind is not EntityKind.SPACECRAFT:
                continue
            m = _COUNTRY_SAT.match(f.text)
            norm = self._norm(m.group(1)) if m else ""
            # a country's name, not its adjective ("SaudiSat-5A" is KACST's, not the state's)
            key = self._key_of.get(norm) if m and norm not in self._adjectival else None
            if m and key and self.gazetteer.kind(key) is EntityKind.COUNTRY:
                end = f.start + m.end(1)
                out.append(Found(key, EntityKind.COUNTRY, f.start, end, m.group(1), nested=True))
        return out

    def sentences(self, clean: CleanText) -> list[tuple[int, int]]:
        """Sentence spans of the clean text; a paragraph break always ends a sentence."""
        spans: list[tuple[int, int]] = []
        paragraphs = [p for p in clean.paragraphs if p.end > p.start]
        texts = [clean.text[p.start : p.end] for p in paragraphs]
        rows = [is_table_row(t) for t in texts]
        cuts = self._sentence_cuts([t for t, row in zip(texts, rows, strict=True) if not row])
        for para, whole, row in zip(paragraphs, texts, rows, strict=True):
            if row:
                spans.append((para.start, para.end))  # a table row is read whole
                continue
            pending: tuple[int, int] | None = None
            for sent_start, sent_end in cuts[whole]:
                start, end = para.start + sent_start, para.start + sent_end
                text = clean.text[start:end]
                # the sentencizer cuts after abbreviations such as "No."; re-join
                if (
                    pending
                    and (
                        _ABBREVIATION.search(clean.text[pending[0] : pending[1]])
                        # a list item's number ("1. A memorandum ...") opens its sentence
                        or re.fullmatch(
                            r"\s*\(?\d{1,2}[.)]\s*", clean.text[pending[0] : pending[1]]
                        )
                        or text[:1].islower()
                        or text[:1].isdigit()
                    )
                ):
                    pending = (pending[0], end)
                    continue
                if pending:
                    spans.append(pending)
                pending = (start, end)
            if pending:
                spans.append(pending)
        return [piece for span in spans for piece in _after_footnotes(clean.text, *span)]

    def _sentence_cuts(self, texts: list[str]) -> dict[str, list[tuple[int, int]]]:
        """Where the sentencizer cuts each paragraph; a paragraph said again (a repeated
        notice, a long document's boilerplate) is cut once."""
        unique = list(dict.fromkeys(texts))
        return {
            text: [(sent.start_char, sent.end_char) for sent in doc.sents]
            for text, doc in zip(unique, self._nlp.pipe(unique), strict=True)
        }

    def unknown_names(self, doc_id: str, clean: CleanText, found: list[Found]) -> list[UnknownName]:
        """Capitalised names that end right before a cue word ("the Tianlu-9 satellite",
        "the Kepler Accord agreement") or contain one, and match no entity; headings
        and dates are left out. Spans are in the raw file."""
        taken = SpanIndex((f.start, f.end) for f in found)
        for p in clean.paragraphs:
            if p.heading:
                taken.add((p.start, p.end))
        out: dict[str, UnknownName] = {}
        for name in _CAPITALISED.finditer(clean.text):
            whole_end = name.end()
            cue = _CUE_WORDS.search(clean.text, name.start(), min(len(clean.text), whole_end + 25))
            if cue is None or clean.text[whole_end : cue.start()].count(" ") > 3:
                continue
            for start, end in _designator_parts(clean.text, name.start(), whole_end):
                if clean.text.startswith("The ", start):
                    start += 4
                _report_name(clean, doc_id, start, end, cue.group(0), taken, out)
        return sorted(out.values(), key=lambda u: u.start)


# "... science missions.1 The Leibniz Institute ...": a footnote number glued to the end of
# a sentence, which the sentencizer does not see as an end
# (or set as a superscript: "... (INFN).\u00b3 On the ground ...", "... in July 1990.\u00b9
# China built ...": after a number only a superscript, "version 2.1 The" is no footnote)
_SUPERSCRIPT = "[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]{1,2}"
# (or in brackets: "... as a payload specialist.[16] Pakistan will ...")
_FOOTNOTE_END = re.compile(
    rf"(?:(?<=[a-z)][.!?])(?:\d{{1,2}}|{_SUPERSCRIPT})|(?<=\d[.!?]){_SUPERSCRIPT}"
    r"|(?<=[.!?\"\u201d])\[(?:\d{1,3}|[a-z]|note\s+\d{1,3})\])(?=\s+[A-Z])"
)


# "... from Fengyun satellites. (b) The National ...": an item's letter inside a paragraph
# opens a sentence of its own
# a designator that ends in a capital letter ends a sentence its full stop closes
# ("... the contract for PakSat-1R. Built by CAST, ..."), which the sentencizer takes for
# an initial
_DESIGNATOR_END = re.compile(r"\b[A-Za-z][\w]*-\d{1,3}[A-Z]{1,2}\.(?=\s+[A-Z][a-z])")
_ITEM_MARK = re.compile(r"(?<=[.!?;])\s+(?=\((?:[a-h]|[ivx]{1,4}|\d{1,2})\)\s+[A-Z])")


# What each cut above holds, sought first: the patterns open with a look-behind or a
# word boundary, so the engine tries them at every character of every sentence (37,843
# at 10 MB), where it finds these by their first character alone. A footnote's mark
# follows the sentence's stop (one character before ``start`` at the earliest, as the
# look-behind sees it), a designator holds a hyphen before a digit, an item its bracket.
_FOOTNOTE_MARK = re.compile(rf'[.!?"\u201d](?:\d|{_SUPERSCRIPT}|\[)')
_DESIGNATOR_DIGIT = re.compile(r"-\d")


def _after_footnotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts: list[int] = []
    if _FOOTNOTE_MARK.search(text, max(start - 1, 0), end):
        cuts += [m.end() for m in _FOOTNOTE_END.finditer(text, start, end)]
    if _DESIGNATOR_DIGIT.search(text, start, end):
        cuts += [m.end() for m in _DESIGNATOR_END.finditer(text, start, end)]
    if text.find("(", start, end) >= 0:
        cuts += [m.end() for m in _ITEM_MARK.finditer(text, start, end)]
    cuts = sorted(set(cuts))
    bounds = [start, *cuts, end]
    pieces = []
    for a, b in itertools.pairwise(bounds):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            pieces.append((a, b))
    return pieces


def _report_name(
    clean: CleanText,
    doc_id: str,
    start: int,
    end: int,
    cue: str,
    taken: SpanIndex[tuple[int, int]],
    out: dict[str, UnknownName],
) -> None:
    """Add the name at ``start:end`` to ``out`` unless it is known or not a name."""
    text = clean.text[start:end]
    words = text.split()
    if taken.overlaps(start, end):
        return
    if len(words) < 2 and not re.search(r"\d|[a-z][A-Z]|^[A-Z]{3,}$", text):
        return
    if set(words) <= _KIND_WORDS:
        return  # "Memorandum of Understanding": a kind of agreement, not a name
    if _MONTH.search(text) or text in out or _is_sentence_start(clean.text, start, words):
        return
    raw_start, raw_end = clean.to_raw(start, end)
    out[text] = UnknownName(text, doc_id, raw_start, raw_end, cue)


def _designator_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split "Zhongxing-6C and Zhongxing-9B" into its two names when every part is a
    designator (a letter first, a digit in it); "Scientific and Technical Sub-committee"
    stays whole, as does "Ziyuan-3 01 and 02" (the "02" is no name of its own)."""
    parts, at = [], start
    for piece in text[start:end].split(" and "):
        parts.append((at, at + len(piece)))
        at += len(piece) + len(" and ")
    if len(parts) > 1 and all(_DESIGNATOR.fullmatch(text, s, e) for s, e in parts):
        return parts
    return [(start, end)]


def _is_sentence_start(text: str, start: int, words: list[str]) -> bool:
    """ "In March", "The Long" at a sentence start are not names."""
    before = text[max(0, start - 2) : start]
    return (start == 0 or before.strip() in {"", "."}) and (
        words[0] in SENTENCE_OPENERS or words[0] == "China"
    )
