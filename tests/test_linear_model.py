"""The shipped linear models give scikit-learn's own probabilities, from plain JSON."""

import numpy as np
import pytest
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from graph import linear_model

ROWS = [
    ({"verb=carry", "prep=from"}, "yes"),
    ({"verb=carry", "prep=with"}, "yes"),
    ({"verb=say", "prep=from"}, "no"),
    ({"verb=say"}, "no"),
    ({"verb=sign", "prep=with"}, "maybe"),
    ({"verb=sign"}, "maybe"),
]


def _fit(rows):
    vectoriser = DictVectorizer()
    x = vectoriser.fit_transform([dict.fromkeys(f, 1) for f, _ in rows])
    estimator = LogisticRegression(max_iter=1000).fit(x, [label for _, label in rows])
    return vectoriser, estimator, x


@pytest.mark.parametrize("rows", [ROWS, [r for r in ROWS if r[1] != "maybe"]], ids=["three", "two"])
def test_probabilities_equal_scikit_learns(rows):
    vectoriser, estimator, x = _fit(rows)
    model = linear_model.from_sklearn(estimator, list(vectoriser.get_feature_names_out()), {})
    for (features, _), expected in zip(rows, estimator.predict_proba(x), strict=True):
        got = model.probabilities(features)
        assert np.allclose([got[c] for c in estimator.classes_], expected, atol=1e-4)


def test_json_round_trip_keeps_the_model_and_ignores_unknown_features():
    vectoriser, estimator, _ = _fit(ROWS)
    model = linear_model.from_sklearn(
        estimator, list(vectoriser.get_feature_names_out()), {"on": 1}
    )
    again = linear_model.from_json(linear_model.to_json(model))
    assert again.meta == {"on": 1}
    assert again.best({"verb=carry", "unheard=1"}) == model.best({"verb=carry"})
    assert linear_model.to_json(again) == linear_model.to_json(model)
