"""Extraction stage: documents -> facts with evidence, entities, unknown names.

``load_reference`` is the I/O end (reference data, pycountry, the curation file);
``extract_corpus`` is pure. Names the documents introduce are discovered first, over the
whole corpus (``graph.discover``), so a name first seen in one document is known in
every other. Each document is then cleaned (with a map back to the raw file), cut into
sentences that know their section, parsed, and read by each fact family of the registry
in ``graph.families`` in turn (a table row by its header). Facts with the same key from
several documents merge into one fact carrying every document's evidence; a fact stated
as achieved anywhere is achieved. Copies of other documents (manifest ``alternate_of``)
are not read at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from graph import (
    curation,
    discover,
    families,
    methods,
    mission_time,
    records_spacecraft,
    relations_records,
    relations_table,
)
from graph.claims import refuted_claim
from graph.families import FAMILIES
from graph.families.base import Reading
from graph.gazetteer import CHINA, Gazetteer, read_gazetteer
from graph.learned_areas import relabel
from graph.model import (
    Agreement,
    Cooperation,
    Document,
    Entity,
    Evidence,
    Extraction,
    Fact,
    Status,
    UnknownName,
)
from graph.normalise import CleanText, clean_document
from graph.partner_lists import partner_groups
from graph.reading import Sentence, read_document
from graph.recognise import Found, Recogniser
from graph.record_fields import records
from graph.sentence_parses import parse_sentences


@dataclass(frozen=True)
class Reference:
    """Curated knowledge the extractor needs, loaded at the I/O end of the pipeline."""

    entities: tuple[Entity, ...] = ()
    gazetteer: Gazetteer | None = None
    curation: curation.Curation = field(default_factory=curation.Curation)


def load_reference(ontology_dir: Path, corpus_dir: Path) -> Reference:
    """Read the reference data under ``ontology/reference/`` and ``corpus/curation.toml``.

    :raises InputError: the reference data is unusable.
    :raises CurationError: the curation file is malformed.
    """
    gazetteer = read_gazetteer(ontology_dir)
    return Reference(
        entities=tuple(gazetteer.entities.values()),
        gazetteer=gazetteer,
        curation=curation.read_curation(corpus_dir),
    )


_BILATERAL_ROLES = frozenset({"with", "to", "for", "between", "agent", "by"})


def read_sentence(sentence: Sentence, gazetteer: Gazetteer) -> list[Fact]:
    """Every fact one sentence states: each family in turn reads it, in the light of
    what the families before it found. A table row is read by its header instead."""
    if sentence.table is not None:
        return relations_table.extract(sentence, gazetteer)
    groups = partner_groups(sentence, gazetteer)
    subject = [g for g in groups if g.role in ("subject", "anaphora")]
    single = {k for g in groups if g.role in _BILATERAL_ROLES for k in g.keys}
    if subject:
        sentence.notes["bilateral"] = subject[0].keys
    elif len(single) == 1:
        sentence.notes["bilateral"] = tuple(single)  # "China helped Egypt ..." then "the two sides"
    elif sentence.previous is not None and not sentence.opens_paragraph:
        sentence.notes["bilateral"] = sentence.previous.notes.get("bilateral", ())
    if sentence.text.rstrip(" \"'\u201d").endswith("?"):
        return []  # "Has Bahrain joined the ILRS?": a question states nothing
    if refuted_claim(sentence):
        return []  # "Claim: China built SAOCOM." / "Verdict: False"
    reading = Reading(groups, gazetteer)
    for family in FAMILIES:
        if family.read is not None:
            reading.found += _stamped(family.read(sentence, reading), family.method)
    return relabel(sentence, _most_specific(reading.found), gazetteer)


def finish_reading(
    facts: list[Fact],
    document: Document,
    clean: CleanText,
    found: Sequence[Found],
    gazetteer: Gazetteer,
) -> list[Fact]:
    """What the whole document adds to the facts its sentences state one by one: the
    time of the payloads it lists for a mission it says is still to fly, and the records
    of labelled fields."""
    facts = mission_time.payloads_to_come(facts, mission_time.missions_to_come(clean.text, found))
    return _with_records(facts, document, clean, found, gazetteer)


def _with_records(
    facts: list[Fact],
    document: Document,
    clean: CleanText,
    found: Sequence[Found],
    gazetteer: Gazetteer,
) -> list[Fact]:
    """The agreements and spacecraft activities that records of labelled fields state
    (the records found once for both), in place of what the sentence rules made of their
    lines one by one: a title line without its parties, a "Parties: A and B" line read as
    a fact sheet's "Partner: item" line."""
    stated: list[Fact] = []
    for record in records(clean.text):
        agreement = relations_records.agreement(document, clean, record, found, gazetteer)
        stated += [agreement] if agreement is not None else []
        stated += records_spacecraft.activities(document, clean, record, found, gazetteer)
    if not stated:
        return facts
    spans = [(a.evidence[0].start, a.evidence[0].end) for a in stated]
    kept = [
        f
        for f in facts
        if not (
            (isinstance(f, Agreement) or f.method == "cooperation-list-item")
            and any(a <= ev.start < b for ev in f.evidence for a, b in spans)
        )
    ]
    return kept + _stamped(stated, "record-fields")


