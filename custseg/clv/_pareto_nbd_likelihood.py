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
whose series has not yet converged stay in the loop. When alpha and beta are orders of
magnitude apart, z comes so close to 1 that the series would need millions of terms; there
:func:`_near_one` splits the integral instead.

The fit (:func:`fit_log_parameters`) evaluates the customers in cache-sized chunks and sums
them without per-customer arrays; on large data a subsample gives the start and the Hessian
for a few quasi-Newton steps on all the customers.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd
from scipy import optimize, special

_MAX_TERMS = 200_000  # reached only for k = r+s+x above about 2,400 (see _near_one)
_LOG_BOUND = float(np.log(1e5))  # in the rescaled time unit
_LOG_EPS = float(np.log(1e-18))


_CHUNK = 8192  # rows evaluated together: every temporary array stays in the processor's cache


def _series(p: np.ndarray, c: np.ndarray, z: np.ndarray) -> tuple[np.ndarray, ...]:
    """``ln F`` and ``d ln F / d(p, c, z)`` for ``F = 2F1(1, p; c; z)``, 0 < p < c, 0 <= z < 1.

    Term j is at most ``z^j``, so element i needs about ``ln(eps)/ln(z_i)`` terms. The
    elements usually come in decreasing z (z falls as t grows, whatever the parameters), so
    the elements still summing at term j are a leading slice; all updates are in place.
    """
    size = len(z)
    if size == 0:
        return z, z, z, z
    with np.errstate(divide="ignore"):
        needed = np.where(z > 0, np.ceil(_LOG_EPS / np.log(np.maximum(z, 1e-300))), 0.0)
    needed = np.minimum(needed + 2.0, _MAX_TERMS)
    if np.any(needed[1:] > needed[:-1]):  # not in decreasing z: sort, sum, restore the order
        order = np.argsort(-needed, kind="stable")
        results = _series(p[order], c[order], z[order])
        inverse = np.empty_like(order)
        inverse[order] = np.arange(size)
        return tuple(result[inverse] for result in results)
    # number of elements needing more than j terms, for every j (needed is non-increasing)
    n_terms = int(needed.max())
    active = np.searchsorted(-needed, -np.arange(n_terms, dtype=np.float64), side="left")
    p_j, c_j = p.copy(), c.copy()
    total, term = np.ones(size), np.ones(size)
    h_p, h_c, d_p, d_c, d_z = (np.zeros(size) for _ in range(5))  # d_z: sum of j * term_j
    work, inverse_c = np.empty(size), np.empty(size)
    for j in range(n_terms):
        n = int(active[j])
        if n == 0:
            break
        pj, cj, tj, wj, icj = p_j[:n], c_j[:n], term[:n], work[:n], inverse_c[:n]
        np.reciprocal(pj, out=wj)
        h_p[:n] += wj
        np.reciprocal(cj, out=icj)
        h_c[:n] += icj
        tj *= pj
        tj *= icj
        tj *= z[:n]
        total[:n] += tj
        np.multiply(tj, h_p[:n], out=wj)
        d_p[:n] += wj
        np.multiply(tj, h_c[:n], out=wj)
        d_c[:n] += wj
        np.multiply(tj, j + 1.0, out=wj)
        d_z[:n] += wj
        pj += 1.0
        cj += 1.0
    with np.errstate(divide="ignore", invalid="ignore"):
        slope = np.where(z > 0, d_z / np.where(z > 0, z, 1.0), p / c)
    return np.log(total), d_p / total, -d_c / total, slope / total


# Bernoulli-number coefficients of 1/(1-exp(-a)) - 1/a - 1/2 = a/12 - a^3/720 + ...
_MEAN_COEFFICIENTS = np.array(
    [1 / 12, -1 / 720, 1 / 30240, -1 / 1209600, 1 / 47900160, -691 / 1307674368000]
)


