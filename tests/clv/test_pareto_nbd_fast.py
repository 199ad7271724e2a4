"""Pareto/NBD fit: exact gradient, independence of the time unit, unidentifiable data."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from custseg.clv import ParetoNBDModel, summary_from_transactions
from custseg.clv import _pareto_nbd_likelihood as likelihood
from custseg.clv._pareto_nbd_likelihood import log_likelihood_and_gradient
from custseg.clv.pareto_nbd import _log_likelihood_terms
from custseg.errors import DataError


@pytest.fixture(scope="module")
def cdnow(cdnow_summary):
    return cdnow_summary.set_index("customer_id")[["frequency", "recency", "T"]]


@pytest.mark.parametrize(
    "params",
    [
        (0.55, 10.6, 0.61, 11.7),
        (0.55, 11.7, 0.61, 10.6),
        (2.0, 1.0, 0.3, 30.0),
        (0.1, 50.0, 3.0, 2.0),
    ],
)
def test_series_likelihood_and_gradient_are_exact(cdnow, params):
    x, t_x, T = (cdnow[c].to_numpy(np.float64) for c in ("frequency", "recency", "T"))
    p = np.array(params)
    value, gradient = log_likelihood_and_gradient(p, x, t_x, T)
    # the same values as scipy's hypergeometric function
    np.testing.assert_allclose(value, _log_likelihood_terms(p, x, t_x, T), rtol=1e-12, atol=1e-12)
    for i in range(4):
        step = 1e-6 * p[i]
        up, down = p.copy(), p.copy()
        up[i] += step
        down[i] -= step
        numeric = (
            log_likelihood_and_gradient(up, x, t_x, T)[0].sum()
            - log_likelihood_and_gradient(down, x, t_x, T)[0].sum()
        ) / (2 * step)
        assert gradient[i].sum() == pytest.approx(numeric, rel=1e-6, abs=1e-6)


@pytest.mark.parametrize("factor", [7.0 * 24 * 3600, 1.0 / 52, 7.0 * 24 * 60])
def test_estimates_do_not_depend_on_the_time_unit(cdnow, factor):
    weeks = ParetoNBDModel().fit(cdnow)
    other = ParetoNBDModel().fit(
        cdnow.assign(recency=cdnow["recency"] * factor, T=cdnow["T"] * factor)
    )
    for name in ("r", "s"):
        assert other.params_[name] == pytest.approx(weeks.params_[name], rel=1e-4)
    for name in ("alpha", "beta"):
        assert other.params_[name] / factor == pytest.approx(weeks.params_[name], rel=1e-4)
    # the likelihood of the times changes by the Jacobian of the unit only
    jacobian = cdnow["frequency"].sum() * np.log(factor)
    assert other.log_likelihood_ + jacobian == pytest.approx(weeks.log_likelihood_, abs=1e-3)


def test_unidentifiable_summaries_are_clear_errors(cdnow):
    with pytest.raises(DataError, match="2 位客户"):
        ParetoNBDModel().fit(cdnow.iloc[[5]])
    zero_t = pd.DataFrame({"frequency": [0, 0, 0], "recency": [0.0] * 3, "T": [0.0] * 3})
    with pytest.raises(DataError, match="every T is 0"):
        ParetoNBDModel().fit(zero_t)
    single = cdnow[cdnow["frequency"] == 0]
    with pytest.raises(DataError, match="no repeat buyer"):
        ParetoNBDModel().fit(single)


def bootstrap(cdnow, n_customers, seed):
    """CDNOW customers drawn with replacement, recency and T scaled by U(0.9, 1.1)."""
    rng = np.random.default_rng(seed)
    rows = rng.integers(0, len(cdnow), n_customers)
    factor = rng.uniform(0.9, 1.1, n_customers)
    return (
        cdnow["frequency"].to_numpy(np.float64)[rows],
        cdnow["recency"].to_numpy()[rows] * factor,
        cdnow["T"].to_numpy()[rows] * factor,
    )


@pytest.mark.parametrize("hessian_ok", [True, False])
def test_quasi_newton_steps_reach_the_lbfgs_optimum(cdnow, monkeypatch, hessian_ok):
    # above 40,000 rows: subsample start, then quasi-Newton steps (or, should they fail,
    # L-BFGS-B); the estimates are those of L-BFGS-B run from scratch on all the rows
    x, t_x, T = bootstrap(cdnow, 50_000, 2)
    t_x, T = t_x / T.mean(), T / T.mean()
    settings = dict(penalty_scale=np.ones(4), penalizer=0.0, max_iter=1000, tol=1e-8)
    weights = np.ones(len(x))
    if not hessian_ok:
        monkeypatch.setattr(likelihood, "_hessian", lambda objective, point, gradient: -np.eye(4))
    fast = likelihood.fit_log_parameters(x, t_x, T, weights, **settings)
    plain = likelihood.fit_log_parameters(x, t_x, T, weights, **settings, start=np.zeros(4))
    assert fast.success and plain.success
    assert ("subsample Hessian" in fast.message) == hessian_ok
    if hessian_ok:  # a handful of evaluations of all the rows instead of dozens
        assert fast.nfev * 2 < plain.nfev
    np.testing.assert_allclose(np.exp(fast.x), np.exp(plain.x), rtol=1e-6)
    assert fast.fun <= plain.fun + 1e-12


def test_bootstrapped_distinct_customers_match_the_small_fit(cdnow):
    # 60,000 distinct rows take the subsample start; the optimum is the full-data one
    rng = np.random.default_rng(1)
    rows = rng.integers(0, len(cdnow), 60_000)
    factor = rng.uniform(0.9, 1.1, len(rows))
    big = pd.DataFrame(
        {
            "frequency": cdnow["frequency"].to_numpy()[rows],
            "recency": cdnow["recency"].to_numpy()[rows] * factor,
            "T": cdnow["T"].to_numpy()[rows] * factor,
        }
    )
    model = ParetoNBDModel().fit(big)
    # no other parameters do better: a nudge of each estimate lowers the likelihood
    for name in model.params_:
        for change in (0.99, 1.01):
            other = ParetoNBDModel()
            other.params_ = {**model.params_, name: model.params_[name] * change}
            assert other.log_likelihood(big).sum() < model.log_likelihood_


def test_summary_carries_its_time_unit_and_the_model_refuses_another(cdnow_sample):
    daily = summary_from_transactions(cdnow_sample)
    weekly = summary_from_transactions(cdnow_sample, unit="W")
    assert daily.attrs["time_unit"] == "D" and weekly.attrs["time_unit"] == "W"
    model = ParetoNBDModel().fit(weekly)
    assert model.predict_purchases(4, weekly).notna().all()
    with pytest.raises(DataError, match="unit"):
        model.predict_purchases(4, daily)
    with pytest.raises(DataError, match="unit"):
        model.probability_alive(daily)
