"""Files by key under one folder (``<folder>/<key[:2]>/<key><suffix>``), each written
whole or not at all: the build's caches (extractions, document quads, validation
results) keep their entries this way, so a killed build never leaves a torn one. A build
remembers the keys it asked for or wrote, and drops every other entry when it is done
(``prune``): an edited or removed document's old entries would otherwise stay forever."""

from __future__ import annotations

import os
from pathlib import Path


class KeyedFiles:
    """Read and write one file per key; ``enabled=False`` reads nothing (a full build)
    but still writes, so the next build can use what this one made."""

    def __init__(self, folder: Path, suffix: str, *, enabled: bool = True) -> None:
        self.folder, self.suffix, self.enabled = folder, suffix, enabled
        self.used: set[str] = set()  # keys read (found or not) or written

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}{self.suffix}"

    def read(self, key: str) -> bytes | None:
        """The file's bytes, or None when reading is off or there is none to read."""
        self.used.add(key)
        if not self.enabled:
            return None
        try:
            return self.path(key).read_bytes()
        except OSError:
            return None

    def write(self, key: str, data: bytes) -> None:
        """Write beside the file, then rename over it: readers see the old or the new."""
        self.used.add(key)
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
        partial.write_bytes(data)
        os.replace(partial, path)

    def prune(self) -> int:
        """Remove the entries (and leftovers of killed builds) of keys this object was
        not asked about; return how many. Only the two-letter folders are looked in."""
        removed = 0
        if not self.folder.is_dir():
            return 0
        with os.scandir(self.folder) as folders:
            shards = [f.path for f in folders if f.is_dir() and len(f.name) == 2]
        for shard in shards:
            with os.scandir(shard) as entries:
                for entry in entries:
                    key = entry.name.removesuffix(self.suffix)
                    if entry.name.endswith(self.suffix) and key in self.used:
                        continue
                    if entry.is_file():
                        os.unlink(entry.path)
                        removed += 1
        return removed
