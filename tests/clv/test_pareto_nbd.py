"""Pareto/NBD: the published CDNOW estimates, predictions, robustness, errors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import integrate, special
from sklearn.exceptions import NotFittedError

from custseg.clv import BetaGeoModel, ParetoNBDModel, summary_from_transactions
from custseg.errors import DataError, ParameterError

# the Pareto/NBD estimates on CDNOW reported by Fader, Hardie & Lee (2005)
PUBLISHED = {"r": 0.553, "alpha": 10.578, "s": 0.606, "beta": 11.669}
PUBLISHED_LL = -9595.0


@pytest.fixture(scope="module")
def cdnow(cdnow_summary):
    return cdnow_summary.set_index("customer_id")[["frequency", "recency", "T"]]


@pytest.fixture(scope="module")
def fitted(cdnow):
    return ParetoNBDModel().fit(cdnow)


def test_reproduces_the_published_estimates(fitted, cdnow):
    for name in ("r", "alpha", "s"):
        assert fitted.params_[name] == pytest.approx(PUBLISHED[name], abs=5e-4), name
    # beta sits in a flat direction of the likelihood: 4 significant digits
    assert fitted.params_["beta"] == pytest.approx(PUBLISHED["beta"], rel=2e-4)
    assert fitted.log_likelihood_ == pytest.approx(PUBLISHED_LL, abs=0.05)
    # our optimum is at least as good as the published (rounded) parameters
    at_published = ParetoNBDModel()
    at_published.params_ = dict(PUBLISHED)
    assert at_published.log_likelihood(cdnow).sum() <= fitted.log_likelihood_ + 1e-6


def test_likelihood_matches_numerical_integration(fitted):
    # L = Gamma(r+x) a^r b^s / Gamma(r) [ (a+T)^-(r+x) (b+T)^-s
    #     + s * integral_{t_x}^{T} (a+u)^-(r+x) (b+u)^-(s+1) du ]   (SMC 1987; FH 2005 eq. 16)
    p = fitted.params_
    r, alpha, s, beta = p["r"], p["alpha"], p["s"], p["beta"]
    customers = pd.DataFrame(
        {"frequency": [0, 2, 7, 40], "recency": [0.0, 30.43, 12.0, 38.0], "T": [38.86] * 4}
    )
    expected = []
    for x, t_x, T in customers.itertuples(index=False):
        dead, _ = integrate.quad(
            lambda u, x=x: (alpha + u) ** -(r + x) * (beta + u) ** -(s + 1),
            t_x,
            T,
            epsabs=0,
            epsrel=1e-12,
        )
        bracket = (alpha + T) ** -(r + x) * (beta + T) ** -s + s * dead
        expected.append(
            special.gammaln(r + x)
            - special.gammaln(r)
            + r * np.log(alpha)
            + s * np.log(beta)
            + np.log(bracket)
        )
    np.testing.assert_allclose(fitted.log_likelihood(customers), expected, rtol=1e-9)


def test_probability_of_n_purchases_is_a_distribution_with_the_right_mean(fitted):
    n = np.arange(400)
    probabilities = fitted.probability_of_n_purchases(39.0, n)
    assert probabilities.sum() == pytest.approx(1.0, abs=1e-6)
    assert (n * probabilities).sum() == pytest.approx(fitted.expected_purchases(39.0), rel=1e-4)
    assert (probabilities >= -1e-12).all()


def test_expected_purchases_is_the_limit_of_the_conditional_one(fitted):
    new = pd.DataFrame({"frequency": [0], "recency": [0.0], "T": [0.0]})
    assert fitted.predict_purchases(39, new).iloc[0] == pytest.approx(
        fitted.expected_purchases(39), rel=1e-10
    )
    assert fitted.probability_alive(new).iloc[0] == pytest.approx(1.0)


def test_predictions_match_lifetimes(fitted, cdnow):
    lifetimes = pytest.importorskip("lifetimes")
    oracle = lifetimes.ParetoNBDFitter()
    oracle.params_ = pd.Series(fitted.params_)
    x, t_x, T = cdnow["frequency"], cdnow["recency"], cdnow["T"]
    np.testing.assert_allclose(
        fitted.predict_purchases(39, cdnow),
        oracle.conditional_expected_number_of_purchases_up_to_time(39, x, t_x, T),
        rtol=1e-8,
    )
    np.testing.assert_allclose(
        fitted.probability_alive(cdnow), oracle.conditional_probability_alive(x, t_x, T), rtol=1e-8
    )
    t = np.array([1.0, 10.0, 52.0])
    np.testing.assert_allclose(
        fitted.expected_purchases(t), oracle.expected_number_of_purchases_up_to_time(t), rtol=1e-9
    )


def test_close_to_bg_nbd_on_cdnow(fitted, cdnow):
    # both models describe the same data: total predicted purchases agree within 5 %
    bg = BetaGeoModel().fit(cdnow)
    ours = fitted.predict_purchases(39, cdnow).sum()
    assert ours == pytest.approx(bg.predict_purchases(39, cdnow).sum(), rel=0.05)


def test_online_retail_predictions_are_finite(online_retail_clean):
    summary = summary_from_transactions(online_retail_clean, unit="W")
    model = ParetoNBDModel().fit(summary)
    assert all(np.isfinite(v) and v > 0 for v in model.params_.values())
    for t in (4, 52):
        predicted = model.predict_purchases(t, summary)
        assert np.isfinite(predicted).all() and (predicted >= 0).all()
    assert model.probability_alive(summary).between(0, 1).all()
    heavy = pd.DataFrame({"frequency": [300, 600], "recency": [52.0, 1.0], "T": [53.0, 53.0]})
    assert np.isfinite(model.predict_purchases(4, heavy)).all()
    assert np.isfinite(model.probability_alive(heavy)).all()


def test_fit_does_not_mutate_and_returns_self(cdnow):
    before = cdnow.copy()
    model = ParetoNBDModel()
    assert model.fit(cdnow) is model
    model.predict_purchases(5, cdnow)
    pd.testing.assert_frame_equal(cdnow, before)


def test_not_fitted_is_a_clear_error(cdnow):
    with pytest.raises(NotFittedError, match="fit"):
        ParetoNBDModel().probability_alive(cdnow)


def test_invalid_input_names_the_column_and_row(cdnow):
    with pytest.raises(DataError, match="'T'"):
        ParetoNBDModel().fit(cdnow.drop(columns="T"))
    late = cdnow.assign(recency=cdnow["recency"].where(cdnow.index != 3, 50.0))
    with pytest.raises(DataError, match=r"recency.*3"):
        ParetoNBDModel().fit(late)
    with pytest.raises(ParameterError, match="penalizer_coef"):
        ParetoNBDModel(penalizer_coef="a lot").fit(cdnow)


@pytest.fixture(scope="module")
def some_customers(cdnow):
    # every tenth CDNOW customer, and the heaviest buyer
    return pd.concat([cdnow.iloc[::10], cdnow.loc[[cdnow["frequency"].idxmax()]]])


def test_conditional_probability_of_n_purchases_is_a_distribution(fitted, some_customers):
    n = np.arange(120)
    table = np.array(
        [fitted.conditional_probability_of_n_purchases(39, k, some_customers) for k in n]
    )
    assert (table >= 0).all()
    np.testing.assert_allclose(table.sum(axis=0), 1.0, atol=1e-9)
    # its mean is the conditional expectation of the purchases in the same period
    np.testing.assert_allclose(
        n @ table, fitted.predict_purchases(39, some_customers), rtol=1e-7, atol=1e-10
    )
    # no future purchase: either dropped out, or alive and did not buy
    p = fitted.params_
    alive = fitted.probability_alive(some_customers)
    x, T = some_customers["frequency"], some_customers["T"]
    alive_no_purchase = (
        alive
        * ((p["alpha"] + T) / (p["alpha"] + T + 39)) ** (p["r"] + x)
        * ((p["beta"] + T) / (p["beta"] + T + 39)) ** p["s"]
    )
    assert (table[0] > 1 - alive + alive_no_purchase - 1e-12).all()


def test_conditional_probability_of_n_purchases_matches_lifetimes(fitted, some_customers):
    lifetimes = pytest.importorskip("lifetimes")
    oracle = lifetimes.ParetoNBDFitter()
    oracle.params_ = pd.Series(fitted.params_)
    x, t_x, T = some_customers["frequency"], some_customers["recency"], some_customers["T"]
    for n in (0, 1, 2, 5, 10):
        np.testing.assert_allclose(
            fitted.conditional_probability_of_n_purchases(39, n, some_customers),
            oracle.conditional_probability_of_n_purchases_up_to_time(n, 39, x, t_x, T),
            rtol=1e-8,
        )


def test_conditional_probability_of_n_purchases_checks_its_arguments(fitted, some_customers):
    with pytest.raises(ParameterError, match="n"):
        fitted.conditional_probability_of_n_purchases(39, -1, some_customers)
    with pytest.raises(ParameterError, match="t"):
        fitted.conditional_probability_of_n_purchases(-5, 1, some_customers)
    at_zero = fitted.conditional_probability_of_n_purchases(0, 0, some_customers)
    np.testing.assert_allclose(at_zero, 1.0)
