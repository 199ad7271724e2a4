"""fit(..., weights=): one row per group of identical customers gives the full data's fit."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from custseg.clv import BetaGeoModel, GammaGammaModel, ParetoNBDModel
from custseg.errors import DataError, ParameterError


@pytest.fixture(scope="module")
def cdnow(cdnow_summary):
    return cdnow_summary.set_index("customer_id")


def _compress(frame: pd.DataFrame, columns: list[str]) -> tuple[pd.DataFrame, np.ndarray]:
    grouped = frame.groupby(columns).size().rename("count").reset_index()
    return grouped[columns], grouped["count"].to_numpy()


@pytest.mark.parametrize("model_class", [BetaGeoModel, ParetoNBDModel])
def test_weighted_purchase_fit_equals_the_full_fit(cdnow, model_class):
    full = cdnow[["frequency", "recency", "T"]]
    rows, counts = _compress(full, ["frequency", "recency", "T"])
    assert len(rows) < len(full) and counts.sum() == len(full)
    weighted = model_class().fit(rows, weights=counts)
    plain = model_class().fit(full)
    for name, value in plain.params_.items():
        assert weighted.params_[name] == pytest.approx(value, rel=1e-6), name
    assert weighted.log_likelihood_ == pytest.approx(plain.log_likelihood_, rel=1e-10)
    assert weighted.n_customers_ == len(full) == 2357


def test_weighted_spend_fit_equals_the_full_fit(cdnow):
    repeat = cdnow.loc[cdnow["frequency"] > 0, ["frequency", "monetary_value"]]
    rows, counts = _compress(repeat, ["frequency", "monetary_value"])
    weighted = GammaGammaModel().fit(rows, weights=counts)
    plain = GammaGammaModel().fit(repeat)
    for name, value in plain.params_.items():
        assert weighted.params_[name] == pytest.approx(value, rel=1e-6), name
    assert weighted.n_customers_ == 946


def test_weights_match_lifetimes(cdnow):
    lifetimes = pytest.importorskip("lifetimes")
    # the 2,357 customers drawn again with repetition: the same rows, other counts
    rng = np.random.default_rng(7)
    weights = rng.integers(1, 5, len(cdnow))
    data = cdnow[["frequency", "recency", "T"]]
    ours = BetaGeoModel().fit(data, weights=weights)
    theirs = lifetimes.BetaGeoFitter().fit(
        data["frequency"], data["recency"], data["T"], weights=weights
    )
    for name in ("r", "alpha", "a", "b"):
        assert ours.params_[name] == pytest.approx(theirs.params_[name], rel=1e-3), name
    # and our optimum is at least as good as lifetimes'
    at_theirs = BetaGeoModel()
    at_theirs.params_ = dict(theirs.params_)
    assert (at_theirs.log_likelihood(data) * weights).sum() <= ours.log_likelihood_ + 1e-6


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        (lambda n: np.ones(n - 1), "长度"),
        (lambda n: np.r_[np.ones(n - 1), 0], "正整数.*行 \\(row\\)"),
        (lambda n: np.r_[1.5, np.ones(n - 1)], "正整数"),
        (lambda n: np.r_[np.nan, np.ones(n - 1)], "正整数"),
        (lambda n: "counts", "字符串"),
    ],
)
def test_bad_weights_are_clear_errors(cdnow, weights, message):
    data = cdnow[["frequency", "recency", "T"]]
    with pytest.raises(ParameterError, match=message):
        BetaGeoModel().fit(data, weights=weights(len(data)))


def test_one_row_weighted_as_one_customer_is_not_enough(cdnow):
    one = cdnow[["frequency", "recency", "T"]].iloc[[1, 2]]
    with pytest.raises(DataError, match="2 位客户"):
        ParetoNBDModel().fit(one.iloc[[0]], weights=[1])
    # the same row weighted as many customers is fitted as many identical customers
    many = BetaGeoModel(penalizer_coef=0.01).fit(one, weights=[300, 200])
    assert many.n_customers_ == 500
