"""The fast parameter decoder reads every request exactly as werkzeug would."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl, urlencode

import pytest
from flask import Flask, request

from graph.saved_queries import editor_text, load_queries
from server.form_decoding import FastFormRequest, decode_pairs

QUERIES = Path(__file__).resolve().parents[1] / "queries"

WELL_FORMED = [
    "",
    "query=ASK%7B%7D",
    "query=SELECT+*+WHERE+%7B%3Fs+%3Fp+%3Fo%7D&format=csv",
    "a=1&a=2&b=",
    "flag&x=1&&y",
    "q=%E5%AB%A6%E5%A8%A5%E5%9B%9B%E5%8F%B7+Chang%27e-4",  # UTF-8 escapes
    "q=back%5Cslash+%5Cx41+%5Cn",  # escaped backslashes stay backslashes
    "q=already\\x41",  # a literal backslash in the raw text
    "q=100%25+sure&plus=%2B",
    "named-graph-uri=https%3A%2F%2Fw3id.org%2Fchina-space-kg%2Fgraph%2Fdocument%2Fa",
]


@pytest.mark.parametrize("raw", WELL_FORMED)
def test_well_formed_parameters_decode_as_parse_qsl_does(raw: str) -> None:
    assert decode_pairs(raw.encode()) == parse_qsl(raw, keep_blank_values=True)


def test_every_saved_query_survives_the_round_trip() -> None:
    for saved in load_queries(QUERIES).values():
        text = editor_text(saved, saved.bind({}))
        assert decode_pairs(urlencode({"query": text}).encode()) == [("query", text)]


@pytest.mark.parametrize("raw", [b"q=100%", b"q=%zz", b"q=%4", b"q=%FF%FE", b"q=\xff"])
def test_malformed_input_is_left_to_werkzeug(raw: bytes) -> None:
    assert decode_pairs(raw) is None


def _echo_app() -> Flask:
    app = Flask(__name__)
    app.request_class = FastFormRequest

    @app.route("/", methods=["GET", "POST"])
    def echo() -> dict[str, list[str]]:
        return {"args": request.args.getlist("q"), "form": request.form.getlist("q")}

    return app


def _werkzeug_reading(raw: str) -> list[str]:
    app = Flask(__name__)  # the stock request class
    with app.test_request_context("/?" + raw):
        return request.args.getlist("q")


@pytest.mark.parametrize("raw", ["q=100%25", "q=100%", "q=%zz", "q=%FF%FE+x", "q=a&q=b"])
def test_query_string_reads_like_stock_werkzeug(raw: str) -> None:
    got = _echo_app().test_client().get("/?" + raw).get_json()
    assert got["args"] == _werkzeug_reading(raw)


@pytest.mark.parametrize("raw", ["q=ASK+%7B%7D", "q=100%", "q=%zz", "q=%FF%FE+x"])
def test_form_bodies_read_like_stock_werkzeug(raw: str) -> None:
    stock = Flask(__name__)
    with stock.test_request_context(
        "/", method="POST", data=raw, content_type="application/x-www-form-urlencoded"
    ):
        expected = request.form.getlist("q")
    got = (
        _echo_app()
        .test_client()
        .post("/", data=raw, content_type="application/x-www-form-urlencoded")
        .get_json()
    )
    assert got["form"] == expected


def test_a_form_over_the_size_limit_is_refused_before_it_is_read() -> None:
    app = _echo_app()
    app.config["MAX_CONTENT_LENGTH"] = 10
    response = app.test_client().post(
        "/", data="q=" + "x" * 100, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 413
