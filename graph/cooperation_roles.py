"""Whether a partner the parse gives a role is one of China's partners, and the
cooperation words that make a sentence about cooperation at all (``has_cue``, from
``graph.cooperation_cue``).

A partner found only through the parse (payloads *from* X, developed *by* X, X
*contributed*, X *has become a partner of* a mission) needs the frame around it to hold;
these checks are what ``graph.relations_cooperation`` asks before it states a fact.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from graph.chinese_side import names_chinese_side
from graph.cooperation_cue import has_cue
from graph.cooperation_words import (
    CONTRIBUTED,
    CONTRIBUTING,
    INSTRUMENT,
    INSTRUMENT_WORD,
    PEOPLE,
    TRAINING_VERBS,
)
from graph.gazetteer import CHINA, Gazetteer
from graph.grammar import Group, beside_chinese, clause_of, has_verb
from graph.joined_missions import joins_the_documents_mission
from graph.list_items import listed_under
from graph.mission_pairing import previous_mission
from graph.model import EntityKind
from graph.negation import negated
from graph.parsing import clause_verb, verb_above
from graph.people_roles import qualified_noun
from graph.reading import Sentence
from graph.token_lookup import token_at

# "carry payloads from X": the parser may hang "from" on the verb
_RECEIVING = frozenset(
    ["carry", "receive", "select", "accept", "include", "fly", "host", "integrate", "install"]
)
_TRAINING = frozenset(["train", "educate", "host", "teach"])
_SHARED_WORK = frozenset(
    [
        "cooperation",
        "collaboration",
        "partnership",
        "exchange",
        "exchanges",
        "research",
        "project",
        "projects",
        "programme",
        "program",
        "mission",
    ]
)


def reading_kind(sentence: Sentence, key: str) -> EntityKind | None:
    """The kind of the entity a sentence names by ``key``."""
    return next((m.kind for m in sentence.mentions if m.key == key), None)


def parsed_role_holds(
    sentence: Sentence,
    group: Group,
    spans: list[tuple[int, int]],
    cued: bool,
    gazetteer: Gazetteer,
) -> bool:
    """Whether a role only the parse shows makes the partner one of China's: payloads
    *from* X, developed *by* X, X *contributed*, cooperation *between* China and X, and a
    fact-sheet line under its lead-in. China is there when a Chinese body is named
    ("Radboud University will cooperate with NAOC")."""
    clause_cued = has_cue(sentence, *clause_of(spans, group.start))
    clause = sentence.text[slice(*clause_of(spans, group.start))]
    domestic = gazetteer.domestic
    china = names_chinese_side(sentence, gazetteer)
    named = any(
        m.kind in (EntityKind.MISSION, EntityKind.SPACECRAFT) for m in sentence.mentions
    ) or (
        # "two of its instruments were supplied by X"; a line under "CHANG'E-8 PAYLOADS"
        previous_mission(sentence) is not None
        or sentence.section_mission is not None
        # an item of a list whose lead-in names its mission ("Chang'e-6 payloads:")
        or (
            listed_under(sentence)
            and any(
                m.kind in (EntityKind.MISSION, EntityKind.SPACECRAFT)
                for m in sentence.lead_in.mentions
            )
        )
    )
    match group.role:
        case "from":
            governor = group.governor
            if governor in TRAINING_VERBS and names_chinese_side(
                sentence, gazetteer, *clause_of(spans, group.start)
            ):
                return True  # "China trained 12 engineers from Kenya" (trained ... from)
            if governor in PEOPLE and not china:
                # "engineers from Ghana were trained in Toulouse"; but "a course held in
                # Wuhan for engineers from Peru" trains them in China
                return _TRAINED.search(clause) is not None and names_chinese_side(
                    sentence, gazetteer, *clause_of(spans, group.start), places=True
                )
            return (
                governor in CONTRIBUTED | _RECEIVING
                or INSTRUMENT_WORD.search(governor) is not None  # "a seismometer from X"
                or clause_cued
                # "the dust camera was from Egypt": an instrument's origin, told by "be"
                or (governor == "be" and _instrument_subject(sentence, group))
            )
        case "place":  # "built at the University of Bern": where it was made, by whom
            bodies = all(reading_kind(sentence, k) is EntityKind.ORGANISATION for k in group.keys)
            return bodies and group.governor in CONTRIBUTING and (china or named)
        case "by":
            # "X was built with help from CAST, while Y was designed by Z": China's side
            # is in another clause than the one whose verb Z acts through
            if china and not _china_in_own_clause(sentence, group, gazetteer):
                return False
            # "the imager was built by A, the magnetometer by B": the verb left out of
            # the second item is the first one's
            gapped = (
                INSTRUMENT_WORD.search(group.governor) is not None
                and _MADE_BY.search(sentence.text[: group.start]) is not None
            )
            # "a magnetometer was supplied by X": an instrument made by a body is a payload
            # even where no mission is named (a rover only "proposed by" X is not)
            made = group.governor in _MADE and INSTRUMENT.search(clause) is not None
            if clause_cued and beside_chinese(sentence, group, domestic):
                return True  # "joint research by Peruvian and Chinese scientists"
            if (
                group.governor in _BUILT
                and not china
                and not _names_instrument_before(sentence, group)
            ):
                return False  # "launches the Eutelsat W3C satellite, built by Thales": its maker
            return (group.governor in CONTRIBUTING or gapped) and (china or named or made)
        case "agent":
            if group.governor in TRAINING_VERBS and _CHINESE_PEOPLE.search(
                sentence.text, group.end, clause_of(spans, group.start)[1]
            ):
                return True  # "the Kenya Space Agency trained Chinese engineers"
            if group.governor in _WORKING and _with_china(sentence, group, domestic):
                return True  # "astronomers at X have worked with the NAOC on ..."
            if (
                clause_cued
                and group.governor in _ORGANISING
                and _with_china(sentence, group, domestic)
                and not negated(sentence, clause_of(spans, group.start)[1] - 1)
                and not _DENIED.search(sentence.text, group.end, clause_of(spans, group.start)[1])
            ):
                return True  # "X held its third joint training school with CNSA"
            if group.governor == "join" and joins_the_documents_mission(sentence, group):
                return True  # "Serbia and Kazakhstan signed on last year" under an ILRS title
            if group.governor in _THANKING and china and clause_cued:
                return True  # "Uzbekistan thanked China for its help in launching X"
            if group.governor in ("become", "be", "remain") and _member_of_mission(sentence):
                return True  # "Senegal has become a partner of the ILRS"
            if _its_part_in_mission(sentence, group):
                return True  # "Egypt reaffirmed its participation in the ILRS"
            instrument = INSTRUMENT.search(sentence.text[slice(*clause_of(spans, group.start))])
            framed = china or named or instrument is not None  # "provided a retroreflector"
            if group.governor in _PLACING and instrument is not None and named:
                return True  # "X will have a camera on Chang'e-8"
            if group.governor in _READYING and instrument is not None and named and china:
                return True  # "X is testing a camera that Chinese scientists will carry on M"
            return group.governor in CONTRIBUTING and framed and group.governor != "sign"
        case "object":  # "China has trained Egyptian engineers"
            return group.governor in _TRAINING and china

        case "between":
            return china and group.governor in _SHARED_WORK
        case "item":
            return sentence.lead_in is not None
    return False


def _china_in_own_clause(sentence: Sentence, group: Group, gazetteer: Gazetteer) -> bool:
    """Whether China's side is named within the clause of the verb a partner hangs on, when
    that clause sets its own subject against the main clause's ("..., while Y was designed
    by Z")."""
    doc = sentence.parse
    word = None if doc is None else token_at(doc, group.start)
    above = None if word is None else verb_above(word)
    verb = None if above is None else doc[above]
    own_subject = verb is not None and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    contrast = verb is not None and any(
        c.dep_ in ("mark", "cc") and c.lower_ in ("while", "whereas", "but") for c in verb.children
    )
    if verb is None or verb.dep_ not in ("advcl", "conj") or not own_subject or not contrast:
        return True
    left, right = verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge)
    return names_chinese_side(sentence, gazetteer, left, right)


