"""The payload frame of ``graph.cooperation_frames``: an instrument a partner owns, gives
or makes ("Sweden's ion analyser", "INFN provided a retroreflector", "was made at the
University of Graz") and that a mission carries, or that flies, works or is placed on or
aboard it ("carried by Chang'e-6", "measured radiation from the Chang'e-4 lander"). A mixin:
the reader it is mixed into finds the names, owners and missions under a token."""

from __future__ import annotations

import re

from spacy.tokens import Token

from graph.cooperation_words import (
    ABOARD,
    CARRYING,
    COMING,
    DATA,
    GIVING,
    HANDING,
    HOLDING,
    MAKING,
    OBSERVING,
    TRAVELLING,
)
from graph.instrument_series import edges, is_instrument, series_lead
from graph.line_kinds import BULLET
from graph.mission_pairing import previous_mission
from graph.model import Cooperation, EntityKind
from graph.prepositional_objects import objects_of

# a mission the sentence names by its kind only: "the mission", "the lander"
_THE_MISSION = re.compile(r"\bthe\s+(?:mission|probe|lander|orbiter|rover)\b", re.IGNORECASE)

_WITHDRAWN = re.compile(
    r"\b(?:withdrawn|cancelled|canceled|dropped|abandoned|not\s+part\s+of)\b", re.IGNORECASE
)


def _serves(thing: Token) -> bool:
    """Whether the thing gives a service rather than flies ("Chile's antennas provided
    tracking support to the probe"): the subject of a giving verb whose object is
    neither an instrument nor data."""
    verb = thing.head
    return (
        thing.dep_ == "nsubj"
        and verb.lemma_.lower() in GIVING
        and any(
            c.dep_ == "dobj" and not is_instrument(c) and c.lemma_.lower() not in DATA
            for c in verb.children
        )
    )


