"""A document's text as HTML with its evidence passages marked.

The text is shown exactly as it stands in the file (offsets of the evidence index into
it), so the marks are placed by character position, not by searching for the quote.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from server.resources_links import evidence_anchor


@dataclass(frozen=True)
class FactRef:
    """A fact a passage supports, numbered in the order the document states them."""

    number: int
    iri: str
    label: str
    href: str


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    facts: tuple[int, ...]  # FactRef numbers


@dataclass
class _Open:
    span: Span
    end: int  # where this part of the mark closes (<= span.end when clipped)


def highlight(text: str, spans: Sequence[Span], facts: Mapping[int, FactRef]) -> Markup:
    """``text`` escaped, each span wrapped in ``<mark id="evidence-<start>-<end>">`` and
    followed by links to the facts it supports.

    Marks nest when one passage lies inside another. A passage that starts inside
    another and ends after it is split in two at the outer mark's end; only the first
    part carries the id, so a link to it still scrolls to where it starts.
    """
    out: list[str] = []
    pos = 0
    stack: list[_Open] = []
    queue = [(s.start, -s.end, n, s, True) for n, s in enumerate(spans) if 0 <= s.start < s.end]
    heapq.heapify(queue)
    seq = len(queue)

    def close() -> None:
        nonlocal pos
        part = stack.pop()
        out.append(str(escape(text[pos : part.end])))
        pos = part.end
        out.append("</mark>")
        if part.end == part.span.end:
            out.append(_fact_links(part.span, facts))

    while queue:
        start, neg_end, _, span, first = heapq.heappop(queue)
        end = min(-neg_end, len(text))
        while stack and stack[-1].end <= start:
            close()
        if start >= end:
            continue
        if stack and end > stack[-1].end:
            heapq.heappush(queue, (stack[-1].end, -span.end, seq, span, False))
            seq += 1
            end = stack[-1].end
        out.append(str(escape(text[pos:start])))
        pos = start
        out.append(_open_tag(span, first, facts))
        stack.append(_Open(span, end))
    while stack:
        close()
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def _open_tag(span: Span, first: bool, facts: Mapping[int, FactRef]) -> str:
    if not first:
        return '<mark class="evidence evidence-continued">'
    supports = "; ".join(facts[n].label for n in span.facts if n in facts)
    return (
        f'<mark id="{evidence_anchor(span.start, span.end)}" class="evidence"'
        f' title="{escape("Evidence for: " + supports)}">'
    )


def _fact_links(span: Span, facts: Mapping[int, FactRef]) -> str:
    links = [
        f'<a href="{escape(facts[n].href)}" title="{escape(facts[n].label)}"'
        f' aria-label="{escape(f"fact {n}: {facts[n].label}")}">{n}</a>'
        for n in span.facts
        if n in facts
    ]
    if not links:
        return ""
    return '<sup class="fact-refs">' + " ".join(links) + "</sup>"
