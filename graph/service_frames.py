"""The service frame of ``graph.cooperation_frames``: a service that China gives a
partner, or that a partner receives from China, is cooperation in the service's own area.

"CNSA will provide tracking support to the Kenya Space Agency", "China offered launch
services to the Philippines", "China provided Nepal with remote-sensing training",
"Mongolia received satellite communications assistance from CAST". Who gives is China
(the subject, or the agent of a passive); who receives is named after "to" or "for", as
the indirect object, or as the subject of a receiving verb with "from" China. The area
is what the service's own phrase names ("tracking support": TT&C), never a cue elsewhere
in the sentence, so a service with no area words gives nothing. Data and samples belong
to the data frame, people trained to the training frame. A mixin: the reader it is
mixed into finds names, China and missions under a token.

The frame also reads the other direction: a partner, or an asset it owns, serves a
Chinese mission ("the Argentine agency's antennas provided tracking support to the
probe", "ESA offered relay services for Chang'e-7"). The partner is the subject (or owns
it), the receiver names the mission or stands for the one mission the sentence before
names ("the mission", "the probe"), and the area is again the service's own.
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.area_cues import area_cues
from graph.cooperation_words import DATA, GIVING, PEOPLE, SAMPLES
from graph.model import Cooperation, EntityKind
from graph.prepositional_objects import objects_of
from graph.reading import Sentence

# verbs that hand a service over, beside those that give data
_GIVING = GIVING | frozenset({"extend", "grant", "render", "lend"})
_RECEIVING = frozenset({"receive", "obtain", "get", "gain"})
_RECIPIENT_PREPOSITIONS = frozenset({"to", "for"})
_DATIVE_OR_PREP = ("prep", "dative")  # "gave to X" parses "to" as a dative too
# what a mission is called when the sentence before named it: "the mission", "the probe"
_CRAFT_WORDS = frozenset({"mission", "probe", "spacecraft", "lander", "orbiter", "rover"})


class ServiceFrames:
    """Service cooperation: ``services`` and the giver, service and receiver it reads."""

    def services(self) -> list[Cooperation | None]:
        out: list[Cooperation | None] = []
        cues = None  # read once, and only for a sentence with a service in it
        for verb in self.doc:
            lemma = verb.lemma_.lower()
            if verb.pos_ != "VERB" or lemma not in _GIVING | _RECEIVING:
                continue
            found = self._given(verb) if lemma in _GIVING else self._received(verb)
            served = self._served(verb) if found is None and lemma in _GIVING else None
            if served is not None:
                found = served[:2]
            if found is None:
                continue
            if cues is None:
                cues = [c for c in area_cues(self.sentence, self.gazetteer) if not c.titled]
            service, partners = found
            left, right = _span(service)
            areas = list(dict.fromkeys(c.area for c in cues if left <= c.start < right))
            if not areas or not partners:
                continue
            mission = served[2] if served is not None else self._named_in(service)
            for partner in dict.fromkeys(partners):
                out += [self._fact(partner, area, mission, verb.idx) for area in areas]
        return out

    def _given(self, verb: Token) -> tuple[Token, list[str]] | None:
        """The service and its receivers when China gives it: "China provided X to Y",
        "X was offered to Y by CNSA", "China provided Y with X"."""
        children = list(verb.children)
        passive = [c for c in children if c.dep_ == "nsubjpass"]
        if passive:
            agents = [c for c in children if c.dep_ == "agent"]
            if not any(self._chinese(a) for a in agents):
                return None
            services = passive
        else:
            if not any(self._chinese(s) for s in _subjects(verb)):
                return None
            services = [c for c in children if c.dep_ == "dobj"]
        receivers = objects_of(verb, _RECIPIENT_PREPOSITIONS, _DATIVE_OR_PREP) + [
            c for c in children if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN")
        ]
        if not passive and not receivers:
            # "provided the Nepalese agency with training": the object is who receives
            given = objects_of(verb, ("with",), _DATIVE_OR_PREP)
            if given:
                receivers, services = services, given
        services = [s for s in services if _a_service(s)]
        partners = [k for r in receivers for k in self._names_under(r)]
        return (services[0], partners) if services else None

    def _served(self, verb: Token) -> tuple[Token, list[str], str] | None:
        """The service, its givers and the Chinese mission it is given to, when a
        partner (or its asset: "Chile's dishes") gives it: the subject is no Chinese
        body and names a partner, the object is a service, and "to"/"for" names the
        mission or points back to the one mission of the sentence before."""
        children = list(verb.children)
        subjects = [c for c in children if c.dep_ == "nsubj"]
        if not subjects or any(self._chinese(s) for s in subjects):
            return None
        services = [c for c in children if c.dep_ == "dobj" and _a_service(c)]
        if not services:
            return None
        receivers = objects_of(verb, _RECIPIENT_PREPOSITIONS, _DATIVE_OR_PREP)
        missions = {k for r in receivers if (k := self._named_in(r))}
        if not missions and any(r.lower_ in _CRAFT_WORDS for r in receivers):
            missions = {k for k in [mission_before(self.sentence)] if k}
        partners = [k for s in subjects for k in self._names_under(s)]
        if len(missions) != 1 or not partners:
            return None
        return services[0], partners, missions.pop()

    def _received(self, verb: Token) -> tuple[Token, list[str]] | None:
        """The service and its receivers when a partner gets it from China: "Nepal
        received remote-sensing training from China"."""
        children = list(verb.children)
        source = [
            p for p in children if p.dep_ == "prep" and p.lower_ == "from" and self._chinese(p)
        ]
        services = [c for c in children if c.dep_ == "dobj" and _a_service(c)]
        if not source or not services:
            return None
        partners = [k for s in _subjects(verb) for k in self._names_under(s)]
        return services[0], partners


def mission_before(sentence: Sentence) -> str | None:
    """What "the mission" stands for in a sentence that names none: the one mission the
    nearest sentence before that names any names, else the one its heading names (a
    spacecraft, such as a cubesat the mission carried, is not what "the mission" means)."""
    if any(m.kind in _CRAFT_KINDS and not m.nested for m in sentence.mentions):
        return None
    before = sentence.previous
    for _ in range(3):
        if before is None:
            break
        keys = {m.key for m in before.mentions if m.kind is EntityKind.MISSION and not m.nested}
        if keys:
            return keys.pop() if len(keys) == 1 else None
        before = before.previous
    return sentence.section_mission


_CRAFT_KINDS = (EntityKind.MISSION, EntityKind.SPACECRAFT)


def _subjects(verb: Token) -> list[Token]:
    """The verb's subjects, or those of the verb it completes or is coordinated with
    ("China will continue to provide ...", "CNSA built and will provide ...")."""
    while True:
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects or verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            return subjects
        verb = verb.head


def _a_service(token: Token) -> bool:
    """A service, not data, samples or people (the other frames read those)."""
    word = token.lemma_.lower()
    return not (word in DATA | SAMPLES or token.lower_ in DATA or word in PEOPLE)


def _span(token: Token) -> tuple[int, int]:
    return token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
