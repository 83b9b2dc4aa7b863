"""The on-disk store and its atomic replacement.

Layout under the store root (``var/store`` by default)::

    builds/<build-id>/        one complete pyoxigraph store per successful build
    builds/<build-id>.json    its build summary
    current -> builds/<id>    symlink, replaced atomically with os.replace

A build writes a new directory beside the current one and only then flips ``current``,
so an interrupted or invalid build leaves the previous graph serving. One build at a time
writes to a store root: ``build_lock`` holds ``.build.lock`` and a second build stops at
once with a one-line error rather than waiting (a build takes a while, and two racing
builds of the same corpus would only do the same work twice). Old builds are pruned,
keeping the newest two and every build a process has open: ``open_store`` pins the build
it opens with a shared lock on ``builds/<id>.pin`` for the life of the process, so a
server that is not reloaded keeps its build however many builds follow.

Each store holds the named graphs of the build (one per source document, the reference
data, the ontology, the saved queries) and, in its default graph, their merge: every
triple once, however many documents state it. Queries evaluate against that default
graph, so COUNT, SUM and GROUP BY over it count each fact once, while ``GRAPH`` still
tells which document states what.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pyoxigraph as ox

from graph.errors import StoreError
from graph.store_load import LOAD_LINES as LOAD_LINES
from graph.store_load import bulk_load_file as bulk_load_file
from graph.store_load import bulk_load_lines as bulk_load_lines
from graph.store_load import bulk_load_with_merge, default_graph_size, write_merged_default_graph

KEEP_BUILDS = 2
DUMPS_SUFFIX = ".dumps"  # builds/<id>.dumps/: the downloads made from builds/<id>
LOCK_FILE = ".build.lock"
PIN_SUFFIX = ".pin"  # builds/<id>.pin: share-locked by every process reading builds/<id>
# pins this process holds, open for as long as it lives (the kernel drops them at exit)
_PINS: dict[Path, int] = {}


@dataclass
class BuildInfo:
    """What a build leaves beside its store: read by ``stats``, ``/healthz`` and ETags."""

    build_id: str
    built_at: str
    seconds: float
    triples: int
    quads: int
    entities: dict[str, int] = field(default_factory=dict)
    facts_by_type: dict[str, int] = field(default_factory=dict)
    facts_by_document: dict[str, int] = field(default_factory=dict)
    conforms: bool = True
    violations: int = 0
    unknown_names: list[dict[str, object]] = field(default_factory=list)
    # documents read, re-extracted and reused from the extraction cache (empty: no cache)
    extraction: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, ensure_ascii=False)


def content_id(nquads: bytes | Path) -> str:
    """Build id from the content: identical graphs share an id (and so an ETag). The
    digest of the sorted lines joined by newlines, made without a joined copy (and from
    a file, without the whole file in memory beside its lines)."""
    if isinstance(nquads, Path):
        with nquads.open("rb") as f:
            # no N-Quads line is a prefix of another (each ends in " ."), so lines sort
            # the same with their newline as without
            lines = sorted(f)
    else:
        lines = sorted(nquads.splitlines())
    return content_id_of(lines)


def content_id_of(lines: list[bytes]) -> str:
    """``content_id`` of N-Quads lines already sorted (with or without newlines)."""
    digest = hashlib.sha256()
    for i, line in enumerate(lines):
        line = line.rstrip(b"\n")
        digest.update(b"\n" + line if i else line)
    return digest.hexdigest()[:16]


def current_path(root: Path) -> Path:
    return root / "current"


def has_store(root: Path) -> bool:
    return current_path(root).exists()


def cannot_write(root: Path, exc: OSError) -> StoreError:
    """The one line for a store that cannot be written (full disk, read-only folder)."""
    what = {
        errno.ENOSPC: "the disk is full; free some space",
        errno.EDQUOT: "the disk quota is used up; free some space",
        errno.EROFS: "it is on a read-only file system; pass --store with a writable folder",
        errno.EACCES: "permission denied; make it writable or pass --store with another folder",
        errno.EPERM: "permission denied; make it writable or pass --store with another folder",
    }.get(_errno_of(exc), f"{exc.strerror or exc}; check the folder")
    where = f" ({exc.filename})" if exc.filename else ""
    return StoreError(
        f"cannot write the store at {root}{where}: {what}, then run `spacekg build` again; "
        "the previous graph is still in place"
    )


def _errno_of(exc: OSError) -> int:
    """The error number, also of the engine's I/O errors, which carry only a message
    ("IO error: No space left on device: While appending to file: ...")."""
    if exc.errno:
        return exc.errno
    return errno.ENOSPC if os.strerror(errno.ENOSPC) in str(exc) else 0


# A forked child (spaCy's second parsing process is forked) shares the parent's build
# lock: a parent killed would leave it held by the child, refusing every later build. So
# a child closes its copies (the parent's lock stays until all copies are closed).
_HELD_LOCKS: set[int] = set()  # descriptors of the build locks this process holds
os.register_at_fork(after_in_child=lambda: [os.close(fd) for fd in _HELD_LOCKS.copy()])


@contextmanager
def build_lock(root: Path) -> Iterator[None]:
    """Hold the store root's build lock while the body runs.

    :raises StoreError: another build holds it (exit 2 at once: the caller may run
        again when that build ends), or the root cannot be written.
    """
    try:
        root.mkdir(parents=True, exist_ok=True)
        fd = os.open(root / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise cannot_write(root, exc) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            raise StoreError(
                f"another `spacekg build` (process {holder or 'unknown'}) is writing to {root}; "
                "wait for it to finish and run this one again"
            ) from None
        _HELD_LOCKS.add(fd)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        _HELD_LOCKS.discard(fd)
        os.close(fd)  # closing drops the lock


def pin_build(build_dir: Path) -> None:
    """Keep ``build_dir`` from being pruned while this process lives (a shared lock on
    its pin file; pruning takes an exclusive one). A store that cannot be written cannot
    be pruned either, so a pin that cannot be made is not needed."""
    build_dir = build_dir.resolve()
    if build_dir in _PINS:
        return
    try:
        fd = os.open(build_dir.with_name(build_dir.name + PIN_SUFFIX), os.O_RDWR | os.O_CREAT)
    except OSError:
        return
    fcntl.flock(fd, fcntl.LOCK_SH)
    _PINS[build_dir] = fd


def _pinned(build_dir: Path) -> bool:
    """Whether a process has ``build_dir`` pinned; if not, its pin file goes."""
    pin = build_dir.with_name(build_dir.name + PIN_SUFFIX)
    try:
        fd = os.open(pin, os.O_RDWR)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    pin.unlink(missing_ok=True)
    return False


@dataclass(frozen=True)
class StagedBuild:
    """A store written beside the current build but not yet current (``stage_build``)."""

    path: Path
    triples: int  # distinct triples of all graphs: the size of the merged default graph
    quads: int  # quads of the named graphs
    changed: int | None = None  # quads changed in the previous build's copy; None: loaded


def stage_build(root: Path, nquads: bytes | Path, build_id: str) -> StagedBuild:
    """Load N-Quads (bytes, or a file: then they need not be in memory while the engine
    loads them) into a new store under ``builds/`` with its merged default graph, closed,
    not yet current: ``commit_build`` makes it current, ``discard_build`` drops it."""
    builds = root / "builds"
    builds.mkdir(parents=True, exist_ok=True)
    staging = builds / f".{build_id}.{os.getpid()}.partial"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        store = ox.Store(str(staging))
        if isinstance(nquads, Path):
            with nquads.open("rb") as lines:
                blank = bulk_load_with_merge(store, lines)
        else:
            blank = bulk_load_with_merge(store, nquads.splitlines(keepends=True))
        # the rest of the merge: the graphs whose blank nodes the store has just named
        write_merged_default_graph(store, only=blank)
        triples = default_graph_size(store)
        quads = len(store) - triples
        store.flush()
        store.optimize()
        del store
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return StagedBuild(staging, triples, quads)


def discard_build(staged: StagedBuild) -> None:
    shutil.rmtree(staged.path, ignore_errors=True)


def commit_build(
    root: Path,
    staged: StagedBuild,
    info: BuildInfo,
    *,
    prepare: Callable[[Path], object] | None = None,
) -> Path:
    """Make a staged store current under ``info.build_id``, with its summary.

    ``prepare`` is called with the finished (closed) build directory before the flip,
    to write what must exist as soon as the build is current (the dumps). Returns the
    new build directory. Anything that fails before the flip leaves the previous build
    untouched.
    """
    builds = root / "builds"
    final = builds / info.build_id
    try:
        (builds / f"{info.build_id}.json").write_text(info.to_json(), encoding="utf-8")
        if final.exists():
            # The same content was built before: reuse it, the ids are content hashes.
            shutil.rmtree(staged.path)
        else:
            staged.path.rename(final)
    except BaseException:
        discard_build(staged)
        raise
    if prepare is not None:
        prepare(final)
    link = root / ".current.tmp"
    link.unlink(missing_ok=True)
    link.symlink_to(final.relative_to(root))
    os.replace(link, current_path(root))
    _prune(builds, keep={final.name})
    return final


def write_build(
    root: Path,
    nquads: bytes,
    info: BuildInfo,
    *,
    prepare: Callable[[Path], object] | None = None,
) -> Path:
    """Load N-Quads into a new store beside the current one, then flip ``current``
    (``stage_build`` then ``commit_build``)."""
    staged = stage_build(root, nquads, info.build_id)
    return commit_build(root, staged, info, prepare=prepare)


def _prune(builds: Path, keep: Iterable[str]) -> None:
    """Drop old builds and leftovers of killed builds, keeping the newest few and those
    a process has pinned (a server reading them)."""
    keep = set(keep)
    for partial in builds.glob(".*.partial"):
        shutil.rmtree(partial, ignore_errors=True)
    dirs = sorted(
        (
            p
            for p in builds.iterdir()
            if p.is_dir() and not p.name.startswith(".") and not p.name.endswith(DUMPS_SUFFIX)
        ),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in dirs[KEEP_BUILDS:]:
        if old.name not in keep and not _pinned(old):
            shutil.rmtree(old, ignore_errors=True)
            (builds / f"{old.name}.json").unlink(missing_ok=True)
            shutil.rmtree(builds / f"{old.name}{DUMPS_SUFFIX}", ignore_errors=True)
    # the sorted lines a build keeps for the next one (graph.store_delta), of builds gone
    for lines in builds.glob("*.nq"):
        if not (builds / lines.stem).is_dir():
            lines.unlink(missing_ok=True)


def open_store(root: Path, *, read_only: bool = True) -> ox.Store:
    """Open the current build.

    :raises StoreError: there is no build yet, or the store cannot be opened.
    """
    path = current_path(root)
    if not path.exists():
        raise StoreError(f"no graph built at {root}; run `spacekg build` first")
    build_dir = path.resolve()
    pin_build(build_dir)  # before opening: a build pruned in between is then an error here
    try:
        return ox.Store.read_only(str(build_dir)) if read_only else ox.Store(str(build_dir))
    except (OSError, RuntimeError) as exc:  # RuntimeError: the engine found it damaged
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise StoreError(
            f"cannot open the store at {path} ({first}); run `spacekg build` again"
        ) from None


def read_build_info(root: Path) -> BuildInfo:
    """The summary of the current build.

    :raises StoreError: there is no build yet.
    """
    path = current_path(root)
    if not path.exists():
        raise StoreError(f"no graph built at {root}; run `spacekg build` first")
    info_file = path.resolve().with_suffix(".json")
    try:
        data = json.loads(info_file.read_text(encoding="utf-8"))
        return BuildInfo(**data)
    except (OSError, ValueError, TypeError) as exc:
        # unreadable, not JSON, or not the fields of a summary
        reason = exc.strerror if isinstance(exc, OSError) else str(exc).splitlines()[0]
        raise StoreError(
            f"{info_file}: not a readable build summary ({reason}); run `spacekg build` again"
        ) from None
