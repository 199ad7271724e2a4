"""Weighted scorecards (加权评分卡): the steps every scorecard in custseg shares.

A scorecard turns each criterion into a 0-100 score, adds the scores with weights that sum
to 1 and cuts the total into levels (客户层级, 经销商等级). The customer scorecard
(:class:`custseg.selection.CustomerScorecard`) and the distributor evaluation
(:class:`custseg.distributors.DistributorEvaluator`) both use these functions, so a weight, a
cut or a bad value is checked and worded the same way in both:

- :func:`scorecard_weights`: the weights checked and rescaled to sum to 1;
- :func:`decreasing_cuts`: the totals where the levels begin, checked;
- :func:`numeric_column`: a criterion column as numbers, or a :class:`DataError` naming the row;
- :func:`percentile_scores`: a value's 0-100 score among the reference values;
- :func:`level_of`: the level of each total.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from custseg.errors import DataError, ParameterError

__all__ = [
    "decreasing_cuts",
    "level_of",
    "numeric_column",
    "percentile_scores",
    "scorecard_weights",
]


def scorecard_weights(
    weights: Mapping[str, float] | None,
    criteria: Sequence[str],
    *,
    default: Mapping[str, float] | None = None,
) -> pd.Series:
    """The weight of each criterion, checked and rescaled to sum to 1.

    Parameters
    ----------
    weights : mapping of str to float, or None
        Criterion to weight: non-negative numbers, not all 0, one per criterion. None takes
        ``default`` when it names exactly the criteria, otherwise equal weights.
    criteria : sequence of str
        The criteria, in the order of the result.
    default : mapping of str to float, optional
        The weights used when ``weights`` is None.

    Returns
    -------
    pandas.Series
        Indexed by criterion (in the order of ``criteria``), named ``weight``, summing to 1.

    Raises
    ------
    ParameterError
        A criterion without a weight or a weight for no criterion (naming them), a weight
        that is negative, not a number or infinite, or weights that are all 0.

    Examples
    --------
    >>> scorecard_weights({"loyalty": 3, "value": 1}, ["value", "loyalty"]).to_dict()
    {'value': 0.25, 'loyalty': 0.75}
    >>> scorecard_weights(None, ["value", "loyalty"]).tolist()
    [0.5, 0.5]
    >>> scorecard_weights({"growth": 1}, ["value"])
    Traceback (most recent call last):
    ...
    custseg.errors.ParameterError: 权重 (weights) 必须与评分标准一一对应 (one weight per criterion)：评分标准为 ['value']，多出或缺少 (extra or missing) ['growth', 'value']
    """
    criteria = list(criteria)
    if weights is None:
        use_default = default is not None and set(default) == set(criteria)
        weights = default if use_default else dict.fromkeys(criteria, 1.0)
    unknown = sorted(set(weights) ^ set(criteria), key=str)
    if unknown:
        raise ParameterError(
            f"权重 (weights) 必须与评分标准一一对应 (one weight per criterion)：评分标准为 "
            f"{criteria}，多出或缺少 (extra or missing) {unknown}"
        )
    try:
        series = pd.Series({name: float(weights[name]) for name in criteria}, name="weight")
    except (TypeError, ValueError):
        series = pd.Series([np.nan])
    if series.isna().any() or (series < 0).any() or not np.isfinite(series).all():
        raise ParameterError(
            f"权重 (weights) 必须是非负的数 (non-negative numbers): {dict(weights)}"
        )
    if series.sum() <= 0:
        raise ParameterError(f"权重 (weights) 不能全为 0 (all zero): {dict(weights)}")
    return series / series.sum()


def decreasing_cuts(cuts: Sequence[float], *, levels: int, name: str) -> list[float]:
    """The totals where each level but the last begins, checked to decrease.

    Parameters
    ----------
    cuts : sequence of float
        ``levels - 1`` scores, highest first.
    levels : int
        How many levels the cuts separate.
    name : str
        The parameter's name, for the message.

    Returns
    -------
    list of float

    Raises
    ------
    ParameterError
        Not ``levels - 1`` numbers, or not decreasing.

    Examples
    --------
    >>> decreasing_cuts((80, 60, 40), levels=4, name="tier_cuts")
    [80.0, 60.0, 40.0]
    >>> decreasing_cuts((40, 60, 80), levels=4, name="tier_cuts")
    Traceback (most recent call last):
    ...
    custseg.errors.ParameterError: tier_cuts 需要 3 个递减的分数 (decreasing scores): [40, 60, 80]
    """
    try:
        values = [float(cut) for cut in cuts]
    except (TypeError, ValueError):
        values = []
    if len(values) != levels - 1 or sorted(values, reverse=True) != values:
        raise ParameterError(
            f"{name} 需要 {levels - 1} 个递减的分数 (decreasing scores): {list(cuts)}"
        )
    return values


def numeric_column(
    frame: pd.DataFrame,
    column: str,
    *,
    label: str | None = None,
    row_ids: pd.Series | pd.Index | None = None,
    row_word: str = "索引 (index)",
) -> np.ndarray:
    """The values of ``column`` as floats; a missing, non-numeric or infinite one is refused.

    Parameters
    ----------
    frame : pandas.DataFrame
    column : str
    label : str, optional
        What the column holds, in Chinese, shown after its name.
    row_ids : pandas.Series or pandas.Index, optional
        How the rows are named in the message (e.g. the distributor ids); default the index.
    row_word : str, default "索引 (index)"
        What a row is called in the message.

    Returns
    -------
    numpy.ndarray
        The values (``True``/``False`` become 1/0).

    Raises
    ------
    DataError
        Naming the column, the first bad row and its value.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"sales": [1.5, "n/a"]}, index=["甲", "乙"])
    >>> numeric_column(frame.iloc[:1], "sales")
    array([1.5])
    >>> numeric_column(frame, "sales", label="销售额")
    Traceback (most recent call last):
    ...
    custseg.errors.DataError: 列 'sales'（销售额）有缺失、不是数字或无穷大的值 (missing, non-numeric or infinite)：索引 (index) '乙'，值 (value) 'n/a'
    """
    raw = frame[column]
    values = pd.to_numeric(raw.astype(float) if raw.dtype == bool else raw, errors="coerce")
    values = values.to_numpy(dtype=float)
    bad = ~np.isfinite(values)
    if bad.any():
        position = int(np.flatnonzero(bad)[0])
        ids = frame.index if row_ids is None else row_ids
        shown = f"（{label}）" if label else ""
        raise DataError(
            f"列 {column!r}{shown}有缺失、不是数字或无穷大的值 (missing, non-numeric or infinite)："
            f"{row_word} {_at(ids, position)!r}，值 (value) {raw.iloc[position]!r}"
        )
    return values


def _at(ids: Any, position: int) -> Any:
    return ids.iloc[position] if isinstance(ids, pd.Series) else ids[position]


def percentile_scores(
    reference: np.ndarray, values: np.ndarray, *, lower_is_better: bool = False
) -> np.ndarray:
    """The 0-100 score of each value: the share of reference values it is at least as good as.

    Parameters
    ----------
    reference : numpy.ndarray
        The reference values, **sorted** (the yardstick learned by ``fit``).
    values : numpy.ndarray
        The values to score.
    lower_is_better : bool, default False
        Whether a smaller value is better.

    Returns
    -------
    numpy.ndarray
        ``100 * share of reference values <= x`` (``>= x`` when lower is better), the
        percentile rank: the same as SQL's ``cume_dist()`` when ``values`` is the reference.

    Examples
    --------
    >>> import numpy as np
    >>> reference = np.array([1.0, 2.0, 2.0, 5.0])
    >>> percentile_scores(reference, np.array([2.0, 9.0, 0.0])).tolist()
    [75.0, 100.0, 0.0]
    >>> percentile_scores(reference, np.array([2.0]), lower_is_better=True).tolist()
    [75.0]
    """
    if lower_is_better:
        share = 1 - np.searchsorted(reference, values, side="left") / len(reference)
    else:
        share = np.searchsorted(reference, values, side="right") / len(reference)
    return 100 * share


def level_of(totals: Any, cuts: Sequence[float], labels: Sequence[str]) -> np.ndarray:
    """The level of each total score: a total on a cut belongs to the higher level.

    Parameters
    ----------
    totals : array-like of float
    cuts : sequence of float
        From :func:`decreasing_cuts`.
    labels : sequence of str
        One more label than cuts, highest level first.

    Examples
    --------
    >>> level_of([90.0, 60.0, 10.0], [80, 60, 40], ["A", "B", "C", "D"]).tolist()
    ['A', 'B', 'D']
    """
    position = np.searchsorted(-np.asarray(cuts, dtype=float), -np.asarray(totals), "left")
    return np.asarray(list(labels))[position]
