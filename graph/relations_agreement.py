"""Agreements: a signing verb and an agreement noun, with at least one named partner.

The kind comes from the noun ("supplementary agreement", "memorandum of
understanding", "letter of intent", "cooperation intention", "joint statement",
"outline"); a capitalised or quoted noun phrase is the agreement's title (both read by
``graph.agreement_nouns``). Parties are the names in the title, the list ``with`` whom
it was signed, the co-subject ("China and Russia signed"), the partner "the two
countries" refer to, or the owner of the noun ("the Organization's cooperation
intention"); China is a party unless a Chinese body is named instead. "Agreements with
A, B and C" are one agreement per partner. A verbless fragment naming another agreement
("Memorandum of understanding to ...") continues the previous sentence's agreement and
takes its parties.
"""

from __future__ import annotations

import re

from graph.agreement_agents import signed_by
from graph.agreement_anaphora import anaphora_parties, state_meant
from graph.agreement_dates import (
    dated_after,
    dateline_after,
    document_signed_on,
    period_after,
    place_and_day,
)
from graph.agreement_frame import agreement_frame, made_at, own_clause_text, parties_framed
from graph.agreement_lines import (
    ALSO_SIGNED,
    AT_THE_EVENT,
    DATED_ENTRY,
    event_day,
    label_parties,
    opening_noun,
    parties_after_noun,
    parties_before_noun,
)
from graph.agreement_list_date import list_date
from graph.agreement_nouns import AGREEMENT_NOUN, KINDS, counted, title_end
from graph.agreement_own_text import is_own_title, own_text
from graph.agreement_parties import (
    apposed_clause_end,
    dates_after_partners,
    own_partners,
    parties_of,
)
from graph.agreement_publisher import own_chinese_body
from graph.agreement_same_day import day_before, signing_day
from graph.agreement_status import signing_status
from graph.agreement_subjects import subject_of
from graph.agreement_that_year import year_meant
from graph.dates import date_in, period_in, when_clause_date
from graph.gazetteer import CHINA, Gazetteer
from graph.grammar import Group, clause_of, clauses, foreign_subject
from graph.model import Agreement, EntityKind
from graph.negation import negated
from graph.reading import Sentence
from graph.third_party_documents import documents_of_others
from graph.two_bodies import TWO_BODIES, body_before

# "under the agreement signed with X", "in line with this memorandum": a document told
# about before, the frame of what the sentence reports, not a signing it reports
_BACK_REFERENCE = re.compile(
    r"\b(?:under|according\s+to|in\s+line\s+with|in\s+accordance\s+with|pursuant\s+to|"
    r"as\s+part\s+of|within\s+the\s+framework\s+of)\s+(?:the|this|that|these|those|its|"
    r"their)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_SIGNED_RELATIVE = re.compile(
    r"[^.;:]{0,120}?,?\s+(?:which|that)\s+(?P<who>[^.;:,]{1,80}?)\s+"
    r"(?:had\s+|has\s+|have\s+|jointly\s+)?(?P<verb>signed|concluded|inked)\b",
    re.IGNORECASE,
)
_SAME_DAY = re.compile(r"\b(?:on\s+)?the\s+same\s+(?:day|date)\b", re.IGNORECASE)


_SIGN = re.compile(
    r"\b(?:sign(?:ed|s|ing)?|issued|concluded|inked|renewed|enter(?:ed|s|ing)?\s+into|exchanged)\b",
    re.IGNORECASE,
)
# a document both sides settled without a signing: "the plan was agreed between A and B"
_AGREED = re.compile(r"\b(?:was|were|has\s+been|have\s+been)\s+(?:agreed|adopted)\b")
# the names an item line opens with, up to its dash: "Egyptian Space Agency (Egypt) - "
# (or a label's colon: "Egypt: MoU w/ CNSA on ILRS (Dec 2024)")
_AFTER_NAMES = re.compile(r"[^\u2014\u2013:]{3,90}?(?:\s(?:\u2014|\u2013|-)\s+|:\s+)")

