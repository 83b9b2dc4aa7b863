"""What a block of a fact sheet tells the list items under it, beyond its heading's own
words: a heading drawn right under a mission's heading is that mission's subtitle
("1  CHANG'E-6 | sample return" over "Foreign payloads (all flown)"), so the lines under
the subtitle keep the mission. Read by ``graph.reading`` as it walks the headings."""

from __future__ import annotations

from graph.headings import subtitles
from graph.recognise import Found


def heading_depth(
    level: int,
    right_under: bool,
    headings: list[tuple[int, str]],
    heading: str,
    inside: list[Found],
    missions: dict[str, str | None],
) -> int:
    """The depth of a heading: one below the mission's heading it is set right under
    (``right_under``: no text between) when it is that heading's subtitle."""
    if right_under and headings and subtitles(heading, inside, missions.get(headings[-1][1])):
        return max(level, headings[-1][0] + 1)
    return level
