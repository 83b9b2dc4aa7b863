"""What a document's headings say about the sentences under them.

A heading sits at a depth (a part above its numbered sections, "2.3" below "2."), may
be about the future ("Planned missions", a year after the document's own), and may name
an area of cooperation, the one mission or the one partner its section is about; a
heading that is only a body's name is a masthead, about nothing. ``graph.reading``
asks these questions of every heading as it cuts a document into sentences; they are
kept here because they read a heading's words alone, not the document's flow.
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.gazetteer import Gazetteer
from graph.line_kinds import PAGE_MARK, undisclosed, unmarked
from graph.model import Document, EntityKind
from graph.name_forms import NAME_RUN, head_kind
from graph.recognise import Found, Recogniser

# the kinds of name a heading of a partner's name alone names
_PARTNERS = (EntityKind.COUNTRY, EntityKind.ORGANISATION)
_FUTURE_HEADING = re.compile(
    r"\bfuture\b|\bnext five years\b|\bupcoming\b|\bscheduled\b|"
    # "launch planned 2026"; but what "worked as planned" went the way it was meant to
    r"(?<!\bas\s)(?<!\bthan\s)(?<!\boriginally\s)\bplanned\b|"
    r"\bto\s+(?:fly|launch|be\s+launched)\b|\blooking\s+ahead\b|"
    # a verbless list line's own word for its time ("experiment, due to fly")
    r"\b(?:due|expected|set|slated)\s+(?:to|for)\b|\b(?:proposed|forthcoming)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_ROMAN = re.compile(r"^[IVX]+\.\s")
_NUMBERED = re.compile(r"^\d+\.\s")
_LETTERED = re.compile(r"^\(\d+\)\s")
_PART = re.compile(r"^(?:SECTION|PART|CHAPTER|Section|Part|Chapter)\s+(?:[A-Z]|\d+)\b")
_DOTTED = re.compile(r"^(?:[A-Z]|\d+)(?:\.\d+)+(?=\s)")
_MARKS = re.compile(r"#{1,6}(?=\s)|={2,6}")  # a markup's heading marks


def future_heading(heading: str, document: Document) -> bool:
    """A heading about what is to come: it says so, or every year it names is after the
    year the document was issued ("Chang'e-8 payloads (2028)" in a 2025 fact sheet)."""
    if _FUTURE_HEADING.search(heading):
        return True
    years = [int(y) for y in _YEAR.findall(heading)]
    issued = _YEAR.match(document.meta.issued or "")
    return bool(years and issued and min(years) > int(issued.group(0)))


# a section's launch line: "Launch: planned 2030, Long March 5", "Launch date: 2029"
_LAUNCH_LINE = re.compile(r"(?i)^\s*(?:planned\s+)?launch(?:\s+(?:date|window|year))?\s*:")


def launch_to_come(line: str, document: Document) -> bool:
    """Whether a line is a section's launch line, and the launch is still to come."""
    return _LAUNCH_LINE.match(line) is not None and future_heading(line, document)


def heading_level(heading: str) -> int:
    """How deep a heading sits: parts and sections above numbered headings, "A.1" or
    "2.3" below the "A" or "2." they subdivide; a markup's marks count their own depth
    ("##", "===")."""
    marks = _MARKS.match(heading)
    if marks:
        return len(marks.group(0)) - (0 if marks.group(0)[0] == "#" else 1)
    heading = unmarked(heading)
    if _ROMAN.match(heading) or _PART.match(heading) or PAGE_MARK.match(heading):
        return 1  # a page or slide mark: what it follows is over
    dotted = _DOTTED.match(heading)
    if dotted:
        return 2 + dotted.group(0).count(".")
    if _NUMBERED.match(heading):
        return 2
    if _LETTERED.match(heading) or REGION_HEADING.fullmatch(heading.strip()):
        return 3  # "Africa" under "ILRS partners by continent": a part of what is above
    return 2


# a heading that is only a world region's name divides the list above it by region
REGION_HEADING = re.compile(
    r"(?i)(?:the\s+)?(?:Africa|Asia|Europe|Oceania|Antarctica|(?:Latin|North|South|Central)\s+"
    r"America|(?:the\s+)?Americas|Middle\s+East|Asia[-\s]Pacific|Arab\s+States|Caribbean|"
    r"(?:Sub-Saharan|North|West|East|Southern)\s+Africa|(?:South|Southeast|Central|East|West)\s+"
    r"Asia|(?:Eastern|Western|Northern|Southern|Central)\s+Europe)(?:\s*\(\d+\))?:?"
)


def heading_area(heading: str, gazetteer: Gazetteer) -> str | None:
    """The area a heading names ("(4) Deep-space exploration"), if any."""
    low = heading.lower()
    for phrase, pattern, area in _heading_cues(gazetteer.area_cues + gazetteer.section_cues):
        if phrase in low and pattern.search(low):
            return area
    return None


@lru_cache(maxsize=8)
def _heading_cues(
    cues: tuple[tuple[str, str], ...],
) -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """Each cue phrase lower-cased, its pattern as a whole word and its area, longest
    phrase first: compiled once per gazetteer, not once per heading and phrase (a long
    document has hundreds of headings, the gazetteer nearly 200 phrases)."""
    return tuple(
        (phrase.lower(), re.compile(rf"(?<![\w&]){re.escape(phrase.lower())}(?![\w&])"), area)
        for phrase, area in sorted(cues, key=lambda c: -len(c[0]))
    )


