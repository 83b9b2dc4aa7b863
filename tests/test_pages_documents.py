"""Document pages: metadata, the full text as it stands in the file, and every evidence
passage marked and linked to the facts it supports (small graph of test_pages_graph)."""

from __future__ import annotations

import re

import html5lib
import pytest
from test_pages_graph import CHANGE4, OUTLINE, PATHS, offsets, small_client


@pytest.fixture()
def client():
    return small_client()


def document_text(body: bytes) -> str:
    """The text inside the page's document-text element, as a reader sees it."""
    tree = html5lib.parse(body.decode("utf-8"), namespaceHTMLElements=False)
    node = next(el for el in tree.iter("div") if el.get("class") == "document-text")
    for sup in list(node.iter("sup")):
        tail = sup.tail
        sup.clear()  # the fact numbers are not part of the document
        sup.tail = tail
    return "".join(node.itertext())


def test_the_full_text_is_shown_as_it_stands_in_the_file(client):
    body = client.get("/documents/white-paper-2016").data
    raw = (PATHS.corpus / "2016-white-paper-china-space-activities.txt").read_bytes()
    assert document_text(body) == raw.decode("utf-8")


def test_each_evidence_passage_is_marked_with_the_anchor_fact_pages_link_to(client):
    start, end = offsets("white-paper-2021", CHANGE4)
    body = client.get("/documents/white-paper-2021").data.decode()
    mark = re.search(rf'<mark id="evidence-{start}-{end}"[^>]*>(.*?)</mark>', body, re.S)
    assert mark is not None
    assert mark.group(1).replace("&#39;", "'") == CHANGE4


def test_a_passage_links_to_every_fact_it_supports(client):
    start, end = offsets("white-paper-2021", CHANGE4)
    body = client.get("/documents/white-paper-2021").data.decode()
    after = body[body.index(f'id="evidence-{start}-{end}"') :]
    refs = after[after.index('<sup class="fact-refs">') : after.index("</sup>")]
    for partner in ("sweden", "germany", "netherlands", "saudi-arabia"):
        assert f'href="/id/cooperation/{partner}--payloads--change-4"' in refs
    assert 'href="/id/cooperation/russia--engineering-technology--change-4"' in refs


def test_the_facts_are_listed_with_links_back_to_their_passages(client):
    start, end = offsets("white-paper-2016", OUTLINE)
    body = client.get("/documents/white-paper-2016").data.decode()
    facts = body[body.index('id="facts"') :]
    assert "Outline of China-Russia Space Cooperation 2013-2017" in facts
    assert f'href="#evidence-{start}-{end}"' in facts


def test_metadata_comes_from_the_graph(client):
    body = client.get("/documents/white-paper-2016").data.decode()
    assert "The State Council Information Office of the People&#39;s Republic of China" in body
    assert "2016-12-27" in body
    assert "2016-white-paper-china-space-activities.txt" in body


def test_the_stemmed_copy_says_which_document_it_copies(client):
    body = client.get("/documents/white-paper-2021-stemmed").data.decode()
    assert "re-processed copy of" in body
    assert 'href="/documents/white-paper-2021"' in body
    assert "<mark" not in body
    original = client.get("/documents/white-paper-2021").data.decode()
    assert 'href="/documents/white-paper-2021-stemmed"' in original


def test_a_file_changed_since_the_build_is_shown_without_wrong_marks(corpus_copy):
    path = corpus_copy.corpus / "2021-white-paper-china-space-program.txt"
    path.write_text("A new first line.\n" + path.read_text("utf-8"), encoding="utf-8")
    client = small_client(corpus=corpus_copy.corpus)
    body = client.get("/documents/white-paper-2021").data.decode()
    assert "<mark" not in body
    assert "no longer match the file" in body


def test_a_missing_file_still_gives_the_page_with_a_reason(tmp_path):
    client = small_client(corpus=tmp_path)
    response = client.get("/documents/white-paper-2021")
    assert response.status_code == 200
    assert "The text cannot be shown" in response.get_data(as_text=True)


def test_the_document_list_links_every_document(client):
    body = client.get("/documents/").data.decode()
    for doc_id in (
        "white-paper-2016",
        "white-paper-2021",
        "white-paper-2021-stemmed",
        "news-2011-cas-space-exchanges",
        "news-2023-spacedaily-open-cooperation",
    ):
        assert f'href="/documents/{doc_id}"' in body


@pytest.mark.parametrize("doc_id", ["no-such-document", "White-Paper", "..%2Fmanifest.toml"])
def test_an_unknown_document_is_a_404_page(client, doc_id):
    response = client.get(f"/documents/{doc_id}")
    assert response.status_code == 404
    assert b'action="/search"' in response.data
