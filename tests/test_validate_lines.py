"""The build's N-Quads lines, read as text, give the digests validation compares: a
graph's does not depend on the order rdflib wrote its lines in, and the union keeps a
triple two graphs hold once."""

from __future__ import annotations

from rdflib import Dataset, Literal, URIRef

from graph import validate_lines

EX = "https://example.org/"


def test_a_line_splits_into_its_four_terms_a_literal_with_spaces_whole() -> None:
    line = f'<{EX}s> <{EX}p> "two words ." <{EX}g> .\n'
    assert validate_lines.split_line(line) == (f"<{EX}s>", f"<{EX}p>", '"two words ."', f"<{EX}g>")
    # the default graph: rdflib leaves the graph name empty
    assert validate_lines.split_line(f"<{EX}s> <{EX}p> <{EX}o>  .\n")[3] == ""
    assert validate_lines.split_line("\n") is None


def test_digests_do_not_depend_on_the_order_of_lines_and_the_union_is_a_set() -> None:
    lines = [
        f'<{EX}s> <{EX}p> "a" <{EX}g1> .\n',
        f"<{EX}s> <{EX}q> <{EX}o> <{EX}g1> .\n",
        f'<{EX}s> <{EX}p> "a" <{EX}g2> .\n',
    ]
    forward, backward = validate_lines.read(lines), validate_lines.read(lines[::-1])
    assert forward.graph_digests == backward.graph_digests
    assert forward.graph_digests[f"<{EX}g1>"] != forward.graph_digests[f"<{EX}g2>"]
    assert forward.by_subject == {f"<{EX}s>": {(f"<{EX}p>", '"a"'), (f"<{EX}q>", f"<{EX}o>")}}


def test_a_dataset_reads_as_its_serialisation_does() -> None:
    dataset = Dataset()
    dataset.graph(URIRef(EX + "g")).add((URIRef(EX + "s"), URIRef(EX + "p"), Literal("x y")))
    read = validate_lines.read_dataset(dataset, keep_subjects_of=[f"<{EX}g>"])
    assert read.graph_subjects == {f"<{EX}g>": {f"<{EX}s>"}}
    assert validate_lines.term(f"<{EX}s>") == URIRef(EX + "s")
    assert validate_lines.focus_of(f"<{EX}s>") == EX + "s"


def test_a_graphs_digest_is_known_from_its_lines_alone() -> None:
    """The dumps' worker is given each document graph's digest before the build's file
    is read: taken from that graph's lines, it is the digest reading the file gives."""
    g1 = [f'<{EX}s> <{EX}p> "a \\u00e9" <{EX}g1> .\n', f"<{EX}s> <{EX}q> <{EX}o> <{EX}g1> .\n"]
    g2 = [f'<{EX}s> <{EX}p> "a" <{EX}g2> .\n']
    read = validate_lines.read(g1 + g2)
    assert validate_lines.lines_digest("".join(g1).encode()) == read.graph_digests[f"<{EX}g1>"]
    assert validate_lines.lines_digest("".join(g2).encode()) == read.graph_digests[f"<{EX}g2>"]
    assert (
        validate_lines.lines_digest("".join(g1[::-1]).encode()) == read.graph_digests[f"<{EX}g1>"]
    )


def test_digests_known_already_are_not_taken_again_and_the_union_is_the_same() -> None:
    lines = [f'<{EX}s> <{EX}p> "a" <{EX}g1> .\n', f"<{EX}s> <{EX}q> <{EX}o> <{EX}g2> .\n"]
    given = {f"<{EX}g1>": validate_lines.lines_digest(lines[0].encode())}
    read = validate_lines.read(lines, digests=given)
    assert read.graph_digests == given  # the build asks only for the document graphs'
    assert read.by_subject == validate_lines.read(lines).by_subject
