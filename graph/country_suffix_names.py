"""A body's name without the country its name ends with: "the National Institute for
Nuclear Physics of Italy" is also "the National Institute for Nuclear Physics".

Why: documents add the country to a foreign body's name where a reader might not know
it ("Kiel University of Germany", "the National Space Science Agency of Bahrain"), and
name the same body without it elsewhere, as researchers searching the graph and the
annotators do. The shorter form becomes another name of the discovered body, so both
namings are one partner (a shorter naming discovered on its own is that body). It is
left out where it is a curated name or where two bodies would share it ("the Space
Agency of Ghana" and "the Space Agency of Kenya").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache

from graph.demonyms import demonyms
from graph.gazetteer import Gazetteer
from graph.model import EntityKind, slugify
from graph.name_forms import is_generic

_OF_COUNTRY = re.compile(
    r"^(?P<name>[A-Z][\w'\u2019.&-]*(?:\s+[\w'\u2019.&,-]+)+)"
    r"\s+of\s+(?:the\s+)?(?P<country>[A-Z][\w'\u2019 -]+)$"
)


# a country named as a state: "the Argentine Republic", "the Republic of Serbia",
# "the Kingdom of Morocco"
_STATE = r"(?:Republic|Kingdom|Federation|Sultanate|State|Commonwealth|Principality)"
_STATE_OF = re.compile(
    rf"^(?:(?:Federal|Democratic|Islamic|Arab|People's|Socialist|United|Plurinational|"
    rf"Bolivarian|Federative|Hashemite|Oriental)\s+)*{_STATE}\s+of\s+(?:the\s+)?(?P<c>.+)$"
)
_DEMONYM_STATE = re.compile(rf"^(?P<d>[A-Z][\w'\u2019-]+)\s+{_STATE}$")


@lru_cache(maxsize=1)
def _demonym_countries() -> frozenset[str]:
    return frozenset(d.lower() for d in demonyms().values())


def _is_country(name: str, countries: set[str]) -> bool:
    """Whether ``name`` is a country's name, or the country named as a state."""
    if name.lower() in countries:
        return True
    state = _STATE_OF.match(name)
    if state:
        return state["c"].lower() in countries
    by_people = _DEMONYM_STATE.match(name)
    people = by_people["d"].lower() if by_people else ""
    return people in countries or people in _demonym_countries()  # (demonyms are forms)


def country_forms(gazetteer: Gazetteer) -> set[str]:
    """The curated forms of countries' names, in lower case."""
    return {
        form.lower() for form, key in gazetteer.forms if gazetteer.kind(key) is EntityKind.COUNTRY
    }


def body_without_country(label: str, countries: set[str]) -> str | None:
    """The name of a body without the country its name ends with ("the National
    Astronomical Observatories of China" -> "National Astronomical Observatories", "...
    of the Argentine Republic" too); None when it ends with no country."""
    m = _OF_COUNTRY.match(label)
    if m is None or not _is_country(m["country"], countries):
        return None
    state = _OF_STATE_END.match(m["name"])  # "... of the Republic" of "Serbia"
    return state["name"] if state else m["name"]


_OF_STATE_END = re.compile(rf"^(?P<name>.+?)\s+of\s+(?:the\s+)?(?:[A-Z][\w']+\s+)*{_STATE}$")


def country_suffix_forms(labels: Mapping[str, str], gazetteer: Gazetteer) -> dict[str, str]:
    """For each discovered body (key -> label) whose name ends in "of <country>", the
    name without it, where that shorter name stands for no other body."""
    countries = country_forms(gazetteer)
    known = {slugify(form) for form, _key in gazetteer.forms}
    short: dict[str, str] = {}
    for key, label in labels.items():
        name = body_without_country(label, countries)
        if name is None:
            continue
        if len(name.split()) < 2 or not name.split()[-1][:1].isupper() or is_generic(name):
            # a name of one word, or one ending in a common word, is no name; nor is a
            # description ("Space Agency" of "the Space Agency of the Republic of ...")
            continue
        short[key] = name
    shared = Counter(slugify(n) for n in short.values())
    return {
        key: name
        for key, name in short.items()
        if shared[slugify(name)] == 1 and slugify(name) not in known
    }
