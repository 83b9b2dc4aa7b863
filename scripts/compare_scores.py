"""Print two ``score_sets.py`` results side by side: precision / recall per fact type and
per group of sets, before -> after.

Why: the groups are what a change is judged by. The development half may have been read
(and trained on), the confirmation half only counted, and the newest sets, in neither
half of ``tests/evaluation/split.py``, were never read: their column is the honest one.

    .venv/bin/python scripts/compare_scores.py before.json after.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("cooperation", "agreement", "spacecraft", "participation", "ground_station", "total")
Counts = tuple[int, int, int, int]  # gold, extracted, gold matched, extracted matched


def groups(names: list[str]) -> dict[str, list[str]]:
    """The sets of a result by group (the corpus's own gold, its independent reading,
    the never-read sets, the two halves, all held-out sets)."""
    from tests.evaluation import split

    development = {p.name for p in split.development()} - {"independent-corpus"}
    confirmation = {p.name for p in split.confirmation()}
    held = [n for n in names if n.startswith("heldout")]
    return {
        "corpus": ["corpus"],
        "independent": ["independent-corpus"],
        "never read": [n for n in held if n not in development | confirmation],
        "development": [n for n in held if n in development],
        "confirmation": [n for n in held if n in confirmation],
        "all held-out": held,
    }


def counts(result: dict, names: list[str], kind: str | None = None) -> Counts | None:
    """Summed counts over ``names`` (None if a set is missing from the result)."""
    if not names or any(n not in result for n in names):
        return None
    total = [0, 0, 0, 0]
    for name in names:
        for k, t in result[name]["types"].items():
            if kind in (None, k):
                for i, field in enumerate(("gold", "extracted", "mg", "me")):
                    total[i] += t[field]
    return tuple(total)  # type: ignore[return-value]


def pr(c: Counts) -> str:
    gold, extracted, mg, me = c
    return f"{me / extracted if extracted else 1.0:.2f} / {mg / gold if gold else 1.0:.2f}"


def table(before: dict, after: dict) -> list[str]:
    """Markdown rows: one per fact type and one for all types, a column per group."""
    by_group = {g: n for g, n in groups(sorted(after)).items() if counts(after, n)}
    lines = ["| type | " + " | ".join(by_group) + " |", "| --- |" + " --- |" * len(by_group)]
    for kind in (*KINDS, None):
        cells = []
        for names in by_group.values():
            new, old = counts(after, names, kind), counts(before, names, kind)
            cell = pr(new)  # type: ignore[arg-type]
            if old is not None and pr(old) != cell:
                cell = f"{pr(old)} -> {cell}"
            cells.append(cell)
        lines.append(f"| {kind or 'all types'} | " + " | ".join(cells) + " |")
    return lines


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        sys.exit("usage: compare_scores.py BEFORE.json AFTER.json")
    before, after = (json.loads(Path(a).read_text(encoding="utf-8")) for a in argv)
    print("precision / recall, before -> after\n")
    print("\n".join(table(before, after)))
    changed = sorted(n for n in after if n in before and after[n]["hash"] != before[n]["hash"])
    negatives = sum(len(after[n]["neg"]) for n in after)
    print(f"\nsets whose facts changed: {len(changed)}; negatives found: {negatives}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main(sys.argv[1:])
