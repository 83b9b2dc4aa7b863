"""Spacecraft stated by records of labelled fields: a register of space objects or a
satellite database's entry ("Name of space object: PRSS-2", "Launch vehicle: Long March
2C", "Owner/operator: SUPARCO"), whose lines are not sentences. A record that names one
spacecraft and a foreign owner, operator or customer states a launch for that owner when
its launch fields name a Chinese rocket or launch site, and a build for it when its
manufacturer is China's side. A record with no foreign owner, or launched by others, is
no fact of China's cooperation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from graph.gazetteer import Gazetteer
from graph.launch_context import CHINESE_LAUNCH
from graph.model import Document, EntityKind, Evidence, SpacecraftActivity, Status
from graph.normalise import CleanText
from graph.recognise import Found
from graph.record_fields import Field, Record
from graph.relations_table import activities_in

_NAME_LABELS = frozenset(
    {"name", "object", "satellite", "spacecraft", "designation", "designator", "payload"}
)
_OWNER_LABELS = frozenset(
    {"owner", "operator", "owner/operator", "customer", "client", "user", "registry", "for"}
)
_MAKER_LABELS = frozenset(
    {"manufacturer", "contractor", "builder", "bus", "built by", "maker", "prime"}
)
# the field that says what China's side did ("Chinese role: built, launched")
_ROLE = re.compile(r"\b(?:role|services?|contribution|cooperation)\b")
_NATION_LABELS = frozenset({"nation", "country", "state"})
# the fields that say how and where it went up
_LAUNCH_WORDS = re.compile(r"\b(?:launch\w*|vehicle|rocket|site|carrier)\b")
_NOT_LAUNCHED = re.compile(
    r"\b(?:planned|scheduled|to\s+be\s+launched|expected|proposed|not\s+(?:yet\s+)?launched|"
    r"cancelled|canceled|withdrawn|failed\s+to\s+reach\s+orbit)\b",
    re.IGNORECASE,
)
_CRAFTS = (EntityKind.SPACECRAFT, EntityKind.MISSION)
_PARTNERS = (EntityKind.COUNTRY, EntityKind.ORGANISATION)


def activities(
    document: Document,
    clean: CleanText,
    record: Record,
    found: Sequence[Found],
    gazetteer: Gazetteer,
) -> list[SpacecraftActivity]:
    """The launches and builds one record of a space object states."""
    named = record.first(_NAME_LABELS) or record.title
    crafts = _named(named, found, _CRAFTS) if named else []
    if len(crafts) != 1:
        return []  # a record of one object names it once
    said = [a for f in record.fields if _ROLE.search(f.label) for a in activities_in(f.value)]
    # who China worked for: a joint development's other party, named by the role or the
    # prime contractor; else the country the record is of (its customer); else the owner
    # or operator the record names (a nation's agency runs what it bought)
    joint = [
        key
        for f in record.fields
        if _ROLE.search(f.label) or f.label in _MAKER_LABELS
        for key in _named(f, found, _PARTNERS)
        if key not in gazetteer.domestic
    ]
    owners = (
        (joint if "jointly-developed" in said else [])
        or _foreign(record, found, gazetteer, _NATION_LABELS)
        or _foreign(record, found, gazetteer, _OWNER_LABELS)
    )
    if not owners:
        return []
    launch_fields = [f for f in record.fields if _LAUNCH_WORDS.search(f.label)]
    launched = any(CHINESE_LAUNCH.search(f.value) for f in launch_fields)
    maker = record.first(_MAKER_LABELS)
    built = maker is not None and any(
        key in gazetteer.domestic for key in _named(maker, found, _PARTNERS)
    )
    pending = any(_NOT_LAUNCHED.search(f.value) for f in record.fields)
    status = Status.PLANNED if pending else Status.ACHIEVED
    # the evidence opens with the name: the title line, where that is what names it
    begin = named.start if named is record.title else record.start
    raw_start, raw_end = clean.to_raw(begin, record.end)
    evidence = (Evidence(document.id, raw_start, raw_end, document.text[raw_start:raw_end]),)
    activities = [a for a, said in (("launched", launched), ("built", built)) if said]
    # "Chinese role: built, launched", "jointly developed, to be launched": the record's
    # own word for China's part, where it has one
    if said:
        activities = list(dict.fromkeys(said))
    # a record of a name the corpus classes as a mission describes the craft by that name
    # (an activity's craft is a spacecraft, as the shapes require)
    craft = gazetteer.entities[crafts[0]]
    named_craft = craft.kind is EntityKind.SPACECRAFT
    return [
        SpacecraftActivity(
            evidence=evidence,
            status=status,
            activity=activity,
            partner=owner,
            spacecraft=craft.key if named_craft else None,
            description=None if named_craft else craft.label,
        )
        for activity in activities
        for owner in dict.fromkeys(owners)
    ]


def _foreign(
    record: Record, found: Sequence[Found], gazetteer: Gazetteer, labels: frozenset[str]
) -> list[str]:
    """The foreign partners named in the fields whose label (or its last word) is one
    of ``labels``."""
    return [
        key
        for f in record.fields
        if f.label in labels or f.label.split()[-1] in labels
        for key in _named(f, found, _PARTNERS)
        if key not in gazetteer.domestic
    ]


def _named(field: Field, found: Sequence[Found], kinds: tuple[EntityKind, ...]) -> list[str]:
    """The keys of the names of ``kinds`` in a field's value, in order."""
    return list(
        dict.fromkeys(
            f.key
            for f in found
            if field.value_start <= f.start
            and f.end <= field.end
            and not f.nested
            and f.kind in kinds
        )
    )
