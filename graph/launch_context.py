"""The launch a report is about. A launch report names its rocket once ("A Long March 2D
lifted off from Taiyuan ...") and then tells of the craft on board in sentences that name
none: "Riding along were X and Y", "The rocket also carried Z", "W was launched on the
same rocket". Those sentences tell of the launch named before them, so a craft going up
in them went up on that rocket, China's or someone else's.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from graph.normalise import CleanText
from graph.reading import Sentence

# China's rocket families and launch centres, in the words a launch report uses
CHINESE_LAUNCH = re.compile(
    r"\b(?:Chinese\s+(?:rocket|launcher)|Long\s+March|CZ-\d|Kuaizhou|Kinetica|Jielong|"
    r"Zhuque|Ceres-1|Lijian|Smart\s+Dragon|Jiuquan|Xichang|Taiyuan|Wenchang)"
)
# rocket families and launch providers that are not China's
OTHERS_ROCKETS = re.compile(
    r"\b(?:Falcon|Ariane|Vega(?:-C)?|Soyuz|H-II[AB]?|H3|PSLV|GSLV|LVM3|SSLV|Electron|"
    r"Atlas\s+V|Proton|Angara|Epsilon|Minotaur|Antares|Dnepr|Rockot|Pegasus|Firefly|"
    r"Nuri|SpaceX|Arianespace|Rocket\s+Lab|Glavkosmos|Kourou|Baikonur|Vostochny|Plesetsk|"
    r"Sriharikota|Tanegashima|Vandenberg|Cape\s+Canaveral)\b"
)
# how far back a launch is still the one told of (a short report's length; crossheads and
# captions between do not end it)
_REACH = 3000
# a rocket named by reference back: "the same rocket", "the launcher", "this flight"
REFERRED_ROCKET = re.compile(
    r"(?i)^(?:the|this|that|its|their)\s+(?:same\s+)?(?:[a-z-]+\s+)?"
    r"(?:rocket|launcher|vehicle|booster|flight|launch)$"
)


def chinese_launch(sentence: Sentence) -> bool:
    """Whether the launch ``sentence`` tells of went up on a Chinese rocket: the nearest
    rocket or launch site named in it or before it, not too far back, is a Chinese one."""
    marks = _rocket_marks(sentence.clean)
    at = bisect.bisect_left(marks, (sentence.end, False)) - 1
    return at >= 0 and marks[at][0] >= sentence.start - _REACH and marks[at][1]


# the last text asked about, and where it names rockets (position, China's or not)
_LAST: list[tuple[CleanText, list[tuple[int, bool]]]] = []


def _rocket_marks(clean: CleanText) -> list[tuple[int, bool]]:
    if not _LAST or _LAST[0][0] is not clean:
        marks = [(at, True) for at in _match_starts(CHINESE_LAUNCH, _CHINESE_OPENINGS, clean.text)]
        marks += [(at, False) for at in _match_starts(OTHERS_ROCKETS, _OTHERS_OPENINGS, clean.text)]
        _LAST[:] = [(clean, sorted(marks))]
    return _LAST[0][1]


def _without_boundary(pattern: re.Pattern[str]) -> re.Pattern[str]:
    r"""``pattern`` without its opening ``\b``: its alternatives then open with a letter,
    which the engine looks for alone, where it tries the whole pattern at every character
    of a long document otherwise (five times slower at 10 MB)."""
    assert pattern.pattern.startswith(r"\b")
    return re.compile(pattern.pattern.removeprefix(r"\b"), pattern.flags)


_CHINESE_OPENINGS = _without_boundary(CHINESE_LAUNCH)
_OTHERS_OPENINGS = _without_boundary(OTHERS_ROCKETS)


def _match_starts(pattern: re.Pattern[str], openings: re.Pattern[str], text: str) -> Iterator[int]:
    r"""Where ``pattern.finditer(text)``'s matches start: only where ``openings`` (the
    pattern without its ``\b``) matches can the pattern, tried there as it is."""
    at = 0
    while (opening := openings.search(text, at)) is not None:
        found = pattern.match(text, opening.start())
        if found is None:
            at = opening.start() + 1
        else:
            yield found.start()
            at = found.end()
