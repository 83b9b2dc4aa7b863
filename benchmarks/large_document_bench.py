"""How a build's time grows with one document's size (issue 17, item 11).

Makes a corpus of one white paper of 1, 2, 4 and 10 MB (the corpus's own white papers
and news text, repeated), builds each with ``spacekg build``'s pipeline into a scratch
store, and prints the seconds of each stage, the total, the seconds per MB, and the CPU
seconds (in all and per MB, the parser's second process included): a linear build keeps
the per-MB columns flat. On a shared machine the CPU columns say it more steadily. Each
size runs in its own process, so one size's memory and caches do not favour the next.

    .venv/bin/python benchmarks/large_document_bench.py            # 1 2 4 10
    .venv/bin/python benchmarks/large_document_bench.py 1 2 --profile   # + cProfile top 25
    .venv/bin/python benchmarks/large_document_bench.py 10 --profile --profile-to p  # p.10MB
    .venv/bin/python benchmarks/large_document_bench.py 10 --steps      # + the steps' seconds
    .venv/bin/python benchmarks/large_document_bench.py 10 --headed     # with chapters
    .venv/bin/python benchmarks/large_document_bench.py 0.5 1.2 --distinct  # text said once
    .venv/bin/python benchmarks/large_document_bench.py 10 --one-run    # without headings

``--headed`` opens each copy of a source with a heading of its own ("Chapter 12"): the
cleaning drops repeated headings as running heads, so without it the document is one run
of paragraphs past its first copy, which ``graph/split_reading.py`` cannot cut.

``--steps`` also prints (to stderr) the CPU seconds of the build's own process in each
stage (the rest of a stage's wall time it waited for its helpers, or for the cores), and
the seconds of the steps inside the stages, timed by
wrapping the functions that do them (normalising, finding names, parsing, reading the
sentences, making RDF, the summaries, the engine's query of each shape, pySHACL, staging
the store, the dumps, or the waits for the worker staging it and writing them):
which of them grows with the document's size; and the seconds the build's own process
spends in the garbage collector in each stage.

The bar: 10 MB under 30 s on the shared 2-core machine the figures in the README were
taken on.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.config import Paths  # noqa: E402
from graph.errors import ValidationFailed  # noqa: E402

MB = 1_000_000
# the originals of the corpus (not the derived copy): white-paper and news registers
SOURCES = (
    "2016-white-paper-china-space-activities.txt",
    "2021-white-paper-china-space-program.txt",
    "2011-news-cas-space-exchanges-white-paper.txt",
    "2023-news-spacedaily-open-cooperation.txt",
)
MANIFEST = """[[document]]
file = "large.txt"
id = "large"
title = "A large document"
publisher = "benchmark"
issued = "2024-01-01"
kind = "white-paper"
"""


def large_text(size: int, corpus: Path = ROOT / "corpus", *, headed: bool = False) -> str:
    """About ``size`` bytes of corpus text, whole paragraphs, repeated as needed.

    The repeated headings are dropped by the cleaning as running heads, so past the first
    copy the text is one run of paragraphs without a heading. ``headed``: each copy of a
    source opens with a heading of its own ("Chapter 12"), as a long report's chapters
    do, which the cleaning keeps."""
    sources = [
        [p.strip() for p in (corpus / name).read_text(encoding="utf-8").split("\n\n")]
        for name in SOURCES
    ]
    out: list[str] = []
    total = 0
    chapter = 0
    while total < size:
        for source in sources:
            chapter += 1
            heading = [f"Chapter {chapter}"] if headed else []
            for paragraph in heading + [p for p in source if p]:
                out.append(paragraph)
                total += len(paragraph.encode("utf-8")) + 2
                if total >= size:
                    break
            if total >= size:
                break
    return "\n\n".join(out) + "\n"


def distinct_text(size: int, root: Path = ROOT) -> str:
    """About ``size`` bytes of text said once: the plain-text documents of the corpus
    and of the held-out sets (``tests/evaluation``) one after another, whole, in the
    order of their paths (about 1.3 MB in all). A parse is made once per distinct
    sentence, so the repeated text of ``large_text`` parses far less than a real
    document of its size would.

    :raises ValueError: there is not that much text."""
    files = sorted((root / "corpus").glob("*.txt")) + sorted(
        (root / "tests" / "evaluation").glob("*/*.txt")
    )
    out: list[str] = []
    total = 0
    for path in files:
        if total >= size:
            break
        text = path.read_text(encoding="utf-8").strip()
        out.append(text)
        total += len(text.encode("utf-8")) + 2
    if total < size:
        raise ValueError(f"only {total / MB:.2f} MB of distinct text to make the document of")
    return "\n\n".join(out) + "\n"


def one_run(text: str) -> str:
    """``text`` without the paragraphs its cleaning takes for headings: one run of
    paragraphs, as a document without headings is, which ``graph/split_reading.py``
    cuts at a paragraph."""
    from graph.model import Document, DocumentMeta
    from graph.normalise import clean_document

    meta = DocumentMeta(
        id="large", file="large.txt", title="", publisher="", issued="2024-01-01", kind="report"
    )
    for _pass in range(3):  # (a paragraph may read as a heading once those around it go)
        clean = clean_document(Document(meta=meta, path=Path("large.txt"), text=text))
        if not any(p.heading for p in clean.paragraphs):
            break
        kept = [clean.text[p.start : p.end].strip() for p in clean.paragraphs if not p.heading]
        text = "\n\n".join(kept) + "\n"
    return text


def write_corpus(
    folder: Path,
    size: int,
    *,
    headed: bool = False,
    distinct: bool = False,
    headless: bool = False,
) -> Path:
    """A corpus folder holding one document of about ``size`` bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "manifest.toml").write_text(MANIFEST, encoding="utf-8")
    if headless:  # (the cleaning drops about a third: running heads, headings)
        text = one_run(large_text(size * 2))
        text = text[: text.rfind("\n\n", 0, size)] + "\n"
    else:
        text = distinct_text(size) if distinct else large_text(size, headed=headed)
    (folder / "large.txt").write_text(text, encoding="utf-8")
    return folder


