"""Read one large document's sentences in several processes, with the facts one finds.

Reading the sentences (every fact family on each) is most of a large document's
extraction, and it runs in one process while the machine has more cores. A sentence's
reading depends on the sentences before it only through its ``previous`` (the sentence
before it since the last heading: the notes a family leaves there, such as the bilateral
partners, an agreement's date or a craft's partners) and its ``lead_in`` (a line of the
same run, or the heading above, which is never read). Both stay inside a run of
sentences that a heading, or the document's start, opens (``previous is None``). So the
sentences are cut into parts of about equal text at such openings where there is one
near the share; there a part reads nothing of the parts before it.

A document without headings is one run; it is cut at a paragraph. The child first reads
some of the sentences before its part again (back to the run's opening, or
``WARM_UP_CHARS``), so that the notes its first sentences read are, most often, those
the whole reading leaves; every read of a note before the part is logged
(``graph/watched_notes.py``). Once this process has read the part before, the log is
checked against the notes it really left: the child's facts are kept up to the first
sentence that read anything else, and read again here from there. The notes that last a
whole run (a craft's partners, the last signing date) make that check fail where the
text before the warm-up tied a craft that the warm-up did not; the part is then read
here, as one process would, only later.

The rest of the reading context is made once, here, as ``extract.read_documents``
makes it: the document is cleaned and cut into sentences with their context (headings,
tables, lists, the withdrawn records). The process is then forked: each child parses
and reads its part from the state it was forked with (the parser loaded) and sends back
its facts, while this process parses and reads the first part. The parse is the larger
half of the work on text that does not repeat (1.3 MB of the corpus's and held-out
sets' documents: 6,111 sentences to parse, 13.5 s in one process, against 16 s by
spaCy's own two processes, whose parses travel back as msgpack), and a sentence's parse
does not depend on the sentences parsed beside it (``tests/test_split_reading.py``); a
sentence whose text two parts say is parsed once, here, before the fork. The
facts are put back in sentence order, so the readings are those of one process reading
them all in turn (the tests compare them).

Forked, not spawned: a spawned helper would have to clean and cut the document again.
A fork does not carry threads over, so a process running threads of its own reads
alone.
"""

from __future__ import annotations

import itertools
import pickle
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

from graph import extract, parsing, watched_notes
from graph.helper_pool import collection_waiting, forked_pool
from graph.model import Document, Fact, UnknownName
from graph.normalise import CleanText
from graph.quiet_workers import interrupts_held
from graph.reading import Sentence, read_document
from graph.recognise import Recogniser
from graph.sentence_parses import parse_sentences

# below this many characters of text the fork and the facts' way back cost more than
# reading in one process: only a large document is read in parts
SPLIT_FROM_CHARS = 400_000
# what a part that begins inside a run reads before it, at most, to guess its notes
WARM_UP_CHARS = 250_000

# what a forked child reads: the sentences, the recogniser, each sentence's notes as
# reading found them (a child given a second part starts again from those), and the
# work the last part's child does after its part
Shared = tuple[list[Sentence], Recogniser, list[dict[str, object]], Callable[[], object]]
_shared: Shared | None = None
T = TypeVar("T")


def read_documents(
    originals: Sequence[tuple[Document, CleanText]],
    recogniser: Recogniser,
    parts: int,
) -> list[extract.DocumentReading]:
    """``extract.read_documents``, the sentences read in up to ``parts`` processes.

    :raises HelperLost: a child ended before its part was read (killed, out of memory).
    """
    # the collector waits while a large document is read: its sentences, their mentions
    # and notes live until the reading ends, each full pass walked them all again, and
    # reading leaves no garbage in reference cycles (7 objects for 2 MB)
    with collection_waiting():
        read = [read_document(d, recogniser, parse=False, clean=c) for d, c in originals]
        sentences = [s for _clean, own, _found in read for s in own]

        def unknown_names() -> list[list[UnknownName]]:
            return [
                recogniser.unknown_names(document.id, clean, found)
                for (clean, _own, found), (document, _c) in zip(read, originals, strict=True)
            ]

        # (parsed there, each part apart; the unknown names by the last part's child)
        facts, unknowns = read_sentences_and(sentences, recogniser, parts, unknown_names)
    readings = []
    at = 0
    for (clean, own_sentences, found), (document, _c), unknown in zip(
        read, originals, unknowns, strict=True
    ):
        own = [f for each in facts[at : at + len(own_sentences)] for f in each]
        at += len(own_sentences)
        own = extract.finish_reading(own, document, clean, found, recogniser.gazetteer)
        readings.append(
            extract.DocumentReading(tuple(own), frozenset(f.key for f in found), tuple(unknown))
        )
    return readings


def read_sentences(
    sentences: Sequence[Sentence], recogniser: Recogniser, parts: int
) -> list[list[Fact]]:
    """Each sentence's facts (``extract.read_sentence``), in order, parsed where not
    yet and read in up to ``parts`` processes (this one and forked children).

    :raises HelperLost: a child ended before its part was read (killed, out of memory).
    """
    return read_sentences_and(sentences, recogniser, parts, lambda: None)[0]


