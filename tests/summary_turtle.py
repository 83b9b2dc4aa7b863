"""The Turtle prefixes the summaries' tests write their small graphs with."""

PREFIXES = """
@prefix csk: <https://w3id.org/china-space-kg/ontology#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://w3id.org/china-space-kg/id/> .
"""
