"""Peak memory of `spacekg export` as the store grows, beside rdflib doing the same.

Builds synthetic on-disk stores shaped like the real graph (fact nodes with evidence
annotations in one named graph per document, some facts stated by two documents, a
reference graph of entities), then exports each one in a fresh subprocess and reports
that process's peak resident set size (``ru_maxrss``). A flat column means memory does
not grow with the store. The reference loads the same N-Quads into an rdflib Dataset and
serialises it, which is what exporting without a streaming store costs.

    .venv/bin/python benchmarks/export_memory.py                    # 100k, 300k, 1M
    .venv/bin/python benchmarks/export_memory.py --sizes 50000,500000 --json
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE = "https://w3id.org/china-space-kg/"
CSK, ID, GRAPH = BASE + "ontology#", BASE + "id/", BASE + "graph/"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
OA = "http://www.w3.org/ns/oa#"
DERIVED = "<http://www.w3.org/ns/prov#wasDerivedFrom>"
NNI = "<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>"
DOCUMENTS = 40
AREAS = ("payloads", "tt-and-c", "launch-services", "data-exchange", "space-science")


def _fact_quads(i: int, doc: int) -> list[str]:
    """One cooperation as one document states it: 16 quads, like graph.rdf writes."""
    g = f"<{GRAPH}document/doc-{doc}>"
    fact, ev = f"<{ID}cooperation/c-{i}>", f"{ID}evidence/doc-{doc}/{i * 40}-{i * 40 + 37}"
    quote, pos = f"<{ev}#quote>", f"<{ev}#position>"
    partner = f"<{ID}country/k{i % 197}>"
    text = f"China and partner {i % 197} cooperated on payload number {i}."
    lines = [
        f"{fact} {RDF_TYPE} <{CSK}Cooperation>",
        f'{fact} {LABEL} "Cooperation {i} with partner {i % 197}"@en',
        f"{fact} <{CSK}partner> {partner}",
        f"{fact} <{CSK}area> <{ID}area/{AREAS[i % len(AREAS)]}>",
        f"{fact} <{CSK}status> <{ID}status/achieved>",
        f"{fact} {DERIVED} <{ID}document/doc-{doc}>",
        f"{fact} <{CSK}evidence> <{ev}>",
        f"<{ev}> {RDF_TYPE} <{OA}SpecificResource>",
        f"<{ev}> <{OA}hasSource> <{ID}document/doc-{doc}>",
        f"<{ev}> <{OA}hasSelector> {quote}",
        f"<{ev}> <{OA}hasSelector> {pos}",
        f"{quote} {RDF_TYPE} <{OA}TextQuoteSelector>",
        f'{quote} <{OA}exact> "{text}"',
        f"{pos} {RDF_TYPE} <{OA}TextPositionSelector>",
        f'{pos} <{OA}start> "{i * 40}"^^{NNI}',
        f'{pos} <{OA}end> "{i * 40 + 37}"^^{NNI}',
    ]
    return [f"{line} {g} .\n" for line in lines]


def write_synthetic(path: Path, triples: int) -> int:
    """N-Quads of about ``triples`` quads; every tenth fact is stated by two documents
    (a duplicate triple across graphs, which triple formats must write once)."""
    written = 0
    with path.open("w", encoding="utf-8") as out:
        ref = f"<{GRAPH}reference>"
        for k in range(197):
            node = f"<{ID}country/k{k}>"
            out.write(f"{node} {RDF_TYPE} <{CSK}Country> {ref} .\n")
            out.write(f'{node} {LABEL} "Country {k}"@en {ref} .\n')
            written += 2
        i = 0
        while written < triples:
            docs = (i % DOCUMENTS, (i + 1) % DOCUMENTS) if i % 10 == 0 else (i % DOCUMENTS,)
            for doc in docs:
                lines = _fact_quads(i, doc)
                out.writelines(lines)
                written += len(lines)
            i += 1
    return written


def peak_rss_mib() -> float:
    """This process's peak RSS. VmHWM belongs to the address space made by exec, whereas
    Linux carries ``ru_maxrss`` over from the parent that forked us (so a big parent
    would hide a small child); ``ru_maxrss`` is only the fallback off Linux."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(args: argparse.Namespace) -> None:
    """Run one measurement in this (fresh) process and print it as JSON."""
    started = time.perf_counter()
    sink = Path(args.output)
    if args.child == "idle":
        import pyoxigraph as ox

        ox.Store.read_only(args.store)
    elif args.child == "spacekg":
        import pyoxigraph as ox

        from graph.config import project_root
        from graph.export import FORMATS, export_file, select_graphs
        from graph.export_jsonld import Context

        store = ox.Store.read_only(args.store)
        context = Context.load(project_root() / "ontology" / "context.jsonld")
        export_file(store, sink, FORMATS[args.format], select_graphs(store, "all"),
                    context=context)
    elif args.child == "rdflib":
        from rdflib import Dataset

        ds = Dataset()
        ds.parse(args.nquads, format="nquads")
        fmt = {"nq": "nquads", "ttl": "turtle", "jsonld": "json-ld"}[args.format]
        ds.serialize(destination=str(sink), format=fmt)
    print(json.dumps({"peak_mib": round(peak_rss_mib(), 1),
                      "seconds": round(time.perf_counter() - started, 2),
                      "bytes": sink.stat().st_size if sink.exists() else 0}))


