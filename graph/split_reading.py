"""Read one large document's sentences in several processes, with the facts one finds.

Reading the sentences (every fact family on each) is most of a large document's
extraction, and it runs in one process while the machine has more cores. A sentence's
reading depends on the sentences before it only through its ``previous`` (the sentence
before it since the last heading: the notes a family leaves there, such as the bilateral
partners, an agreement's date or a craft's partners) and its ``lead_in`` (a line of the
same run, or the heading above, which is never read). Both stay inside a run of
sentences that a heading, or the document's start, opens (``previous is None``). So the
sentences are cut into parts at such openings only, of about equal text.

The rest of the reading context is made once, here, as ``extract.read_documents``
makes it: the document is cleaned and cut into sentences with their context (headings,
tables, lists, the withdrawn records). The process is then forked: each child parses
and reads its part from the state it was forked with (the parser loaded) and sends back
its facts, while this process parses and reads the first part. The parse is the larger
half of the work on text that does not repeat (1.3 MB of the corpus's and held-out
sets' documents: 6,111 sentences to parse, 13.5 s in one process, against 16 s by
spaCy's own two processes, whose parses travel back as msgpack), and a sentence's parse
does not depend on the sentences parsed beside it (``tests/test_split_reading.py``). The
facts are put back in sentence order, so the readings are those of one process reading
them all in turn (the tests compare them).

Forked, not spawned: a spawned helper would have to clean and cut the document again.
A fork does not carry threads over, so a process running threads of its own reads
alone.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Sequence

from graph import extract, parsing
from graph.helper_pool import forked_pool
from graph.model import Document, Fact
from graph.normalise import CleanText
from graph.quiet_workers import interrupts_held
from graph.reading import Sentence, parse_sentences, read_document
from graph.recognise import Recogniser

# below this many characters of text the fork and the facts' way back cost more than
# reading in one process: only a large document is read in parts
SPLIT_FROM_CHARS = 400_000

_shared: tuple[list[Sentence], Recogniser] | None = None  # what a forked child reads


def read_documents(
    originals: Sequence[tuple[Document, CleanText]],
    recogniser: Recogniser,
    parts: int,
) -> list[extract.DocumentReading]:
    """``extract.read_documents``, the sentences read in up to ``parts`` processes.

    :raises HelperLost: a child ended before its part was read (killed, out of memory).
    """
    read = [read_document(d, recogniser, parse=False, clean=c) for d, c in originals]
    sentences = [s for _clean, own, _found in read for s in own]
    facts = read_sentences(sentences, recogniser, parts)  # (parsed there, each part apart)
    readings = []
    at = 0
    for (clean, own_sentences, found), (document, _c) in zip(read, originals, strict=True):
        own = [f for each in facts[at : at + len(own_sentences)] for f in each]
        at += len(own_sentences)
        own = extract._with_records(own, document, clean, found, recogniser.gazetteer)
        unknown = recogniser.unknown_names(document.id, clean, found)
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
    cuts = part_cuts(sentences, parts)
    if len(cuts) < 3 or threading.active_count() > 1:
        return _read(sentences, recogniser)
    parsing.load_parser()  # once, here: the children are forked with it
    global _shared
    _shared = (list(sentences), recogniser)
    try:
        with forked_pool(len(cuts) - 2, "reading a large document") as pool:
            with interrupts_held():  # the children are forked as the first part is given
                futures = [pool.submit(_read_part, a, b) for a, b in itertools.pairwise(cuts[1:])]
            own = _read(sentences[: cuts[1]], recogniser)
            return own + [facts for future in futures for facts in future.result()]
    finally:
        _shared = None


def part_cuts(sentences: Sequence[Sentence], parts: int) -> list[int]:
    """Where the parts begin, and the end: ``[0, ..., len(sentences)]``. A part begins
    only where a run of sentences begins (``previous is None``), the one nearest to an
    equal share of the text, and not more than half a share away from it (a part much
    shorter than its share saves less than its fork costs): fewer parts where there are
    fewer runs, none in a document that is one run after its first pages."""
    if not sentences:
        return [0]
    ends: list[int] = []  # the text read up to each sentence's end
    total = 0
    for sentence in sentences:
        total += sentence.end - sentence.start
        ends.append(total)
    openings = [i for i, s in enumerate(sentences) if i and s.previous is None]
    cuts = [0]
    for k in range(1, parts):
        share = total * k / parts
        nearest = min(openings, key=lambda i: abs(ends[i - 1] - share), default=None)
        if (
            nearest is not None
            and nearest > cuts[-1]
            and abs(ends[nearest - 1] - share) <= total / parts / 2
        ):
            cuts.append(nearest)
    return [*cuts, len(sentences)]


def _read(sentences: Sequence[Sentence], recogniser: Recogniser) -> list[list[Fact]]:
    """The sentences parsed (those not yet) and read, in order."""
    parse_sentences([s for s in sentences if s.parse is None])
    return [extract.read_sentence(s, recogniser.gazetteer) for s in sentences]


def _read_part(start: int, end: int) -> list[list[Fact]]:
    """In a forked child: the facts of sentences ``start:end`` of those it was forked
    with."""
    assert _shared is not None, "a part read outside a forked child"
    sentences, recogniser = _shared
    return _read(sentences[start:end], recogniser)
