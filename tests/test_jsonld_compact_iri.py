"""Compacting an IRI in the JSON-LD dumps: the longest namespace it starts with names it,
whether found by the IRI's text up to its last "/" or "#" (remembered) or, for a
namespace that ends otherwise, by trying every namespace."""

from __future__ import annotations

from graph.export_jsonld import Context

DOCUMENT = {
    "@context": {
        "csk": "https://w3id.org/china-space-kg/ontology#",
        "id": "https://w3id.org/china-space-kg/id/",
        "country": "https://w3id.org/china-space-kg/id/country/",
        "label": "http://www.w3.org/2000/01/rdf-schema#label",
    }
}


def test_the_longest_namespace_names_an_iri_each_time() -> None:
    ctx = Context.from_document(DOCUMENT)
    for _ in range(2):  # the second time from what the first remembered
        kenya = "https://w3id.org/china-space-kg/id/country/kenya"
        assert ctx.compact_iri(kenya) == "country:kenya"
        assert ctx.compact_iri("https://w3id.org/china-space-kg/id/agreement/x") == "id:agreement/x"
        assert ctx.compact_iri("https://w3id.org/china-space-kg/ontology#Spacecraft") == (
            "csk:Spacecraft"
        )
    assert ctx.compact_iri("https://w3id.org/china-space-kg/id/") == (
        "https://w3id.org/china-space-kg/id/"  # nothing after the namespace
    )
    assert ctx.compact_iri("https://example.org/x") == "https://example.org/x"


def test_a_namespace_ending_otherwise_is_still_found() -> None:
    ctx = Context(document=DOCUMENT, prefixes={"https://w3id.org/china-space-kg/id/co": "co"})
    assert ctx.compact_iri("https://w3id.org/china-space-kg/id/country/kenya") == ("co:untry/kenya")
    assert ctx.compact_iri("https://w3id.org/china-space-kg/id/agreement") == (
        "https://w3id.org/china-space-kg/id/agreement"
    )
