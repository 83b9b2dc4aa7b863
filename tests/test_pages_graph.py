"""A small graph made from the real documents, for the page tests: what the pages do is
tested apart from what extraction happens to find. (This module holds no tests; the page
test modules import it.)

The facts are the Chang'e-4 sentence of the 2021 white paper and the China-Russia outline
of the 2016 white paper, with evidence offsets found in the files themselves.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import html5lib
import pyoxigraph as ox
import rdflib
from flask.testing import FlaskClient

from graph.config import Paths, Settings
from graph.corpus import read_corpus
from graph.model import (
    Agreement,
    Cooperation,
    Document,
    Entity,
    EntityKind,
    Evidence,
    Extraction,
)
from graph.rdf import build_dataset
from graph.store import write_merged_default_graph
from server import create_app

ROOT = Path(__file__).resolve().parent.parent
PATHS = Paths.defaults(ROOT)
ID = "https://w3id.org/china-space-kg/id/"
CHANGE4 = (
    "In the Chang'e-4 lunar exploration mission China cooperated with Russia and the European "
    "Space Agency on engineering technology, and with Sweden, Germany, the Netherlands and "
    "Saudi Arabia on payloads."
)
OUTLINE = "China and Russia signed the Outline of China-Russia Space Cooperation from"
PAYLOAD_COUNTRIES = ("sweden", "germany", "netherlands", "saudi-arabia")

ENTITIES = (
    Entity("change-4", EntityKind.MISSION, "Chang'e-4", alt_labels=("Chang'e 4",)),
    Entity("queqiao", EntityKind.SPACECRAFT, "Queqiao", part_of=("change-4",)),
    Entity("china", EntityKind.COUNTRY, "China", iso2="CN"),
    Entity("sweden", EntityKind.COUNTRY, "Sweden", iso2="SE"),
    Entity("germany", EntityKind.COUNTRY, "Germany", iso2="DE"),
    Entity(
        "netherlands",
        EntityKind.COUNTRY,
        "Netherlands",
        iso2="NL",
        alt_labels=("the Netherlands",),
        match_forms=("Dutch",),
    ),
    Entity("saudi-arabia", EntityKind.COUNTRY, "Saudi Arabia", iso2="SA"),
    Entity("russia", EntityKind.COUNTRY, "Russia", iso2="RU", alt_labels=("Russian Federation",)),
    Entity("esa", EntityKind.ORGANISATION, "European Space Agency", alt_labels=("ESA",)),
    Entity("cote-d-ivoire", EntityKind.COUNTRY, "Côte d'Ivoire", iso2="CI"),
)


def evidence_of(documents: list[Document], doc_id: str, passage: str) -> Evidence:
    text = next(d.text for d in documents if d.id == doc_id)
    start = text.index(passage)
    return Evidence(doc_id, start, start + len(passage), passage)


@cache
def small_dataset() -> rdflib.Dataset:
    documents = read_corpus(PATHS.corpus)
    change4 = evidence_of(documents, "white-paper-2021", CHANGE4)
    outline = evidence_of(documents, "white-paper-2016", OUTLINE)
    facts: list = [
        Cooperation(evidence=(change4,), partner=p, area="payloads", mission="change-4")
        for p in PAYLOAD_COUNTRIES
    ]
    facts += [
        Cooperation(
            evidence=(change4,), partner=p, area="engineering-technology", mission="change-4"
        )
        for p in ("russia", "esa")
    ]
    facts.append(Cooperation(evidence=(outline,), partner="russia", area="satellite-navigation"))
    facts.append(
        Agreement(
            evidence=(outline,),
            parties=("china", "russia"),
            agreement_kind="outline",
            title="Outline of China-Russia Space Cooperation 2013-2017",
            valid_from=2013,
            valid_until=2017,
        )
    )
    extraction = Extraction(facts=tuple(facts), entities=ENTITIES)
    return build_dataset(documents, extraction, PATHS.ontology_files())


@cache
def small_store() -> ox.Store:
    store = ox.Store()
    nquads = small_dataset().serialize(format="nquads").encode()
    store.load(nquads, format=ox.RdfFormat.N_QUADS)
    write_merged_default_graph(store)  # as a build does: queries read the merge
    return store


def small_client(**config: object) -> FlaskClient:
    """A test client over the small graph, with the checkout's corpus and queries unless
    ``config`` says otherwise."""
    folders = {"queries": PATHS.queries, "corpus": PATHS.corpus, "ontology": PATHS.ontology}
    settings = Settings.load({**folders, **config}, environ={})
    return create_app(settings, store=small_store()).test_client()


def offsets(doc_id: str, passage: str) -> tuple[int, int]:
    documents = read_corpus(PATHS.corpus)
    ev = evidence_of(documents, doc_id, passage)
    return ev.start, ev.end


def assert_valid_html(body: bytes) -> None:
    """html5lib in strict mode raises on the first parse error."""
    html5lib.HTMLParser(strict=True).parse(body.decode("utf-8"))


def description(iri: str) -> rdflib.Graph:
    """What the small store holds about ``iri``, read quad by quad (not with the pages'
    SPARQL): its triples, those of its ``#`` parts and those that point at it, which is
    what a resource's RDF representation must mean."""
    store, node = small_store(), ox.NamedNode(iri)
    triples = {q.triple for q in store.quads_for_pattern(node, None, None)}
    triples |= {q.triple for q in store.quads_for_pattern(None, None, node)}
    parts = {
        t.object for t in triples if t.subject == node and str(t.object).startswith(f"<{iri}#")
    }
    for part in parts:
        triples |= {q.triple for q in store.quads_for_pattern(part, None, None)}
    data = ox.serialize(sorted(triples, key=str), format=ox.RdfFormat.N_TRIPLES)
    return rdflib.Graph().parse(data=data, format="nt")
