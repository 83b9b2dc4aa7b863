"""`spacekg queries` and `spacekg query`: listing, formats, ad-hoc files, one-line errors
and a truncation line that is never left out."""

from __future__ import annotations

import csv
import io
import json
import sys
import time

import pytest

from cli.main import main
from graph.saved_queries import load_queries

ADHOC = (
    "PREFIX csk: <https://w3id.org/china-space-kg/ontology#>\n"
    "SELECT ?document WHERE { ?document a csk:SourceDocument } ORDER BY ?document\n"
)


@pytest.fixture()
def spacekg(monkeypatch, capsys, built_paths, backend):
    """Run the CLI in-process on the session's built store: (exit code, stdout, stderr)."""

    def invoke(*args: str) -> tuple[int, str, str]:
        monkeypatch.setenv("COLUMNS", "250")
        argv = ["spacekg", *args, "--queries", str(built_paths.queries)]
        if args[0] == "query":
            argv += ["--store", str(built_paths.store)]
        monkeypatch.setattr(sys, "argv", argv)
        with pytest.raises(SystemExit) as info:
            main()
        out, err = capsys.readouterr()
        return info.value.code, out, err

    return invoke


def test_queries_lists_every_query_with_title_and_parameters(spacekg, built_paths):
    code, out, _ = spacekg("queries")
    assert code == 0
    for query in load_queries(built_paths.queries).values():
        assert query.name in out
        for param in query.parameters:
            assert f"{param.name}: {param.type}" in out


def test_a_saved_query_prints_csv_with_its_variables(spacekg, built_paths):
    code, out, err = spacekg("query", "document-contributions", "--format", "csv")
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out)))
    query = load_queries(built_paths.queries)["document-contributions"]
    assert rows[0][:2] == ["document", "title"]
    assert "onlyHere" in rows[0] and query.name
    assert len(rows) == 1 + 5  # the five documents of the corpus


def test_json_output_is_sparql_results_json(spacekg):
    code, out, _ = spacekg("query", "document-contributions", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["head"]["vars"][0] == "document"
    assert doc["results"]["bindings"][0]["document"]["type"] == "uri"
    assert "truncated" not in doc


def test_tsv_output_keeps_term_syntax(spacekg):
    code, out, _ = spacekg("query", "document-contributions", "--format", "tsv")
    assert code == 0
    header, first = out.splitlines()[:2]
    assert header.startswith("?document\t?title")
    assert first.startswith("<https://w3id.org/china-space-kg/id/document/")


def test_the_table_format_shows_the_title_and_a_row_count(spacekg):
    code, out, _ = spacekg("query", "document-contributions", "--format", "table")
    assert code == 0
    assert "What each document contributes" in out
    assert "5 row(s)" in out


def test_an_adhoc_file_runs_and_a_cut_result_says_so(spacekg, tmp_path):
    path = tmp_path / "mine.rq"
    path.write_text(ADHOC, encoding="utf-8")
    code, out, err = spacekg("query", "--file", str(path), "--format", "csv", "--limit", "2")
    assert code == 0
    assert len(out.strip().splitlines()) == 1 + 2
    assert "truncated: only the first 2 rows" in err
    code, out, _ = spacekg("query", "--file", str(path), "--format", "json", "--limit", "2")
    assert json.loads(out)["truncated"] is True


def test_a_runaway_query_is_stopped_at_the_timeout_as_on_the_server(spacekg, tmp_path):
    """``spacekg query`` runs in a query process, killed at QUERY_TIMEOUT."""
    path = tmp_path / "runaway.rq"
    path.write_text(
        # counted, not sorted: CPU without end, little memory (a sort may hit the memory limit)
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        encoding="utf-8",
    )
    started = time.monotonic()
    code, _, err = spacekg("query", "--file", str(path), "--query-timeout", "1")
    assert time.monotonic() - started < 15
    assert code != 0
    assert err.count("\n") == 1 and "query timeout" in err and "Traceback" not in err


def test_an_adhoc_file_with_a_header_takes_parameters(spacekg, tmp_path):
    path = tmp_path / "mine.rq"
    path.write_text(
        "#+ title: Documents issued in a year\n#+ description: Which documents?\n"
        "#+ param.year: year\n#+ param.year.default: 2016\n"
        "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
        "SELECT ?year ?d WHERE { ?d dcterms:issued ?issued "
        "FILTER(SUBSTR(STR(?issued), 1, 4) = STR(?year)) }\n",
        encoding="utf-8",
    )
    code, out, _ = spacekg("query", "--file", str(path), "-p", "year=2022", "--format", "csv")
    assert code == 0
    assert len(out.strip().splitlines()) == 1 + 2  # the 2021 white paper and its copy


def test_sparql_prints_the_query_with_its_values_to_run_elsewhere(spacekg):
    code, out, _ = spacekg(
        "query", "agreements-timeline", "-p", "since=2015", "--sparql"
    )
    assert code == 0
    integer = "<http://www.w3.org/2001/XMLSchema#integer>"
    assert f'VALUES (?since ?until) {{ ("2015"^^{integer} "2100"^^{integer}) }}' in out
    assert out.startswith("#+ title: Agreements timeline")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("query", "nope"), "no saved query named 'nope'"),
        (
            ("query", "countries-on-mission-payloads", "-p", "mission=x>y"),
            "parameter 'mission' expects an IRI of a csk:Mission",
        ),
        (
            ("query", "countries-on-mission-payloads", "-p", 'mission=a" } #\nb'),
            "parameter 'mission' expects an IRI of a csk:Mission",
        ),
        (("query", "top-partners", "-p", "minfacts=many"), "parameter 'minfacts' expects an"),
        (("query", "top-partners", "-p", "minfact=1"), "no parameter 'minfact'"),
        (("query", "top-partners", "-p", "minfacts"), "-p expects key=value"),
        (("query",), "give either a saved query NAME or --file"),
    ],
)
def test_mistakes_are_one_line_naming_what_to_fix(spacekg, args, message):
    code, _out, err = spacekg(*args)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


@pytest.mark.parametrize("value", ['x" } UNION { ?s ?p ?o } #', "a>b", "}\n{", "'; --"])
def test_a_hostile_text_value_is_just_text(spacekg, value):
    code, out, _ = spacekg("query", "find-entity", "-p", f"name={value}", "--format", "csv")
    assert code == 0
    assert out.strip().splitlines() == ["name,entity,label,kind,matched"]
