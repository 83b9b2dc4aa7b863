"""What a line of a text file is, by its form alone: a list item, a table row or its
ruling, a heading (in capitals or not), a record's field, a key and value joined by a
dotted leader. Shared by the cleaner (``graph.normalise``), the web-page reader
(``graph.web_page``) and the readers of names and sentences."""

from __future__ import annotations

import re
from functools import lru_cache

from graph.word_gate import WordGated

TERMINAL = (".", "!", "?", '"', "\u201d", ")", ":", ";")


# a list item's mark; numbers of up to three digits ("2015. A backup..." is a year
# ending a sentence cut at the line's end, not item 2015)
# "- ", "(2) ", "3. ", "IV. ", and a lettered or numbered clause: "(a) ", "b) ", "(iv) "
# a lettered or numbered clause of a list: "(a) ", "b) ", "(iv) "
LETTERED_ITEM = r"\(?(?:[a-h]|i{1,3}|iv|vi{0,3})\)\s+"
BULLET = re.compile(
    rf"^(?:[-\u2022\u00b7*]\s+|\(\d+\)\s*|\d{{1,3}}\.\s+|[IVX]+\.\s+|{LETTERED_ITEM})"
)


# a chronology's entry: "2019 — ...", "2018, March – ...", "March 2021: ..."
DATED_ENTRY = re.compile(
    r"^(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+)?(?:19|20)\d{2}(?:,?\s+[A-Z][a-z]+(?:\s+\d{1,2})?)?\s*[\u2014\u2013:-]\s"
)


_TABLE_ROW = re.compile(
    r"^\|?[^|]+\|[^|]+\|"  # cells between pipes, the outer ones optional
    r"|\S(?:.*\S)?(?:\t+|\s{3,})\S.*(?:\t+|\s{3,})\S"  # or columns of wide gaps
)


RULE = re.compile(
    r"^[\s|:+=_~\u2013\u2014\u2500\u2501\u2550-]+$"
)  # "|---|---|", "-----", "____": a ruling
# "=== Slide 4 of 16 ===", "--- Page 12 ---", "[Slide 7]": a new slide or page, whose
# headings and lists start afresh
PAGE_MARK = re.compile(
    r"^[\s=*#\[(-]*(?:slide|page)\s+\d+(?:\s*(?:of|/)\s*\d+)?[\s=*#\])-]*$", re.IGNORECASE
)


_THREE_SPACES = re.compile(r"\s\s\s")  # with a tab, what a row without pipes has between columns


# the cleaner asks of each line, and of the line before it, several times: what a line is
# depends on its text alone, so each answer is kept for the lines near it
@lru_cache(maxsize=4096)
def is_table_row(line: str) -> bool:
    """A row of a plain-text table: cells between pipes, or separated by tabs or runs
    of three or more spaces. (Most lines have neither: they are told at once, without
    the row pattern, which is slow on a long line.)"""
    if "|" not in line and "\t" not in line and _THREE_SPACES.search(line) is None:
        return is_csv_row(line)
    return bool(_TABLE_ROW.match(line)) and not RULE.match(line)


_QUOTED = re.compile(r'"(?:[^"]|"")*"')
# a comma that parts cells: not inside a number ("1,200") and with no space beside it
_CSV_COMMA = re.compile(r"(?<![\s\d]),|(?<=\d),(?!\d)|(?<=\d),(?=\d{1,2}\b)")


def is_csv_row(line: str) -> bool:
    """A row of comma-separated values ("2019-04-22,CNSA,Bolivian Space Agency,..."): two
    or more commas outside quotes, none with a space beside it, as prose always has."""
    if line.count(",") < 2:
        return False
    bare = _QUOTED.sub('""', line)
    if re.search(r",\s|\s,", bare):
        return False
    return len(_CSV_COMMA.findall(bare)) >= 2


FIELD = re.compile(
    r"^(?:[\w-]+\s+){0,2}(?:partners?|countries|contributors?|participants?)"
    r"(?:\s*\([^()]*\))?\s*:\s+\S",
    re.IGNORECASE,
)


# "Status: in orbit", "Selected through: ...": a field of a record, one line each; and
# a list line whose label a spaced dash ends ("Seismometer — INPE (Brazil)")
ANY_FIELD = re.compile(
    r"^[A-Z][\w'\u2019/()-]*(?:\s[\w'\u2019/()-]+){0,3}(?::|\s[\u2013\u2014])\s+\S"
)


# "General function of space object:   Earth observation": a field whose label may be
# long, as a form's labels are; what follows the colon is its value
_LABELLED = re.compile(r"^[A-Z][\w'\u2019/()-]*(?:\s[\w'\u2019/()-]+){0,7}:\s+(?=\S)")


def value_offset(line: str) -> int | None:
    """Where the value of a labelled line starts, counted from the line's first
    character: a form sets the lines its value wraps onto in under that column."""
    m = _LABELLED.match(line)
    return m.end() if m else None


# "Launch mass ....... about 8,200 kg": a key and its value joined by a dotted leader (a
# line of dots, or of "\u2026", which is not ASCII: such a line is always tried)
LEADER = WordGated(re.compile(r"\S\s*(?:\.{4,}|\u2026{2,})\s*\S"), (r"\.\.\.\.",))


NUMBERED_PARAGRAPH = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+[A-Z]")


_NUMBERED_TITLE = re.compile(
    r"^(?:Agenda\s+)?(?:Item|Section|Part|Article|Point|Chapter)\s+[\dIVX]+[.:]\s+", re.IGNORECASE
)


