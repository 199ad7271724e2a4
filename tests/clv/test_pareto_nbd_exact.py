"""Pareto/NBD likelihood, its gradient and P(alive) at extreme parameters, against 50-digit mpmath.

First the likelihood module the fit uses (series in z, and the split integral near z = 1),
then the model's own P(alive) and log-likelihood. Where alpha and beta are orders of
magnitude apart, the model's hypergeometric closed form loses digits or overflows (it gave
NaN at the first points of ``EXTREME``) and integrates the "dropped out between t_x and T"
term numerically; that reference integrates the same term with mpmath at 50 digits.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import special

from custseg.clv import ParetoNBDModel
from custseg.clv._pareto_nbd_likelihood import (
    evaluation_plan,
    log_likelihood_and_gradient,
    weighted_log_likelihood,
)

mp = pytest.importorskip("mpmath")

# customers (x, t_x, T): no repeat purchase, a few, many (late and early), a very long history
CUSTOMERS = np.array(
    [
        [0.0, 0.0, 39.0],
        [1.0, 2.0, 39.0],
        [5.0, 20.0, 38.0],
        [170.0, 500.0, 600.0],
        [3.0, 5e4, 1e5],
        [2.0, 1e-3, 7.0],
    ]
)

# (r, alpha, s, beta): large alpha and beta, tiny r and s, large r and s, alpha much larger
# or smaller than beta; r = 2 and s = 1 make k and the exponents integers
EXTREMES = [
    (0.55, 1e4, 0.61, 2e4),
    (0.55, 3e4, 0.61, 1e3),
    (1e-4, 10.0, 1e-4, 12.0),
    (1e-3, 1e4, 1e-3, 1e4),
    (200.0, 1e4, 300.0, 2e4),
    (0.01, 1.0, 0.01, 2.0),
    (5.0, 1e-3, 1e-4, 2.0),
    (0.5, 2.0, 0.5, 1e3),
    # alpha and beta orders of magnitude apart: z = |alpha-beta|/(max+t) within 1e-10 of 1
    (0.5, 1e5, 0.5, 1e-5),
    (0.5, 1e-5, 0.5, 1e5),
    (1e-3, 1e4, 1e-3, 1.0),
    (1e-4, 0.01, 50.0, 3e3),
    (2.0, 1e-4, 1.0, 1e4),
]


def reference(params, customer) -> mp.mpf:
    """ln L from Fader & Hardie (2005, note 009, eq. 22) with mpmath's 2F1, 50 digits."""
    with mp.workdps(max(50, mp.mp.dps)):  # mp.diff works at a higher precision
        r, alpha, s, beta = (mp.mpf(v) for v in params)
        x, t_x, T = (mp.mpf(v) for v in customer)
        k = r + s + x
        top, second = (alpha, s + 1) if alpha >= beta else (beta, r + x)

        def j(t):
            return mp.hyp2f1(k, second, k + 1, abs(alpha - beta) / (top + t)) / (top + t) ** k

        head = mp.loggamma(r + x) - mp.loggamma(r) + r * mp.log(alpha) + s * mp.log(beta)
        alive = (alpha + T) ** (-(r + x)) * (beta + T) ** (-s)
        return head + mp.log(alive + s / k * (j(t_x) - j(T)))


def scale(params, customer) -> float:
    """The largest magnitude among the terms that ln L adds up."""
    r, alpha, s, beta = params
    x, _, T = customer
    return 1.0 + max(
        abs(float(mp.loggamma(r + x))),
        abs(r * np.log(alpha)) + abs(s * np.log(beta)),
        (r + x) * abs(np.log(alpha + T)) + s * abs(np.log(beta + T)),
    )


def direct_reference(params, customer) -> mp.mpf:
    """ln L from its definition: the death-time integral by quadrature, no 2F1."""
    with mp.workdps(max(50, mp.mp.dps)):  # mp.diff works at a higher precision
        r, alpha, s, beta = (mp.mpf(v) for v in params)
        x, t_x, T = (mp.mpf(v) for v in customer)
        head = mp.loggamma(r + x) - mp.loggamma(r) + r * mp.log(alpha) + s * mp.log(beta)
        alive = (alpha + T) ** (-(r + x)) * (beta + T) ** (-s)
        dead = s * mp.quad(lambda u: (alpha + u) ** (-(r + x)) * (beta + u) ** (-(s + 1)), [t_x, T])
        return head + mp.log(alive + dead)


def test_the_reference_agrees_with_the_definition():
    # the oracle itself: 2F1 closed form against quadrature of the lifetime density
    for params, customer in [
        ((0.55, 10.6, 0.61, 11.7), (2.0, 30.4, 38.9)),
        ((1e-3, 1e4, 1e-3, 1.0), (0.0, 0.0, 39.0)),
        ((0.01, 1.0, 0.01, 2.0), (5.0, 1e4, 1e5)),
    ]:
        exact = reference(params, customer)
        assert abs(direct_reference(params, customer) - exact) < 1e-25 * max(1, abs(exact))


@pytest.mark.parametrize("params", EXTREMES)
def test_log_likelihood_is_exact_at_extreme_parameters(params):
    x, t_x, T = CUSTOMERS.T.copy()
    value, _ = log_likelihood_and_gradient(np.array(params), x, t_x, T)
    assert np.all(np.isfinite(value))
    for got, customer in zip(value, CUSTOMERS, strict=True):
        exact = float(reference(params, customer))
        # ln L is a sum of terms as large as (r+x) ln(alpha+T): exact to their rounding
        assert got == pytest.approx(exact, rel=1e-12, abs=1e-15 * scale(params, customer))


