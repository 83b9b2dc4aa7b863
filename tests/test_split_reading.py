"""A large document's sentences read in parts by forked processes give the same readings
(facts, their evidence and offsets, entities named, unknown names) as one process
reading them all in turn: on the corpus's documents, and on a large synthetic document
with and without chapter headings (``benchmarks/large_document_bench.py``'s text).
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import pytest

from benchmarks.large_document_bench import distinct_text, large_text
from graph import corpus, extract, extract_parallel, split_reading, watched_notes
from graph.config import Paths
from graph.extract import Reference
from graph.gazetteer import Gazetteer
from graph.helper_pool import HelperLost
from graph.model import Document
from graph.normalise import CleanText, clean_document
from graph.reading import read_document
from graph.recognise import Recogniser
from tests.one_document import large_document

Originals = list[tuple[Document, CleanText]]


@pytest.fixture(autouse=True)
def _forks_despite_other_tests_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    """A whole test run leaves threads of earlier tests running, and a process with
    threads of its own reads alone: these tests are about the parts, so they fork."""
    monkeypatch.setattr(split_reading.threading, "active_count", lambda: 1)


def _discovered(originals: Originals, reference: Reference) -> Gazetteer:
    """The gazetteer the documents are read with: the curated one and the names they
    introduce (as a build finds them)."""
    assert reference.gazetteer is not None
    base = Recogniser(reference.gazetteer)
    seen = [(d, c, extract.name_candidates(d, c, base)) for d, c in originals]
    gazetteer, _unknown = extract.discover_names(seen, reference.gazetteer)
    return gazetteer


def _one_document(text: str) -> Originals:
    document = large_document(text)
    return [(document, clean_document(document))]


def _corpus_originals(project_paths: Paths) -> Originals:
    documents = corpus.read_corpus(project_paths.corpus)
    return [(d, clean_document(d)) for d in documents if not d.is_copy]


def _cuts(originals: Originals, gazetteer: Gazetteer, parts: int) -> list[int]:
    recogniser = Recogniser(gazetteer)
    sentences = [
        s for d, c in originals for s in read_document(d, recogniser, parse=False, clean=c)[1]
    ]
    return split_reading.part_cuts(sentences, parts)


def _same_readings(originals: Originals, gazetteer: Gazetteer, parts: int) -> None:
    alone = extract.read_documents(originals, Recogniser(gazetteer))
    in_parts = split_reading.read_documents(originals, Recogniser(gazetteer), parts)
    assert in_parts == alone
    assert sum(len(r.facts) for r in alone) > 0


def test_the_corpus_read_in_four_parts_gives_the_same_readings(
    project_paths: Paths, reference: Reference
) -> None:
    originals = _corpus_originals(project_paths)
    gazetteer = _discovered(originals, reference)
    assert len(_cuts(originals, gazetteer, 4)) == 5  # four parts: three children
    _same_readings(originals, gazetteer, 4)


@pytest.mark.parametrize("headed", [True, False], ids=["chapters", "one-run"])
def test_a_large_document_read_in_parts_gives_the_same_readings(
    reference: Reference, headed: bool
) -> None:
    originals = _one_document(large_text(400_000, headed=headed))
    gazetteer = _discovered(originals, reference)
    cuts = _cuts(originals, gazetteer, 2)
    assert len(cuts) == 3
    if headed:  # the chapters cut it near its middle
        assert 0.4 < cuts[1] / cuts[2] < 0.6
    _same_readings(originals, gazetteer, 2)


def test_parts_begin_where_a_heading_opens_a_run_else_where_a_paragraph_opens(
    project_paths: Paths, reference: Reference
) -> None:
    originals = _corpus_originals(project_paths)
    recogniser = Recogniser(reference.gazetteer)  # type: ignore[arg-type]
    sentences = [
        s for d, c in originals for s in read_document(d, recogniser, parse=False, clean=c)[1]
    ]
    for parts in (2, 3, 8, 50):
        cuts = split_reading.part_cuts(sentences, parts)
        assert cuts[0] == 0 and cuts[-1] == len(sentences)
        assert cuts == sorted(set(cuts)) and len(cuts) <= parts + 1
        assert all(sentences[i].opens_paragraph for i in cuts[1:-1])
        if parts <= 8:  # the corpus has headings enough near every share
            assert all(sentences[i].previous is None for i in cuts[1:-1])


def test_a_run_without_a_heading_is_cut_at_its_paragraphs(reference: Reference) -> None:
    text = "\n\n".join(["China and Brazil launched a satellite together."] * 40) + "\n"
    originals = _one_document(text)
    assert _cuts(originals, reference.gazetteer, 4) == [0, 10, 20, 30, 40]  # type: ignore[arg-type]


def _one_run(size: int) -> Originals:
    """The benchmark's text without its headings: one run of paragraphs."""
    text = large_text(size)
    clean = clean_document(_one_document(text)[0][0])
    kept = [clean.text[p.start : p.end].strip() for p in clean.paragraphs if not p.heading]
    return _one_document("\n\n".join(kept) + "\n")


