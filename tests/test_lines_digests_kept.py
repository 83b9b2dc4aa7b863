"""Each document graph's digest of its lines (what validation and the dumps key a
graph's results and pieces by) is left for the next build, which digests line by line
only the graphs whose lines changed, and gets the same digests."""

from __future__ import annotations

from pathlib import Path

from rdflib import URIRef

from graph import build_validation, validate_lines
from graph.lines_dataset import LinesDataset
from graph.model import Document, DocumentMeta
from graph.vocab import document_graph


def documents(*ids: str) -> list[Document]:
    return [
        Document(DocumentMeta(i, f"{i}.txt", i, "me", "2026", "news-article"), Path(i), "text")
        for i in ids
    ]


def dataset(texts: dict[str, str]) -> LinesDataset:
    lines = {}
    for doc_id, text in texts.items():
        name = URIRef(document_graph(doc_id)).n3()
        lines[name] = f'<urn:x:{doc_id}> <urn:x:says> "{text}" {name} .\n'.encode()
    return LinesDataset(lines)


def counted(monkeypatch) -> list[bytes]:
    """The graphs digested line by line, as they are digested."""
    seen: list[bytes] = []
    digest = validate_lines.lines_digest

    def counting(data: bytes) -> str:
        seen.append(data)
        return digest(data)

    monkeypatch.setattr(validate_lines, "lines_digest", counting)
    return seen


def test_unchanged_graphs_are_not_digested_again(tmp_path: Path, monkeypatch) -> None:
    kept = tmp_path / build_validation.DIGESTS_FILE
    docs = documents("a", "b", "c")
    first = build_validation.lines_digests(docs, dataset({"a": "1", "b": "2", "c": "3"}), kept=kept)
    seen = counted(monkeypatch)

    changed = dataset({"a": "1", "b": "two", "c": "3"})
    again = build_validation.lines_digests(docs, changed, kept=kept)
    assert len(seen) == 1  # only b's graph
    assert again == build_validation.lines_digests(docs, changed)  # as digested afresh
    assert again != first and {k: v for k, v in again.items() if "/b" not in k} == {
        k: v for k, v in first.items() if "/b" not in k
    }


def test_a_full_build_digests_every_graph_and_leaves_them(tmp_path: Path, monkeypatch) -> None:
    kept = tmp_path / build_validation.DIGESTS_FILE
    docs = documents("a", "b")
    lines = dataset({"a": "1", "b": "2"})
    build_validation.lines_digests(docs, lines, kept=kept)
    seen = counted(monkeypatch)
    build_validation.lines_digests(docs, lines, kept=kept, read=False)
    assert len(seen) == 2
    build_validation.lines_digests(docs, lines, kept=kept)
    assert len(seen) == 2


def test_an_unreadable_file_of_digests_is_digested_afresh(tmp_path: Path) -> None:
    kept = tmp_path / build_validation.DIGESTS_FILE
    kept.write_bytes(b"not a pickle")
    docs = documents("a")
    lines = dataset({"a": "1"})
    assert build_validation.lines_digests(docs, lines, kept=kept) == (
        build_validation.lines_digests(docs, lines)
    )
