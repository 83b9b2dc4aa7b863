"""Score an extraction against the hand-made gold set (``gold.toml``).

A gold fact and an extracted fact match when they agree on the fact's identity (see
README.md) and on its status after merging. Precision is the share of extracted facts
of a type that match a gold fact; recall the share of gold facts found. Run as a script
(``.venv/bin/python -m tests.evaluation.score``) to print the table for the real corpus.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from graph.model import (
    Agreement,
    Cooperation,
    CooperationTotal,
    Document,
    Extraction,
    Fact,
    GroundStation,
    Participation,
    SpacecraftActivity,
    slugify,
)

GOLD = Path(__file__).with_name("gold.toml")
HELDOUT = Path(__file__).with_name("heldout")
TYPES: dict[str, type[Fact]] = {
    "cooperation": Cooperation,
    "agreement": Agreement,
    "spacecraft": SpacecraftActivity,
    "participation": Participation,
    "ground_station": GroundStation,
    "total": CooperationTotal,
}
BARS = {"cooperation": (0.95, 0.90), "agreement": (0.95, 0.90)}
DEFAULT_BAR = (0.85, 0.85)


def _gold_identity(kind: str, g: dict) -> tuple:
    match kind:
        case "cooperation":
            return (g["partner"], g["area"], g.get("mission"))
        case "agreement":
            return (
                g["kind"],
                tuple(sorted(g["parties"])),
                g.get("signed_on"),
                g.get("valid_from"),
                g.get("valid_until"),
            )
        case "spacecraft":
            return (g["activity"], g["partner"], g.get("spacecraft"))
        case "participation":
            return (g["organisation"],)
        case "ground_station":
            return (g["partner"],)
        case "total":
            return (g["doc"], g["quantity"])
    raise ValueError(kind)


def fact_identities(kind: str, fact: Fact) -> list[tuple]:
    """The identities an extracted fact stands for (a total: one per document)."""
    match fact:
        case Cooperation():
            return [(fact.partner, fact.area, fact.mission)]
        case Agreement():
            return [
                (
                    fact.agreement_kind,
                    tuple(sorted(fact.parties)),
                    fact.signed_on,
                    fact.valid_from,
                    fact.valid_until,
                )
            ]
        case SpacecraftActivity():
            return [(fact.activity, fact.partner, fact.spacecraft)]
        case Participation():
            return [(fact.organisation,)]
        case GroundStation():
            return [(fact.partner,)]
        case CooperationTotal():
            return [(doc, fact.quantity) for doc in sorted({e.doc_id for e in fact.evidence})]
    return []


def squash(text: str) -> str:
    """Text as a reader sees it: line-break hyphens joined, whitespace collapsed."""
    text = re.sub(r"(?<=[a-z])-[ \t]*\n\s*(?=[a-z])", "-", text)
    return " ".join(text.split()).replace("- ", "-")


def loose(text: str) -> str:
    """Only the letters and digits, lower-cased: how a quote is found in evidence."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _gold_statuses(kind: str, statements: list, docs: dict) -> dict[tuple, Counter[str]]:
    """Expected statuses per identity. A fact stated by several documents is one fact,
    achieved if any document says so; unnamed agreements and unnamed spacecraft of the
    same partner in two documents are two facts, as are numeric totals."""
    merged: dict[tuple, str] = {}
    separate: dict[tuple, Counter[str]] = {}
    seen: set[tuple] = set()
    for g in statements:
        ident = _gold_identity(kind, {**g, "doc": docs[g["doc"]]})
        status = g.get("status", "achieved")
        unnamed = (kind == "agreement") or (kind == "spacecraft" and not g.get("spacecraft"))
        if kind == "total":
            separate.setdefault(ident, Counter())[status] += 1
        elif unnamed:
            if (g["doc"], ident) not in seen:
                seen.add((g["doc"], ident))
                separate.setdefault(ident, Counter())[status] += 1
        elif merged.get(ident) != "achieved":
            merged[ident] = status
    out = {ident: Counter({status: 1}) for ident, status in merged.items()}
    out.update(separate)
    return out


