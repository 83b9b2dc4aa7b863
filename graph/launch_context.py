"""The launch a report is about. A launch report names its rocket once ("A Long March 2D
lifted off from Taiyuan ...") and then tells of the craft on board in sentences that name
none: "Riding along were X and Y", "The rocket also carried Z", "W was launched on the
same rocket". Those sentences tell of the launch named before them, so a craft going up
in them went up on that rocket, China's or someone else's.
"""

from __future__ import annotations

import bisect
import re

from graph.normalise import CleanText
from graph.reading import Sentence

# China's rocket families and launch centres, in the words a launch report uses
CHINESE_LAUNCH = re.compile(
    r"\b(?:Chinese\s+(?:rocket|launcher)|Long\s+March|CZ-\d|Kuaizhou|Kinetica|Jielong|"
    r"Zhuque|Ceres-1|Lijian|Smart\s+Dragon|Jiuquan|Xichang|Taiyuan|Wenchang)"
)
# rocket families and launch providers that are not China's
_OTHERS_ROCKETS = re.compile(
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
        marks = [(m.start(), True) for m in CHINESE_LAUNCH.finditer(clean.text)]
        marks += [(m.start(), False) for m in _OTHERS_ROCKETS.finditer(clean.text)]
        _LAST[:] = [(clean, sorted(marks))]
    return _LAST[0][1]
