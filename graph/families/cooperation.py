"""Cooperation: one partner's cooperation with China in one area, optionally on a mission."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from rdflib import URIRef
from rdflib.term import Node

from graph import (
    area_items,
    astronaut_frames,
    cooperation_frames,
    data_frames,
    relations_cooperation,
    sample_frames,
)
from graph.carried_lists import colon_payloads
from graph.editors_notes import editors_note
from graph.families.base import Family, Reading, name, ref
from graph.gazetteer import Gazetteer
from graph.grammar import own_statement_start
from graph.joined_after import joined_after, remember_joined
from graph.joined_relative import joined_in_relative
from graph.model import Cooperation, Entity, EntityKind, SpacecraftActivity
from graph.reading import Sentence
from graph.vocab import CSK, area_iri


def properties(fact: Cooperation, entities: Mapping[str, Entity]) -> list[tuple[URIRef, Node]]:
    out: list[tuple[URIRef, Node]] = [
        (CSK.partner, ref(fact.partner, entities)),
        (CSK.area, URIRef(area_iri(fact.area))),
    ]
    if fact.mission:
        out.append((CSK.mission, ref(fact.mission, entities)))
    return out


def label(fact: Cooperation, entities: Mapping[str, Entity]) -> str:
    on = f" on {name(fact.mission, entities)}" if fact.mission else ""
    return f"Cooperation with {name(fact.partner, entities)}: {fact.area.replace('-', ' ')}{on}"


def read(sentence: Sentence, reading: Reading) -> list[Cooperation]:
    """Cooperation the sentence states, leaving out the partners that spacecraft
    activities and ground stations of the same sentence already took; an editor's note
    ("(Adds details of X's rover in paragraphs 8-9)") states none."""
    if editors_note(sentence.text):
        return []
    facts = relations_cooperation.extract(
        sentence, reading.groups, reading.gazetteer, reading.parties
    ) + cooperation_frames.extract(sentence, reading.groups, reading.gazetteer)
    facts += sample_frames.extract(sentence, reading.groups, reading.gazetteer)
    facts += data_frames.extract(sentence, reading.groups, reading.gazetteer)
    crew = astronaut_frames.extract(sentence, reading.groups, reading.gazetteer, reading.parties)
    flying = astronaut_frames.crew_partners(sentence, crew)
    facts = [f for f in facts if not (f.area == "payloads" and f.partner in flying)] + crew
    facts += area_items.extract(sentence, reading.groups, reading.gazetteer)
    area_items.remember_cooperating(sentence, reading.groups)
    facts += colon_payloads(sentence, reading.groups)
    facts += joined_after(sentence, reading.groups, reading.gazetteer, {f.partner for f in facts})
    # "Ghana, which joined the ILRS in 2030, will host ...": the joining in a relative clause
    facts += joined_in_relative(sentence, reading.groups, reading.gazetteer)
    # people trained and data shared are more than the satellite or station built with
    # the same partner ("a station built with Belarusian engineers, who were trained in
    # China"): those frames' facts stay
    # a partner that is itself the subject of cooperating ("Algeria, for which China
    # built Alcomsat-1, has cooperated with China on training") says more than the build
    acting = {
        k
        for g in reading.groups
        if (g.role in ("agent", "subject") and g.governor in _COOPERATING)
        # "China and Laos jointly operate it": China's co-subject in joint work
        or (
            g.role == "subject"
            and g.governor in _RUNNING
            and _JOINTLY.search(sentence.text) is not None
        )
        for k in g.keys
    }
    busy = (reading.busy | _owners_of_busy_crafts(sentence, reading)) - acting
    apart = _said_again_apart(sentence, reading)
    built = reading.crafts
    # "Bangladesh — Bangabandhu-1 was built by Thales Alenia Space": a fact-sheet line
    # about a spacecraft others made says nothing of cooperation
    others = sentence.notes.get("made_by_others", set())
    # a partner's craft carried by a Chinese mission ("Chang'e-6 carried Pakistan's
    # ICUBE-Q cubesat") is a payload on that mission, beside the craft's own launch
    crafts = {
        f.partner
        for f in reading.found
        if isinstance(f, SpacecraftActivity) and f.spacecraft and f.activity == "launched"
    }
    kept = [
        f
        for f in facts
        if (
            f.partner not in busy
            # (not the craft of the first statement again, nor its building)
            or (f.partner in apart and f.area not in ("satellite-development", "payloads"))
            or f.area in _BEYOND_HARDWARE
            or _carried(f, crafts, reading.gazetteer)
        )
        and not (f.method == "cooperation-list-item" and f.mission in others)
    ]
    # ... and its mission is not the craft the first statement was about
    # (unless the later statement points back to it: "and Laos operates it")
    if not _POINTS_BACK.search(sentence.text, max(apart.values(), default=0)):
        kept = [
            replace(f, mission=None) if f.partner in apart and f.mission in built else f
            for f in kept
        ]
    remember_joined(sentence, reading.groups, kept, reading.gazetteer)
    return kept


def _said_again_apart(sentence: Sentence, reading: Reading) -> dict[str, int]:
    """Partners named again in a later statement of the sentence, one with a subject of
    its own ("TKSAT-1 was built by CGWIC for ABE, and CGWIC has worked with ABE on
    satellite communications ever since"): what that statement says of them is more than
    the craft the first one was about. Each with where its statement begins."""
    text = sentence.text
    out: dict[str, int] = {}
    for later in reading.groups:
        begins = own_statement_start(text, later.start)
        if begins and any(
            earlier.end <= begins and set(earlier.keys) & set(later.keys)
            for earlier in reading.groups
        ):
            out |= dict.fromkeys(later.keys, begins)
    return out


_POINTS_BACK = re.compile(r"\b(?:it|its|them|their|the\s+(?:satellite|spacecraft|probe))\b")


def _owners_of_busy_crafts(sentence: Sentence, reading: Reading) -> frozenset[str]:
    """The owner of a craft a spacecraft activity of the sentence is about ("Pakistan's
    ICUBE-Q, a cubesat jointly developed by X and Y"): the craft is the fact, not a
    cooperation of its owner's."""
    crafts = reading.crafts
    named = [
        (m.start - sentence.start, m.end - sentence.start)
        for m in sentence.mentions
        if m.key in crafts
    ]
    text = sentence.text
    return frozenset(
        k
        for g in reading.groups
        if g.role == "owner"
        and any(
            _POSSESSIVE.fullmatch(text[g.end : start])
            # "ETRSS-1, Ethiopia's first satellite,": the owner in the craft's apposition
            or re.fullmatch(r",\s*", text[end : g.start])
            for start, end in named
        )
        for k in g.keys
    )


_POSSESSIVE = re.compile(r"['\u2019]s?\s+(?:the\s+)?")


def _carried(fact: Cooperation, launched_for: set[str], gazetteer: Gazetteer) -> bool:
    carrier = gazetteer.entities.get(fact.mission or "")
    return (
        fact.area == "payloads"
        and fact.partner in launched_for
        and carrier is not None
        and carrier.kind == EntityKind.MISSION
    )


_BEYOND_HARDWARE = frozenset({"training-and-education", "data-exchange"})
_COOPERATING = frozenset({"cooperate", "collaborate", "work", "partner"})
_RUNNING = frozenset({"operate", "run", "manage", "use", "control", "maintain"})
_JOINTLY = re.compile(r"\b(?:jointly|together)\b")


FAMILY = Family(
    name="cooperation",
    fact_type=Cooperation,
    rdf_class=CSK.Cooperation,
    properties=properties,
    label=label,
    entity_fields=("partner", "mission"),
    read=read,
    method="cooperation-syntax",
)
