"""Check every piece of evidence against the file it quotes: ``text[start:end] == exact``.

SHACL sees only the graph, so it can check that a quote's length agrees with its
offsets but not that the quote is really there. This check reads the corpus files and
reports in the same ``Violation`` form as the SHACL report, under the shape
``shape:QuoteInFile`` declared (without constraints) in ``ontology/shapes.ttl``, so the
build, ``spacekg validate`` and CI show both kinds of problem together.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF
from rdflib.term import Node

from graph.model import Document
from graph.validate import SHAPES, Violation
from graph.vocab import BASE, CSK, OA, document_iri

SHAPE = str(SHAPES.QuoteInFile)
CORPUS_BASE = f"{BASE}corpus/"
_SHOWN = 60  # characters of a passage quoted back in a message


@dataclass(frozen=True)
class Passage:
    """What the graph claims about one piece of evidence."""

    evidence: str
    document: str
    start: int
    end: int
    exact: str
    claimed_length: int | None = None  # the document's csk:characterCount in the graph

    @property
    def coherent(self) -> bool:
        """Offsets that agree with each other, the quote and the stated document length.

        Passages that are not are already reported by a SHACL shape (PositionOrder,
        QuoteFitsOffsets, EvidenceWithinDocument); reading the file adds nothing.
        """
        within = self.claimed_length is None or self.end <= self.claimed_length
        return self.start < self.end and len(self.exact) == self.end - self.start and within


def texts_of(documents: Iterable[Document]) -> dict[str, str]:
    """Document IRI -> file text, for a build that has the documents in hand."""
    return {document_iri(doc.id): doc.text for doc in documents}


def texts_from_corpus(data: Graph, corpus_dir: Path) -> dict[str, str]:
    """Document IRI -> file text, found through each document's ``dcterms:source``.

    Files that are missing or unreadable are left out; their evidence is then reported
    as impossible to check rather than silently passed.
    """
    texts = {}
    for doc, _p, source in _triples(data, DCTERMS.source):
        name = str(source)
        if not name.startswith(CORPUS_BASE):
            continue
        path = (corpus_dir / name.removeprefix(CORPUS_BASE)).resolve()
        if not path.is_relative_to(corpus_dir.resolve()):
            continue  # a file outside the corpus is never read (nor quoted in a report)
        try:
            # Bytes, then decode: offsets count characters of the file as it is, so no
            # newline translation.
            texts[str(doc)] = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            continue
    return texts


def passages(data: Graph) -> list[Passage]:
    """Every evidence node with a source document, a quote and well-typed offsets.

    Incomplete evidence is skipped: the SHACL shapes already report what is missing.
    """
    evidence = {o for _s, _p, o in _triples(data, CSK.evidence)}
    evidence |= {s for s, _p, o in _triples(data, RDF.type) if o == OA.SpecificResource}
    sources = _by_subject(data, OA.hasSource)
    selectors = _by_subject(data, OA.hasSelector)
    exacts = _by_subject(data, OA.exact)
    starts = _by_subject(data, OA.start)
    ends = _by_subject(data, OA.end)
    lengths = _by_subject(data, CSK.characterCount)
    documents = {s for s, _p, o in _triples(data, RDF.type) if o == CSK.SourceDocument}
    found = []
    for node in evidence:
        exact = _one(n for sel in selectors.get(node, ()) for n in exacts.get(sel, ()))
        start = _one(n for sel in selectors.get(node, ()) for n in starts.get(sel, ()))
        end = _one(n for sel in selectors.get(node, ()) for n in ends.get(sel, ()))
        source = _one(sources.get(node, ()))
        if source not in documents or exact is None or not isinstance(start, Literal):
            continue
        if not (isinstance(end, Literal) and _is_offset(start) and _is_offset(end)):
            continue
        length = _one(lengths.get(source, ()))
        claimed = length.value if isinstance(length, Literal) and _is_offset(length) else None
        found.append(Passage(str(node), str(source), start.value, end.value, str(exact), claimed))
    return sorted(found, key=lambda p: (p.document, p.start, p.end, p.evidence))


def check_evidence(data: Graph, texts: Mapping[str, str]) -> list[Violation]:
    """A violation for every coherent passage whose quote is not at its offsets in the
    file, or whose file cannot be read."""
    out = []
    for passage in passages(data):
        if not passage.coherent:
            continue
        text = texts.get(passage.document)
        if text is None:
            out.append(
                _violation(
                    passage,
                    "FileAvailableComponent",
                    f"Cannot check this evidence: the file of {passage.document} was not "
                    "found; give the corpus folder with --corpus.",
                )
            )
            continue
        found = text[passage.start : passage.end]
        if found != passage.exact:
            out.append(
                _violation(
                    passage,
                    "QuoteInFileComponent",
                    f"The file has {_shorten(found)!r} at {passage.start}-{passage.end}, "
                    f"not the quoted {_shorten(passage.exact)!r}; fix the offsets or the quote.",
                )
            )
    return out


def _violation(passage: Passage, component: str, message: str) -> Violation:
    return Violation(
        shape=SHAPE,
        focus=passage.evidence,
        path=str(OA.exact),
        value=passage.exact,
        message=message,
        severity="Violation",
        component=component,
    )


def _shorten(text: str) -> str:
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."


def _triples(data: Graph, predicate: URIRef) -> Iterator[tuple[Node, Node, Node]]:
    """Triples with ``predicate`` from a Graph, or from every graph of a Dataset."""
    if isinstance(data, Dataset):
        for s, p, o, _g in data.quads((None, predicate, None, None)):
            yield s, p, o
    else:
        yield from data.triples((None, predicate, None))


def _by_subject(data: Graph, predicate: URIRef) -> dict[Node, set[Node]]:
    out: dict[Node, set[Node]] = {}
    for s, _p, o in _triples(data, predicate):
        out.setdefault(s, set()).add(o)
    return out


def _one(nodes: Iterable[Node]) -> Node | None:
    """The single value, or None when there is none or more than one (SHACL says which)."""
    values = set(nodes)
    return values.pop() if len(values) == 1 else None


def _is_offset(node: Literal) -> bool:
    value = node.value
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0
