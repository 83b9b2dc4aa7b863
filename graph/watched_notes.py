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

A note that is a dict (a craft's partners, which grows through a whole run) is handed
out watched too, key by key: a part that looks up only the crafts it names is checked
on those alone, wherever the dict goes (a sentence of the part that keeps it as its own
note passes it on, still watched); reading it whole (copying it, going through it)
counts as reading all of it.

Every note a rule can reach lies on a sentence (``previous``, ``lead_in``) and is read
through the dict's own methods, so whatever a rule reads, or a rule added later reads,
is logged; a write to such a note (none is made today) counts as a wrong read.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from graph.reading import Sentence

# (reading sentence, read sentence, where: () the notes whole, (note,) one note,
# (note, None) a dict note whole, (note, key) one key of it; what was found)
Read = tuple[int, int, tuple[Any, ...], Any]

_WRITTEN = "\x00written"  # where a write is logged: never a note's name
_DICT = "\x00dict"  # what a read of a dict note found (its keys are logged as read)
_LEN = "\x00len"  # where a read of how many keys a dict has is logged
_ANY = "\x00any"  # ... and of whether it has any
_log: list[Read] = []
_reader = [0]  # the index of the sentence being read


def reading(index: int) -> None:
    """The sentence of this index is the one read now."""
    _reader[0] = index


def watch(sentences: Sequence[Sentence], before: int) -> list[Read]:
    """Watch the notes of ``sentences[:before]`` from now on; the log of their reads."""
    for index, sentence in enumerate(sentences[:before]):
        sentence.notes = Watched(index, (), dict.copy(sentence.notes))
    _log.clear()
    return _log


@dataclass(frozen=True)
class Kept:
    """A note a sentence of the part kept as it found it on a sentence before the part
    (a craft's partners no sentence since added to): the note that sentence really has."""

    index: int
    note: str


def sent_back(notes: dict[str, object]) -> dict[str, object]:
    """A part sentence's notes, a note kept from before the part named by where it is."""
    return {
        k: Kept(v._index, v._where[0]) if isinstance(v, Watched) else v
        for k, v in dict.items(notes)
    }


def resolved(notes: dict[str, object], sentences: Sequence[Sentence]) -> dict[str, object]:
    """``sent_back`` notes, each kept note the one this process's reading left."""
    return {
        k: sentences[v.index].notes.get(v.note) if isinstance(v, Kept) else v
        for k, v in notes.items()
    }


def first_wrong(reads: Sequence[Read], sentences: Sequence[Sentence]) -> int | None:
    """The first reading sentence that found, in the notes of ``sentences`` (as this
    process's reading left them), anything but what the log says it found."""
    wrong = [r for r, index, where, seen in reads if _found(sentences[index].notes, where) != seen]
    return min(wrong, default=None)


def _found(notes: dict[str, object], where: tuple[Any, ...]) -> Any:
    """What a read of ``where`` finds in ``notes``."""
    if not where:
        return dict(notes)
    if where[-1] == _WRITTEN:
        return None  # (logged with a value no read gives)
    if where[-1] in (_LEN, _ANY):
        inner = notes if len(where) == 1 else notes.get(where[0])
        if not isinstance(inner, dict):
            return None
        return len(inner) if where[-1] == _LEN else bool(inner)
    if len(where) == 1:
        value = notes.get(where[0])
        return (where[0] in notes, _DICT if isinstance(value, dict) else value)
    inner = notes.get(where[0])
    if not isinstance(inner, dict):
        return None
    if where[1] is None:
        return dict(inner)
    return (where[1] in inner, inner.get(where[1]))


class Watched(dict):  # type: ignore[type-arg]
    """A sentence's notes (``where`` ``()``), or a dict note of them (``(note,)``),
    whose every read is logged with what it found (a copy of a mutable value, in case
    the reader changes it after); a dict note is handed out watched in its turn."""

    __slots__ = ("_index", "_where")

    def __init__(self, index: int, where: tuple[Any, ...], values: dict[Any, object]) -> None:
        super().__init__(values)
        self._index, self._where = index, where

    def _read(self, key: Any) -> object:
        """Log a read of ``key``, and give its value (watched, if a note's dict)."""
        value = dict.get(self, key)
        if isinstance(value, dict) and not self._where:
            seen: Any = (True, _DICT)
            value = Watched(self._index, (key,), value)
        else:
            seen = (dict.__contains__(self, key), copy.copy(value))
        _log.append((_reader[0], self._index, (*self._where, key), seen))
        return value

    def _whole(self) -> None:
        where = (*self._where, None) if self._where else ()
        _log.append((_reader[0], self._index, where, dict(dict.items(self))))

    def _written(self) -> None:
        _log.append((_reader[0], self._index, (*self._where, _WRITTEN), (True, _WRITTEN)))

    def get(self, key: Any, default: object = None) -> object:
        value = self._read(key)
        return value if dict.__contains__(self, key) else default

    def __getitem__(self, key: Any) -> object:
        value = self._read(key)
        if not dict.__contains__(self, key):
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        self._read(key)
        return dict.__contains__(self, key)

    def __iter__(self) -> Iterator[Any]:
        self._whole()
        return dict.__iter__(self)

    def _counted(self) -> int:
        count = dict.__len__(self)
        _log.append((_reader[0], self._index, (*self._where, _LEN), count))
        return count

    def __len__(self) -> int:
        return self._counted()

    def keys(self):  # type: ignore[no-untyped-def]
        self._whole()
        return dict.keys(self)

    def values(self):  # type: ignore[no-untyped-def]
        self._whole()
        return dict.values(self)

    def items(self):  # type: ignore[no-untyped-def]
        self._whole()
        return dict.items(self)

    def copy(self) -> dict[Any, object]:
        self._whole()
        return dict.copy(self)

    def __eq__(self, other: object) -> bool:
        self._whole()
        return dict.__eq__(self, other)

    __hash__ = None  # type: ignore[assignment]

    def __bool__(self) -> bool:
        found = dict.__len__(self) > 0
        _log.append((_reader[0], self._index, (*self._where, _ANY), found))
        return found

    def __reduce_ex__(self, protocol: object) -> tuple[Any, ...]:
        """Sent back inside another note: read whole, and sent as the dict it is."""
        self._whole()
        return (dict, (dict(dict.items(self)),))

    def __setitem__(self, key: Any, value: object) -> None:
        self._written()
        dict.__setitem__(self, key, value)

    def setdefault(self, key: Any, default: object = None) -> object:
        self._written()
        return dict.setdefault(self, key, default)

    def pop(self, key: Any, *default: object) -> object:
        self._written()
        return dict.pop(self, key, *default)

    def update(self, *args: Any, **kwargs: Any) -> None:
        self._written()
        dict.update(self, *args, **kwargs)
