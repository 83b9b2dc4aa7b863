"""Capital cities that stand for their governments.

News says "Moscow and Beijing signed a memorandum" or "Beijing's cooperation with
Islamabad": the capital is the country acting, not the place. A capital is read as its
country only where the words around it make it act: as the subject of a verb of agreeing,
joining or working, alone or with another name ("Moscow and Beijing signed"), or after
"with" in a sentence whose subject is Beijing. Elsewhere ("a station near Nairobi",
"signed in Cairo", "ties between Beijing and Moscow") it stays a place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from graph.demonyms import ascii_form, capital_countries
from graph.gazetteer import CHINA, Gazetteer
from graph.model import EntityKind
from graph.recognise import Found
from graph.spans import SpanIndex

_ACTING_VERB = (
    r"(?:(?:has|have|had|will|would|also|now|since|later|then|formally)\s+){0,3}"
    r"(?:signed|signs|sign|agreed|agrees|agree|joined|joins|join|became|become|"
    r"cooperated|cooperates|cooperate|worked|works|work|partnered|teamed|pledged|"
    r"committed|sent|sends|received|receives|bought|ordered|asked|requested|welcomed|"
    r"launched|plans|planned|wants|hopes|intends|expects|approved|backed|supported)\b"
)
_NAME = r"(?:the\s+)?[A-Z][\w\u00c0-\u017f'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)?"
# capitals that are as often a person's or another town's name
_AMBIGUOUS = frozenset({"Victoria", "Hamilton", "Douglas", "Plymouth", "Georgetown", "Kingston"})


_WORD = re.compile(r"(?<!\w)[A-Z]\w*")
# "Cairo University", "the Beijing Declaration": the capital's name inside another's
_NAMED_AFTER = re.compile(r"\w|\s+(?:University|Declaration|Convention|Summit)\b")


@cache
def _by_first_word() -> dict[str, tuple[str, ...]]:
    """The capitals by their first word, longest first ("Port", "Port Louis")."""
    out: dict[str, list[str]] = {}
    for capital in sorted(_forms(), key=len, reverse=True):
        first = _WORD.match(capital)
        if first is not None:  # (a name opening with a letter outside A-Z is not looked for)
            out.setdefault(first.group(0), []).append(capital)
    return {word: tuple(names) for word, names in out.items()}


def _capitals_in(text: str) -> list[tuple[int, int, str]]:
    """(start, end, capital) for each capital named in ``text``: a scan of its
    capitalised words, each looked up by the first word of a capital's name."""
    firsts = _by_first_word()
    out = []
    for m in _WORD.finditer(text):
        for capital in firsts.get(m.group(0), ()):
            end = m.start() + len(capital)
            if text.startswith(capital, m.start()) and not _NAMED_AFTER.match(text, end):
                out.append((m.start(), end, capital))
                break
    return out


def _acting(text: str, start: int, end: int) -> bool:
    """Whether the capital at ``start:end`` acts for its government."""
    before, after = text[max(0, start - 40) : start], text[end : end + 80]
    if re.search(r"\b(?:in|at|near|from|to|of|outside)\s+$", before):
        return False  # "signed in Cairo": the place
    if re.match(rf"\s+{_ACTING_VERB}", after):
        return True  # "Dakar has joined ..."
    # "Moscow and Beijing signed ...": the first of two names that act together
    if re.match(rf"\s+and\s+{_NAME}\s+{_ACTING_VERB}", after):
        return True
    return _with_beijing(text, start)


def _with_beijing(text: str, start: int) -> bool:
    """ "Beijing's cooperation with Islamabad": a capital after "with" in a sentence where
    Beijing acts (not "in Beijing")."""
    before = text[max(0, start - 40) : start]
    sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    opening = text[sentence_start:start]
    return (
        re.search(r"\bwith\s+$", before) is not None
        and re.search(r"(?<!\bin\s)(?<!\bat\s)(?<!\bfrom\s)\bBeijing\b", opening) is not None
    )


@cache
def _forms() -> dict[str, str]:
    """Each capital as written and without its accents ("Brasilia", "Bogota")."""
    out = {}
    for capital, code in capital_countries().items():
        if capital in _AMBIGUOUS:
            continue
        out[capital] = code
        out.setdefault(ascii_form(capital), code)
    return out


def acting_capitals(text: str, found: Sequence[Found], gazetteer: Gazetteer) -> list[Found]:
    """Country mentions for the capitals of ``text`` (clean offsets) that act for their
    governments; a capital inside a longer name ("University of Nairobi") is left alone."""
    codes = _forms()
    keys = gazetteer.country_keys
    taken = SpanIndex((f.start, f.end) for f in found)
    out: list[Found] = []
    for start, end, capital in _capitals_in(text):
        key = keys.get(codes[capital])
        foreign = key is not None and (key == CHINA or key not in gazetteer.domestic)
        if not foreign or taken.overlaps(start, end):
            continue
        if _acting(text, start, end):
            out.append(Found(key, EntityKind.COUNTRY, start, end, text[start:end]))
    return out
