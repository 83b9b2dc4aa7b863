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
from functools import cached_property

from spacy.tokens import Doc

from graph.agreement_titles import agreement_text
from graph.capital_metonyms import acting_capitals
from graph.coreference import (
    acting_pronouns,
    clients,
    definite_references,
    speakers_countries,
)
from graph.defined_terms import defined_terms
from graph.first_person import first_person
from graph.headings import (
    LABEL_OPENING,
    future_heading,
    heading_area,
    heading_context,
    heading_depth,
    heading_level,
    heading_partner,
    heading_sides,
    label_mission,
    launch_to_come,
    names_a_body,
)
from graph.line_kinds import LETTERED_ITEM
from graph.model import Document, EntityKind, Evidence
from graph.normalise import RULE, CleanText, clean_document, is_table_row
from graph.owned_agencies import with_owned_agencies
from graph.recognise import Found, Recogniser
from graph.record_subjects import mark_record_subjects
from graph.spans import SpanIndex
from graph.tables import TableRow, cells, column_kinds, is_header, legend
from graph.withdrawn_records import mark_withdrawn

# a list item: "- ", "(2) ", and a lettered clause of a list "(a) ", "(iv) "
_LEADING = re.compile(rf"^(?:[-\u2022\u00b7*]\s+|\(\d+\)\s+|{LETTERED_ITEM})")


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
    section_mission: str | None = None  # the one mission the nearest heading naming one names
    section_mission_area: str | None = None  # and the area that heading names
    section_partner: str | None = None  # the partner a heading of its name alone names
    section_sides: str | None = None  # the one partner the nearest heading naming one names
    title_mission: str | None = None  # the one mission the document's title names
    voice: str | None = None  # the body the document's first person speaks for
    publisher: str | None = None  # the known body that published the document
    # a document that is an agreement's text ("Agreement between the Government of ...
    # and ..."): its title, and the parties it names, foreign and China's side
    agreement_title: str | None = None
    agreement_parties: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    section_year: int | None = None  # the year a heading of its own gives ("2012")

    @cached_property
    def text(self) -> str:
        """Sliced once: the rules ask for it about fifty times a sentence (a sentence's
        place and document never change once it is made)."""
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


def _publisher(document: Document, recogniser: Recogniser) -> str | None:
    """The key of the body that published the document, when its whole name is known,
    or its name followed only by its country ("National Space Science Agency, Kingdom of
    Bahrain", "Bolivian Space Agency (Bolivia)") or by a note in brackets that names
    nothing ("... Application (annual report)")."""
    name = (document.meta.publisher or "").strip()
    noted = re.fullmatch(r"(.+?)\s*\(([^()]*)\)", name)
    if noted and not recogniser.mentions(noted.group(2)):
        name = noted.group(1)
    mentions = recogniser.mentions(name)
    countries = [(f.start, f.end) for f in mentions if f.kind is EntityKind.COUNTRY]
    whole = [
        f
        for f in mentions
        if f.start == 0
        and f.kind is EntityKind.ORGANISATION
        and (f.end == len(name) or _only_its_country(name, f.end, countries))
    ]
    return whole[0].key if whole else None


def _only_its_country(name: str, end: int, countries: list[tuple[int, int]]) -> bool:
    """Whether what follows a body's name in a publisher line is its country alone."""
    rest = _COUNTRY_TAIL.fullmatch(name, end)
    return rest is not None and (rest.start(1), rest.end(1)) in countries


