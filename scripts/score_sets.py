"""Score the extractor on every annotated set at once and keep the result as JSON.

Why: a change to the rules or to a learned reader is judged by what it does on all the
held-out sets, split into the development half, the confirmation half and the newest
never-read sets (``tests/evaluation/split.py``); ``compare_scores.py`` prints two such
files side by side. Each set is extracted as a new user's corpus would be. A hash of the
facts per set shows a refactoring changed nothing.

    .venv/bin/python scripts/score_sets.py scores.json                  # every set
    .venv/bin/python scripts/score_sets.py scores.json heldout-cv corpus  # some
    PROCS=1 .venv/bin/python scripts/score_sets.py ...                   # fewer processes
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tomllib
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVALUATION = ROOT / "tests" / "evaluation"


def score_one(name: str) -> tuple[str, dict]:
    """One set's per-type counts, misses and spurious facts, negatives found and hash."""
    from graph import corpus, extract
    from tests.evaluation import score

    if name == "corpus":
        documents = corpus.read_corpus(ROOT / "corpus")
        reference = extract.load_reference(ROOT / "ontology", ROOT / "corpus")
        extraction, gold = extract.extract_corpus(documents, reference), score.load_gold()
    else:
        folder = EVALUATION / name
        extraction, documents = score.extract_folder(folder, ROOT / "ontology")
        gold = tomllib.loads((folder / "gold.toml").read_text(encoding="utf-8"))
    report = score.score(extraction, documents, gold)
    facts = sorted(
        repr(
            (
                type(f).__name__,
                f.key,
                f.status.value,
                [(e.doc_id, e.start, e.end) for e in f.evidence],
            )
        )
        for f in extraction.facts
    )
    types = {
        kind: {
            "gold": s.gold,
            "extracted": s.extracted,
            "mg": s.matched_gold,
            "me": s.matched_extracted,
            "missed": s.missed,
            "spurious": s.spurious,
            "status_wrong": s.status_wrong,
        }
        for kind, s in report.scores.items()
    }
    return name, {
        "types": types,
        "neg": report.negatives_found,
        "bad": len(report.bad_offsets),
        "copy": report.copy_facts,
        "hash": hashlib.sha1("\n".join(facts).encode()).hexdigest(),
        "nfacts": len(facts),
    }


def all_sets() -> list[str]:
    """The corpus, its independent reading and every held-out set with a gold file."""
    held = sorted(p.name for p in EVALUATION.glob("heldout*") if (p / "gold.toml").exists())
    return ["corpus", "independent-corpus", *held]


def main(argv: list[str]) -> None:
    if not argv:
        sys.exit("usage: score_sets.py OUT.json [SET ...]")
    names = argv[1:] or all_sets()
    with ProcessPoolExecutor(int(os.environ.get("PROCS", "2"))) as pool:
        results = dict(pool.map(score_one, names))
    Path(argv[0]).write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(f"scored {len(results)} sets into {argv[0]}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main(sys.argv[1:])