def heading_partner(heading: str, at: int, inside: list[Found], gazetteer: Gazetteer) -> str | None:
    """The partner a heading names when its name is all the heading says ("Nigeria" over
    "- NigComSat-1R: built by CGWIC, launched from Xichang")."""
    names = [f for f in inside if not f.nested]
    if len(names) != 1 or names[0].kind not in _PARTNERS or names[0].key in gazetteer.domestic:
        return None
    rest = heading[: names[0].start - at] + heading[names[0].end - at :]
    # (with the mark of a section that opens and closes: "[−] Kenya", "▸ Peru")
    return names[0].key if not undisclosed(rest).strip(" :-\u2013\u2014") else None


# a paragraph that opens on a numbered label of its own: "(2) Chang'e-6. Launched in ..."
_LABEL_MARK = r"^\s*(?:\(\d{1,2}\)|\d{1,2}\.|[a-z]\))\s"
LABEL_OPENING = re.compile(_LABEL_MARK)
_LABEL = re.compile(_LABEL_MARK + r"\s*[^.\n]{1,60}\.\s*$")


def label_mission(text: str, at: int, inside: list[Found]) -> str | None:
    """The one mission a paragraph's numbered label names, when the label is all its
    first sentence (at clean offset ``at``) says ("(2) Chang'e-6.", "3. The Tianwen-1
    mission."): the mission the paragraph is about, as a heading's would be."""
    if not _LABEL.match(text):
        return None
    names = [f for f in inside if f.kind is EntityKind.MISSION and not f.nested]
    rest = text
    for f in names:
        rest = rest[: f.start - at] + " " * (f.end - f.start) + rest[f.end - at :]
    keys = {f.key for f in names}
    if len(keys) == 1 and not _LABEL_WORDS.sub("", rest).strip(" .()"):
        return keys.pop()
    return None


# what a label may say beside the mission's name
_LABEL_WORDS = re.compile(r"(?i)\d+|\b[a-z]\)|\b(?:the|mission|probe|programme|program|project)\b")


def heading_sides(inside: list[Found], gazetteer: Gazetteer) -> str | None:
    """The one foreign partner a heading names, whatever else it says ("A solid
    foundation for China-Pakistan space cooperation"): whom "the two sides" of the
    paragraphs under it are, when no sentence before has told."""
    keys = {
        f.key
        for f in inside
        if not f.nested and f.kind in _PARTNERS and f.key not in gazetteer.domestic
    }
    return keys.pop() if len(keys) == 1 else None


def heading_context(
    heading: str, at: int, inside: list[Found], recogniser: Recogniser
) -> tuple[str | None, str | None]:
    """The one mission a heading names and the area its other words name ("PAYLOADS ON
    THE CHINA SPACE STATION": the station, and payloads, not the "space station" of its
    name). A heading in capitals is read with its words capitalised."""
    names = [(f.start - at, f.end - at, f) for f in inside]
    if heading.isupper():
        found = recogniser.mentions(" ".join(w.capitalize() for w in heading.split(" ")))
        names = [(f.start, f.end, f) for f in found]
    masked = heading
    for s, e, _f in names:
        if 0 <= s < e <= len(masked):
            masked = masked[:s] + " " * (e - s) + masked[e:]
    area = heading_area(masked, recogniser.gazetteer)
    missions = {f.key for _s, _e, f in names if f.kind is EntityKind.MISSION and not f.nested}
    note = heading.find("(")
    if len(missions) > 1 and note > 0:
        # "CHANG'E-8 (around 2029; a test-bed for ILRS technologies)": the mission before
        # the heading's bracketed note is its subject; the note's names only describe it
        missions = {
            f.key
            for s, _e, f in names
            if s < note and f.kind is EntityKind.MISSION and not f.nested
        } or missions
    if not missions and area == "payloads":
        # "M2 | SVOM — payload contributions": a craft whose payloads the section lists
        # carries them as a mission does
        missions = {
            f.key for _s, _e, f in names if f.kind is EntityKind.SPACECRAFT and not f.nested
        }
    if area is None and not missions:
        # "SPACE STATION": a name the heading does not pair with one mission still names
        # its topic
        area = heading_area(heading, recogniser.gazetteer)
    return (missions.pop() if len(missions) == 1 else None), area


def names_a_body(heading: str) -> bool:
    """Whether a heading is only a body's name (a publisher's masthead): its words name
    who wrote the page, not what its sections are about."""
    return head_kind(heading) is EntityKind.ORGANISATION and NAME_RUN.fullmatch(heading) is not None


def subtitles(heading: str, inside: list[Found], above_mission: str | None) -> bool:
    """Whether a heading set right under a mission's heading, with no text between, is
    its subtitle ("1  CHANG'E-6 | sample return" over "Foreign payloads (all flown)"):
    it has no number or mark of its own and names no mission, so what it heads is still
    that mission's."""
    if above_mission is None or any(
        f.kind in (EntityKind.MISSION, EntityKind.SPACECRAFT) for f in inside
    ):
        return False
    bare = unmarked(heading)
    return (
        bare == heading
        and not any(
            p.match(heading) for p in (_ROMAN, _PART, _DOTTED, _NUMBERED, _LETTERED, PAGE_MARK)
        )
        and not re.match(r"\(?[\dA-Z]{1,2}[.)]?\s", heading)
    )


def heading_depth(
    level: int,
    right_under: bool,
    headings: list[tuple[int, str]],
    heading: str,
    inside: list[Found],
    missions: dict[str, str | None],
) -> int:
    """The depth of a heading: one below the mission's heading it is set right under
    (``right_under``: no text between) when it is that heading's subtitle, so the list
    items under the subtitle keep the mission."""
    if right_under and headings and subtitles(heading, inside, missions.get(headings[-1][1])):
        return max(level, headings[-1][0] + 1)
    return level
