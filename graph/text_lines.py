"""A text file's lines as the cleaner reads them: their raw offsets and whether a blank
line came before, without the page furniture of PDF text (page numbers on lines of their
own, running headers repeated on every page)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from graph.pipe_wraps import rejoin_pipe_rows
from graph.record_fields import is_field
from graph.wrapped_cells import rejoin_wrapped_cells

# "12", "-- 9 --", "Page 4", "- 3 of 20 -": a page's number on a line of its own (a year
# alone, "2012", is a chronology's heading, not page 2012)
_PAGE_NUMBER = re.compile(
    r"^\s*(?!(?:19|20)\d\d\s*$)(?:[-\u2013\u2014]+\s*)?(?:page\s+)?\d{1,4}"
    r"(?:\s*(?:/|of)\s*\d{1,4})?"
    r"(?:\s*[-\u2013\u2014]+)?\s*$",
    re.IGNORECASE,
)


_QUOTED = re.compile(r"^\s*(?:>\s?)+")
# "  > small rover — SUPARCO": a ">" set in from the margin marks a list's item; a reply
# quotes from the margin
_INDENTED_MARK = re.compile(r"^[ \t]+>(?=[ \t]+[^\s>])")
_QUOTE_MARKS = ('"', "\u201c", "\u2018", "'")


@dataclass(frozen=True)
class Line:
    start: int  # raw offset of the first non-blank character
    text: str  # the line without surrounding whitespace
    blank_before: bool
    indent: int = 0  # how far the line is set in from the margin (a hanging indent)
    # each character's raw offset, where the text is not one stretch of the file (a table
    # row whose wrapped cells were joined back into it: ``graph.wrapped_cells``)
    offsets: tuple[int, ...] = ()

    @property
    def end(self) -> int:
        """The raw offset just after the line's last character."""
        return self.offsets[-1] + 1 if self.offsets else self.start + len(self.text)


def text_lines(raw: str) -> list[Line]:
    """The non-blank lines, without page numbers and running headers; the text inside a
    box drawn with characters is read as lines of its own."""
    lines = rejoin_wrapped_cells(rejoin_pipe_rows(_subtitled(_unboxed(_all_lines(raw)))))
    running = _running_headers(lines)
    seen: set[str] = set()
    out = []
    for line in lines:
        if line.text in running and line.text in seen:
            continue  # a running header after its first appearance (often the title)
        seen.add(line.text)
        out.append(line)
    return out


# a box drawn around a sidebar: "+-----+" borders, "| text |" lines with no other pipe
_BOX_BORDER = re.compile(r"\+[-=~]{3,}\+")
_BOX_LINE = re.compile(r"\|(?P<inside>[^|]*)\|")


def _unboxed(lines: list[Line]) -> list[Line]:
    """Lines with a drawn box's borders dropped and its frame taken off each line inside
    it ("| - Peru: a camera, planned 2027   |" is the line "- Peru: a camera, planned
    2027"), so that a sidebar's text is read as text, not as a table of one column. A line
    left empty inside the box is a blank line."""
    out: list[Line] = []
    inside = False
    blank = False
    for line in lines:
        if _BOX_BORDER.fullmatch(line.text):
            inside = not inside
            blank = True
            continue
        framed = _BOX_LINE.fullmatch(line.text) if inside else None
        if framed is None:
            out.append(Line(line.start, line.text, line.blank_before or blank, line.indent))
            blank = False
            continue
        text = framed.group("inside")
        if not text.strip():
            blank = True
            continue
        lead = 1 + len(text) - len(text.lstrip())
        out.append(Line(line.start + lead, text.strip(), line.blank_before or blank, line.indent))
        blank = False
    return out


# a subtitle file's cue timing: "00:01:02,500 --> 00:01:06,900" (SRT; WebVTT's dot too)
_CUE_TIME = re.compile(r"\d{1,2}:\d{2}:\d{2}[,.]\d{3}\s*-->\s*\d{1,2}:\d{2}:\d{2}[,.]\d{3}.*")