def _most_specific(facts: list[Fact]) -> list[Fact]:
    """A cooperation one reading pairs with a mission and another reads without one is
    one statement: the paired reading says more ("SMILE's main instrument was built by
    X": X on SMILE, not X on no mission)."""
    paired = {
        (f.partner, f.area, f.status)
        for f in facts
        if isinstance(f, Cooperation) and f.mission is not None
    }
    return [
        f
        for f in facts
        if not (
            isinstance(f, Cooperation)
            and f.mission is None
            and (f.partner, f.area, f.status) in paired
        )
    ]


def _stamped(facts: Iterable[Fact], method: str) -> list[Fact]:
    """The facts with their method, where the rule did not name a finer one."""
    return [f if f.method else replace(f, method=method) for f in facts]


def merge_facts(facts: Iterable[Fact]) -> list[Fact]:
    """One fact per (type, key), with the evidence of every statement of it."""
    merged: dict[tuple[str, str], Fact] = {}
    # each fact's evidence in first-seen order, gathered once (joining the tuples at each
    # statement again took time in the square of a fact's statements in a long document)
    first: dict[tuple[str, str], tuple[Evidence, ...]] = {}  # a fact stated once keeps its own
    gathered: dict[tuple[str, str], dict[Evidence, None]] = {}
    for fact in facts:
        stamped = tuple(replace(ev, status=ev.status or fact.status) for ev in fact.evidence)
        ident = (type(fact).__name__, fact.key)
        if ident not in merged:
            merged[ident] = fact
            first[ident] = stamped
            continue
        old = merged[ident]
        if ident not in gathered:
            gathered[ident] = dict.fromkeys(first[ident])
        gathered[ident].update(dict.fromkeys(stamped))
        status = Status.ACHIEVED if Status.ACHIEVED in (old.status, fact.status) else Status.PLANNED
        method = methods.preferred(old.method, fact.method)
        if status != old.status or method != old.method:
            merged[ident] = replace(old, status=status, method=method)
    return [
        replace(fact, evidence=tuple(gathered[ident]) if ident in gathered else first[ident])
        for ident, fact in merged.items()
    ]


def name_candidates(
    document: Document, clean: CleanText, base: Recogniser
) -> list[discover.Candidate]:
    """The names one document introduces, beside those the curated gazetteer knows. It
    depends on this document and the reference data only, so it can be kept per document."""
    taken = [(f.start, f.end) for f in base.mentions(clean.text) if not f.nested]
    return discover.candidates(document, clean, taken)


