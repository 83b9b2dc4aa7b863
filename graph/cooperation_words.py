"""The words that make a partner's role cooperation, shared by the cooperation readers
(``graph.relations_cooperation`` and ``graph.cooperation_frames``)."""

from __future__ import annotations

import re

# what a partner contributes, and who: the words that govern "from X" ("payloads from X")
CONTRIBUTED = frozenset(
    [
        "payload",
        "instrument",
        "experiment",
        "detector",
        "device",
        "camera",
        "spectrometer",
        "analyzer",
        "analyser",
        "sensor",
        "equipment",
        "cubesat",
        "retroreflector",
        "reflector",
        "imager",
        "radar",
        "telescope",
        "scientist",
        "researcher",
        "team",
        "institution",
        "contribution",
        "participation",
        "support",
        "proposal",
        "project",
        "partner",
        "astronaut",
        "engineer",
        "specialist",
        "expert",
    ]
)
CONTRIBUTING = frozenset(
    [
        "contribute",
        "provide",
        "supply",
        "develop",
        "build",
        "design",
        "make",
        "co-develop",
        "codevelop",
        "join",
        "participate",
        "cooperate",
        "collaborate",
        "work",
        "partner",
        "send",
        "deliver",
        "fly",
        "propose",
        "fund",
        "operate",
        "help",
        "assist",
        "support",  # "A and B supported the Tianwen-1 mission with tracking"
        "track",  # "ESA's stations tracked Chang'e-5 for China"
        "take",
        "lead",
    ]
)
# an instrument named anywhere in a clause
INSTRUMENT = re.compile(
    r"\b(?:instruments?|payloads?|detectors?|cameras?|imagers?|telescopes?|spectrometers?|"
    r"cubesats?|rovers?|radars?|analy[sz]ers?|monitors?|retroreflectors?|mirrors?|sensors?|"
    r"magnetometers?|radiometers?|altimeters?|dosimeters?|antennas?|lasers?|experiments?)\b",
    re.IGNORECASE,
)
# what most instruments are called: "-meter", "-graph", "-scope", a detector, a rover...
INSTRUMENT_WORD = re.compile(
    r"(?:meter|graph|scope|detector|sensor|camera|imager|analy[sz]er|antenna|reflector|"
    r"rover|cubesat|payload|instrument|experiment|dosimeter|spectrometer|counter|monitor|"
    r"receiver)s?$"
)


def names_instrument(text: str) -> bool:
    """Whether the words name an instrument: a word for one ("detectors") or a word made
    as instruments' names are ("polarimeter", "spectrograph")."""
    return INSTRUMENT.search(text) is not None or any(
        INSTRUMENT_WORD.search(w) for w in re.findall(r"[a-z]+", text)
    )


# the last word of an instrument's name ("Follow-up X-ray Telescope", "ECLAIRs camera")
INSTRUMENT_NAME = re.compile(
    r"(?:telescope|camera|imager|detector|spectrometer|instrument|monitor|analy[sz]er|"
    r"radar|magnetometer|radiometer|altimeter|dosimeter|sensor|payload)s?$",
    re.IGNORECASE,
)
# people: trained in China, or "from" a partner (China's partners only where China is named)
PEOPLE = frozenset(
    {
        "engineer",
        "staff",
        "student",
        "technician",
        "specialist",
        "professional",
        "astronaut",
        "official",
        "scientist",
        "personnel",
        "researcher",
        "expert",
        "operator",
        "trainee",
        "fellow",
        "cadet",
        "team",
        "candidate",
        "crew",
        "pilot",
        "astronomer",
        "physicist",
        "officer",
        "meteorologist",
        "geologist",
        "manager",
    }
)
# "a group of Chilean officers": the people a collective noun counts
COLLECTIVES = frozenset({"group", "batch", "cohort", "class", "number", "dozen", "delegation"})
# what a Chinese host does with people who come for training ("will host ... for training")
HOSTING = frozenset({"host", "welcome", "invite", "receive"})

# the verbs of the cooperation frames (graph.cooperation_frames)
MAKING = frozenset({"build", "develop", "design", "make", "provide", "supply", "contribute"})
CARRYING = frozenset({"carry", "host", "take", "bring", "include", "integrate", "install"})
# what a partner does with its instrument for a mission: makes it, hands it over, puts it on
HANDING = MAKING | frozenset(
    {"deliver", "hand", "place", "put", "send", "ship", "donate", "complete", "finish", "prepare"}
)
COMING = frozenset({"come", "originate", "arrive"})
# a partner that has its instrument on a mission: "Peru has a dust detector on the lander",
# "Egypt and Bahrain share a camera on the orbiter", "each have an instrument"
HOLDING = frozenset({"have", "share", "own"})
TRAVELLING = frozenset({"fly", "operate", "travel", "go", "ride", "land", "work", "run", "arrive"})
ABOARD = frozenset({"on", "aboard", "onboard", "onto", "into", "in"})
# what an instrument does where it is carried: "measured radiation ... from the lander"
OBSERVING = frozenset(
    {"measure", "return", "record", "detect", "observe", "collect", "map", "monitor", "transmit"}
)
DATA = frozenset(
    {"data", "imagery", "image", "images", "information", "product", "products", "observations"}
)
# what a sample-return mission gives its partners: a share of the mission's own work
SAMPLES = frozenset({"sample", "samples", "soil", "regolith"})
RECEIVING = frozenset({"receive", "obtain", "get", "access", "use", "download", "acquire"})
GIVING = frozenset({"share", "provide", "supply", "give", "send", "deliver", "transfer", "offer"})
EXCHANGING = frozenset({"exchange", "share"})
TRAINING_VERBS = frozenset({"train", "educate", "teach", "instruct"})
STUDYING_VERBS = frozenset(
    {"study", "attend", "train", "complete", "graduate", "learn", "take", "join", "undergo"}
)
