"""A build's dataset as each graph's N-Quads lines, written once to the build's file.

No rdflib dataset of the corpus is made: each document graph's lines are read from the
quads cache or written afresh (``graph.rdf_lines``), the shared graphs' are made, and the
summaries graph is counted from them last. Every graph but the summaries is known before
the counting starts (2.3 to 2.9 s of an add-one build at 1,000 documents), so a caller
is handed those lines first (``before_counting``): the dumps' worker then writes the
~1,000 document graphs whose pieces were kept while the summaries are counted, instead of
after (the summaries graph sorts after every other, so its dumps come last anyway).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from graph import rdf_lines, saved_queries_rdf, summaries, summary_passages_kept
from graph.config import Paths
from graph.lines_dataset import LinesDataset
from graph.model import Document, Extraction
from graph.summaries import SUMMARIES_GRAPH
from graph.summary_passages_kept import PassagesCache


def _nothing(_graphs: LinesDataset) -> None:
    return None


def dataset_lines(
    paths: Paths,
    documents: list[Document],
    extraction: Extraction,
    nquads: Path,
    quads: rdf_lines.QuadsCache,
    *,
    before_counting: Callable[[LinesDataset], None] = _nothing,
) -> LinesDataset:
    """The dataset as each graph's lines, written to ``nquads`` with the summaries;
    ``before_counting`` is given every other graph's lines (a dataset of its own), once
    they are in the file and before the summaries are counted."""
    graphs = rdf_lines.documents_lines(documents, extraction, quads)
    graphs.update(
        rdf_lines.shared_graphs(
            extraction, paths.ontology_files(), saved_queries_rdf.queries_graph(paths.queries)
        )
    )
    with nquads.open("wb") as out:
        out.writelines(graphs.values())
    before_counting(LinesDataset(dict(graphs)))
    # the partner passages of partners no changed graph names are the previous build's
    passages = PassagesCache(paths.store / summary_passages_kept.CACHE_DIR, read=quads.enabled)
    graphs[SUMMARIES_GRAPH.n3()] = summaries.append_summary_lines(nquads, graphs, passages)
    return LinesDataset(graphs)