def discover_names(
    seen: Sequence[tuple[Document, CleanText, list[discover.Candidate]]], gazetteer: Gazetteer
) -> tuple[Gazetteer, list[UnknownName]]:
    """The gazetteer extended with the names the documents introduce (votes over the
    whole corpus), and the names that could not be classed (for the curator's report)."""
    found = discover.discover(seen, gazetteer)
    entities, unclassed = found.entities, found.unclassed
    cleans = {d.id: c for d, c, _names in seen}
    unknown = []
    for cand in unclassed:
        start, end = cleans[cand.doc_id].to_raw(cand.start, cand.end)
        unknown.append(UnknownName(cand.label, cand.doc_id, start, end, "unclassed"))
    extended = discover.extend(gazetteer, entities, found.owned, found.acronyms, found.areas)
    return extended, unknown


@dataclass(frozen=True)
class DocumentReading:
    """What reading one document gives, before facts of several documents are merged."""

    facts: tuple[Fact, ...]
    mentioned: frozenset[str]  # keys of the entities it names
    unknown: tuple[UnknownName, ...]  # names near cue words that matched no entity


def read_documents(
    originals: Sequence[tuple[Document, CleanText]], recogniser: Recogniser
) -> list[DocumentReading]:
    """Read documents (their sentences parsed in one batch) into their own facts."""
    read = [read_document(d, recogniser, parse=False, clean=c) for d, c in originals]
    parse_sentences([s for _clean, sentences, _found in read for s in sentences])
    readings = []
    for (clean, sentences, found), (document, _clean) in zip(read, originals, strict=True):
        facts: list[Fact] = []
        for sentence in sentences:
            facts += read_sentence(sentence, recogniser.gazetteer)
        facts = finish_reading(facts, document, clean, found, recogniser.gazetteer)
        unknown = recogniser.unknown_names(document.id, clean, found)
        readings.append(
            DocumentReading(tuple(facts), frozenset(f.key for f in found), tuple(unknown))
        )
    return readings


def assemble(
    documents: Sequence[Document],
    reference: Reference,
    gazetteer: Gazetteer,
    readings: Sequence[DocumentReading],
    unknown: Sequence[UnknownName],
) -> Extraction:
    """Merge the documents' facts (in corpus order), curate them and pick the entities.

    :raises CurationError: a curation entry does not hold.
    """
    facts = [f for reading in readings for f in reading.facts]
    mentioned: set[str] = {CHINA}.union(*(r.mentioned for r in readings))
    unknown = [*unknown, *(u for r in readings for u in r.unknown)]
    merged = merge_facts(facts)
    merged = curation.apply(reference.curation, merged, documents, gazetteer)
    merged = _stamped(merged, "curated")  # only the curation file adds facts without one
    merged.sort(key=lambda f: (type(f).__name__, f.key))
    needed = mentioned.union(*(families.of(f).referenced(f) for f in merged))
    needed |= {
        p for key in needed if key in gazetteer.entities for p in gazetteer.entities[key].part_of
    }
    entities = tuple(e for e in gazetteer.entities.values() if e.key in needed or e.discovered)
    unknown.sort(key=lambda u: (u.doc_id, u.start))
    return Extraction(facts=tuple(merged), entities=entities, unknown_names=tuple(unknown))


def extract_corpus(documents: Sequence[Document], reference: Reference) -> Extraction:
    """Read every original document; merge, curate and return the facts.

    :raises CurationError: a curation entry does not hold (e.g. its quote is not in the
        named document).
    """
    if reference.gazetteer is None:
        return Extraction(facts=(), entities=reference.entities)
    # each original is cleaned once, for discovery and for reading
    originals = [(d, clean_document(d)) for d in documents if not d.is_copy]
    base = Recogniser(reference.gazetteer)
    seen = [(d, c, name_candidates(d, c, base)) for d, c in originals]
    gazetteer, unknown = discover_names(seen, reference.gazetteer)
    readings = read_documents(originals, Recogniser(gazetteer))
    return assemble(documents, reference, gazetteer, readings, unknown)
