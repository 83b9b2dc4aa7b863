"""Recognition: names, aliases, abbreviations, demonyms and unknown names."""

from __future__ import annotations

import pytest

from graph.gazetteer import read_gazetteer
from graph.model import EntityKind, slugify
from graph.normalise import clean_text
from graph.recognise import Recogniser


@pytest.fixture(scope="module")
def recogniser(project_paths):
    return Recogniser(read_gazetteer(project_paths.ontology))


def keys(recogniser, text, *, nested=False):
    return [(m.key, m.text) for m in recogniser.mentions(text) if m.nested == nested]


def test_aliases_and_abbreviations_name_the_same_entity(recogniser):
    found = keys(recogniser, "The European Space Agency (ESA) and APSCO met the UN.")
    assert found == [
        ("european-space-agency", "European Space Agency"),
        ("european-space-agency", "ESA"),
        ("asia-pacific-space-cooperation-organization", "APSCO"),
        ("united-nations", "UN"),
    ]


def test_a_currency_sign_after_a_countrys_initials_is_no_mention_of_it(recogniser):
    text = "a US$420 million contract, A$15 million for the US and the UK"
    assert keys(recogniser, text) == [("united-states", "US"), ("united-kingdom", "UK")]


def test_demonyms_and_compounds_point_to_countries_and_are_flagged(recogniser):
    mentions = recogniser.mentions("a Dutch payload and the Sino-French commission with Britain")
    assert [(m.key, m.adjectival) for m in mentions if not m.nested] == [
        ("netherlands", True),
        ("france", True),
        ("united-kingdom", False),
    ]


def test_spelling_variants_of_mission_names(recogniser):
    text = "Chang'e 4, Chang\u2019e-4 and the Chang'e-4 probe; BeiDou and Beidou; remote sensing"
    assert {k for k, _ in keys(recogniser, text)} == {
        "change-4",
        "beidou-navigation-satellite-system",
    }
    assert len(keys(recogniser, text)) == 5


def test_single_words_keep_their_case(recogniser):
    assert keys(recogniser, "an insight into the data") == []
    assert keys(recogniser, "the Insight satellite") == [("insight", "Insight")]


def test_a_country_inside_a_longer_name_is_kept_as_nested(recogniser):
    text = (
        "the China-Brazil Earth Resources Satellite 04A and the Pakistan Remote-Sensing Satellite"
    )
    assert keys(recogniser, text) == [
        ("cbers-04a", "China-Brazil Earth Resources Satellite 04A"),
        ("prss-1", "Pakistan Remote-Sensing Satellite"),
    ]
    assert {k for k, _ in keys(recogniser, text, nested=True)} >= {"brazil", "pakistan"}


def test_keys_are_slugs_of_labels_and_countries_come_from_iso(project_paths):
    gazetteer = read_gazetteer(project_paths.ontology)
    for entity in gazetteer.entities.values():
        assert entity.key == slugify(entity.label)
    russia = gazetteer.entities["russia"]
    assert (russia.label, russia.iso2, russia.kind) == ("Russia", "RU", EntityKind.COUNTRY)
    assert "Russian Federation" in russia.alt_labels
    assert gazetteer.entities["netherlands"].iso2 == "NL"
    assert "Dutch" in gazetteer.entities["netherlands"].match_forms
    assert "Dutch" not in gazetteer.entities["netherlands"].alt_labels
    assert gazetteer.entities["queqiao"].part_of == ("change-4",)


def test_unknown_capitalised_names_near_cue_words_are_reported(recogniser):
    clean = clean_text(
        "China launched the Tianlu-9 satellite and signed the Kepler Accord agreement."
    )
    unknown = recogniser.unknown_names("doc", clean, recogniser.mentions(clean.text))
    assert {u.text for u in unknown} == {"Tianlu-9", "Kepler Accord"}
    for u in unknown:
        assert clean.text[u.start : u.end] == u.text


def test_reference_data_that_breaks_the_key_rule_is_refused_in_one_line(project_paths, tmp_path):
    import shutil

    from graph.errors import InputError

    ontology = tmp_path / "ontology"
    shutil.copytree(project_paths.ontology, ontology)
    with (ontology / "reference" / "missions.ttl").open("a", encoding="utf-8") as f:
        f.write('\nm:tianwen-2 a csk:Mission ; rdfs:label "Tianwen 2 mission"@en .\n')
    with pytest.raises(InputError, match="tianwen-2") as caught:
        read_gazetteer(ontology)
    assert "\n" not in str(caught.value)


def test_unknown_designators_joined_by_and_are_reported_one_by_one(recogniser):
    clean = clean_text(
        "China launched the Tianlu-6C and Tianlu-9B satellites, built the Scientific and "
        "Technical Centre and tested the Zhuque-3 01 and 02 satellites."
    )
    unknown = recogniser.unknown_names("doc", clean, recogniser.mentions(clean.text))
    assert {u.text for u in unknown} == {
        "Tianlu-6C",
        "Tianlu-9B",
        "Scientific and Technical Centre",
        "Zhuque-3 01 and 02",
    }
    for u in unknown:
        assert clean.text[u.start : u.end] == u.text


_PATTERNS = """
import hashlib
from graph.gazetteer import read_gazetteer
from graph.recognise import Recogniser
from graph.config import Paths
found = Recogniser(read_gazetteer(Paths.defaults().ontology))
text = "".join(p.pattern for p in (found._folded, found._exact, *found._inner) if p)
print(hashlib.sha1(text.encode()).hexdigest())
"""


def test_the_name_patterns_are_the_same_in_every_process():
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent

    def patterns(seed: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)}
        done = subprocess.run(
            [sys.executable, "-c", _PATTERNS], env=env, capture_output=True, text=True, check=True
        )
        return done.stdout.strip()

    assert patterns("1") == patterns("2") == patterns("3")