@dataclass
class TypeScore:
    gold: int = 0
    extracted: int = 0
    matched_gold: int = 0
    matched_extracted: int = 0
    status_wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched_extracted / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 1.0


@dataclass
class Report:
    scores: dict[str, TypeScore]
    evidence_checked: int = 0
    evidence_agreeing: int = 0
    negatives_found: list[str] = field(default_factory=list)
    bad_offsets: list[str] = field(default_factory=list)
    copy_facts: int = 0

    def table(self) -> str:
        lines = [
            f"{'fact type':<16}{'gold':>6}{'found':>7}{'P':>7}{'R':>7}{'bar P/R':>11}",
        ]
        for kind, s in self.scores.items():
            bar = BARS.get(kind, DEFAULT_BAR)
            lines.append(
                f"{kind:<16}{s.gold:>6}{s.extracted:>7}{s.precision:>7.2f}{s.recall:>7.2f}"
                f"{bar[0]:>6.2f}/{bar[1]:.2f}"
            )
        lines.append(
            f"evidence quoting the gold passage: {self.evidence_agreeing}/{self.evidence_checked}; "
            f"negatives found: {len(self.negatives_found)}; facts from the stemmed copy: "
            f"{self.copy_facts}; bad offsets: {len(self.bad_offsets)}"
        )
        return "\n".join(lines)


def load_gold(path: Path = GOLD) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


_ENTITY_FIELDS = ("partner", "mission", "spacecraft", "organisation")


def canonical_gold(gold: dict, extraction: Extraction) -> dict:
    """The gold set with every entity written as the key the graph gives it: an
    annotator may name a discovered entity by any of its names ("SVOM" or "Space
    Variable Objects Monitor"), as a researcher searching the graph would."""
    names: dict[str, str] = {}
    for entity in extraction.entities:
        for name in (entity.label, *entity.alt_labels):
            names.setdefault(slugify(name), entity.key)
    for entity in extraction.entities:
        names[entity.key] = entity.key

    def key(value):
        if isinstance(value, list):
            return [key(v) for v in value]
        return names.get(value, value) if isinstance(value, str) else value

    out = dict(gold)
    for kind in TYPES:
        out[kind] = [
            {k: (key(v) if k in (*_ENTITY_FIELDS, "parties") else v) for k, v in g.items()}
            for g in gold.get(kind, [])
        ]
    return out


def score(
    extraction: Extraction, documents: Sequence[Document], gold: dict | None = None
) -> Report:
    gold = canonical_gold(gold or load_gold(), extraction)
    docs = gold["docs"]
    by_id = {d.id: d for d in documents}
    report = Report(scores={})
    for kind, fact_type in TYPES.items():
        statements = gold[kind]
        wanted = _gold_statuses(kind, statements, docs)
        facts = [f for f in extraction.facts if isinstance(f, fact_type)]
        got: dict[tuple, Counter[str]] = {}
        for f in facts:
            for ident in fact_identities(kind, f):
                got.setdefault(ident, Counter())[f.status.value] += 1
        s = TypeScore(
            gold=sum(sum(c.values()) for c in wanted.values()),
            extracted=sum(sum(c.values()) for c in got.values()),
        )
        for ident, statuses in wanted.items():
            found = got.get(ident, Counter())
            hit = sum((statuses & found).values())
            s.matched_gold += hit
            if hit < sum(statuses.values()):
                if sum(found.values()) >= sum(statuses.values()):
                    s.status_wrong.append(f"{ident}: {dict(found)} (gold {dict(statuses)})")
                else:
                    s.missed.append(str(ident))
        for ident, found in got.items():
            hit = sum((found & wanted.get(ident, Counter())).values())
            s.matched_extracted += hit
            if hit < sum(found.values()):
                s.spurious.append(f"{ident} {dict(found)}")
        report.scores[kind] = s
        _check_evidence(report, kind, statements, docs, facts)
    for fact in extraction.facts:
        for ev in fact.evidence:
            doc = by_id.get(ev.doc_id)
            if doc is None or doc.text[ev.start : ev.end] != ev.exact:
                report.bad_offsets.append(f"{fact.kind_segment}/{fact.key}")
            if doc is not None and doc.is_copy:
                report.copy_facts += 1
    _check_negatives(report, extraction, gold)
    return report