# the steps ``--steps`` times: (module, attribute, label); a class's method as "Class.name"
STEPS = (
    ("graph.extract_incremental", "clean_document", "normalise"),
    ("graph.extract", "name_candidates", "name candidates"),
    ("graph.recognise", "Recogniser.mentions", "  names in a text (all calls)"),
    ("graph.recognise", "Recogniser.sentences", "  cut into sentences"),
    ("graph.recognise", "Recogniser.unknown_names", "  unknown names"),
    ("graph.split_reading", "read_document", "sentences with their context"),
    ("graph.extract", "discover_names", "discover names"),
    ("graph.extract", "parse_sentences", "parse (spaCy)"),
    ("graph.extract", "read_sentence", "read sentences (this process)"),
    ("graph.split_reading", "parse_sentences", "parse (spaCy), this process's part"),
    ("graph.split_reading", "read_sentences", "read sentences, all parts (wall)"),
    ("graph.split_reading", "read_sentences_and", "read sentences, all parts (wall)"),
    ("graph.split_reading", "_checked", "  parts checked (and read again where wrong)"),
    ("graph.extract", "_with_records", "records"),
    ("graph.extract", "assemble", "merge and curate"),
    ("graph.rdf", "build_dataset", "make RDF"),
    ("graph.summaries", "append_summaries", "summaries"),
    ("graph.validate_lines", "read_file", "validation: read lines"),
    ("graph.validate_whole", "engine_first", "validation: engine"),
    ("graph.validate_whole", "run_pyshacl", "validation: whole-graph pySHACL"),
    ("graph.validate_split", "_union", "validation: rdflib union"),
    ("graph.validate_split", "validate_graphs", "validation: all"),
    ("graph.validate_split", "_triples_of", "validation: a document graph's triples"),
    ("graph.validate_whole", "WholeGraphValidation.validate", "validation: whole-graph part"),
    ("graph.store_delta", "stage", "stage store"),
    ("graph.dump", "write_build_dumps", "dumps"),
    # a cold build of few long documents: staged and dumped by a worker process (staged by
    # a thread of the build's before h286, 2026-12-07)
    ("graph.staging_thread", "StagingThread.result", "waiting for the staging thread"),
    ("graph.dump_background", "StagedBeside.result", "waiting for the staged store"),
    ("graph.dump_background", "BackgroundDumps.wait", "waiting for the dumps' worker"),
)