_COUNTRY_TAIL = re.compile(r"\s*[,(]\s*(.+?)\s*\)?\s*")


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
    gazetteer = recogniser.gazetteer
    found = with_owned_agencies(clean.text, recogniser.mentions(clean.text), gazetteer)
    spans = recogniser.sentences(clean)
    # "the agency" for the body named just before it
    publisher = _publisher(document, recogniser)
    speaking = first_person(clean.text, document.text, recogniser, publisher)
    # the body whose own words the document is, where it says "we" (a think tank's fact
    # sheet of China's agreements speaks for no party to them)
    voice = speaking[0].key if speaking else None
    # 'X ("the Company")': the term is X's wherever it is used after
    defined = defined_terms(clean.text, found)
    taken = {(f.start, f.end) for f in defined}
    found = sorted(
        found
        + defined
        + [
            f
            for f in definite_references(clean.text, found, gazetteer, publisher)
            if (f.start, f.end) not in taken
        ]
        + acting_pronouns(clean.text, found)
        + speaking
        + speakers_countries(clean.text, found)
        + acting_capitals(clean.text, found, gazetteer)
        + clients(clean.text, document.text, recogniser.mentions),
        key=lambda f: (f.start, f.end),
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
    headed = False  # a heading came since the last row: a header row below starts a table
    labels: tuple[str, ...] = ()  # ... and its header's words
    caption = ""
    named: tuple[str, ...] = ()  # the keys the caption names
    codes: tuple[tuple[str, str], ...] = ()  # the last legend of codes the text gave
    heading_line: Sentence | None = None  # the heading above, as a line items continue
    heading_missions: dict[str, str | None] = {}
    heading_partners: dict[str, str | None] = {}
    sides: dict[str, str | None] = {}  # the one partner each heading names
    labelled: str | None = None  # the mission the paragraph's numbered label names
    planned = False  # a heading above says what is to come
    dated: set[str] = set()  # headings whose launch line, right under them, is to come
    title = document.meta.title or ""
    title_mission, _title_area = heading_context(title, 0, recogniser.mentions(title), recogniser)
    agreement_title, agreement_parties = agreement_text(title, clean, spans, by_place, recogniser)
    for start, end in spans:
        opens = False
        while paragraph is not None and paragraph.end < start:
            paragraph = next(para_iter, None)
            opens = True
        if paragraph is not None and paragraph.heading and paragraph.start <= start < paragraph.end:
            heading = clean.text[paragraph.start : paragraph.end].strip()
            inside = [f for f in by_place.near(start, end) if start <= f.start and f.end <= end]
            # the document's first line, before any text, titles all of it
            level = 0 if not sentences and not headings else heading_level(heading)
            level = heading_depth(level, headed, headings, heading, inside, heading_missions)
            headed = True
            headings = [h for h in headings if h[0] < level] + [(level, heading)]
            # (worked out as the headings change, not again for every sentence)
            planned = any(future_heading(h, document) or h in dated for _l, h in headings)
            previous = None
            caption = heading
            named = tuple(f.key for f in inside)
            raw_heading = clean.text[paragraph.start : paragraph.end]
            at = paragraph.start + len(raw_heading) - len(raw_heading.lstrip())
            heading_missions[heading], areas[heading] = heading_context(
                heading, at, inside, recogniser
            )
            heading_partners[heading] = heading_partner(heading, at, inside, gazetteer)
            sides[heading] = heading_sides(inside, gazetteer)
            if names_a_body(heading):
                areas[heading] = None  # a masthead, "Institute for Space Policy": no topic
            heading_line = Sentence(document, clean, start, end, inside, None, False)
            heading_line.is_heading = True
            continue
        row_text = clean.text[start:end]
        if RULE.match(row_text):
            continue  # "|---|---|": the line under a table's header
        if is_table_row(row_text):
            row = [row_text[a:b] for a, b in cells(row_text)]
            if (columns is None or headed) and is_header(row):
                # ("FILE 2: satellites.csv" over a second table's header)
                columns, labels, headed = column_kinds(row), tuple(row), False
                continue
        else:
            columns = None
        headed = False
        area = None
        for _depth, heading in reversed(headings):
            if heading not in areas:
                areas[heading] = heading_area(heading, gazetteer)
            area = areas[heading]
            if area:
                break
        inside = [f for f in by_place.near(start, end) if start <= f.start and f.end <= end]
        if previous is None and headings and launch_to_come(clean.text[start:end], document):
            # "M1 | CHANG'E-9" / "Launch: planned 2030, Long March 5": all it lists is to come
            dated.add(headings[-1][1])
            planned = True
        sentence = Sentence(
            document, clean, start, end, inside, area, planned, previous, len(sentences)
        )
        sentence.opens_paragraph = opens or previous is None
        mission_heading = next((h for _l, h in reversed(headings) if heading_missions.get(h)), None)
        if mission_heading is not None:
            sentence.section_mission = heading_missions[mission_heading]
            sentence.section_mission_area = areas.get(mission_heading)
        if previous is None or (sentence.opens_paragraph and LABEL_OPENING.match(sentence.text)):
            # (until the next label or heading: a PDF's wrapped lines break paragraphs)
            labelled = label_mission(sentence.text, start, inside)
        sentence.section_mission = labelled or sentence.section_mission
        sentence.title_mission = title_mission
        if headings:
            sentence.section_partner = heading_partners.get(headings[-1][1])
        sentence.section_sides = next((sides[h] for _l, h in reversed(headings) if sides[h]), None)
        sentence.agreement_title, sentence.agreement_parties = agreement_title, agreement_parties
        sentence.voice = voice
        sentence.publisher = publisher
        years = (int(h[:4]) for _l, h in reversed(headings) if _YEAR_HEADING.fullmatch(h))
        sentence.section_year = next(years, None)
        if columns is not None:
            sentence.table = TableRow(
                tuple(cells(row_text)), columns, caption, codes, named, labels
            )
        else:
            # the paragraph above a table captions it: "The projects below will fly on
            # the China Space Station. CMSA will provide launch." names its mission
            caption = sentence.text if opens or previous is None else f"{caption} {sentence.text}"
            keys = tuple(m.key for m in sentence.mentions)
            named = keys if opens or previous is None else tuple(dict.fromkeys(named + keys))
            codes = legend(sentence.text) or codes
        if (
            _LEADING.match(sentence.text)
            or _ITEM.match(sentence.text)
            or _LEADER_ITEM.match(sentence.text)
        ):
            # an item continues the line that introduced its list, or the heading above
            if previous is None:
                sentence.lead_in = heading_line
            elif previous.text.rstrip().endswith(":") or _titles_list(previous, sentence):
                sentence.lead_in = previous
            else:  # items after the prose under a heading continue the heading
                sentence.lead_in = previous.lead_in or heading_line
            lead = sentence.lead_in
            if lead is not None and not lead.is_heading and future_heading(lead.text, document):
                sentence.section_planned = True  # "STUDENT SATELLITE — PLANNED, 2027" titles it
            if lead is not None and not lead.is_heading and _WILL_LIST.search(lead.text):
                sentence.section_planned = True  # "Chang'e-9 will carry three payloads:"
        sentences.append(sentence)
        previous = sentence
    mark_withdrawn(sentences)
    mark_record_subjects(clean.text, sentences, found)
    if parse:
        from graph.sentence_parses import parse_sentences  # (it reads this module's Sentence)

        parse_sentences(sentences)
    return clean, sentences, found


_PARTNERS = (EntityKind.COUNTRY, EntityKind.ORGANISATION)


# "Sweden: neutral atom analyser", "Italy - laser retroreflector" (a fact-sheet line)
def _titles_list(line: Sentence, item: Sentence) -> bool:
    """A line of its own that is no list item and ends without a full stop ("SMILE —
    Solar wind ... Explorer: payload contributions"): it titles the items under it. A
    line without a bullet above bulleted items titles them whatever its shape ("DATA
    PLATFORM — partners exchanging data with China" over "• Mongolia — imagery")."""
    text = line.text.rstrip()
    if not line.opens_paragraph or line.table is not None or _LEADING.match(text):
        return False
    if text.endswith((".", "!", "?", ";", ",")) or len(text.split()) > 16:
        return False
    if _ITEM.match(text) and line.lead_in is not None and not _LEADING.match(item.text):
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
_LABEL = re.compile(_ITEM.pattern.removeprefix("^"))  # the same, from a given offset
# a line that leads its label to its value with dots: "2. Seismometer ....... France"
_LEADER_ITEM = re.compile(r"^(?:\(?\d{1,2}[.)]\s+)?[A-Z][^.:;]{0,60}?\s*(?:\.{3,}|\u2026)\s*\S")


_AUXILIARY = re.compile(r"\b(?:has|have|had|was|were|is|are|will|would|shall)\s")
# "General function of space object: ...": a field's label in plain words
_FIELD_LEAD = re.compile(r"^[A-Z][a-z]+(?:[ /-][a-z]+){0,5}:\s+(?=[A-Z\"\u201c])")
# a lead-in that says its list is yet to come: "X will carry three foreign payloads:"
_WILL_LIST = re.compile(r"\b(?:will|shall|is\s+to|are\s+to)\s+(?:\w+\s+){0,6}?[^:]*:\s*$")
_YEAR_HEADING = re.compile(r"(?:19|20)\d{2}\s*:?")  # a chronology's year over its entries
# the date opening a chronology's entry, which is no part of its sentence's grammar
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE_LEAD = re.compile(
    rf"(?:\d{{1,2}}\s+)?(?:{_MONTH}\s+)?(?:\d{{1,2}},?\s+)?(?:19|20)\d{{2}}"
    r"(?:[-/.]\d{1,2}(?:[-/.]\d{1,2})?)?\s*(?:[\u2014\u2013:]|\s-)\s*(?=[A-Z])"
)


_DATELINE = re.compile(
    r"^[A-Z][A-Z'\u2019. -]{2,30}(?:,\s*[A-Z][\w.]*(?:\s+\d{1,2})?)?(?:\s*\([^()]{1,30}\))?"
    r"\s*[\u2014\u2013-]{1,2}\s+(?=[A-Z0-9\"\u201c])"
)


def label_end(sentence: Sentence) -> int:
    """Where the parser starts reading: a list item without its bullet and the partner
    label before its colon or dash ("• Bolivia: the two stations were built with ...");
    a label that names a mission stays (it is the line's subject: "Chang'e-7 — will
    carry ...")."""
    text = sentence.text
    dated = _DATE_LEAD.match(text) or _DATELINE.match(text)
    if dated is not None:
        # "20 March 2025 - SPARRSO and CNSA signed ...": a dated entry; "HARARE — ...",
        # "NAIROBI, June 3 (Wire) -": a news report's dateline, no part of its sentence
        return dated.end()
    field = _FIELD_LEAD.match(text)
    if (
        field is not None
        and len(text[field.end() :].split()) >= 8
        and not any(m.start - sentence.start < field.end() for m in sentence.mentions)
    ):
        # "Background: The Sudan Remote-Sensing Satellite, SRSS-1, was built ...": a
        # record's label in plain words before a whole sentence is no part of it
        return field.end()
    bullet = _LEADING.match(text)
    if bullet is None and sentence.lead_in is None:
        return 0
    cut = bullet.end() if bullet else 0
    label = _LABEL.match(text, cut)
    # "Egypt has already worked with China on satellite development: EgyptSat-3, ...": a
    # clause before the colon is the sentence's own, no label
    if label is not None and not _AUXILIARY.search(text, cut, label.end()):
        end = label.end() - 1
        inside = [m for m in sentence.mentions if m.start - sentence.start < end]
        if inside and all(m.kind in _PARTNERS for m in inside):
            cut = end
    return cut
