"""Names that a structured line gives as a party's, whatever their form: a table's
partner column ("Roscosmos (Russia)") and a record's parties field ("Parties: China
National Space Administration; Kosmokom (Kazakhstan)"). Where a line says a cell or
field holds parties, a one-word agency is a body; a country in brackets is where it is."""

from __future__ import annotations

import re

from graph.demonyms import is_country_name
from graph.name_forms import ORG, Candidate, head_kind, is_generic
from graph.name_words import SENTENCE_OPENERS
from graph.tables import cells


def partner_cells(
    doc_id: str, chunk: str, offset: int, columns: tuple[str, ...]
) -> list[Candidate]:
    """A name in a table's partner column is a partner's name, whatever its form:
    "Roscosmos (Russia)", "Azercosmos", "Indosat, Indonesia" (a country in brackets or
    after a comma is where it is)."""
    found = []
    for (a, b), kind in zip(cells(chunk), columns, strict=False):
        if kind != "partner":
            continue
        cell = chunk[a:b]
        # the whole cell is the name ("Mohammed bin Rashid Space Centre"), but for a
        # country or acronym in brackets after it
        # ... or the country after a comma ("Indosat, Indonesia")
        # ... or a remark after a comma, in small letters ("CNSA, with foreign payloads")
        cell = re.split(r",\s+(?=[a-z])", cell, maxsplit=1)[0]
        where = re.search(r",\s*([A-Z][\w .'\u2019-]*?)\s*$", cell)
        if where and is_country_name(where.group(1)):
            cell = cell[: where.start()]
        name = re.match(r"(?:the\s+)?([A-Z][^()\t|]*?)\s*(?:\([^)]*\))?\s*$", cell)
        if name is None or name.end(1) - name.start(1) < 3 or len(name.group(1).split()) > 8:
            continue
        for at, label in _cell_names(name.group(1)):
            if is_generic(label) or label.split()[0] in SENTENCE_OPENERS:
                continue
            start = offset + a + name.start(1) + at
            # a customer or partner is a body, whatever its name's last word ("Nigerian
            # Communications Satellite", the company)
            found.append(Candidate(label, ORG, doc_id, start, start + len(label)))
    return found


_CELL_CUT = re.compile(r"\s*(?:;|,\s+and\s+|\s+and\s+|,\s+)(?:the\s+)?")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&-]{1,9}")


# "CNSA / Roscosmos": a slash set between words parts the parties of a row, as no name
# holds one
_SLASH = re.compile(r"\s+/\s+")


def _cell_names(cell: str) -> list[tuple[int, str]]:
    """The names a partner cell holds, with their offsets: one ("Space and Upper
    Atmosphere Research Commission"), or several when each piece is a whole name, an
    acronym or a headed name ("CNSA and GISTDA", "CNSA and the Thai Ministry of
    Science"), or whatever their form when a slash parts them ("Azercosmos / CNSA")."""
    slashed = _SLASH.split(cell)
    if len(slashed) > 1 and all(p[:1].isupper() for p in slashed):
        out, at = [], 0
        for piece in slashed:
            at = cell.index(piece, at)
            out += [(at + a, name) for a, name in _cell_names(piece)]
            at += len(piece)
        return out
    pieces: list[tuple[int, str]] = []
    at = 0
    for cut in [*_CELL_CUT.finditer(cell), None]:
        end = cut.start() if cut else len(cell)
        pieces.append((at, cell[at:end]))
        at = cut.end() if cut else at
    whole = all(_ACRONYM.fullmatch(p) or (head_kind(p) and len(p.split()) >= 2) for _, p in pieces)
    return pieces if len(pieces) > 1 and whole else [(0, cell)]


# a record's parties field: "Parties: China National Space Administration; Roscosmos (Russia)"
_PARTY_FIELD = re.compile(
    r"^[ \t]*(?:Parties|Party|Signatories|Signatory|Counterparts?|Implementing\s+bod(?:y|ies))"
    r"[ \t]*:[ \t]*(?P<value>[^\n]+)",
    re.IGNORECASE | re.MULTILINE,
)
_STATE = re.compile(
    r"(?:[A-Z][\w'\u2019-]*\s+){0,3}?(?:Republic|Kingdom|Government|State|Federation|"
    r"Sultanate|Emirate|Principality|Commonwealth)\b"
)
_PARTY_CUT = re.compile(r"\s*(?:;|\||,\s+and\s+|\s+and\s+)\s*")


def party_fields(doc_id: str, chunk: str, offset: int) -> list[Candidate]:
    """Each name in a record's parties field is a party's name, whatever its form (a
    one-word agency such as "Roscosmos"; a country in brackets is where it is)."""
    found = []
    for m in _PARTY_FIELD.finditer(chunk):
        at = m.start("value")
        for part in _PARTY_CUT.split(m.group("value")):
            start = chunk.index(part, at) if part else at
            at = start + len(part)
            name = re.match(r"(?:the\s+)?([A-Z][^()\t|]*?)\s*(?:\([^)]*\))?\s*\.?$", part)
            if name is None or len(name.group(1)) < 3 or len(name.group(1).split()) > 8:
                continue
            label = name.group(1)
            if is_generic(label) or label.split()[0] in SENTENCE_OPENERS:
                continue
            if _STATE.match(label):
                continue  # "Republic of Paraguay": a country, which the gazetteer names
            begin = offset + start + name.start(1)
            found.append(Candidate(label, ORG, doc_id, begin, begin + len(label)))
    return found
