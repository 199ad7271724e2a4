"""lifetimes 0.11.3's estimation tests (tests/test_estimation.py) that apply, on custseg's API.

Each test keeps lifetimes' name, data (the CDNOW sample) and expected numbers (Fader-Hardie
papers and spreadsheets, R's BTYD). Where lifetimes passes frequency / recency / T as
separate arguments, custseg takes a summary table; a customer with no repeat purchase has
recency 0 here, so grid points with frequency 0 and recency > 0 are left out.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from custseg.clv import BetaGeoModel, GammaGammaModel, ParetoNBDModel
from custseg.clv.pareto_nbd import _log_a0


@pytest.fixture(scope="module")
def cdnow_customers(cdnow_summary):
    return cdnow_summary.set_index("customer_id")


@pytest.fixture(scope="module")
def returning(cdnow_customers):
    return cdnow_customers[cdnow_customers["frequency"] > 0]


@pytest.fixture(scope="module")
def bgf(cdnow_customers):
    return BetaGeoModel().fit(cdnow_customers)


@pytest.fixture(scope="module")
def ptf(cdnow_customers):
    return ParetoNBDModel().fit(cdnow_customers)


def _one(x, t_x, T):
    return pd.DataFrame({"frequency": [x], "recency": [float(t_x)], "T": [float(T)]})


def _grid(frequencies, recencies, ages):
    rows = [
        (x, t_x, T)
        for x in frequencies
        for t_x in recencies
        for T in ages(t_x)
        if x > 0 or t_x == 0
    ]
    return pd.DataFrame(rows, columns=["frequency", "recency", "T"]).astype(float)


def _with_params(model_class, **params):
    model = model_class()
    model.params_ = params
    return model


def _weighted(frame, columns):
    grouped = frame.groupby(columns).size().rename("weights").reset_index()
    assert (grouped["weights"] > 1).any()
    return grouped


# ----------------------------------------------------------------- TestGammaGammaFitter
def test_gg_params_out_is_close_to_Hardie_paper(returning):
    ggf = GammaGammaModel().fit(returning)
    np.testing.assert_array_almost_equal(
        [6.25, 3.74, 15.44], [ggf.params_[k] for k in ("p", "q", "v")], decimal=2
    )


def test_gg_conditional_expected_average_profit(cdnow_customers):
    ggf = _with_params(GammaGammaModel, p=6.25, q=3.74, v=15.44)
    estimates = ggf.expected_average_value(cdnow_customers.head(10))
    # from Hardie's spreadsheet, http://brucehardie.com/notes/025/
    expected = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17]
    np.testing.assert_allclose(estimates.to_numpy(), expected, atol=0.1)


def test_gg_customer_lifetime_value_with_bgf(cdnow_customers, bgf):
    # lifetimes compares its method with utils._customer_lifetime_value: the monthly sum
    ggf = _with_params(GammaGammaModel, p=6.25, q=3.74, v=15.44)
    for freq, per_month in (("D", 30.0), ("W", 4.345)):
        clv = ggf.customer_lifetime_value(bgf, cdnow_customers, freq=freq)
        spend = ggf.expected_average_value(cdnow_customers)
        by_hand = sum(
            spend
            * (
                bgf.predict_purchases(month * per_month, cdnow_customers)
                - bgf.predict_purchases((month - 1) * per_month, cdnow_customers)
            )
            / 1.01**month
            for month in range(1, 13)
        )
        np.testing.assert_allclose(clv, by_hand, rtol=1e-12)


def test_gg_params_out_is_close_to_Hardie_paper_with_q_constraint(returning):
    ggf = GammaGammaModel(q_constraint=True).fit(returning)
    np.testing.assert_array_almost_equal(
        [6.25, 3.74, 15.44], [ggf.params_[k] for k in ("p", "q", "v")], decimal=2
    )


def test_gg_using_weights_col_gives_correct_results(returning):
    grouped = _weighted(returning, ["frequency", "monetary_value"])
    weighted = GammaGammaModel().fit(grouped, weights=grouped["weights"])
    plain = GammaGammaModel().fit(returning)
    np.testing.assert_almost_equal(
        [plain.params_[k] for k in "pqv"], [weighted.params_[k] for k in "pqv"], decimal=3
    )


# ----------------------------------------------------------------- TestParetoNBDFitter
def test_pnbd_overflow_error():
    params = (10.465, 7.98565181e-03, 3.0516, 2.820)
    freq = np.array([400.0, 500.0, 500.0])
    rec = np.array([5.0, 1.0, 4.0])
    age = np.array([6.0, 37.0, 37.0])
    values = _log_a0(*params, freq, rec, age)
    assert np.all(np.isfinite(values)) and np.all(values < 0)


def test_pnbd_sum_of_scalar_inputs_to_log_likelihood_is_equal_to_array():
    ptf = _with_params(ParetoNBDModel, r=1.0, alpha=1.0, s=1.0, beta=1.0)
    both = pd.DataFrame({"frequency": [1, 3], "recency": [2.0, 2.0], "T": [5.0, 6.0]})
    each = ptf.log_likelihood(both.iloc[[0]]).iloc[0] + ptf.log_likelihood(both.iloc[[1]]).iloc[0]
    assert each == pytest.approx(ptf.log_likelihood(both).sum(), rel=1e-14)


def test_pnbd_params_out_is_close_to_Hardie_paper(ptf):
    np.testing.assert_array_almost_equal(
        [0.553, 10.578, 0.606, 11.669],
        [ptf.params_[k] for k in ("r", "alpha", "s", "beta")],
        decimal=2,
    )


def test_pnbd_expectation_returns_same_value_as_R_BTYD(ptf):
    expected = [0.0, 0.05077821, 0.09916088, 0.14542507, 0.18979930, 0.23247466]
    expected += [0.27361274, 0.31335159, 0.35181024, 0.38909211]
    np.testing.assert_allclose(ptf.expected_purchases(np.arange(10.0)), expected, atol=0.01)


def test_pnbd_conditional_expectation_returns_same_value_as_R_BTYD(ptf):
    assert ptf.predict_purchases(52, _one(26, 30.86, 31)).iloc[0] == pytest.approx(25.46, abs=0.01)


def test_pnbd_conditional_expectation_underflow():
    ptf = _with_params(ParetoNBDModel, r=0.55, alpha=10.58, s=0.61, beta=11.67)
    left = ptf.predict_purchases(10, _one(132, 200, 200)).iloc[0]
    right = ptf.predict_purchases(10, _one(133, 200, 200)).iloc[0]
    assert abs(left - right) < 0.05


def test_pnbd_conditional_probability_alive_is_between_0_and_1(ptf):
    grid = _grid(np.arange(0, 100, 10), np.arange(0, 100, 10), lambda t_x: np.arange(t_x, 100, 10))
    alive = ptf.probability_alive(grid)
    assert alive.between(0, 1).all() and len(grid) > 400


def test_pnbd_conditional_probability_alive():
    # page 8 of the BTYD walkthrough
    ptf = _with_params(ParetoNBDModel, r=0.5534, alpha=10.5802, s=0.6061, beta=11.6562)
    assert ptf.probability_alive(_one(26, 30.86, 31)).iloc[0] == pytest.approx(0.9979, abs=0.001)


def test_pnbd_conditional_probability_alive_overflow_error():
    ptf = _with_params(ParetoNBDModel, r=10.465, alpha=7.98565181e-03, s=3.0516, beta=2.820)
    data = pd.DataFrame({"frequency": [40.0, 50, 50], "recency": [5.0, 1, 4], "T": [6.0, 37, 37]})
    alive = ptf.probability_alive(data)
    assert alive.notna().all() and alive.between(0, 1).all()


def test_pnbd_conditional_probability_alive_matrix(ptf):
    matrix = ptf.probability_alive_matrix()
    max_t = int(ptf.max_T_)
    assert matrix.shape == (int(ptf.max_frequency_) + 1, max_t + 1)
    cells = _grid(range(matrix.shape[0]), range(matrix.shape[1]), lambda t_x: [max_t])
    expected = ptf.probability_alive(cells).to_numpy()
    got = [matrix.loc[int(x), int(t_x)] for x, t_x, _ in cells.itertuples(index=False)]
    np.testing.assert_array_equal(got, expected)


def test_pnbd_conditional_probability_of_n_purchases_up_to_time_is_between_0_and_1(ptf):
    rng = np.random.default_rng(0)
    for _ in range(25):
        x = int(rng.integers(1, 100))
        t_x = float(rng.integers(0, 100))
        customer = _one(x, t_x, t_x + rng.integers(0, 100))
        t = float(rng.integers(0, 100))
        for n in rng.integers(0, 10, 5):
            value = ptf.conditional_probability_of_n_purchases(t, int(n), customer).iloc[0]
            assert 0.0 <= value <= 1.0


def test_pnbd_conditional_probability_of_n_purchases_up_to_time_adds_up_to_1(ptf):
    rng = np.random.default_rng(1)
    for _ in range(20):
        x = int(rng.integers(0, 10))
        t_x = float(rng.integers(0, 9)) if x > 0 else 0.0
        customer = _one(x, t_x, rng.integers(t_x, 10) if t_x < 10 else t_x)
        t = float(1 + rng.integers(0, 9))
        total = sum(
            ptf.conditional_probability_of_n_purchases(t, n, customer).iloc[0] for n in range(20)
        )
        np.testing.assert_almost_equal(total, 1.0, decimal=2)


def test_pnbd_fit_with_and_without_weights(cdnow_customers, ptf):
    grouped = _weighted(cdnow_customers, ["frequency", "recency", "T"])
    weighted = ParetoNBDModel().fit(grouped, weights=grouped["weights"])
    np.testing.assert_array_almost_equal(
        [ptf.params_[k] for k in ("r", "alpha", "s", "beta")],
        [weighted.params_[k] for k in ("r", "alpha", "s", "beta")],
        decimal=2,
    )


# ----------------------------------------------------------------- TestBetaGeoFitter
def test_bg_sum_of_scalar_inputs_to_log_likelihood_is_equal_to_array():
    bgf = _with_params(BetaGeoModel, r=1.0, alpha=1.0, a=1.0, b=1.0)
    both = pd.DataFrame({"frequency": [1, 3], "recency": [2.0, 2.0], "T": [5.0, 6.0]})
    each = bgf.log_likelihood(both.iloc[[0]]).iloc[0] + bgf.log_likelihood(both.iloc[[1]]).iloc[0]
    assert each == pytest.approx(bgf.log_likelihood(both).sum(), rel=1e-14)


def test_bg_params_out_is_close_to_Hardie_paper(bgf):
    np.testing.assert_array_almost_equal(
        [0.243, 4.414, 0.793, 2.426], [bgf.params_[k] for k in ("r", "alpha", "a", "b")], decimal=2
    )


def test_bg_conditional_expectation_returns_same_value_as_Hardie_excel_sheet(bgf):
    assert bgf.predict_purchases(39, _one(2, 30.43, 38.86)).iloc[0] == pytest.approx(
        1.226, abs=0.001
    )


def test_bg_expectation_returns_same_value_Hardie_excel_sheet(bgf):
    times = np.array([0.1429, 1.0, 3.00, 31.8571, 32.00, 78.00])
    expected = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576]
    np.testing.assert_array_almost_equal(bgf.expected_purchases(times), expected, decimal=3)


def test_bg_conditional_probability_alive_returns_1_if_no_repeat_purchases(bgf):
    # lifetimes asks (frequency 0, recency 1, T 1); without repeat purchase recency is 0 here
    assert bgf.probability_alive(_one(0, 0, 1)).iloc[0] == 1.0


def test_bg_conditional_probability_alive_is_between_0_and_1(bgf):
    grid = _grid(range(0, 100, 10), range(0, 100, 10), lambda t_x: range(t_x, 100, 10))
    assert bgf.probability_alive(grid).between(0, 1).all()


def test_bg_penalizer_term_will_shrink_coefs_to_0(cdnow_customers, bgf):
    params_1 = pd.Series(bgf.params_)
    params_2 = pd.Series(BetaGeoModel(penalizer_coef=0.1).fit(cdnow_customers).params_)
    assert (params_2 < params_1).all()
    params_3 = pd.Series(BetaGeoModel(penalizer_coef=10).fit(cdnow_customers).params_)
    assert (params_3 < params_2).all()


def test_bg_conditional_probability_alive_matrix(bgf):
    matrix = bgf.probability_alive_matrix()
    assert matrix.loc[0, 0] == 1
    max_t = int(bgf.max_T_)
    cells = _grid(range(matrix.shape[0]), range(matrix.shape[1]), lambda t_x: [max_t])
    got = [matrix.loc[int(x), int(t_x)] for x, t_x, _ in cells.itertuples(index=False)]
    np.testing.assert_array_equal(got, bgf.probability_alive(cells).to_numpy())


def test_bg_probability_of_n_purchases_up_to_time_same_as_R_BTYD():
    bgf = _with_params(BetaGeoModel, r=0.243, alpha=4.414, a=0.793, b=2.426)
    assert abs(bgf.probability_of_n_purchases(2, 10) - 1.07869e-07) < 10e-5
    assert abs(bgf.probability_of_n_purchases(39, 0) - 0.5737864) < 10e-5
    expected = [0.0019995214, 0.0015170236, 0.0011633150, 0.0009003148, 0.0007023638]
    expected += [0.0005517902, 0.0004361913, 0.0003467171, 0.0002769613, 0.0002222260]
    # lifetimes compares the 10 values with range(11, 21), which has 10 elements
    actual = bgf.probability_of_n_purchases(30, np.arange(11, 21))
    np.testing.assert_array_almost_equal(expected, actual, decimal=5)


def test_bg_scaling_inputs_gives_same_or_similar_results(cdnow_customers, bgf):
    scale = 10
    large = BetaGeoModel().fit(
        cdnow_customers.assign(
            recency=scale * cdnow_customers["recency"], T=scale * cdnow_customers["T"]
        )
    )
    for x, t_x, T in ((1, 1, 2), (1, 2, 10)):
        assert (
            abs(
                large.probability_alive(_one(x, scale * t_x, scale * T)).iloc[0]
                - bgf.probability_alive(_one(x, t_x, T)).iloc[0]
            )
            < 10e-5
        )


def test_bg_save_load(bgf, tmp_path):
    loaded = BetaGeoModel.load(bgf.save(tmp_path / "bgnbd.json"))
    assert loaded.penalizer_coef == bgf.penalizer_coef
    assert loaded.params_ == bgf.params_
    assert loaded.log_likelihood_ == bgf.log_likelihood_
    customer = _one(1, 2, 5)
    assert (
        loaded.predict_purchases(1, customer).iloc[0] == bgf.predict_purchases(1, customer).iloc[0]
    )
    assert loaded.expected_purchases(1) == bgf.expected_purchases(1)


def test_bg_no_runtime_warnings_high_frequency(bgf):
    old_settings = np.seterr(all="raise")
    try:
        p_alive = bgf.probability_alive(_one(1000, 10, 100)).iloc[0]
    finally:
        np.seterr(**old_settings)
    assert p_alive == 0.0


def test_bg_using_weights_col_gives_correct_results(cdnow_customers, bgf):
    grouped = _weighted(cdnow_customers, ["frequency", "recency", "T"])
    weighted = BetaGeoModel().fit(grouped, weights=grouped["weights"])
    np.testing.assert_almost_equal(
        [bgf.params_[k] for k in ("r", "alpha", "a", "b")],
        [weighted.params_[k] for k in ("r", "alpha", "a", "b")],
        decimal=3,
    )
