"""A data dump written as gzip members, each kept from build to build and copied.

Compressing the six dumps whole took about 2.1 CPU s of an add-one build at 1,000
documents (338 MB of text at level 6), nearly all of it text the build before had
compressed already: the pieces of unchanged graphs and ranges (``graph.dump_fragments``,
``graph.dump_ranges``). A gzip file may hold several members one after another (RFC 1952,
2.2), and every reader of a ``.gz`` file reads them all (gunzip, ``gzip -t``, Python's
``gzip``, zlib's own multi-member loop). The server sends a dump as a file
(``application/gzip``, no ``Content-Encoding``), so no HTTP client undoes the compression
on the way (some read only a first member there).

So a dump is cut into members between pieces of text (a graph's N-Quads, TriG block or
JSON-LD entry, a range's text, a stretch of the merge's triples), where a piece's CRC-32
says: about eight pieces a member, the cuts decided by the pieces' text alone, so a
changed piece changes only its own member and the cuts around it stay. Each build links
its dumps beside the pieces (a hard link, no copy) with the place of each member under a
digest of its text; the next build copies a member whose text it writes again instead of
compressing it. A member depends only on its text, the level and zlib's version, so a
full build and an add-one build write the same bytes. A member starts with an empty
dictionary: the dumps are about 9% larger than one stream.
"""

from __future__ import annotations

import contextlib
import hashlib
import mmap
import os
import pickle
import queue
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from graph.dump_fragments import FragmentCache
from graph.export import GZIP_LEVEL

MIN_MEMBER = 4096  # a piece shorter than this goes with the text around it
# a member ends after a piece whose CRC-32 is a multiple of this: about eight pieces a
# member (one piece a member made the dumps 56% larger at 1,000 documents, eight 8.6%)
GROUP = 8
# the summaries' ranges (``graph.dump_ranges``): an add-one build changes a range in
# twelve, spread over the whole order, so a member of fewer of them is compressed again
# less often
RANGE_GROUP = 4
_FORMAT = 2  # bump when the pack's index changes shape (2: keys from the pieces' keys)
_KEY = f"{_FORMAT} {GZIP_LEVEL} {zlib.ZLIB_RUNTIME_VERSION}"


def member(data: bytes) -> bytes:
    """One gzip member of ``data`` (no name, no timestamp)."""
    packer = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 31)  # 31: gzip's wrapper
    return packer.compress(data) + packer.flush()


def member_key(texts: list[bytes], keys: list[str | None]) -> bytes:
    """The key of a member of ``texts``: each text's key where it has one, else the text
    itself, each marked and sized (two different runs of texts never give the same)."""
    h = hashlib.sha256()
    for text, key in zip(texts, keys, strict=True):
        if key is None:
            h.update(b"t%d:" % len(text))
            h.update(text)
        else:
            named = key.encode()
            h.update(b"k%d:" % len(named))
            h.update(named)
    return h.digest()


class MemberPack:
    """The members of the dump a previous build wrote, by the digest of their text."""

    def __init__(self, path: Path, members: dict[bytes, tuple[int, int]]) -> None:
        self.members = members
        with path.open("rb") as f:
            self._map = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)

    def get(self, key: bytes) -> bytes | None:
        found = self.members.get(key)
        return None if found is None else self._map[found[0] : found[0] + found[1]]

    def close(self) -> None:
        self._map.close()

    @classmethod
    def kept(cls, cache: FragmentCache, name: str) -> MemberPack | None:
        """The pack a previous build kept for the dump ``name`` (none if unreadable,
        another format's, or not the file its index describes)."""
        if cache.folder is None or not cache.read:
            return None
        path, index = _paths(cache.folder, name)
        try:
            with index.open("rb") as f:
                key, file, members = pickle.load(f)
            found = path.stat()
            if key != _KEY or (found.st_size, found.st_mtime_ns) != file or not found.st_size:
                return None  # another zlib's, or not the file the index describes
            return cls(path, members)
        except (OSError, ValueError, TypeError, EOFError, pickle.UnpicklingError):
            return None


def _paths(folder: Path, name: str) -> tuple[Path, Path]:
    return folder / f"members-{name}", folder / f"members-{name}.index"


