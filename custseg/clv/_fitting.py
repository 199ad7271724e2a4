"""The CLV models' data checks, duplicate compression and optimiser (used by :mod:`custseg.clv.base`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd
from scipy import optimize

from custseg.errors import ConvergenceError, DataError, ParameterError, require_columns

__all__ = [
    "first_bad_row",
    "check_counts",
    "check_identifiable",
    "check_time",
    "check_weights",
    "summary_unit",
    "maximize_log_likelihood",
    "summary_arrays",
    "unique_rows",
]


_LOG_BOUND = float(np.log(1e5))


def first_bad_row(frame: pd.DataFrame | pd.Series, mask: np.ndarray) -> str:
    """The index label of the first row where ``mask`` is true, written for a message."""
    label = frame.index[int(np.argmax(mask))]
    return repr(label.item() if isinstance(label, np.generic) else label)


def summary_arrays(
    summary: pd.DataFrame, columns: Sequence[str], *, what: str = "汇总表 (summary)"
) -> dict[str, np.ndarray]:
    """Check the summary columns and return them as float arrays.

    Every column must be present, numeric, finite and non-negative; ``frequency`` must be a
    whole number; ``recency`` may not exceed ``T``; and a customer with no repeat purchase
    (``frequency`` 0) has ``recency`` 0.

    Raises
    ------
    DataError
        Naming the column and the first row at fault.
    """
    if not isinstance(summary, pd.DataFrame):
        raise DataError(f"{what} 必须是 pandas DataFrame, 收到 (got): {type(summary).__name__}")
    require_columns(summary, columns, what=what)
    if len(summary) == 0:
        raise DataError(f"{what} 是空表 (empty table)")
    arrays: dict[str, np.ndarray] = {}
    for name in columns:
        values = pd.to_numeric(summary[name], errors="coerce").to_numpy(np.float64)
        bad = ~np.isfinite(values)
        if bad.any():
            row = first_bad_row(summary, bad)
            raise DataError(
                f"列 '{name}' 有缺失或非数值 (missing / non-numeric value), "
                f"第一处在行 (row) {row}: {summary[name].to_numpy()[bad][0]!r}"
            )
        negative = values < 0
        if negative.any():
            row = first_bad_row(summary, negative)
            raise DataError(
                f"列 '{name}' 不能为负数 (negative value), 行 (row) {row} 的值是 {values[negative][0]!r}"
            )
        arrays[name] = values
    if "frequency" in arrays:
        frequency = arrays["frequency"]
        fractional = frequency != np.round(frequency)
        if fractional.any():
            row = first_bad_row(summary, fractional)
            raise DataError(
                f"列 'frequency' 必须是整数 (whole number of repeat purchases), "
                f"行 (row) {row} 的值是 {frequency[fractional][0]!r}"
            )
    if "recency" in arrays and "T" in arrays:
        late = arrays["recency"] > arrays["T"] + 1e-9
        if late.any():
            row = first_bad_row(summary, late)
            raise DataError(
                f"列 'recency' 不能大于列 'T' (recency > T), 行 (row) {row}: "
                f"recency={arrays['recency'][late][0]!r}, T={arrays['T'][late][0]!r}"
            )
        if "frequency" in arrays:
            lone = (arrays["frequency"] == 0) & (arrays["recency"] > 0)
            if lone.any():
                row = first_bad_row(summary, lone)
                raise DataError(
                    "列 'recency' 在 frequency 为 0 时必须为 0 (no repeat purchase, recency must "
                    f"be 0), 行 (row) {row} 的 recency 是 {arrays['recency'][lone][0]!r}"
                )
    return arrays


def unique_rows(
    *columns: np.ndarray, weights: np.ndarray | None = None
) -> tuple[list[np.ndarray], np.ndarray]:
    """Distinct rows of the given columns and how often each occurs.

    Customers with identical inputs share one likelihood term, weighted by their count
    (the sum of ``weights`` over the identical rows when given). Each column is factorized
    and the codes are combined into one key per row.
    """
    key = np.zeros(len(columns[0]), dtype=np.int64)
    for column in columns:
        codes, levels = pd.factorize(column)
        key, _ = pd.factorize(key * len(levels) + codes)
    counts = np.bincount(key, weights=weights)
    first = np.full(len(counts), len(key), dtype=np.int64)
    np.minimum.at(first, key, np.arange(len(key)))
    return [np.asarray(column, dtype=np.float64)[first] for column in columns], counts.astype(
        np.float64
    )


def check_weights(weights: object, summary: pd.DataFrame) -> np.ndarray | None:
    """Fit weights as a float array (``None`` stays ``None``), or a DataError naming the row.

    A weight is the number of customers sharing a row of the summary (as in the
    ``lifetimes`` package): a positive whole number, one per row of ``summary``.
    """
    if weights is None:
        return None
    if isinstance(weights, str):
        raise ParameterError(
            f"参数 weights 应是每行的客户数 (one count per row), 不是字符串 (not a string): {weights!r}"
        )
    values = np.asarray(weights)
    if values.ndim != 1 or len(values) != len(summary):
        raise ParameterError(
            f"参数 weights 的长度 (length) {values.size} 与汇总表行数 {len(summary)} 不一致 "
            "(one weight per row of the summary)"
        )
    numbers = pd.to_numeric(pd.Series(values), errors="coerce").to_numpy(np.float64)
    bad = ~np.isfinite(numbers) | (numbers <= 0) | (numbers != np.round(numbers))
    if bad.any():
        row = first_bad_row(summary, bad)
        raise ParameterError(
            "参数 weights 必须是正整数 (positive whole number of customers), "
            f"行 (row) {row} 的值是 {values[bad][0]!r}"
        )
    return numbers


def summary_unit(summary: pd.DataFrame) -> str | None:
    """The time unit a summary carries in ``attrs["time_unit"]`` ("D", "W"), or None."""
    unit = summary.attrs.get("time_unit") if isinstance(summary, pd.DataFrame) else None
    return unit if isinstance(unit, str) else None


def check_identifiable(
    frequency: np.ndarray, T: np.ndarray, *, model: str, n_customers: float | None = None
) -> None:
    """A DataError when the summary cannot identify the purchase and drop-out parameters.

    One customer, every ``T`` equal to 0 (nobody observed for any time) or no repeat buyer
    at all leave the likelihood flat or unbounded in some direction: a fit would return
    arbitrary numbers. ``n_customers`` (default: one per row) counts weighted rows.
    """
    count = len(T) if n_customers is None else n_customers
    if count < 2:
        raise DataError(
            f"{model} 模型至少需要 2 位客户 (needs at least 2 customers), 收到 {count:g} 位"
        )
    if not np.any(T > 0):
        raise DataError(
            f"{model} 模型无法拟合: 所有客户的 T 都是 0 (every T is 0: no customer was observed "
            "for any time); 请把观察期结束日 calibration_end 设在首次购买之后"
        )
    if not np.any(frequency > 0):
        raise DataError(
            f"{model} 模型无法拟合: 没有任何客户重复购买 (no repeat buyer: every frequency is 0), "
            "购买频率和流失率无法区分 (purchase and drop-out rates cannot be told apart)"
        )


def maximize_log_likelihood(
    objective: Callable[..., object],
    n_params: int,
    *,
    jac: bool,
    model: str,
    max_iter: int,
    tol: float,
    bounds: Sequence[tuple[float | None, float | None]] | None = None,
) -> np.ndarray:
    """Minimise a negative mean log-likelihood over log-parameters; return the parameters.

    ``objective(log_params)`` returns the value, or ``(value, gradient)`` when ``jac`` is
    true (then BFGS is used, or L-BFGS-B when ``bounds`` on the log-parameters are given;
    otherwise L-BFGS-B with a finite-difference gradient, the parameters kept between 1e-5
    and 1e5). Starts from all parameters equal to 1 (log 0), moved inside ``bounds``.

    Raises
    ------
    ConvergenceError
        When the optimiser does not converge or ends on a non-finite value.
    """
    start = np.zeros(n_params)
    if bounds is not None:
        low = np.array([-np.inf if b[0] is None else b[0] for b in bounds])
        high = np.array([np.inf if b[1] is None else b[1] for b in bounds])
        start = np.clip(start, low, high)
    with np.errstate(over="ignore", under="ignore", invalid="ignore", divide="ignore"):
        if jac and bounds is not None:
            result = optimize.minimize(
                objective,
                start,
                jac=True,
                method="L-BFGS-B",
                bounds=bounds,
                options={"maxiter": max_iter, "gtol": tol, "ftol": 1e-15},
            )
        elif jac:
            result = optimize.minimize(
                objective,
                start,
                jac=True,
                method="BFGS",
                options={"maxiter": max_iter, "gtol": tol},
            )
            flat = np.all(np.isfinite(result.jac)) and float(np.max(np.abs(result.jac))) < 1e-4
            if not result.success and not flat:
                # BFGS lost its way (e.g. a strong penalty drives parameters towards 0):
                # go on from there with the parameters kept between 1e-5 and 1e5
                result = optimize.minimize(
                    objective,
                    np.clip(result.x, -_LOG_BOUND, _LOG_BOUND),
                    jac=True,
                    method="L-BFGS-B",
                    bounds=[(-_LOG_BOUND, _LOG_BOUND)] * n_params,
                    options={"maxiter": max_iter, "gtol": tol, "ftol": 1e-15},
                )
        else:
            # finite-difference gradient; log-parameters kept in [-11.5, 11.5] (1e-5 .. 1e5),
            # where degenerate fits (e.g. no drop-out at all) stop instead of drifting away
            result = optimize.minimize(
                objective,
                start,
                method="L-BFGS-B",
                bounds=[(-_LOG_BOUND, _LOG_BOUND)] * n_params,
                options={"maxiter": max_iter, "gtol": tol, "ftol": 1e-14},
            )
            if not result.success:
                # a line search stopped by finite-difference noise: polish without gradients
                result = optimize.minimize(
                    objective,
                    result.x,
                    method="Nelder-Mead",
                    bounds=[(-_LOG_BOUND, _LOG_BOUND)] * n_params,
                    options={"maxiter": 4 * max_iter, "xatol": 1e-8, "fatol": 1e-12},
                )
        value = result.fun
        gradient = result.jac if jac else None
    converged = bool(result.success)
    if not converged and jac and gradient is not None and np.all(np.isfinite(gradient)):
        # BFGS may stop on "precision loss" right at the optimum: accept a flat gradient.
        converged = float(np.max(np.abs(gradient))) < 1e-4
    if not converged or not np.isfinite(value) or not np.all(np.isfinite(result.x)):
        raise ConvergenceError(
            f"{model} 模型拟合没有收敛 (fit did not converge): {result.message}。"
            "请检查数据 (check the summary), 或设置 penalizer_coef > 0 (e.g. 0.001)"
        )
    return np.exp(result.x)


def check_time(t: object, name: str = "t") -> float:
    """A future period length as a non-negative float, or a DataError naming the parameter."""
    try:
        value = float(t)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        raise ParameterError(
            f"参数 {name} (时长 period length) 必须是数值 (number): {t!r}"
        ) from exc
    if not np.isfinite(value) or value < 0:
        raise ParameterError(f"参数 {name} (时长 period length) 必须是非负数 (non-negative): {t!r}")
    return value


def check_counts(n: object) -> np.ndarray:
    """Purchase counts as a float array of non-negative whole numbers, or a DataError."""
    values = np.asarray(n, dtype=np.float64)
    if np.any(~np.isfinite(values)) or np.any(values < 0) or np.any(values != np.round(values)):
        raise ParameterError(
            f"参数 n (购买次数 number of purchases) 必须是非负整数 (non-negative integer): {n!r}"
        )
    return values
