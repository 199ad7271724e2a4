"""Pareto/NBD P(alive) and likelihood at extreme parameters, against 50-digit mpmath.

Where alpha and beta are orders of magnitude apart, the hypergeometric closed form loses
digits or overflows (it gave NaN at the first points below); the model then integrates the
"dropped out between t_x and T" term numerically. The reference integrates the same term
with mpmath at 50 significant digits.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import special

from custseg.clv import ParetoNBDModel

mpmath = pytest.importorskip("mpmath")

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
    with mpmath.workdps(50):
        r, alpha, s, beta, x, t_x, T = (mpmath.mpf(v) for v in (r, alpha, s, beta, x, t_x, T))
        c = min(alpha, beta)

        def integrand(w):  # u = e^w - c: smooth in w even where alpha and beta differ a lot
            u = mpmath.exp(w) - c
            return mpmath.exp(w - (r + x) * mpmath.log(alpha + u) - (s + 1) * mpmath.log(beta + u))

        low, high = mpmath.log(c + t_x), mpmath.log(c + T)
        dead = mpmath.quad(integrand, mpmath.linspace(low, high, 129))
        alive_term = (alpha + T) ** -(r + x) * (beta + T) ** -s
        p_alive = alive_term / (alive_term + s * dead)
        log_l = (
            mpmath.loggamma(r + x)
            - mpmath.loggamma(r)
            + r * mpmath.log(alpha)
            + s * mpmath.log(beta)
            + mpmath.log(alive_term + s * dead)
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
