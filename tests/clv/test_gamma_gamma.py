"""Gamma-Gamma: the published CDNOW estimates, expected spend, CLV, errors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import optimize
from sklearn.exceptions import NotFittedError

from custseg.clv import BetaGeoModel, GammaGammaModel, summary_from_transactions
from custseg.clv.gamma_gamma import _log_likelihood_terms
from custseg.errors import DataError, ParameterError

# Fader, Hardie & Lee (2005), "RFM and CLV", on the 946 repeat buyers of the CDNOW sample
PUBLISHED = {"p": 6.25, "q": 3.74, "v": 15.44}


@pytest.fixture(scope="module")
def cdnow(cdnow_summary):
    return cdnow_summary.set_index("customer_id")


@pytest.fixture(scope="module")
def repeat(cdnow):
    return cdnow[cdnow["frequency"] > 0]


@pytest.fixture(scope="module")
def fitted(repeat):
    return GammaGammaModel().fit(repeat)


def test_reproduces_the_published_estimates(fitted, repeat):
    assert len(repeat) == 946
    assert fitted.params_["p"] == pytest.approx(PUBLISHED["p"], abs=5e-3)
    assert fitted.params_["q"] == pytest.approx(PUBLISHED["q"], abs=5e-3)
    # the paper prints 15.44; the maximum of the likelihood is at 15.448 (also in lifetimes)
    assert fitted.params_["v"] == pytest.approx(PUBLISHED["v"], abs=1e-2)
    assert fitted.n_customers_ == 946
    x = repeat["frequency"].to_numpy(float)
    m = repeat["monetary_value"].to_numpy(float)
    at_published, _ = _log_likelihood_terms(
        np.array([PUBLISHED["p"], PUBLISHED["q"], PUBLISHED["v"]]), x, m, gradient=False
    )
    assert at_published.sum() <= fitted.log_likelihood_
    assert at_published.sum() == pytest.approx(fitted.log_likelihood_, abs=0.05)


def test_analytic_gradient_matches_finite_differences(repeat):
    x = repeat["frequency"].to_numpy(float)
    m = repeat["monetary_value"].to_numpy(float)
    start = np.log([4.0, 2.5, 20.0])

    def value(log_params):
        return _log_likelihood_terms(np.exp(log_params), x, m, gradient=False)[0].sum()

    gradient = _log_likelihood_terms(np.exp(start), x, m, gradient=True)[1].sum(axis=1)
    np.testing.assert_allclose(gradient, optimize.approx_fprime(start, value, 1e-6), rtol=1e-4)


def test_expected_average_value_shrinks_towards_the_population_mean(fitted, cdnow):
    p, q, v = fitted.params_["p"], fitted.params_["q"], fitted.params_["v"]
    population_mean = p * v / (q - 1)
    expected = fitted.expected_average_value(cdnow)
    x, m = cdnow["frequency"], cdnow["monetary_value"]
    weight = p * x / (p * x + q - 1)  # FHL (2005), eq. 5 as a weighted average
    np.testing.assert_allclose(expected, weight * m + (1 - weight) * population_mean, rtol=1e-12)
    np.testing.assert_allclose(expected[x == 0], population_mean, rtol=1e-12)


def test_predictions_and_clv_match_lifetimes(fitted, cdnow):
    lifetimes = pytest.importorskip("lifetimes")
    spend = lifetimes.GammaGammaFitter()
    spend.params_ = pd.Series(fitted.params_)
    np.testing.assert_allclose(
        fitted.expected_average_value(cdnow),
        spend.conditional_expected_average_profit(cdnow["frequency"], cdnow["monetary_value"]),
        rtol=1e-10,
    )
    model = BetaGeoModel().fit(cdnow)
    purchases = lifetimes.BetaGeoFitter()
    purchases.params_ = pd.Series(model.params_)
    # lifetimes' CLV calls `predict`, which its own fit attaches
    purchases.predict = purchases.conditional_expected_number_of_purchases_up_to_time
    ours = fitted.customer_lifetime_value(model, cdnow, time=12, discount_rate=0.01, freq="W")
    theirs = spend.customer_lifetime_value(
        purchases,
        cdnow["frequency"],
        cdnow["recency"],
        cdnow["T"],
        cdnow["monetary_value"],
        time=12,
        discount_rate=0.01,
        freq="W",
    )
    np.testing.assert_allclose(ours, theirs, rtol=1e-9)


def test_clv_is_discounted_monthly_spend(fitted, cdnow):
    model = BetaGeoModel().fit(cdnow)
    spend = fitted.expected_average_value(cdnow)
    one_month = fitted.customer_lifetime_value(model, cdnow, time=1, discount_rate=0.0, freq="W")
    np.testing.assert_allclose(one_month, spend * model.predict_purchases(4.345, cdnow))
    undiscounted = fitted.customer_lifetime_value(
        model, cdnow, time=12, discount_rate=0.0, freq="W"
    )
    np.testing.assert_allclose(undiscounted, spend * model.predict_purchases(12 * 4.345, cdnow))
    discounted = fitted.customer_lifetime_value(model, cdnow, time=12, discount_rate=0.05, freq="W")
    assert (discounted <= undiscounted + 1e-12).all() and (discounted < undiscounted).any()
    assert discounted.index.equals(cdnow.index) and discounted.name == "clv"


def test_frequency_zero_rows_are_a_clear_error(cdnow):
    with pytest.raises(DataError, match=r"repeat buyers.*行 \(row\) 3 的 'frequency'"):
        GammaGammaModel().fit(cdnow)


def test_non_positive_spend_names_the_row(repeat):
    bad = repeat.assign(monetary_value=repeat["monetary_value"].where(repeat.index != 1, 0.0))
    with pytest.raises(DataError, match=r"monetary_value.*1"):
        GammaGammaModel().fit(bad)


def test_missing_column_is_named(repeat):
    with pytest.raises(DataError, match="monetary_value"):
        GammaGammaModel().fit(repeat.drop(columns="monetary_value"))


def test_bad_clv_arguments(fitted, cdnow):
    model = BetaGeoModel().fit(cdnow)
    with pytest.raises(ParameterError, match="freq"):
        fitted.customer_lifetime_value(model, cdnow, freq="Y")
    with pytest.raises(ParameterError, match="time"):
        fitted.customer_lifetime_value(model, cdnow, time=0)


def test_not_fitted_and_no_mutation(repeat):
    with pytest.raises(NotFittedError):
        GammaGammaModel().expected_average_value(repeat)
    before = repeat.copy()
    GammaGammaModel().fit(repeat).expected_average_value(repeat)
    pd.testing.assert_frame_equal(repeat, before)


@pytest.fixture(scope="module")
def weekly_models(cdnow_sample):
    weekly = summary_from_transactions(cdnow_sample, unit="W")
    return (
        weekly,
        BetaGeoModel().fit(weekly),
        GammaGammaModel().fit(weekly[weekly["frequency"] > 0]),
    )


def test_clv_takes_the_unit_of_the_summary(weekly_models, cdnow_sample):
    weekly, purchases, spend = weekly_models
    assert spend.time_unit_ == "W"
    by_default = spend.customer_lifetime_value(purchases, weekly)
    np.testing.assert_allclose(
        by_default, spend.customer_lifetime_value(purchases, weekly, freq="W"), rtol=1e-12
    )
    # the same customers summarised in days give about the same CLV (a month is 30 days
    # there, 4.345 weeks here); read as days, the weekly summary used to give 3.73 times it
    daily = summary_from_transactions(cdnow_sample)
    in_days = GammaGammaModel().fit(daily[daily["frequency"] > 0])
    daily_clv = in_days.customer_lifetime_value(BetaGeoModel().fit(daily), daily)
    assert by_default.sum() == pytest.approx(daily_clv.sum(), rel=0.02)


def test_clv_refuses_mixed_units(weekly_models, cdnow_sample):
    weekly, purchases, spend = weekly_models
    with pytest.raises(DataError, match=r"时间单位不一致.*freq = 'D'.*summary = 'W'"):
        spend.customer_lifetime_value(purchases, weekly, freq="D")
    daily = summary_from_transactions(cdnow_sample)
    with pytest.raises(DataError, match="时间单位不一致"):
        spend.customer_lifetime_value(BetaGeoModel().fit(daily), weekly)
    with pytest.raises(DataError, match="'D'.*'W'"):
        spend.expected_average_value(daily)


def test_q_constraint_changes_nothing_when_q_is_above_one(fitted, repeat):
    constrained = GammaGammaModel(q_constraint=True).fit(repeat)
    for name, value in fitted.params_.items():
        assert constrained.params_[name] == pytest.approx(value, rel=1e-5), name


@pytest.fixture(scope="module")
def heavy_tailed():
    # spend drawn from the Gamma-Gamma model itself with q = 0.7: the population mean
    # spend does not exist, and the unconstrained estimate of q is below 1
    rng = np.random.default_rng(3)
    nu = rng.gamma(0.7, 1 / 20.0, 2000)
    x = rng.integers(1, 8, 2000)
    m = np.array([rng.gamma(4.0, 1 / rate, k).mean() for rate, k in zip(nu, x, strict=True)])
    return pd.DataFrame({"frequency": x, "monetary_value": m})


def test_q_constraint_keeps_q_at_least_one_as_lifetimes(heavy_tailed):
    free = GammaGammaModel().fit(heavy_tailed)
    assert free.params_["q"] < 1
    with pytest.raises(DataError, match="q_constraint=True"):
        free.expected_average_value(heavy_tailed)
    constrained = GammaGammaModel(q_constraint=True).fit(heavy_tailed)
    assert constrained.params_["q"] == pytest.approx(1.0)
    assert constrained.log_likelihood_ < free.log_likelihood_
    lifetimes = pytest.importorskip("lifetimes")
    theirs = lifetimes.GammaGammaFitter().fit(
        heavy_tailed["frequency"], heavy_tailed["monetary_value"], q_constraint=True
    )
    for name, value in constrained.params_.items():
        assert value == pytest.approx(theirs.params_[name], rel=1e-4), name
    # repeat buyers get a finite expected spend; a customer without repeat purchase does not
    assert np.isfinite(constrained.expected_average_value(heavy_tailed)).all()
    with_new = pd.concat([heavy_tailed, pd.DataFrame({"frequency": [0], "monetary_value": [0.0]})])
    with pytest.raises(DataError, match="frequency 0"):
        constrained.expected_average_value(with_new.reset_index(drop=True))


def test_q_constraint_must_be_a_boolean(repeat):
    with pytest.raises(ParameterError, match="q_constraint"):
        GammaGammaModel(q_constraint="yes").fit(repeat)
