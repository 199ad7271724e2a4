"""BG/NBD model: how many purchases a customer will make, and whether they are still "alive".

Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). "Counting your customers" the easy way:
an alternative to the Pareto/NBD model. *Marketing Science* 24(2), 275-284.

While alive, a customer buys as a Poisson process with rate lambda ~ Gamma(r, alpha); after
each purchase they drop out with probability p ~ Beta(a, b).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import integrate, special

from custseg.clv._fitting import check_counts, check_time, maximize_log_likelihood, summary_arrays
from custseg.clv.base import Objective, PurchaseModel

__all__ = ["BetaGeoModel"]


def _log_add(
    first: np.ndarray, second: np.ndarray, present: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """``ln(e^first + present * e^second)`` and the share of the second term in the sum.

    Log-sum-exp with the smaller term's exponent floored at -60 (e^-60 is far below the
    double precision of 1 + e^-60), which keeps ``exp`` away from its slow underflow path.
    """
    diff = np.where(present, second - first, -60.0)
    small = np.exp(np.maximum(-np.abs(diff), -60.0)) * present
    total = np.maximum(first, np.where(present, second, first)) + np.log1p(small)
    share_second = np.where(diff > 0, 1.0, small) / (1.0 + small)
    return total, share_second


def _log_likelihood_terms(
    params: np.ndarray, x: np.ndarray, t_x: np.ndarray, T: np.ndarray, *, gradient: bool
) -> tuple[np.ndarray, np.ndarray | None]:
    """Per-customer log-likelihood (FHL 2005, eq. 6) and its gradient in log-parameters.

    ``ln L = ln B(a, b+x)/B(a, b) + ln Gamma(r+x)/Gamma(r) + r ln alpha
    + ln[ (alpha+T)^-(r+x) + 1{x>0} a/(b+x-1) (alpha+t_x)^-(r+x) ]``, the bracket taken with
    log-sum-exp.
    """
    r, alpha, a, b = params
    repeat = x > 0
    a1 = special.gammaln(r + x) - special.gammaln(r) + r * np.log(alpha)
    a2 = special.betaln(a, b + x) - special.betaln(a, b)
    a3 = -(r + x) * np.log(alpha + T)
    a4 = np.log(a) - np.log(b + np.maximum(x, 1) - 1) - (r + x) * np.log(alpha + t_x)
    bracket, w4 = _log_add(a3, a4, repeat)
    terms = a1 + a2 + bracket
    if not gradient:
        return terms, None
    w3 = 1.0 - w4
    psi_ab = special.digamma(a + b)
    psi_abx = special.digamma(a + b + x)
    d_r = (
        special.digamma(r + x)
        - special.digamma(r)
        + np.log(alpha)
        - w3 * np.log(alpha + T)
        - w4 * np.log(alpha + t_x)
    )
    d_alpha = r / alpha - (r + x) * (w3 / (alpha + T) + w4 / (alpha + t_x))
    d_a = psi_ab - psi_abx + w4 / a
    d_b = psi_ab + special.digamma(b + x) - special.digamma(b) - psi_abx
    d_b = d_b - np.where(repeat, w4 / (b + np.maximum(x, 1) - 1), 0.0)
    # chain rule to log-parameters: d/d(log theta) = theta * d/d(theta)
    grad = np.stack([d_r * r, d_alpha * alpha, d_a * a, d_b * b])
    return terms, grad


def _total_log_likelihood(
    params: np.ndarray,
    x: np.ndarray,
    t_x: np.ndarray,
    T: np.ndarray,
    weights: np.ndarray,
    levels: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> tuple[float, np.ndarray]:
    """Weighted sum of :func:`_log_likelihood_terms` and its gradient in log-parameters.

    The gamma / beta / digamma terms depend on the frequency only: they are evaluated once
    per distinct frequency (``levels``: distinct values, row -> level index, summed weight
    per level), which makes an evaluation over a million customers cheap.
    """
    r, alpha, a, b = params
    x_levels, x_index, level_weights = levels
    total = weights.sum()
    repeat = x > 0
    log_b_x = np.log(b + np.maximum(x_levels, 1) - 1)
    log_alpha_T = np.log(alpha + T)
    log_alpha_t_x = np.log(alpha + t_x)
    a3 = -(r + x) * log_alpha_T
    a4 = np.log(a) - log_b_x[x_index] - (r + x) * log_alpha_t_x
    bracket, w4 = _log_add(a3, a4, repeat)
    per_level = special.gammaln(r + x_levels) + special.betaln(a, b + x_levels)
    value = (
        np.sum(level_weights * per_level)
        + total * (r * np.log(alpha) - special.gammaln(r) - special.betaln(a, b))
        + np.sum(weights * bracket)
    )
    w3 = weights * (1.0 - w4)
    w4 = weights * w4
    psi_abx = np.sum(level_weights * special.digamma(a + b + x_levels))
    psi_ab = special.digamma(a + b)
    d_r = (
        np.sum(level_weights * special.digamma(r + x_levels))
        + total * (np.log(alpha) - special.digamma(r))
        - np.sum(w3 * log_alpha_T)
        - np.sum(w4 * log_alpha_t_x)
    )
    d_alpha = total * r / alpha - np.sum((r + x) * (w3 / (alpha + T) + w4 / (alpha + t_x)))
    w4_total = w4.sum()
    d_a = total * psi_ab - psi_abx + w4_total / a
    d_b = (
        total * (psi_ab - special.digamma(b))
        + np.sum(level_weights * special.digamma(b + x_levels))
        - psi_abx
        - np.sum(w4 * np.exp(-log_b_x)[x_index])
    )
    return float(value), np.array([d_r * r, d_alpha * alpha, d_a * a, d_b * b])


def _hyp2f1_tail(r: float, a: float, b: float, x: np.ndarray, z: np.ndarray) -> np.ndarray:
    """``(1-z)^(r+x) 2F1(r+x, b+x; a+b+x-1; z)`` without overflow.

    Euler's transformation ``2F1(A, B; C; z) = (1-z)^(C-A-B) 2F1(C-A, C-B; C; z)`` turns it
    into ``(1-z)^(a-1) 2F1(a+b-1-r, a-1; a+b+x-1; z)``, whose parameters stay small for
    customers with hundreds of purchases. Where that is not finite (very large a and b, i.e.
    nearly the same drop-out probability for everybody), Pfaff's transformation gives the
    equal ``2F1(r+x, a-1; a+b+x-1; z/(z-1))``.
    """
    x, z = np.broadcast_arrays(np.asarray(x, dtype=np.float64), np.asarray(z, dtype=np.float64))
    with np.errstate(over="ignore", invalid="ignore"):
        value = np.power(1.0 - z, a - 1.0) * special.hyp2f1(
            a + b - 1.0 - r, a - 1.0, a + b + x - 1.0, z
        )
    bad = ~np.isfinite(value)
    if bad.any():
        value = np.array(value, dtype=np.float64)
        xb, zb = x[bad], z[bad]
        value[bad] = special.hyp2f1(r + xb, a - 1.0, a + b + xb - 1.0, zb / (zb - 1.0))
        still_bad = np.flatnonzero(~np.isfinite(value))
        for i in still_bad:
            value.flat[i] = _beta_mean_power(a - 1.0, b + x.flat[i], r + x.flat[i], z.flat[i])
    return value


def _beta_mean_power(shape1: float, shape2: float, power: float, z: float) -> float:
    """``E[(1 + U z/(1-z))^-power]`` for ``U ~ Beta(shape1, shape2)``, by quadrature.

    Euler's integral of ``2F1(power, shape1; shape1+shape2; z/(z-1))``: the last resort when
    scipy's ``hyp2f1`` fails for very large parameters (the Beta density is then narrow, so
    the integration is told where its mode is).
    """
    if shape1 <= 0:
        return np.nan
    slope = z / (1.0 - z)
    norm = special.betaln(shape1, shape2)

    def density(u: float) -> float:
        return np.exp(
            special.xlogy(shape1 - 1.0, u)
            + special.xlog1py(shape2 - 1.0, -u)
            - power * np.log1p(slope * u)
            - norm
        )

    mode = min(max((shape1 - 1.0) / (shape1 + shape2 - 2.0), 0.0), 1.0)
    result, _ = integrate.quad(density, 0.0, 1.0, points=[mode], limit=200)
    return float(result)


class BetaGeoModel(PurchaseModel):
    """BG/NBD (beta-geometric / negative binomial distribution) model, fitted by maximum likelihood.

    Parameters
    ----------
    penalizer_coef : float, default 0.0
        L2 penalty on the four parameters, added to the negative *mean* log-likelihood
        (the convention of the ``lifetimes`` package). Use a small value (e.g. 0.001) when a
        fit does not converge.
    max_iter : int, default 1000
        Maximum number of optimiser iterations.
    tol : float, default 1e-7
        Gradient tolerance of the optimiser (BFGS with the analytic gradient).

    Attributes
    ----------
    params_ : dict
        The estimates ``{"r", "alpha", "a", "b"}``, in the time unit of the fitted summary.
    log_likelihood_, n_customers_, time_unit_, log_params_covariance_
        As every CLV model (:class:`~custseg.clv.base.CLVModel`): the log-likelihood, the
        number of customers, the time unit (a summary in another unit is refused) and
        the covariance behind :meth:`fit_summary`.
    max_frequency_, max_T_ : float
        The largest frequency and T fitted: the default size of
        :meth:`probability_alive_matrix`.

    Notes
    -----
    Customers sharing the same (frequency, recency, T) share one likelihood term, weighted
    by their count, so large summaries fit quickly. The parameters are optimised on the log
    scale (they must be positive), with the log-sum-exp trick inside the likelihood. Times
    are divided by the mean T inside the fit, so the estimates do not depend on the time
    unit (days, weeks, seconds): alpha is reported in the summary's unit.

    The probability of being alive (FHL 2005, eq. 11) is
    ``P(alive) = 1 / (1 + 1{x>0} a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x))``.

    Examples
    --------
    >>> import pandas as pd
    >>> summary = pd.DataFrame({
    ...     "frequency": [0, 1, 2, 0, 5, 3, 0, 1],
    ...     "recency": [0.0, 10.0, 30.0, 0.0, 35.0, 12.0, 0.0, 3.0],
    ...     "T": [38.0, 38.0, 36.0, 30.0, 37.0, 39.0, 20.0, 25.0],
    ... })
    >>> model = BetaGeoModel().fit(summary)
    >>> sorted(model.params_)
    ['a', 'alpha', 'b', 'r']
    >>> bool(model.probability_alive(summary).between(0, 1).all())
    True
    """

    _param_names = ("r", "alpha", "a", "b")
    _model_name = "BG/NBD"

    def __init__(self, penalizer_coef: float = 0.0, *, max_iter: int = 1000, tol: float = 1e-7):
        self.penalizer_coef = penalizer_coef
        self.max_iter = max_iter
        self.tol = tol

    # ------------------------------------------------------------------ fitting
    def _fit_log_params(
        self, rows: list[np.ndarray], weights: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, Objective]:
        x, t_x, T = rows
        total = weights.sum()
        penalizer = float(self.penalizer_coef)
        # times divided by the mean T: the optimiser sees the same problem in any unit
        scale = float(np.average(T, weights=weights))
        unit = np.array([1.0, scale, 1.0, 1.0])
        x_levels, x_index = np.unique(x, return_inverse=True)
        levels = (x_levels, x_index, np.bincount(x_index, weights=weights))
        t_x_scaled, T_scaled = t_x / scale, T / scale

        def objective(log_params: np.ndarray) -> tuple[float, np.ndarray]:
            params = np.exp(log_params)
            value, grad = _total_log_likelihood(params, x, t_x_scaled, T_scaled, weights, levels)
            stated = params * unit  # the penalty is on the parameters in the summary's unit
            value = -value / total + penalizer * np.sum(stated * stated)
            jac = -grad / total + 2.0 * penalizer * stated * stated
            return value, jac

        params = maximize_log_likelihood(
            objective, 4, jac=True, model=self._model_name, max_iter=self.max_iter, tol=self.tol
        )
        return np.log(params), unit, objective

    def _log_likelihood_rows(self, params: np.ndarray, rows: list[np.ndarray]) -> np.ndarray:
        terms, _ = _log_likelihood_terms(params, *rows, gradient=False)
        return terms

    # --------------------------------------------------------------- predictions
    def _alive(self, x: np.ndarray, t_x: np.ndarray, T: np.ndarray) -> np.ndarray:
        r, alpha, a, b = self._fitted_params()
        log_odds = (
            np.log(a)
            - np.log(b + np.maximum(x, 1) - 1)
            + (r + x) * (np.log(alpha + T) - np.log(alpha + t_x))
        )
        return np.where(x > 0, special.expit(-log_odds), 1.0)

    def predict_purchases(self, t: float, summary: pd.DataFrame) -> pd.Series:
        """Expected number of purchases of each customer in the next ``t`` periods (FHL 2005, eq. 10).

        ``E[Y(t) | x, t_x, T] = (a+b+x-1)/(a-1) [1 - ((alpha+T)/(alpha+T+t))^(r+x)
        2F1(r+x, b+x; a+b+x-1; t/(alpha+T+t))] P(alive)``

        Parameters
        ----------
        t : float
            Length of the future period, in the unit of the summary (days or weeks).
        summary : pandas.DataFrame
            Columns frequency, recency, T.

        Returns
        -------
        pandas.Series
            Expected purchases, indexed like ``summary``.
        """
        r, alpha, a, b = self._fitted_params(summary)
        t = check_time(t)
        data = summary_arrays(summary, self._columns)
        x, T = data["frequency"], data["T"]
        z = t / (alpha + T + t)
        ratio = (a + b + x - 1.0) / (a - 1.0)
        expected = ratio * (1.0 - _hyp2f1_tail(r, a, b, x, z))
        alive = self.probability_alive(summary).to_numpy()
        return pd.Series(expected * alive, index=summary.index, name="predicted_purchases")

    def expected_purchases(self, t: float | np.ndarray) -> float | np.ndarray:
        """Expected purchases of a new customer in the first ``t`` periods (FHL 2005, eq. 9).

        ``E[X(t)] = (a+b-1)/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b; a+b-1; t/(alpha+t))]``

        Parameters
        ----------
        t : float or array
            Length(s) of the period since the first purchase.
        """
        r, alpha, a, b = self._fitted_params()
        t_arr = np.asarray(t, dtype=np.float64)
        z = t_arr / (alpha + t_arr)
        value = (a + b - 1.0) / (a - 1.0) * (1.0 - _hyp2f1_tail(r, a, b, np.zeros_like(z), z))
        return float(value) if np.ndim(value) == 0 else value

    def probability_of_n_purchases(self, t: float, n: int | np.ndarray) -> float | np.ndarray:
        """Probability that a new customer makes exactly ``n`` repeat purchases in ``t`` periods.

        FHL 2005, eq. 8: ``P(X(t)=n) = B(a, b+n)/B(a, b) NB(n; r, alpha, t)
        + 1{n>0} B(a+1, b+n-1)/B(a, b) [1 - sum_{j<n} NB(j; r, alpha, t)]``, where
        ``NB(j) = Gamma(r+j)/(Gamma(r) j!) (alpha/(alpha+t))^r (t/(alpha+t))^j``.
        """
        r, alpha, a, b = self._fitted_params()
        t = check_time(t)
        n_arr = check_counts(n)
        p = alpha / (alpha + t)
        with np.errstate(divide="ignore"):
            log_nb = (
                special.gammaln(r + n_arr)
                - special.gammaln(r)
                - special.gammaln(n_arr + 1)
                + r * np.log(p)
                + special.xlogy(n_arr, 1.0 - p)
            )
        # sum_{j<n} NB(j) is the negative binomial CDF at n-1: I_p(r, n)
        below = np.where(n_arr > 0, special.betainc(r, np.maximum(n_arr, 1), p), 0.0)
        first = np.exp(special.betaln(a, b + n_arr) - special.betaln(a, b) + log_nb)
        second = np.exp(special.betaln(a + 1, b + n_arr - 1) - special.betaln(a, b))
        value = first + np.where(n_arr > 0, second * (1.0 - below), 0.0)
        return float(value) if np.ndim(value) == 0 else value