def _member_of_mission(sentence: Sentence) -> bool:
    """A partner, member or participant *of* a named mission (the copula's attribute)."""
    doc = sentence.parse
    return doc is not None and any(
        t.dep_ == "attr"
        and t.lemma_.lower() in ("partner", "member", "participant", "party")
        and any(
            c.lower_ in ("of", "in") and c.dep_ == "prep" and _names_mission(sentence, c)
            for c in t.children
        )
        for t in doc
    )


def _names_mission(sentence: Sentence, prep: Token) -> bool:
    left, right = prep.left_edge.idx, prep.right_edge.idx + len(prep.right_edge)
    return any(
        m.kind is EntityKind.MISSION and left <= m.start - sentence.start < right
        for m in sentence.mentions
    )


_MADE_BY = re.compile(
    r"\b(?:was|were|is|are|will\s+be|has\s+been|have\s+been)\s+(?:[a-z]+\s+)?"
    r"(?:built|developed|supplied|provided|made|designed|contributed|delivered)\s+by\b"
)
_WORKING = frozenset(["work", "cooperate", "collaborate", "partner", "team"])
_THANKING = frozenset(["thank", "appreciate", "acknowledge", "praise", "commend", "welcome"])
# verbs of a body that runs something together with a Chinese one
_ORGANISING = frozenset(
    [
        *("hold", "run", "organise", "organize", "host", "conduct", "launch", "open"),
        # the verbs of doing shared work: "X carried out exchanges with China on ..."
        *("carry", "undertake", "pursue", "perform", "do", "make", "continue", "deepen"),
        *("expand", "strengthen", "begin", "start", "intensify", "step"),
    ]
)
_TRAINED = re.compile(r"\b(?:train\w*|courses?|workshops?|schools?|seminars?)\b", re.IGNORECASE)
# "Chinese engineers", "engineers from China": the people a partner trains
_CHINESE_PEOPLE = re.compile(
    rf"\bChinese\s+(?:[a-z-]+\s+)?(?:{'|'.join(sorted(PEOPLE))})|"
    rf"\b(?:{'|'.join(sorted(PEOPLE))})s?\s+(?:from|of)\s+(?:the\s+)?Chin(?:a|ese)\b"
)
_DENIED = re.compile(r"\b(?:no|not|never|nor)\b|n['\u2019]t\b", re.IGNORECASE)
# verbs that make an instrument, beyond proposing or selecting one
_MADE = frozenset(
    ["supply", "provide", "build", "develop", "design", "make", "contribute", "deliver"]
)
# verbs that put an instrument on a mission without saying who made it
_BUILT = frozenset(["build", "manufacture", "construct", "make"])
_PLACING = frozenset(["have", "fly", "send", "put", "place", "mount", "install"])
# the last work on an instrument before it flies
_READYING = frozenset(["test", "calibrate", "qualify"])


