"""Plain-text tables: rows of cells under a header, read as facts about each row.

A table (cells between pipes, or columns separated by tabs or wide spaces) states a
fact per row; its header says what each column holds and its caption, the line just
above it, what the rows are ("Satellites China launched for other countries"). Cells
keep their offsets, so a row's evidence is the row as it stands in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.line_kinds import is_csv_row

_PIPE = re.compile(r"[^|]+")
# (a cell holds no tab: "1\tChina ..." is two cells, however short the first)
_WIDE = re.compile(r"\S(?:[^\t]*?\S)?(?=\t|\s{3,}|$)")
_CSV_CELL = re.compile(r'(?:^|(?<=,))("(?:[^"]|"")*"|[^,]*)')

# what a header cell says its column holds, by the words in it
COLUMN_WORDS: dict[str, tuple[str, ...]] = {
    # read first: "Launch site" is where, not when
    "place": ("site", "place", "location", "base", "city", "port"),
    "partner": (
        "country",
        "countries",
        "partner",
        "partners",
        "counterpart",
        "counterparty",
        "customer",
        "client",
        "recipient",
        "beneficiary",
        "buyer",
        "user",
        "owner",
        "operator",
        "agency",
        "organization",
        "organisation",
        "contributor",
        "party",
        "parties",
        "signatory",
        "with",
        "institution",
        "nation",
    ),
    # who built it ("Built by", "Manufacturer"): a column of its own, never the partner
    "builder": ("built", "builder", "manufacturer", "maker", "contractor"),
    "craft": ("satellite", "spacecraft", "mission", "probe", "name", "payload", "instrument"),
    "date": ("date", "year", "signed", "when", "launched", "launch"),
    # ("Contract": what the contract was for, "IOD", "launch only")
    "activity": (
        "activity",
        "service",
        "role",
        "type",
        "status",
        "cooperation",
        "work",
        "contract",
    ),
    "agreement": ("agreement", "document", "title", "memorandum", "accord", "kind"),
    # a row's project or experiment: its name is the work's, never a spacecraft's
    "project": ("project", "experiment", "proposal", "investigation", "study"),
    "area": ("field", "area", "domain", "discipline", "topic", "subject", "theme"),
}


@dataclass(frozen=True)
class TableRow:
    """One data row: its cells (sentence-local spans) and what the header says of each."""

    cells: tuple[tuple[int, int], ...]
    columns: tuple[str, ...]  # per cell: partner | builder | craft | date | activity | ...
    caption: str  # the line above the table, if any
    legend: tuple[tuple[str, str], ...] = ()  # codes the text defines: ("L", "launched ...")
    named: tuple[str, ...] = ()  # keys of what the caption names ("... signed by CNSA")
    labels: tuple[str, ...] = ()  # the header's own words, per column


# "Service codes: B = satellite built by the Company; L = launched on a Long March rocket"
_CODE = re.compile(
    r"(?<![\w-])([A-Z]{1,3})\s*(?:=|:)\s*([^;=]+?)"
    # ... up to the next code, after a semicolon, a comma or a line of its own
    r"(?=\s*(?:;|\.(?:\s|$)|$)|(?:,\s*|\s+)[A-Z]{1,3}\s*=)"
)


def legend(text: str) -> tuple[tuple[str, str], ...]:
    """The codes a sentence defines for a table's cells, if it defines two or more."""
    codes = tuple(
        (m.group(1), m.group(2).strip()) for m in _CODE.finditer(text) if "=" in m.group(0)
    )
    return codes if len(codes) >= 2 else ()


def decode(cell: str, codes: tuple[tuple[str, str], ...]) -> str:
    """A cell's codes spelled out by the legend ("B, L" -> "satellite built ...; launched")."""
    meaning = dict(codes)
    said = [meaning[c] for c in re.findall(r"(?<![\w-])[A-Z]{1,3}(?![\w-])", cell) if c in meaning]
    return "; ".join([cell, *said]) if said else cell


def cells(text: str) -> list[tuple[int, int]]:
    """The cell spans of a row (local offsets), blank cells left out."""
    if "|" in text:
        spans = [(m.start(), m.end()) for m in _PIPE.finditer(text)]
    elif "\t" not in text and is_csv_row(text):
        spans = [(m.start(1), m.end(1)) for m in _CSV_CELL.finditer(text)]
        # a quoted cell is read without its quotes
        spans = [(a + 1, b - 1) if text[a : a + 1] == '"' else (a, b) for a, b in spans]
    else:
        spans = [(m.start(), m.end()) for m in _WIDE.finditer(text)]
    out = []
    for start, end in spans:
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip())
        body = piece.strip()
        if body:
            out.append((start + lead, start + lead + len(body)))
    return out


def _kind_of(words: set[str]) -> str:
    words = words | {w[:-1] for w in words if w.endswith("s")}  # "Services", "Sites"
    return next((k for k, ws in COLUMN_WORDS.items() if words & set(ws)), "")


def column_kinds(header: list[str]) -> tuple[str, ...]:
    """What each header cell says its column holds ("" when it says nothing known). The
    last word, the label's head, speaks first: "Mission type" is a type, "Launch site" a
    place, "Satellite name" a craft."""
    kinds = []
    for cell in header:
        words = re.findall(r"[a-z]+", _NOTE_MARK.sub("", cell).lower())
        kinds.append((_kind_of(set(words[-1:])) if words else "") or _kind_of(set(words)))
    return tuple(kinds)


# a footnote's mark on a label: "Customer(1)", "Value [2]", "Launch*", "Status¹"
_NOTE_MARK = re.compile(r"\s*(?:\(\d{1,2}\)|\[\d{1,2}\]|\*+|[\u00b9\u00b2\u00b3\u2070-\u2079]+)")


def is_header(row: list[str]) -> bool:
    """A first row whose cells are labels: short, without digits (but for the marks of
    footnotes)."""
    kinds = column_kinds(row)
    return sum(1 for k in kinds if k) >= 2 and not any(
        re.search(r"\d", _NOTE_MARK.sub("", c)) for c in row
    )
