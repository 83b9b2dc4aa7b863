"""The dumps' kept pieces in one pack file, not a file each.

A build at 1,000 documents keeps about 9,100 pieces (each graph's N-Quads, TriG and
JSON-LD, each range's texts, each stretch's Turtle and RDF/XML); an add-one build reads
nearly all of them again, and opening and reading 9,100 files took about a second of the
dumps' worker (``io.open`` alone 0.6 s by a profile), which is the end of the build. Here
the pieces are one file, appended to as pieces are made, and an index of lines
``key offset size``, appended to after each piece's bytes: a piece is read with one
``pread``, and a build killed while writing leaves an index whose lines all name whole
pieces (a torn last line is skipped). After a build, ``keep_only`` rewrites the index with
the pieces used, and copies them into a new pack when the pieces no longer used take more
room than those used.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterable
from pathlib import Path

INDEX = "pieces.index"
_FORMAT = b"1"  # bump when the index's shape changes


class PiecePack:
    """The pieces kept in ``folder``: ``get`` and ``put`` by key, ``keep_only`` after a
    build. ``fresh``: the pieces kept before are not read (a full build), and the first
    piece put starts a new pack."""

    def __init__(self, folder: Path, *, fresh: bool = False) -> None:
        self.folder = folder
        self.entries: dict[str, tuple[int, int]] = {}  # key -> (offset, size)
        self.name = ""  # the pack file's name, "" before the first piece
        self._pack: int | None = None  # file descriptors, appending
        self._index: int | None = None
        self.shared = False  # two processes put pieces (``share``): each put is locked
        if not fresh:
            self._load()

    def _load(self) -> None:
        try:
            text = (self.folder / INDEX).read_bytes()
        except OSError:
            return
        head, _, body = text.partition(b"\n")
        parts = head.split(b" ")
        if len(parts) != 3 or parts[0] != b"pack" or parts[2] != _FORMAT:
            return
        name = parts[1].decode("utf-8", "replace")
        try:
            pack = os.open(self.folder / name, os.O_RDWR | os.O_APPEND)
        except OSError:
            return
        size = os.fstat(pack).st_size
        entries = {}
        for line in body.split(b"\n")[:-1]:  # the last is empty or torn: no newline yet
            fields = line.split(b" ")
            if len(fields) == 3 and fields[1].isdigit() and fields[2].isdigit():
                offset, length = int(fields[1]), int(fields[2])
                if offset + length <= size:
                    entries[fields[0].decode("utf-8", "replace")] = (offset, length)
        self.name, self._pack, self.entries = name, pack, entries
        self._index = os.open(self.folder / INDEX, os.O_WRONLY | os.O_APPEND)
        if body and not body.endswith(b"\n"):
            _write(self._index, b"\n")  # a torn line stays one line of its own

    def get(self, key: str) -> bytes | None:
        found = self.entries.get(key)
        if found is None or self._pack is None:
            return None
        data = os.pread(self._pack, found[1], found[0])
        return data if len(data) == found[1] else None

    def put(self, key: str, data: bytes) -> None:
        """Append a piece and its line in the index (the piece first: a line names only
        bytes written)."""
        if self._pack is None:
            self._start()
        assert self._pack is not None and self._index is not None
        if self.shared:  # the other process's piece never lands between size and line
            # a record lock, held per process (``flock``'s is the open file's, which a
            # fork shares: both processes would hold it at once)
            fcntl.lockf(self._pack, fcntl.LOCK_EX)
        try:
            offset = os.fstat(self._pack).st_size
            _write(self._pack, data)
            _write(self._index, f"{key} {offset} {len(data)}\n".encode())
        finally:
            if self.shared:
                fcntl.lockf(self._pack, fcntl.LOCK_UN)
        self.entries[key] = (offset, len(data))

    def share(self) -> None:
        """Before a fork whose two processes both put pieces: the pack started now (not
        once by each), and every put from here on locked."""
        if self._pack is None:
            self._start()
        self.shared = True

    def place(self, key: str) -> tuple[str, int, int] | None:
        """Where the piece ``key`` lies: (pack file's name, offset, size)."""
        found = self.entries.get(key)
        return None if found is None or self._pack is None else (self.name, *found)

    def _start(self, entries: Iterable[tuple[str, bytes]] = ()) -> None:
        """A new pack holding ``entries`` (read from the old one, closed after), and its
        index, put in place of the old."""
        self.folder.mkdir(parents=True, exist_ok=True)
        name = f"pieces-{os.getpid()}-{os.urandom(4).hex()}.pack"
        pack = os.open(self.folder / name, os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_EXCL)
        lines, at = [b"pack %s %s\n" % (name.encode(), _FORMAT)], 0
        written: dict[str, tuple[int, int]] = {}
        for key, data in entries:
            _write(pack, data)
            written[key] = (at, len(data))
            lines.append(f"{key} {at} {len(data)}\n".encode())
            at += len(data)
        partial = self.folder / f".{INDEX}.{os.getpid()}.partial"
        partial.write_bytes(b"".join(lines))
        partial.replace(self.folder / INDEX)
        old = self.name
        self.close()
        self.name, self._pack, self.entries = name, pack, written
        self._index = os.open(self.folder / INDEX, os.O_WRONLY | os.O_APPEND)
        if old and old != name:
            (self.folder / old).unlink(missing_ok=True)

    def keep_only(self, used: set[str]) -> set[str]:
        """Forget the pieces not in ``used``; copy the others into a new pack when the
        rest take more room than they do. Returns the files the pack is kept in."""
        if self._pack is None:
            return set()
        live = sorted(
            ((key, place) for key, place in self.entries.items() if key in used),
            key=lambda item: item[1][0],
        )
        size = os.fstat(self._pack).st_size
        kept = sum(length for _key, (_offset, length) in live)
        pack = self._pack
        if size - kept > kept:  # more dead than live: copied, one piece at a time
            self._start((key, os.pread(pack, length, offset)) for key, (offset, length) in live)
        else:
            head = b"pack %s %s\n" % (self.name.encode(), _FORMAT)
            lines = [f"{key} {offset} {length}\n".encode() for key, (offset, length) in live]
            partial = self.folder / f".{INDEX}.{os.getpid()}.partial"
            partial.write_bytes(head + b"".join(lines))
            partial.replace(self.folder / INDEX)
            self.entries = dict(live)
            if self._index is not None:
                os.close(self._index)
            self._index = os.open(self.folder / INDEX, os.O_WRONLY | os.O_APPEND)
        return {INDEX, self.name}

    def close(self) -> None:
        for fd in (self._pack, self._index):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._pack = self._index = None

    def __del__(self) -> None:
        self.close()


def _write(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
