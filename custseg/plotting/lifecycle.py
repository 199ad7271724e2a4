"""Plots for the customer lifecycle: how many customers are in each stage."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes

from custseg.errors import DataError, require_columns
from custseg.lifecycle import stage_counts
from custseg.plotting import palette
from custseg.plotting.style import chinese_font_context, pin_chinese_font

__all__ = ["plot_lifecycle_stages"]


def plot_lifecycle_stages(stages: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Bars of the number of customers per lifecycle stage, in lifecycle order.

    Parameters
    ----------
    stages : pandas.DataFrame
        From :func:`custseg.lifecycle.lifecycle_stages` (a ``stage`` column).
        The default stages come in lifecycle order (潜在 → 已流失), even with zero
        customers; stages of a custom rule table follow, in order of appearance.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import pandas as pd
    >>> ax = plot_lifecycle_stages(pd.DataFrame({"stage": ["新客", "新客", "已流失"]}))
    >>> [float(p.get_height()) for p in ax.patches]
    [0.0, 2.0, 0.0, 0.0, 0.0, 1.0]
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    require_columns(stages, ["stage"], what="生命周期结果 (lifecycle stages)")
    if stages.empty:
        raise DataError("生命周期结果为空 (no customers): 没有可画的数据")
    counts = stage_counts(stages)
    order = counts.index.tolist()
    with chinese_font_context():
        if ax is None:
            _, ax = plt.subplots(figsize=(1.5 + 1.1 * len(order), 4.5))
        bars = ax.bar(list(counts.index), counts.to_numpy(dtype=float), color=palette.GOOD)
        ax.bar_label(bars, labels=[f"{v:,}" for v in counts.to_numpy()], padding=2)
        ax.set_xlabel("生命周期阶段 (lifecycle stage)")
        ax.set_ylabel("客户数 (customers)")
        ax.set_title("客户生命周期分布 (customers per stage)")
        ax.margins(y=0.12)
    pin_chinese_font(ax)
    return ax
