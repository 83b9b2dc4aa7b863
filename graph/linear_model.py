"""A linear classifier kept as JSON data and applied with numpy.

Why: the learned readers are trained with scikit-learn on the annotated sets, but a build
should need neither scikit-learn nor unpickling. A linear model is only its weights, so
the shipped file is plain data a reviewer can diff, and it loads in milliseconds.
Features are strings (present or absent); unknown features are ignored.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np

MODELS = Path(__file__).with_name("models")
DIGITS = 6  # rounding of stored weights: retraining gives the same file


@dataclass(frozen=True)
class LinearModel:
    """Weights of a logistic regression over binary string features.

    ``coef`` has one row per class, or a single row for a two-class model (the row
    scores ``classes[1]``, as scikit-learn stores it)."""

    classes: tuple[str, ...]
    features: dict[str, int]
    coef: np.ndarray
    intercept: np.ndarray
    meta: dict = field(default_factory=dict)

    def probabilities(self, present: Iterable[str]) -> dict[str, float]:
        """Each class's probability given the features present."""
        columns = sorted({self.features[f] for f in present if f in self.features})
        logits = self.coef[:, columns].sum(axis=1) + self.intercept
        if len(self.classes) == 2 and len(logits) == 1:
            p = 1.0 / (1.0 + np.exp(-logits[0]))
            return {self.classes[0]: float(1 - p), self.classes[1]: float(p)}
        z = np.exp(logits - logits.max())
        return dict(zip(self.classes, (z / z.sum()).tolist(), strict=True))

    def best(self, present: Iterable[str]) -> tuple[str, float]:
        """The most probable class and its probability."""
        probs = self.probabilities(present)
        label = max(probs, key=probs.__getitem__)
        return label, probs[label]


def to_json(model: LinearModel) -> str:
    """The model as stable, diffable JSON (features sorted, weights rounded)."""
    names = sorted(model.features, key=model.features.__getitem__)
    return json.dumps(
        {
            "meta": model.meta,
            "classes": list(model.classes),
            "features": names,
            "intercept": [round(float(b), DIGITS) for b in model.intercept],
            "coef": [[round(float(w), DIGITS) for w in row] for row in model.coef],
        },
        indent=1,
        ensure_ascii=False,
    )


def from_json(text: str) -> LinearModel:
    data = json.loads(text)
    return LinearModel(
        classes=tuple(data["classes"]),
        features={name: i for i, name in enumerate(data["features"])},
        coef=np.asarray(data["coef"], dtype=float),
        intercept=np.asarray(data["intercept"], dtype=float),
        meta=data.get("meta", {}),
    )


@cache
def shipped(name: str) -> LinearModel:
    """A model shipped in ``graph/models/NAME.json`` (read once per process)."""
    return from_json((MODELS / f"{name}.json").read_text(encoding="utf-8"))


def from_sklearn(estimator, feature_names: list[str], meta: dict) -> LinearModel:
    """Wrap a fitted ``LogisticRegression`` whose columns are ``feature_names``."""
    return LinearModel(
        classes=tuple(str(c) for c in estimator.classes_),
        features={name: i for i, name in enumerate(feature_names)},
        coef=np.round(np.asarray(estimator.coef_, dtype=float), DIGITS),
        intercept=np.round(np.asarray(estimator.intercept_, dtype=float), DIGITS),
        meta=meta,
    )