def _with_china(sentence: Sentence, group: Group, domestic: frozenset[str]) -> bool:
    """Whether China or a Chinese body is what the partner works *with*: the object of a
    "with" after the partner, only names and articles between them."""
    for m in sentence.mentions:
        if m.nested or not (m.key == "china" or m.key in domestic):
            continue
        before = sentence.text[group.end : m.start - sentence.start]
        if re.search(r"\bwith\s+(?:the\s+)?$", before) and ";" not in before:
            return True
    return False


def acting_bodies(sentence: Sentence, group: Group) -> bool:
    """Whether a partner's adjective qualifies the bodies that act in the
    sentence on a named mission ("Thai and Malaysian institutes will take part in the
    ILRS"): the country is the partner, with no area word needed."""
    doc = sentence.parse
    if doc is None or not any(
        m.kind in (EntityKind.MISSION, EntityKind.SPACECRAFT) for m in sentence.mentions
    ):
        return False
    token = qualified_noun(doc, group)
    if token is None:
        return False
    # ("Thai and Malaysian institutes", which the parser may read as "Thai" and
    # "Malaysian institutes": the noun of the list is every item's)
    nouns = {token.lemma_.lower(), *(c.lemma_.lower() for c in token.conjuncts)}
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return (
        bool(nouns & _ACTING_NOUNS)
        and token.dep_ == "nsubj"
        and (token.head.lemma_.lower() in CONTRIBUTING or _part_object(sentence, token.head))
    )


