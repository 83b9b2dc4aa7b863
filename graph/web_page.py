"""The article body of a web page: the run of prose between the site's furniture (menus,
bylines, share bars, related headlines, copyright lines), read over the lines a writer
typed, whether the page keeps a paragraph on one line or wraps it at a fixed width."""

from __future__ import annotations

import re

from graph.line_kinds import BULLET, RULE, TERMINAL, is_caps_heading, is_table_row
from graph.text_lines import Line

BOILERPLATE = re.compile(
    r"copyright|\u00a9|all rights reserved|subscribe|newsletter|cookie|privacy|"
    r"read more|>>\s*more|advertis|\.\.\.\s*$|\u2026\s*$",
    re.IGNORECASE,
)


_CITATIONS = re.compile(r"(?:\[(?:\d+|[a-z]|note\s+\d+|citation needed)\])+$")


# a link after an item's text: "... to 2035. Read more ->", "(read more)"
_TRAILING_LINK = re.compile(
    r"\s*[(\[]?\s*(?:read\s+more|more)\s*(?:->|\u2192|\u00bb|>>|\.\.\.|\u2026)?\s*[)\]]?\s*$",
    re.IGNORECASE,
)


def _is_prose(line: str) -> bool:
    """A line of running text: long enough, ending a sentence (an encyclopedia's citation
    marks after the full stop, "...in 2017.[3]", and a newsletter item's closing "Read
    more ->" do not count)."""
    text = _CITATIONS.sub("", _TRAILING_LINK.sub("", line))
    return len(text.split()) >= 10 and text.endswith(TERMINAL) and not BOILERPLATE.search(text)


# lines that open the page's furniture after an article: its end
_AFTER_ARTICLE = re.compile(
    r"^(?:related(?:\s+(?:news|stories|articles|links|coverage))?|more\s+(?:news|stories)|"
    r"see\s+also|recommended|popular|most\s+read|latest\s+news|trending|you\s+may\s+also\s+like|"
    r"share\s+this|tags?|references|external\s+links|further\s+reading|bibliography)\b",
    re.IGNORECASE,
)


def _is_body_item(line: str, *, started: bool) -> bool:
    """A bullet item or a table row of an article's body, kept with the prose around it;
    a fact sheet's body may open with one when it is long enough to say something (menu
    entries and link lists are a few words)."""
    if not (BULLET.match(line) or is_table_row(line)):
        return False
    return len(line.split()) >= (3 if started else 5) and not BOILERPLATE.search(line)


# "Home | World | Science | Space": a navigation bar
_NAVIGATION = re.compile(r"^(?:[^|]{1,25}\|){3,}[^|]{0,25}$")


def has_chrome(lines: list[Line]) -> bool:
    """Whether a page has a web site's furniture around its text (a menu, a copyright
    line, related links): a page without any is all body, a fact sheet put online."""
    return any(
        BOILERPLATE.search(line.text)
        or _AFTER_ARTICLE.match(line.text)
        or _NAVIGATION.match(line.text)
        for line in lines
    )


def _logical_lines(lines: list[Line]) -> list[list[int]]:
    """Physical lines grouped into the lines a writer typed: a line cut at a fixed width
    (no sentence end, the next one following it directly) goes on in the next, so that a
    hard-wrapped article reads as prose like one whose paragraphs are single lines."""
    groups: list[list[int]] = []
    for i, line in enumerate(lines):
        prev = lines[i - 1] if i else None
        joined = (
            prev is not None
            and not line.blank_before
            and not prev.text.endswith(TERMINAL)
            and len(prev.text.split()) >= 6
            and not (BULLET.match(line.text) or is_table_row(line.text) or is_table_row(prev.text))
            and not (_NAVIGATION.match(prev.text) or BOILERPLATE.search(prev.text))
            and not _AFTER_ARTICLE.match(line.text)
        )
        if joined:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def main_content(lines: list[Line]) -> list[Line]:
    """The article body of a web page (see ``_body``), read over the writer's lines."""
    groups = _logical_lines(lines)
    logical = [
        Line(lines[g[0]].start, " ".join(lines[i].text for i in g), lines[g[0]].blank_before)
        for g in groups
    ]
    first, last = _body(logical)
    kept = [i for g in groups[first:last] for i in g]
    return [lines[i] for i in kept if i not in _promotions(lines, kept)]


