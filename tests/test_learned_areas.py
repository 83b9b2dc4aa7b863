"""The learned area reader: a model trained on the development sets sets a cooperation
fact's area again where the clause says its field in words the rules do not list, keeps
the rule's area where it is unsure, and never reads a name."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from graph import extract, linear_model, methods
from graph.area_features import features
from graph.learned_areas import METHOD, learned_area
from graph.model import Cooperation, Document, DocumentMeta
from tests.one_document import facts_of

ROOT = Path(__file__).resolve().parent.parent


def _trainer():
    spec = importlib.util.spec_from_file_location("train", ROOT / "scripts/train_area_model.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _toy(threshold: float, margin: float) -> linear_model.LinearModel:
    """Three areas; the word "orbit" speaks for one, "school" for another."""
    return linear_model.LinearModel(
        classes=("payloads", "space-science", "training-and-education"),
        features={"c=orbit": 0, "c=school": 1},
        coef=np.array([[0.0, 0.0], [3.0, 0.0], [0.0, 1.0]]),
        intercept=np.zeros(3),
        meta={"threshold": threshold, "margin": margin},
    )


def test_a_confident_model_overrules_the_rule():
    assert learned_area(_toy(0.8, 0.5), {"c=orbit"}, "payloads") == "space-science"


def test_an_unsure_model_leaves_the_rules_area():
    # "school" gives training 0.58 against 0.21 each: under the threshold
    assert learned_area(_toy(0.8, 0.0), {"c=school"}, "payloads") is None
    # a margin over the rule's own area is needed too
    assert learned_area(_toy(0.5, 0.5), {"c=school"}, "payloads") is None
    assert learned_area(_toy(0.5, 0.3), {"c=school"}, "payloads") == "training-and-education"


def test_the_model_agreeing_with_the_rule_changes_nothing():
    assert learned_area(_toy(0.5, 0.0), {"c=orbit"}, "space-science") is None


def test_learned_area_is_a_method_of_the_scheme():
    assert METHOD in methods.METHODS


def _features_of(reference, text: str, monkeypatch) -> list[set[str]]:
    """The features of every cooperation fact the rules read in ``text``."""
    seen: list[set[str]] = []

    def recording(sentence, facts, gazetteer):
        seen.extend(
            features(sentence, f, gazetteer) for f in facts if f.kind_segment == "cooperation"
        )
        return facts

    monkeypatch.setattr(extract, "relabel", recording)
    facts_of(reference, text)
    return seen


def test_features_hold_the_clauses_words_and_no_name(reference, monkeypatch):
    text = (
        "Uruguay and China will jointly calibrate ocean altimeters aboard the Haiyang satellites."
    )
    [present] = _features_of(reference, text, monkeypatch)
    assert {"c=calibrate", "c=altimeter", "c=ocean", "rule=" + present_rule(present)} <= present
    assert not any("uruguay" in f or "haiyang" in f or "china" in f for f in present)


def present_rule(present: set[str]) -> str:
    return next(f for f in present if f.startswith("rule=")).removeprefix("rule=")


def test_retraining_on_the_cached_examples_gives_the_shipped_weights():
    trainer = _trainer()
    shipped = linear_model.shipped("cooperation-area")
    rows = [r for r in trainer.read_cache() if r["label"] is not None]
    rows.sort(key=trainer._order)
    again = trainer._fit(rows, shipped.meta["C"])
    assert again.classes == shipped.classes
    assert again.features == shipped.features
    assert np.allclose(again.coef, shipped.coef, atol=1e-4)
    assert shipped.meta["sets"] == len({r["set_name"] for r in rows})


def test_the_model_is_trained_on_the_development_half_only():
    from tests.evaluation import split

    trained = set(linear_model.shipped("cooperation-area").meta["trained_on"])
    assert not trained & {p.name for p in split.confirmation()}
    assert trained <= {p.name for p in split.development()} | {"corpus"}


# the rule reads the area from the partner's own body ("disaster management") where the
# clause's act is the sharing of data; written for these tests, in two registers
SHARED_DATA = [
    (
        "news-article",
        "Suva, 3 March 2031 -- After the cyclone, China shared emergency mapping data "
        "with Fiji's disaster management office.",
        "fiji",
    ),
    (
        "white-paper",
        "International cooperation\n\nAfter the earthquake, China shared emergency mapping "
        "data with the disaster management authority of Nepal.",
        "nepal",
    ),
]


@pytest.mark.parametrize(("kind", "text", "partner"), SHARED_DATA, ids=["news", "white-paper"])
def test_the_clauses_act_gives_the_area_where_the_rule_read_a_bodys_name(
    reference, kind, text, partner
):
    meta = DocumentMeta("probe", "probe.txt", "Probe", "Test", "2031", kind)
    document = Document(meta, Path("probe.txt"), text)
    facts = [
        f for f in extract.extract_corpus([document], reference).facts if isinstance(f, Cooperation)
    ]
    assert [(f.partner, f.area, f.method) for f in facts] == [(partner, "data-exchange", METHOD)]
