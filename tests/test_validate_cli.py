"""``spacekg validate``: exit status, report formats and one-line errors.

The command is run through ``cli.main.main``, the console script's entry point, so the
tests see exactly what a user or a CI job sees: the exit status, standard output and
one line on standard error for unusable input.
"""

from __future__ import annotations

import gzip
import json
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF

from cli import main as cli
from graph.vocab import SH

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "shapes"
VALID = FIXTURES / "valid.ttl"
BAD = FIXTURES / "CountryCode--lower-case.ttl"  # one violation: "se" is not an ISO code


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``spacekg validate ARGS`` as the console script does: (status, out, err)."""
    old_argv = sys.argv
    sys.argv = ["spacekg", "validate", *args]
    try:
        with pytest.raises(SystemExit) as exit_info:
            cli.main()
    finally:
        sys.argv = old_argv
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


# --- exit status -----------------------------------------------------------------------


def test_a_conforming_file_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(VALID))
    assert code == 0
    assert out.strip().endswith("conforms: 0 violations")


def test_violations_exit_1_and_are_grouped_by_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(BAD))
    assert code == 1
    assert out.startswith("shape:CountryCode  (1)")
    assert "focus    country:sweden" in out or "focus    id:country/sweden" in out
    assert "path     csk:iso3166Alpha2" in out
    assert "value    'se'" in out
    assert "two upper-case letters" in out  # the shape's message, in plain words
    assert "1 violation(s) of 1 shape(s)" in out


def test_several_files_are_validated_together(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A fact in one file and the partner it names in another make one graph."""
    data = Graph().parse(VALID)
    sweden = URIRef("https://w3id.org/china-space-kg/id/country/sweden")
    entities, facts = Graph(), Graph()
    for triple in data:
        (entities if triple[0] == sweden else facts).add(triple)
    entities.serialize(tmp_path / "entities.nt", format="nt")
    facts.serialize(tmp_path / "facts.ttl", format="turtle")
    assert run(capsys, str(tmp_path / "facts.ttl"))[0] == 1  # Sweden's type is missing
    assert run(capsys, str(tmp_path / "facts.ttl"), str(tmp_path / "entities.nt"))[0] == 0


@pytest.mark.parametrize(
    ("suffix", "rdflib_format"),
    [
        (".nt", "nt"),
        (".jsonld", "json-ld"),
        (".rdf", "xml"),
        (".trig", "trig"),
        (".nq", "nquads"),
        (".ttl", "turtle"),
    ],
)
def test_every_rdf_syntax_is_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, suffix: str, rdflib_format: str
) -> None:
    """The same graph in each syntax validates the same way (quads: in a named graph)."""
    dataset = Dataset()
    graph = dataset.graph(URIRef("https://example.org/graph/one"))
    for triple in Graph().parse(VALID):
        graph.add(triple)
    target = tmp_path / f"valid{suffix}"
    source = dataset if rdflib_format in ("trig", "nquads") else graph
    source.serialize(target, format=rdflib_format)
    assert run(capsys, str(target))[0] == 0
    broken = tmp_path / f"broken{suffix}"
    graph.remove((None, URIRef("https://w3id.org/china-space-kg/ontology#iso3166Alpha2"), None))
    source.serialize(broken, format=rdflib_format)
    assert run(capsys, str(broken))[0] == 1


def test_input_format_overrides_the_extension(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "graph.txt"
    shutil.copy(VALID, target)
    assert run(capsys, str(target), "--input-format", "turtle")[0] == 0


# --- unusable input: exit 2, one line ------------------------------------------------


def test_a_missing_file_is_named_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, str(tmp_path / "nowhere.ttl"))
    assert code == 2
    assert out == ""
    line = one_line(err)
    assert "nowhere.ttl" in line and "no such file" in line


def test_a_syntax_error_names_file_line_and_column(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "broken.ttl"
    target.write_text(
        '@prefix ex: <https://example.org/> .\nex:a ex:b "open string .\nex:c ex:d ex:e .\n',
        encoding="utf-8",
    )
    code, _, err = run(capsys, str(target))
    assert code == 2
    line = one_line(err)
    assert f"{target}:2:" in line
    assert "not valid Turtle" in line and "fix the file" in line


def test_an_unknown_extension_says_what_to_do(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "graph.docx"
    target.write_bytes(b"PK\x03\x04")
    code, _, err = run(capsys, str(target))
    assert code == 2
    line = one_line(err)
    assert "graph.docx" in line and "--input-format" in line


def test_binary_content_in_an_rdf_file_is_a_syntax_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "graph.nt"
    target.write_bytes(b"\x00\xff\xfe binary")
    code, _, err = run(capsys, str(target))
    assert code == 2
    assert "graph.nt" in one_line(err)


def test_a_folder_is_not_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, str(tmp_path))
    assert code == 2
    assert "is a folder" in one_line(err)


def test_an_unwritable_output_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, str(VALID), "-o", str(tmp_path / "no" / "such" / "report.txt"))
    assert code == 2
    assert "cannot write the report" in one_line(err)


def test_a_missing_shapes_file_is_unusable_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, str(VALID), "--shapes", str(tmp_path / "none.ttl"))
    assert code == 2
    assert "none.ttl" in one_line(err)


def test_no_build_yet_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "--store", str(tmp_path / "empty-store"))
    assert code == 2
    assert "spacekg build" in one_line(err)


