"""Name candidates: the names one document's prose introduces, classed by their form
(designators, acronyms with their expansion, names headed by a class word) or left
unclassed. Discovery (``graph.discover``) votes on them over the whole corpus."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from graph import candidates_in_parts
from graph.acronym_candidates import acting_acronyms, acting_names, glossed_acronyms, initials
from graph.acting_runs import acting_runs
from graph.apposition_names import appositions
from graph.bracketed_acronyms import bracketed_acronyms
from graph.candidates_in_parts import TableState
from graph.classed_names import classed_names
from graph.company_names import company_names
from graph.cooperation_words import INSTRUMENT_NAME
from graph.country_bodies import country_bodies, owned_bodies
from graph.craft_cells import craft_cells
from graph.defined_terms import with_defined_terms
from graph.designated_crafts import designated_crafts
from graph.designator_names import designators
from graph.ending_search import ends_at
from graph.field_labels import field_labels, without_labels
from graph.listed_names import listed_names
from graph.masthead_names import masthead
from graph.model import Document
from graph.name_forms import (
    NAME_RUN,
    ORG,
    Candidate,
    head_kind,
    initials_fit,
    is_generic,
    trim_name,
)
from graph.name_splitting import split_names, strip_lead
from graph.name_words import NOT_NAMES
from graph.normalise import RULE, CleanText, is_table_row
from graph.paragraphs_said_again import SaidAgain
from graph.party_names import partner_cells, party_fields
from graph.record_fields import is_field
from graph.regional_names import REGIONAL, regional_bodies
from graph.spans import SpanIndex
from graph.tables import cells, column_kinds, is_header
from graph.working_names import working_names


def candidates(
    document: Document, clean: CleanText, taken: Sequence[tuple[int, int]] = ()
) -> list[Candidate]:
    """Every name in the document's prose that its form lets us class (or not).

    ``taken`` are the clean spans of curated names: a candidate overlapping one is that
    curated name seen partly ("the European Space Agency"), not a new entity.
    """
    text = clean.text
    # each paragraph and candidate is checked against the curated names near it only, in
    # their given order (the whole list each time made a long document quadratic)
    index = SpanIndex(enumerate(taken), span=lambda item: item[1])

    def near(start: int, end: int) -> list[tuple[int, int]]:
        return [span for _n, span in sorted(index.near(start, end))]

    # paragraph by paragraph (a large document's in parts, by forked processes)
    out = candidates_in_parts.in_parts(_paragraph_candidates, document, clean, near)
    out += initials(document, clean, out)
    out = designated_crafts(out, text)
    out = with_defined_terms(out, text)  # 'Orbital Works Ltd. ("Orbital")'
    out = without_labels(out, field_labels(text, taken))  # "AWARDEE University of Leicester"
    out += regional_bodies(document.id, text, taken)
    return [
        c
        for c in out
        if not any(
            s < c.end and c.start < e and not (c.start <= s and e <= c.end)
            for s, e in near(c.start, c.end)
        )
        and not any(
            c.start <= s and e <= c.end and (s, e) != (c.start, c.end) and _whole(text, s, e, c)
            for s, e in near(c.start, c.end)
        )
        # "the China National Space Administration on the Deep Space Station": a curated
        # body and the topic of a title that names it, not a longer name
        and not any(
            s == c.start and e < c.end and re.match(r"\s+on\s", text[e : c.end])
            for s, e in near(c.start, c.end)
        )
    ]


def _paragraph_candidates(
    document: Document,
    clean: CleanText,
    near: Callable[[int, int], list[tuple[int, int]]],
    first: int,
    last: int,
    state: TableState,
) -> candidates_in_parts.Part:
    """The candidates of paragraphs ``first:last``, read from ``state`` (the table the
    paragraph before left open), with the names of lists among them and the state they
    leave."""
    text = clean.text
    out: list[Candidate] = []
    listed_all: list[Candidate] = []
    columns, labels, headed = state.columns, state.labels, state.headed
    prose_names = SaidAgain(functools.partial(_prose_names, document.id))
    for para in clean.paragraphs[first:last]:
        # (a record's field line, "Owner/operator: Bolivian Space Agency", is read as
        # prose is, not as a heading)
        if para.heading and not is_field(text[para.start : para.end]):
            # a masthead in capitals names its body ("CHINA GREAT WALL INDUSTRY CORPORATION")
            out += masthead(document.id, text[para.start : para.end], para.start, _headed_names)
            # ... and a heading may be all a mission's name there is ("TIANWEN-3 PAYLOADS")
            # (with a number: in capitals "DEEP-SPACE" is a word)
            out += [
                c
                for c in designators(document.id, text[para.start : para.end], para.start)
                if re.search(r"\d", c.label)
            ]
            headed = True
            continue
        chunk = text[para.start : para.end]
        if RULE.match(chunk):
            continue  # the ruling under a table's header
        if _CREDIT.match(chunk):
            continue  # "Prepared by the Outreach Desk, ... Office": who made the page
        if is_table_row(chunk):
            row = [chunk[a:b] for a, b in cells(chunk)]
            if (columns is None or headed) and is_header(row):
                columns, labels = column_kinds(row), tuple(row)
            elif columns is not None:
                out += partner_cells(document.id, chunk, para.start, columns)
                out += craft_cells(document.id, chunk, para.start, labels)
        else:
            columns, labels = None, ()  # (the words are read only with their header)
        headed = False
        inner = tuple(
            (s - para.start, e - para.start)
            for s, e in near(para.start, para.end)
            if para.start <= s < para.end
        )
        fields, prose, listed, glossed = prose_names.at(chunk, inner, para.start)
        out += fields
        # (the short name in brackets is looked for again past the paragraph)
        out += bracketed_acronyms(document.id, chunk, para.start, text)
        out += prose
        if listed:  # "Ministry of Science, Technology, ... and Innovation": its parts are not names
            out = [c for c in out if not any(n.start < c.end and c.start < n.end for n in listed)]
            out += listed
            listed_all += listed
        out += glossed
    return candidates_in_parts.Part(out, listed_all, TableState(columns, labels, headed))


def _prose_names(
    doc_id: str, chunk: str, inner: Sequence[tuple[int, int]]
) -> tuple[list[Candidate], ...]:
    """The names of a paragraph of prose at offset 0, in the loop's order, as four
    groups: before the bracketed acronyms (which read past the paragraph), after them,
    the names of lists, and the names after those (``SaidAgain``: once per text)."""
    fields = party_fields(doc_id, chunk, 0) + designators(doc_id, chunk, 0)
    prose = _headed_names(doc_id, chunk, 0, inner)
    prose += country_bodies(doc_id, chunk, 0, inner)
    prose += owned_bodies(doc_id, chunk, 0, inner)
    prose += appositions(doc_id, chunk, 0)
    prose += acting_acronyms(doc_id, chunk, 0)
    prose += acting_names(doc_id, chunk, 0)
    prose += working_names(doc_id, chunk, 0)
    prose += acting_runs(doc_id, chunk, 0)
    listed = listed_names(doc_id, chunk, 0)
    glossed = glossed_acronyms(doc_id, chunk, 0) + classed_names(doc_id, chunk, 0)
    glossed += company_names(doc_id, chunk, 0)
    return fields, prose, listed, glossed


# a line that credits who wrote, compiled or photographed the page, or owns its copyright
_CREDIT = re.compile(
    r"^(?:prepared|compiled|published|issued|written|edited|produced|translated|photo|"
    r"photograph|image|picture|source|sources)\b[^.]{0,160}\.?\s*$"
    # a copyright line, with whatever notice follows it ("All rights reserved.")
    # ("(c)" only with a year or a rights notice: else it is a list's third item)
    r"|^(?:\u00a9|\(c\)(?=\s*(?:(?:19|20)\d\d|[A-Z][^.]{0,80}?,?\s+(?:19|20)\d\d\s*\.|"
    r"[^.]*\brights\s+reserved))|copyright\b)"
    # a memo's or mail's header: who it is to, from or copied to
    r"|^(?:to|from|cc|bcc|attn|attention|distribution)\s*:",
    re.IGNORECASE,
)


def _whole(text: str, start: int, end: int, c: Candidate) -> bool:
    """A curated name inside a candidate that is the candidate's own head ("Hard X-ray
    Modulation Telescope" around "Modulation Telescope"), not a country in it nor the
    place a body is of ("National Astronomical Research Institute of Thailand")."""
    if c.alias and initials_fit(c.label, c.alias):
        return False  # spelt out by its own acronym: "Universiti Teknologi Malaysia (UTM)"
    if REGIONAL.fullmatch(text[c.start : start]):
        return False  # a region's own body: "Asia-Oceania Group on Earth Observations"
    # (searched back from the name only: the whole text before it made this quadratic)
    return end == c.end and not ends_at(_OF_BEFORE, text, start, letters=len("forthe"))


_OF_BEFORE = re.compile(r"\s(?:of|for|de|du|in)\s+(?:the\s+)?$")


# the patterns a run of capitalised words is cut with (compiled once: every run of every
# paragraph is read with them)
_JOINED = re.compile(r"\s*(?:,|and|with|for|,\s*and)\s+(?:the\s+)?")
_ENDING = re.compile(r"\s+(?:and|,|,\s*and)\s+(?:the\s+)?$")
_LEAD_OF = re.compile(r"(?:of|for|in)\s+(?:the\s+)?")
_PEOPLE_OF_BODY = re.compile(r"[A-Z][a-z]+\s+of\s+the\s+[A-Z][a-z]+")


def _headed_names(
    doc_id: str, chunk: str, offset: int, taken: Sequence[tuple[int, int]] = ()
) -> list[Candidate]:
    found = []
    for m in NAME_RUN.finditer(chunk):
        start, end = trim_name(chunk, m.start(), m.end())
        # a run holding a curated name and another name ("Russia and the Egyptian Space
        # Agency") starts again after the curated one
        first, last = start, end  # the run only shrinks: names outside it never count
        for s, e in taken:
            if not first <= s < last:
                continue
            if s > start and _WORD_BEFORE.search(chunk[start:s]) and " " not in chunk[s:e]:
                # "the Latin American and Caribbean Space Agency": a curated word the
                # run's own words lead into ("American") is part of the longer name
                continue
            # ... or whom it works for ("the China Academy of Space Technology for
            # Azercosmos", "China for Nigerian Communications Satellite Ltd")
            joined = _JOINED.match(chunk[e:end])
            if start <= s and e < end and joined:
                # "the University of Zimbabwe and Beihang University": the name the curated
                # one ends ("University of <country>") is a name before the next starts
                ended = strip_lead(chunk[start:e])
                if re.search(r"\s(?:of|for)\s+(?:the\s+)?$", chunk[start:s]) and head_kind(ended):
                    at = offset + e - len(ended)
                    found.append(Candidate(ended, head_kind(ended), doc_id, at, offset + e))
                start = e + joined.end()
            # "the National Space Office and CNSA": the run ends before the curated name
            ending = _ENDING.search(chunk[start:s])
            # (... or before the curated one and the topic of the title that names both:
            # "Chilean Space Agency and the China National Space Administration on ...")
            topic = re.match(r"\s+on\s", chunk[e:end]) is not None
            if start < s < end and (end <= e + 1 or topic) and ending:
                end = start + ending.start()
        name = strip_lead(chunk[start:end])
        start = end - len(name)
        for part_start, part in split_names(name):
            # "the X Council and of the Y Forum": the second name starts after its "of"
            lead = _LEAD_OF.match(part)
            if lead:
                part_start, part = part_start + lead.end(), part[lead.end() :]
            if _PEOPLE_OF_BODY.fullmatch(part):
                continue  # "Students of the Centre": people of a body named before
            # "the Follow-up X-ray Telescope of Einstein Probe": an instrument's name and
            # the craft that carries it, whose name is the one to find
            carried = _INSTRUMENT_OF.match(part) or _CRAFT_OF.match(part) or _ACRONYM_OF.match(part)
            if carried:
                part_start, part = part_start + carried.end(), part[carried.end() :]
            kind = head_kind(part)
            if kind is None:
                # "the Kenya Space Agency on Earth Observation": a name, then its topic
                part = _before_topic(part)
                kind = head_kind(part)
            elif kind is not ORG and head_kind(_before_topic(part)) is ORG:
                # "the X Institute for Plasma Physics on the Y Probe": a body, then the
                # craft it worked on (whose head word is not the body's)
                part = _before_topic(part)
                kind = ORG
            elif _SECOND_PARTY.search(chunk, 0, start + part_start):
                # "... between CNSA and the Water Authority of Tonga on Flood Mapping": a
                # title's second party, then the title's topic
                part = _before_on(part)
            elif kind is ORG:
                part = _before_craft(part)
            if kind is None or len(part.split()) < 2 or is_generic(part):
                continue
            if any(w.lower() in NOT_NAMES for w in part.split()):
                continue
            at = offset + start + part_start
            found.append(Candidate(part, kind, doc_id, at, at + len(part)))
    return found


_WORD_BEFORE = re.compile(r"(?<![\w'\u2019-])[A-Z][a-z][\w-]*\s$")
_TOPIC = re.compile(r"\s(?:on|in|at|to)\s")


def _before_topic(name: str) -> str:
    """The headed name before a topic or place its run went on to ("Kenya Space Agency on
    Earth Observation"); the name itself when none is."""
    for m in reversed(list(_TOPIC.finditer(name))):
        left = name[: m.start()]
        if head_kind(left) and len(left.split()) >= 2:
            return left
    return name


_ON = re.compile(r"\s+on\s+(?:the\s+)?[A-Z]")
_SECOND_PARTY = re.compile(r"\bbetween\s[^.;:]{3,160}\sand\s+(?:the\s+)?$")
# bodies named for what they deliberate on: "Committee on the Peaceful Uses of Outer Space"
_ON_HEADS = frozenset(
    ["committee", "commission", "forum", "council", "conference", "group", "panel",
     "subcommittee", "working", "symposium", "workshop", "convention", "treaty"]
)  # fmt: skip


def _before_on(name: str) -> str:
    """A body's name without the topic an agreement's title puts after it ("... between
    CNSA and the Space Agency of Ruritania on Cooperation in ..."): a headed name ends
    before "on" unless its word before "on" names a body that deliberates on something."""
    for m in _ON.finditer(name):
        left = name[: m.start()]
        if left.split()[-1].lower() in _ON_HEADS:
            return name
        if head_kind(left) and len(left.split()) >= 2:
            return left
    return name


def _before_craft(name: str) -> str:
    """A body's name without the craft or mission its run went on to ("the X Institute
    for Plasma Physics on the Y Probe"): a body named for what it works "on" names a
    topic, not a craft."""
    for m in _ON.finditer(name):
        left, right = name[: m.start()], name[m.end() - 1 :]
        crafted = head_kind(right) not in (None, ORG)
        if head_kind(left) is ORG and len(left.split()) >= 2 and crafted:
            return left
    return name


# "the CubeSat of the University of Nairobi": a craft of the body, whose name is the one
_CRAFT_OF = re.compile(
    r"(?:cube|nano|micro|small|pico)?-?sat(?:ellite)?s?\s+of\s+(?:the\s+)?(?=[A-Z])",
    re.IGNORECASE,
)
# "the dust analyser DXA of the German Aerospace Center": a short name of a thing, then
# whose it is; an all-capital word heads no name of an "of" body
_ACRONYM_OF = re.compile(r"(?:\S+\s+)*?[A-Z][A-Z0-9-]*[A-Z0-9]\s+of\s+(?:the\s+)?(?=[A-Z])")
_INSTRUMENT_OF = re.compile(
    rf"(?:\S+\s+)*?\S*?{INSTRUMENT_NAME.pattern.removesuffix('$')}"
    # (with what it senses: "the Compact Analyser for Neutral Atoms of the X Institute")
    r"(?:\s+for\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})?\s+of\s+(?:the\s+)?(?=[A-Z])",
    re.IGNORECASE,
)
