"""A build's dataset as each graph's N-Quads lines, written once to the build's file.

No rdflib dataset of the corpus is made: each document graph's lines are read from the
quads cache or written afresh (``graph.rdf_lines``), the shared graphs' are made, and the
summaries graph is counted from them last, on a scratch store of their merge
(``graph.summaries``), its partner passages kept from the previous build where no
changed graph names their facts (``graph.summary_passages_kept``), and each graph's
counted triples where its text did not change (``graph.summary_scratch_kept``).
"""

from __future__ import annotations

from pathlib import Path

from graph import (
    document_lines_forked,
    rdf_lines,
    saved_queries_rdf,
    summaries,
    summary_passages_kept,
)
from graph.config import Paths
from graph.lines_dataset import LinesDataset
from graph.model import Document, Extraction
from graph.summaries import SUMMARIES_GRAPH
from graph.summary_passages_kept import PassagesCache
from graph.summary_scratch_kept import PickedCache


def dataset_lines(
    paths: Paths,
    documents: list[Document],
    extraction: Extraction,
    nquads: Path,
    quads: rdf_lines.QuadsCache,
) -> LinesDataset:
    """The dataset as each graph's lines, written to ``nquads`` with the summaries."""
    graphs = document_lines_forked.documents_lines(documents, extraction, quads)
    graphs.update(
        rdf_lines.shared_graphs(
            extraction,
            paths.ontology_files(),
            saved_queries_rdf.queries_graph(paths.queries),
            cache=quads,
        )
    )
    with nquads.open("wb") as out:
        out.writelines(graphs.values())
    # the partner passages of partners no changed graph names are the previous build's,
    # as are the counted triples of graphs whose text it had
    kept = paths.store / summary_passages_kept.CACHE_DIR
    passages = PassagesCache(kept, read=quads.enabled)
    picked = PickedCache(kept, read=quads.enabled)
    graphs[SUMMARIES_GRAPH.n3()] = summaries.append_summary_lines(nquads, graphs, passages, picked)
    return LinesDataset(graphs)