def time_steps(seconds: dict[str, float]) -> None:
    """Wrap each step of ``STEPS`` (and each shape's engine query) so that its wall
    seconds add up in ``seconds``."""
    import functools
    import importlib

    def timed(label: str, function):  # type: ignore[no-untyped-def]
        @functools.wraps(function)
        def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                seconds[label] = seconds.get(label, 0.0) + time.perf_counter() - started

        return wrapper

    for module_name, attribute, label in STEPS:
        try:  # (a snapshot of the code from before a step's module was made lacks it)
            module = importlib.import_module(module_name)
        except ModuleNotFoundError:
            continue
        owner, _, name = attribute.rpartition(".")
        holder = getattr(module, owner) if owner else module
        if hasattr(holder, name):  # (nor a step's function)
            setattr(holder, name, timed(label, getattr(holder, name)))
    try:  # the engine's first pass (in graph/validate_whole.py before cb71bc4)
        targets = importlib.import_module("graph.validate_targets")
    except ModuleNotFoundError:
        targets = importlib.import_module("graph.validate_whole")
    names: dict[int, str] = {}
    engine_queries, found_nodes = targets.engine_queries, targets.found_nodes

    def named_queries(shapes, name):  # type: ignore[no-untyped-def]
        queries = engine_queries(shapes, name)
        if queries is not None:
            names[id(queries)] = name.rsplit("/", 1)[-1].rsplit("#", 1)[-1]
        return queries

    def found(store, queries, *more):  # type: ignore[no-untyped-def]
        label = f"validation: engine {names.get(id(queries), '?')}"
        return timed(label, found_nodes)(store, queries, *more)

    targets.engine_queries, targets.found_nodes = named_queries, found


