"""Facts from the rows of a plain-text table.

Each data row states one fact per partner in it; the header says which cell names the
partner, the spacecraft or mission, the date and the kind of agreement, and the
caption with the row's own words says what was done ("launched for", "delivered",
"memoranda of understanding", "payloads"). A table with no partner column takes the
partners named anywhere in the row.
"""

from __future__ import annotations

import re

from graph.agreement_nouns import agreement_kind
from graph.area_cues import area_cues
from graph.chinese_side import names_chinese_side
from graph.craft_cell_work import work_in_craft_cells
from graph.dates import date_in
from graph.gazetteer import Gazetteer
from graph.launch_context import CHINESE_LAUNCH
from graph.model import (
    Agreement,
    Cooperation,
    EntityKind,
    Fact,
    GroundStation,
    SpacecraftActivity,
    Status,
)
from graph.reading import Sentence
from graph.relations_totals import figures
from graph.tables import TableRow, decode

_ACTIVITY = [
    ("delivered", re.compile(r"\bdeliver\w*|\bhand\w*\s+over|\bin-orbit\s+delivery", re.I)),
    ("jointly-developed", re.compile(r"\bjoint(?:ly)?\b|\bco-?develop\w*", re.I)),
    # a rideshare is a launch, as a piggyback ride is
    ("launched", re.compile(r"\blaunch\w*|\bride-?shar\w*|\bpiggyback\w*", re.I)),
    (
        "built",
        re.compile(
            r"\bbuil[dt]\w*|\bdevelop\w*|\bmanufactur\w*|\bexport\w*|\bunder\s+construction|"
            r"\bin\s+(?:production|manufacture)",
            re.I,
        ),
    ),
]
_STATION = re.compile(r"\b(?:ground|receiving|tracking|TT&C|gateway|data)\s+stations?\b", re.I)
_STATION_LABEL = re.compile(r"(?i)(?:^|[\W_])(?:station|antenna)s?(?:$|[\W_])")
_PLANNED = re.compile(
    r"\b(?:planned|plans?|will|scheduled|expected|proposed|future|TBD|under\s+construction|"
    r"in\s+(?:production|manufacture))\b",
    re.I,
)
_UNDER_WAY = re.compile(r"\b(?:being\s+)?(?:building|developing|manufacturing)\b", re.I)
_ISO = re.compile(r"\b((?:19|20)\d{2})(?:-(\d{2})(?:-(\d{2}))?)?\b")
_PARTNERS = (EntityKind.COUNTRY, EntityKind.ORGANISATION)
_CRAFTS = (EntityKind.SPACECRAFT, EntityKind.MISSION)


def _cell_date(text: str, issued: str) -> str | None:
    """A date cell as precise as written: "2024-05-30", "May 2024", "2019"."""
    value, _span = date_in(f"on {text}" if re.match(r"[A-Z][a-z]+ \d", text) else text, issued)
    if value:
        return value
    found = _ISO.search(text)
    return found.group(0) if found else None


def activities_in(text: str) -> list[str]:
    """Every activity a cell names ("built, launched, in-orbit delivery") but what it
    says others did ("launched only (built by Thales Alenia Space)")."""
    return _named_activities(_OTHERS_WORK.sub(" ", text))


# a cell's "built by X" with X a name other than China's ("by the Long March 3B", with its
# article, is how a launch is told, and stays)
_OTHERS_WORK = re.compile(
    r"\b\w+\s+by\s+(?!China\b|Chinese\b|the\s+Chinese\b)[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*"
    # "(satellite built by others)", "built by the customer": not by the one who lists it
    r"|\b\w+\s+by\s+(?:others|other\s+\w+|third\s+parties|the\s+customers?)\b"
    # "(Turkish-built)", "Airbus-made": work a name before the hyphen did
    r"|\b(?!China\b|Chinese\b)[A-Z][\w&.]*-(?:built|made|developed|designed)\b"
)


def _named_activities(text: str) -> list[str]:
    """Every activity the words name; "jointly developed" is not also "built"."""
    found = [a for a, p in _ACTIVITY if p.search(text)]
    if "jointly-developed" in found and "built" in found:
        found.remove("built")
    return found


