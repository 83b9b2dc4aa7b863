"""The skeleton holds together: the corpus builds and the app answers over it."""


def test_the_corpus_builds_into_a_store_the_app_can_query(built, backend):
    assert built.info.triples > 0
    assert bool(
        backend.results("ASK { ?d a <https://w3id.org/china-space-kg/ontology#SourceDocument> }")
    )
