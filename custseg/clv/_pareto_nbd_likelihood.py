"""Pareto/NBD log-likelihood and its exact gradient, vectorised over customers.

Fader & Hardie (2005, note 009, eq. 16) write the likelihood of one customer as::

    L = Gamma(r+x) alpha^r beta^s / Gamma(r) [ (alpha+T)^-(r+x) (beta+T)^-s + s (J(t_x) - J(T)) ]

with ``J(t) = int_t^inf (alpha+u)^-(r+x) (beta+u)^-(s+1) du``. With ``k = r+s+x``,
``m = max(alpha, beta)``, ``n = min(alpha, beta)`` and ``z = (m-n)/(m+t)`` (0 <= z < 1), their
eq. 20-21 give ``J(t) = 2F1(k, B; k+1; z) / (k (m+t)^k)`` (``B = s+1`` if alpha >= beta, else
``r+x``). Euler's transformation ``2F1(k, B; k+1; z) = (1-z)^(1-B) 2F1(1, p; k+1; z)``,
``p = k+1-B``, and ``1-z = (n+t)/(m+t)`` turn this into::

    ln J(t) = -ln k - p ln(m+t) + (1-B) ln(n+t) + ln F,   F = sum_j (p)_j / (k+1)_j z^j.

Every term of F is positive and each is at most z times the one before, so the series is
summed without cancellation or overflow; its derivatives in ``p``, ``k+1`` and ``z`` come
from the same terms (``d (p)_j / dp = (p)_j sum_{i<j} 1/(p+i)``). Only the few customers
whose series has not yet converged stay in the loop.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import optimize, special

_MAX_TERMS = 200_000  # z is at most 1 - n/m, so this bounds alpha/beta ratios near 1e-5 .. 1e5
_LOG_BOUND = float(np.log(1e5))  # in the rescaled time unit
_LOG_EPS = float(np.log(1e-18))


def _series(
    p: np.ndarray, c: np.ndarray, z: np.ndarray, order: np.ndarray | None = None
) -> tuple[np.ndarray, ...]:
    """``ln F`` and ``d ln F / d(p, c, z)`` for ``F = 2F1(1, p; c; z)``, 0 < p < c, 0 <= z < 1.

    Term j is at most ``z^j``, so element i needs about ``ln(eps)/ln(z_i)`` terms. With the
    elements visited in decreasing z (``order``; z falls as t grows, whatever the parameters),
    the elements still summing at term j are a leading slice: no copies, no masks.
    """
    if order is None:
        order = np.argsort(-z, kind="stable")
    if len(z) == 0:
        return z, z, z, z
    p, c, z = p[order], c[order], z[order]
    size = len(z)
    with np.errstate(divide="ignore"):
        needed = np.where(z > 0, np.ceil(_LOG_EPS / np.log(np.maximum(z, 1e-300))), 0.0)
    needed = np.minimum(needed + 2.0, _MAX_TERMS)
    # number of elements needing more than j terms, for every j (needed is non-increasing)
    n_terms = int(needed.max()) if size else 0
    active = np.searchsorted(-needed, -np.arange(n_terms, dtype=np.float64), side="left")
    total = np.ones(size)
    d_p = np.zeros(size)
    d_c = np.zeros(size)
    d_z = np.zeros(size)  # sum of j * term_j; divided by z at the end
    term = np.ones(size)
    h_p = np.zeros(size)
    h_c = np.zeros(size)
    for j in range(n_terms):
        n = int(active[j])
        if n == 0:
            break
        pj, cj = p[:n] + j, c[:n] + j
        h_p[:n] += 1.0 / pj
        h_c[:n] += 1.0 / cj
        term[:n] *= pj / cj * z[:n]
        tj = term[:n]
        total[:n] += tj
        d_p[:n] += tj * h_p[:n]
        d_c[:n] += tj * h_c[:n]
        d_z[:n] += (j + 1.0) * tj
    with np.errstate(divide="ignore", invalid="ignore"):
        slope = np.where(z > 0, d_z / np.where(z > 0, z, 1.0), p / c)
    inverse = np.empty_like(order)
    inverse[order] = np.arange(size)
    return (
        np.log(total)[inverse],
        (d_p / total)[inverse],
        (-d_c / total)[inverse],
        (slope / total)[inverse],
    )


def _log_j(
    r: float,
    alpha: float,
    s: float,
    beta: float,
    x: np.ndarray,
    t: np.ndarray,
    order: np.ndarray | None,
) -> tuple[np.ndarray, np.ndarray]:
    """``ln J(t)`` and its gradient in (r, alpha, s, beta), shape (4, n), as derived above."""
    k = r + s + x
    log_a = np.log(alpha + t)
    log_b = np.log(beta + t)
    if alpha >= beta:
        p = r + x
        z = (alpha - beta) / (alpha + t)
        log_f, f_p, f_c, f_z = _series(p, k + 1.0, z, order)
        value = -np.log(k) - p * log_a - s * log_b + log_f
        grad = np.stack(
            [
                -1.0 / k - log_a + f_p + f_c,
                -p / (alpha + t) + f_z * (beta + t) / (alpha + t) ** 2,
                -1.0 / k - log_b + f_c,
                -s / (beta + t) - f_z / (alpha + t),
            ]
        )
    else:
        p = np.full_like(x, s + 1.0)
        z = (beta - alpha) / (beta + t)
        log_f, f_p, f_c, f_z = _series(p, k + 1.0, z, order)
        value = -np.log(k) - p * log_b + (1.0 - r - x) * log_a + log_f
        grad = np.stack(
            [
                -1.0 / k - log_a + f_c,
                (1.0 - r - x) / (alpha + t) - f_z / (beta + t),
                -1.0 / k - log_b + f_p + f_c,
                -p / (beta + t) + f_z * (alpha + t) / (beta + t) ** 2,
            ]
        )
    return value, grad


def evaluation_plan(x: np.ndarray, t_x: np.ndarray, T: np.ndarray) -> tuple[np.ndarray, ...]:
    """What the likelihood needs besides the parameters, computed once per fit.

    ``J(t_x)`` depends only on (x, t_x): every customer without repeat purchases shares one
    value per x. Returns the distinct (x, t_x) pairs, the pair of every row, the pairs in
    increasing t_x and the rows in increasing T (the order in which the series shortens).
    """
    x_codes, x_levels = pd.factorize(x)
    t_codes, _ = pd.factorize(t_x)
    pair_of_row, _ = pd.factorize(t_codes.astype(np.int64) * len(x_levels) + x_codes)
    first = np.full(pair_of_row.max() + 1 if len(x) else 0, len(x), dtype=np.int64)
    np.minimum.at(first, pair_of_row, np.arange(len(x)))
    pair_x, pair_t = x[first], t_x[first]
    return (
        pair_x,
        pair_t,
        pair_of_row,
        np.argsort(pair_t, kind="stable"),
        np.argsort(T, kind="stable"),
    )


def log_likelihood_and_gradient(
    params: np.ndarray,
    x: np.ndarray,
    t_x: np.ndarray,
    T: np.ndarray,
    plan: tuple[np.ndarray, ...] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Per-customer log-likelihood and its gradient in (r, alpha, s, beta), shape (4, n).

    ``ln L = ln Gamma(r+x) - ln Gamma(r) + r ln alpha + s ln beta + logaddexp(alive, dead)``
    with ``alive = -(r+x) ln(alpha+T) - s ln(beta+T)`` and
    ``dead = ln s + ln(J(t_x) - J(T))`` (``-inf`` when ``t_x = T``). ``plan`` comes from
    :func:`evaluation_plan` (computed here when not given).
    """
    if plan is None:
        plan = evaluation_plan(x, t_x, T)
    pair_x, pair_t, pair_of_row, pair_order, late_order = plan
    r, alpha, s, beta = (float(v) for v in params)
    head = special.gammaln(r + x) - special.gammaln(r) + r * np.log(alpha) + s * np.log(beta)
    d_head = np.stack(
        [
            special.digamma(r + x) - special.digamma(r) + np.log(alpha),
            np.full_like(x, r / alpha),
            np.full_like(x, np.log(beta)),
            np.full_like(x, s / beta),
        ]
    )
    log_a_T = np.log(alpha + T)
    log_b_T = np.log(beta + T)
    alive = -(r + x) * log_a_T - s * log_b_T
    d_alive = np.stack([-log_a_T, -(r + x) / (alpha + T), -log_b_T, -s / (beta + T)])
    early, d_early = _log_j(r, alpha, s, beta, pair_x, pair_t, pair_order)
    early, d_early = early[pair_of_row], d_early[:, pair_of_row]
    late, d_late = _log_j(r, alpha, s, beta, x, T, late_order)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        ratio = np.exp(np.minimum(late - early, 0.0))  # J(T)/J(t_x) <= 1
        gap = -np.expm1(np.minimum(late - early, 0.0))
        dead = np.log(s) + early + np.log(gap)
        d_dead = (d_early - ratio * d_late) / gap
        d_dead[2] += 1.0 / s
        total = np.logaddexp(alive, dead)
        share = np.exp(alive - total)  # weight of the "alive at T" branch
    d_dead = np.where(gap > 0, d_dead, 0.0)
    grad = d_head + share * d_alive + (1.0 - share) * d_dead
    return head + total, grad