def _mean_exponent(a: np.ndarray) -> np.ndarray:
    """``int_0^1 v e^(a v) dv / int_0^1 e^(a v) dv = 1/(1-e^-a) - 1/a``, without cancellation."""
    small = np.abs(a) < 0.5
    with np.errstate(divide="ignore", invalid="ignore"):
        direct = 1.0 / -np.expm1(-a) - 1.0 / a
    square = a * a
    series = np.zeros_like(a)
    for coefficient in _MEAN_COEFFICIENTS[::-1]:
        series = series * square + coefficient
    return np.where(small, 0.5 + a * series, direct)


def _near_one(
    k: np.ndarray, e: np.ndarray, y: np.ndarray, y_c: np.ndarray
) -> tuple[np.ndarray, ...]:
    """``ln I(y)`` and its derivatives in k, e and y, for ``y < y_c = 1/(2 (1+|k-1|))``.

    ``I(y) = int_y^1 v^-e (1-v)^(k-1) dv = (m-n)^k J(t)`` with ``y = 1-z = (n+t)/(m+t)``
    (substitute ``v = (n+u)/(m+u)``). Near z = 1 the series in z converges too slowly, so
    ``I(y) = N + I(y_c)``: ``I(y_c)`` is the series at ``z = 1-y_c`` and
    ``N = int_y^y_c v^-e (1-v)^(k-1) dv = y^(1-e) sum_j c_j T_j`` with the binomial
    coefficients ``c_j = (1-k)_j / j!`` and ``T_j = y^j int_0^L e^((j+1-e) u) du``,
    ``L = ln(y_c/y)``. ``|c_(j+1)/c_j| <= 1+|k-1|`` and ``T_(j+1) <= y_c T_j``, so each term is
    at most half the one before: 64 terms leave less than ``2^-62`` of the (alternating)
    sum, which is at least half its first term. Cut at ``y_c``, both parts depend on the
    parameters only through k, e and y.
    """
    log_y = np.log(y)
    span = np.log(y_c) - log_y  # L > 0
    c_j, dc_j = np.ones_like(k), np.zeros_like(k)
    total, d_k, d_e = np.zeros_like(k), np.zeros_like(k), np.zeros_like(k)
    for j in range(64):
        delta = j + 1.0 - e
        a = delta * span
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            log_e = np.where(
                a > 0,
                a + np.log(-np.expm1(-a)) - np.log(np.abs(delta)),
                np.log(-np.expm1(a)) - np.log(np.abs(delta)),
            )
        log_e = np.where(delta == 0, np.log(span), log_e)
        t_j = np.exp(j * log_y + log_e)
        total += c_j * t_j
        d_k += dc_j * t_j
        d_e -= c_j * t_j * span * _mean_exponent(a)
        c_j, dc_j = c_j * (j + 1.0 - k) / (j + 1.0), (dc_j * (j + 1.0 - k) - c_j) / (j + 1.0)
    log_near = (1.0 - e) * log_y + np.log(total)
    p, c = k + 1.0 - e, k + 1.0
    log_f, f_p, f_c, _ = _series(p, c, 1.0 - y_c)
    log_cut = -np.log(k) + k * np.log1p(-y_c) + (1.0 - e) * np.log(y_c) + log_f
    log_i = np.logaddexp(log_near, log_cut)
    near_share = np.exp(log_near - log_i)
    cut_share = 1.0 - near_share
    d_log_k = near_share * d_k / total + cut_share * (-1.0 / k + np.log1p(-y_c) + f_p + f_c)
    d_log_e = near_share * (-log_y + d_e / total) + cut_share * (-np.log(y_c) - f_p)
    d_log_y = -np.exp((k - 1.0) * np.log1p(-y) - e * log_y - log_i)
    return log_i, d_log_k, d_log_e, d_log_y


