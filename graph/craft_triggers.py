"""The words that name a spacecraft activity: verbs and nouns of building, launching and
delivering, a lift "into orbit", a ride on a Chinese rocket, a share of a Chinese launch.
Used by ``graph.spacecraft_syntax``."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.attrs import LEMMA
from spacy.tokens import Doc, Token

from graph.launch_context import CHINESE_LAUNCH
from graph.spacecraft_named import ARRIVING, MANIFEST, RIDING, ride_companions

VERB_ACTIVITY = {
    "launch": "launched",
    "loft": "launched",  # "PRSS-2 was lofted from Jiuquan"
    "delivery": "delivered",  # "the delivery of X to Y", "Y took delivery of X"
    "carry": "launched",
    "deliver": "delivered",
    "hand": "delivered",
    "develop": "built",
    "co-develop": "jointly-developed",
    "codevelop": "jointly-developed",
    "build": "built",
    "manufacture": "built",
    "design": "built",
    "make": "built",
    "construct": "built",
    "assemble": "built",
}
_VERB_TAGS = frozenset({"VB", "VBD", "VBN", "VBG", "VBZ", "VBP", "NN"})
_ORBIT_VERBS = frozenset({"place", "put", "send", "deliver", "lift", "boost"})


# taking a craft over: "KSA assumed full control of Taifa-2", "took ownership of it"
TAKING = frozenset({"take", "accept", "receive", "assume", "gain", "acquire", "obtain"})
# what is handed over with a craft ("control of the spacecraft", "its ownership")
HELD = frozenset({"control", "ownership", "custody", "operation", "command"})


def taken_over(token: Token) -> bool:
    """Whether a noun tells of a craft's owner taking it over ("assumed control of X"),
    as "took delivery of X" does."""
    return (
        token.lemma_.lower() in HELD
        and token.dep_ == "dobj"
        and token.head.lemma_.lower() in TAKING
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
    )


def activity_of(verb: Token) -> str:
    """The activity a trigger names: "placed X into orbit" is a launch, and so is a
    craft's riding a Chinese rocket up; taking control of it is its delivery."""
    lemma = verb.lemma_.lower()
    if lemma in HELD:
        return "delivered"
    if lemma in RIDING or lemma in ARRIVING or lemma in MANIFEST or lemma in ("share", "deploy"):
        return "launched"
    if verb.lemma_.lower() in _ORBIT_VERBS and (_into_orbit(verb) or _up(verb)):
        return "launched" if verb.lemma_.lower() != "deliver" else "delivered"
    return VERB_ACTIVITY[verb.lemma_.lower()]


def _up(verb: Token) -> bool:
    """ "put up two satellites", "sent them up", "was sent aloft": a phrasal verb of
    launching."""
    return verb.lemma_.lower() != "deliver" and any(
        (c.dep_ == "prt" and c.lower_ == "up")
        or (c.dep_ in ("prt", "advmod") and c.lower_ == "aloft")
        for c in verb.children
    )


def _into_orbit(verb: Token) -> bool:
    """Whether the verb puts something into orbit, or (in a cleft, "It was a Chinese
    rocket that lifted X into orbit", where the parser hangs the orbit on "was") the
    clause it is the relative of does, after it."""
    holders = [verb]
    if verb.dep_ == "relcl" and verb.head.dep_ == "attr":
        holders.append(verb.head.head)
    # "placed X, a satellite built by Y, into orbit": the parser may hang the orbit on
    # the object's apposition
    holders += [
        o for c in verb.children if c.dep_ == "dobj" for o in c.subtree if o.dep_ == "appos"
    ]
    # "put KenSat-2, a satellite China built for Kenya, into orbit": or on the object
    holders += [c for c in verb.children if c.dep_ == "dobj"]
    return any(
        c.dep_ == "prep"
        and (holder is verb or c.i > verb.i)
        and c.lower_ in ("into", "in", "to")
        and any(o.dep_ == "pobj" and o.lemma_.lower() == "orbit" for o in c.children)
        for holder in holders
        for c in holder.children
    )


