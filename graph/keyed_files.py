"""Files by key under one folder (``<folder>/<key[:2]>/<key><suffix>``), each written
whole or not at all: the build's caches (extractions, document quads, validation
results) keep their entries this way, so a killed build never leaves a torn one."""

from __future__ import annotations

import os
from pathlib import Path


class KeyedFiles:
    """Read and write one file per key; ``enabled=False`` reads nothing (a full build)
    but still writes, so the next build can use what this one made."""

    def __init__(self, folder: Path, suffix: str, *, enabled: bool = True) -> None:
        self.folder, self.suffix, self.enabled = folder, suffix, enabled

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}{self.suffix}"

    def read(self, key: str) -> bytes | None:
        """The file's bytes, or None when reading is off or there is none to read."""
        if not self.enabled:
            return None
        try:
            return self.path(key).read_bytes()
        except OSError:
            return None

    def write(self, key: str, data: bytes) -> None:
        """Write beside the file, then rename over it: readers see the old or the new."""
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
        partial.write_bytes(data)
        os.replace(partial, path)
