"""The cyclic garbage collector paused while a build that follows another one runs.

Such a build makes and keeps, until it ends, millions of small objects: the extraction
read back from its cache, every graph's lines split per subject for validation's digests,
the digests themselves. CPython's collector runs a pass every few hundred allocations and,
as the heap grows, whole passes over everything that has lived long, so it walked those
tables again and again (at 1,000 documents, reading the lines took 1.9 s with it and 1.1 s
without). What such a build throws away is freed by reference counting as before; only
garbage held in reference cycles (rdflib's small graphs of the changed nodes) waits for
the collector, which runs again when the build is done. A cold build, which holds the
corpus as rdflib graphs and collects them itself, keeps the collector running.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused(paused: bool = True) -> Iterator[None]:
    """Run the body with the cyclic collector off (if ``paused`` and it was on), then
    turn it back on, whatever the body raised."""
    if not paused or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
