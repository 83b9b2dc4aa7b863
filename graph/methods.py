"""How a fact was found: the mechanisms a researcher can filter facts by.

Each name is a concept of the scheme ``csk:ExtractionMethods`` in ``ontology/schemes.ttl``
(IRI ``id/method/<name>``), with a definition written for researchers; a fact carries
exactly one (``csk:method``). When several statements of one fact were found by
different mechanisms, the curated one wins, then the first in this order.
"""

from __future__ import annotations

METHODS: dict[str, str] = {
    "curated": "Added or confirmed by a person in the curation file, with the quote that "
    "states it.",
    "cooperation-syntax": "A partner's role in the parsed sentence (with, together with, "
    "from, by, for, a co-subject of China, a possessive or apposition) next to a word of "
    "cooperation; the area is the clause's own, else the mission's or the section's.",
    "cooperation-list-item": "A bulleted or tabular line naming a partner, read under the "
    "lead-in line or table header that gives its mission and area.",
    "cooperation-anaphora": '"The two countries" or "they" resolved to the partner of '
    "the sentence before.",
    "learned-area": "A cooperation fact a rule found, whose area a model trained on the "
    "annotated development sets set again from the words of its clause, where it was "
    "confident and the rule's area much less likely.",
    "table-row": "A row of a plain-text table, read by its header (which column names the "
    "partner, the spacecraft, the date) and its caption (what the rows are).",
    "record-fields": "A record of labelled fields (a treaty register's or database's "
    '"Title:", "Type:", "Parties:", "Signed:" lines), read as one agreement.',
    "agreement-phrase": "A kind of agreement (memorandum of understanding, outline, letter "
    "of intent...) with the parties that signed or issued it and its date.",
    "spacecraft-trigger": "A verb of building, delivering, launching or joint development "
    "with the spacecraft it governs and the partner it was for or with.",
    "spacecraft-name": "A partner named inside a spacecraft's own name (\"China-Brazil "
    'Earth Resources Satellite").',
    "spacecraft-trade": "A launch sold as a service or satellites exported: a launch "
    "for each customer, or a build for each buyer, the sentence names, the craft unnamed.",
    "participation-phrase": "China taking part in, joining, hosting or chairing an "
    "organisation or mechanism.",
    "ground-station-phrase": "Ground or receiving stations built with a partner.",
    "numeric-total": "A number of cooperation documents, partners, launches or services "
    "that a document states.",
}
ORDER = tuple(METHODS)


def preferred(a: str, b: str) -> str:
    """The method a merged fact keeps."""
    if not a:
        return b
    if not b:
        return a
    return min(a, b, key=ORDER.index)