def extract(sentence: Sentence, gazetteer: Gazetteer) -> list[Fact]:
    """The facts one table row states, with the row as evidence."""
    row = sentence.table
    if row is None:
        return []
    text = sentence.text

    def cells_of(kind: str) -> list[tuple[int, int]]:
        return [c for c, k in zip(row.cells, row.columns, strict=False) if k == kind]

    def mentions(spans: list[tuple[int, int]], kinds: tuple[EntityKind, ...]) -> list[str]:
        keys = [
            m.key
            for m in sentence.mentions
            if not m.nested
            and m.kind in kinds
            and any(a <= m.start - sentence.start < b for a, b in spans)
        ]
        return list(dict.fromkeys(k for k in keys if k not in gazetteer.domestic))

    everywhere = [(0, len(text))]
    partners = mentions(cells_of("partner") or everywhere, _PARTNERS)
    # "Roscosmos (Russia)", or a customer's cell beside its country's: a body named in a
    # partner cell is the party, a country only says where it is
    bodies = mentions(cells_of("partner"), (EntityKind.ORGANISATION,))
    if bodies:
        partners = [p for p in partners if p in bodies]
    # "Project | Lead institution | Field" under a caption naming the mission they fly on:
    # the projects' code names are experiments on it, no spacecraft; with no such caption
    # ("project | partner | China's role") the projects are the craft themselves
    titled = [k for k in row.named if gazetteer.kind(k) in _CRAFTS]
    projects = cells_of("project") if not cells_of("craft") else []
    if projects and titled:
        crafts = []
    else:
        crafts = mentions(cells_of("craft") or projects or everywhere, _CRAFTS)
    voice = sentence.voice if sentence.voice not in gazetteer.domestic else None
    chinese_named = any(m.key in gazetteer.domestic for m in sentence.mentions) or any(
        k in gazetteer.domestic for k in row.named
    )
    if voice is not None and not partners and chinese_named:
        partners = [voice]  # "CNSA (China) | MoU | 2021" in a partner agency's own report
    elif voice is not None and not chinese_named:
        return []  # a partner agency's table of its work with others, China not named
    if not partners and crafts and not cells_of("partner"):
        # "Seven Pakistani satellites have been launched from China, as below:" over rows
        # of crafts alone: the one partner the caption names is each row's
        captioned = {
            k for k in row.named if gazetteer.kind(k) in _PARTNERS and k not in gazetteer.domestic
        }
        partners = list(captioned) if len(captioned) == 1 else []
    if not partners:
        # "| Foreign partner institutions | 7 |": a table of key figures
        return list(figures(sentence)) if len(row.cells) == 2 else []
    said = " ".join(
        decode(_chinese_work(sentence, [cell], gazetteer), row.legend)
        for cell in cells_of("activity") + cells_of("agreement")
    )
    context = f"{row.caption} {said}"
    dates = cells_of("date")
    issued = sentence.doc.meta.issued or ""
    later = any(
        (d := _cell_date(text[a:b], issued)) and issued and d[:4] > issued[:4] for a, b in dates
    )  # "Launch: 2027" in a report of 2025: still to come
    planned = later or _PLANNED.search(f"{context} {text}")
    status = Status.PLANNED if planned else Status.ACHIEVED
    when = _cell_date(text[dates[0][0] : dates[0][1]], sentence.doc.meta.issued) if dates else None
    evidence = (sentence.evidence(),)
    row_fact = {"evidence": evidence, "status": status, "method": "table-row"}
    agreement_cells = " ".join(text[a:b] for a, b in cells_of("agreement"))
    # (with no column for it, the row's own words say what kind it is before the caption:
    # "2019-04-22,CNSA,Bolivian Space Agency,Bolivia,memorandum of understanding")
    kind = agreement_kind(agreement_cells) or (
        None
        if crafts
        else agreement_kind(said)
        or (None if cells_of("agreement") else agreement_kind(text))
        or agreement_kind(row.caption)
    )
    if kind and _UNSIGNED.search(text):
        return []  # "pending ... letter of intent ... not signed as of 2025"
    if kind:
        chinese = [
            m.key
            for m in sentence.mentions
            if not m.nested
            and m.key in gazetteer.domestic
            and m.key != "china"
            and m.kind is EntityKind.ORGANISATION
        ] or _chinese_body(row.named, gazetteer)  # "Documents ... signed by CNSA"
        parties = tuple(sorted({*(chinese or ["china"]), *partners}))
        # "space cooperation 2021-2030": the period the document covers, outside the date
        undated = " ".join(text[a:b] for a, b in row.cells if (a, b) not in dates)
        period = _PERIOD.search(undated)
        years = (int(period.group(1)), int(period.group(2))) if period else (None, None)
        return [
            Agreement(
                **row_fact,
                parties=parties,
                agreement_kind=kind,
                signed_on=when,
                valid_from=years[0],
                valid_until=years[1],
            )
        ]
    facts: list[Fact] = []
    # (a header that names its rows stations, "station_id,station,country", says so too)
    listed_stations = any(_STATION_LABEL.search(label) for label in row.labels)
    if (
        listed_stations
        or _STATION.search(f"{row.caption} {said}")
        or (_STATION.search(text) and not crafts)
    ):
        # a table of ground stations: one per partner
        return [GroundStation(**row_fact, partner=p) for p in partners]
    # "none (Soyuz from Plesetsk)": a role cell that says China did nothing
    if cells_of("activity") and _NONE.match(said):
        return facts
    activities, role = activities_in(said), said
    if not activities:
        # "SahelSat-1 | Mali Space Office | 2026 | Built by CAST; launched from Jiuquan": a
        # table with no column for China's role (or only a "Status" one that names none)
        # says it in a column of its own ("China's part"), and its caption may name one
        # more ("In-orbit delivery programmes")
        notes = [c for c, k in zip(row.cells, row.columns, strict=False) if not k]
        role = _chinese_work(sentence, notes, gazetteer)
        activities = _named_activities(role)
        activities += [a for a in activities_in(row.caption) if a not in activities]
        # "MisrSat-9 built and launched by China" in the craft's own cell
        told = work_in_craft_cells(sentence, list(row.cells), gazetteer)
        activities += [a for a in _named_activities(told) if a not in activities]
    if _UNDER_WAY.search(role):
        row_fact["status"] = Status.PLANNED  # "building": the work is under way, not done
    # "In-orbit delivery: --": a column named for a step that the row leaves empty
    undone = {
        a
        for (start, end), label in zip(row.cells, row.labels, strict=False)
        if _EMPTY.fullmatch(text[start:end])
        for a in activities_in(label)
    }
    activities = [a for a in activities if a not in undone]
    if not cells_of("activity") and "launched" not in activities and _on_chinese_rocket(row, text):
        activities.append("launched")  # "Rocket: Long March 3B", with no column for the role
    if not _built_by_china(sentence, cells_of("builder"), gazetteer):
        # "Palapa-D | Indonesia | Thales Alenia Space": China launched what others built
        activities = [a for a in activities if a not in ("built", "jointly-developed")]
    elif _named_builder(sentence, cells_of("builder")) and not {
        "built",
        "jointly-developed",
    } & set(activities):
        # "NigComSat-1 | Nigeria | China Academy of Space Technology" under "Built by":
        # the Chinese builder a row names built it
        activities.append("built")
    spacecraft = [c for c in crafts if gazetteer.kind(c) is EntityKind.SPACECRAFT]
    if activities and spacecraft:
        for craft, activity in ((c, a) for c in spacecraft for a in activities):
            for partner in partners:
                facts.append(
                    SpacecraftActivity(
                        **row_fact, activity=activity, partner=partner, spacecraft=craft
                    )
                )
        # "CBERS-04A | Brazil | Earth observation | jointly developed": a field column
        # says the row's cooperation too, on its craft
        fields = cells_of("area")
        if fields and len(spacecraft) == 1 and (areas := _areas(sentence, gazetteer, fields)):
            facts += [
                Cooperation(**row_fact, partner=p, area=a, mission=spacecraft[0])
                for a in areas
                for p in partners
            ]
        return facts
    fields = cells_of("area")
    areas = _areas(sentence, gazetteer, fields)
    if not areas and re.search(r"payload|instrument", context, re.I):
        areas = ["payloads"]
    # a row that names no mission is about the one its caption names ("SMILE carries
    # four instruments:")
    mission = crafts[0] if len(crafts) == 1 else (titled[0] if len(titled) == 1 else None)
    if not areas and mission in gazetteer.default_areas:
        areas = [gazetteer.default_areas[mission]]
    for area in areas:
        for partner in partners:
            facts.append(Cooperation(**row_fact, partner=partner, area=area, mission=mission))
    return facts


