"""The nouns a word's prepositions govern, read once for every frame reader.

The trees are written by hand, so these tests say what the reader does with a parse
whatever the parser's model makes of a sentence."""

from spacy.lang.en import English
from spacy.tokens import Doc

from graph.prepositional_objects import objects_of


def _tree(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(English().vocab, words=words, heads=heads, deps=deps)


# "China built stations with Chile and Peru in 2021"
BUILT = _tree(
    ["China", "built", "stations", "with", "Chile", "and", "Peru", "in", "2021"],
    [1, 1, 1, 1, 3, 4, 4, 1, 7],
    ["nsubj", "ROOT", "dobj", "prep", "pobj", "cc", "conj", "prep", "pobj"],
)
# "China gave data to Kenya", the parser taking "to" as a dative
GAVE = _tree(
    ["China", "gave", "data", "to", "Kenya"],
    [1, 1, 1, 1, 3],
    ["nsubj", "ROOT", "dobj", "dative", "pobj"],
)


def test_the_objects_of_the_named_prepositions_only():
    built = BUILT[1]
    assert [t.text for t in objects_of(built, ("with",))] == ["Chile"]
    assert [t.text for t in objects_of(built, ("with", "in"))] == ["Chile", "2021"]
    assert objects_of(built, ("from",)) == []


def test_a_preposition_is_matched_as_a_whole_word():
    assert objects_of(BUILT[1], frozenset({"within", "w"})) == []


def test_a_dative_counts_only_where_the_reader_asks_for_it():
    gave = GAVE[1]
    assert objects_of(gave, ("to",)) == []
    assert [t.text for t in objects_of(gave, ("to",), ("prep", "dative"))] == ["Kenya"]