# a heading written in a markup's own marks: "## Partners", "== Payloads ==", "**Agreements**"
# the mark of a web page's section that opens and closes: "[−] Kenya", "▸ Peru"
_DISCLOSURE = re.compile(r"^\s*(?:\[[+\-\u2212\u2013]\]|[\u25b8\u25be\u25ba\u25bc\u25b6\u25bd])\s*")


def undisclosed(text: str) -> str:
    """``text`` without the mark of a section that opens and closes before it."""
    return _DISCLOSURE.sub("", text, count=1)


_MARKED_HEADING = re.compile(r"(?:#{1,6}\s+|={2,6}\s*|\*\*|__)(.*?)(?:\s*={2,6}|\*\*|__)?")


def unmarked(line: str) -> str:
    """The heading's words without the marks a markup (Markdown, a wiki) sets around
    them; any other line as it is."""
    disclosed = undisclosed(line)
    if disclosed != line and disclosed.strip():
        return disclosed  # "[−] Kenya": a web page's section that opens and closes
    m = _MARKED_HEADING.fullmatch(line)
    if not m or not m.group(1).strip():
        return line
    inner = m.group(1).strip()
    opener = line[: line.index(inner)].strip()
    closer = line[line.index(inner) + len(inner) :].strip()
    # the marks pair up: "== X ==", "**X**"; a hash opens alone; an opener left unclosed
    # ("**Note** the launch ...") is emphasis in a sentence, not a heading
    if opener.startswith("#") and not closer:
        return inner
    if closer and closer == opener:
        return inner
    return line


@lru_cache(maxsize=4096)
def is_heading(line: str) -> bool:
    line = unmarked(line)
    words = line.split()
    if is_table_row(line) or RULE.match(line):
        return False
    if not words or line.endswith(("-", ",")):
        return False
    # a heading in capitals may end with its bracketed note: "(PLANNED LAUNCH 2026)",
    # "(launched 3 May 2024)"
    capitals = _capitals(line)
    # ... and so may one in small letters whose words before the note end as a heading's
    # do: "M5 | Chang'e-8 — payload contributions (planned, launch about 2029)"
    # (a note of words, not a reference mark "(3)" or a role "(host)", after no list)
    bare = _without_note(line) if line.endswith(")") else line
    note = line[len(bare) :]
    noted = (
        bare != line
        and not bare.endswith(TERMINAL)
        and "," not in bare
        and len(re.findall(r"[A-Za-z]{2,}", note)) >= 2
    )
    if line.endswith(TERMINAL) and not ((capitals or noted) and line.endswith(")")):
        return False
    # (a dash or a bar between its parts is no word: "SMILE — Solar wind ... Explorer")
    counted = [
        w for w in (bare if noted else line).split() if w not in ("\u2014", "\u2013", "-", "|")
    ]
    if len(counted) > (14 if capitals else 9):
        return False  # capitals: a heading however long
    # "Item 2. Review of projects": an agenda item's number is no sentence's end
    titled = _NUMBERED_TITLE.sub("", line)
    if ". " in titled[5:]:  # a sentence ends inside: wrapped prose, not a heading
        return False
    # "Partners: Norway", "Partners providing payloads: 6": a record's field, a figure
    if FIELD.match(line) or (ANY_FIELD.match(line) and re.search(r":\s+\d", line)):
        return False
    if FIGURE_FIRST.match(line):
        return False  # "17 - countries that have joined the ILRS": a key figure, number first
    # "Germany: neutron spectrometer (NS-9), Kiel University": a list line, whose value
    # goes on past a comma or a bracket
    _label, colon, value = line.partition(":")
    # ("Launch: planned 2026 · Kourou · Vega-C": a field whose values a mark parts)
    if colon and not capitals and ANY_FIELD.match(line) and re.search(r"[,(;\u00b7|]", value):
        return False
    return line[0].isupper() or line[0].isdigit() or line[0] == "("


# a key figure told number first: "17 - countries that have joined the ILRS"
FIGURE_FIRST = re.compile(r"\d[\d,.]*\+?\s*[-\u2013\u2014:]\s+[a-z]")


def figure_lines(prev: str, line: str) -> bool:
    """Whether two lines are key figures, each a line of its own: either has a dotted
    leader ("Countries served .... 24"), or both tell the number first ("17 - countries
    that have joined ..." over "11 - foreign payloads ...")."""
    leader = LEADER.search(line) is not None or LEADER.search(prev) is not None
    return leader or bool(FIGURE_FIRST.match(line) and FIGURE_FIRST.match(prev))


def _without_note(line: str) -> str:
    """The line without a bracketed note at its end ("... PAYLOADS (launched 3 May 2024)")."""
    if not line.endswith(")"):
        return line  # told at once: the pattern backtracks over the whole of a long line
    noted = _NOTED.fullmatch(line)
    return noted.group(1) if noted else line


_NOTED = re.compile(r"(.*\S)\s*\([^()]*\)")


def _capitals(line: str) -> bool:
    """Whether the line is in capitals, but for a bracketed note at its end."""
    return _without_note(line).isupper()


def is_caps_heading(line: str) -> bool:
    """ "CHANG'E-7 (PLANNED 2026)", "CHANG'E-6 PAYLOADS (launched 3 May 2024)": a heading
    in capitals."""
    if not is_heading(line):
        return False
    letters = [c for c in _without_note(line) if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)