def test_a_large_document_without_headings_read_in_parts_gives_the_same_readings(
    reference: Reference,
) -> None:
    originals = _one_run(400_000)
    gazetteer = _discovered(originals, reference)
    recogniser = Recogniser(gazetteer)
    sentences = read_document(*originals[0][:1], recogniser, parse=False, clean=originals[0][1])[1]
    assert sum(s.previous is None for s in sentences) == 1
    cuts = split_reading.part_cuts(sentences, 3)
    assert len(cuts) == 4 and all(sentences[i].previous is not None for i in cuts[1:-1])
    _same_readings(originals, gazetteer, 3)


_TIED = "The Uruguayan Space Agency and CNSA will jointly develop UruSat-1."
_FILLER = "The delegations met again in Beijing to review the schedule."
_LAUNCHED = "China will launch UruSat-1 on a Long March 6 rocket in 2034."


def test_a_part_that_read_notes_other_than_those_left_before_it_is_read_again(
    reference: Reference, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A craft tied to its partner in the first part and launched in the second: the
    child, reading nothing before its part, does not know the craft's partner and finds
    no launch; the check sees that it read the craft's partners otherwise than they were
    left, and the part is read again here."""
    text = "\n\n".join([_TIED, *[_FILLER] * 30, _LAUNCHED, *[_FILLER] * 10]) + "\n"
    originals = _one_document(text)
    gazetteer = _discovered(originals, reference)
    monkeypatch.setattr(split_reading, "WARM_UP_CHARS", 0)
    alone = extract.read_documents(originals, Recogniser(gazetteer))
    launched = [f for f in alone[0].facts if getattr(f, "activity", None) == "launched"]
    assert [(f.partner, f.spacecraft) for f in launched] == [("uruguayan-space-agency", "urusat-1")]
    assert split_reading.read_documents(originals, Recogniser(gazetteer), 2) == alone

    monkeypatch.setattr(watched_notes, "first_wrong", lambda _reads, _sentences: None)
    unchecked = split_reading.read_documents(originals, Recogniser(gazetteer), 2)
    assert unchecked != alone  # (what the check is for)


def test_a_part_keeps_its_facts_up_to_the_first_sentence_that_read_a_wrong_note() -> None:

    class Line:
        def __init__(self, notes: dict[str, object]) -> None:
            self.notes = notes

    before = [Line({"bilateral": ("br",)}), Line({"agreement_date": "2020"})]
    watched = [Line(dict(line.notes)) for line in before]
    reads = watched_notes.watch(watched, 2)  # type: ignore[arg-type]
    watched_notes.reading(2)
    assert watched[1].notes.get("agreement_date") == "2020"
    watched_notes.reading(3)
    assert "bilateral" in watched[0].notes
    watched_notes.reading(4)
    assert watched[0].notes.get("craft_partners") is None
    assert len(reads) == 3
    assert watched_notes.first_wrong(reads, before) is None  # type: ignore[arg-type]
    before[0].notes["craft_partners"] = {"urusat-1": "uruguay"}  # as the whole reading left it
    assert watched_notes.first_wrong(reads, before) == 4  # type: ignore[arg-type]
    before[0].notes = {}
    assert watched_notes.first_wrong(reads, before) == 3  # type: ignore[arg-type]


def test_a_build_reads_a_large_document_in_parts(
    reference: Reference, monkeypatch: pytest.MonkeyPatch
) -> None:
    originals = _one_document(large_text(250_000, headed=True))
    gazetteer = _discovered(originals, reference)
    alone = extract_parallel.read_in_parallel(originals, gazetteer, workers=1)
    used: list[int] = []
    real = split_reading.read_sentences_and

    def counted(sentences: Sequence, recogniser: Recogniser, parts: int, beside) -> tuple:  # type: ignore[no-untyped-def]
        used.append(parts)
        return real(sentences, recogniser, parts, beside)

    monkeypatch.setattr(split_reading, "read_sentences_and", counted)
    monkeypatch.setattr(split_reading, "SPLIT_FROM_CHARS", 100_000)
    assert extract_parallel.read_in_parallel(originals, gazetteer, workers=2) == alone
    assert used == [2]


def test_a_part_whose_process_is_lost_stops_the_reading_with_one_line(
    reference: Reference, monkeypatch: pytest.MonkeyPatch
) -> None:
    originals = _one_document(large_text(150_000, headed=True))
    gazetteer = reference.gazetteer
    assert gazetteer is not None
    parent, real = os.getpid(), split_reading._read

    def lost_in_a_child(sentences: Sequence, recogniser: Recogniser, first: int = 0) -> list:
        if os.getpid() != parent:
            os._exit(9)  # as a child killed, or out of memory
        return real(sentences, recogniser, first)

    monkeypatch.setattr(split_reading, "_read", lost_in_a_child)
    with pytest.raises(HelperLost, match="reading a large document ended"):
        split_reading.read_documents(originals, Recogniser(gazetteer), 2)


def test_a_heading_far_from_a_part_s_share_gives_way_to_a_paragraph_near_it(
    reference: Reference,
) -> None:
    """A document whose only heading comes early is cut at a paragraph near its
    middle: a part of a tenth of the text would save less than its fork costs."""
    prose = "\n\n".join(["China and Brazil launched a satellite together."] * 90)
    originals = _one_document(f"Early pages\n\nThey met.\n\nLater\n\n{prose}\n")
    assert reference.gazetteer is not None
    assert _cuts(originals, reference.gazetteer, 2) == [0, 46, 91]


def test_a_sentence_is_parsed_by_the_process_that_reads_it_or_once_before_the_parts(
    reference: Reference,
) -> None:
    """This process parses its own part, and, once, before the children are forked, the
    sentences whose text another part says too; a sentence only a child's part says is
    parsed there, and its parse stays there."""
    text = large_text(250_000, headed=True) + "\n\n" + distinct_text(250_000)
    originals = _one_document(text)
    gazetteer = _discovered(originals, reference)
    recogniser = Recogniser(gazetteer)
    sentences = [
        s for d, c in originals for s in read_document(d, recogniser, parse=False, clean=c)[1]
    ]
    cuts = split_reading.part_cuts(sentences, 2)
    first = {s.text for s in sentences[: cuts[1]]}
    facts = split_reading.read_sentences(sentences, recogniser, 2)
    assert len(facts) == len(sentences) and any(facts[cuts[1] :])
    assert any(s.parse is not None for s in sentences[: cuts[1]])
    later = list(zip(sentences[cuts[1] :], facts[cuts[1] :], strict=True))
    again = [s for s, _facts in later if s.text in first]
    only = [(s, found) for s, found in later if s.text not in first]
    assert any(s.parse is not None for s in again)  # (parsed here, before the fork)
    assert all(s.parse is None for s, _found in only)
    assert any(found for _s, found in only)  # (read, from parses made in the child)


def test_a_sentence_s_parse_does_not_depend_on_the_sentences_parsed_beside_it(
    project_paths: Paths, reference: Reference
) -> None:
    """What lets each part parse its own sentences: the corpus's sentences parsed in one
    batch, and in two halves the other way round, give the same words, tags, lemmas,
    dependencies and heads."""
    from graph import parsing
    from graph.reading import label_end

    originals = _corpus_originals(project_paths)
    recogniser = Recogniser(reference.gazetteer)  # type: ignore[arg-type]
    sentences = [
        s for d, c in originals for s in read_document(d, recogniser, parse=False, clean=c)[1]
    ]
    texts = list(dict.fromkeys(s.text[label_end(s) :] for s in sentences if s.mentions))
    assert len(texts) > 300

    def words(docs: list) -> list[list[tuple]]:
        return [[(t.text, t.tag_, t.lemma_, t.dep_, t.head.i) for t in doc] for doc in docs]

    half = len(texts) // 2
    together = words(parsing.parse_all(texts))
    apart = words(parsing.parse_all(texts[half:])) + words(parsing.parse_all(texts[:half]))
    assert apart[len(texts) - half :] + apart[: len(texts) - half] == together


class _Line:
    """A sentence as the watch sees it: only its notes."""

    def __init__(self, notes: dict[str, object]) -> None:
        self.notes = notes


def _watched_partners() -> tuple[list, object]:
    """The reads a part records while its one sentence's craft partners are looked up,
    and the partners it looked up."""
    guessed = [_Line({"craft_partners": {"urusat-1": "uruguay"}})]
    reads = watched_notes.watch(guessed, 1)  # type: ignore[arg-type]
    watched_notes.reading(1)
    return reads, guessed[0].notes.get("craft_partners")


def test_a_dict_note_is_checked_on_the_keys_the_part_looked_up() -> None:
    """A craft's partners grow through a whole run: a part that looks up only the crafts
    it names holds up when the dict really left has more crafts, not when one it looked
    up differs or when it read the dict whole; a sentence that kept the dict as its own
    note gets the one really left."""
    reads, memory = _watched_partners()
    assert memory and "urusat-1" in memory and memory["urusat-1"] == "uruguay"  # type: ignore[index,operator]
    kept = watched_notes.sent_back({"craft_partners": memory})
    left = [_Line({"craft_partners": {"cbers-4": "brazil", "urusat-1": "uruguay"}})]
    assert watched_notes.first_wrong(reads, left) is None  # type: ignore[arg-type]
    assert watched_notes.resolved(kept, left) == {"craft_partners": left[0].notes["craft_partners"]}  # type: ignore[arg-type]

    other = [_Line({"craft_partners": {"urusat-1": "uruguayan-space-agency"}})]
    assert watched_notes.first_wrong(reads, other) == 1  # type: ignore[arg-type]

    watched_notes.reading(2)
    assert dict(memory) == {"urusat-1": "uruguay"}  # type: ignore[call-overload]
    assert watched_notes.first_wrong(reads, left) == 2  # type: ignore[arg-type]


def test_a_part_inside_a_run_is_kept_when_what_it_read_before_it_holds(
    reference: Reference, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The benchmark's text without headings, in two parts: the child's guess of the
    notes before its part (a craft's partners among them) holds for every read its part
    made, so none of its sentences is read again."""

    originals = _one_run(1_000_000)
    gazetteer = _discovered(originals, reference)
    found: list[int | None] = []
    real = watched_notes.first_wrong

    def recorded(reads: Sequence, sentences: Sequence) -> int | None:
        found.append(real(reads, sentences))
        assert len(reads) > 100
        return found[-1]

    monkeypatch.setattr(watched_notes, "first_wrong", recorded)
    _same_readings(originals, gazetteer, 2)
    assert found == [None]


def test_a_watched_dict_sent_back_inside_another_note_counts_as_read_whole() -> None:
    import pickle

    reads, memory = _watched_partners()
    sent = pickle.loads(pickle.dumps({"kept": (memory,)}))
    assert sent == {"kept": ({"urusat-1": "uruguay"},)}
    assert type(sent["kept"][0]) is dict
    left = [_Line({"craft_partners": {"cbers-4": "brazil", "urusat-1": "uruguay"}})]
    assert watched_notes.first_wrong(reads, left) == 1  # type: ignore[arg-type]


def test_a_large_document_is_read_with_the_collector_waiting_and_on_again_after(
    reference: Reference, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading leaves no garbage in reference cycles, so a full pass of the collector
    over every sentence held only costs time: it waits until the reading is done, even
    one that fails."""
    import gc

    originals = _one_document(large_text(150_000, headed=True))
    gazetteer = reference.gazetteer
    assert gazetteer is not None
    collecting: list[bool] = []
    real = split_reading._read

    def noted(sentences: Sequence, recogniser: Recogniser, first: int = 0) -> list:
        collecting.append(gc.get_threshold()[0] > 0)
        return real(sentences, recogniser, first)

    monkeypatch.setattr(split_reading, "_read", noted)
    before = gc.get_threshold()
    split_reading.read_documents(originals, Recogniser(gazetteer), 2)
    assert collecting and not any(collecting)  # (the parser loaded meanwhile, or before)
    assert gc.get_threshold() == before

    def failing(sentences: Sequence, recogniser: Recogniser, first: int = 0) -> list:
        raise RuntimeError("a rule failed")

    monkeypatch.setattr(split_reading, "_read", failing)
    with pytest.raises(RuntimeError):
        split_reading.read_documents(originals, Recogniser(gazetteer), 2)
    assert gc.get_threshold() == before


def test_the_work_beside_the_reading_is_done_by_the_last_part_s_child(
    reference: Reference,
) -> None:
    """What the document needs once its sentences are read (its unknown names) is done
    by the child that reads the last part, after it, while this process reads the first
    part; read in one part, it is done here."""
    originals = _one_document(large_text(250_000, headed=True))
    gazetteer = _discovered(originals, reference)
    recogniser = Recogniser(gazetteer)
    sentences = [
        s for d, c in originals for s in read_document(d, recogniser, parse=False, clean=c)[1]
    ]
    alone = split_reading.read_sentences(sentences, recogniser, 1)
    for sentence in sentences:  # (as read_document left them)
        sentence.notes = {}
    facts, by = split_reading.read_sentences_and(sentences, recogniser, 2, os.getpid)
    assert facts == alone
    assert by != os.getpid()
    assert (
        split_reading.read_sentences_and(sentences[:3], recogniser, 1, os.getpid)[1] == os.getpid()
    )
