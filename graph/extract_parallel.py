"""Read documents over all cores, with the same results as one process.

Reading a document (sentences, parse, fact families) depends only on the document and
the gazetteer, so documents are read in chunks by a pool of worker processes, each
holding the gazetteer and the parser, and the readings are put back in corpus order:
the assembly after them sees exactly what a single process would have produced.
Workers are spawned, not forked: the parent may run threads (a progress bar) that a
fork would not carry over. Below ``_POOL_FROM_CHARS`` of text the pool's start-up
(each worker loads the parser) costs more than it saves, and the parent reads alone.

When many documents are new (a cold build), the pool is started before the names the
corpus introduces are known (``reading_pool``): its workers load the parser while the
documents' name candidates are found, shared out between the workers and this process
(``candidates_in_parallel``), and each task then carries the gazetteer it is read with
(a worker keeps the last one it was given), not the pool's start-up arguments.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from contextlib import contextmanager

from graph import discover, extract, parsing, split_reading
from graph.gazetteer import Gazetteer
from graph.helper_pool import HelperLost, helper_pool
from graph.model import Document
from graph.normalise import CleanText, clean_document
from graph.quiet_workers import forks_end_with_this_process, interrupts_held, quit_on_interrupt
from graph.recognise import Recogniser

_POOL_FROM_CHARS = 200_000
_CHUNK_CHARS = 40_000  # enough sentences per chunk for the parser to batch well

Originals = Sequence[tuple[Document, CleanText]]

_recogniser: Recogniser | None = None  # the worker's own, made once by _start_worker


def _start_worker(gazetteer: Gazetteer) -> None:
    global _recogniser
    # Ctrl-C reaches the whole process group: the build says so in one line, and a
    # worker ends without a traceback of its own
    quit_on_interrupt()
    _recogniser = Recogniser(gazetteer)
    # the pool is the parallelism: the parser must not start processes of its own
    parsing._PARALLEL_FROM = sys.maxsize
    parsing.load_parser()


def _read_chunk(chunk: Originals) -> list[extract.DocumentReading]:
    assert _recogniser is not None, "worker started without its gazetteer"
    return extract.read_documents(chunk, _recogniser)


_given: tuple[str, Recogniser] | None = None  # a reading_pool worker's last gazetteer


def _start_reader() -> None:
    quit_on_interrupt()
    parsing._PARALLEL_FROM = sys.maxsize
    parsing.load_parser()


def _recogniser_of(key: str, gazetteer: bytes) -> Recogniser:
    """The recogniser of the pickled ``gazetteer`` (``key``: its digest), made once."""
    global _given
    if _given is None or _given[0] != key:
        _given = (key, Recogniser(pickle.loads(gazetteer)))
    return _given[1]


def _packed(gazetteer: Gazetteer) -> tuple[str, bytes]:
    data = pickle.dumps(gazetteer, protocol=pickle.HIGHEST_PROTOCOL)
    return hashlib.sha256(data).hexdigest(), data


def _read_chunk_with(key: str, gazetteer: bytes, chunk: Originals) -> list[extract.DocumentReading]:
    return extract.read_documents(chunk, _recogniser_of(key, gazetteer))


Candidates = tuple[CleanText, list[discover.Candidate]]


def _candidates(documents: Sequence[Document], base: Recogniser) -> list[Candidates]:
    """Each document cleaned, and the names it introduces (``extract.name_candidates``)."""
    found = []
    for document in documents:
        clean = clean_document(document)
        found.append((clean, extract.name_candidates(document, clean, base)))
    return found


def _candidates_chunk(key: str, gazetteer: bytes, documents: list[Document]) -> list[Candidates]:
    return _candidates(documents, _recogniser_of(key, gazetteer))


@contextmanager
def reading_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A pool of ``workers`` readers, each loading the parser as it starts.

    :raises HelperLost: a worker ended before its work was done (one line, exit 2).
    """
    with helper_pool(workers, _start_reader, (), doing="reading documents") as pool:
        yield pool


