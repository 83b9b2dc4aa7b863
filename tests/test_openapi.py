"""/openapi.json is a valid OpenAPI 3 document with one operation per saved query, and
the CLI, the HTTP API and the OpenAPI document agree on every query's parameters."""

from __future__ import annotations

import pytest
from openapi_spec_validator import validate

from graph.saved_queries import load_queries


@pytest.fixture()
def spec(client):
    response = client.get("/openapi.json")
    assert response.status_code == 200
    return response.get_json()


def test_the_document_is_valid_openapi_3(spec):
    validate(spec)
    assert spec["openapi"].startswith("3.")


def test_every_saved_query_is_an_operation(spec, built_paths):
    queries = load_queries(built_paths.queries)
    operations = {
        path.removeprefix("/queries/"): item["get"]
        for path, item in spec["paths"].items()
        if path.startswith("/queries/")
    }
    assert set(operations) == set(queries)
    for name, op in operations.items():
        assert op["operationId"] == name
        assert op["summary"] == queries[name].title
        assert op["description"] == queries[name].description


def test_parameter_schemas_follow_the_declared_types(spec):
    def parameters(name):
        return {p["name"]: p for p in spec["paths"][f"/queries/{name}"]["get"]["parameters"]}

    params = parameters("agreements-timeline")
    assert params["since"]["schema"] == {
        "type": "integer", "minimum": 1900, "maximum": 2100, "default": 1990,
    }
    status = parameters("areas-and-missions")
    assert status["status"]["schema"]["enum"] == ["any", "achieved", "planned"]
    mission = spec["paths"]["/queries/countries-on-mission-payloads"]["get"]["parameters"][0]
    assert mission["schema"]["format"] == "uri"
    assert mission["x-rdf-classes"] == ["https://w3id.org/china-space-kg/ontology#Mission"]


def _cli_listing(monkeypatch, capsys, paths) -> str:
    import sys

    from cli.main import main

    monkeypatch.setenv("COLUMNS", "300")
    monkeypatch.setattr(
        sys, "argv", ["spacekg", "queries", "--queries", str(paths.queries)]
    )
    with pytest.raises(SystemExit):
        main()
    return capsys.readouterr().out


def test_cli_http_and_openapi_agree_on_every_querys_parameters(
    spec, client, built_paths, monkeypatch, capsys
):
    header = {
        name: [(p.name, p.type, p.default) for p in q.parameters]
        for name, q in load_queries(built_paths.queries).items()
    }
    http = {
        q["name"]: [(p["name"], p["type"], p["default"]) for p in q["parameters"]]
        for q in client.get("/queries", headers={"Accept": "application/json"}).get_json()[
            "queries"
        ]
    }
    openapi = {
        path.removeprefix("/queries/"): [
            (p["name"], p["x-parameter-type"], str(p["schema"]["default"]))
            for p in item["get"]["parameters"]
            if p["name"] != "format"
        ]
        for path, item in spec["paths"].items()
        if path.startswith("/queries/")
    }
    assert header == http == openapi
    listing = _cli_listing(monkeypatch, capsys, built_paths)
    for params in header.values():
        for name, kind, _default in params:
            assert f"{name}: {kind}" in listing
