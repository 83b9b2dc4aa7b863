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

from graph.gazetteer import Gazetteer
from graph.model import EntityKind, slugify

_OF_COUNTRY = re.compile(
    r"^(?P<name>[A-Z][\w'\u2019.&-]*(?:\s+[\w'\u2019.&-]+)+)"
    r"\s+of\s+(?:the\s+)?(?P<country>[A-Z][\w'\u2019 -]+)$"
)


def country_suffix_forms(labels: Mapping[str, str], gazetteer: Gazetteer) -> dict[str, str]:
    """For each discovered body (key -> label) whose name ends in "of <country>", the
    name without it, where that shorter name stands for no other body."""
    countries = {
        form.lower()
        for form, key in gazetteer.forms
        if gazetteer.kind(key) is EntityKind.COUNTRY
    }
    known = {slugify(form) for form, _key in gazetteer.forms}
    short: dict[str, str] = {}
    for key, label in labels.items():
        m = _OF_COUNTRY.match(label)
        if m is None or m["country"].lower() not in countries:
            continue
        name = m["name"]
        if len(name.split()) < 2 or not name.split()[-1][:1].isupper():
            continue  # a name of one word, or one ending in a common word, is no name
        short[key] = name
    shared = Counter(slugify(n) for n in short.values())
    return {
        key: name
        for key, name in short.items()
        if shared[slugify(name)] == 1 and slugify(name) not in known
    }