@pytest.mark.parametrize("params", [EXTREMES[i] for i in (1, 2, 6, 8, 9, 11, 12)])
def test_gradient_is_exact_at_extreme_parameters(params):
    x, t_x, T = CUSTOMERS.T.copy()
    _, grad = log_likelihood_and_gradient(np.array(params), x, t_x, T)
    for i in range(4):
        for column in (0, 2, 3):  # x = 0, 5 and 170
            customer = CUSTOMERS[column]

            def along(v, i=i, customer=customer):
                moved = list(params)
                moved[i] = v
                return reference(moved, customer)

            with mp.workdps(50):
                exact = float(mp.diff(along, mp.mpf(params[i])))
            # in the log-parameters the fit works in (tiny r or s cancel terms as large as 1/s)
            assert params[i] * grad[i, column] == pytest.approx(
                params[i] * exact, rel=1e-8, abs=1e-12
            ), (i, customer)


@pytest.mark.parametrize("params", EXTREMES[:3])
def test_weighted_sum_equals_the_sum_of_the_customers(params):
    x, t_x, T = CUSTOMERS.T.copy()
    weights = np.arange(1.0, len(x) + 1)
    value, grad = log_likelihood_and_gradient(np.array(params), x, t_x, T)
    plan = evaluation_plan(x, t_x, T)
    total, total_grad = weighted_log_likelihood(np.array(params), weights[plan.order], plan)
    assert total == pytest.approx(weights @ value, rel=1e-13)
    np.testing.assert_allclose(total_grad, grad @ weights, rtol=1e-12)


# (r, alpha, s, beta, x, t_x, T): weeks, as the CDNOW summary (T = 38.86)
EXTREME = [
    (0.5, 1e4, 50.0, 1e-4, 300, 38.0, 38.86),
    (0.001, 1e4, 50.0, 1.0, 300, 38.0, 38.86),
    (50.0, 1e-4, 0.6, 1e4, 300, 38.0, 38.86),
    (50.0, 1.0, 50.0, 1e4, 40, 12.0, 38.86),
    (0.5, 1e-4, 50.0, 1e4, 0, 0.0, 38.86),
    (50.0, 1e4, 0.6, 1e-4, 0, 0.0, 38.86),
]


def _exact(r, alpha, s, beta, x, t_x, T):
    """P(alive) and ln L with 50 digits (Fader & Hardie 2005, note 009, eq. 16 and 18)."""
    with mp.workdps(50):
        r, alpha, s, beta, x, t_x, T = (mp.mpf(v) for v in (r, alpha, s, beta, x, t_x, T))
        c = min(alpha, beta)

        def integrand(w):  # u = e^w - c: smooth in w even where alpha and beta differ a lot
            u = mp.exp(w) - c
            return mp.exp(w - (r + x) * mp.log(alpha + u) - (s + 1) * mp.log(beta + u))

        low, high = mp.log(c + t_x), mp.log(c + T)
        dead = mp.quad(integrand, mp.linspace(low, high, 129))
        alive_term = (alpha + T) ** -(r + x) * (beta + T) ** -s
        p_alive = alive_term / (alive_term + s * dead)
        log_l = (
            mp.loggamma(r + x)
            - mp.loggamma(r)
            + r * mp.log(alpha)
            + s * mp.log(beta)
            + mp.log(alive_term + s * dead)
        )
        return float(p_alive), float(log_l)


@pytest.mark.parametrize("point", EXTREME)
def test_probability_alive_and_likelihood_are_exact(point):
    r, alpha, s, beta, x, t_x, T = point
    model = ParetoNBDModel()
    model.params_ = {"r": r, "alpha": alpha, "s": s, "beta": beta}
    customer = pd.DataFrame({"frequency": [x], "recency": [t_x], "T": [T]})
    p_alive, log_l = _exact(*point)
    assert model.probability_alive(customer).iloc[0] == pytest.approx(p_alive, rel=1e-9)
    assert model.log_likelihood(customer).iloc[0] == pytest.approx(log_l, rel=1e-11, abs=1e-9)


def test_values_at_the_published_estimates_are_unchanged(cdnow_summary):
    # at ordinary parameters the closed form is used, and still agrees with mpmath
    cdnow = cdnow_summary.set_index("customer_id")[["frequency", "recency", "T"]]
    model = ParetoNBDModel()
    model.params_ = {"r": 0.553, "alpha": 10.578, "s": 0.606, "beta": 11.669}
    some = cdnow.iloc[[0, 1, 5, 100]]
    ours = model.probability_alive(some).to_numpy()
    exact = [_exact(0.553, 10.578, 0.606, 11.669, *row)[0] for row in some.itertuples(index=False)]
    np.testing.assert_allclose(ours, exact, rtol=1e-10)
    assert np.isfinite(special.logit(ours)).all()


@pytest.mark.parametrize("point", EXTREME)
def test_the_fit_likelihood_agrees_at_the_same_points(point):
    # the same 50-digit integral checks the series the fit sums, with its near-one split
    params, customer = np.array(point[:4]), np.array(point[4:], dtype=np.float64)
    value, _ = log_likelihood_and_gradient(params, *customer[:, None])
    assert value[0] == pytest.approx(_exact(*point)[1], rel=1e-11, abs=1e-9)
