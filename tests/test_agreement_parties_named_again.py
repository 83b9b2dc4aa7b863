"""Who signed, when the text names a party again by a description rather than its
name, or not at all: a term the text defines for a body ('Mosi Satellite Co., Ltd. ("the
Company")'), "the Laboratory" for the laboratory named before, "Zambia's space agency"
for the Zambian Space Agency the text names, and a Chinese company's own release for
what it leaves unsigned (China stays the party of an agency's page and of a state). And
when: "On 3 May of that year" is in the year the text named before, and an agreement's
own title is dated by its closing line. Every text here is new."""

from __future__ import annotations

from graph.model import Agreement
from tests.one_document import facts_of


def _agreements(reference, text: str) -> set[tuple[str, tuple[str, ...], str | None]]:
    return {
        (a.agreement_kind, a.parties, a.signed_on)
        for a in facts_of(reference, text, kind=Agreement)
    }


DEFINED = (
    "Notes to the accounts\n\n"
    'Mosi Satellite Co., Ltd. ("MOSISAT" or "the Company") is a satellite operator registered '
    "in Lusaka, Zambia, in 2027.\n\n"
    "The Company leases transponder capacity to broadcasters in four countries.\n\n"
    "On 4 June 2030 the Company and China Great Wall Industry Corporation signed a letter "
    "of intent on a second communications satellite.\n"
)


def test_a_term_the_text_defines_is_the_body_it_defines_it_for(reference):
    assert _agreements(reference, DEFINED) == {
        (
            "letter-of-intent",
            ("china-great-wall-industry-corporation", "mosi-satellite-co-ltd"),
            "2030-06-04",
        )
    }


OWNED = (
    "Lusaka partners\n\n"
    "The Zambian Space Agency opened a ground segment for Earth observation in 2029.\n\n"
    "In May 2031 Zambia's space agency signed a memorandum of understanding with the China "
    "National Space Administration on lunar data.\n"
)


def test_a_countrys_space_agency_is_the_agency_the_text_names(reference):
    assert _agreements(reference, OWNED) == {
        (
            "memorandum-of-understanding",
            ("china-national-space-administration", "zambian-space-agency"),
            "2031-05",
        )
    }


THAT_YEAR = (
    "A long partnership\n\n"
    "The partnership began in 2029, when Zambian engineers first visited Beijing.\n\n"
    "On 3 May of that year Zambia and China signed an agreement on satellite "
    "communications.\n"
)


def test_of_that_year_is_the_year_named_before(reference):
    assert _agreements(reference, THAT_YEAR) == {("agreement", ("china", "zambia"), "2029-05-03")}


STATEMENT = (
    "JOINT STATEMENT between the China National Space Administration and the Zambian Space "
    "Agency on Lunar Cooperation\n\n"
    "1. The two sides agreed to strengthen cooperation in lunar exploration.\n\n"
    "2. This Joint Statement was signed in Lusaka on 14 March 2031 in duplicate in the "
    "Chinese and English languages.\n"
)


def test_a_statements_title_is_dated_by_its_closing_line(reference):
    statements = {
        (kind, when)
        for kind, _parties, when in _agreements(reference, STATEMENT)
        if kind == "joint-statement"
    }
    assert statements == {("joint-statement", "2031-03-14")}


UNNAMED_AGENCY = (
    "Andean partners\n\n"
    "In May 2031 Ecuador's space agency signed a memorandum of understanding with the China "
    "National Space Administration on lunar data.\n"
)


def test_a_countrys_space_agency_no_text_names_stays_the_country(reference):
    assert _agreements(reference, UNNAMED_AGENCY) == {
        (
            "memorandum-of-understanding",
            ("china-national-space-administration", "ecuador"),
            "2031-05",
        )
    }


LABORATORY = (
    "Annual report of the Andean Instrument Laboratory\n\n"
    "The Andean Instrument Laboratory, a research body based in Quito, builds small payloads.\n\n"
    "On 2 March 2031 the Laboratory signed an agreement with the National Space Science "
    "Center on a lunar dust detector.\n"
)


def test_the_laboratory_is_the_laboratory_named_before(reference):
    assert _agreements(reference, LABORATORY) == {
        (
            "agreement",
            ("andean-instrument-laboratory", "national-space-science-center"),
            "2031-03-02",
        )
    }


def _published_by(reference, publisher: str, text: str) -> set[tuple[str, ...]]:
    from pathlib import Path

    from graph import extract
    from graph.model import Document, DocumentMeta

    meta = DocumentMeta(
        "page", "page.txt", "International cooperation", publisher, "2031", "news-article"
    )
    extraction = extract.extract_corpus([Document(meta, Path("page.txt"), text)], reference)
    return {f.parties for f in extraction.facts if isinstance(f, Agreement)}


COMPANY_RELEASE = (
    "International business\n\n"
    "A launch services agreement was concluded with the Zambian Space Agency in 2030.\n\n"
    "An intergovernmental agreement with Zambia on space science followed in 2031.\n"
)


def test_a_companys_own_release_is_its_own_agreement_with_a_body(reference):
    parties = _published_by(reference, "China Great Wall Industry Corporation", COMPANY_RELEASE)
    assert ("china-great-wall-industry-corporation", "zambian-space-agency") in parties


def test_a_state_signs_with_china_whoever_publishes(reference):
    parties = _published_by(reference, "China Great Wall Industry Corporation", COMPANY_RELEASE)
    assert ("china", "zambia") in parties


def test_an_agency_or_a_news_service_leaves_china_the_implied_party(reference):
    for publisher in ("China Manned Space Agency", "Xinhua News Agency"):
        parties = _published_by(reference, publisher, COMPANY_RELEASE)
        assert ("china", "zambian-space-agency") in parties


PLACE_FIRST = (
    "Business news\n\n"
    "In Lusaka, China Spacelink Co. Ltd. (600999.SS), the listed satellite arm of the China "
    "Academy of Space Technology, signed a letter of intent with the Zambian Space Agency on "
    "2 May 2031.\n"
)


def test_a_body_after_the_place_of_a_signing_is_its_signer(reference):
    assert _agreements(reference, PLACE_FIRST) == {
        ("letter-of-intent", ("china-spacelink-co-ltd", "zambian-space-agency"), "2031-05-02")
    }
