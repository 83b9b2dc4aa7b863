"""What a part of a run read of the notes left before it, to be checked afterwards.

A part of a document read in a forked child may begin inside a run of sentences (a
document without headings is one run): its first sentences then read the notes the
sentences before it left (``Sentence.notes``: the bilateral partners, a craft's
partners, the last signing date, ...), which the child has only guessed, by reading some
of those sentences again first. The child puts ``Watched`` notes on every sentence
before its part, which log each read: which sentence of the part read which note of
which sentence, and what it found. Once this process has read the sentences before the
part itself, ``first_wrong`` compares each logged read with the notes really left: the
part's facts hold up to the first sentence that read something else, and are read
again here from there (``graph/split_reading.py``).

Every note a rule can reach lies on a sentence (``previous``, ``lead_in``) and is read
through the dict's own methods, so whatever a rule reads, or a rule added later reads,
is logged; a write to such a note (none is made today) counts as a wrong read.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Sequence
from typing import Any

from graph.reading import Sentence

# (reading sentence, read sentence, note or None for the whole dict, what was found)
Read = tuple[int, int, str | None, Any]

_WRITTEN = "\x00written"  # the key a write is logged under: never a note's
_log: list[Read] = []
_reader = [0]  # the index of the sentence being read


def reading(index: int) -> None:
    """The sentence of this index is the one read now."""
    _reader[0] = index


def watch(sentences: Sequence[Sentence], before: int) -> list[Read]:
    """Watch the notes of ``sentences[:before]`` from now on; the log of their reads."""
    for index, sentence in enumerate(sentences[:before]):
        sentence.notes = Watched(index, dict.copy(sentence.notes))
    _log.clear()
    return _log


def first_wrong(reads: Sequence[Read], sentences: Sequence[Sentence]) -> int | None:
    """The first reading sentence that found, in the notes of ``sentences`` (as this
    process's reading left them), anything but what the log says it found."""
    wrong = [r for r, index, key, seen in reads if _found(sentences[index].notes, key) != seen]
    return min(wrong, default=None)


def _found(notes: dict[str, object], key: str | None) -> Any:
    if key is None:
        return dict(notes)
    if key == _WRITTEN:
        return None  # (logged with a value no read gives)
    return (key in notes, notes.get(key))


class Watched(dict):  # type: ignore[type-arg]
    """A sentence's notes whose every read is logged with what it found (a copy of a
    mutable value, in case the reader changes it after)."""

    __slots__ = ("_index",)

    def __init__(self, index: int, notes: dict[str, object]) -> None:
        super().__init__(notes)
        self._index = index

    def _read(self, key: str | None) -> None:
        if key is None:
            seen: Any = dict(super().items())
        elif key == _WRITTEN:
            seen = (True, _WRITTEN)
        else:
            seen = (dict.__contains__(self, key), copy.copy(dict.get(self, key)))
        _log.append((_reader[0], self._index, key, seen))

    def get(self, key: str, default: object = None) -> object:
        self._read(key)
        return dict.get(self, key, default)

    def __getitem__(self, key: str) -> object:
        self._read(key)
        return dict.__getitem__(self, key)

    def __contains__(self, key: object) -> bool:
        self._read(key if isinstance(key, str) else None)
        return dict.__contains__(self, key)

    def __iter__(self) -> Iterator[str]:
        self._read(None)
        return dict.__iter__(self)

    def __len__(self) -> int:
        self._read(None)
        return dict.__len__(self)

    def keys(self):  # type: ignore[no-untyped-def]
        self._read(None)
        return dict.keys(self)

    def values(self):  # type: ignore[no-untyped-def]
        self._read(None)
        return dict.values(self)

    def items(self):  # type: ignore[no-untyped-def]
        self._read(None)
        return dict.items(self)

    def copy(self) -> dict[str, object]:
        self._read(None)
        return dict(dict.items(self))

    def __eq__(self, other: object) -> bool:
        self._read(None)
        return dict.__eq__(self, other)

    __hash__ = None  # type: ignore[assignment]

    def __setitem__(self, key: str, value: object) -> None:
        self._read(_WRITTEN)
        dict.__setitem__(self, key, value)

    def setdefault(self, key: str, default: object = None) -> object:
        self._read(_WRITTEN)
        return dict.setdefault(self, key, default)

    def pop(self, key: str, *default: object) -> object:
        self._read(_WRITTEN)
        return dict.pop(self, key, *default)

    def update(self, *args: Any, **kwargs: Any) -> None:
        self._read(_WRITTEN)
        dict.update(self, *args, **kwargs)
