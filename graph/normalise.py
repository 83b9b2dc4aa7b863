"""Clean a document's text for reading while keeping a map back to the file on disk.

Extraction reads sentences as a person would (words re-joined across PDF line breaks,
wrapped lines joined, page numbers and web-page chrome gone), but every piece of
evidence must quote the file exactly as stored. ``CleanText.to_raw`` turns a span of the
clean text into the span of the raw file that covers the same words, so that
``document.text[start:end]`` is the passage, hyphenated line breaks included.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from graph.aligned_columns import aligned_tables, gap_columns
from graph.hanging_indent import entry_indent, hangs_under, next_field_line, starts_next_entry
from graph.hyphenated_words import Vocabulary, keep_hyphen
from graph.line_kinds import (
    ANY_FIELD,
    BULLET,
    DATED_ENTRY,
    LEADER,
    NUMBERED_PARAGRAPH,
    PAGE_MARK,
    RULE,
    TERMINAL,
    figure_lines,
    is_caps_heading,
    is_heading,
    is_table_row,
    value_offset,
)
from graph.model import Document
from graph.strip_headings import ruled_strip, strip_heading
from graph.text_lines import Line, text_lines
from graph.web_page import has_chrome, main_content

# Prefixes that keep their hyphen when a line break falls right after them and the
# document gives no other evidence ("co-sponsored", "self-reliance", "non-toxic").
_CONJUNCTIONS = frozenset({"and", "or", "to"})
# words a line cut mid-phrase ends on: what follows them goes on with the same item
_CONNECTORS = frozenset(
    {"a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "at", "by", "with", "from"}
    | {"as", "its", "their", "his", "her"}
)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph, bullet item or heading of the clean text (clean offsets)."""

    start: int
    end: int
    heading: bool


@dataclass(frozen=True)
class CleanText:
    """Clean text plus, for every clean character, its index in the raw file."""

    text: str
    offsets: tuple[int, ...]
    paragraphs: tuple[Paragraph, ...]

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """The raw-file span covering clean ``text[start:end]`` (``end`` exclusive)."""
        return self.offsets[start], self.offsets[end - 1] + 1


_CITATION_MARK = re.compile(r"(?<=[\w.,;:!?)\"\u201d])\[(?:\d+|[a-z]|note\s+\d+|citation needed)\]")


# markdown's strong emphasis around words ("* **Kestrel-3** -- launched"): the marks go
_STRONG = re.compile(r"(?<![\w*_])(\*\*|__)(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*_])")


def _strong_marks(text: str) -> set[int]:
    """The positions of a line's strong-emphasis marks, pairs only; a line all in bold
    ("**Agreements**") is a heading, whose marks give its depth, and keeps them."""
    return {
        i
        for m in _STRONG.finditer(text)
        if m.group(0) != text.strip()
        for i in (*range(m.start(1), m.end(1)), *range(m.end(2), m.end()))
    }


_FOOTNOTE_MARK = re.compile(r"(?<=[.,;:!?)\"\u201d])[\u00b9\u00b2\u00b3\u2070-\u2079]+")


# the marks of a table's ruling ("|---|:--|", "-----"); a ruling of "=", "_" or a box's
# lines ("════") is a divider
_TABLE_RULING = frozenset("-|:+ \t")


def _wrapped(lines: list[Line]) -> bool:
    """PDF-like text: lines are cut mid-sentence, so blank lines mean nothing. A line is
    cut when the next one follows it directly and goes on with its text (not a list item,
    a table row or a dated entry, which stand on their own lines); with short sentences
    half the lines of running text end one, so two in five cut lines make it wrapped."""
    if len(lines) < 10:
        return False
    # a double-spaced extraction puts a blank line after every line: then they say nothing
    spaced = sum(1 for ln in lines if ln.blank_before) > 0.8 * len(lines)
    cut = sum(
        1
        for ln, nxt in itertools.pairwise(lines)
        if not ln.text.endswith(TERMINAL)
        and (spaced or not nxt.blank_before)
        # a heading is on a line of its own: "Article 2 Areas of cooperation" / "The ..."
        and not (is_heading(ln.text) and len(ln.text.split()) <= 5 and not nxt.text[:1].islower())
        and not (BULLET.match(nxt.text) or is_table_row(nxt.text) or DATED_ENTRY.match(nxt.text))
        and not (ANY_FIELD.match(nxt.text) or ANY_FIELD.match(ln.text))
        and not (LEADER.search(nxt.text) or LEADER.search(ln.text))
        and not (is_table_row(ln.text) or RULE.match(ln.text))
    )
    running = sum(1 for ln in lines if not is_heading(ln.text)) or 1
    return cut / running >= 0.4


