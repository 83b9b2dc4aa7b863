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
from dataclasses import dataclass

from graph.model import Document
from graph.text_lines import Line, text_lines

_TERMINAL = (".", "!", "?", '"', "\u201d", ")", ":", ";")
# a list item's mark; numbers of up to three digits ("2015. A backup..." is a year
# ending a sentence cut at the line's end, not item 2015)
_BULLET = re.compile(r"^(?:[-\u2022\u00b7*]\s+|\(\d+\)\s*|\d{1,3}\.\s+|[IVX]+\.\s+)")
# a chronology's entry: "2019 — ...", "2018, March – ...", "March 2021: ..."
DATED_ENTRY = re.compile(
    r"^(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+)?(?:19|20)\d{2}(?:,?\s+[A-Z][a-z]+(?:\s+\d{1,2})?)?\s*[\u2014\u2013:-]\s"
)
_WORD = re.compile(r"[A-Za-z]+")
# Prefixes that keep their hyphen when a line break falls right after them and the
# document gives no other evidence ("co-sponsored", "self-reliance", "non-toxic").
_HYPHEN_PREFIXES = frozenset({"co", "sub", "self", "non", "multi", "cross", "anti", "semi", "ex"})
_CONJUNCTIONS = frozenset({"and", "or", "to"})
# words a line cut mid-phrase ends on: what follows them goes on with the same item
_CONNECTORS = frozenset(
    {"a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "at", "by", "with", "from"}
    | {"as", "its", "their", "his", "her"}
)
_BOILERPLATE = re.compile(
    r"copyright|\u00a9|all rights reserved|subscribe|newsletter|cookie|privacy|"
    r"read more|>>\s*more|advertis|\.\.\.\s*$|\u2026\s*$",
    re.IGNORECASE,
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
_CITATIONS = re.compile(r"(?:\[(?:\d+|[a-z]|note\s+\d+|citation needed)\])+$")


def _is_prose(line: str) -> bool:
    """A line of running text: long enough, ending a sentence (an encyclopedia's citation
    marks after the full stop, "...in 2017.[3]", do not count)."""
    text = _CITATIONS.sub("", line)
    return len(text.split()) >= 10 and text.endswith(_TERMINAL) and not _BOILERPLATE.search(text)


_TABLE_ROW = re.compile(
    r"^\|?[^|]+\|[^|]+\|"  # cells between pipes, the outer ones optional
    r"|\S(?:.*\S)?(?:\t+|\s{3,})\S.*(?:\t+|\s{3,})\S"  # or columns of wide gaps
)
RULE = re.compile(r"^[\s|:+=-]+$")  # "|---|---|" or "-----": a table's ruling
# lines that open the page's furniture after an article: its end
_AFTER_ARTICLE = re.compile(
    r"^(?:related(?:\s+(?:news|stories|articles|links|coverage))?|more\s+(?:news|stories)|"
    r"see\s+also|recommended|popular|most\s+read|latest\s+news|trending|you\s+may\s+also\s+like|"
    r"share\s+this|tags?|references|external\s+links|further\s+reading|bibliography)\b",
    re.IGNORECASE,
)


def is_table_row(line: str) -> bool:
    """A row of a plain-text table: cells between pipes, or separated by tabs or runs
    of three or more spaces."""
    return bool(_TABLE_ROW.match(line)) and not RULE.match(line)


def _is_body_item(line: str, *, started: bool) -> bool:
    """A bullet item or a table row of an article's body, kept with the prose around it;
    a fact sheet's body may open with one when it is long enough to say something (menu
    entries and link lists are a few words)."""
    if not (_BULLET.match(line) or is_table_row(line)):
        return False
    return len(line.split()) >= (3 if started else 5) and not _BOILERPLATE.search(line)


# "Home | World | Science | Space": a navigation bar
_NAVIGATION = re.compile(r"^(?:[^|]{1,25}\|){3,}[^|]{0,25}$")


def _has_chrome(lines: list[Line]) -> bool:
    """Whether a page has a web site's furniture around its text (a menu, a copyright
    line, related links): a page without any is all body, a fact sheet put online."""
    return any(
        _BOILERPLATE.search(line.text)
        or _AFTER_ARTICLE.match(line.text)
        or _NAVIGATION.match(line.text)
        for line in lines
    )


def _logical_lines(lines: list[Line]) -> list[list[int]]:
    """Physical lines grouped into the lines a writer typed: a line cut at a fixed width
    (no sentence end, the next one following it directly) goes on in the next, so that a
    hard-wrapped article reads as prose like one whose paragraphs are single lines."""
    groups: list[list[int]] = []
    for i, line in enumerate(lines):
        prev = lines[i - 1] if i else None
        joined = (
            prev is not None
            and not line.blank_before
            and not prev.text.endswith(_TERMINAL)
            and len(prev.text.split()) >= 6
            and not (_BULLET.match(line.text) or is_table_row(line.text) or is_table_row(prev.text))
            and not (_NAVIGATION.match(prev.text) or _BOILERPLATE.search(prev.text))
            and not _AFTER_ARTICLE.match(line.text)
        )
        if joined:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def main_content(lines: list[Line]) -> list[Line]:
    """The article body of a web page (see ``_body``), read over the writer's lines."""
    groups = _logical_lines(lines)
    logical = [
        Line(lines[g[0]].start, " ".join(lines[i].text for i in g), lines[g[0]].blank_before)
        for g in groups
    ]
    first, last = _body(logical)
    return [lines[i] for g in groups[first:last] for i in g]


def _body(lines: list[Line]) -> tuple[int, int]:
    """The article body of a web page, as a range of lines: the largest run of prose lines,
    allowing up to two short lines (headings) between them, stopping at copyright, teaser
    or link lists."""
    clusters: list[list[int]] = []
    current: list[int] = []
    gap = 0
    for i, line in enumerate(lines):
        lone_row = is_table_row(line.text) and not any(
            0 <= j < len(lines) and (is_table_row(lines[j].text) or RULE.match(lines[j].text))
            for j in (i - 1, i + 1)
        )  # "Share: Facebook | X | Email": a bar of links, not a table
        if _is_prose(line.text) or (
            _is_body_item(line.text, started=bool(current)) and not lone_row
        ):
            current.append(i)
            gap = 0
            continue
        gap += 1
        if _BOILERPLATE.search(line.text) or _AFTER_ARTICLE.match(line.text) or gap > 2:
            if current:
                clusters.append(current)
            current, gap = [], 0
    if current:
        clusters.append(current)
    if not clusters:
        return 0, 0
    size = [sum(len(lines[i].text) for i in c) for c in clusters]
    best = max(range(len(clusters)), key=size.__getitem__)
    first = last = best
    # the article goes on past a few short lines (a table of contents, subheadings) as
    # long as nothing between says the page's furniture starts and the text is prose
    while first > 0 and _continues(lines, clusters[first - 1], clusters[first]):
        first -= 1
    while last + 1 < len(clusters) and _continues(lines, clusters[last], clusters[last + 1]):
        last += 1
    start = clusters[first][0]
    # the heading right above the body is its own ("INTERNATIONAL PAYLOADS (2026)")
    while (
        start > 0
        and _is_caps_heading(lines[start - 1].text)
        and not _BOILERPLATE.search(lines[start - 1].text)
        and len(lines[start - 1].text.split()) >= 2
        and clusters[first][0] - start < 1
    ):
        start -= 1
    return start, clusters[last][-1] + 1


def _continues(lines: list[Line], before: list[int], after: list[int]) -> bool:
    between = lines[before[-1] + 1 : after[0]]
    if any(_BOILERPLATE.search(ln.text) or _AFTER_ARTICLE.match(ln.text) for ln in between):
        return False
    if len(between) > 12:
        return False

    def substantial(cluster: list[int]) -> bool:
        return any(len(lines[i].text.split()) >= 15 and _is_prose(lines[i].text) for i in cluster)

    return substantial(before) and substantial(after)


_FIELD = re.compile(
    r"^(?:international\s+)?(?:partners?|countries|contributors?|participants?)\s*:\s+\S",
    re.IGNORECASE,
)


# "Status: in orbit", "Selected through: ...": a field of a record, one line each
_ANY_FIELD = re.compile(r"^[A-Z][\w'\u2019/()-]*(?:\s[\w'\u2019/()-]+){0,3}:\s+\S")


# "Launch mass ....... about 8,200 kg": a key and its value joined by a dotted leader
_LEADER = re.compile(r"\S\s*(?:\.{4,}|\u2026{2,})\s*\S")
_NUMBERED_PARAGRAPH = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+[A-Z]")


def _is_heading(line: str) -> bool:
    words = line.split()
    if is_table_row(line) or RULE.match(line):
        return False
    if not words or line.endswith(("-", ",")):
        return False
    # a heading in capitals may end with its bracketed note: "(PLANNED LAUNCH 2026)"
    if line.endswith(_TERMINAL) and not (line.isupper() and line.endswith(")")):
        return False
    if len(words) > (14 if line.isupper() else 9):  # capitals: a heading however long
        return False
    if ". " in line[5:]:  # a sentence ends inside: wrapped prose, not a heading
        return False
    # "Partners: Norway", "Partners providing payloads: 6": a record's field, a figure
    if _FIELD.match(line) or (_ANY_FIELD.match(line) and re.search(r":\s+\d", line)):
        return False
    return line[0].isupper() or line[0].isdigit() or line[0] == "("


def _is_caps_heading(line: str) -> bool:
    """ "CHANG'E-7 (PLANNED 2026)": a heading in capitals."""
    letters = [c for c in line if c.isalpha()]
    return _is_heading(line) and len(letters) >= 4 and all(c.isupper() for c in letters)


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
        if not ln.text.endswith(_TERMINAL)
        and (spaced or not nxt.blank_before)
        and not (_BULLET.match(nxt.text) or is_table_row(nxt.text) or DATED_ENTRY.match(nxt.text))
        and not (_ANY_FIELD.match(nxt.text) or _ANY_FIELD.match(ln.text))
        and not (_LEADER.search(nxt.text) or _LEADER.search(ln.text))
        and not (is_table_row(ln.text) or RULE.match(ln.text))
    )
    running = sum(1 for ln in lines if not _is_heading(ln.text)) or 1
    return cut / running >= 0.4


class _Builder:
    def __init__(self) -> None:
        self.chars: list[str] = []
        self.offsets: list[int] = []

    def add(self, text: str, raw_start: int, *, citations: bool = False) -> None:
        """Append a line's text, collapsing inner whitespace runs to one space; in a
        table row a wide run (a column gap) becomes one tab, so the columns survive.
        With ``citations``, an encyclopedia's citation marks ("in 2013.[2]") are left
        out, so the sentence ends where its full stop is."""
        # a wide run inside a cell between pipes ("| Participants    Kenya Space Agency |")
        # parts a label from its value as well
        wide = r"\t|\s{2,}" if "|" not in text else r"\t|\s{3,}"
        gaps = {m.start() for m in re.finditer(wide, text)} if is_table_row(text) else set()
        dropped = (
            {i for m in _CITATION_MARK.finditer(text) for i in range(m.start(), m.end())}
            if citations
            else set()
        )
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
            self.offsets.append(raw_start + i)

    def put(self, ch: str, raw_pos: int) -> None:
        self.chars.append(ch)
        self.offsets.append(raw_pos)


@dataclass(frozen=True)
class _Vocabulary:
    """The words and hyphenated compounds a document uses elsewhere."""

    words: frozenset[str]
    compounds: frozenset[str]

    @classmethod
    def of(cls, raw: str) -> _Vocabulary:
        low = raw.lower()
        return cls(
            frozenset(re.findall(r"[a-z]+", low)),
            frozenset(re.findall(r"[a-z]+-[a-z]+", low)),
        )


def _keep_hyphen(left: str, right: str, vocabulary: _Vocabulary) -> bool:
    """Whether a word cut as ``left-`` / ``right`` keeps its hyphen when re-joined: the
    document's own usage decides, then a list of prefixes that take a hyphen."""
    lw = (_WORD.findall(left) or [""])[-1].lower()
    match = _WORD.match(right)
    rw = match.group(0).lower() if match else ""
    if not lw or not rw:
        return True
    if lw + rw in vocabulary.words:
        return False
    if f"{lw}-{rw}" in vocabulary.compounds:
        return True
    return lw in _HYPHEN_PREFIXES


def clean_text(raw: str, *, web_page: bool = False) -> CleanText:
    """Clean ``raw``: join wrapped lines and hyphenated words, drop page numbers and (for
    web pages) everything outside the article body; keep the offset map."""
    lines = text_lines(raw)
    if web_page and _has_chrome(lines):
        lines = main_content(lines)
    wrapped = _wrapped(lines)
    spaced = sum(1 for ln in lines if ln.blank_before) > 0.8 * len(lines)
    vocabulary = _Vocabulary.of(raw)
    out = _Builder()
    paragraphs: list[Paragraph] = []
    para_start = 0
    para_heading = False
    item_indent: int | None = None  # the indent of the list item being read
    for i, line in enumerate(lines):
        if i == 0:
            para_heading = _is_heading(line.text)
            item_indent = line.indent if _BULLET.match(line.text) else None
            out.add(line.text, line.start, citations=web_page)
            continue
        prev = lines[i - 1]
        hard = (
            bool(_BULLET.match(line.text))
            or bool(DATED_ENTRY.match(line.text))
            or is_table_row(line.text)
            or is_table_row(prev.text)
            or RULE.match(line.text) is not None
            or bool(_ANY_FIELD.match(line.text))
            or bool(_LEADER.search(line.text) or _LEADER.search(prev.text))
            # a numbered paragraph ("4.3 Overall figures. Between ...") after a full stop
            or bool(_NUMBERED_PARAGRAPH.match(line.text) and prev.text.endswith(_TERMINAL))
            or bool(_ANY_FIELD.match(prev.text) and not prev.text.endswith("-"))
            or _is_heading(prev.text)
            or (_is_heading(line.text) and prev.text.endswith(_TERMINAL))
            or _is_caps_heading(line.text)  # "SVOM - INSTRUMENTS": a heading wherever it is
            # a blank line parts paragraphs; in wrapped text only after a sentence's end
            # (a PDF's page break may fall mid-sentence), unless every line has one
            or (
                line.blank_before
                and (not wrapped or (not spaced and prev.text.endswith(_TERMINAL)))
                and not line.text[:1].islower()
            )
            # a capitals heading or a lead-in after a list item ends the list, even in
            # wrapped (PDF-like) text, where blank lines alone say nothing
            or (
                line.blank_before
                and bool(_BULLET.match(prev.text))
                and (_is_caps_heading(line.text) or line.text.endswith(":"))
            )
            # a sentence at the margin after a list item, which a cut item would have
            # set in under its text or left mid-phrase ("... of" / "San Agustín"); in
            # PDF text, cut at a fixed width, an item goes on at the margin
            or (
                not wrapped
                and item_indent is not None
                and line.indent <= item_indent
                and line.text[:1].isupper()
                and not prev.text.endswith((",", "-", "\u2013", "\u2014", "/", "&"))
                and prev.text.split()[-1].lower() not in _CONNECTORS
            )
        )
        if hard:
            item_indent = line.indent if _BULLET.match(line.text) else None
            paragraphs.append(Paragraph(para_start, len(out.chars), para_heading))
            end_of_prev = prev.start + len(prev.text)
            out.put("\n", end_of_prev)
            out.put("\n", end_of_prev)
            para_start = len(out.chars)
            para_heading = _is_heading(line.text)
            out.add(line.text, line.start, citations=web_page)
            continue
        if re.search(r"[A-Za-z]-$", prev.text) and line.text[:1].isalpha():
            if line.text.split()[0].lower() in _CONJUNCTIONS:  # "high- and low-orbit"
                out.put(" ", prev.start + len(prev.text))
            elif line.text[0].islower() and not _keep_hyphen(prev.text[:-1], line.text, vocabulary):
                out.chars.pop()
                out.offsets.pop()
            out.add(line.text, line.start, citations=web_page)
            continue
        out.put(" ", prev.start + len(prev.text))
        out.add(line.text, line.start, citations=web_page)
    if lines:
        paragraphs.append(Paragraph(para_start, len(out.chars), para_heading))
    return CleanText("".join(out.chars), tuple(out.offsets), tuple(paragraphs))


def clean_document(document: Document) -> CleanText:
    """Clean a corpus document; news articles are web pages with chrome around them."""
    return clean_text(document.text, web_page=document.meta.kind == "news-article")
