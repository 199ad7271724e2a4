"""Pareto/NBD log-likelihood at extreme parameters against 50-digit mpmath."""

from __future__ import annotations

import numpy as np
import pytest

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
        for column, customer in enumerate(CUSTOMERS):

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
