"""Each graph's counted triples, kept from build to build under a digest of its text.

The summaries' scratch store is loaded with the triples of every graph whose predicate
the counts read (``graph.summary_scratch``). Picking them out of every graph's lines took
about 0.19 CPU s at 1,000 documents on every build, though an add-one build changes a
handful of graphs. So each build keeps, for the next, every graph's picked triples under
a BLAKE2b digest of the graph's whole text (the digest the partner passages' cache takes
too, made once), and picks only from graphs whose text it has not met. The file is one
pickle: 40 MB at 1,000 documents, read and written again in about 0.06 CPU s.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

FILE = "counted-triples.pickle"  # under the summaries' cache folder
_FORMAT = 1  # bump when Picked changes shape


def text_digest(data: bytes) -> bytes:
    """The digest a graph's text is known by (``summary_passages_kept`` keys by it too)."""
    return hashlib.blake2b(data, digest_size=16).digest()


def text_digests(graphs: Mapping[str, bytes]) -> dict[str, bytes]:
    """Each graph's ``text_digest``, by its name."""
    return {name: text_digest(data) for name, data in graphs.items()}


@dataclass(frozen=True)
class Picked:
    """A graph's triples with a counted predicate, each ending ``" .\\n"``: those naming a
    blank node (``blank``, loaded all in one go so that a label means one node) apart from
    the others (``plain``, ``lines`` of them)."""

    plain: bytes
    blank: bytes
    lines: int


def picked(name: str, data: bytes, only: frozenset[bytes]) -> Picked:
    """The triples of a graph's N-Quads lines (named ``name``, in N3) whose predicate is
    in ``only``: each graph's name taken off all its lines at once and the predicates read
    by one comprehension, not a call per line."""
    # a line ends " <graph> .\n", and only a line's end can (a literal's newline is
    # escaped): the triples, each without its " .\n"
    triples = data.replace(f" {name} .\n".encode(), b" .\n").split(b" .\n")[:-1]
    kept = [t for t in triples if t.split(b" ", 2)[1] in only]
    blank: list[bytes] = []
    if b"_:" in data:
        blank = [t for t in kept if b"_:" in t]
        kept = [t for t in kept if b"_:" not in t]
    end = b" .\n"
    return Picked(
        end.join(kept) + end if kept else b"",
        end.join(blank) + end if blank else b"",
        len(kept),
    )


class PickedCache:
    """The previous build's picked triples under ``folder`` (``None``: none kept);
    ``read=False`` (a full build) picks from every graph but still keeps them."""

    def __init__(self, folder: Path | None, *, read: bool = True) -> None:
        self.folder, self.read = folder, read
        self.picked = 0  # graphs picked from afresh by this build

    def all_of(
        self,
        graphs: Mapping[str, bytes],
        only: frozenset[bytes],
        texts: Mapping[str, bytes] | None = None,
    ) -> list[Picked]:
        """Each graph's picked triples, in the graphs' order: kept ones by the digest of
        the graph's text (``texts``, by name, when made already), the others picked; all
        then kept for the next build."""
        key = _key(only)
        previous = self._load(key) if self.read else {}
        found: dict[bytes, Picked] = {}
        out = []
        self.picked = 0
        for name, data in graphs.items():
            digest = texts[name] if texts is not None else text_digest(data)
            got = found.get(digest) or previous.get(digest)
            if got is None:
                got = picked(name, data, only)
                self.picked += 1
            found[digest] = got
            out.append(got)
        self._keep(key, found)
        return out

    def _load(self, key: bytes) -> dict[bytes, Picked]:
        if self.folder is None:
            return {}
        try:  # read as a stream: the file's 40 MB are not held beside what they make
            with (self.folder / FILE).open("rb") as f:
                kept_key, graphs = pickle.load(f)
        except (OSError, EOFError, ValueError, TypeError, AttributeError, pickle.UnpicklingError):
            return {}
        return graphs if kept_key == key and isinstance(graphs, dict) else {}

    def _keep(self, key: bytes, graphs: dict[bytes, Picked]) -> None:
        """Written beside, then renamed over: a killed build leaves the old file or none."""
        if self.folder is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        partial = self.folder / f".{FILE}.{os.getpid()}.partial"
        with partial.open("wb") as f:  # likewise written as a stream
            pickle.dump((key, graphs), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, self.folder / FILE)


def _key(only: frozenset[bytes]) -> bytes:
    """What the kept triples were picked for: the format and the predicates."""
    return text_digest(b"\n".join([str(_FORMAT).encode(), *sorted(only)]))