class PayloadFrames:
    """Payload cooperation: ``payloads`` and the owner and carrier it reads."""

    def payloads(self) -> list[Cooperation | None]:
        out: list[Cooperation | None] = []
        for thing in self.doc:
            carried = _carried_craft(thing)
            if not is_instrument(thing) and carried is None:
                continue
            if _serves(thing):
                continue
            owners = self._owners(thing) or self._givers(thing)
            if not owners:
                continue
            if carried is not None:
                # "Chang'e-6 carried X, a small satellite from Y, into lunar orbit": a
                # partner's craft a mission takes along is a payload of that mission
                missions = [
                    k
                    for k in self._carrier(carried)
                    if self.gazetteer.kind(k) is EntityKind.MISSION
                ]
                if len(missions) == 1:
                    out += [self._fact(p, "payloads", missions[0], thing.idx) for p in owners]
                continue
            missions = self._carrier(thing)
            if not missions and thing.dep_ == "dobj" and thing.head.lemma_.lower() in HOLDING:
                # "On Chang'e-10, Italy and Kenya each have an instrument", or a list's item
                # under "Chang'e-9 will carry six payloads": the one mission named there
                missions = self._one_mission_around()
            if (
                not missions
                and _THE_MISSION.search(self.sentence.text)
                # (a sentence that names a carrier the frame did not tie it to says more
                # than "the mission"; one that withdraws the thing says it did not fly)
                and not any(
                    m.kind in (EntityKind.MISSION, EntityKind.SPACECRAFT) for m in self.mentions
                )
                and not _WITHDRAWN.search(self.sentence.text)
            ):
                # "Russia's contribution to the mission, a dust analyser, was supplied by
                # IKI": the mission the text is about, named before or not at all
                missions = [previous_mission(self.sentence) or None]  # type: ignore[list-item]
            if len(missions) != 1:
                continue
            out += [self._fact(p, "payloads", missions[0], thing.idx) for p in owners]
        return out

    def _one_mission_around(self) -> list[str]:
        """The one mission the sentence names, or else the one its list's lead-in names
        (the line before a run of bulleted items, with a colon or not) or the sentence
        before that."""
        lead = self.sentence.lead_in
        if lead is None and BULLET.match(self.sentence.text):
            lead = self.sentence.previous
            while lead is not None and BULLET.match(lead.text):
                lead = lead.previous
        # ("For Chang'e-7 the payload side is crowded. From memory:" then the items)
        for sentence in (self.sentence, lead, lead.previous if lead is not None else None):
            if sentence is None:
                continue
            keys = {
                m.key for m in sentence.mentions if not m.nested and m.kind is EntityKind.MISSION
            }
            if keys:
                return sorted(keys) if len(keys) == 1 else []
        return []

    def _givers(self, thing: Token) -> list[str]:
        """Partners that hand the thing over, supply, place or make it: the subject of
        the verb it is the object of ("INFN provided a retroreflector"), or the agent of
        the passive it is the subject of ("was delivered by IKI")."""
        if thing.dep_ == "appos":
            thing = thing.head  # "X's contribution, a dust analyser, was supplied by IKI"
        verb = thing.head
        if thing.dep_ == "nsubj" and verb.lemma_.lower() == "belong":
            return self._objects_of(verb, "to")  # "a small camera, belongs to the ILOA"
        if thing.dep_ == "nsubj" and verb.lemma_.lower() in COMING:
            # "Instruments come from Chile, Peru and the University of Warsaw"
            return self._objects_of(verb, "from")
        holding = verb.lemma_.lower() in HOLDING and thing.dep_ == "dobj"
        if verb.lemma_.lower() not in HANDING and not holding:
            return []
        if thing.dep_ == "dobj":
            people = [c for c in verb.children if c.dep_ == "nsubj"]
            if verb.dep_ == "relcl" and any(p.lower_ in ("which", "that", "who") for p in people):
                people = [verb.head]  # "The Max Planck Institute, which built a telescope"
        elif thing.dep_ == "nsubjpass":
            people = [o for c in verb.children if c.dep_ == "agent" for o in c.children]
            if not people and verb.lemma_.lower() in MAKING:
                # "was made at the University of Graz for Chang'e-7": where it was made
                people = [
                    o
                    for c in verb.children
                    if c.dep_ == "prep" and c.lower_ in ("at", "in")
                    for o in c.children
                    if o.dep_ == "pobj"
                ]
        else:
            return []
        keys = [k for t in people for g in self._groups_at(t) for k in g.keys]
        return [k for k in dict.fromkeys(keys) if k not in self.gazetteer.domestic]

    def _objects_of(self, verb: Token, preposition: str) -> list[str]:
        """The foreign partners the verb's preposition governs ("belongs to X", "come
        from X and Y")."""
        objects = objects_of(verb, (preposition,))
        keys = [k for t in objects for g in self._groups_at(t) for k in g.keys]
        return [k for k in dict.fromkeys(keys) if k not in self.gazetteer.domestic]

    def _carrier(self, thing: Token) -> list[str]:
        """The mission that carries the thing, or that it flies on or aboard, or that
        it is handed over or placed on or for ("places a camera on the Chang'e-7 lander",
        "For the Chang'e-7 lander, X provided a retroreflector")."""
        lead = series_lead(thing)
        if lead.i != thing.i:  # "carrying X's cubesat, Y's instrument and Z's analyser"
            return self._carrier(lead)
        owned = any(c.dep_ == "poss" for c in thing.children)
        apposed = [
            k for k in self._missions_at(thing.head) if self.gazetteer.kind(k) is EntityKind.MISSION
        ]
        if thing.dep_ == "appos" and owned and apposed:
            # "Chang'e-6 lifted off carrying A's cubesat, B's instrument", the parser
            # making B's an apposition of the mission ("X, a detector" is X itself, and
            # so is a spacecraft's: "Light-1, our first CubeSat")
            return apposed
        found: list[str] = []
        own = [thing, *thing.conjuncts] if thing.dep_ != "conj" else [thing.head, thing]
        anchor = own[0]
        for prep in (c for t in own for c in t.children if c.dep_ == "prep"):
            # "the detector of CSES-02" is the mission's own, as "SMILE's main instrument"
            if prep.lower_ in ABOARD | {"for", "of"}:
                found += [k for o in prep.children for k in self._missions_at(o)]
        found += [k for c in anchor.children if c.dep_ == "poss" for k in self._missions_at(c)]
        if any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in anchor.children):
            earlier = previous_mission(self.sentence)  # "Its instruments come from X"
            found += [earlier] if earlier else []
        verb = anchor.head
        if anchor.dep_ in ("dobj", "nsubjpass") and verb.lemma_.lower() in HANDING | HOLDING:
            for prep in (c for c in verb.children if c.dep_ == "prep"):
                if prep.lower_ in ABOARD | {"for", "to"}:
                    found += [k for o in prep.children for k in self._missions_at(o)]
        if anchor.dep_ in ("dobj",) and verb.lemma_.lower() in CARRYING:
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            if not subjects and verb.dep_ in ("advcl", "xcomp", "acl", "conj", "relcl"):
                subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
                if verb.dep_ in ("acl", "relcl"):
                    subjects.append(verb.head)
            found += [k for s in subjects for k in self._missions_at(s)]
            if any(s.lower_ in ("it", "they") for s in subjects):
                earlier = previous_mission(self.sentence)  # "It carries a detector of X"
                found += [earlier] if earlier else []
        travels = verb.lemma_.lower() in TRAVELLING
        if anchor.dep_ in ("nsubj", "nsubjpass") and (travels or verb.lemma_.lower() == "be"):
            # "flew on Chang'e-4", "is due to fly on Chang'e-7"
            verbs = [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "acomp"))]
            verbs += [c for v in verbs[1:] for c in v.children if c.dep_ == "xcomp"]
            for prep in (c for v in verbs for c in v.children if c.dep_ == "prep"):
                if prep.lower_ in ABOARD:
                    found += [k for o in prep.children for k in self._missions_at(o)]
            travels = travels or any(v.lemma_.lower() in TRAVELLING for v in verbs)
        if anchor.dep_ == "nsubj" and verb.lemma_.lower() in OBSERVING:
            # "X's dosimeter measured radiation ... from the Chang'e-4 lander": where it
            # worked from is its carrier
            inside = {t.i for t in anchor.subtree}
            for prep in (t for t in verb.subtree if t.dep_ == "prep" and t.i not in inside):
                if prep.lower_ in ABOARD | {"from", "aboard"}:
                    found += [k for o in prep.children for k in self._missions_at(o)]
        carried = anchor.dep_ == "dobj" and verb.lemma_.lower() in CARRYING
        if not found and (carried or (travels and anchor.dep_ in ("nsubj", "nsubjpass"))):
            # the parser may hang the mission elsewhere ("Chang'e-4 lands ... carrying X"):
            # a sentence about a carrier that names one mission names the carrier
            # not the thing's own name ("the ICUBE-Q cubesat"), nor the craft it is carried
            # beside ("carrying NileSat-7 and a small cubesat": a rocket's two payloads)
            own = [edges(thing)] + (
                [(anchor.idx, anchor.idx + len(anchor))] if anchor != thing else []
            )
            named = {
                m.key
                for m in self.mentions
                if m.kind in (EntityKind.MISSION, EntityKind.SPACECRAFT)
                and not any(a <= m.start - self.sentence.start < b for a, b in own)
            }
            found = list(named) if len(named) == 1 else []
        return list(dict.fromkeys(found))


# small craft that a mission may take along as a payload of its own
_SMALL_CRAFT = frozenset(
    {"satellite", "microsatellite", "nanosatellite", "smallsat", "picosatellite", "probe"}
)


def _carried_craft(thing: Token) -> Token | None:
    """The object of a carrying verb that a small craft noun is or stands in apposition
    to ("carried NESAT, a small satellite from X"); None for any other word."""
    if thing.pos_ != "NOUN" or thing.lemma_.lower() not in _SMALL_CRAFT:
        return None
    anchor = thing.head if thing.dep_ == "appos" else thing
    if anchor.dep_ == "dobj" and anchor.head.lemma_.lower() in CARRYING:
        return anchor
    return None