class MemberWriter:
    """Writes a dump as members from a thread of its own (zlib and the digests let go of
    the interpreter, so the dumps compress on the second core while this one reads and
    writes the pieces): ``piece`` for a text kept from build to build, ``write`` for the
    text between pieces, then ``close``."""

    def __init__(self, raw: IO[bytes], previous: MemberPack | None) -> None:
        self._raw, self._previous = raw, previous
        self.members: dict[bytes, tuple[int, int]] = {}
        self.size = 0
        self.copied = 0  # members taken from the previous build's dump
        self._between: list[bytes] = []  # the text since the last piece (this thread's)
        self._queue: queue.Queue[tuple[int, bytes, str | None] | None] = queue.Queue(maxsize=64)
        self._group: list[bytes] = []  # the texts of the member being made (the thread's)
        self._keys: list[str | None] = []  # and their keys (``None``: the text is its key)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="gzip", daemon=True)
        self._thread.start()

    def write(self, data: bytes) -> int:
        if data:
            self._between.append(data)
        return len(data)

    def piece(self, data: bytes, group: int | None = None, key: str | None = None) -> None:
        """A text kept from build to build: its member ends after it when its CRC-32 is
        a multiple of ``group`` (``GROUP`` unless given). ``key``: a key naming this
        text and no other (its piece's key in ``FragmentCache``), which the member's key
        is made of instead of the text itself (hashing 338 MB of text took 0.3 CPU s)."""
        if len(data) < MIN_MEMBER:
            self.write(data)
            return
        self._send_between()
        self._queue.put((group or GROUP, data, key or None))

    def flush(self) -> None:
        """Nothing to do: where members end depends on the pieces alone."""

    def close(self, *, raising: bool = True) -> None:
        """Wait for every member to be written; re-raise what went wrong there."""
        if self._thread.is_alive():
            self._send_between()
            self._queue.put(None)
            self._thread.join()
        if self._previous is not None:
            self._previous.close()
        if self._error is not None and raising:
            raise self._error

    def _send_between(self) -> None:
        if self._between:
            self._queue.put((0, b"".join(self._between), None))
            self._between = []

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            if self._error is not None:
                continue  # keep taking items, so the writer never blocks
            try:
                group, data, key = item  # group 0: text between pieces
                self._group.append(data)
                self._keys.append(key)
                if group and zlib.crc32(data) % group == 0:
                    self._end_group()
            except BaseException as exc:  # handed to the writing thread by close()
                self._error = exc
        if self._error is None:
            try:
                self._end_group()
                if not self.size:  # no text at all: still a gzip file
                    self._emit(member(b""))
            except BaseException as exc:
                self._error = exc

    def _end_group(self) -> None:
        """One member of the texts since the last: copied if the previous build wrote
        the same texts, else compressed."""
        if not self._group:
            return
        texts, keys = self._group, self._keys
        self._group, self._keys = [], []
        key = member_key(texts, keys)
        kept = self._previous.get(key) if self._previous is not None else None
        self.copied += kept is not None
        at = self.size
        size = self._emit(kept if kept is not None else member(b"".join(texts)))
        self.members.setdefault(key, (at, size))  # a text met twice: its first member

    def _emit(self, data: bytes) -> int:
        self._raw.write(data)
        self.size += len(data)
        return len(data)


@contextmanager
def member_writer(target: Path, cache: FragmentCache | None = None) -> Iterator[MemberWriter]:
    """Write the dump ``target`` as members, via a partial file so a failure leaves
    nothing half-written, copying the members ``cache`` kept from the previous build
    and keeping this dump's for the next (``cache.used``)."""
    cache = cache or FragmentCache(None)
    name = target.name
    partial = target.with_name(f".{target.name}.partial")
    try:
        with partial.open("wb") as raw:
            writer = MemberWriter(raw, MemberPack.kept(cache, name))
            try:
                yield writer
            except BaseException:
                writer.close(raising=False)  # the first error is the one to tell
                raise
            writer.close()
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    _keep(cache, target, writer)


def _keep(cache: FragmentCache, target: Path, writer: MemberWriter) -> None:
    """Link the dump into the pieces' folder with its members' index (a hard link: the
    build's dump is never written again). Where it cannot be linked, nothing is kept."""
    if cache.folder is None:
        return
    path, index = _paths(cache.folder, target.name)
    cache.folder.mkdir(parents=True, exist_ok=True)
    linked = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        linked.unlink(missing_ok=True)
        os.link(target, linked)
        linked.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            linked.unlink(missing_ok=True)
            index.unlink(missing_ok=True)
        return
    file = path.stat()
    kept = (_KEY, (file.st_size, file.st_mtime_ns), writer.members)
    data = pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL)
    partial = index.with_name(f".{index.name}.{os.getpid()}.partial")
    partial.write_bytes(data)
    partial.replace(index)
    cache.used.update((path.name, index.name))
