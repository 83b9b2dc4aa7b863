"""Demonyms of every country ("Togolese", "Beninese"), from the countryinfo package's
data files, so that the adjective of a country no reference file lists still names it.

Only the data is read (its JSON files), not the package's lookup API. An entry is used
when its name leads pycountry to the same ISO code it states (the package has entries
whose codes are swapped), and a demonym two countries share ("Congolese") names neither.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from functools import cache
from importlib import resources

import pycountry


@cache
def _entries() -> tuple[dict, ...]:
    """The countryinfo package's country entries, read once from its JSON data files."""
    folder = resources.files("countryinfo") / "data"
    return tuple(
        json.loads(entry.read_text(encoding="utf-8"))
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".json")
    )


@cache
def demonyms() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> demonym, for the entries that agree with pycountry."""
    found: dict[str, str] = {}
    shared: Counter[str] = Counter()
    for data in _entries():
        demonym, code = data.get("demonym"), data.get("ISO", {}).get("alpha2")
        if not demonym or not code or not demonym[:1].isupper():
            continue
        shared[demonym] += 1
        try:
            country = pycountry.countries.lookup(data.get("name", ""))
        except LookupError:
            continue
        names = {country.name, getattr(country, "common_name", ""), data.get("name", "")}
        if country.alpha_2 == code and demonym not in names:  # "Djibouti" is no adjective
            found[code] = demonym
    return {code: name for code, name in found.items() if shared[name] == 1}


def ascii_form(name: str) -> str:
    """A name without its accents ("Brasília" -> "Brasilia")."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


@cache
def capitals() -> frozenset[str]:
    """Capital cities of every country in the countryinfo data: a place, never a body
    ("signed the memorandum with Astana" is the government, not a new organisation)."""
    found = set()
    for data in _entries():
        capital = data.get("capital")
        if isinstance(capital, str) and capital:
            found.add(capital)
            found.add(ascii_form(capital))  # as English text often writes it: "Brasilia"
    return frozenset(found)


@cache
def is_country_name(words: str) -> bool:
    """Whether the words name a country as pycountry knows them ("Sweden", "Viet Nam")."""
    try:
        pycountry.countries.lookup(words)
    except LookupError:
        return False
    return True


@cache
def capital_countries() -> dict[str, str]:
    """Capital city -> ISO 3166-1 alpha-2 code, for entries whose two-letter and
    three-letter codes agree with pycountry, capitals no two countries share, and none
    that is a country's own name ("Singapore", "Kuwait")."""
    found: dict[str, str] = {}
    shared: Counter[str] = Counter()
    for data in _entries():
        capital, codes = data.get("capital"), data.get("ISO", {})
        if not isinstance(capital, str) or not capital[:1].isupper() or not codes:
            continue
        shared[capital] += 1
        country = pycountry.countries.get(alpha_2=codes.get("alpha2", ""))
        agrees = country is not None and country.alpha_3 == codes.get("alpha3")
        if agrees and not is_country_name(capital):
            found[capital] = country.alpha_2
    return {capital: code for capital, code in found.items() if shared[capital] == 1}
