"""Write a synthetic corpus of any size, with the facts each document states (its answers).

Documents are written in the corpus's registers: news articles (a headline, a dateline
and paragraphs of prose), white-paper sections (numbered headings over paragraphs) and
fact sheets (short "Partner: what" lines under a heading). Every name comes from the
reference data in ``ontology/reference/`` (countries with a curated demonym, curated
missions, area cue phrases), so the extractor knows them; each document also names a
few designated spacecraft of its own ("Tianxing-17A") for discovery to find. The facts
a document states are written to ``answers.jsonl`` beside the ``corpus/`` folder (which
holds the documents and ``manifest.toml``), one line a document, so a benchmark can score
what the build found. The same seed gives the same
corpus, byte for byte.

    python benchmarks/synthetic_corpus.py /tmp/synthetic-1000 --documents 1000
    python benchmarks/synthetic_corpus.py /tmp/synthetic-1000 --add 1   # one more document
    spacekg build --corpus /tmp/synthetic-1000/corpus --store /tmp/synthetic-1000/store
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.gazetteer import read_gazetteer  # noqa: E402
from graph.model import EntityKind  # noqa: E402

REGISTERS = ("news-article", "white-paper", "fact-sheet")
# registers in the proportions of a few years of coverage: mostly news
WEIGHTS = (0.8, 0.1, 0.1)
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
FILLER = (
    "Officials said the programme would continue to expand in the coming years.",
    "The announcement was made at a press conference in Beijing.",
    "Experts noted that space exploration benefits all of humanity.",
    "The agency said further details would be released later this year.",
    "Both sides described the talks as productive and forward-looking.",
    "The launch window opens early in the morning, local time.",
    "Engineers have completed a series of ground tests over the past months.",
    "Observers expect the schedule to hold despite the weather.",
    "The project is part of a broader effort to share the benefits of space technology.",
    "A spokesperson said the results would be published in a scientific journal.",
    "The ceremony was attended by diplomats, scientists and students.",
    "Preparations for the next phase began shortly after the meeting.",
    "The data will be made available to researchers around the world.",
    "Analysts say international partnerships have become a hallmark of the programme.",
    "The mission team held a briefing to explain the objectives of the flight.",
    "Training sessions for the operators are scheduled to start next spring.",
)
# (area cue phrase, instrument noun) pairs the reference data knows
AREAS = (
    "remote sensing",
    "satellite navigation",
    "space science",
    "space debris",
    "space weather",
    "disaster prevention and mitigation",
    "human spaceflight",
    "satellite communications",
    "data sharing",
    "education and training",
)
INSTRUMENTS = ("camera", "spectrometer", "detector", "magnetometer", "payload")


@dataclass
class Names:
    """What a document may name: curated countries and missions, by the forms the
    reference data gives them."""

    countries: list[tuple[str, str, str]]  # (key, label, demonym)
    missions: list[tuple[str, str]]  # (key, label)

    @classmethod
    def load(cls, ontology: Path) -> Names:
        gazetteer = read_gazetteer(ontology)
        demonyms = {}
        for form, key in gazetteer.forms:
            if form in gazetteer.adjectival and not form.startswith("Sino-"):
                demonyms.setdefault(key, form)
        countries = sorted(
            (e.key, e.label, demonyms[e.key])
            for e in gazetteer.entities.values()
            if e.kind is EntityKind.COUNTRY
            and e.key in demonyms
            and e.iso2 != "CN"
            and not any(c in e.label for c in ",()")
        )
        missions = sorted(
            (e.key, e.label)
            for e in gazetteer.entities.values()
            if e.kind is EntityKind.MISSION and "'" not in e.label and len(e.label) > 3
        )
        return cls(countries, missions)


@dataclass
class Draft:
    """A document being written: its paragraphs and the facts they state."""

    paragraphs: list[str] = field(default_factory=list)
    answers: list[dict[str, str]] = field(default_factory=list)


def _date(rng: random.Random, year: int) -> str:
    return f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {year}"


def _cooperation(rng: random.Random, names: Names, draft: Draft, year: int) -> str:
    """One sentence stating one cooperation with its partner, mission and area."""
    key, label, demonym = rng.choice(names.countries)
    mission_key, mission = rng.choice(names.missions)
    instrument = rng.choice(INSTRUMENTS)
    form = rng.randrange(3)
    if form == 0:
        text = f"The {mission} mission carried a {instrument} provided by {label}."
        area = "payloads"
    elif form == 1:
        text = f"{label} contributed a {demonym} {instrument} to the {mission} mission in {year}."
        area = "payloads"
    else:
        area = rng.choice(AREAS)
        text = f"China and {label} agreed to cooperate on {area} for the {mission} mission."
    draft.answers.append({"partner": key, "mission": mission_key, "area": area})
    return text


def _agreement(rng: random.Random, names: Names, draft: Draft, year: int) -> str:
    key, label, _demonym = rng.choice(names.countries)
    area = rng.choice(AREAS)
    draft.answers.append({"party": key, "area": area, "kind": "agreement"})
    return (
        f"On {_date(rng, year)}, China and {label} signed a memorandum of understanding "
        f"on cooperation in {area}."
    )


def _designated(rng: random.Random, draft: Draft, year: int) -> str:
    """A spacecraft named only by its designator: discovery's work."""
    name = f"{rng.choice(['Tianxing', 'Haiyang', 'Kexue', 'Xinghe'])}-{rng.randint(10, 99)}"
    name += rng.choice("ABCD")
    draft.answers.append({"discovered": name})
    return f"The {name} satellite was launched from Jiuquan in {year}."