# bodies, not people: "Senegalese researchers would take part" may be a plan's people
_ACTING_NOUNS = frozenset(
    {"institute", "institution", "university", "agency", "company", "firm", "laboratory", "side"}
    | {"station", "antenna"}  # "ESA's stations tracked Chang'e-5 for China"
)


def _its_part_in_mission(sentence: Sentence, group: Group) -> bool:
    """Whether the partner's verb has for object its own part in a named mission
    ("reaffirmed its participation in the ILRS", "confirmed their membership of it")."""
    doc = sentence.parse
    verb = None if doc is None else clause_verb(doc, group.start, group.end)
    return verb is not None and _part_object(sentence, doc[verb])


def _part_object(sentence: Sentence, verb: Token) -> bool:
    """Whether the verb's object is its subject's own part in a named mission."""
    return any(
        o.dep_ == "dobj"
        and o.lemma_.lower() in _PART_NOUNS
        and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in o.children)
        and any(p.dep_ == "prep" and _names_mission(sentence, p) for p in o.children)
        for o in verb.children
    )


_PART_NOUNS = frozenset({"participation", "membership", "involvement", "part", "role"})


def listed_with_china(sentence: Sentence, group: Group, gazetteer: Gazetteer) -> bool:
    """ "X is developing the instrument together with China's IHEP, Spain's University of
    Valencia and ...": the partners listed with China's own body work with it, whoever
    the subject is."""
    text = sentence.text
    withs = list(re.finditer(r"\bwith\b", text[: group.start]))
    if not withs:
        return False
    begin = withs[-1].end()
    # the list's span may open with China's body: "with the NSSC, X and Y"
    return not has_verb(text[begin : group.start]) and any(
        begin <= m.start - sentence.start < group.end
        and (m.key == CHINA or m.key in gazetteer.domestic)
        for m in sentence.mentions
    )


def _instrument_subject(sentence: Sentence, group: Group) -> bool:
    """Whether the copula a partner's "from" hangs on has an instrument for its subject."""
    doc = sentence.parse
    token = None if doc is None else token_at(doc, group.start)
    while token is not None and token.dep_ != "pobj" and token.head.i != token.i:
        token = token.head  # up from a list's later name to the first, "from"'s object
    if token is None or token.head.lower_ != "from":
        return False
    verb = token.head.head
    return any(
        c.dep_ == "nsubj" and INSTRUMENT_WORD.search(c.lower_) is not None for c in verb.children
    )


def _names_instrument_before(sentence: Sentence, group: Group) -> bool:
    """Whether the words before a "by" partner name an instrument ("a high-energy particle
    detector, was built by INFN", "a polarimeter built by ..."), what a body builds for
    a mission, not a satellite it builds for a customer."""
    before = sentence.text[: group.start]
    return INSTRUMENT.search(before) is not None or any(
        INSTRUMENT_WORD.search(w) for w in re.findall(r"[a-z]+", before.lower())
    )
