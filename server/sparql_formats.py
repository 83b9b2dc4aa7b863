"""Result formats of the endpoint and how a request picks one.

Two families: solution formats (SELECT and ASK) and RDF formats (CONSTRUCT and
DESCRIBE). A request chooses with the ``format`` parameter (a short name or a media
type, handy in links) or else with ``Accept`` and its q-values; no preference means
SPARQL JSON or Turtle.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from server.negotiation import choose


@dataclass(frozen=True)
class Format:
    key: str  # short name, also the ``format`` parameter value
    media_type: str  # what the response says it is
    aliases: tuple[str, ...]  # other media types and names that select it
    solutions: bool  # a SPARQL results format (else an RDF syntax)
    oxigraph: str  # member name in pyoxigraph's QueryResultsFormat or RdfFormat

    @property
    def content_type(self) -> str:
        textual = self.media_type.startswith("text/") or self.media_type.endswith(
            ("json", "xml", "turtle", "triples", "quads", "trig")
        )
        return f"{self.media_type}; charset=utf-8" if textual else self.media_type


SOLUTION_FORMATS: tuple[Format, ...] = (
    Format("json", "application/sparql-results+json", ("application/json", "srj"), True, "JSON"),
    Format(
        "xml",
        "application/sparql-results+xml",
        ("application/xml", "text/xml", "srx"),
        True,
        "XML",
    ),
    Format("csv", "text/csv", (), True, "CSV"),
    Format("tsv", "text/tab-separated-values", (), True, "TSV"),
)

RDF_FORMATS: tuple[Format, ...] = (
    Format("turtle", "text/turtle", ("ttl", "application/x-turtle"), False, "TURTLE"),
    Format("ntriples", "application/n-triples", ("nt", "text/plain"), False, "N_TRIPLES"),
    Format("jsonld", "application/ld+json", ("json-ld", "application/json"), False, "JSON_LD"),
    Format("rdfxml", "application/rdf+xml", ("rdf", "xml", "application/xml"), False, "RDF_XML"),
    Format("nquads", "application/n-quads", ("nq",), False, "N_QUADS"),
    Format("trig", "application/trig", (), False, "TRIG"),
)

ALL_FORMATS = SOLUTION_FORMATS + RDF_FORMATS
BY_KEY = {f.key: f for f in ALL_FORMATS}


class NotAcceptable(Exception):
    """No format of the query's family satisfies the request."""


def family(form: str | None) -> tuple[Format, ...]:
    return RDF_FORMATS if form in ("CONSTRUCT", "DESCRIBE") else SOLUTION_FORMATS


def _named(value: str, candidates: Iterable[Format]) -> Format | None:
    value = value.strip().lower()
    for fmt in candidates:
        if value in (fmt.key, fmt.media_type) or value in fmt.aliases:
            return fmt
    return None


def negotiate(form: str | None, *, format_param: str | None, accept: MIMEAccept) -> Format:
    """The format to answer a query of ``form`` with (cached per distinct request).

    :raises NotAcceptable: the ``format`` parameter names no format of this family, or
        ``Accept`` excludes all of them.
    """
    return negotiate_header(form, format_param, accept.to_header() if accept else "")


@lru_cache(maxsize=1024)
def negotiate_header(form: str | None, format_param: str | None, accept_header: str) -> Format:
    """``negotiate`` with ``Accept`` as its raw header value (cached per distinct value).

    :raises NotAcceptable: as ``negotiate``.
    """
    candidates = family(form)
    accept = parse_accept_header(accept_header, MIMEAccept)
    if format_param:
        chosen = _named(format_param, candidates)
        if chosen is None:
            names = ", ".join(f.key for f in candidates)
            raise NotAcceptable(f"format {format_param!r} is not available here; use {names}")
        return chosen
    if not accept:
        return candidates[0]
    offers: list[str] = []
    owner: dict[str, Format] = {}
    for fmt in candidates:
        for media in (fmt.media_type, *(a for a in fmt.aliases if "/" in a)):
            if media not in owner:
                owner[media] = fmt
                offers.append(media)
    best = choose(offers, accept=accept, use_format_param=False)
    if best is None:
        names = ", ".join(f.media_type for f in candidates)
        raise NotAcceptable(f"none of the acceptable media types can be produced; try {names}")
    return owner[best]
