"""Parse a large document's sentences while this process finds the names it introduces.

Before a new document is read, the build cleans it and finds its name candidates, then
the names the corpus introduces (discovery), then cuts the document into sentences with
the gazetteer those names extend: all in one process, while the machine's other core
waits. The parse (the slowest step of reading, and of a document without repeated text
by far the slowest) only needs the sentences' texts, so a forked helper cuts the
documents with the curated gazetteer meanwhile and parses the sentences that name a
partner there, sending the parses back in batches as it goes.

When the reading comes to its parse it stops the helper, takes the parses made so far
and parses the rest itself, as before (over both cores): the helper's work only ever
shortens the wait. A parse depends on its text alone (``reading.parse_sentences``
shares one between equal texts already), so the reading takes these parses for the
texts it parses and parses only the others, those the helper did not reach or that the
names found since change (a sentence naming only a discovered partner): the facts are
the same. A helper lost (killed, out of memory) only leaves more to parse.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import queue
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from multiprocessing.process import BaseProcess
from multiprocessing.synchronize import Event

from spacy.tokens import Doc

from graph import parsing
from graph.gazetteer import Gazetteer
from graph.model import Document
from graph.normalise import clean_document
from graph.quiet_workers import forks_end_with_this_process, interrupts_held, quit_on_interrupt
from graph.reading import parse_texts, read_document
from graph.recognise import Recogniser

# below this many characters of new text the helper costs more than the parse it hides
EARLY_FROM_CHARS = 400_000
_BATCH = 256  # texts parsed between two looks at the stop sign
_WAIT_SECONDS = 1.0  # between two looks at whether a silent helper is still there
_GIVE_UP_SECONDS = 60.0  # a batch takes a second or two: one this late is not waited for

Batch = list[tuple[str, bytes]]


class EarlyParses:
    """The parses a forked helper is making."""

    def __init__(
        self, process: BaseProcess, made: multiprocessing.Queue, stop: Event, parsing: Event
    ) -> None:
        self._process, self._made, self._stop, self._parsing = process, made, stop, parsing

    def parses(self) -> dict[str, Doc]:
        """Stop the helper; each text it parsed, with its parse. A helper still cutting
        the sentences has parsed nothing: it is not waited for."""
        self._stop.set()
        if not self._parsing.is_set():
            self.close()
            return {}
        batches: list[Batch] = []
        waited = 0.0
        while True:
            try:
                batch = self._made.get(timeout=_WAIT_SECONDS)
            except queue.Empty:
                waited += _WAIT_SECONDS
                if self._process.is_alive() and waited < _GIVE_UP_SECONDS:
                    continue
                break  # lost (killed?) or stuck: what came is kept
            waited = 0.0
            if batch is None:
                break
            batches.append(batch)
        self.close()
        vocab = parsing.load_parser().vocab
        with parsing._decoders_looked_up_once():
            return {text: Doc(vocab).from_bytes(data) for b in batches for text, data in b}

    def close(self) -> None:
        """End the helper, done or not."""
        self._stop.set()
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._made.close()
        self._made.cancel_join_thread()


@contextmanager
def early_parses(
    documents: Sequence[Document], gazetteer: Gazetteer, workers: int
) -> Iterator[EarlyParses | None]:
    """A forked helper parsing ``documents``' sentences from now on; ``None`` where there
    is no core for it, not text enough, or this process runs threads (a fork does not
    carry them over)."""
    size = sum(len(d.text) for d in documents)
    if workers < 2 or size < EARLY_FROM_CHARS or threading.active_count() > 1:
        yield None
        return
    parsing.load_parser()  # once, for both: the reading parses the rest with it
    context = multiprocessing.get_context("fork")
    made: multiprocessing.Queue = context.Queue()
    stop, parsing_started = context.Event(), context.Event()
    process = context.Process(
        target=_parse_all,
        args=(list(documents), gazetteer, made, stop, parsing_started),
        daemon=True,
    )
    with forks_end_with_this_process(), interrupts_held():
        process.start()
    early = EarlyParses(process, made, stop, parsing_started)
    try:
        yield early
    finally:
        early.close()


def _parse_all(
    documents: Sequence[Document],
    gazetteer: Gazetteer,
    made: multiprocessing.Queue,
    stop: Event,
    parsing_started: Event,
) -> None:
    """In the forked helper: each document cut with the curated gazetteer, and the parse
    of each text ``reading.parse_sentences`` would parse, as bytes, a batch at a time
    until told to stop; then ``None``."""
    quit_on_interrupt()
    parsing._PARALLEL_FROM = sys.maxsize  # one core: the build has the other
    recogniser = Recogniser(gazetteer)
    texts: dict[str, None] = {}
    for document in documents:
        if stop.is_set():
            break
        _clean, sentences, _found = read_document(
            document, recogniser, parse=False, clean=clean_document(document)
        )
        texts.update(dict.fromkeys(parse_texts(sentences)))
    todo = list(texts)
    parsing_started.set()
    for start in range(0, len(todo), _BATCH):
        if stop.is_set():
            break
        batch = todo[start : start + _BATCH]
        docs = parsing.parse_all(batch)
        made.put([(text, doc.to_bytes()) for text, doc in zip(batch, docs, strict=True)])
    made.put(None)
    with contextlib.suppress(Exception):
        made.close()
        made.join_thread()