def candidates_in_parallel(
    documents: Sequence[Document],
    gazetteer: Gazetteer,
    pool: ProcessPoolExecutor,
    workers: int,
) -> list[Candidates]:
    """``_candidates`` of each document, in the order given, by the pool's ``workers``
    and this process: the workers (loading the parser first) are given chunks from the
    front, a few at a time, while this process takes chunks from the back. (Not by
    cancelling futures this process takes over: a pool that breaks fails every future it
    holds, and one cancelled before that stops its manager thread, and the pool's
    shutdown waits for ever.)

    :raises HelperLost: a worker ended before its work was done (one line, exit 2).
    """
    groups = document_chunks(documents)
    key, data = _packed(gazetteer)
    found: dict[int, list[Candidates]] = {}
    given: dict[Future[list[Candidates]], int] = {}
    front, back = 0, len(groups)  # groups[front:back] are still to be given out

    def give() -> None:
        nonlocal front
        while front < back and sum(not f.done() for f in given) < 2 * workers:
            chunk = [documents[i] for i in groups[front]]
            with interrupts_held():  # a worker may start as the task is submitted
                given[pool.submit(_candidates_chunk, key, data, chunk)] = front
            front += 1

    give()
    base: Recogniser | None = None
    while front < back:
        back -= 1
        base = base or Recogniser(gazetteer)
        found[back] = _candidates([documents[i] for i in groups[back]], base)
        give()
    for future, i in given.items():
        found[i] = future.result()
    return [candidates for i in range(len(groups)) for candidates in found[i]]


def document_chunks(documents: Sequence[Document], size: int | None = None) -> list[list[int]]:
    """Indices of ``documents`` in consecutive groups of about ``size`` characters
    (default ``_CHUNK_CHARS``)."""
    size = size or _CHUNK_CHARS
    out: list[list[int]] = [[]]
    filled = 0
    for i, document in enumerate(documents):
        if out[-1] and filled + len(document.text) > size:
            out.append([])
            filled = 0
        out[-1].append(i)
        filled += len(document.text)
    return [c for c in out if c]


def chunks(originals: Originals, size: int = _CHUNK_CHARS) -> list[list[int]]:
    """Indices of ``originals`` in consecutive groups of about ``size`` characters."""
    out: list[list[int]] = [[]]
    filled = 0
    for i, (_document, clean) in enumerate(originals):
        if out[-1] and filled + len(clean.text) > size:
            out.append([])
            filled = 0
        out[-1].append(i)
        filled += len(clean.text)
    return [c for c in out if c]


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def read_in_parallel(
    originals: Originals,
    gazetteer: Gazetteer,
    *,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    pool: ProcessPoolExecutor | None = None,
) -> list[extract.DocumentReading]:
    """Each document's reading, in the order given; ``workers=1`` reads in this process.
    ``pool``: a ``reading_pool`` already started, which reads them all.

    :raises HelperLost: a worker ended before its work was done (one line, exit 2).
    """
    total = len(originals)
    report = progress or (lambda _done, _total: None)
    report(0, total)
    if not originals:
        return []
    workers = workers or default_workers()
    groups = chunks(originals)
    size = sum(len(clean.text) for _d, clean in originals)
    readings: list[extract.DocumentReading | None] = [None] * total
    if pool is not None:
        key, data = _packed(gazetteer)
        with interrupts_held():
            futures = {
                pool.submit(_read_chunk_with, key, data, [originals[i] for i in group]): group
                for group in groups
            }
        _gather(futures, readings, report, total)
    elif workers <= 1 or len(groups) < 2 or size < _POOL_FROM_CHARS:
        # one batch: the parser shares a large one with a second process by itself, and
        # a large document's sentences are read in parts by forks of this process
        try:
            with forks_end_with_this_process():
                if workers > 1 and size >= split_reading.SPLIT_FROM_CHARS:
                    recogniser = Recogniser(gazetteer)
                    readings[:] = split_reading.read_documents(originals, recogniser, workers)
                else:
                    readings[:] = extract.read_documents(originals, Recogniser(gazetteer))
        except EOFError:  # the pipe from the parser's second process, which ended
            raise HelperLost(
                "the parser's second process ended before its work was done (killed, or "
                "out of memory?); nothing was changed: run the build again"
            ) from None
        report(total, total)
    else:
        with helper_pool(
            min(workers, len(groups)), _start_worker, (gazetteer,), doing="reading documents"
        ) as pool:
            with interrupts_held():  # the workers start as the tasks are submitted
                futures = {
                    pool.submit(_read_chunk, [originals[i] for i in group]): group
                    for group in groups
                }
            _gather(futures, readings, report, total)
    return [r for r in readings if r is not None]


def _gather(
    futures: dict[Future[list[extract.DocumentReading]], list[int]],
    readings: list[extract.DocumentReading | None],
    report: Callable[[int, int], None],
    total: int,
) -> None:
    """Each chunk's readings put back in place as the chunks are done."""
    done = 0
    for future in as_completed(futures):
        group = futures[future]
        for i, reading in zip(group, future.result(), strict=True):
            readings[i] = reading
        done += len(group)
        report(done, total)