def time_collector(seconds: dict[str, float], stage: Sequence[object]) -> None:
    """Add up the seconds this process spends in the cyclic garbage collector, per build
    stage (``stage[1]``, as the build reports it) and per generation: a full pass
    (generation 2) walks every object the build holds, which a large document makes
    many of."""
    import gc

    began = [0.0]

    def callback(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            began[0] = time.perf_counter()
            return
        label = f"collector, generation {info['generation']}, in {stage[1] or 'reading the corpus'}"
        seconds[label] = seconds.get(label, 0.0) + time.perf_counter() - began[0]

    gc.callbacks.append(callback)


def run_one(
    megabytes: float,
    profile: bool,
    steps: bool = False,
    headed: bool = False,
    distinct: bool = False,
    headless: bool = False,
    profile_to: str | None = None,
) -> dict[str, float]:
    """Build one size in this process; the seconds of each stage and in all."""
    from graph import pipeline

    step_seconds: dict[str, float] = {}
    if steps:
        time_steps(step_seconds)

    with tempfile.TemporaryDirectory(prefix="spacekg-large-") as tmp:
        base = Path(tmp)
        defaults = Paths.defaults()
        paths = Paths(
            corpus=write_corpus(
                base / "corpus",
                int(megabytes * MB),
                headed=headed,
                distinct=distinct,
                headless=headless,
            ),
            ontology=defaults.ontology,
            queries=defaults.queries,
            store=base / "store",
        )
        times: dict[str, float] = {}
        last = [time.perf_counter(), ""]
        own_cpu = [time.process_time()]  # this process's CPU seconds at the stage's start

        def progress(stage: str) -> None:
            now = time.perf_counter()
            if last[1]:
                times[str(last[1])] = now - float(last[0])
                step_seconds[f"CPU of this process in {last[1]}"] = time.process_time() - own_cpu[0]
            own_cpu[0] = time.process_time()
            last[:] = [now, stage]

        started = time.perf_counter()
        if steps:
            time_collector(step_seconds, last)
        profiler = None
        if profile:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        try:
            pipeline.build(paths, progress)
        except ValidationFailed as failed:  # the stages' times still say where time goes
            print(f"{megabytes:>5g} MB  {failed}", file=sys.stderr)
            times["rejected"] = 1.0
        if profiler is not None:
            import pstats

            profiler.disable()
            pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(25)
            if profile_to:  # (one file per size: the sizes run one after another)
                profiler.dump_stats(f"{profile_to}.{megabytes:g}MB")
        end = time.perf_counter()
        times[str(last[1])] = end - float(last[0])
        step_seconds[f"CPU of this process in {last[1]}"] = time.process_time() - own_cpu[0]
        times["total"] = end - started
        times["cpu"] = _cpu_seconds()
        times["peak"] = _peak_mib()
    if steps:
        for label, spent in sorted(step_seconds.items(), key=lambda item: -item[1]):
            print(f"{megabytes:>5g} MB  {spent:>7.2f} s  {label}", file=sys.stderr)
    return times


def _cpu_seconds() -> float:
    """CPU time of this process and the ones it waited for (the parser's second
    process): on a shared machine it moves less with others' load than wall time."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _peak_mib() -> float:
    """The largest resident size of this process or of any process it waited for, MiB:
    a way of reading that keeps more alive shows here."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=float, default=[1, 2, 4, 10], help="MB")
    parser.add_argument("--profile", action="store_true", help="cProfile each build (stderr)")
    parser.add_argument("--steps", action="store_true", help="time the steps too (stderr)")
    parser.add_argument(
        "--profile-to", metavar="FILE", help="with --profile: also keep it as FILE.<size>MB"
    )
    parser.add_argument(
        "--headed", action="store_true", help="a heading of its own opens each copy of a source"
    )
    parser.add_argument(
        "--distinct",
        action="store_true",
        help="text said once (the corpus's and held-out sets' documents): up to 1.3 MB",
    )
    parser.add_argument(
        "--one-run", action="store_true", help="without its headings: one run of paragraphs"
    )
    parser.add_argument("--one", type=float, help=argparse.SUPPRESS)  # a child's size
    args = parser.parse_args()
    if args.one is not None:
        # (``--one-run`` reached the child as no option before: the text kept its headings)
        times = run_one(
            args.one,
            args.profile,
            args.steps,
            args.headed,
            args.distinct,
            args.one_run,
            args.profile_to,
        )
        print(json.dumps(times))
        return
    from graph.pipeline import STAGES

    short = [s.split()[0] for s in STAGES]
    head = " ".join(f"{s:>9}" for s in short)
    print(f"{'MB':>5} {head} {'total s':>9} {'s/MB':>7} {'cpu s':>8} {'cpu/MB':>7} {'peak MiB':>9}")
    for size in args.sizes:
        command = [sys.executable, __file__, "--one", str(size)]
        command += [
            flag
            for flag, on in (
                ("--profile", args.profile),
                ("--steps", args.steps),
                ("--headed", args.headed),
                ("--distinct", args.distinct),
                ("--one-run", args.one_run),
            )
            if on
        ]
        if args.profile_to:
            command += ["--profile-to", str(Path(args.profile_to).resolve())]
        # the profile and the steps go to the terminal
        stderr = None if args.profile or args.steps else subprocess.PIPE
        done = subprocess.run(
            command, stdout=subprocess.PIPE, stderr=stderr, text=True, check=False
        )
        if done.returncode != 0:
            print(f"{size:>5g} failed: {(done.stderr or '').strip().splitlines()[-1:]}")
            continue
        times = json.loads(done.stdout.strip().splitlines()[-1])
        cells = " ".join(f"{times.get(s, 0.0):>9.1f}" for s in STAGES)
        total, cpu = times["total"], times["cpu"]
        per_mb = f"{total / size:>7.1f} {cpu:>8.1f} {cpu / size:>7.1f}"
        per_mb += f" {times.get('peak', 0.0):>9.0f}"
        rejected = "  (the graph was rejected by validation)" if times.get("rejected") else ""
        print(f"{size:>5g} {cells} {total:>9.1f} {per_mb}{rejected}")


if __name__ == "__main__":
    main()
