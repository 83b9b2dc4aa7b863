"""Cooperation read from four frames of the parse that name no cooperation word.

- **A partner's payload on a mission.** An instrument (a detector, a camera, a named
  cubesat) that a partner owns ("Sweden's ion analyser", "a dosimeter from the
  University of Bahrain", "a rover developed in Pakistan") and that a mission carries,
  or that flies, operates or travels on or aboard it: payload cooperation on it.
- **Data that flows between China and a partner.** The partner receives or obtains data
  or imagery from China, or China shares, provides or sends it to or with the partner,
  or the two exchange it: data exchange (or the area the sentence names, such as
  disaster monitoring), on the satellite the data comes from when the text names it.
- **People trained in China.** China (a Chinese body or place) trains a partner's
  people ("Algerian satellite engineers", "staff from Nigeria", "NSSA engineers"), or
  they are trained, study or attend courses there, or the partner sends them there for
  training: training and education.

- **A service China gives.** China provides, offers or extends a service whose own words
  name an area ("tracking support", "launch services") to a partner, or the partner
  receives it from China (``graph.service_frames``).

Each frame gives nothing when the parse does not tie the partner, the thing and China
(or the mission) together, and nothing for a partner the sentence negates.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from graph.area_cues import area_cues
from graph.chinese_side import phrase_names_chinese_side
from graph.cooperation_words import (
    COLLECTIVES,
    DATA,
    EXCHANGING,
    GIVING,
    HOSTING,
    MAKING,
    PEOPLE,
    RECEIVING,
    SAMPLES,
    STUDYING_VERBS,
    TRAINING_VERBS,
)
from graph.gazetteer import Gazetteer
from graph.grammar import PARTNER_KINDS, Group, status_at
from graph.mission_pairing import previous_mission
from graph.model import Cooperation, EntityKind
from graph.negation import negated
from graph.own_clause import both_sides, in_own_clause, own_subjects
from graph.parsing import span_root, verb_above
from graph.payload_frames import PayloadFrames
from graph.reading import Sentence
from graph.recognise import Found
from graph.service_frames import ServiceFrames
from graph.subject_roles import thanked_agents
from graph.token_lookup import arguments, tagged_among
from graph.training_missions import training_mission

_DATA_PURPOSES = ("disaster-prevention-and-mitigation",)
_RELATIVE = frozenset({"who", "that", "whom"})
_STUDIED = frozenset({"sample", "data", "image", "imagery", "observation", "specimen"})


def extract(sentence: Sentence, groups: list[Group], gazetteer: Gazetteer) -> list[Cooperation]:
    """Cooperation facts of the four frames, with the sentence as evidence."""
    doc = sentence.parse
    if doc is None or not groups:
        return []
    reader = _Reader(sentence, [g for g in groups if g.role != "location"], gazetteer, doc)
    out = reader.payloads() + reader.data() + reader.training() + reader.services()
    return [f for f in out if f is not None]


class _Reader(PayloadFrames, ServiceFrames):
    def __init__(self, sentence: Sentence, groups: list[Group], gazetteer: Gazetteer, doc: Doc):
        self.sentence, self.groups, self.gazetteer, self.doc = sentence, groups, gazetteer, doc
        self.mentions = [m for m in sentence.mentions if not m.nested]
        self.roots = {id(g): span_root(doc, g.start, g.end) for g in groups}

    # --- where partners, missions and China stand in the tree -------------------------

    def _local(self, m: Found) -> tuple[int, int]:
        return m.start - self.sentence.start, m.end - self.sentence.start

    def _head_of(self, m: Found) -> Token | None:
        """The token a name stands for in the clause ("orbiter" for "the Chang'e-7
        orbiter")."""
        token = span_root(self.doc, *self._local(m))
        while token is not None and token.dep_ in ("compound", "amod", "nmod", "appos"):
            if token.head.i == token.i:
                break
            token = token.head
        return token

    def _groups_at(self, token: Token) -> list[Group]:
        """The partner lists whose name is ``token`` or a word coordinated with it."""
        out = []
        for g in self.groups:
            root = self.roots[id(g)]
            while root is not None and root.dep_ == "conj" and root.head.i != root.i:
                root = root.head
            if root is not None and root.i == token.i:
                out.append(g)
        return out

    def _missions_at(self, token: Token) -> list[str]:
        keys = []
        for m in self.mentions:
            if m.kind in (EntityKind.MISSION, EntityKind.SPACECRAFT):
                head = self._head_of(m)
                if head is not None and head.i == token.i:
                    keys.append(m.key)
        return keys

    def _chinese(self, token: Token) -> bool:
        """Whether the words under ``token`` name China, a Chinese body or a Chinese place."""
        return phrase_names_chinese_side(self.sentence, self.gazetteer, token, places=True)

    def _chinese_people(self, people: Token) -> bool:
        """People China's own: "Chinese engineers", "engineers from CAST"."""
        return any(
            c.dep_ in ("amod", "compound", "poss", "prep") and self._chinese(c)
            for c in people.children
        )

    def _owners(self, thing: Token) -> list[str]:
        """Partners whose the thing is: possessive, "from X", "developed in/by X", a
        demonym, or a body's name before it ("NSSA engineers")."""
        keys: list[str] = []
        for child in thing.children:
            if child.dep_ in ("poss", "amod", "compound", "nmod"):
                for t in [child, *child.conjuncts]:
                    keys += [k for g in self._groups_at(t) for k in g.keys]
                if child.lemma_.lower() in MAKING:  # "a Kenyan-built dust analyser"
                    for t in (c for c in child.children if c.dep_ in ("npadvmod", "compound")):
                        keys += [k for g in self._groups_at(t) for k in g.keys]
            elif child.dep_ == "prep" and child.lower_ in ("from", "of", "by"):
                for obj in (c for c in child.children if c.dep_ == "pobj"):
                    keys += [k for g in self._groups_at(obj) for k in g.keys]
            elif child.dep_ in ("acl", "relcl"):
                # "a rover developed in Pakistan", "the camera that X designed with Y"
                makers: list[str] = []
                places: list[str] = []
                for prep in (c for c in child.children if c.dep_ in ("prep", "agent")):
                    if prep.lower_ in ("in", "by", "at", "with"):
                        found = places if prep.lower_ in ("in", "at") else makers
                        for obj in (c for c in prep.children if c.dep_ == "pobj"):
                            found += [k for g in self._groups_at(obj) for k in g.keys]
                # "provided by the MPE in Germany": where the named maker is, no partner
                keys += makers or places
                if child.dep_ == "relcl" and child.lemma_.lower() in MAKING:
                    for subject in (c for c in child.children if c.dep_ == "nsubj"):
                        keys += [k for g in self._groups_at(subject) for k in g.keys]
        for m in self.mentions:  # "the NSSA engineers": a name the parser made a compound
            if m.kind in PARTNER_KINDS and m.key not in self.gazetteer.domestic:
                head = self._head_of(m)
                if head is not None and head.i == thing.i and m.key not in keys:
                    keys.append(m.key)
        return [k for k in dict.fromkeys(keys) if k not in self.gazetteer.domestic]

    def _fact(self, partner: str, area: str, mission: str | None, at: int) -> Cooperation | None:
        if negated(self.sentence, at):  # "no Emirati payload will fly"
            return None
        return Cooperation(
            evidence=(self.sentence.evidence(at),),
            status=status_at(self.sentence, at),
            partner=partner,
            area=area,
            mission=mission,
            method="cooperation-syntax",
        )

    # --- the frames ------------------------------------------------------------------

    def data(self) -> list[Cooperation | None]:
        out: list[Cooperation | None] = []
        for verb in tagged_among(self.doc, ("VERB",)):
            lemma = verb.lemma_.lower()
            if verb.pos_ != "VERB" or lemma not in RECEIVING | GIVING | EXCHANGING:
                continue
            objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
            data = [o for o in objects if o.lemma_.lower() in DATA | SAMPLES or o.lower_ in DATA]
            # "China provided Turkiye and Syria with satellite imagery": the object is who
            # received the data the "with" names
            recipients = (
                []
                if data or lemma not in GIVING
                else [c for c in verb.children if c.dep_ == "dobj"]
            )
            if recipients:
                data = [
                    o
                    for p in verb.children
                    if p.dep_ == "prep" and p.lower_ == "with"
                    for o in p.children
                    if o.dep_ == "pobj" and (o.lemma_.lower() in DATA or o.lower_ in DATA)
                ]
            if not data:
                continue
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            # the verb's own prepositions, and those of the data ("imagery with X", "data
            # from the BRICS constellation with Brazil"), not those of clauses inside
            preps = [
                t for t in verb.subtree if t.dep_ in ("prep", "dative") and verb_above(t) == verb.i
            ]
            partners: list[str] = []
            its = any(
                c.dep_ == "poss" and c.lower_ in ("its", "their") for d in data for c in d.children
            )
            earlier = previous_mission(self.sentence) if its else None  # "Its data will be shared"
            china_gives = any(self._chinese(s) for s in subjects) or (
                not subjects and (earlier is not None or any(self._chinese_source(d) for d in data))
            )  # "data from the Chang'e-4 mission have been shared with X"
            if lemma in RECEIVING:
                # (samples "from Chang'e-5": a Chinese mission is China's side's)
                samples = data[0].lemma_.lower() in SAMPLES
                source = [
                    p
                    for p in preps
                    if p.lower_ == "from" and (self._chinese(p) or (samples and self._named_in(p)))
                ]
                if source or any(self._chinese(d) for d in data):
                    partners = [k for s in subjects for k in self._names_under(s)]
            if lemma in GIVING | EXCHANGING and china_gives:
                to = [p for p in preps if p.lower_ in ("to", "with", "for") or p.dep_ == "dative"]
                partners += [k for p in to for k in self._names_under(p)]
                partners += [k for r in recipients for k in self._names_under(r)]
            if lemma in EXCHANGING and china_gives:  # "China and Brazil have shared data"
                partners += [k for s in subjects for k in self._names_under(s)]
            if lemma in EXCHANGING and not china_gives:
                with_china = [p for p in preps if p.lower_ == "with" and self._chinese(p)]
                if with_china:
                    partners += [k for s in subjects for k in self._names_under(s)]
            if not partners:
                continue
            mission = (
                self._named_in(data[0])
                or next(
                    (
                        k
                        for p in preps
                        if p.head.i == verb.i and p.lower_ == "from" and (k := self._named_in(p))
                    ),
                    None,
                )
                or earlier
            )
            # data for disaster monitoring serve disaster relief; any other data is exchanged
            # (a purpose the verb's own clause names, not a coordinated clause's: "shares
            # data with X, and has given Y disaster monitoring support")
            cues = {
                c.area
                for c in area_cues(self.sentence, self.gazetteer)
                if not c.titled and in_own_clause(self.doc, verb, c.start, c.end)
            }
            areas = [a for a in _DATA_PURPOSES if a in cues] or ["data-exchange"]
            if data[0].lemma_.lower() in SAMPLES and mission in self.gazetteer.default_areas:
                areas = [self.gazetteer.default_areas[mission]]  # lunar samples: the mission's
            for partner in dict.fromkeys(partners):
                out += [self._fact(partner, a, mission, verb.idx) for a in areas[:1]]
        return out

    def _chinese_source(self, data: Token) -> bool:
        """Whether the data come from China's own missions ("data from the Chang'e-4 and
        Chang'e-5 missions", "Fengyun imagery"), not from a partner's."""
        left, right = data.left_edge.idx, data.right_edge.idx + len(data.right_edge)
        inside = [
            m
            for m in self.mentions
            if left <= self._local(m)[0] < right
            and m.kind in (EntityKind.MISSION, EntityKind.SPACECRAFT)
        ]
        owned = any(g.role == "owner" and left <= g.start < right for g in self.groups)
        return bool(inside) and not owned and not self._names_under(data)

    def _names_under(self, token: Token) -> list[str]:
        left, right = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
        return [
            k
            for g in self.groups
            if left <= g.start < right
            for k in g.keys
            if k not in self.gazetteer.domestic
        ]

    def _named_in(self, token: Token) -> str | None:
        left, right = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
        keys = {
            m.key
            for m in self.mentions
            if m.kind in (EntityKind.MISSION, EntityKind.SPACECRAFT)
            and left <= self._local(m)[0] < right
        }
        return keys.pop() if len(keys) == 1 else None

    def training(self) -> list[Cooperation | None]:
        out: list[Cooperation | None] = []
        for verb in tagged_among(self.doc, ("VERB",)):
            lemma = verb.lemma_.lower()
            if verb.pos_ != "VERB":
                continue
            people = [
                _counted(c) for c in arguments(verb) if c.dep_ in ("dobj", "nsubj", "nsubjpass")
            ]
            people = [
                c
                for c in people
                if c.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj")
                and (
                    c.lemma_.lower() in PEOPLE
                    # whoever a training verb trains are people ("satellite meteorologists")
                    or (lemma in TRAINING_VERBS and c.dep_ != "nsubj" and c.tag_ == "NNS")
                )
            ]
            relative = any(c.lower_ in _RELATIVE for c in verb.children if "subj" in c.dep_)
            if verb.dep_ == "relcl" and verb.head.lemma_.lower() in PEOPLE and relative:
                people.append(verb.head)  # "Belarusian engineers, who were trained in China"
            if not people:
                continue
            subjects = [c for c in verb.children if c.dep_ == "nsubj"] or thanked_agents(verb)
            # the prepositions of the verb's own clause ("took part in training programmes
            # in Beijing"), not of clauses inside it
            preps = [
                t for t in verb.subtree if t.dep_ in ("prep", "agent") and verb_above(t) == verb.i
            ]
            in_china = any(
                p.lower_ in ("in", "at", "by", "to", "with") and self._chinese(p) for p in preps
            ) or any(
                self._chinese(s) if s.lemma_.lower() not in PEOPLE else self._chinese_people(s)
                for s in subjects
            )  # "China trained ...", "Chinese engineers trained Belarusian operators"
            # "the two sides will ... train Kenyan engineers": China is one of the trainers
            in_china = in_china or (
                lemma in TRAINING_VERBS and any(map(both_sides, own_subjects(verb)))
            )
            trained = lemma in TRAINING_VERBS or (
                lemma in STUDYING_VERBS | HOSTING | {"send"}
                and re.search(r"\b(?:train|course|stud)", self.sentence.text)
                # "studied Chang'e-5 samples": research, not study in China
                and not any(c.dep_ == "dobj" and c.lemma_ in _STUDIED for c in verb.children)
            )
            if not (trained and in_china):
                continue
            partners = [k for p in people for k in self._owners(p)]
            if lemma == "send":  # "ABE will send 30 engineers to Beijing for training"
                partners += [k for s in subjects for k in self._names_under(s)]
            mission = training_mission(self.sentence, verb)  # "... for NigComSat-1R"
            for partner in dict.fromkeys(partners):
                out.append(self._fact(partner, "training-and-education", mission, verb.idx))
        return out


def _counted(noun: Token) -> Token:
    """The people a collective noun or a number counts ("a group of Chilean officers",
    "30 of the client's engineers"), else the noun."""
    if noun.lemma_.lower() not in COLLECTIVES and not noun.like_num:  # "30 of X's engineers"
        return noun
    of = [o for c in noun.children if c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    return of[0] if of else noun
