"""Plots for ABC analysis: the Lorenz curve with the Gini and the A / B / C cut points."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import matplotlib.pyplot as plt
from matplotlib.axes import Axes

from custseg.abc_analysis import (
    ABC_LABELS,
    abc_classify,
    abc_summary,
    customer_values,
    gini,
    lorenz_curve,
)
from custseg.plotting import palette
from custseg.plotting.style import chinese_font_context, pin_chinese_font

__all__ = ["plot_lorenz"]

#: Colour of each ABC class (shared with the widget).
ABC_COLORS = palette.ABC_CLASS_COLORS


def plot_lorenz(
    data: Any,
    ax: Axes | None = None,
    *,
    cuts: Sequence[float] = (0.8, 0.95),
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
) -> Axes:
    """Lorenz curve of customer value, with the Gini in the title and the ABC classes shaded.

    Customers run from the lowest value (left) to the highest (right), so the A
    customers (重点客户) are the band on the right, then B, then C on the left. The
    dashed diagonal is perfect equality.

    Parameters
    ----------
    data : Series, array, list, or frame
        Values per customer or transactions, see :func:`custseg.abc_analysis.customer_values`.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.
    cuts : pair of float, default (0.8, 0.95)
        ABC cut points, as in :func:`custseg.abc_analysis.abc_classify`.
    customer_col, date_col, amount_col : str
        Column names when ``data`` is a table of transactions, as in
        :func:`custseg.abc_analysis.customer_values` (defaults: the canonical names).

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.lines[0]`` is the Lorenz curve, ``ax.lines[1]`` the equality line.

    Examples
    --------
    >>> ax = plot_lorenz([1.0, 1.0, 2.0, 6.0])
    >>> ax.lines[0].get_xydata()[-1].tolist()
    [1.0, 1.0]
    >>> ax.get_title()
    '洛伦兹曲线 (Lorenz curve)  基尼系数 (Gini) = 0.40'
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    values = customer_values(
        data, customer_col=customer_col, date_col=date_col, amount_col=amount_col
    )
    curve = lorenz_curve(values)
    coefficient = gini(values)
    shares = abc_summary(abc_classify(values, cuts=cuts))["客户占比"].to_numpy()
    with chinese_font_context():
        if ax is None:
            _, ax = plt.subplots(figsize=(6.5, 6))
        ax.plot(
            curve["customer_share"],
            curve["value_share"],
            color=palette.MAIN,
            lw=2,
            label="洛伦兹曲线 (Lorenz curve)",
        )
        ax.plot([0, 1], [0, 1], color=palette.REFERENCE, ls="--", lw=1, label="完全平均 (equality)")
        right = 1.0
        for (letter, label), width in zip(ABC_LABELS.items(), shares, strict=True):
            if width == 0:
                continue
            left = right - width
            ax.axvspan(left, right, color=ABC_COLORS[letter], alpha=0.12, lw=0)
            ax.text(
                (left + right) / 2,
                0.97,
                f"{letter}\n{label}\n{width:.0%}",
                ha="center",
                va="top",
                fontsize=9,
                color=ABC_COLORS[letter],
            )
            if left > 0:
                ax.axvline(left, color=ABC_COLORS[letter], lw=1, ls=":")
            right = left
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.set_xlabel("客户累计占比（按价值从低到高）(cumulative share of customers)")
        ax.set_ylabel("价值累计占比 (cumulative share of value)")
        ax.set_title(f"洛伦兹曲线 (Lorenz curve)  基尼系数 (Gini) = {coefficient:.2f}")
        ax.legend(loc="center left")
    pin_chinese_font(ax)
    return ax
