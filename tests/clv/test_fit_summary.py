"""fit_summary(): standard errors from the inverse Hessian agree with lifetimes and behave.

lifetimes 0.11.3 reports se(coef) for BG/NBD and Gamma-Gamma (autograd's Hessian of its
negative log-likelihood in log-parameters, delta method). It has none for Pareto/NBD: there
the reference is the Hessian of lifetimes' own Pareto/NBD likelihood by second differences
of its values, an implementation independent of custseg's gradient.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from custseg.clv import BetaGeoModel, GammaGammaModel, ParetoNBDModel, summary_from_transactions
from custseg.errors import DataError

ESTIMATE, ERROR = "估计值 (estimate)", "标准误 (standard error)"
LOWER, UPPER = "95% 区间下限 (lower 95%)", "95% 区间上限 (upper 95%)"
DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def cdnow(cdnow_summary):
    return cdnow_summary.set_index("customer_id")


@pytest.fixture(scope="module")
def purchases(cdnow):
    return cdnow[["frequency", "recency", "T"]]


@pytest.fixture(scope="module")
def repeat(cdnow):
    return cdnow.loc[cdnow["frequency"] > 0, ["frequency", "monetary_value"]]


@pytest.fixture(scope="module")
def bg(purchases):
    return BetaGeoModel().fit(purchases)


@pytest.fixture(scope="module")
def pareto(purchases):
    return ParetoNBDModel().fit(purchases)


def _lifetimes():
    lifetimes = pytest.importorskip("lifetimes")
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    return lifetimes


def test_the_table_has_one_row_per_parameter_and_chinese_columns(bg):
    table = bg.fit_summary()
    assert list(table.index) == ["r", "alpha", "a", "b"]
    assert list(table.columns) == [ESTIMATE, ERROR, LOWER, UPPER]
    assert table[ESTIMATE].to_dict() == bg.params_
    assert ((table[LOWER] > 0) & (table[LOWER] < table[ESTIMATE])).all()
    assert (table[UPPER] > table[ESTIMATE]).all()
    # the interval is symmetric on the log scale: 1.96 log-standard errors either side
    log_error = table[ERROR] / table[ESTIMATE]
    np.testing.assert_allclose(np.log(table[UPPER] / table[ESTIMATE]), 1.959964 * log_error)
    np.testing.assert_allclose(np.log(table[ESTIMATE] / table[LOWER]), 1.959964 * log_error)


def test_bg_nbd_errors_match_lifetimes(purchases, bg):
    lifetimes = _lifetimes()
    theirs = lifetimes.BetaGeoFitter().fit(
        purchases["frequency"], purchases["recency"], purchases["T"]
    )
    ours = bg.fit_summary()[ERROR]
    for name in ("r", "alpha", "a", "b"):
        assert ours[name] == pytest.approx(theirs.summary.loc[name, "se(coef)"], rel=2e-3), name
    # the published CDNOW fit: r = 0.243 (se 0.013), alpha = 4.414 (se 0.378)
    assert ours["r"] == pytest.approx(0.0126, abs=5e-5)
    assert ours["alpha"] == pytest.approx(0.378, abs=5e-4)


def test_gamma_gamma_errors_match_lifetimes(repeat):
    lifetimes = _lifetimes()
    theirs = lifetimes.GammaGammaFitter().fit(repeat["frequency"], repeat["monetary_value"])
    ours = GammaGammaModel().fit(repeat).fit_summary()[ERROR]
    for name in ("p", "q", "v"):
        assert ours[name] == pytest.approx(theirs.summary.loc[name, "se(coef)"], rel=2e-3), name


def test_pareto_nbd_errors_match_lifetimes_likelihood_curvature(purchases, pareto):
    lifetimes = _lifetimes()
    columns = [purchases[c].to_numpy(float) for c in ("frequency", "recency", "T")]
    weights = np.ones(len(purchases))

    def negative_log_likelihood(log_params):
        return lifetimes.ParetoNBDFitter._negative_log_likelihood(
            np.exp(log_params), *columns, weights, 0.0
        )

    point = np.log([pareto.params_[n] for n in ("r", "alpha", "s", "beta")])
    step = 1e-3
    hessian = np.empty((4, 4))
    for i in range(4):
        for j in range(4):
            e_i, e_j = np.eye(4)[i] * step, np.eye(4)[j] * step
            hessian[i, j] = (
                negative_log_likelihood(point + e_i + e_j)
                - negative_log_likelihood(point + e_i - e_j)
                - negative_log_likelihood(point - e_i + e_j)
                + negative_log_likelihood(point - e_i - e_j)
            ) / (4 * step * step)
    expected = np.exp(point) * np.sqrt(np.diag(np.linalg.inv(hessian)))
    np.testing.assert_allclose(pareto.fit_summary()[ERROR], expected, rtol=5e-3)


@pytest.mark.parametrize("model_class", [BetaGeoModel, ParetoNBDModel])
def test_weighted_rows_give_the_errors_of_the_full_data(purchases, model_class, bg, pareto):
    grouped = purchases.groupby(list(purchases.columns)).size().rename("n").reset_index()
    weighted = model_class().fit(grouped[list(purchases.columns)], weights=grouped["n"])
    full = bg if model_class is BetaGeoModel else pareto
    pd.testing.assert_frame_equal(weighted.fit_summary(), full.fit_summary(), rtol=1e-4)


def test_twice_the_customers_shrink_the_errors_by_the_square_root_of_two(purchases, bg):
    doubled = BetaGeoModel().fit(purchases, weights=np.full(len(purchases), 2))
    np.testing.assert_allclose(
        doubled.fit_summary()[ERROR] * np.sqrt(2), bg.fit_summary()[ERROR], rtol=1e-4
    )


def test_errors_follow_the_time_unit(cdnow_sample):
    weekly = summary_from_transactions(cdnow_sample, unit="W")
    daily = summary_from_transactions(cdnow_sample, unit="D")
    for model_class, rates in ((BetaGeoModel, {"alpha"}), (ParetoNBDModel, {"alpha", "beta"})):
        in_weeks = model_class().fit(weekly).fit_summary()
        in_days = model_class().fit(daily).fit_summary()
        for name in in_weeks.index:
            factor = 7.0 if name in rates else 1.0  # a rate's scale is 7 times larger in days
            for column in (ESTIMATE, ERROR, LOWER, UPPER):
                assert in_days.loc[name, column] == pytest.approx(
                    factor * in_weeks.loc[name, column], rel=2e-3
                ), (model_class.__name__, name, column)


def test_the_errors_travel_with_a_saved_model(bg, tmp_path):
    loaded = BetaGeoModel.load(bg.save(tmp_path / "bg.json"))
    pd.testing.assert_frame_equal(loaded.fit_summary(), bg.fit_summary())
    document = json.loads((tmp_path / "bg.json").read_text(encoding="utf-8"))
    assert document["format_version"] == 2
    assert np.array(document["fitted"]["log_params_covariance_"]).shape == (4, 4)


@pytest.mark.parametrize(
    ("model_class", "name"),
    [
        (BetaGeoModel, "bg_nbd"),
        (ParetoNBDModel, "pareto_nbd"),
        (GammaGammaModel, "gamma_gamma"),
    ],
)
def test_files_of_the_first_format_still_load(cdnow_sample, model_class, name):
    path = DATA / f"{name}_format_1.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format_version"] == 1
    model = model_class.load(path)
    assert model.params_ == document["params"]
    assert model.get_params() == {**model_class().get_params(), **document["settings"]}
    assert model.time_unit_ == "W" and model.n_customers_ == document["fitted"]["n_customers_"]
    weekly = summary_from_transactions(cdnow_sample, unit="W")
    if model_class is GammaGammaModel:
        assert (model.expected_average_value(weekly[weekly["frequency"] > 0]) > 0).all()
    else:
        assert model.predict_purchases(10, weekly).between(0, 100).all()
        # the file was written from this summary: a fit today gives its estimates
        refit = model_class().fit(weekly)
        for key, value in document["params"].items():
            assert refit.params_[key] == pytest.approx(value, rel=1e-4), key
        assert refit.log_likelihood_ == pytest.approx(model.log_likelihood_, rel=1e-9)
    with pytest.raises(DataError, match="重新拟合"):
        model.fit_summary()


def test_hand_set_parameters_have_no_errors(bg):
    model = BetaGeoModel()
    model.params_ = dict(bg.params_)
    with pytest.raises(DataError, match="fit"):
        model.fit_summary()


def test_an_undetermined_parameter_gets_an_infinite_limit_without_a_warning():
    from custseg.clv._fit_summary import summary_table

    # a parameter pressed against its bound: log-standard error 1000, exp(1.96 x 1000) overflows
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        table = summary_table({"a": 0.01}, ["a"], np.array([[1e6]]))
    assert table.loc["a", UPPER] == np.inf
    assert table.loc["a", LOWER] == 0.0
    assert table.loc["a", ERROR] == pytest.approx(10.0)
