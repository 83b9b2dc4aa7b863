"""Read a document into sentences that know their context.

A sentence knows its section (the headings above it, which give a default cooperation
area and whether the section is about the future), the entities it mentions and the
sentence before it in the same paragraph (for "The two countries ..."). Its evidence is
the sentence as it stands in the raw file.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from graph.coreference import definite_references
from graph.gazetteer import Gazetteer
from graph.model import Document, EntityKind, Evidence
from graph.normalise import RULE, CleanText, clean_document, is_table_row
from graph.parsing import parse_all
from graph.recognise import Found, Recogniser
from graph.spans import SpanIndex
from graph.tables import TableRow, cells, column_kinds, is_header, legend

_LEADING = re.compile(r"^(?:[-\u2022\u00b7*]\s+|\(\d+\)\s+)")
_FUTURE_HEADING = re.compile(
    r"\bfuture\b|\bnext five years\b|\bplanned\b|\bupcoming\b|\bscheduled\b", re.IGNORECASE
)
_ROMAN = re.compile(r"^[IVX]+\.\s")
_NUMBERED = re.compile(r"^\d+\.\s")
_LETTERED = re.compile(r"^\(\d+\)\s")


@dataclass
class Sentence:
    """One sentence of a document with what relation rules need to read it."""

    doc: Document
    clean: CleanText
    start: int  # clean offsets
    end: int
    mentions: list[Found]
    section_area: str | None
    section_planned: bool
    previous: Sentence | None = None  # the sentence before, unless a heading came between
    index: int = 0
    opens_paragraph: bool = False
    notes: dict[str, object] = field(default_factory=dict)  # what later sentences reuse
    parse: Doc | None = None  # the dependency parse of ``text`` (sentences naming a partner)
    lead_in: Sentence | None = None  # the line a bulleted item continues ("... payloads:")
    table: TableRow | None = None  # a row of a table, with its header and caption
    is_heading: bool = False  # a heading line, read only as the lead-in of its items

    @property
    def text(self) -> str:
        return self.clean.text[self.start : self.end]

    def evidence(self, at: int | None = None) -> Evidence:
        """The sentence as it stands in the file, without a leading bullet. When the
        sentence joins independent clauses with semicolons, the clause holding local
        offset ``at`` is enough: it is the shortest passage that states the fact."""
        text = self.text
        lead = _LEADING.match(text)
        start = self.start + (lead.end() if lead else 0)
        end = self.end
        if at is not None and ";" in text:
            cuts = [0] + [m.end() for m in re.finditer(r";\s*", text)] + [len(text)]
            for a, b in itertools.pairwise(cuts):
                if a <= at < b and len(text[a:b].split()) >= 8:
                    start, end = max(start, self.start + a), self.start + b
                    end -= len(text[a:b]) - len(text[a:b].rstrip("; "))
                    break
        while end > start and self.clean.text[end - 1].isspace():
            end -= 1
        raw_start, raw_end = self.clean.to_raw(start, end)
        return Evidence(self.doc.id, raw_start, raw_end, self.doc.text[raw_start:raw_end])

    def local(self, found: Found) -> tuple[int, int]:
        return found.start - self.start, found.end - self.start


def _level(heading: str) -> int:
    if _ROMAN.match(heading):
        return 1
    if _NUMBERED.match(heading):
        return 2
    if _LETTERED.match(heading):
        return 3
    return 2


def heading_area(heading: str, gazetteer: Gazetteer) -> str | None:
    """The area a heading names ("(4) Deep-space exploration"), if any."""
    low = heading.lower()
    for phrase, area in sorted(
        gazetteer.area_cues + gazetteer.section_cues, key=lambda c: -len(c[0])
    ):
        if re.search(rf"(?<![\w&]){re.escape(phrase.lower())}(?![\w&])", low):
            return area
    return None


def read_document(
    document: Document,
    recogniser: Recogniser,
    *,
    parse: bool = True,
    clean: CleanText | None = None,
) -> tuple[CleanText, list[Sentence], list[Found]]:
    """Clean a document (unless the caller already did) and cut it into sentences with
    their section context (parsed, unless the caller parses many documents at once)."""
    clean = clean or clean_document(document)
    found = recogniser.mentions(clean.text)
    spans = recogniser.sentences(clean)
    gazetteer = recogniser.gazetteer
    # "the agency" for the body named just before it
    found = sorted(
        found + definite_references(clean.text, found, gazetteer), key=lambda f: (f.start, f.end)
    )
    # found is in text order, and so is what the index gives back: sentences see their
    # mentions in that order, reading only the mentions near them
    by_place = SpanIndex(found, span=lambda f: (f.start, f.end))
    areas: dict[str, str | None] = {}  # a heading's area, worked out once per document
    headings: list[tuple[int, str]] = []
    sentences: list[Sentence] = []
    para_iter = iter(clean.paragraphs)
    paragraph = next(para_iter, None)
    previous: Sentence | None = None
    columns: tuple[str, ...] | None = None  # the header of the table being read
    caption = ""
    named: tuple[str, ...] = ()  # the keys the caption names
    codes: tuple[tuple[str, str], ...] = ()  # the last legend of codes the text gave
    heading_line: Sentence | None = None  # the heading above, as a line items continue
    for start, end in spans:
        opens = False
        while paragraph is not None and paragraph.end < start:
            paragraph = next(para_iter, None)
            opens = True
        if paragraph is not None and paragraph.heading and paragraph.start <= start < paragraph.end:
            heading = clean.text[paragraph.start : paragraph.end].strip()
            level = _level(heading)
            headings = [h for h in headings if h[0] < level] + [(level, heading)]
            previous = None
            caption = heading
            inside = [f for f in by_place.near(start, end) if start <= f.start and f.end <= end]
            named = tuple(f.key for f in inside)
            heading_line = Sentence(document, clean, start, end, inside, None, False)
            heading_line.is_heading = True
            continue
        row_text = clean.text[start:end]
        if RULE.match(row_text):
            continue  # "|---|---|": the line under a table's header
        if is_table_row(row_text):
            row = [row_text[a:b] for a, b in cells(row_text)]
            if columns is None and is_header(row):
                columns = column_kinds(row)
                continue
        else:
            columns = None
        area = None
        for _depth, heading in reversed(headings):
            if heading not in areas:
                areas[heading] = heading_area(heading, gazetteer)
            area = areas[heading]
            if area:
                break
        planned = any(_FUTURE_HEADING.search(h) for _l, h in headings)
        inside = [f for f in by_place.near(start, end) if start <= f.start and f.end <= end]
        sentence = Sentence(
            document, clean, start, end, inside, area, planned, previous, len(sentences)
        )
        sentence.opens_paragraph = opens or previous is None
        if columns is not None:
            sentence.table = TableRow(tuple(cells(row_text)), columns, caption, codes, named)
        else:
            caption = sentence.text
            named = tuple(m.key for m in sentence.mentions)
            codes = legend(sentence.text) or codes
        if _LEADING.match(sentence.text) or _ITEM.match(sentence.text):
            # an item continues the line that introduced its list, or the heading above
            if previous is None:
                sentence.lead_in = heading_line
            elif previous.text.rstrip().endswith(":") or _titles_list(previous):
                sentence.lead_in = previous
            else:
                sentence.lead_in = previous.lead_in
        sentences.append(sentence)
        previous = sentence
    if parse:
        parse_sentences(sentences)
    return clean, sentences, found


_PARTNERS = (EntityKind.COUNTRY, EntityKind.ORGANISATION)
# "Sweden: neutral atom analyser", "Italy - laser retroreflector" (a fact-sheet line)
def _titles_list(line: Sentence) -> bool:
    """A line of its own that is no list item and ends without a full stop ("SMILE —
    Solar wind ... Explorer: payload contributions"): it titles the items under it."""
    text = line.text.rstrip()
    if not line.opens_paragraph or line.table is not None or _LEADING.match(text):
        return False
    if text.endswith((".", "!", "?", ";", ",")) or len(text.split()) > 16:
        return False
    if _ITEM.match(text) and line.lead_in is not None:
        # "Peru — a detector" is an item; "SMILE — Solar wind ...: payloads" opens with
        # the mission the next items are about
        first = min(line.mentions, key=lambda m: m.start, default=None)
        return (
            first is not None
            and first.start == line.start
            and first.kind in (EntityKind.MISSION, EntityKind.SPACECRAFT)
        )
    return True


_ITEM = re.compile(r"^(?:the\s+)?[A-Z][^:;,.]{0,60}?\s*(?::|\s[-\u2013\u2014]\s)\s*\S")


def parse_sentences(sentences: list[Sentence]) -> None:
    """Parse, in one batch, the sentences that name a partner: only they can state a
    fact with one, and the parser is the slowest stage."""
    wanted = [s for s in sentences if any(m.kind in _PARTNERS for m in s.mentions)]
    # a parse depends on the text alone, and nothing changes one after: a sentence said
    # again (a repeated paragraph, a table's boilerplate) shares the first one's parse
    texts = list(dict.fromkeys(s.text for s in wanted))
    parses = dict(zip(texts, parse_all(texts), strict=True))
    for sentence in wanted:
        sentence.parse = parses[sentence.text]