def _check_evidence(report: Report, kind: str, statements: list, docs: dict, facts: list) -> None:
    for g in statements:
        g2 = {**g, "doc": docs[g["doc"]]}
        ident = _gold_identity(kind, g2)
        matching = [f for f in facts if ident in fact_identities(kind, f)]
        if not matching:
            continue
        report.evidence_checked += 1
        quote = loose(g["quote"])
        if any(
            ev.doc_id == docs[g["doc"]] and quote in loose(ev.exact)
            for f in matching
            for ev in f.evidence
        ):
            report.evidence_agreeing += 1


def _check_negatives(report: Report, extraction: Extraction, gold: dict) -> None:
    keys = {e.key for e in extraction.entities}
    for neg in gold.get("negative", []):
        kind = neg["kind"]
        if kind == "entity":
            if neg["key"] in keys:
                report.negatives_found.append(neg["why"])
            continue
        if kind == "total":
            doc = gold["docs"][neg["doc"]]
            if any(
                isinstance(f, CooperationTotal)
                and f.quantity == neg["quantity"]
                and any(e.doc_id == doc for e in f.evidence)
                for f in extraction.facts
            ):
                report.negatives_found.append(neg["why"])
            continue
        fact_type = TYPES[kind]
        fields = {k: v for k, v in neg.items() if k not in ("kind", "why")}
        for f in extraction.facts:
            if not isinstance(f, fact_type):
                continue
            values = {k: getattr(f, k if k != "parties" else "parties") for k in fields}
            if "parties" in fields:
                if len(f.parties) < 2:
                    report.negatives_found.append(neg["why"])
                continue
            if all(values[k] == v for k, v in fields.items()):
                report.negatives_found.append(neg["why"])


def extract_folder(folder: Path, ontology: Path) -> tuple[Extraction, list[Document]]:
    """Build the extraction of a folder of documents with its own manifest, as a new
    user's corpus would be read (only ``*.txt`` and ``manifest.toml`` are taken)."""
    import shutil
    import tempfile

    from graph import corpus, extract

    with tempfile.TemporaryDirectory() as tmp:
        for path in [*folder.glob("*.txt"), folder / "manifest.toml"]:
            shutil.copy(path, Path(tmp) / path.name)
        documents = corpus.read_corpus(Path(tmp))
        reference = extract.load_reference(ontology, Path(tmp))
        return extract.extract_corpus(documents, reference), documents


def main(argv: Sequence[str] | None = None) -> None:
    import argparse
    import time

    from graph import corpus, extract
    from graph.config import Paths

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--heldout",
        nargs="?",
        const="heldout",
        metavar="SET",
        help="score a held-out set: a folder name under tests/evaluation (default: heldout)",
    )
    args = parser.parse_args(argv)
    paths = Paths.defaults()
    started = time.perf_counter()
    if args.heldout:
        folder = HELDOUT.parent / args.heldout
        extraction, documents = extract_folder(folder, paths.ontology)
        gold = load_gold(folder / "gold.toml")
    else:
        documents = corpus.read_corpus(paths.corpus)
        reference = extract.load_reference(paths.ontology, paths.corpus)
        extraction = extract.extract_corpus(documents, reference)
        gold = load_gold()
    seconds = time.perf_counter() - started
    report = score(extraction, documents, gold)
    print(report.table())
    print(f"extraction took {seconds:.2f} s")
    for kind, s in report.scores.items():
        for line in s.missed:
            print(f"  MISSED   {kind}: {line}")
        for line in s.spurious:
            print(f"  SPURIOUS {kind}: {line}")
        for line in s.status_wrong:
            print(f"  STATUS   {kind}: {line}")
    for why in report.negatives_found:
        print(f"  NEGATIVE found: {why}")


if __name__ == "__main__":
    main()