def fit_log_parameters(
    x: np.ndarray,
    t_x: np.ndarray,
    T: np.ndarray,
    weights: np.ndarray,
    *,
    penalty_scale: np.ndarray,
    penalizer: float,
    max_iter: int,
    tol: float,
    start: np.ndarray | None = None,
) -> optimize.OptimizeResult:
    """Maximise the weighted mean log-likelihood over log-parameters (L-BFGS-B, exact gradient).

    ``penalty_scale`` converts the parameters to the unit the L2 penalty is stated in. Above
    40,000 distinct rows, a fit on 20,000 of them (drawn with a fixed seed, in proportion to
    their weights) gives the starting point, so the full data needs only a few iterations.
    """
    if start is None:
        start = np.zeros(4)
        if len(x) > 40_000:
            rng = np.random.default_rng(0)
            chosen = np.unique(rng.choice(len(x), 20_000, p=weights / weights.sum()))
            start = fit_log_parameters(
                x[chosen],
                t_x[chosen],
                T[chosen],
                weights[chosen],
                penalty_scale=penalty_scale,
                penalizer=penalizer,
                max_iter=max_iter,
                tol=tol,
            ).x
    plan = evaluation_plan(x, t_x, T)
    total = weights.sum()

    def objective(log_params: np.ndarray) -> tuple[float, np.ndarray]:
        params = np.exp(log_params)
        with np.errstate(over="ignore", under="ignore", invalid="ignore", divide="ignore"):
            terms, grad = log_likelihood_and_gradient(params, x, t_x, T, plan)
        scaled = params * penalty_scale
        value = -(weights @ terms) / total + penalizer * np.sum(scaled * scaled)
        gradient = -(grad @ weights) / total * params + 2.0 * penalizer * scaled * scaled
        if not np.isfinite(value) or not np.all(np.isfinite(gradient)):
            return 1e300, np.zeros(4)
        return float(value), gradient

    return optimize.minimize(
        objective,
        start,
        jac=True,
        method="L-BFGS-B",
        bounds=[(-_LOG_BOUND, _LOG_BOUND)] * 4,
        options={"maxiter": max_iter, "gtol": tol, "ftol": 1e-15},
    )
