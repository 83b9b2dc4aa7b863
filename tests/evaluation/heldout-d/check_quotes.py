"""Check the fourth held-out gold set against its documents (run from the repository root:
``python tests/evaluation/heldout-d/check_quotes.py``).

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

HERE = Path(__file__).parent
TYPES = ("cooperation", "agreement", "spacecraft", "participation", "ground_station", "total")


def reader_view(text: str) -> str:
    text = re.sub(r"(?<=[A-Za-z])-[ \t]*\n\s*(?=[a-z])", "", text)
    return " ".join(text.split())


def main() -> int:
    gold = tomllib.loads((HERE / "gold.toml").read_text(encoding="utf-8"))
    manifest = tomllib.loads((HERE / "manifest.toml").read_text(encoding="utf-8"))
    files = {d["id"]: HERE / d["file"] for d in manifest["document"]}
    listed = {p.name for p in files.values()}
    on_disk = {p.name for p in HERE.glob("*.txt")}
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
    for kind in TYPES:
        print(f"{kind:<16}{counts[kind]:>5}")
    print(f"{'all facts':<16}{sum(counts.values()):>5}")
    print(f"{'negatives':<16}{len(gold['negative']):>5}")
    for short in docs:
        words = len(files[docs[short]].read_text(encoding="utf-8").split())
        print(f"  {short:<12}{per_doc[short]:>4} facts {words:>5} words")
    for p in problems:
        print("PROBLEM", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