_OF_A_YEAR = re.compile(r"\b(?:the|its|their)\s+(?:19|20)\d\d\s+(?:[\w-]+\s+){0,2}$", re.I)
_DATED_WITH = re.compile(r"\s+(?:with|between)\s+(?:the\s+)?[A-Z]")
_STANDING = re.compile(
    r"\s+between\s+(?:the\s+)?[A-Z][^.;]{2,120}?\s+"
    r"(?:covers|covered|provides|provided|governs|governed|sets\s+out|set\s+out|establishes|"
    r"established|runs|ran|remains|is\s+in\s+force|has\s+been\s+in\s+force)\b"
)
# a signing put at a distance from the sentence's time ("three years after the two sides
# signed a contract"); not a date's own note ("on 10 February, a day before the ceremony,")
_RELATIVE_TIME = re.compile(
    r"\b(?:years?|months?|weeks?|days?|decades?)\s+(?:after|before)\s+(?:[^,;.]*?\s)?"
    r"(?:signed|signing|concluded|inked)\b",
    re.IGNORECASE,
)


def extract(sentence: Sentence, groups: list[Group], gazetteer: Gazetteer) -> list[Agreement]:
    """Agreements the sentence reports as signed or issued."""
    text = sentence.text
    own = own_text(sentence)
    if own is not None:
        return own
    bare = re.sub(r"^(?:[-\u2022*]|\(?\d{1,2}[.)]|\(?[a-h][.)])\s*", "", text)  # "* ", "1. ", "(b)"
    undated = DATED_ENTRY.sub("", bare)  # "22 May: Memorandum of understanding between ..."
    entry_dated, bare = undated != bare, undated
    cells = bare.rsplit(" | ", 1)
    if len(cells) == 2 and AGREEMENT_NOUN.match(_ARTICLE.sub("", cells[1])):
        # "Mar 2025 | Malaysia | memorandum of understanding between CNSA and MYSA": a
        # row of a list whose last cell is the document, dated by the cells before it
        entry_dated, bare = date_in(cells[0], sentence.doc.meta.issued)[0] is not None, cells[1]
    bare = _ARTICLE.sub("", bare)  # "(a) a Memorandum of Understanding between ..."
    # "Egyptian Space Agency - cooperation agreement, Jan 2025": a list of who signed what
    listed_kind = _AFTER_NAMES.match(bare)
    if listed_kind and listed_kind.group(0).rstrip().endswith(":"):
        # a label's colon after a name ("Egypt:"), not a record's field ("Title:")
        label_at = len(text) - len(bare)
        if not any(
            label_at <= f.start - sentence.start < label_at + listed_kind.end()
            and f.kind in (EntityKind.COUNTRY, EntityKind.ORGANISATION)
            for f in sentence.mentions
        ):
            listed_kind = None
    label: tuple[str, ...] = ()  # "CNES and CMSA: agreement ...": the label's names sign it
    if listed_kind and AGREEMENT_NOUN.match(bare, listed_kind.end()):
        label = label_parties(
            sentence, len(text) - len(bare), len(text) - len(bare) + listed_kind.end()
        )
        bare = bare[listed_kind.end() :]
    opening = opening_noun(bare)
    fragment = opening is not None and not _SIGN.search(text)
    # "2021: CNSA and Roscosmos memorandum of understanding on the ILRS": the parties
    # name the line's document before its noun
    owners, owned_at = parties_before_noun(sentence)
    if owners and not _SIGN.search(text):
        fragment, opening, bare = True, owned_at, text
    masked = [
        (f.start - sentence.start, f.end - sentence.start)
        for f in sentence.mentions
        if not f.nested
    ]
    out: list[Agreement] = []
    kinds = list(AGREEMENT_NOUN.finditer(text))
    for m in kinds:
        if any(a <= m.start() < b for a, b in masked):
            continue
        # "the memorandum on the ILRS that it signed with CNSA on 9 March 2021": a
        # document named again, whose signing its relative clause states
        relative = _SIGNED_RELATIVE.match(text, m.end())
        if relative is None and _BACK_REFERENCE.search(text[: m.start()]):
            continue  # "Under the agreement signed with Uzbekcosmos, the Chinese side will"
        sign = list(_SIGN.finditer(text[: m.start()]))
        own_clause = clause_of(clauses(text), m.start())
        # "a memorandum ... was signed between A and B", "an agreement signed by A, B, C"
        signed_after = _SIGN.search(text, m.end(), own_clause[1])
        if signed_after is not None and any(
            m.end() <= k.start() < signed_after.start() for k in kinds
        ):
            # "The agreement follows a memorandum ... signed by the two agencies": the
            # signing is the nearer document's
            signed_after = None
        if signed_after is None and relative is not None:
            sign, signed_after = [], _SIGN.search(text, relative.start("verb"))
        if signed_after is None and not sign:
            # "A second document, a letter of intent on ..., was signed by A and B"
            after = apposed_clause_end(text, m.start(), own_clause)
            signed_after = _SIGN.search(text, m.end(), after) if after else None
        if signed_after is None:  # "A memorandum between A and B ..., signed on 17 June"
            signed_after = re.compile(r"\s*(?:signed|issued|concluded)\b").match(
                text, own_clause[1]
            )
        if signed_after is None:  # "A cooperation plan ... was agreed between A and B"
            signed_after = _AGREED.search(text, m.end(), own_clause[1])
        if signed_after is None and not sign:
            # "A separate agreement between A and B covers a joint programme": a document
            # the sentence states to exist, by the parties between whom it is
            signed_after = _STANDING.match(text, m.end())
        if signed_after is None and not sign and _OF_A_YEAR.search(text, 0, m.start()):
            # "the negotiation of the 2029 memorandum of understanding with CNSA": a
            # document named by the year it was signed and the party it was signed with
            signed_after = _DATED_WITH.match(text, m.end())
        frame = agreement_frame(sentence, (m.start(), m.end()))
        made = None if signed_after or sign or fragment else made_at(text, frame)
        signed_after = signed_after or made
        if (
            not sign
            and signed_after is None
            and not (fragment and m.start() <= len(text) - len(bare) + (opening or 0))
        ):
            continue
        if re.search(r"\b(?:no|never\s+an?)\s+(?:[\w-]+\s+)?$", text[: m.start()], re.I) or (
            not sign and signed_after is not None and negated(sentence, signed_after.start())
        ):
            continue  # "for which no contract has been signed"
        if sign and (
            negated(sentence, sign[-1].start())
            or foreign_subject(sentence, groups, sign[-1].start(), gazetteer.domestic)
        ):
            continue
        kind = KINDS[next(k for k, v in m.groupdict().items() if v)]
        if counted(text, m):
            continue  # "signed four cooperation documents with X": a total, not one document
        title_span = None
        title = None
        quote_before = text[max(0, m.start() - 1) : m.start()]
        if quote_before in ('"', "\u201c"):
            close = re.search(r"[\"\u201d]", text[m.start() :])
            if close:
                title_span = (m.start(), m.start() + close.start())
        elif m.group(0)[:1].isupper() and m.start() > 0 and not fragment:
            title_span = (m.start(), title_end(text, m.start()))
        if title_span:
            title = text[title_span[0] : title_span[1]]
        noun = (m.start(), m.end())
        named, listed = parties_of(sentence, groups, noun, title_span, gazetteer)
        listed = own_partners(listed, groups, m, kinds)
        named, listed = (list(label), []) if label else (named, listed)
        at = signed_after.start() if signed_after else m.end()
        agents = [] if label else signed_by(sentence, at)
        if agents:  # "a plan, signed on 12 June by A (AO) and B": the names after "by"
            named, listed = (agents, []) if len(agents) > 1 else ([*agents, *named], listed)
        if relative is not None and relative.group("who").lower() in ("it", "they"):
            # "... that it signed with CNSA": the pronoun is the clause's subject before
            named += [k for g in groups[:1] if g.end <= m.start() for k in g.keys]
        closing = parties_after_noun(sentence, m.end()) if fragment else ()
        if closing:  # the names a verbless line closes with are who signed
            named, listed = list(closing), []
        if fragment and not any(k not in gazetteer.domestic for k in named + listed):
            # "- Egypt: memorandum of understanding with CNSA": the line's label is the
            # partner beside the Chinese body the line names
            named += [k for g in groups if g.role == "item" and g.end <= m.start() for k in g.keys]
        if fragment and m.start() == owned_at:
            named = list(dict.fromkeys([*owners, *named]))
        if fragment and not named and not listed and sentence.previous is not None:
            named = list(sentence.previous.notes.get("agreement_parties", ()))
        if fragment and not named and not listed and sentence.section_partner:
            # "- 12 March 2019 — Memorandum of Understanding on ..." in a page's section
            # headed "Kenya": the partner the heading names signed it
            named = [sentence.section_partner]
        lead = sentence.lead_in
        if fragment and not named and not listed and lead is not None and _SIGN.search(lead.text):
            # "(a) Memorandum of Understanding on ..." under "the two sides signed the
            # following documents:": signed by those who signed them all, on their date
            named = list(lead.notes.get("bilateral", ()))
            named += [k for k in sentence.agreement_parties[1] if lead.notes.get("bilateral")]
        if frame is not None and not label:
            framed = parties_framed(sentence, frame, named + listed, made is not None, gazetteer)
            if framed is None:
                continue  # a document only the frame knows was made, by parties it cannot name
            named, listed = (framed, []) if framed else (named, listed)
        said_again = {k for g in groups if g.role == "anaphora" for k in g.keys}
        if any(k not in said_again and k not in gazetteer.domestic for k in named + listed):
            # "the two sides signed ..., including a memorandum between CNSA and SUPARCO":
            # the parties the sentence names come before those "the two sides" stand for
            named = [k for k in named if k not in said_again or k in listed]
        elif state := state_meant(sentence, _signing(text, own_clause, signed_after), gazetteer):
            # "the two governments signed": the state named before, not its agency
            named = [k for k in named if k not in said_again] + [state]
        if anaphora_parties(sentence, named, gazetteer):
            # "the two sides signed": China's side is the one the joint statement names
            named += list(sentence.agreement_parties[1])
        domestic_named = [k for k in named if k in gazetteer.domestic and k != CHINA]
        if not domestic_named and TWO_BODIES.search(text):
            # "the two agencies signed": China's agency is the one the text just named
            domestic_named = body_before(sentence, gazetteer)
            named += domestic_named
        if TWO_BODIES.search(text) and all(k in gazetteer.domestic for k in named):
            named += body_before(sentence, gazetteer, chinese=False)  # the other one
        base = [k for k in named if k != CHINA]
        if not domestic_named:
            # China implied: the Chinese body whose own report it is, unless China is named
            partners = [k for k in base + listed if k not in gazetteer.domestic]
            own = None if CHINA in named else own_chinese_body(sentence, partners, gazetteer)
            base.append(own or CHINA)
        foreign = [k for k in base + listed if k not in gazetteer.domestic]
        reach = max(own_clause[1], title_span[1] if title_span else 0)
        if not foreign or documents_of_others(groups, m.end(), reach, gazetteer.domestic):
            continue  # (or "an agreement between France and India", China no party to it)
        after = text[title_span[1] if title_span else m.end() :]
        period = period_in((title or "") + " " + after[:30]) or period_after(sentence, m)
        signed_on = None
        if not fragment or listed_kind or entry_dated:
            # the date of this agreement's own clause first ("its memorandum with Y on
            # 18 October"), then any the sentence gives
            own = clause_of(clauses(text), m.start())
            issued = sentence.doc.meta.issued
            year = year_meant(sentence) or sentence.section_year  # "of that year"
            relative = [r for r in _RELATIVE_TIME.finditer(text, 0, m.start())]
            if relative:
                # a signing put at a distance from the sentence's dates ("in 2030 ...,
                # three years after the two sides signed a contract"): only a date after
                # that phrase is its own
                signed_on = date_in(text[relative[-1].start() : own[1]], issued, year)[0]
            else:
                signed_on = (
                    dated_after(text, m.end(), issued)
                    or date_in(own_clause_text(sentence, noun) or "", issued, year)[0]
                    or date_in(text[own[0] : own[1]], issued, year)[0]
                    or when_clause_date(text[: m.start()], issued)
                    or date_in(text, issued, year)[0]
                )
            if signed_on and len(signed_on) == 4:
                # "2019 - X and CNSA sign a memorandum (15 April)": the entry's year and the
                # day the text gives without one
                undated = re.sub(rf"\b{signed_on}\b", " ", text)
                finer = date_in(undated, issued, int(signed_on))[0]
                if finer and finer.startswith(signed_on):
                    signed_on = finer
        issued_year = (sentence.doc.meta.issued or "")[:4]
        late = signed_on is not None and len(signed_on) == 4 and signed_on > issued_year
        if late and issued_year and _PAST_SIGNED.search(text):
            # "signed a contract ... for a satellite to be launched in 2033": a bare year
            # after the report is the work's, not the signing's; another date may be
            later = re.sub(rf"\b{signed_on[:4]}\b", " ", text)
            signed_on = date_in(later, sentence.doc.meta.issued, sentence.section_year)[0]
        if signed_on is None:
            # "the 2016 agreement", "its 2019 space cooperation memorandum": the year it names
            year_before = re.search(r"\b((?:19|20)\d\d)\s+(?:[\w-]+\s+){0,2}$", text[: m.start()])
            signed_on = year_before.group(1) if year_before else None
        if (
            signed_on is None
            and (_SAME_DAY.search(text) or ALSO_SIGNED.search(text))
            and sentence.previous is not None
        ):
            signed_on = day_before(sentence)  # "on the same day"
        if signed_on is None and AT_THE_EVENT.search(text):
            signed_on = event_day(sentence)  # "After the meeting, X and CNSA signed ..."
        if (
            signed_on is None
            and fragment
            and (
                sentence.index == 0
                or sentence.is_heading
                or (lead is not None and _SIGN.search(lead.text))
            )
        ):
            # the statement's title, or "(a) a Memorandum ..." under "the two sides signed
            # the following documents:": the lead-in's date, or the day the document says
            # it was itself signed ("This Joint Statement was signed in Cairo on ...")
            issued = sentence.doc.meta.issued
            signed_on = (date_in(lead.text, issued)[0] if lead is not None else None) or (
                document_signed_on(sentence.doc.text, issued)
            )
        if signed_on is None and is_own_title(sentence):
            # the document's own title: "This Joint Statement was signed in Cairo on ..."
            signed_on = document_signed_on(sentence.doc.text, sentence.doc.meta.issued)
        if signed_on is None and fragment:
            # a list's line that says where and when after the document: "Memorandum of
            # Understanding on ... (Beijing, 9 November 2023)", "... — Bangkok, 24 May 2017"
            signed_on = (
                place_and_day(text, m.end(), sentence.doc.meta.issued)
                or (dateline_after(sentence.clean.text, sentence.end, sentence.doc.meta.issued))
                or list_date(sentence)
            )  # ... or the day given by what opened the list
        subject = None if title else subject_of(text, m.end(), sentence, groups)
        head = m.group(0).split()[0].lower()  # "memoranda of understanding"
        plural = head in ("memoranda", "memorandums") or m.group(0).lower().endswith("s")
        partner_sets = [[p] for p in listed] if (listed and plural and not title) else [listed]
        named_foreign = [k for k in base if k not in gazetteer.domestic]
        if plural and not listed and not title and len(named_foreign) > 1:
            # "APSCO and ILOA signed memoranda with CNSA": one memorandum each
            base = [k for k in base if k in gazetteer.domestic] or [CHINA]
            partner_sets = [[p] for p in named_foreign]
        several = len(partner_sets) > 1
        own_dates = dates_after_partners(sentence, groups, m.end()) if several else {}
        for extra in partner_sets:
            parties = tuple(sorted(set(base + extra)))
            if len([p for p in parties if p not in gazetteer.domestic]) < 1 or len(parties) < 2:
                continue
            out.append(
                Agreement(
                    evidence=(sentence.evidence(m.start()),),
                    status=signing_status(sentence, m, signed_after),
                    parties=parties,
                    agreement_kind=kind,
                    title=title,
                    signed_on=own_dates.get(extra[0], signed_on) if extra else signed_on,
                    valid_from=period[0] if period else None,
                    valid_until=period[1] if period else None,
                    subject=subject,
                )
            )
    if out:
        sentence.notes["agreement_parties"] = out[-1].parties
    # the last signing date goes on until another is given ("On 12 June A and B signed
    # ... Kazakhstan chose the Moon. CNSA signed ... on the same day")
    if day := signing_day(sentence, out) or day_before(sentence):
        sentence.notes["agreement_date"] = day
    return out


_ARTICLE = re.compile(r"^(?:an?|the)\s+(?=[A-Za-z])")  # (lower case: an item's, not a sentence's)


_PAST_SIGNED = re.compile(r"\b(?:signed|concluded|inked)\b(?!\s+(?:next|later|by))")


def _signing(text: str, own: tuple[int, int], signed: re.Match[str] | None) -> tuple[int, int]:
    """The document's own clause, up to the end of the clause of the signing after it
    ("An agreement on a station, signed by the two governments in 2014")."""
    return (own[0], max(own[1], clause_of(clauses(text), signed.start())[1])) if signed else own