def _areas(sentence: Sentence, gazetteer: Gazetteer, fields: list[tuple[int, int]]) -> list[str]:
    """The areas a row's field cells name, capitalised or not ("Astronomy"); with no field
    column, those its lower-case words name."""
    return list(
        dict.fromkeys(
            c.area
            for c in area_cues(sentence, gazetteer)
            if any(a <= c.start < b for a, b in fields) or (not fields and not c.titled)
        )
    )


_NONE = re.compile(r"\s*(?:none|n/?a|nil)\b", re.IGNORECASE)
_EMPTY = re.compile(r"-{1,3}|\u2013|\u2014|n/?a|none|\u2026|\.{3}", re.IGNORECASE)
_PERIOD = re.compile(r"\b((?:19|20)\d\d)\s*(?:-|\u2013|to)\s*((?:19|20)\d\d)\b")
_UNSIGNED = re.compile(
    r"\bnot\s+(?:yet\s+)?signed\b|\bunsigned\b|^pending\b|\bnone\s+(?:yet\s+)?signed\b",
    re.IGNORECASE,
)


def _on_chinese_rocket(row: TableRow, text: str) -> bool:
    """Whether the row's rocket or launch-site cell names a Chinese one."""
    return any(
        _VEHICLE.search(label) and CHINESE_LAUNCH.search(text[a:b])
        for (a, b), label in zip(row.cells, row.labels, strict=False)
    )