# --- options ---------------------------------------------------------------------------


def test_other_shapes_can_be_given(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    shapes = tmp_path / "strict.ttl"
    shapes.write_text(
        """@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix csk: <https://w3id.org/china-space-kg/ontology#> .
<https://example.org/shapes#CountryHasCategory> a sh:PropertyShape ;
    sh:targetClass csk:Country ; sh:path csk:category ; sh:minCount 1 ;
    sh:message "This project wants a category on every country." .
""",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, str(VALID), "--shapes", str(shapes))
    assert code == 1
    assert "<https://example.org/shapes#CountryHasCategory>" in out
    assert "shape:CountryCode" not in out


def test_output_goes_to_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "report.xml"
    code, out, err = run(capsys, str(BAD), "--format", "junit", "-o", str(target))
    assert code == 1
    assert out == ""
    assert "report written to" in err
    ET.parse(target)


# --- report formats --------------------------------------------------------------------


def test_turtle_report_is_a_w3c_validation_report(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, str(BAD), "--format", "turtle")
    report = Graph().parse(data=out, format="turtle")
    node = report.value(None, RDF.type, SH.ValidationReport)
    assert report.value(node, SH.conforms) == Literal(False)
    results = list(report.objects(node, SH.result))
    assert len(results) == 1
    assert report.value(results[0], SH.resultPath) == URIRef(
        "https://w3id.org/china-space-kg/ontology#iso3166Alpha2"
    )
    _, out, _ = run(capsys, str(VALID), "--format", "turtle")
    report = Graph().parse(data=out, format="turtle")
    node = report.value(None, RDF.type, SH.ValidationReport)
    assert report.value(node, SH.conforms) == Literal(True)


def test_turtle_report_includes_evidence_check_results(capsys: pytest.CaptureFixture[str]) -> None:
    """Problems found in the files appear in the W3C report like any SHACL result."""
    _, out, _ = run(capsys, str(FIXTURES / "QuoteInFile--shifted.ttl"), "--format", "turtle")
    report = Graph().parse(data=out, format="turtle")
    node = report.value(None, RDF.type, SH.ValidationReport)
    assert report.value(node, SH.conforms) == Literal(False)
    shapes = set(report.objects(None, SH.sourceShape))
    assert shapes == {URIRef("https://w3id.org/china-space-kg/shapes#QuoteInFile")}


def test_junit_report_has_a_failed_case_per_violation(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, str(FIXTURES / "Partner--two.ttl"), "--format", "junit")
    root = ET.fromstring(out)
    cases = root.findall(".//testcase")
    failed = [c for c in cases if c.find("failure") is not None]
    assert len(failed) == 1
    assert failed[0].get("classname") == "shape:Partner"
    assert "exactly one csk:partner" in (failed[0].find("failure").get("message") or "")
    passed = {c.get("classname") for c in cases if c.find("failure") is None}
    assert "shape:CountryCode" in passed  # shapes that held are listed as passed tests
    assert root.get("failures") == "1"


def test_junit_report_of_a_conforming_graph_has_no_failures(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, str(VALID), "--format", "junit")
    root = ET.fromstring(out)
    assert root.get("failures") == "0"
    assert int(root.get("tests") or 0) > 40


def test_gzipped_files_are_read(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Dumps are published as ``graph.nq.gz``; the syntax comes from the inner suffix."""
    target = tmp_path / "valid.ttl.gz"
    target.write_bytes(gzip.compress(VALID.read_bytes()))
    assert run(capsys, str(target))[0] == 0


def test_blank_nodes_of_different_files_are_kept_apart(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Two files that both say ``_:b0`` speak of two different things."""
    one, two = tmp_path / "one.nt", tmp_path / "two.nt"
    label = "<http://www.w3.org/2000/01/rdf-schema#label>"
    country = "<https://w3id.org/china-space-kg/ontology#Country>"
    one.write_text(
        f"_:b0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> {country} .\n"
        f'_:b0 {label} "Sweden"@en .\n'
        '_:b0 <https://w3id.org/china-space-kg/ontology#iso3166Alpha2> "SE" .\n',
        encoding="utf-8",
    )
    two.write_text(f'_:b0 {label} "Norway"@en .\n', encoding="utf-8")
    assert run(capsys, str(one), str(two))[0] == 0  # merged, _:b0 would have two labels


def test_json_ld_naming_the_published_context_is_read_with_the_local_copy(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "country.jsonld"
    target.write_text(
        json.dumps(
            {
                "@context": "https://w3id.org/china-space-kg/context.jsonld",
                "@id": "https://w3id.org/china-space-kg/id/country/sweden",
                "@type": "https://w3id.org/china-space-kg/ontology#Country",
                "http://www.w3.org/2000/01/rdf-schema#label": {
                    "@value": "Sweden",
                    "@language": "en",
                },
                "https://w3id.org/china-space-kg/ontology#iso3166Alpha2": {"@value": "se"},
            }
        ),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, str(target))
    assert code == 1  # read, and the lower-case code found
    assert "shape:CountryCode" in out


def test_a_remote_json_ld_context_is_not_fetched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "remote.jsonld"
    target.write_text('{"@context": "https://example.org/context.jsonld"}', encoding="utf-8")
    code, _, err = run(capsys, str(target))
    assert code == 2
    assert "inline the context" in one_line(err)