def triggers(doc: Doc, launch_told: bool = False) -> Iterator[Token]:
    """The words of a sentence that name a spacecraft activity; with ``launch_told`` (the
    report has named a Chinese launch), riding up without naming the rocket too."""
    for token in _asked_about(doc):
        lemma = token.lemma_.lower()
        if launch_told and (_manifest(token) or _arrives(token)):
            yield token
            continue
        if taken_over(token):
            yield token
            continue
        if token.tag_ not in _VERB_TAGS:
            continue
        if lemma in VERB_ACTIVITY:
            if token.tag_ == "NN" and lemma not in ("launch", "delivery"):
                continue
            yield token
        elif token.tag_ != "NN" and (
            (lemma in _ORBIT_VERBS and (_into_orbit(token) or _up(token)))
            or (
                lemma in RIDING
                and token.pos_ == "VERB"
                # "KenSat-2 followed from Xichang", not "followed the plan"
                and not (lemma == "follow" and any(c.dep_ == "dobj" for c in token.children))
                and (
                    _on_chinese_launch(token)
                    or (launch_told and lemma in _RIDING_UP and not _on_a_craft(token))
                )
            )
            or _shared_chinese_ride(token)
        ):
            yield token


# every lemma (in lower case) a test of ``triggers`` asks for: a word with another names
# no activity, whatever its tag or its dependents
_ASKED = frozenset(
    {*VERB_ACTIVITY, *_ORBIT_VERBS, *RIDING, *HELD, *MANIFEST, *ARRIVING, "deploy", "share"}
)
_LOWER_LEMMAS: dict[int, str] = {}  # each lemma's hash, and the lemma in lower case


def _asked_about(doc: Doc) -> list[Token]:
    """The words of ``doc`` whose lemma is in ``_ASKED``, in order, read from the parse's
    array of lemmas: a ``Token`` made of every word of every parse cost more than the tests."""
    strings, lower = doc.vocab.strings, _LOWER_LEMMAS
    out = []
    for i, lemma in enumerate(doc.to_array(LEMMA).tolist()):
        lowered = lower.get(lemma)
        if lowered is None:
            lowered = lower[lemma] = strings[lemma].lower()
        if lowered in _ASKED:
            out.append(doc[i])
    return out


_STAGES = frozenset({"stage", "rocket", "launcher", "vehicle", "booster", "dispenser"})


def _arrives(verb: Token) -> bool:
    """Whether a verb tells of a craft's going up on the launch a report is about: it
    "reached orbit", "separated from the upper stage", the launch "deployed" it."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB":
        return False
    if lemma in ("reach", "enter"):
        return any(c.dep_ == "dobj" and c.lemma_.lower() == "orbit" for c in verb.children)
    if lemma == "separate":
        return any(
            c.dep_ == "prep" and any(o.lemma_.lower() in _STAGES for o in c.children)
            for c in verb.children
        )
    return lemma == "deploy"


def _manifest(token: Token) -> bool:
    """Whether a word lists a launch's craft: "Among the payloads was X", "The
    passengers included X", "Also aboard: X (Peru), Y (Chile)"."""
    lemma = token.lemma_.lower()
    if lemma in ("payload", "passenger"):
        return token.pos_ == "NOUN" and token.dep_ in ("pobj", "nsubj", "attr")
    return (
        lemma == "aboard"
        and token.i <= 2
        and token.i + 1 < len(token.doc)
        and (token.nbor().text in (":", "were", "was"))
    )


def _on_a_craft(verb: Token) -> bool:
    """Whether a ride is on another craft ("rode to the Moon on Chang'e-6"): a payload
    carried, told of as such, not a launch of its own."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("on", "aboard", "with")
        and any(o.dep_ == "pobj" and o.pos_ == "PROPN" for o in c.children)
        for c in verb.subtree
        if c.i > verb.i
    )


def _shared_chinese_ride(verb: Token) -> bool:
    """ "PRSS-1 was launched from Jiuquan and shared its ride with PakTES-1A": a craft
    that shared a Chinese launch went up on it too."""
    return (
        verb.lemma_.lower() == "share"
        and any(c.dep_ == "dobj" and c.lemma_.lower() in _RIDES for c in verb.children)
        and bool(ride_companions(verb))
        and CHINESE_LAUNCH.search(verb.doc.text) is not None
    )


# riding up with a launch the report has told of: "Riding along were ..."
_RIDING_UP = frozenset({"ride", "lift", "blast", "follow"})
_RIDES = frozenset({"ride", "launch", "rocket", "flight", "fairing"})


def _on_chinese_launch(verb: Token) -> bool:
    """Whether a verb's own words name a Chinese rocket or launch centre ("rode a
    Kuaizhou-1A", "lifted off from Jiuquan"): a craft going up from China."""
    words = "".join(t.text_with_ws for t in verb.subtree if t.i >= verb.i)
    return CHINESE_LAUNCH.search(words) is not None


def makes(verb: Token) -> bool:
    """Whether a verb is one of making ("designed", "built", "assembled")."""
    return VERB_ACTIVITY.get(verb.lemma_.lower()) == "built"