def _subtitled(lines: list[Line]) -> list[Line]:
    """A subtitle file's text as one running text: its cues' numbers and timings dropped
    and the cues joined, since a sentence runs on across cues ("... on the steppe of
    Neuquen, / a long way from any city"). Other files are left as they are."""
    if sum(1 for line in lines[:50] if _CUE_TIME.fullmatch(line.text)) < 3:
        return lines
    out = []
    for i, line in enumerate(lines):
        timing = i + 1 < len(lines) and _CUE_TIME.fullmatch(lines[i + 1].text)
        if _CUE_TIME.fullmatch(line.text) or (line.text.isdigit() and timing):
            continue
        out.append(Line(line.start, line.text, False, line.indent))
    return out


_RUNS_ON = re.compile(
    r"\b(?:the|a|an|of|and|or|between|on|in|to|for|with|by|from|at)$", re.IGNORECASE
)


def _running_headers(lines: list[Line]) -> set[str]:
    """Short lines that stand alone and come back on every page of a PDF's text: the
    document's title or chapter repeated at the top or bottom of each page."""
    fields = [is_field(line.text) for line in lines]
    # a record's field beside another field ("Prime: CAST" over "Chinese role: built")
    # comes back in every record of a database's list, not on every page
    in_record = [
        here and ((i > 0 and fields[i - 1]) or (i + 1 < len(fields) and fields[i + 1]))
        for i, here in enumerate(fields)
    ]
    counts = Counter(
        line.text
        for line, recorded in zip(lines, in_record, strict=True)
        if not recorded
        and len(line.text.split()) <= 14
        and not line.text.endswith((".", ",", ";"))
        # a line that stops on "the", "of" or "and" runs on into the next: wrapped text
        # (a register's titles that open alike), not a header standing alone
        and not _RUNS_ON.search(line.text)
        # a table's header row and its ruling come back over each of its tables
        and not line.text.startswith("|")
    )
    return {text for text, n in counts.items() if n >= 3 or (n == 2 and len(text) > 25)}


# the marks a list's items open with besides "-", "*" and "•": squares, circles,
# triangles, arrows, chevrons, check marks, and a dash of either width
_MARKS = re.compile(
    "^[\u25aa\u25ab\u25e6\u25cb\u25cf\u25a0\u25a1\u25c6\u25c7\u25ba\u25b8\u25b6"
    "\u2023\u2043\u2192\u00bb\u2713\u2714\u27a2\u2013\u2014](?=\\s)"
)


def _all_lines(raw: str) -> list[Line]:
    out: list[Line] = []
    pos = 0
    blank = False
    run: str | None = None  # a run of lines marked ">" from an indent: a list's items
    for line in raw.splitlines(keepends=True):
        stripped = line.strip()
        marked = _INDENTED_MARK.match(line)
        if not marked:
            run = None
        elif run is None:
            # ... unless its first line opens a quotation: '  > "Today a satellite ...'
            quoted = line[marked.end() :].lstrip().startswith(_QUOTE_MARKS)
            run = "quotation" if quoted else "list"
        quote = None if run == "list" else _QUOTED.match(line)
        # "> The NSSC will carry ...": a reply's quoted text
        if quote and line[quote.end() :].strip():
            stripped = line[quote.end() :].strip()
        if stripped and not _PAGE_NUMBER.match(line):
            lead = quote.end() if quote else 0
            lead += len(line[lead:]) - len(line[lead:].lstrip())
            # "▪ Italy", "◦ Russia", "» Sweden": any list mark is read as the bullet "•"
            # (one character for one, so every offset stays the file's)
            stripped = _MARKS.sub("\u2022", stripped, count=1)
            if quote is None and stripped.startswith(">"):
                stripped = "\u2022" + stripped[1:]
            out.append(Line(pos + lead, stripped, blank, lead))
            blank = False
        elif not stripped:
            blank = True
        pos += len(line)
    return out
