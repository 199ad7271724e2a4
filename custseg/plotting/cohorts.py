"""Plots for acquisition cohorts: the retention heatmap."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.axes import Axes
from matplotlib.ticker import PercentFormatter

from custseg.errors import DataError
from custseg.plotting import palette
from custseg.plotting.style import chinese_font_context, pin_chinese_font

__all__ = ["plot_retention_heatmap"]

_UNIT = {"M": "月", "Q": "季度"}


def _colour_top(values: pd.DataFrame) -> float:
    """Top of the colour scale: the highest retention after month 0 (month 0 is always 100%)."""
    later = values.iloc[:, 1:].to_numpy()
    if later.size == 0 or np.isnan(later).all() or np.nanmax(later) <= 0:
        return 1.0
    return float(np.nanmax(later))


def _unit(retention: pd.DataFrame) -> str:
    """The time unit of the matrix in Chinese: 月 (monthly) or 季度 (quarterly)."""
    index = retention.index
    if isinstance(index, pd.PeriodIndex) and index.freqstr.startswith("Q"):
        return _UNIT["Q"]
    return _UNIT["M"]


def plot_retention_heatmap(
    retention: pd.DataFrame, ax: Axes | None = None, *, annot: bool = True
) -> Axes:
    """Draw a retention matrix as a heatmap of percentages.

    Parameters
    ----------
    retention : pandas.DataFrame
        A matrix from :func:`custseg.cohorts.retention_matrix`: one row per
        acquisition cohort, one column per period since the first purchase, values
        in [0, 1]. NaN cells (periods not reached yet) stay blank. The colour scale
        runs from 0 to the highest retention after month 0, so month 0 (always
        100%) does not wash out the differences between later months.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.
    annot : bool, default True
        Write the percentage in each cell.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    DataError
        If the matrix is empty or has non-numeric values.

    Examples
    --------
    >>> import pandas as pd
    >>> from custseg.cohorts import retention_matrix
    >>> tx = pd.DataFrame({
    ...     "customer_id": [1, 1, 2, 3],
    ...     "invoice_date": pd.to_datetime(
    ...         ["2011-01-05", "2011-02-10", "2011-01-20", "2011-02-01"]),
    ... })
    >>> ax = plot_retention_heatmap(retention_matrix(tx))
    >>> ax.get_title()
    '留存率 (retention)'
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    if retention.empty:
        raise DataError("留存矩阵为空 (empty retention matrix): 没有可画的数据")
    try:
        values = retention.astype("float64")
    except (TypeError, ValueError):
        raise DataError("留存矩阵应全为数值 (numeric): 请传入 retention_matrix 的结果") from None
    unit = _unit(retention)
    labels = [str(label) for label in retention.index]
    with chinese_font_context():
        if ax is None:
            width = min(4 + 0.8 * values.shape[1], 16)
            height = min(2 + 0.45 * values.shape[0], 12)
            _, ax = plt.subplots(figsize=(width, height))
        sns.heatmap(
            values.set_axis(labels, axis="index"),
            ax=ax,
            annot=annot,
            fmt=".0%",
            cmap=palette.RATE_CMAP,
            vmin=0.0,
            vmax=_colour_top(values),
            annot_kws={"fontsize": 8},
            cbar_kws={"format": PercentFormatter(xmax=1.0), "label": "留存率"},
        )
        ax.set_title("留存率 (retention)")
        ax.set_xlabel(f"距首购{unit}数")
        ax.set_ylabel(f"获客{unit}份" if unit == "月" else f"获客{unit}")
        pin_chinese_font(ax)
    return ax
