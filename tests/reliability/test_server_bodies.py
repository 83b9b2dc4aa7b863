"""Slow and oversized requests (issue 17, items 1 and 2).

Eight clients sending a body one byte at a time used to hold every request handler, and
a chunked body over MAX_REQUEST_BYTES was cut and the cut query run. Now a slow body gets
a 408 after BODY_TIMEOUT while ``/healthz`` keeps answering, and an oversized body is a
413 however it is framed.
"""

from __future__ import annotations

import http.client
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

import pytest

BODY_TIMEOUT = 2.0
LIMIT = 2000
SLOW_CLIENTS = 8


@pytest.fixture(scope="module")
def server(graph_store: Path, kit: ModuleType) -> Iterator[Any]:
    args = ["--workers", "1", "--threads", "2", "--body-timeout", str(BODY_TIMEOUT),
            "--header-timeout", "1", "--max-request-bytes", str(LIMIT)]
    with kit.serve(graph_store, *args) as running:
        yield running


def _connect(base: str, source: str | None = None) -> socket.socket:
    url = urlsplit(base)
    return socket.create_connection(
        (url.hostname, url.port), timeout=30, source_address=(source, 0) if source else None
    )


def _slow_post(base: str, source: str, outcome: dict[str, object]) -> None:
    """POST a 100-byte body one byte every 0.3 s; note the answer and when it came."""
    sock = _connect(base, source)
    started = time.monotonic()
    sock.sendall(
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
        b"Content-Length: 100\r\n\r\n"
    )
    sock.settimeout(0.3)
    received = b""
    try:
        for _ in range(100):
            try:
                chunk = sock.recv(4096)
            except TimeoutError:
                chunk = None
            if chunk:
                received += chunk
                if b"\r\n\r\n" in received:
                    break
            elif chunk == b"":
                break
            sock.sendall(b" ")
    except OSError:
        pass
    finally:
        sock.close()
    outcome["status"] = received.split(b" ", 2)[1] if received else b""
    outcome["seconds"] = time.monotonic() - started


def test_slow_bodies_from_eight_clients_get_408_while_healthz_answers(
    server: Any, kit: ModuleType
) -> None:
    outcomes: list[dict[str, object]] = [{} for _ in range(SLOW_CLIENTS)]
    threads = [
        threading.Thread(target=_slow_post, args=(server.base, f"127.0.0.{10 + i}", outcomes[i]))
        for i in range(SLOW_CLIENTS)
    ]
    for thread in threads:
        thread.start()
    latencies = []
    time.sleep(0.3)  # every slow client has sent its headers
    while any(t.is_alive() for t in threads):
        answer = kit.request(server.base, "/healthz", source="127.0.0.2", timeout=5)
        assert answer.status == 200
        latencies.append(answer.seconds)
        time.sleep(0.1)
    for thread in threads:
        thread.join()
    assert max(latencies) < 1.0, f"/healthz took {max(latencies):.2f} s"
    assert len(latencies) >= 10
    for outcome in outcomes:
        assert outcome["status"] == b"408"
        assert BODY_TIMEOUT <= outcome["seconds"] < BODY_TIMEOUT + 2
    # and the handlers are free: a query with a whole body is answered
    answer = kit.request(server.base, "/sparql", method="POST", body=b"ASK {}",
                     headers={"Content-Type": "application/sparql-query"})
    assert answer.status == 200 and b"true" in answer.body


def _chunked(base: str, body: bytes, content_type: str) -> tuple[int, str, float]:
    url = urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    started = time.monotonic()
    try:
        pieces = (body[i : i + 500] for i in range(0, len(body), 500))
        conn.request("POST", "/sparql", body=pieces, encode_chunked=True,
                     headers={"Content-Type": content_type,
                              "Accept": "application/sparql-results+json, text/plain;q=0.5"})
        response = conn.getresponse()
        return response.status, response.read().decode(), time.monotonic() - started
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        # The first LIMIT bytes are a query that would run: cut there, it must not.
        ("application/sparql-query", b"ASK {}" + b" " * LIMIT + b"#"),
        ("application/x-www-form-urlencoded", b"query=ASK+%7B%7D" + b"+" * LIMIT),
    ],
    ids=["sparql-query", "form"],
)
def test_a_chunked_body_over_the_limit_is_413_and_never_runs(
    server: Any, content_type: str, body: bytes
) -> None:
    status, text, seconds = _chunked(server.base, body, content_type)
    assert status == 413, text
    assert f"over {LIMIT} bytes" in text and "MAX_REQUEST_BYTES" in text
    assert seconds < 2
    # the same query, whole and within the limit, does run
    status, text, _ = _chunked(server.base, b"ASK {}", "application/sparql-query")
    assert status == 200 and "true" in text


def test_a_declared_length_over_the_limit_is_413_before_the_body_is_sent(
    server: Any,
) -> None:
    sock = _connect(server.base)
    started = time.monotonic()
    try:
        sock.sendall(
            b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
            b"Accept: text/plain\r\nContent-Length: %d\r\n\r\n" % (LIMIT + 1)
        )
        answer = sock.recv(4096)
    finally:
        sock.close()
    assert answer.startswith(b"HTTP/1.1 413")
    assert time.monotonic() - started < 2


def test_headers_sent_too_slowly_close_the_connection(server: Any) -> None:
    sock = _connect(server.base)
    started = time.monotonic()
    try:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")  # and never the blank line
        sock.settimeout(10)
        try:
            data = sock.recv(4096)  # the server hangs up (or says 408) after HEADER_TIMEOUT
        except ConnectionResetError:
            data = b""
    finally:
        sock.close()
    assert b" 200 " not in data
    assert time.monotonic() - started < 4


def test_a_normal_query_still_works_after_all_that(server: Any, kit: ModuleType) -> None:
    answer = kit.query(server.base, "ASK {}")
    assert answer.status == 200 and answer.json()["boolean"] is True
