"""The helper threads that read request bodies (``server.body_readers``): a handler waits
for a body at most BODY_TIMEOUT, and what it stops waiting for never costs it its slot
twice nor reads a body nobody wants."""

from __future__ import annotations

import io
import threading

import pytest

from server.body_readers import BodyReaders


class HeldStream:
    """A body that arrives only when the test lets it (a slow client)."""

    def __init__(self, body: bytes) -> None:
        self.body = io.BytesIO(body)
        self.started = threading.Event()
        self.go = threading.Event()
        self.reads = 0

    def read(self, size: int) -> bytes:
        self.reads += 1
        self.started.set()
        self.go.wait(10)
        return self.body.read(size)


class Broken:
    def read(self, size: int) -> bytes:
        raise OSError("the client went away")


def test_a_body_is_read_whole_up_to_the_limit() -> None:
    readers = BodyReaders(2)
    assert readers.read(io.BytesIO(b"query=ASK%7B%7D"), 100).result(10) == b"query=ASK%7B%7D"
    assert readers.read(io.BytesIO(b"0123456789"), 4).result(10) == b"0123"


def test_a_body_not_sent_in_time_is_none_and_its_slot_waits_for_the_read() -> None:
    readers = BodyReaders(1)
    slow = HeldStream(b"late")
    reading = readers.read(slow, 100)
    assert reading.result(0.05) is None
    given_back: list[str] = []
    reading.give_up(lambda: given_back.append("slot"))
    assert slow.started.wait(10) and given_back == []  # still reading: the slot is held
    slow.go.set()
    done = readers.read(io.BytesIO(b"next"), 10).result(10)  # the one helper is free again
    assert done == b"next" and given_back == ["slot"]


def test_a_read_given_up_before_it_began_never_reads() -> None:
    readers = BodyReaders(1)
    blocker = HeldStream(b"first")
    readers.read(blocker, 100)
    assert blocker.started.wait(10)
    queued = HeldStream(b"second")
    waiting = readers.read(queued, 100)  # the only helper is busy
    assert waiting.result(0.05) is None
    given_back: list[str] = []
    waiting.give_up(lambda: given_back.append("slot"))
    blocker.go.set()
    assert readers.read(io.BytesIO(b"third"), 10).result(10) == b"third"
    assert queued.reads == 0 and given_back == []  # never read; its slot is the handler's


def test_a_read_that_ended_after_the_timeout_gives_the_slot_back_at_once() -> None:
    readers = BodyReaders(1)
    slow = HeldStream(b"just late")
    reading = readers.read(slow, 100)
    assert reading.result(0.05) is None
    slow.go.set()
    assert reading.result(10) == b"just late"
    given_back: list[str] = []
    reading.give_up(lambda: given_back.append("slot"))
    assert given_back == ["slot"]


def test_what_the_stream_raised_reaches_the_handler() -> None:
    with pytest.raises(OSError, match="went away"):
        BodyReaders(1).read(Broken(), 10).result(10)
