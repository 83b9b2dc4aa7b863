"""The curation file: a person rejects a wrong fact or adds a missing one, and the build
checks every entry, stopping with one clear line when an entry does not hold."""

from __future__ import annotations

import subprocess
import sys

import pytest

from graph import corpus, extract
from graph.errors import CurationError

SPACEKG = [sys.executable, "-c", "from cli.main import main; main()"]
CHANGE_4_SWEDEN = "cooperation/sweden--payloads--change-4"


def run(paths):
    documents = corpus.read_corpus(paths.corpus)
    return extract.extract_corpus(documents, extract.load_reference(paths.ontology, paths.corpus))


def segments(extraction):
    return {f"{f.kind_segment}/{f.key}" for f in extraction.facts}


def write(paths, text):
    (paths.corpus / "curation.toml").write_text(text, encoding="utf-8")


def test_a_rejected_fact_is_gone(corpus_copy):
    write(corpus_copy, f'[[reject]]\nfact = "{CHANGE_4_SWEDEN}"\nreason = "test"\n')
    assert CHANGE_4_SWEDEN not in segments(run(corpus_copy))


def test_an_added_fact_carries_its_quote_at_its_place_in_the_file(corpus_copy):
    write(
        corpus_copy,
        '[[add]]\ntype = "cooperation"\npartner = "south-africa"\narea = "space-science"\n'
        'document = "white-paper-2016"\n'
        'quote = "co-sponsored and actively promoted cooperation"\n',
    )
    extraction = run(corpus_copy)
    [fact] = [f for f in extraction.facts if f.key == "south-africa--space-science"]
    [ev] = fact.evidence
    text = (corpus_copy.corpus / "2016-white-paper-china-space-activities.txt").read_text()
    assert text[ev.start : ev.end] == ev.exact
    assert ev.exact.startswith("co-\n")  # the PDF's line break, quoted as read


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ('[[reject]]\nfact = "cooperation/nobody--payloads"\nreason = "x"\n', "no fact"),
        (
            '[[add]]\ntype = "cooperation"\npartner = "sweden"\narea = "payloads"\n'
            'document = "white-paper-2021"\nquote = "Sweden walked on the Moon"\n',
            "is not in",
        ),
        (
            '[[add]]\ntype = "cooperation"\npartner = "atlantis"\narea = "payloads"\n'
            'document = "white-paper-2021"\nquote = "Sweden"\n',
            "unknown entity",
        ),
        (
            '[[add]]\ntype = "treaty"\ndocument = "white-paper-2021"\nquote = "Sweden"\n',
            "must be one of",
        ),
        ("[[add]\n", "not valid TOML"),
    ],
)
def test_a_wrong_entry_stops_the_build_with_one_line(corpus_copy, entry, message):
    write(corpus_copy, entry)
    with pytest.raises(CurationError, match=message) as caught:
        run(corpus_copy)
    assert "\n" not in str(caught.value)


def test_the_cli_prints_one_line_and_keeps_the_previous_graph(corpus_copy):
    write(
        corpus_copy,
        '[[add]]\ntype = "participation"\norganisation = "united-nations"\n'
        'document = "white-paper-2016"\nquote = "a sentence that is not there"\n',
    )
    env = {
        "SPACEKG_CORPUS": str(corpus_copy.corpus),
        "SPACEKG_ONTOLOGY": str(corpus_copy.ontology),
        "SPACEKG_QUERIES": str(corpus_copy.queries),
        "SPACEKG_STORE": str(corpus_copy.store),
    }
    import os

    proc = subprocess.run(
        [*SPACEKG, "build", "--quiet"],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=300,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "curation.toml" in lines[0] and "is not in" in lines[0]
    assert not (corpus_copy.store / "current").exists()


def test_the_repository_curation_file_is_valid_and_small(project_paths):
    from graph.curation import read_curation

    curation = read_curation(project_paths.corpus)
    assert len(curation.rejects) + len(curation.adds) <= 5
