"""Agreements stated by records of labelled fields (``graph.record_fields``): a record
whose type or title names a kind of agreement, whose parties field names a Chinese
party and a foreign one, is one agreement, signed on the date its signature field gives.
The evidence is the record's lines from its first field to its last.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from graph.agreement_nouns import agreement_kind
from graph.dates import date_in, period_in
from graph.gazetteer import CHINA, Gazetteer
from graph.model import Agreement, Document, EntityKind, Evidence, Status
from graph.normalise import CleanText
from graph.recognise import Found
from graph.record_fields import Record

_KIND_LABELS = frozenset({"type", "kind", "instrument", "category", "form"})
_TITLE_LABELS = frozenset({"title", "name", "document", "instrument title", "agreement"})
_PARTY_LABELS = frozenset({"parties", "party", "signatories", "signatory", "between"})
# a field that names only the other side: China's is the register's own
_COUNTERPART_LABELS = frozenset(
    {"counterpart", "counterparts", "partner", "partners", "partner country", "country"}
)
_DATE_LABELS = frozenset(
    {"signed", "signature", "signing", "date", "concluded", "date signed", "signed on"}
)
_PERIOD_LABELS = frozenset({"duration", "period", "validity", "term", "valid"})
_STATUS_LABELS = frozenset({"status", "stage", "state"})
# a record of a document not yet signed
_NOT_SIGNED = re.compile(
    r"\b(?:draft|under\s+negotiation|negotiating|proposed|planned|pending|not\s+(?:yet\s+)?signed|"
    r"to\s+be\s+signed)\b",
    re.IGNORECASE,
)
_PARTNERS = (EntityKind.COUNTRY, EntityKind.ORGANISATION)


def agreement(
    document: Document,
    clean: CleanText,
    record: Record,
    found: Sequence[Found],
    gazetteer: Gazetteer,
) -> Agreement | None:
    """The agreement one record states, if it states one."""
    typed = record.first(_KIND_LABELS)
    titled = record.first(_TITLE_LABELS)
    if titled is None and typed is not None and len(typed.value.split()) > 4:
        titled = typed  # "Instrument: Memorandum of Understanding between ... on ...": its title
    kind = (typed and agreement_kind(typed.value)) or (titled and agreement_kind(titled.value))
    if kind is None:
        return None
    domestic = gazetteer.domestic
    named = record.first(_PARTY_LABELS)
    other = None if named else record.first(_COUNTERPART_LABELS)
    # the bodies a title names: "Agreement between China and X on ...", "Memorandum of
    # Understanding between the China National Space Administration and Roscosmos"
    signers = (
        _parties(clean.text, titled.value_start, titled.end, found, domestic) if titled else []
    )
    parties = []
    for f in (named or other or titled,):
        if f is not None:  # with no parties field: "Agreement between China and X on ..."
            parties = _parties(clean.text, f.value_start, f.end, found, domestic)
    if other is not None and parties and not any(p in domestic for p in parties):
        parties.append(CHINA)
    elif other is not None and titled is not None and all(p in domestic for p in parties):
        # a partner's register, whose counterpart is China: its own side is in the title
        # ("Framework Agreement between the Argentine Republic and the People's ...")
        parties += signers
    if (
        titled is not None
        and re.search(r"\b(?:between|with)\b", titled.value)
        and any(p in domestic for p in signers)
        and any(p not in domestic for p in signers)
    ):
        # the signers a title names between China's side and another are the parties,
        # more precisely than the countries a parties field lists
        parties = signers
    foreign = [p for p in parties if p not in gazetteer.domestic]
    if not foreign or len(foreign) == len(parties):
        return None  # a record with no Chinese party is another country's
    issued = document.meta.issued
    dated = record.first(_DATE_LABELS)
    signed_on = date_in(dated.value, issued)[0] if dated else None
    timed = record.first(_PERIOD_LABELS)
    period = period_in(" ".join(f.value for f in (titled, timed) if f is not None))
    stage = record.first(_STATUS_LABELS)
    planned = stage is not None and _NOT_SIGNED.search(stage.value) and not signed_on
    raw_start, raw_end = clean.to_raw(record.start, record.end)
    return Agreement(
        evidence=(Evidence(document.id, raw_start, raw_end, document.text[raw_start:raw_end]),),
        status=Status.PLANNED if planned else Status.ACHIEVED,
        parties=tuple(sorted(set(parties))),
        agreement_kind=kind,
        title=titled.value.rstrip(".") if titled and agreement_kind(titled.value) else None,
        signed_on=signed_on,
        valid_from=period[0] if period else None,
        valid_until=period[1] if period else None,
    )


def _parties(
    text: str, start: int, end: int, found: Sequence[Found], domestic: frozenset[str]
) -> list[str]:
    """The first country or body named in each part of a parties field: parts are cut at
    ";", "|", "/", a dash, "and" or a line break, and at a comma unless what follows it is the
    place or the parent of the name before ("National Space Science Center, Chinese
    Academy of Sciences; Finnish Meteorological Institute": the centre and the
    institute). The Government of a country is the country."""
    names = [
        f
        for f in found
        if start <= f.start and f.end <= end and not f.nested and f.kind in _PARTNERS
    ]
    keys: list[str] = []
    for before, f in zip([None, *names], names, strict=False):
        if before is not None and not _separated(text[before.end : f.start], before, f, domestic):
            continue
        keys.append(f.key)
    return list(dict.fromkeys(keys))


_SEPARATOR = re.compile(r"[;|/\n&\u2013\u2014]|\s-\s|\band\b")


def _separated(between: str, before: Found, after: Found, domestic: frozenset[str]) -> bool:
    if _SEPARATOR.search(between):
        return True
    if "," not in between:
        return False  # "Government of the People's Republic of China": one party
    place = after.kind is EntityKind.COUNTRY and before.kind is EntityKind.ORGANISATION
    parent = before.key in domestic and after.key in domestic
    return not (place or parent)
