"""A state body's name with its country's adjective put before it: "the Lao Ministry of
Natural Resources and Environment", "the Tunisian National Mapping Centre". Its own
name starts at "Ministry", "National" or "State"; the adjective only says whose body it
is. Documents and annotators name it both ways, so the name without the adjective is
another name of the same body (where no curated name or other body has it)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

from graph.model import slugify
from graph.name_forms import head_kind, is_generic
from graph.name_words import CONNECTORS, GENERIC, HEAD_WORDS

_QUALIFIED = re.compile(
    r"^(?P<country>[A-Z][\w'\u2019.-]*)\s+"
    r"(?P<name>(?:Ministry|National|State|Federal)\s+\S+(?:\s+\S+)+)$"
)


def without_country_word(label: str, countries: set[str]) -> str | None:
    """``label`` without the country's name or adjective that opens it, when the rest is
    a state body's own name of three words or more; else None."""
    m = _QUALIFIED.match(label)
    if m is None or m["country"].lower() not in countries:
        return None
    name = m["name"]
    if len(name.split()) < 3 or is_generic(name) or head_kind(name) is None:
        return None
    # ("the Lao National Space Agency" is not "the National Space Agency": its words
    # besides the adjective describe, they do not name)
    own = [w for w in re.split(r"[\s,-]+", name.lower()) if w]
    if all(w in GENERIC or w in HEAD_WORDS or w in CONNECTORS or w in _STATE_WORDS for w in own):
        return None
    return name


_STATE_WORDS = frozenset({"ministry", "national", "state", "federal"})


def qualified_forms(
    labels: Mapping[str, str], countries: set[str], known: set[str]
) -> dict[str, str]:
    """For each discovered body (key -> label) named with its country's word first, the
    name without it, where that name is no curated form (``known``, as slugs) nor shared
    by two bodies."""
    short = {
        key: name
        for key, label in labels.items()
        if (name := without_country_word(label, countries)) is not None
    }
    shared = Counter(slugify(n) for n in short.values())
    return {
        key: name
        for key, name in short.items()
        if shared[slugify(name)] == 1 and slugify(name) not in known
    }
