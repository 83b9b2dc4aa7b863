"""Read documents over all cores, with the same results as one process.

Reading a document (sentences, parse, fact families) depends only on the document and
the gazetteer, so documents are read in chunks by a pool of worker processes, each
holding the gazetteer and the parser, and the readings are put back in corpus order:
the assembly after them sees exactly what a single process would have produced.
Workers are spawned, not forked: the parent may run threads (a progress bar) that a
fork would not carry over. Below ``_POOL_FROM_CHARS`` of text the pool's start-up
(each worker loads the parser) costs more than it saves, and the parent reads alone.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import as_completed

from graph import extract, parsing
from graph.gazetteer import Gazetteer
from graph.helper_pool import HelperLost, helper_pool
from graph.model import Document
from graph.normalise import CleanText
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
) -> list[extract.DocumentReading]:
    """Each document's reading, in the order given; ``workers=1`` reads in this process.

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
    if workers <= 1 or len(groups) < 2 or size < _POOL_FROM_CHARS:
        # one batch: the parser shares a large one with a second process by itself
        try:
            with forks_end_with_this_process():
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
            done = 0
            for future in as_completed(futures):
                group = futures[future]
                for i, reading in zip(group, future.result(), strict=True):
                    readings[i] = reading
                done += len(group)
                report(done, total)
    return [r for r in readings if r is not None]