def _promotions(lines: list[Line], kept: list[int]) -> set[int]:
    """The lines of a promotion set inside the article (a newsletter box, "Read more:"):
    each short block of lines with no blank line between them that holds such a line (a
    paragraph of the story that mentions a newsletter is longer)."""
    blocks: list[list[int]] = []
    for i in kept:
        if blocks and not lines[i].blank_before and blocks[-1][-1] == i - 1:
            blocks[-1].append(i)
        else:
            blocks.append([i])
    out: set[int] = set()
    for b in blocks:
        if sum(len(lines[i].text.split()) for i in b) > 40:
            continue
        promoted = [
            i for i in b if BOILERPLATE.search(lines[i].text) and not _is_prose(lines[i].text)
        ]
        if not promoted:
            continue
        # a story's sentence right above "Read more: ..." stays; the link goes
        story = [i for i in b if _is_prose(lines[i].text) and len(lines[i].text.split()) >= 15]
        out |= set(promoted) if story else set(b)
    return out


def _body(lines: list[Line]) -> tuple[int, int]:
    """The article body of a web page, as a range of lines: the largest run of prose lines,
    allowing up to two short lines (headings) between them, stopping at copyright, teaser
    or link lists."""
    clusters: list[list[int]] = []
    current: list[int] = []
    gap = 0
    for i, line in enumerate(lines):
        lone_row = is_table_row(line.text) and not any(
            0 <= j < len(lines) and (is_table_row(lines[j].text) or RULE.match(lines[j].text))
            for j in (i - 1, i + 1)
        )  # "Share: Facebook | X | Email": a bar of links, not a table
        if _is_prose(line.text) or (
            _is_body_item(line.text, started=bool(current)) and not lone_row
        ):
            current.append(i)
            gap = 0
            continue
        gap += 1
        if BOILERPLATE.search(line.text) or _AFTER_ARTICLE.match(line.text) or gap > 2:
            if current:
                clusters.append(current)
            current, gap = [], 0
    if current:
        clusters.append(current)
    if not clusters:
        return 0, 0
    size = [sum(len(lines[i].text) for i in c) for c in clusters]
    best = max(range(len(clusters)), key=size.__getitem__)
    first = last = best
    # the article goes on past a few short lines (a table of contents, subheadings) as
    # long as nothing between says the page's furniture starts and the text is prose
    while first > 0 and _continues(lines, clusters[first - 1], clusters[first]):
        first -= 1
    while last + 1 < len(clusters) and _continues(lines, clusters[last], clusters[last + 1]):
        last += 1
    start = clusters[first][0]
    # the heading right above the body is its own ("INTERNATIONAL PAYLOADS (2026)")
    while (
        start > 0
        and is_caps_heading(lines[start - 1].text)
        and not BOILERPLATE.search(lines[start - 1].text)
        and len(lines[start - 1].text.split()) >= 2
        and clusters[first][0] - start < 1
    ):
        start -= 1
    return start, clusters[last][-1] + 1


# furniture that only ends a page: after a copyright line, a cookie notice, readers'
# comments or the author's note, no more of the article follows
_PAGE_END = re.compile(
    r"copyright|\u00a9|all rights reserved|cookie|privacy|comments?\b|about\s+the\s+author",
    re.IGNORECASE,
)


def _continues(lines: list[Line], before: list[int], after: list[int]) -> bool:
    """Whether the article goes on after a few lines that are not its prose: headings,
    or a short promotion set inside it (a newsletter box, an advertisement, "Read more:"),
    never a line that only ends a page or opens its related links."""
    between = lines[before[-1] + 1 : after[0]]
    if any(_PAGE_END.search(ln.text) or _AFTER_ARTICLE.match(ln.text) for ln in between):
        return False
    promoted = sum(1 for ln in between if BOILERPLATE.search(ln.text))
    if len(between) > 12 or (promoted and len(between) > 8):
        return False

    def substantial(cluster: list[int]) -> bool:
        return any(len(lines[i].text.split()) >= 15 and _is_prose(lines[i].text) for i in cluster)

    return substantial(before) and substantial(after)