def _full_width(lines: list[Line]) -> int:
    """How long a line of wrapped text is when the margin cut it: nine tenths of the
    length most cut lines reach (a heading is shorter; a long capitalised line is prose)."""
    lengths = sorted(len(ln.text) for ln in lines if not ln.text.endswith(TERMINAL))
    return int(0.9 * lengths[len(lengths) * 3 // 4]) if lengths else 10**6


_SPACING = re.compile(r"[^\S ]|  ")  # a space other than " ", or two in a row


class _Builder:
    def __init__(self) -> None:
        self.chars: list[str] = []
        self.offsets: list[int] = []

    def add(
        self,
        text: str,
        raw_start: int,
        *,
        citations: bool = False,
        columns: Sequence[int] = (),
        offsets: Sequence[int] = (),
    ) -> None:
        """Append a line's text, collapsing inner whitespace runs to one space; in a
        table row a wide run (a column gap) becomes one tab, so the columns survive.
        With ``citations``, an encyclopedia's citation marks ("in 2013.[2]") are left
        out, so the sentence ends where its full stop is. ``offsets`` map a line that is not
        one stretch of the file, character by character."""
        at = offsets or range(raw_start, raw_start + len(text))
        # a wide run inside a cell between pipes ("| Participants    Kenya Space Agency |")
        # parts a label from its value as well
        wide = r"\t|\s{2,}" if "|" not in text else r"\t|\s{3,}"
        gaps = {m.start() for m in re.finditer(wide, text)} if is_table_row(text) else set()
        # a cell filled to the next column leaves one space before it ("..., Stankovo
        # Belarus"): where the header's columns start, that space parts the cells too
        # (or, in a table whose columns are found by alignment, the run of spaces before it)
        gaps |= {
            len(text[:c].rstrip(" "))
            for c in columns
            if 1 < c < len(text) and text[c - 1] == " " and text[c] != " "
        }
        dropped = (
            {i for m in _CITATION_MARK.finditer(text) for i in range(m.start(), m.end())}
            if citations
            else set()
        )
        # a footnote's superscript after a full stop or a comma ("by Chang'e-5.\u2074
        # Researchers ..."), in any document: the sentence ends at the stop
        dropped |= {i for m in _FOOTNOTE_MARK.finditer(text) for i in range(m.start(), m.end())}
        if "**" in text or "__" in text:
            dropped |= _strong_marks(text)
        if not dropped and not gaps and _SPACING.search(text) is None:
            # nothing to collapse, drop or turn into a tab: the line as it is
            self.chars.extend(text)
            self.offsets.extend(at)
            return
        prev_space = False
        for i, ch in enumerate(text):
            if i in dropped:
                continue
            if ch.isspace():
                if prev_space:
                    continue
                ch, prev_space = ("\t" if i in gaps else " "), True
            else:
                prev_space = False
            self.chars.append(ch)
            self.offsets.append(at[i])

    def put(self, ch: str, raw_pos: int) -> None:
        self.chars.append(ch)
        self.offsets.append(raw_pos)


def clean_text(raw: str, *, web_page: bool = False) -> CleanText:
    """Clean ``raw``: join wrapped lines and hyphenated words, drop page numbers and (for
    web pages) everything outside the article body; keep the offset map."""
    lines = text_lines(raw)
    if web_page and has_chrome(lines):
        lines = main_content(lines)
    wrapped = _wrapped(lines)
    full = _full_width(lines) if wrapped else None
    spaced = sum(1 for ln in lines if ln.blank_before) > 0.8 * len(lines)
    vocabulary = Vocabulary.of(raw)
    out = _Builder()
    paragraphs: list[Paragraph] = []
    para_start = 0
    para_heading = False
    item_indent: int | None = None  # the indent of the list item being read
    header: list[int] = []  # where the columns of the aligned table being read start
    aligned = aligned_tables(lines)  # the rows of tables read by alignment, and their columns
    hang: int | None = None  # the column a field's value starts in, which its wrap keeps
    entry: int | None = None  # the indent of an entry whose wrap is set in deeper
    field_indent: int | None = None  # the indent of the "Label: value" line last opened
    for i, line in enumerate(lines):
        header, columns = gap_columns(line, lines[i - 1] if i else None, header)
        columns = [c - line.indent for c in aligned[i]] if i in aligned else columns
        # a line set in exactly under the value of the field above goes on with that value
        # ("General function:   Earth observation. It was built by the" / "        China
        # Academy of ..."): a form's wrapped value, however the lines look on their own
        offset = value_offset(line.text)
        wraps = not BULLET.match(line.text) and (
            (hang is not None and line.indent == hang)
            # a line set in under a list item's text, past its marker: the item's wrap
            # ("(c) INstrument for ... Investigations" / "    (INRRI), provided by ...")
            or (
                item_indent is not None
                and i > 0
                and line.indent > item_indent
                and not line.blank_before
                and not is_table_row(line.text)
                and offset is None  # "  Note: the agency had ordered it": a field of its own
            )
        )
        # a field whose value starts in the column of the values above is the form's next
        # field, however long its label ("Territory or location of launch: Taiyuan")
        next_field = offset is not None and hang is not None and line.indent + offset == hang
        if offset is not None:
            hang = line.indent + offset if line.indent + offset >= 12 else None
        elif not wraps:
            hang = None
        if i == 0:
            para_heading = is_heading(line.text) or bool(PAGE_MARK.match(line.text))
            item_indent = line.indent if BULLET.match(line.text) else None
            out.add(
                line.text, line.start, citations=web_page, columns=columns, offsets=line.offsets
            )
            continue
        prev = lines[i - 1]
        # a hanging indent: a line back at the entry's indent is the next entry
        entry = entry_indent(entry, prev, line)
        next_entry = starts_next_entry(entry, prev, line)
        hard = (
            not wraps
            and (
                next_entry
                or bool(BULLET.match(line.text))
                or bool(DATED_ENTRY.match(line.text))
                or is_table_row(line.text)
                or is_table_row(prev.text)
                or i in aligned
                or i - 1 in aligned
                or RULE.match(line.text) is not None
                # a ruled line parts what it rules off ("=====" / "M1 | CHANG'E-9"); a
                # table's "-----" under its header leaves the rows to the table's reader
                or (
                    RULE.match(prev.text) is not None
                    and (
                        not set(prev.text) <= _TABLE_RULING
                        or is_caps_heading(line.text)
                        or ruled_strip(prev, line, lines[i + 1 : i + 3])
                    )
                )
                or bool(PAGE_MARK.match(line.text) or PAGE_MARK.match(prev.text))
                or bool(ANY_FIELD.match(line.text))
                # a form's field, its value set out in a column ("Territory of launch:   ...")
                or (offset is not None and line.text[offset - 2 : offset].isspace())
                or next_field
                # a label alone after a form's field opens what follows ("Foreign payloads:")
                or (line.text.endswith(":") and value_offset(prev.text) is not None)
                or figure_lines(prev.text, line.text)
                # a numbered paragraph ("4.3 Overall figures. Between ...") after a full stop
                or bool(NUMBERED_PARAGRAPH.match(line.text) and prev.text.endswith(TERMINAL))
                # a field's line, unless its value runs on to the margin and the next line
                # goes on with it ("A: Slowly, and first ... China, like Bahrain," / "is a
                # member of ..."): a speaker's answer in wrapped text
                or bool(
                    ANY_FIELD.match(prev.text)
                    and not prev.text.endswith("-")
                    and not (
                        len(prev.text) >= 60
                        and not line.blank_before
                        # the next line goes on in small letters, or after a line cut
                        # mid-sentence ("... was built with Khalifa" / "University in ...")
                        and (line.text[:1].islower() or not prev.text.endswith(TERMINAL))
                    )
                    # a list line's wrap set in deeper, in small letters ("Italy: a
                    # retroreflector, mounted" / "    on the lander"), however short
                    and not hangs_under(prev, line)
                )
                # a short line is a heading unless the next goes on with its sentence
                # ("... Objects Monitor (SVOM) was" / "developed jointly by ...")
                # (in wrapped text a line as long as the text's lines is prose cut at the margin)
                or (
                    is_heading(prev.text)
                    and (line.blank_before or not line.text[:1].islower())
                    and not (
                        full is not None
                        and len(prev.text) >= full
                        # a numbered heading keeps its line, unless the text goes straight on
                        # ("10. Mongolia's National Agency for ... Environmental" / "Monitoring
                        # (NAMEM) reported ...": a numbered paragraph cut at the margin)
                        and not (
                            NUMBERED_PARAGRAPH.match(prev.text)
                            and (line.blank_before or prev.text.isupper())
                        )
                    )
                )
                or (is_heading(line.text) and prev.text.endswith(TERMINAL))
                or is_caps_heading(line.text)  # "SVOM - INSTRUMENTS": a heading wherever it is
                # a blank line parts paragraphs; in wrapped text only after a sentence's end
                # (a PDF's page break may fall mid-sentence), unless every line has one
                or (
                    line.blank_before
                    and (not wrapped or (not spaced and prev.text.endswith(TERMINAL)))
                    and not line.text[:1].islower()
                )
                # a capitals heading or a lead-in after a list item ends the list, even in
                # wrapped (PDF-like) text, where blank lines alone say nothing
                or (
                    line.blank_before
                    and bool(BULLET.match(prev.text))
                    and (is_caps_heading(line.text) or line.text.endswith(":"))
                )
                # a sentence at the margin after a list item, which a cut item would have
                # set in under its text or left mid-phrase ("... of" / "San Agustín"); in
                # PDF text, cut at a fixed width, an item goes on at the margin
                # (in wrapped text too, after a blank line and back out at a lesser indent)
                or (
                    line.blank_before
                    and item_indent is not None
                    and line.indent < item_indent
                    and line.text[:1].isupper()
                )
                or (
                    not wrapped
                    and item_indent is not None
                    and line.indent <= item_indent
                    and line.text[:1].isupper()
                    and not prev.text.endswith((",", "-", "\u2013", "\u2014", "/", "&"))
                    and prev.text.split()[-1].lower() not in _CONNECTORS
                )
            )
        )
        if hard:
            item_indent = line.indent if BULLET.match(line.text) else None
            paragraphs.append(Paragraph(para_start, len(out.chars), para_heading))
            end_of_prev = prev.end
            out.put("\n", end_of_prev)
            out.put("\n", end_of_prev)
            para_start = len(out.chars)
            para_heading = (
                is_heading(line.text)
                or bool(PAGE_MARK.match(line.text))
                or strip_heading(prev, line, lines[i + 1 : i + 3])
            ) and not next_field_line(field_indent, line)
            field_indent = line.indent if ANY_FIELD.match(line.text) and not para_heading else None
            out.add(
                line.text, line.start, citations=web_page, columns=columns, offsets=line.offsets
            )
            continue
        para_heading = False  # a line that goes on with the one before: prose, no heading
        if re.search(r"[A-Za-z]-$", prev.text) and line.text[:1].isalpha():
            if line.text.split()[0].lower() in _CONJUNCTIONS:  # "high- and low-orbit"
                out.put(" ", prev.end)
            elif line.text[0].islower() and not keep_hyphen(prev.text[:-1], line.text, vocabulary):
                out.chars.pop()
                out.offsets.pop()
            out.add(line.text, line.start, citations=web_page, offsets=line.offsets)
            continue
        out.put(" ", prev.end)
        out.add(line.text, line.start, citations=web_page, offsets=line.offsets)
    if lines:
        paragraphs.append(Paragraph(para_start, len(out.chars), para_heading))
    return CleanText("".join(out.chars), tuple(out.offsets), tuple(paragraphs))


def clean_document(document: Document) -> CleanText:
    """Clean a corpus document; news articles are web pages with chrome around them."""
    return clean_text(document.text, web_page=document.meta.kind == "news-article")
