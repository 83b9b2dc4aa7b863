"""The cyclic garbage collector paused while a build holds many objects to its end.

A build that follows another one makes and keeps, until it ends, millions of small
objects: the extraction read back from its cache, every graph's lines split per subject
for validation's digests, the digests themselves. So does a cold build of one large
document (its sentences, mentions and notes; the union of its graph for pySHACL).
CPython's collector runs a pass every few hundred allocations and, as the heap grows,
whole passes over everything that has lived long, so it walked those tables again and
again (at 1,000 documents, reading the lines took 1.9 s with it and 1.1 s without; at
10 MB, 3 to 4 s of full passes after extraction). What such a build throws away is freed
by reference counting as before; only garbage held in reference cycles (rdflib's graphs)
waits for an explicit pass (the pipeline makes one after validation) or for the end.
Every object made during the pause stays in the youngest generation, so the first pass
after it walks them all (1.25 s after a 10 MB build without the pipeline's pass): a
build makes its one pass where it would otherwise only wait.

A cold build of few long documents also sets its extraction aside from the collector once
it is made (``frozen_when_asked``): it lives to the build's end, and the pass after
validation then walks only what was made since (the union pySHACL read), not the
millions of objects of the reading again (1 to 2.7 s at 10 MB).

The pause is a first threshold of 0, not ``gc.disable()``: loading spaCy's models turns
the collector back on whatever it was (``srsly.msgpack_loads`` ends with ``gc.enable()``),
so a pause by ``disable`` ended as soon as a build parsed a sentence in its own process.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused(paused: bool = True) -> Iterator[None]:
    """Run the body with no automatic pass of the collector (if ``paused``; explicit
    ``gc.collect()`` still runs), then put its settings back, whatever the body raised."""
    if not paused:
        yield
        return
    thresholds = gc.get_threshold()
    gc.set_threshold(0, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


_holding = 0  # blocks holding the objects set aside (``gc.freeze``) in this process


@contextmanager
def collection_frozen() -> Iterator[None]:
    """The objects this process holds set aside from the cyclic collector (``gc.freeze``)
    for the block: no pass walks them. They return to the collector's oldest generation
    when the outermost such block ends (an inner one ending leaves them aside)."""
    global _holding
    gc.freeze()
    _holding += 1
    try:
        yield
    finally:
        _holding -= 1
        if _holding == 0:
            gc.unfreeze()


@contextmanager
def frozen_when_asked() -> Iterator[Callable[[], None]]:
    """A block whose objects are set aside from the collector from the moment the function
    it gives is called (as ``collection_frozen``) to its end; not at all if it is not."""
    global _holding
    asked: list[bool] = []

    def hold() -> None:
        global _holding
        gc.freeze()
        if not asked:
            asked.append(True)
            _holding += 1

    try:
        yield hold
    finally:
        if asked:
            _holding -= 1
            if _holding == 0:
                gc.unfreeze()
