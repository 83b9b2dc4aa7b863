"""The order in which the store lists a graph's subjects, computed without the store.

pyoxigraph's on-disk store keys a named node by a 128-bit SipHash-2-4 (key zero) of its
IRI, written big-endian, and lists a graph's quads in the order of those keys: subject
by subject, each subject's quads together. So the subjects of a graph can be cut into
ranges of that order from the build's own lines, and the dumps written range by range
(``graph.dump_ranges``) come out in the store's order. The hash is taken for all the
subjects at once with numpy (about 20,000 IRIs in a few hundredths of a second; one at a
time in Python it took 80 microseconds each); ``tests/test_store_order.py`` checks the
order against the store's own.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

_U64 = np.uint64


def _rotl(x: np.ndarray, bits: int) -> np.ndarray:
    return (x << _U64(bits)) | (x >> _U64(64 - bits))


def _round(v0: np.ndarray, v1: np.ndarray, v2: np.ndarray, v3: np.ndarray) -> tuple:
    v0 = v0 + v1
    v1 = _rotl(v1, 13) ^ v0
    v0 = _rotl(v0, 32)
    v2 = v2 + v3
    v3 = _rotl(v3, 16) ^ v2
    v0 = v0 + v3
    v3 = _rotl(v3, 21) ^ v0
    v2 = v2 + v1
    v1 = _rotl(v1, 17) ^ v2
    v2 = _rotl(v2, 32)
    return v0, v1, v2, v3


def store_keys(values: Sequence[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """The store's key of each named node (``values``: the IRIs in UTF-8) as its high
    and low 64 bits: sorting by (high, low) is the store's order of those nodes."""
    n = len(values)
    if n == 0:
        empty = np.zeros(0, dtype=_U64)
        return empty, empty
    lengths = np.fromiter((len(v) for v in values), dtype=np.int64, count=n)
    words = lengths // 8 + 1  # the full words and the last one (tail and length)
    width = int(words.max())
    padded = b"".join(v.ljust(8 * width, b"\0") for v in values)
    m = np.frombuffer(padded, dtype="<u8").reshape(n, width).astype(_U64)
    rows = np.arange(n)
    m[rows, words - 1] |= (lengths.astype(_U64) & _U64(0xFF)) << _U64(56)
    with np.errstate(over="ignore"):
        v0 = np.full(n, 0x736F6D6570736575, dtype=_U64)
        v1 = np.full(n, 0x646F72616E646F6D ^ 0xEE, dtype=_U64)
        v2 = np.full(n, 0x6C7967656E657261, dtype=_U64)
        v3 = np.full(n, 0x7465646279746573, dtype=_U64)
        for i in range(width):
            word = m[:, i]
            w0, w1, w2, w3 = _round(v0, v1, v2, v3 ^ word)
            w0, w1, w2, w3 = _round(w0, w1, w2, w3)
            w0 = w0 ^ word
            active = i < words
            v0, v1 = np.where(active, w0, v0), np.where(active, w1, v1)
            v2, v3 = np.where(active, w2, v2), np.where(active, w3, v3)
        v2 = v2 ^ _U64(0xEE)
        for _ in range(4):
            v0, v1, v2, v3 = _round(v0, v1, v2, v3)
        low = v0 ^ v1 ^ v2 ^ v3
        v1 = v1 ^ _U64(0xDD)
        for _ in range(4):
            v0, v1, v2, v3 = _round(v0, v1, v2, v3)
        high = v0 ^ v1 ^ v2 ^ v3
    return high, low