def _prose(
    rng: random.Random, names: Names, draft: Draft, year: int, facts: int, filler: int = 4
) -> list[str]:
    sentences = [_cooperation(rng, names, draft, year) for _ in range(facts)]
    sentences.append(_agreement(rng, names, draft, year))
    sentences.append(_designated(rng, draft, year))
    sentences += rng.sample(FILLER, filler)
    rng.shuffle(sentences)
    return [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]


def write_document(rng: random.Random, names: Names, register: str, year: int) -> Draft:
    draft = Draft()
    if register == "news-article":
        _key, label, _d = rng.choice(names.countries)
        draft.paragraphs.append(f"China and {label} deepen space cooperation")
        draft.paragraphs.append(f"Beijing ({_date(rng, year)})")
        draft.paragraphs += _prose(rng, names, draft, year, facts=10, filler=14)
    elif register == "white-paper":
        draft.paragraphs.append(f"China's Space Activities in {year}")
        for number, area in enumerate(rng.sample(AREAS, 3), start=1):
            draft.paragraphs.append(f"({number}) {area.capitalize()}")
            draft.paragraphs += _prose(rng, names, draft, year, facts=4)
    else:
        draft.paragraphs.append(f"Fact sheet: international partners, {year}")
        lines = []
        for _ in range(6):
            key, label, _d = rng.choice(names.countries)
            mission_key, mission = rng.choice(names.missions)
            instrument = rng.choice(INSTRUMENTS)
            lines.append(f"- {label} provided a {instrument} for the {mission} mission.")
            draft.answers.append({"partner": key, "mission": mission_key, "area": "payloads"})
        draft.paragraphs.append("\n".join(lines))
        draft.paragraphs += _prose(rng, names, draft, year, facts=2)
    return draft


def _manifest_entry(doc_id: str, file: str, register: str, year: int) -> str:
    kind = "news-article" if register == "news-article" else "white-paper"
    return (
        f'[[document]]\nfile = "{file}"\nid = "{doc_id}"\n'
        f'title = "Synthetic {register} {doc_id}"\npublisher = "Synthetic corpus generator"\n'
        f'issued = "{year}"\nkind = "{kind}"\n\n'
    )


def generate(
    target: Path, documents: int, *, seed: int = 18, start: int = 0, register: str | None = None
) -> list[Path]:
    """Write documents ``start`` .. ``start + documents - 1`` into ``target/corpus``
    (appending to its manifest and to ``target/answers.jsonl``); document ``i`` is the
    same whatever else is written."""
    names = Names.load(ROOT / "ontology")
    folder = target / "corpus"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with (
        (folder / "manifest.toml").open("a", encoding="utf-8") as manifest,
        (target / "answers.jsonl").open("a", encoding="utf-8") as answers,
    ):
        for i in range(start, start + documents):
            rng = random.Random(f"{seed}-{i}")
            kind = register or rng.choices(REGISTERS, WEIGHTS)[0]
            year = rng.randint(2005, 2030)
            draft = write_document(rng, names, kind, year)
            doc_id = f"synthetic-{i:05d}"
            file = f"{doc_id}.txt"
            (folder / file).write_text("\n\n".join(draft.paragraphs) + "\n", encoding="utf-8")
            manifest.write(_manifest_entry(doc_id, file, kind, year))
            answers.write(json.dumps({"document": doc_id, "facts": draft.answers}) + "\n")
            written.append(folder / file)
    return written


def count(target: Path) -> int:
    """How many documents ``target`` already holds."""
    return len(list((target / "corpus").glob("synthetic-*.txt")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", type=Path, help="folder to write (outside the checkout)")
    parser.add_argument("--documents", type=int, default=100)
    parser.add_argument("--add", type=int, default=0, help="append this many documents")
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--register", choices=REGISTERS, help="only this register")
    args = parser.parse_args()
    if args.target.resolve().is_relative_to(ROOT):
        parser.error(f"{args.target} is inside the checkout; write the corpus under /tmp")
    if args.add:
        start = count(args.target)
        generate(args.target, args.add, seed=args.seed, start=start, register=args.register)
    else:
        if count(args.target):
            parser.error(f"{args.target} already holds a corpus; use --add or a new folder")
        generate(args.target, args.documents, seed=args.seed, register=args.register)
    print(f"{count(args.target)} documents in {args.target}")


if __name__ == "__main__":
    main()