_VEHICLE = re.compile(r"rocket|launcher|vehicle|launch\s+site|\bsite\b", re.IGNORECASE)


def _chinese_work(sentence: Sentence, spans: list[tuple[int, int]], gazetteer: Gazetteer) -> str:
    """The words of the cells at ``spans`` but for work done by others ("built by
    Airbus"): what was done "by" someone is China's only when that someone is."""
    text = sentence.text
    kept = []
    for a, b in spans:
        cell = text[a:b]
        for m in reversed(list(_BY_NAME.finditer(cell))):
            doer = 1 if m.group(1) else 2
            if not names_chinese_side(sentence, gazetteer, a + m.start(doer), a + m.end(doer)):
                cell = cell[: m.start()] + " " + cell[m.end() :]
        kept.append(cell)
    return " ; ".join(kept)


# "built by Airbus", "launched by the Chinese side": the worker a phrase names; or a
# clause's doer, "launched; Airbus built it" (not an adverb: "Jointly developed")
_BY_NAME = re.compile(
    r"\b\w+\s+by\s+(?:the\s+)?([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)"
    r"|(?<![\w-])([A-Z][\w&.-]*(?:\s+(?:(?:of|for|and|the)\s+)?[A-Z][\w&.-]*)*)(?<!ly)"
    r"\s+(?:built|made|developed|designed|manufactured)(?:\s+(?:it|them))?\b"
)


def _chinese_body(named: tuple[str, ...], gazetteer: Gazetteer) -> list[str]:
    """The one Chinese body a table's caption names as the signer of its rows."""
    keys = {
        k
        for k in named
        if k in gazetteer.domestic
        and k != "china"
        and gazetteer.entities[k].kind is EntityKind.ORGANISATION
    }
    return sorted(keys) if len(keys) == 1 else []


def _named_builder(sentence: Sentence, builders: list[tuple[int, int]]) -> bool:
    """Whether the row's "Built by" cell names someone (not "-" or empty)."""
    text = " ".join(sentence.text[a:b] for a, b in builders).strip()
    return bool(re.search(r"[A-Za-z]{2}", text)) and not _EMPTY.fullmatch(text)


def _built_by_china(
    sentence: Sentence, builders: list[tuple[int, int]], gazetteer: Gazetteer
) -> bool:
    """Whether the row's "Built by" cell (if it has one with text) names a Chinese side."""
    text = " ".join(sentence.text[a:b] for a, b in builders).strip()
    if not text or text in ("-", "\u2014", "\u2013"):
        return True
    return any(names_chinese_side(sentence, gazetteer, a, b) for a, b in builders)