def read_sentences_and(
    sentences: Sequence[Sentence], recogniser: Recogniser, parts: int, beside: Callable[[], T]
) -> tuple[list[list[Fact]], T]:
    """``read_sentences``, and what ``beside`` returns, called by the last part's child
    after its part (here when the sentences are read in one part). This process reads
    the first part, parses its sentences and checks the parts after it; the document's
    own work after the reading (its unknown names, 0.6 s at 10 MB) was left to this
    process alone while the child had done its part.

    :raises HelperLost: a child ended before its part was read (killed, out of memory).
    """
    cuts = part_cuts(sentences, parts)
    if len(cuts) < 3 or threading.active_count() > 1:
        return _read(sentences, recogniser), beside()
    parsing.load_parser()  # once, here: the children are forked with it
    parse_sentences(said_in_two_parts(sentences, cuts))  # (once, here: the children share it)
    global _shared
    _shared = (list(sentences), recogniser, [dict(s.notes) for s in sentences], beside)
    try:
        with forked_pool(len(cuts) - 2, "reading a large document") as pool:
            with interrupts_held():  # the children are forked as the first part is given
                futures = [
                    pool.submit(_read_part, a, b, b == len(sentences))
                    for a, b in itertools.pairwise(cuts[1:])
                ]
            facts = _read(sentences[: cuts[1]], recogniser)
            besides = []
            for (a, b), future in zip(itertools.pairwise(cuts[1:]), futures, strict=True):
                part = future.result()
                facts += _checked(sentences, recogniser, a, b, part)
                besides.append(part[3])
            return facts, besides[-1]  # type: ignore[return-value]
    finally:
        _shared = None


# facts, pickled notes, reads, and what ``beside`` returned (the last part's child)
Part = tuple[list[list[Fact]], bytes, list[watched_notes.Read], object]


def _checked(
    sentences: Sequence[Sentence], recogniser: Recogniser, start: int, end: int, part: Part
) -> list[list[Fact]]:
    """A child's facts of sentences ``start:end``, kept up to the first sentence that read
    a note before the part other than this process's reading left it, and read again
    here from there; the part's notes are left on its sentences, as reading leaves them,
    for the parts after it."""
    facts, sent, reads, _beside = part
    notes = pickle.loads(sent)
    wrong = watched_notes.first_wrong(reads, sentences)
    kept = end if wrong is None else wrong
    for sentence, own in zip(sentences[start:kept], notes, strict=False):
        sentence.notes = watched_notes.resolved(own, sentences)
    return facts[: kept - start] + _read(sentences[kept:end], recogniser)


def said_in_two_parts(sentences: Sequence[Sentence], cuts: Sequence[int]) -> list[Sentence]:
    """The sentences not yet parsed whose text another part says too (a repeated notice,
    a long report's boilerplate): parsed here before the fork, once, where each part
    would parse it again (1.2 CPU s of the benchmark's 10 MB, whose text repeats)."""
    first: dict[str, int] = {}  # each text, and the first part that says it
    again: set[str] = set()
    for part, (a, b) in enumerate(itertools.pairwise(cuts)):
        for sentence in sentences[a:b]:
            if first.setdefault(sentence.text, part) != part:
                again.add(sentence.text)
    return [s for s in sentences if s.parse is None and s.text in again]


def part_cuts(sentences: Sequence[Sentence], parts: int) -> list[int]:
    """Where the parts begin, and the end: ``[0, ..., len(sentences)]``. A part begins
    where a run of sentences begins (``previous is None``), the one nearest to an equal
    share of the text and not more than half a share away from it (a part much shorter
    than its share saves less than its fork costs), else at the paragraph nearest to the
    share inside a run (read from notes guessed, then checked: ``_read_part``)."""
    if not sentences:
        return [0]
    ends: list[int] = []  # the text read up to each sentence's end
    total = 0
    for sentence in sentences:
        total += sentence.end - sentence.start
        ends.append(total)
    runs = [i for i, s in enumerate(sentences) if i and s.previous is None]
    paragraphs = [i for i, s in enumerate(sentences) if i and s.opens_paragraph]
    cuts = [0]
    for k in range(1, parts):
        share = total * k / parts
        for openings in (runs, paragraphs):
            nearest = min(openings, key=lambda i: abs(ends[i - 1] - share), default=None)
            if (
                nearest is not None
                and nearest > cuts[-1]
                and abs(ends[nearest - 1] - share) <= total / parts / 2
            ):
                cuts.append(nearest)
                break
    return [*cuts, len(sentences)]


def _read(
    sentences: Sequence[Sentence], recogniser: Recogniser, first: int = 0
) -> list[list[Fact]]:
    """The sentences parsed (those not yet) and read, in order (``first``: the index of
    the first, for the log of what they read)."""
    parse_sentences([s for s in sentences if s.parse is None])
    facts = []
    for n, sentence in enumerate(sentences):
        watched_notes.reading(first + n)
        facts.append(extract.read_sentence(sentence, recogniser.gazetteer))
    return facts


def _read_part(start: int, end: int, last: bool = False) -> Part:
    """In a forked child: the facts of sentences ``start:end`` of those it was forked
    with, their notes, what they read of the notes before them, and (``last``) what the
    work beside the reading returns. A part that begins
    inside a run first reads the sentences before it back to the run's opening (or
    ``WARM_UP_CHARS`` of text, or a quarter of its own), to leave the notes its first
    sentences read as the whole reading would, most often."""
    assert _shared is not None, "a part read outside a forked child"
    sentences, recogniser, unread, beside = _shared
    for sentence, notes in zip(sentences, unread, strict=True):
        sentence.notes = dict(notes)
    budget = min(WARM_UP_CHARS, sum(s.end - s.start for s in sentences[start:end]) // 4)
    warm = start
    while warm > 0 and sentences[warm].previous is not None and budget > 0:
        warm -= 1
        budget -= sentences[warm].end - sentences[warm].start
    _read(sentences[warm:start], recogniser)
    reads = watched_notes.watch(sentences, start)
    facts = _read(sentences[start:end], recogniser, start)
    # (pickled before the log is copied: a watched dict inside a note is logged as read)
    notes = pickle.dumps([watched_notes.sent_back(s.notes) for s in sentences[start:end]])
    return facts, notes, list(reads), beside() if last else None
