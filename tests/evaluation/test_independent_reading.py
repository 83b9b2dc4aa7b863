"""The corpus's own documents read by an annotator who saw neither the extractor nor the
project's gold (``independent-corpus/``): the honest measure of issue 14's first bar,
which ``gold.toml`` (written beside the rules) cannot give. The figures print with the
other tables; a type under its floor fails, and the bars still unmet are strict xfails
that fail the day they are met, so the marks come off."""

from __future__ import annotations

import pytest

from graph import corpus

from . import conftest
from .check_quotes import problems_in
from .score import HELDOUT, extract_folder, load_gold, score

FOLDER = HELDOUT.parent / "independent-corpus"

# (precision, recall) per type: the figures at the twenty-seventh session's end, cut to two
# places, less three points
FLOORS = {
    "cooperation": (0.84, 0.74),
    "agreement": (0.97, 0.97),
    "spacecraft": (0.97, 0.89),
    "participation": (0.97, 0.89),
    "ground_station": (0.97, 0.97),
    "total": (0.83, 0.92),
}
# issue 14's bars on the five documents: (precision, recall), None where it sets none
BARS = {"cooperation": (0.90, 0.85), "agreement": (0.95, 0.90), "spacecraft": (None, 0.90)}
UNMET = {"cooperation"}


@pytest.fixture(scope="module")
def reading(project_paths):
    extraction, documents = extract_folder(FOLDER, project_paths.ontology)
    result = score(extraction, documents, load_gold(FOLDER / "gold.toml"))
    conftest.TABLES.append(f"independent reading of the corpus:\n{result.table()}")
    return result


def test_the_reading_is_of_the_corpus_files_themselves(project_paths):
    ours = {d.meta.file: d.text for d in corpus.read_corpus(project_paths.corpus)}
    copies = sorted(FOLDER.glob("*.txt"))
    assert len(copies) == 4
    for copy in copies:
        assert copy.read_text(encoding="utf-8") == ours[copy.name], copy.name


def test_every_quote_is_in_its_document():
    assert problems_in(FOLDER) == []


@pytest.mark.parametrize("kind", list(FLOORS))
def test_each_type_stays_above_its_floor(reading, kind):
    floor_p, floor_r = FLOORS[kind]
    s = reading.scores[kind]
    assert s.precision >= floor_p and s.recall >= floor_r, reading.table()


@pytest.mark.parametrize(
    "kind",
    [
        pytest.param(k, marks=pytest.mark.xfail(strict=True, reason="issue 14: open"))
        if k in UNMET
        else k
        for k in BARS
    ],
)
def test_the_issue_bars_on_the_five_documents(reading, kind):
    bar_p, bar_r = BARS[kind]
    s = reading.scores[kind]
    assert bar_p is None or s.precision >= bar_p, reading.table()
    assert s.recall >= bar_r, reading.table()


def test_nothing_the_annotator_listed_as_no_fact_is_found(reading):
    assert reading.negatives_found == []
    assert reading.bad_offsets == []