def _log_j(
    r: float,
    alpha: float,
    s: float,
    beta: float,
    x: np.ndarray,
    t: np.ndarray,
    log_a: np.ndarray,
    log_b: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """``ln J(t)`` and its gradient in (r, alpha, s, beta), shape (4, n), as derived above.

    ``t`` is increasing; ``log_a = ln(alpha+t)`` and ``log_b = ln(beta+t)``. Where z is
    closer to 1 than ``1/(2 (1+|k-1|))``, :func:`_near_one` takes over from the series.
    """
    k = r + s + x
    if alpha >= beta:
        p = r + x
        z = (alpha - beta) / (alpha + t)
        y = (beta + t) / (alpha + t)
    else:
        p = np.full_like(x, s + 1.0)
        z = (beta - alpha) / (beta + t)
        y = (alpha + t) / (beta + t)
    y_c = 0.5 / (1.0 + np.abs(k - 1.0))
    near = y < y_c
    any_near = bool(near.any())
    if any_near:
        z = np.where(near, 0.0, z)
    log_f, f_p, f_c, f_z = _series(p, k + 1.0, z)
    if alpha >= beta:
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
        value = -np.log(k) - p * log_b + (1.0 - r - x) * log_a + log_f
        grad = np.stack(
            [
                -1.0 / k - log_a + f_c,
                (1.0 - r - x) / (alpha + t) - f_z / (beta + t),
                -1.0 / k - log_b + f_p + f_c,
                -p / (beta + t) + f_z * (alpha + t) / (beta + t) ** 2,
            ]
        )
    if any_near:
        e = s + 1.0 if alpha >= beta else r + x[near]
        e = np.broadcast_to(e, k[near].shape).astype(np.float64)
        log_i, i_k, i_e, i_y = _near_one(k[near], e, y[near], y_c[near])
        t_near = t[near]
        gap = alpha - beta
        if alpha >= beta:
            y_alpha, y_beta = -(beta + t_near) / (alpha + t_near) ** 2, 1.0 / (alpha + t_near)
            e_r, e_s = 0.0, 1.0
        else:
            y_alpha, y_beta = 1.0 / (beta + t_near), -(alpha + t_near) / (beta + t_near) ** 2
            e_r, e_s = 1.0, 0.0
        log_gap = np.log(abs(gap))
        value[near] = -k[near] * log_gap + log_i
        grad[:, near] = np.stack(
            [
                -log_gap + i_k + e_r * i_e,
                -k[near] / gap + i_y * y_alpha,
                -log_gap + i_k + e_s * i_e,
                k[near] / gap + i_y * y_beta,
            ]
        )
    return value, grad


class EvaluationPlan(NamedTuple):
    """What the likelihood needs besides the parameters, computed once per fit."""

    order: np.ndarray  # the rows in increasing T (the order in which the series shortens)
    x: np.ndarray  # x, T, the code of x among ``levels`` and the (x, t_x) pair, in that order
    T: np.ndarray
    level: np.ndarray
    levels: np.ndarray
    pair: np.ndarray
    pair_x: np.ndarray  # the distinct (x, t_x) pairs in increasing t_x
    pair_t: np.ndarray


def evaluation_plan(x: np.ndarray, t_x: np.ndarray, T: np.ndarray) -> EvaluationPlan:
    """Sort the rows by T and find the distinct x and (x, t_x) pairs.

    ``J(t_x)`` depends only on (x, t_x): every customer without repeat purchases shares one
    value per x; ``ln Gamma(r+x)`` depends only on x.
    """
    order = np.argsort(T, kind="stable")
    x, t_x, T = x[order], t_x[order], T[order]
    level, levels = pd.factorize(x)
    t_codes, _ = pd.factorize(t_x)
    pair_of_row, _ = pd.factorize(t_codes.astype(np.int64) * len(levels) + level)
    first = np.full(pair_of_row.max() + 1 if len(x) else 0, len(x), dtype=np.int64)
    np.minimum.at(first, pair_of_row, np.arange(len(x)))
    by_t = np.argsort(t_x[first], kind="stable")
    rank = np.empty_like(by_t)
    rank[by_t] = np.arange(len(by_t))
    first = first[by_t]
    return EvaluationPlan(
        order, x, T, level, np.asarray(levels, np.float64), rank[pair_of_row], x[first], t_x[first]
    )


def _chunks(size: int):
    return ((start, min(start + _CHUNK, size)) for start in range(0, size, _CHUNK))


def _early_terms(params: tuple[float, ...], plan: EvaluationPlan) -> tuple[np.ndarray, ...]:
    """``ln J(t_x)`` and its gradient for every distinct (x, t_x) pair."""
    r, alpha, s, beta = params
    value = np.empty(len(plan.pair_x))
    grad = np.empty((4, len(plan.pair_x)))
    for a, b in _chunks(len(value)):
        x, t = plan.pair_x[a:b], plan.pair_t[a:b]
        value[a:b], grad[:, a:b] = _log_j(
            r, alpha, s, beta, x, t, np.log(alpha + t), np.log(beta + t)
        )
    return value, grad


def _bracket(
    params: tuple[float, ...],
    plan: EvaluationPlan,
    a: int,
    b: int,
    early: np.ndarray,
    d_early: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """``logaddexp(alive, dead)`` and its gradient for the sorted rows a..b."""
    r, alpha, s, beta = params
    x, T = plan.x[a:b], plan.T[a:b]
    pair = plan.pair[a:b]
    early, d_early = early[pair], d_early[:, pair]
    log_a_T = np.log(alpha + T)
    log_b_T = np.log(beta + T)
    alive = -(r + x) * log_a_T - s * log_b_T
    late, d_late = _log_j(r, alpha, s, beta, x, T, log_a_T, log_b_T)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        ratio = np.exp(np.minimum(late - early, 0.0))  # J(T)/J(t_x) <= 1
        gap = -np.expm1(np.minimum(late - early, 0.0))
        dead = np.log(s) + early + np.log(gap)
        d_dead = (d_early - ratio * d_late) / gap
        d_dead[2] += 1.0 / s
        total = np.logaddexp(alive, dead)
        share = np.exp(alive - total)  # weight of the "alive at T" branch
    d_dead = np.where(gap > 0, d_dead, 0.0)
    dead_share = 1.0 - share
    grad = d_dead * dead_share
    grad[0] -= share * log_a_T
    grad[1] -= share * (r + x) / (alpha + T)
    grad[2] -= share * log_b_T
    grad[3] -= share * s / (beta + T)
    return total, grad


def _head(params: tuple[float, ...], plan: EvaluationPlan) -> tuple[np.ndarray, ...]:
    """``ln Gamma(r+x) - ln Gamma(r)`` and its derivative in r, for every distinct x."""
    r = params[0]
    levels = plan.levels
    return (
        special.gammaln(r + levels) - special.gammaln(r),
        special.digamma(r + levels) - special.digamma(r),
    )


def log_likelihood_and_gradient(
    params: np.ndarray,
    x: np.ndarray,
    t_x: np.ndarray,
    T: np.ndarray,
    plan: EvaluationPlan | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Per-customer log-likelihood and its gradient in (r, alpha, s, beta), shape (4, n).

    ``ln L = ln Gamma(r+x) - ln Gamma(r) + r ln alpha + s ln beta + logaddexp(alive, dead)``
    with ``alive = -(r+x) ln(alpha+T) - s ln(beta+T)`` and
    ``dead = ln s + ln(J(t_x) - J(T))`` (``-inf`` when ``t_x = T``). ``plan`` comes from
    :func:`evaluation_plan` (computed here when not given).
    """
    if plan is None:
        plan = evaluation_plan(x, t_x, T)
    params = tuple(float(v) for v in params)
    r, alpha, s, beta = params
    gamma_term, d_gamma = _head(params, plan)
    early, d_early = _early_terms(params, plan)
    value = np.empty(len(x))
    grad = np.empty((4, len(x)))
    for a, b in _chunks(len(x)):
        rows = plan.order[a:b]
        total, d_total = _bracket(params, plan, a, b, early, d_early)
        level = plan.level[a:b]
        value[rows] = gamma_term[level] + r * np.log(alpha) + s * np.log(beta) + total
        d_total[0] += d_gamma[level] + np.log(alpha)
        d_total[1] += r / alpha
        d_total[2] += np.log(beta)
        d_total[3] += s / beta
        grad[:, rows] = d_total
    return value, grad


def weighted_log_likelihood(
    params: np.ndarray, weights: np.ndarray, plan: EvaluationPlan
) -> tuple[float, np.ndarray]:
    """``sum_i w_i ln L_i`` and its gradient in (r, alpha, s, beta), without per-row arrays.

    ``weights`` are in the plan's row order (``weights[plan.order]``).
    """
    params = tuple(float(v) for v in params)
    r, alpha, s, beta = params
    gamma_term, d_gamma = _head(params, plan)
    per_level = np.bincount(plan.level, weights=weights, minlength=len(plan.levels))
    weight = float(per_level.sum())
    value = float(per_level @ gamma_term) + weight * (r * np.log(alpha) + s * np.log(beta))
    grad = np.array(
        [
            per_level @ d_gamma + weight * np.log(alpha),
            weight * r / alpha,
            weight * np.log(beta),
            weight * s / beta,
        ]
    )
    early, d_early = _early_terms(params, plan)
    for a, b in _chunks(len(plan.x)):
        total, d_total = _bracket(params, plan, a, b, early, d_early)
        value += float(weights[a:b] @ total)
        grad += d_total @ weights[a:b]
    return value, grad


def mean_objective(
    x: np.ndarray,
    t_x: np.ndarray,
    T: np.ndarray,
    weights: np.ndarray,
    penalty_scale: np.ndarray,
    penalizer: float,
):
    """The penalised negative weighted mean log-likelihood and its gradient in log-parameters."""
    plan = evaluation_plan(x, t_x, T)
    sorted_weights = weights[plan.order]
    total = weights.sum()

    def objective(log_params: np.ndarray) -> tuple[float, np.ndarray]:
        params = np.exp(log_params)
        with np.errstate(over="ignore", under="ignore", invalid="ignore", divide="ignore"):
            value, grad = weighted_log_likelihood(params, sorted_weights, plan)
        scaled = params * penalty_scale
        value = -value / total + penalizer * np.sum(scaled * scaled)
        gradient = -grad / total * params + 2.0 * penalizer * scaled * scaled
        if not np.isfinite(value) or not np.all(np.isfinite(gradient)):
            return 1e300, np.zeros(4)
        return float(value), gradient

    return objective


def _hessian(objective, point: np.ndarray, gradient: np.ndarray, step: float = 1e-4) -> np.ndarray:
    """Forward differences of the exact gradient (4 evaluations), symmetrised.

    Its error, of order ``step``, is far below the subsample's own: it only has to make the
    quasi-Newton steps on all the customers short.
    """
    columns = []
    for i in range(len(point)):
        shift = np.zeros_like(point)
        shift[i] = step
        columns.append((objective(point + shift)[1] - gradient) / step)
    hessian = np.array(columns)
    return (hessian + hessian.T) / 2


def _quasi_newton(
    objective, start: np.ndarray, hessian: np.ndarray, tol: float, max_iter: int
) -> optimize.OptimizeResult:
    """Newton steps with a Hessian from a subsample, refined by BFGS updates.

    The subsample's Hessian is close to the full data's, so each step gains about two
    digits and the BFGS updates make the convergence superlinear: a handful of evaluations
    of the full data instead of L-BFGS-B's dozens. It stops as L-BFGS-B does (largest
    gradient component at most ``tol``, or a relative reduction of the objective below
    1e-15). ``success`` is False (the caller goes on with L-BFGS-B from ``x``) when the
    Hessian is not positive definite, a step leaves the bounds or the line search fails.
    """

    def result(point, value, gradient, success, message, iteration):
        return optimize.OptimizeResult(
            x=point,
            fun=value,
            jac=gradient,
            success=success,
            nit=iteration,
            nfev=evaluations,
            message=f"{message} (subsample Hessian, BFGS)",
        )

    point = start.copy()
    evaluations = 0
    try:
        np.linalg.cholesky(hessian)
    except np.linalg.LinAlgError:
        return result(point, np.inf, None, False, "Hessian not positive definite", 0)
    value, gradient = objective(point)
    evaluations = 1
    for iteration in range(min(max_iter, 50)):
        if value >= 1e299:
            return result(point, value, gradient, False, "objective not finite", iteration)
        if np.max(np.abs(gradient)) <= tol:
            return result(point, value, gradient, True, "gradient below tol", iteration)
        step = -np.linalg.solve(hessian, gradient)
        slope = float(gradient @ step)
        length = 1.0
        while True:
            trial = point + length * step
            if slope >= 0 or length < 1e-3 or np.any(np.abs(trial) > _LOG_BOUND):
                return result(point, value, gradient, False, "no descent step", iteration)
            new_value, new_gradient = objective(trial)
            evaluations += 1
            # Armijo's condition, with room for the rounding of a sum over many customers
            if new_value <= value + 1e-4 * length * slope + 1e-13 * (1.0 + abs(value)):
                break
            length /= 2.0
        if value - new_value <= 1e-15 * max(abs(value), abs(new_value), 1.0):
            if new_value < value:
                point, value, gradient = trial, new_value, new_gradient
            return result(point, value, gradient, True, "relative reduction below 1e-15", iteration)
        moved, change = trial - point, new_gradient - gradient
        curvature = float(change @ moved)
        if curvature > 0:
            product = hessian @ moved
            hessian = (
                hessian
                - np.outer(product, product) / float(moved @ product)
                + np.outer(change, change) / curvature
            )
        point, value, gradient = trial, new_value, new_gradient
    return result(point, value, gradient, False, "iteration limit", min(max_iter, 50))


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
    sample_sizes: tuple[int, ...] = (20_000, 2_000),
) -> optimize.OptimizeResult:
    """Maximise the weighted mean log-likelihood over log-parameters (exact gradient).

    ``penalty_scale`` converts the parameters to the unit the L2 penalty is stated in. Up to
    twice ``sample_sizes[0]`` distinct rows (40,000): L-BFGS-B from ``start`` (all
    parameters 1 when not given). Above, the fit on ``sample_sizes[0]`` customers (drawn
    with a fixed seed, in proportion to the weights; itself fitted the same way with the
    next sample size) gives the starting point and, by finite differences of its exact
    gradient, the Hessian for quasi-Newton steps on all the rows; L-BFGS-B takes over
    should those fail. The result carries the objective it minimised (``objective``), for
    the Hessian of the standard errors.
    """
    objective = mean_objective(x, t_x, T, weights, penalty_scale, penalizer)
    if start is None:
        start = np.zeros(4)
        if sample_sizes and len(x) > 2 * sample_sizes[0]:
            rng = np.random.default_rng(0)
            drawn = rng.choice(len(x), sample_sizes[0], p=weights / weights.sum())
            chosen, counts = np.unique(drawn, return_counts=True)
            sample = (x[chosen], t_x[chosen], T[chosen], counts.astype(np.float64))
            settings = dict(penalty_scale=penalty_scale, penalizer=penalizer)
            small = fit_log_parameters(
                *sample, **settings, max_iter=max_iter, tol=tol, sample_sizes=sample_sizes[1:]
            )
            start = small.x
            if small.success and small.jac is not None:
                hessian = _hessian(mean_objective(*sample, **settings), start, small.jac)
                result = _quasi_newton(objective, start, hessian, tol, max_iter)
                if result.success:
                    result.objective = objective
                    return result
                if result.fun < 1e299:  # go on from the best point reached
                    start = result.x
    result = optimize.minimize(
        objective,
        start,
        jac=True,
        method="L-BFGS-B",
        bounds=[(-_LOG_BOUND, _LOG_BOUND)] * 4,
        options={"maxiter": max_iter, "gtol": tol, "ftol": 1e-15},
    )
    result.objective = objective
    return result
