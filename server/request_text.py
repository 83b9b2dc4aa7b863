"""Text taken from a request as a page may show it."""

from __future__ import annotations


def printable(text: str, keep: str = "") -> str:
    """A request's text as a page may show it: control characters (but those in
    ``keep``) are not HTML."""
    return "".join(c for c in text if c.isprintable() or c in keep)


def search_guess(path: str) -> str:
    """What to offer to search for: the last segment of a path, as words."""
    return printable(path.rstrip("/").rsplit("/", 1)[-1].replace("-", " "))[:100]
