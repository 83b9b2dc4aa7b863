"""The words that say what a name is: the heads of bodies' names, the words that lead a
name or make it a launcher's, generic words that name nothing, month names, connectors
inside names, and the words that open sentences. Data only, shared by the name finders
through ``graph.name_forms``."""

from __future__ import annotations

import re

from graph.dates import MONTHS
from graph.model import EntityKind

S, M, ORG = EntityKind.SPACECRAFT, EntityKind.MISSION, EntityKind.ORGANISATION

# the words that head the name of a body: an agency, a university, a forum
BODY_HEADS = (
    "agency",
    "commission",
    "administration",
    "organization",
    "organisation",
    "institute",
    "university",
    "academy",
    "corporation",
    "company",
    "office",
    "committee",
    "council",
    "association",
    "federation",
    "centre",
    "center",
    "laboratory",
    "lab",
    "network",
    "consortium",
    "authority",
    "ministry",
    "foundation",
    "forum",
    "charter",
    "platform",
    "group",
    "observatory",
    "observatories",
    "society",
    "union",
    "service",
    "department",
    "directorate",
    # companies: "Nigerian Communications Satellite Ltd"
    "ltd",
    "limited",
    "inc",
    "plc",
)
# The last word of a name, and what it makes the name.
HEAD_WORDS: dict[str, EntityKind] = {
    **dict.fromkeys(
        [
            "satellite",
            "probe",
            "telescope",
            "lander",
            "rover",
            "orbiter",
            "spacecraft",
            "explorer",
            "monitor",
            "module",
            "observatory",
        ],
        S,
    ),
    **dict.fromkeys(
        [
            "mission",
            "missions",
            "programme",
            "program",
            "project",
            "constellation",
            "system",
            "initiative",
            "corridor",
        ],
        M,
    ),
    **dict.fromkeys(BODY_HEADS, ORG),
}
# words that head a name from its start: "University of Leicester", "Agency for ..."
LEADING_HEADS = frozenset(
    [
        *BODY_HEADS,
        # heads of names in other languages and of offices: "Universite Libre de Bruxelles"
        "universite",
        "université",
        "universidad",
        "universidade",
        "universität",
        "universita",
        "università",
        "universiti",  # Malay: "Universiti Teknologi Malaysia"
        "universitas",  # Indonesian: "Universitas Indonesia"
        "universiteit",
        "uniwersytet",
        "institut",
        "instituto",
        "istituto",
        "politecnico",
        "agence",
        "agencia",
        "agenzia",
        "centro",
        "bureau",
        "department",
        "school",
        "college",
        "programme",
        "program",
    ]
)
# words after a designator that make it a launcher, and no resource
LAUNCHER_WORDS = (
    "rocket",
    "rockets",
    "launcher",
    "launchers",
    "vehicle",
    "vehicles",
    "carrier",
    "booster",
    "boosters",
)
# Words after a designator that say what it names.
AFTER_DESIGNATOR: dict[str, EntityKind | None] = {
    **dict.fromkeys(
        [
            "satellite",
            "satellites",
            "probe",
            "probes",
            "spacecraft",
            "telescope",
            "cubesat",
            "microsatellite",
            "smallsat",
        ],
        S,
    ),
    **dict.fromkeys(["mission", "missions", "programme", "program"], M),
    # "the Chang'e-9 lander": a designator with its parts is the mission they belong to
    **dict.fromkeys(["lander", "rover", "orbiter", "ascender", "returner", "module"], M),
    **dict.fromkeys(LAUNCHER_WORDS, None),
    **dict.fromkeys(["pandemic", "epidemic", "outbreak", "virus", "vaccine"], None),
    # "on its DFH-4 platform": the bus a craft is built on, no craft itself
    **dict.fromkeys(["platform", "platforms", "bus"], None),
}
# Names of these words alone are descriptions, not names ("Space Station").
GENERIC = frozenset(
    [
        "the",
        "space",
        "national",
        "international",
        "joint",
        "ground",
        "research",
        "data",
        "satellite",
        "satellites",
        "station",
        "centre",
        "center",
        "new",
        "first",
        "second",
        "third",
        "lunar",
        "earth",
        "remote",
        "sensing",
        "observation",
        "science",
        "scientific",
        "technology",
        "application",
        "applications",
        "manned",
        "crewed",
        "training",
        "coordination",
        "cooperation",
    ]
)
MONTH_NAMES = frozenset(MONTHS)
# a person's title: the capitalised words after it are a person's name, not a body's
PERSON_TITLES = frozenset(
    (
        "President", "Prime", "Minister", "Foreign", "Premier", "Vice", "Deputy", "Ambassador",
        "King", "Queen", "Prince", "Sheikh", "Chairman", "Chairwoman", "Director",
        "Administrator", "Secretary", "Governor", "Mr", "Mrs", "Ms", "Dr", "Prof", "Professor",
        "General", "Commissioner", "Chancellor", "Senator", "Councillor",
    )
)  # fmt: skip
# the last words of the names of gatherings: a forum meets where it is held
GATHERING_HEADS = (
    "forum", "conference", "summit", "symposium", "workshop", "congress", "assembly",
    "meeting", "dialogue",
)  # fmt: skip
# the small words inside names, English and those of other languages' names ("Instituto
# Nacional de Pesquisas Espaciais", "Deutsches Zentrum f\u00fcr Luft- und Raumfahrt")
FOREIGN_CONNECTORS = (
    *("de", "du", "des", "la", "le", "del", "della", "di", "da", "do", "dos"),
    # "Mohammed bin Rashid Space Centre", "Universidad de Ciencia y Tecnologia"
    *("bin", "ibn", "van", "von", "der", "den", "y", "e", "et"),
    # "Institut de Recherche en Astrophysique", "Institut für Raumfahrtsysteme"
    *("en", "pour", "und", "für"),
)
CONNECTORS = frozenset({"of", "for", "on", "and", "the", "in", "to", *FOREIGN_CONNECTORS})
# an elided article or preposition glued to the next word: "Centre National d'\u00c9tudes"
ELISION = re.compile(r"^[dlDL]['\u2019](?=\w)")
NOT_NAMES = frozenset(
    [
        "memorandum",
        "memoranda",
        "understanding",
        "agreement",
        "agreements",
        "outline",
        "letter",
        "intent",
        "statement",
        "declaration",
        "plan",
        "convention",
        "treaty",
        "action",
        "protocol",
        "protocols",
        "contract",
        "accord",
        "arrangement",
    ]
)
SENTENCE_OPENERS = frozenset(
    [
        "In",
        "The",
        "On",
        "It",
        "This",
        "Since",
        "From",
        "Through",
        "Using",
        "With",
        "Under",
        "At",
        "By",
        "As",
        "During",
        "After",
        "Before",
        "For",
        "To",
        "Yet",
        "But",
        "And",
        "However",
        "Meanwhile",
        "Still",
        "Like",
        "Unlike",
        "Besides",
        "Beyond",
        # prepositions of company: "Alongside the Kenya Space Agency, the NSSC ..."
        "Alongside",
        "Together",
        "Along",
        "Jointly",
        "Among",
        "Amid",
        "Across",
        "Within",
        "Via",
        "Following",
        "Despite",
        "Its",
        "Their",
        "Our",
        "A",
        "An",
        # imperatives that open a speaker's sentence ("Take King Abdulaziz City ...")
        "Take",
        "Consider",
        "Look",
        "See",
        "Note",
        "Imagine",
        "Remember",
        "Think",
        # subordinators and adverbs that open a clause ("When Paksat-1R went up ...")
        "When",
        "While",
        "Whereas",
        "Although",
        "Though",
        "If",
        "Once",
        "Because",
        "Until",
        "Then",
        "Now",
        "Also",
    ]
)