def measure(kind: str, store: Path, nquads: Path, fmt: str, out: Path) -> dict:
    cmd = [sys.executable, __file__, "--child", kind, "--store", str(store),
           "--nquads", str(nquads), "--format", fmt, "--output", str(out)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{kind} {fmt} failed: {done.stderr.strip().splitlines()[-1:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(sizes: list[int], formats: list[str], reference_max: int, work: Path) -> list[dict]:
    import pyoxigraph as ox

    rows = []
    for size in sizes:
        nquads, store = work / f"s{size}.nq", work / f"s{size}.store"
        quads = write_synthetic(nquads, size)
        loaded = ox.Store(str(store))
        loaded.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
        loaded.flush()
        del loaded
        idle = measure("idle", store, nquads, "nq", work / "idle")
        for fmt in formats:
            out = work / f"out-{size}.{fmt}"
            ours = measure("spacekg", store, nquads, fmt, out)
            out.unlink(missing_ok=True)
            ref = None
            if size <= reference_max:
                ref = measure("rdflib", store, nquads, fmt, out)
                out.unlink(missing_ok=True)
            rows.append({"quads": quads, "format": fmt, "idle_mib": idle["peak_mib"],
                         "spacekg": ours, "rdflib": ref})
        nquads.unlink()
    return rows


def print_table(rows: list[dict]) -> None:
    print(f"{'quads':>10} {'format':>6} | {'idle MiB':>8} | {'spacekg MiB':>11} {'s':>6} "
          f"{'MiB out':>8} | {'rdflib MiB':>10} {'s':>6}")
    for r in rows:
        ours, ref = r["spacekg"], r["rdflib"]
        ref_text = f"{'-':>10} {'-':>6}"
        if ref:
            ref_text = f"{ref['peak_mib']:>10.1f} {ref['seconds']:>6.1f}"
        print(f"{r['quads']:>10,} {r['format']:>6} | {r['idle_mib']:>8.1f} | "
              f"{ours['peak_mib']:>11.1f} {ours['seconds']:>6.1f} {ours['bytes'] / 2**20:>8.1f} | "
              f"{ref_text}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100000,300000,1000000")
    parser.add_argument("--formats", default="nq,ttl,jsonld")
    parser.add_argument("--reference-max", type=int, default=300_000,
                        help="largest store the (slow, memory-hungry) rdflib reference runs on")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    parser.add_argument("--child", choices=["idle", "spacekg", "rdflib"], help=argparse.SUPPRESS)
    for name in ("--store", "--nquads", "--format", "--output"):
        parser.add_argument(name, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    with tempfile.TemporaryDirectory(prefix="export-memory-") as tmp:
        rows = run([int(s) for s in args.sizes.split(",")], args.formats.split(","),
                   args.reference_max, Path(tmp))
    if args.json:
        print(json.dumps(rows))
    else:
        print_table(rows)


if __name__ == "__main__":
    main()
