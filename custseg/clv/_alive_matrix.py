"""The probability-alive matrix of a purchase model: one cell per (frequency, recency)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from custseg.errors import ParameterError
from custseg.estimator_contract import check_fitted

__all__ = ["alive_matrix"]


def _size(value: object, fitted: object, name: str, model: object) -> int:
    """A matrix edge: the argument, else the fitted maximum, as a non-negative integer."""
    if value is None:
        if fitted is None:
            raise ParameterError(
                f"{type(model).__name__} 没有记录拟合数据的范围 (the fitted data range is unknown): "
                f"请给出参数 {name}"
            )
        value = int(np.floor(float(fitted)))
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 0:
        raise ParameterError(f"参数 {name} 必须是非负整数 (non-negative integer): {value!r}")
    return int(value)


def alive_matrix(
    model: object,
    alive: Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray],
    max_frequency: int | None,
    max_recency: int | None,
) -> pd.DataFrame:
    """P(alive) for every frequency 0..max_frequency and recency 0..max_recency, at T = max_recency.

    As ``lifetimes``' ``conditional_probability_alive_matrix`` (which puts recency in rows):
    the defaults are the largest frequency and T of the fitted summary. A customer without a
    repeat purchase has recency 0, so the other cells of row 0 are NaN.
    """
    check_fitted(model, "params_")
    rows = _size(max_frequency, getattr(model, "max_frequency_", None), "max_frequency", model)
    columns = _size(max_recency, getattr(model, "max_T_", None), "max_recency", model)
    frequency, recency = np.meshgrid(
        np.arange(rows + 1, dtype=np.float64),
        np.arange(columns + 1, dtype=np.float64),
        indexing="ij",
    )
    values = alive(frequency.ravel(), recency.ravel(), np.full(frequency.size, float(columns)))
    matrix = values.reshape(frequency.shape)
    matrix[0, 1:] = np.nan
    return pd.DataFrame(
        matrix,
        index=pd.RangeIndex(rows + 1, name="frequency"),
        columns=pd.RangeIndex(columns + 1, name="recency"),
    )
