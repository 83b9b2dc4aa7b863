"""Check a held-out gold set against its documents, as its annotator did before
committing it: ``python -m tests.evaluation.check_quotes tests/evaluation/heldout-c``
(every held-out folder when none is named); ``tests/evaluation/test_evaluation.py`` runs it
on each.

Every quote must be a verbatim passage of its document as a reader sees it (line-break
hyphens between letters joined, whitespace collapsed); every document of the manifest
must exist; no negative may match a gold fact. Prints the number of statements per type.
"""

from __future__ import annotations

import re
import sys
import tomllib
from collections import Counter
from pathlib import Path

EVALUATION = Path(__file__).parent
TYPES = ("cooperation", "agreement", "spacecraft", "participation", "ground_station", "total")


def reader_view(text: str) -> str:
    text = re.sub(r"(?<=[A-Za-z])-[ \t]*\n\s*(?=[a-z])", "", text)
    return " ".join(text.split())


def problems_in(folder: Path, *, report: bool = False) -> list[str]:
    """What is wrong with the gold set in ``folder`` (nothing, when it holds)."""
    gold = tomllib.loads((folder / "gold.toml").read_text(encoding="utf-8"))
    manifest = tomllib.loads((folder / "manifest.toml").read_text(encoding="utf-8"))
    files = {d["id"]: folder / d["file"] for d in manifest["document"]}
    listed = {p.name for p in files.values()}
    on_disk = {p.name for p in folder.glob("*.txt")}
    problems = [f"not in manifest: {n}" for n in sorted(on_disk - listed)]
    problems += [f"missing file: {n}" for n in sorted(listed - on_disk)]
    texts = {i: reader_view(p.read_text(encoding="utf-8")) for i, p in files.items() if p.exists()}
    docs = gold["docs"]
    problems += [f"docs entry {s!r} -> unknown id {i!r}" for s, i in docs.items() if i not in files]
    counts: Counter[str] = Counter()
    per_doc: Counter[str] = Counter()
    for kind in TYPES:
        for g in gold[kind]:
            counts[kind] += 1
            per_doc[g["doc"]] += 1
            quote = " ".join(g["quote"].split())
            if quote not in texts.get(docs[g["doc"]], ""):
                problems.append(f"{kind} in {g['doc']}: quote not found: {g['quote']!r}")
    used = {
        v
        for kind in TYPES
        for g in gold[kind]
        for k, v in g.items()
        if k in ("partner", "mission", "spacecraft", "organisation")
    } | {p for g in gold["agreement"] for p in g["parties"]}
    for neg in gold["negative"]:
        kind = neg["kind"]
        if kind == "entity" and neg["key"] in used:
            problems.append(f"negative entity {neg['key']!r} is used by a gold fact")
        if kind in ("entity", "total"):
            if kind == "total" and any(
                t["doc"] == neg["doc"] and t["quantity"] == neg["quantity"] for t in gold["total"]
            ):
                problems.append(f"negative contradicts gold: {neg}")
            continue
        fields = {k: v for k, v in neg.items() if k not in ("kind", "why")}
        if "parties" in fields:
            continue
        for g in gold[kind]:
            if all(g.get(k) == v for k, v in fields.items()):
                problems.append(f"negative {neg} matches gold {g}")
    if report:
        print(folder)
        for kind in TYPES:
            print(f"{kind:<16}{counts[kind]:>5}")
        print(f"{'all facts':<16}{sum(counts.values()):>5}")
        print(f"{'negatives':<16}{len(gold['negative']):>5}")
        for short in docs:
            words = len(files[docs[short]].read_text(encoding="utf-8").split())
            print(f"  {short:<12}{per_doc[short]:>4} facts {words:>5} words")
        for p in problems:
            print("PROBLEM", p)
    return problems


def heldout_folders() -> list[Path]:
    return sorted(p for p in EVALUATION.glob("heldout*") if (p / "gold.toml").is_file())


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv] or heldout_folders()
    return 1 if any([problems_in(f, report=True) for f in folders]) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
