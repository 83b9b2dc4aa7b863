"""One rule for picking a representation, used by every route and the error handler.

The ``format`` parameter wins when it names an offer (handy in links); otherwise the
``Accept`` header decides, by q-value, with ties going to the offer listed first; a
request without ``Accept`` gets the first offer. None means the client accepts none of
the offers, which the caller turns into a 406.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from flask import g, request
from werkzeug.datastructures import MIMEAccept

HTML = "text/html"
JSON = "application/json"
TEXT = "text/plain"


def choose(
    offers: Sequence[str],
    *,
    names: Mapping[str, str] | None = None,
    accept: MIMEAccept | None = None,
    use_format_param: bool = True,
) -> str | None:
    """The offer the request prefers. ``names`` maps ``format`` parameter values (such as
    ``ttl``) to offers; an offer's own media type is always a valid value."""
    if use_format_param:
        wanted = request.args.get("format")
        if wanted:
            named = (names or {}).get(wanted, wanted)
            if named in offers:
                return named
    accept = request.accept_mimetypes if accept is None else accept
    if not accept:
        return offers[0] if offers else None
    return accept.best_match(offers)


# Blueprints whose answers are pages for people: without a preference, their errors are
# pages too; elsewhere (the endpoint, the APIs, downloads) a line of text. A route that
# chose another representation (``/id/x.ttl``) sets ``g.error_media``.
PAGE_BLUEPRINTS = frozenset({"pages", "resources", "documents", "search"})


def error_format() -> str:
    """HTML, JSON or plain text for an error: as asked; plain text for clients that
    asked for something else (a SPARQL client expecting CSV still reads a line)."""
    offers = (TEXT, JSON, HTML)
    if not request.accept_mimetypes:
        # No preference: the kind of answer the route gives (a route that negotiated
        # says which), a page for an unknown path.
        page = request.blueprint in PAGE_BLUEPRINTS or request.url_rule is None
        if g.get("error_media", HTML if page else TEXT) == HTML:
            offers = (HTML, JSON, TEXT)
    return choose(offers, names={"html": HTML, "json": JSON}) or TEXT
