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
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.area_cues import area_cues
from graph.cooperation_words import DATA, GIVING, PEOPLE, SAMPLES
from graph.model import Cooperation

# verbs that hand a service over, beside those that give data
_GIVING = GIVING | frozenset({"extend", "grant", "render", "lend"})
_RECEIVING = frozenset({"receive", "obtain", "get", "gain"})
_RECIPIENT_PREPOSITIONS = frozenset({"to", "for"})


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
            if found is None:
                continue
            if cues is None:
                cues = [c for c in area_cues(self.sentence, self.gazetteer) if not c.titled]
            service, partners = found
            left, right = _span(service)
            areas = list(dict.fromkeys(c.area for c in cues if left <= c.start < right))
            if not areas or not partners:
                continue
            mission = self._named_in(service)
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
        receivers = [
            obj
            for p in children
            if p.dep_ in ("prep", "dative") and p.lower_ in _RECIPIENT_PREPOSITIONS
            for obj in p.children
            if obj.dep_ == "pobj"
        ] + [c for c in children if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN")]
        if not passive and not receivers:
            # "provided the Nepalese agency with training": the object is who receives
            given = [
                obj
                for p in children
                if p.dep_ == "prep" and p.lower_ == "with"
                for obj in p.children
                if obj.dep_ == "pobj"
            ]
            if given:
                receivers, services = services, given
        services = [s for s in services if _a_service(s)]
        partners = [k for r in receivers for k in self._names_under(r)]
        return (services[0], partners) if services else None

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
