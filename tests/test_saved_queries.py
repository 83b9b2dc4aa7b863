"""Saved queries: the header is parsed into typed parameters, values are checked and then
bound by the engine (never pasted into the text), and every file in queries/ is valid."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.errors import QueryError
from graph.saved_queries import editor_text, get_query, load_queries, parse_header, parse_query
from graph.saved_queries_run import run_saved, run_select
from graph.store import write_merged_default_graph
from server.embedded import EmbeddedBackend

ROOT = Path(__file__).resolve().parent.parent
QUERY_FILES = sorted((ROOT / "queries").glob("*.rq"))
CSK = "https://w3id.org/china-space-kg/ontology#"
ID = "https://w3id.org/china-space-kg/id/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
HOSTILE = [
    'x" } UNION { ?s ?p ?o } #',
    "x> <http://evil> <y",
    "} ; DROP ALL ; {",
    "line one\nSELECT * WHERE { ?s ?p ?o }",
    "'; --",
    "\\u0022",
]

ECHO = """#+ title: Echo
#+ description: Gives back what it was given.
#+ param.text: string
#+ param.text.default: hello
#+ param.mission: iri csk:Mission
#+ param.mission.default: https://w3id.org/china-space-kg/id/mission/change-4
#+ param.year: year
#+ param.year.default: 2016
#+ param.n: integer
#+ param.n.default: 3
#+ param.status: string
#+ param.status.default: any
#+ param.status.allowed: any, achieved, planned
#+ param.area: concept csk:CooperationAreas
#+ param.area.default: https://w3id.org/china-space-kg/id/area/payloads
SELECT ?text ?mission ?year ?n ?status ?area ?label WHERE {
  OPTIONAL { ?mission <http://www.w3.org/2000/01/rdf-schema#label> ?label }
}
"""


@pytest.fixture(scope="module")
def tiny() -> EmbeddedBackend:
    """Two missions, one country and one area concept: enough to check membership."""
    store = ox.Store()
    g = ox.NamedNode("https://w3id.org/china-space-kg/graph/reference")
    for key, label in (("change-4", "Chang'e-4"), ("tianwen-1", "Tianwen-1")):
        node = ox.NamedNode(f"{ID}mission/{key}")
        store.add(ox.Quad(node, RDF_TYPE, ox.NamedNode(CSK + "Mission"), g))
        store.add(ox.Quad(node, LABEL, ox.Literal(label, language="en"), g))
    store.add(
        ox.Quad(ox.NamedNode(f"{ID}country/sweden"), RDF_TYPE, ox.NamedNode(CSK + "Country"), g)
    )
    store.add(
        ox.Quad(
            ox.NamedNode(f"{ID}area/payloads"),
            ox.NamedNode("http://www.w3.org/2004/02/skos/core#inScheme"),
            ox.NamedNode(CSK + "CooperationAreas"),
            g,
        )
    )
    write_merged_default_graph(store)  # as a build does: queries read the merge
    return EmbeddedBackend(store)


@pytest.fixture(scope="module")
def echo():
    return parse_query("echo", ECHO)


# --- the header -----------------------------------------------------------------------


def test_repeated_header_keys_continue_the_text_and_the_header_ends_at_the_query():
    header = parse_header(
        "#+ title: T\n#+ description: one\n#+ description: two\n\nSELECT * {}\n#+ tags: late\n"
    )
    assert header == {"title": "T", "description": "one two"}


def test_parameters_are_read_with_their_type_class_default_and_allowed_values(echo):
    params = {p.name: p for p in echo.parameters}
    assert list(params) == ["text", "mission", "year", "n", "status", "area"]
    assert params["mission"].classes == (CSK + "Mission",)
    assert params["mission"].expected == "an IRI of a csk:Mission"
    assert params["status"].allowed == ("any", "achieved", "planned")
    assert params["area"].expected == "an IRI of a concept in csk:CooperationAreas"


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        (ECHO.replace("#+ title: Echo\n", ""), "'#+ title: ...' is missing"),
        (ECHO.replace("param.n: integer", "param.n: float"), "unknown type 'float'"),
        (ECHO.replace("#+ param.n.default: 3\n", ""), "parameter 'n' has no default"),
        (ECHO.replace("param.n.default: 3", "param.n.default: three"), "expects an integer"),
        (ECHO + "#+ param.nope.default: 1\n", None),  # after the query: not header
        (ECHO.replace("SELECT ?text", "SELECT ?tex"), "projection"),
        (ECHO.replace("WHERE {", "WHERE {{"), "syntax error"),
        (ECHO.replace("SELECT ?text ?mission ?year ?n ?status ?area ?label WHERE", "ASK"),
         "SELECT"),
        (ECHO.replace("#+ param.year: year\n", "#+ param.year.example: 1\n#+ param.year: year\n")
         .replace("#+ param.text: string\n", "#+ param.txt.default: 1\n#+ param.text: string\n"),
         "belongs to no declared parameter"),
        (ECHO.replace("param.n", "param.format"), "'format' is reserved"),
    ],
)
def test_a_broken_query_file_is_refused_with_a_message_naming_what_is_wrong(broken, message):
    if message is None:
        parse_query("echo", broken)
        return
    with pytest.raises(QueryError, match=re.escape(message)):
        parse_query("echo", broken)


def test_an_unknown_query_name_suggests_close_names():
    queries = load_queries(ROOT / "queries")
    with pytest.raises(QueryError, match="did you mean countries-on-mission-payloads"):
        get_query(queries, "countries-on-mission")


# --- checking and binding values -------------------------------------------------------


def test_defaults_are_bound_as_typed_terms(echo, tiny):
    table = run_saved(tiny, echo)
    (row,) = table.rows
    assert row["text"] == ox.Literal("hello")
    assert row["mission"] == ox.NamedNode(f"{ID}mission/change-4")
    assert row["year"] == ox.Literal(2016)
    assert row["label"].value == "Chang'e-4"


def test_given_values_replace_defaults_and_iris_may_be_written_short(echo, tiny):
    table = run_saved(tiny, echo, {"mission": "id:mission/tianwen-1", "n": "-7"})
    assert table.rows[0]["label"].value == "Tianwen-1"
    assert table.rows[0]["n"] == ox.Literal(-7)


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("mission", "not an iri", "an IRI of a csk:Mission"),
        ("mission", f"{ID}country/sweden", "an IRI of a csk:Mission"),  # wrong class
        ("mission", f"{ID}mission/nowhere", "an IRI of a csk:Mission"),  # not in the graph
        ("area", f"{ID}mission/change-4", "a concept in csk:CooperationAreas"),
        ("year", "16", "a four-digit year"),
        ("year", "3016", "a four-digit year"),
        ("n", "1.5", "an integer"),
        ("status", "done", "among any, achieved, planned"),
        ("text", "x" * 201, "at most 200 characters"),
    ],
)
def test_a_value_of_the_wrong_type_names_the_parameter_and_the_expected_type(
    echo, tiny, name, value, expected
):
    with pytest.raises(QueryError) as info:
        run_saved(tiny, echo, {name: value})
    message = str(info.value)
    assert message.startswith(f"parameter '{name}' expects ")
    assert expected in message
    assert "\n" not in message


def test_an_unknown_parameter_is_refused_with_the_list_of_known_ones(echo, tiny):
    with pytest.raises(QueryError, match=r"no parameter 'mision' \(parameters: text, mission"):
        run_saved(tiny, echo, {"mision": "x"})


@pytest.mark.parametrize("value", HOSTILE)
def test_a_hostile_string_is_bound_as_one_literal_and_cannot_change_the_query(
    echo, tiny, value
):
    table = run_saved(tiny, echo, {"text": value})
    assert len(table.rows) == 1
    assert table.rows[0]["text"] == ox.Literal(value.strip())


@pytest.mark.parametrize("value", HOSTILE)
def test_a_hostile_iri_is_refused_before_it_reaches_the_engine(echo, tiny, value):
    for candidate in (value, f"{ID}mission/change-4{value}", f"<{ID}mission/change-4>{value}"):
        with pytest.raises(QueryError, match="parameter 'mission' expects an IRI"):
            run_saved(tiny, echo, {"mission": candidate})


@pytest.mark.parametrize("value", HOSTILE)
def test_find_entity_with_a_hostile_name_finds_nothing_rather_than_everything(tiny, value):
    query = load_queries(ROOT / "queries")["find-entity"]
    assert run_saved(tiny, query, {"name": value}).rows == []


def test_the_row_limit_cuts_the_result_and_says_so(tiny):
    sparql = "SELECT ?s WHERE { ?s ?p ?o }"
    assert run_select(tiny, sparql, row_limit=2).truncated
    assert not run_select(tiny, sparql, row_limit=100).truncated
    assert len(run_select(tiny, sparql, row_limit=2).rows) == 2


def test_the_editor_text_means_what_the_bound_query_means(echo, tiny):
    bound = echo.bind({"text": 'a "quoted" } value', "mission": f"{ID}mission/tianwen-1"}, tiny)
    text = editor_text(echo, bound)
    assert '"a \\"quoted\\" } value"' in text
    assert run_select(tiny, text).rows == run_saved(tiny, echo, {
        "text": 'a "quoted" } value', "mission": f"{ID}mission/tianwen-1"}).rows


# --- the files in queries/ -------------------------------------------------------------


def test_there_are_at_least_fifteen_saved_queries_and_the_first_is_the_payloads_one():
    names = [p.stem for p in QUERY_FILES]
    assert len(names) >= 15
    assert "countries-on-mission-payloads" in names


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_every_query_file_parses_and_documents_itself(path):
    query = parse_query(path.stem, path.read_text(encoding="utf-8"), path)
    assert len(query.title) > 10
    assert query.description.endswith(("?", ".")), "describe the question in full sentences"
    assert query.tags
    for param in query.parameters:
        assert param.description, f"{query.name}: describe parameter {param.name}"
        assert param.example, f"{query.name}: give an example value for {param.name}"


def test_the_default_of_the_first_query_is_change_4():
    query = load_queries(ROOT / "queries")["countries-on-mission-payloads"]
    (mission,) = query.parameters
    assert mission.default == f"{ID}mission/change-4"


def test_a_where_in_the_header_comments_is_not_where_the_values_go(echo, tiny):
    query = parse_query("echo", "#+ description: where { is not code\n" + ECHO)
    text = editor_text(query, query.bind({}, tiny))
    assert text.index("VALUES") > text.index("SELECT")


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_every_query_with_inlined_values_answers_as_the_bound_query(path, backend):
    query = load_queries(ROOT / "queries")[path.stem]
    bound = query.bind({}, backend)

    def rows(table):
        return sorted(sorted((k, str(v)) for k, v in row.items()) for row in table.rows)

    assert rows(run_select(backend, editor_text(query, bound))) == rows(
        run_saved(backend, query)
    )
