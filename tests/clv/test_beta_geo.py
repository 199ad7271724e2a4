"""BG/NBD: the published CDNOW estimates, the gradient, predictions, robustness, errors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import optimize, special
from sklearn.exceptions import NotFittedError

from custseg.clv import BetaGeoModel, summary_from_transactions
from custseg.clv.beta_geo import _log_likelihood_terms
from custseg.errors import ConvergenceError, DataError, ParameterError

# Fader, Hardie & Lee (2005), "Counting your customers" the easy way, section 4
PUBLISHED = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
PUBLISHED_LL = -9582.4


@pytest.fixture(scope="module")
def cdnow(cdnow_summary):
    return cdnow_summary.set_index("customer_id")[["frequency", "recency", "T"]]


@pytest.fixture(scope="module")
def fitted(cdnow):
    return BetaGeoModel().fit(cdnow)


@pytest.fixture(scope="module")
def retail_summary(online_retail_clean):
    return summary_from_transactions(online_retail_clean)


def test_reproduces_the_published_estimates(fitted):
    for name, value in PUBLISHED.items():
        assert fitted.params_[name] == pytest.approx(value, abs=5e-4), name
    assert fitted.log_likelihood_ == pytest.approx(PUBLISHED_LL, abs=0.05)
    assert fitted.n_customers_ == 2357


def test_published_conditional_expectation(fitted, cdnow):
    # FHL (2005), section 5: customer 1 (x=2, t_x=30.43, T=38.86) is expected to make
    # 1.226 purchases in the next 39 weeks
    one = cdnow.loc[[1]]
    assert one.iloc[0].tolist() == [2, 30.43, 38.86]
    assert fitted.predict_purchases(39, one).iloc[0] == pytest.approx(1.226, abs=5e-4)


def test_log_likelihood_of_the_fit_is_the_sum_over_customers(fitted, cdnow):
    # the fit shares one term between identical customers; the per-customer sum must agree
    per_customer = fitted.log_likelihood(cdnow)
    assert per_customer.sum() == pytest.approx(fitted.log_likelihood_, rel=1e-12)
    assert per_customer.index.equals(cdnow.index)


def test_duplicating_every_customer_keeps_the_estimates(fitted, cdnow):
    doubled = BetaGeoModel().fit(pd.concat([cdnow, cdnow]))
    for name in PUBLISHED:
        assert doubled.params_[name] == pytest.approx(fitted.params_[name], rel=1e-5)
    assert doubled.log_likelihood_ == pytest.approx(2 * fitted.log_likelihood_, rel=1e-9)


def test_analytic_gradient_matches_finite_differences(cdnow):
    x, t_x, T = (cdnow[c].to_numpy(float) for c in ("frequency", "recency", "T"))
    start = np.log([0.5, 3.0, 1.2, 1.8])

    def value(log_params):
        return _log_likelihood_terms(np.exp(log_params), x, t_x, T, gradient=False)[0].sum()

    def gradient(log_params):
        return _log_likelihood_terms(np.exp(log_params), x, t_x, T, gradient=True)[1].sum(axis=1)

    numeric = optimize.approx_fprime(start, value, 1e-6)
    np.testing.assert_allclose(gradient(start), numeric, rtol=1e-4)


def test_probability_of_n_purchases_is_a_distribution_with_the_right_mean(fitted):
    n = np.arange(3000)
    probabilities = fitted.probability_of_n_purchases(39.0, n)
    assert probabilities.sum() == pytest.approx(1.0, abs=1e-9)
    assert (n * probabilities).sum() == pytest.approx(fitted.expected_purchases(39.0), rel=1e-8)
    # P(X(t) = 0) = (alpha / (alpha + t))^r: no purchase while alive
    p = fitted.params_
    assert probabilities[0] == pytest.approx((p["alpha"] / (p["alpha"] + 39.0)) ** p["r"])


def test_expected_purchases_is_the_limit_of_the_conditional_one(fitted):
    # a customer observed for T -> 0 with no repeat purchase is a brand-new customer
    new = pd.DataFrame({"frequency": [0], "recency": [0.0], "T": [0.0]})
    assert fitted.predict_purchases(39, new).iloc[0] == pytest.approx(
        fitted.expected_purchases(39), rel=1e-10
    )


def test_probability_alive_closed_form(fitted, cdnow):
    p = fitted.params_
    x, t_x, T = (cdnow[c].to_numpy(float) for c in ("frequency", "recency", "T"))
    with np.errstate(divide="ignore"):
        odds = p["a"] / (p["b"] + x - 1) * ((p["alpha"] + T) / (p["alpha"] + t_x)) ** (p["r"] + x)
    expected = np.where(x > 0, 1 / (1 + odds), 1.0)
    np.testing.assert_allclose(fitted.probability_alive(cdnow), expected, rtol=1e-12)


def test_predictions_match_lifetimes(fitted, cdnow):
    lifetimes = pytest.importorskip("lifetimes")
    oracle = lifetimes.BetaGeoFitter()
    oracle.params_ = pd.Series(fitted.params_)
    x, t_x, T = cdnow["frequency"], cdnow["recency"], cdnow["T"]
    np.testing.assert_allclose(
        fitted.predict_purchases(10, cdnow),
        oracle.conditional_expected_number_of_purchases_up_to_time(10, x, t_x, T),
        rtol=1e-9,
    )
    np.testing.assert_allclose(
        fitted.probability_alive(cdnow), oracle.conditional_probability_alive(x, t_x, T), rtol=1e-9
    )
    t = np.array([1.0, 10.0, 52.0])
    np.testing.assert_allclose(
        fitted.expected_purchases(t), oracle.expected_number_of_purchases_up_to_time(t), rtol=1e-9
    )


def test_online_retail_predictions_are_finite(retail_summary):
    assert retail_summary["frequency"].max() > 100  # customers with many purchases
    model = BetaGeoModel().fit(retail_summary)
    assert all(np.isfinite(v) and v > 0 for v in model.params_.values())
    for t in (30, 365, 3650):
        predicted = model.predict_purchases(t, retail_summary)
        assert np.isfinite(predicted).all() and (predicted >= 0).all()
    alive = model.probability_alive(retail_summary)
    assert alive.between(0, 1).all()
    # customers who bought today: more past purchases, more future purchases
    heavy = pd.DataFrame({"frequency": [50, 500], "recency": [365.0, 365.0], "T": [365.0, 365.0]})
    heavy_predicted = model.predict_purchases(30, heavy)
    assert np.isfinite(heavy_predicted).all()
    assert heavy_predicted.iloc[1] > heavy_predicted.iloc[0]


def test_customers_far_from_their_last_purchase_are_dead(fitted):
    gone = pd.DataFrame({"frequency": [300], "recency": [1.0], "T": [1000.0]})
    assert fitted.probability_alive(gone).iloc[0] == 0.0
    assert fitted.predict_purchases(52, gone).iloc[0] == 0.0


def test_penalizer_shrinks_the_parameters(cdnow, fitted):
    penalized = BetaGeoModel(penalizer_coef=0.1).fit(cdnow)
    size = sum(v**2 for v in penalized.params_.values())
    assert size < sum(v**2 for v in fitted.params_.values())
    assert penalized.log_likelihood_ < fitted.log_likelihood_


def test_fit_does_not_mutate_and_returns_self(cdnow):
    before = cdnow.copy()
    model = BetaGeoModel()
    assert model.fit(cdnow) is model
    model.predict_purchases(5, cdnow)
    model.probability_alive(cdnow)
    pd.testing.assert_frame_equal(cdnow, before)


def test_init_only_stores_parameters():
    model = BetaGeoModel(penalizer_coef=-1.0)
    assert model.get_params() == {"penalizer_coef": -1.0, "max_iter": 1000, "tol": 1e-7}
    assert not hasattr(model, "params_")


def test_not_fitted_is_a_clear_error(cdnow):
    with pytest.raises(NotFittedError, match="fit"):
        BetaGeoModel().predict_purchases(1, cdnow)


@pytest.mark.parametrize(
    ("change", "culprit"),
    [
        (lambda d: d.drop(columns="recency"), "recency"),
        (lambda d: d.assign(frequency=d["frequency"].where(d.index != 7, -1)), r"frequency.*7"),
        (lambda d: d.assign(recency=d["recency"].where(d.index != 9, 99.0)), r"recency.*T.*9"),
        (lambda d: d.assign(T=d["T"].where(d.index != 5, np.nan)), r"'T'.*5"),
        (lambda d: d.assign(frequency=d["frequency"] + 0.5), "frequency"),
    ],
)
def test_invalid_input_names_the_column_and_row(cdnow, change, culprit):
    with pytest.raises(DataError, match=culprit):
        BetaGeoModel().fit(change(cdnow))


def test_negative_penalizer_is_an_error(cdnow):
    with pytest.raises(ParameterError, match="penalizer_coef"):
        BetaGeoModel(penalizer_coef=-1.0).fit(cdnow)


def test_no_convergence_is_a_convergence_error_not_a_data_error(cdnow):
    with pytest.raises(ConvergenceError, match="没有收敛 .*penalizer_coef") as caught:
        BetaGeoModel(max_iter=2).fit(cdnow)
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, RuntimeError)
    assert not isinstance(caught.value, DataError | ParameterError)


def test_beta_function_terms_agree_with_gamma_functions():
    # the likelihood uses betaln; check it against the gamma form of eq. 6 for one customer
    r, alpha, a, b = 0.243, 4.414, 0.793, 2.426
    x, t_x, T = 2.0, 30.43, 38.86
    direct = (
        special.gammaln(a + b)
        + special.gammaln(b + x)
        - special.gammaln(b)
        - special.gammaln(a + b + x)
        + special.gammaln(r + x)
        - special.gammaln(r)
        + r * np.log(alpha)
        + np.log((alpha + T) ** -(r + x) + a / (b + x - 1) * (alpha + t_x) ** -(r + x))
    )
    terms, _ = _log_likelihood_terms(
        np.array([r, alpha, a, b]), np.array([x]), np.array([t_x]), np.array([T]), gradient=False
    )
    assert terms[0] == pytest.approx(direct, rel=1e-12)


@pytest.mark.parametrize(
    ("settings", "name"), [({"max_iter": 0}, "max_iter"), ({"tol": -1}, "tol")]
)
def test_bad_optimiser_settings_are_named(cdnow, settings, name):
    with pytest.raises(ParameterError, match=name):
        BetaGeoModel(**settings).fit(cdnow)


def test_huge_beta_parameters_stay_finite_and_continuous(cdnow):
    # a, b -> infinity with a / (a + b) fixed: everybody has the same drop-out probability;
    # the Euler-transformed 2F1 overflows there and the Pfaff form takes over
    huge, large = BetaGeoModel(), BetaGeoModel()
    huge.params_ = {"r": 0.25, "alpha": 4.4, "a": 2.0e5, "b": 8.0e5}
    large.params_ = {"r": 0.25, "alpha": 4.4, "a": 2.0e4, "b": 8.0e4}
    predicted = huge.predict_purchases(39, cdnow)
    assert np.isfinite(predicted).all() and (predicted >= 0).all()
    np.testing.assert_allclose(predicted, large.predict_purchases(39, cdnow), rtol=1e-3, atol=1e-9)
    assert huge.expected_purchases(39.0) == pytest.approx(large.expected_purchases(39.0), rel=1e-3)


@pytest.mark.parametrize("factor", [1.0, 7.0, 7.0 * 24 * 3600, 1e-7])
def test_estimates_do_not_depend_on_the_time_unit(cdnow, factor):
    # the summary in weeks, days, seconds, or 1e-7 weeks: the published estimates each time
    model = BetaGeoModel().fit(
        cdnow.assign(recency=cdnow["recency"] * factor, T=cdnow["T"] * factor)
    )
    for name in ("r", "a", "b"):
        assert model.params_[name] == pytest.approx(PUBLISHED[name], abs=5e-4), name
    assert model.params_["alpha"] / factor == pytest.approx(PUBLISHED["alpha"], abs=5e-4)
    # the likelihood of the times changes by the Jacobian of the unit only
    jacobian = cdnow["frequency"].sum() * np.log(factor)
    assert model.log_likelihood_ + jacobian == pytest.approx(PUBLISHED_LL, abs=0.05)


def test_the_model_refuses_a_summary_in_another_unit(cdnow_sample):
    daily = summary_from_transactions(cdnow_sample)
    weekly = summary_from_transactions(cdnow_sample, unit="W")
    model = BetaGeoModel().fit(weekly)
    assert model.time_unit_ == "W"
    assert model.predict_purchases(4, weekly).notna().all()
    for predict in (
        lambda s: model.predict_purchases(4, s),
        model.probability_alive,
        model.log_likelihood,
    ):
        with pytest.raises(DataError, match="'D'.*'W'"):
            predict(daily)
    # a daily fit gives the weekly one's predictions: alpha in days is 7 times alpha in weeks
    in_days = BetaGeoModel().fit(daily)
    assert in_days.params_["alpha"] == pytest.approx(7 * model.params_["alpha"], rel=1e-5)
    np.testing.assert_allclose(
        in_days.predict_purchases(28, daily), model.predict_purchases(4, weekly), rtol=1e-5
    )


def test_unidentifiable_summaries_are_clear_errors(cdnow):
    with pytest.raises(DataError, match="2 位客户"):
        BetaGeoModel().fit(cdnow.iloc[[5]])
    zero_t = pd.DataFrame({"frequency": [0, 0, 0], "recency": [0.0] * 3, "T": [0.0] * 3})
    with pytest.raises(DataError, match="every T is 0"):
        BetaGeoModel().fit(zero_t)
    with pytest.raises(DataError, match="no repeat buyer"):
        BetaGeoModel().fit(cdnow[cdnow["frequency"] == 0])
