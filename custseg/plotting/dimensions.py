"""Plots for segmentation by dimension: profile index heatmap, spending mix, purchase styles."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import TwoSlopeNorm
from matplotlib.ticker import PercentFormatter

from custseg.dimensions import (
    PURCHASE_STYLES,
    RESPONSE_AXIS_LABEL,
    overall_rate,
    overall_rate_label,
    profile_index,
    response_title,
    segment_response,
)
from custseg.errors import DataError, require_columns
from custseg.plotting import palette
from custseg.plotting.style import chinese_font_context, pin_chinese_font

__all__ = [
    "plot_profile_index",
    "plot_purchase_styles",
    "plot_response_by",
    "plot_response_rates",
    "plot_spending_mix",
]


def plot_profile_index(
    profile: pd.DataFrame,
    ax: Axes | None = None,
    *,
    columns: Sequence[str] | None = None,
) -> Axes:
    """Heatmap of a segment profile as an index: each mean over the all-customers mean x 100.

    Red cells are above average (指数 > 100), blue cells below; the number in each cell
    is the index, so "150" reads "1.5 times the average customer".

    Parameters
    ----------
    profile : pandas.DataFrame
        From :func:`custseg.dimensions.profile_segments` with ``overall=True``.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.
    columns : sequence of str, optional
        Numeric columns to show; by default all numeric columns but ``customers`` and
        ``share``.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.images[0].get_array()`` holds the index values (segments by columns).

    Examples
    --------
    >>> import pandas as pd
    >>> from custseg.dimensions import profile_segments
    >>> clients = pd.DataFrame({"群": ["甲", "甲", "乙"], "年龄": [30, 30, 60]})
    >>> ax = plot_profile_index(profile_segments(clients, "群"))
    >>> ax.images[0].get_array().tolist()
    [[75.0], [150.0]]
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    index = profile_index(profile, columns)
    values = index.to_numpy()
    finite = values[np.isfinite(values)]
    spread = max(float(np.max(np.abs(finite - 100))) if finite.size else 1.0, 1.0)
    norm = TwoSlopeNorm(vmin=100 - spread, vcenter=100, vmax=100 + spread)
    with chinese_font_context():
        if ax is None:
            width = max(5.0, 1.1 * index.shape[1] + 2.5)
            _, ax = plt.subplots(figsize=(width, 0.55 * index.shape[0] + 1.8))
        image = ax.imshow(values, cmap=palette.DIVERGING_CMAP, norm=norm, aspect="auto")
        ax.set_xticks(np.arange(index.shape[1]), [str(c) for c in index.columns])
        ax.set_yticks(np.arange(index.shape[0]), [str(i) for i in index.index])
        plt.setp(ax.get_xticklabels(), rotation=30, ha="right", rotation_mode="anchor")
        for (row, column), value in np.ndenumerate(values):
            if np.isfinite(value):
                color = "white" if abs(value - 100) > 0.6 * spread else "black"
                ax.text(
                    column, row, f"{value:.0f}", ha="center", va="center", fontsize=9, color=color
                )
        colorbar = ax.figure.colorbar(image, ax=ax, shrink=0.8)
        colorbar.set_label("指数 (index，全部客户 = 100)")
        ax.set_title("客户群画像指数 (segment profile index)")
        pin_chinese_font(ax, colorbar.ax)
    return ax


def plot_spending_mix(mix: pd.DataFrame, segments: pd.Series, ax: Axes | None = None) -> Axes:
    """Stacked bars of the average spending mix of each segment.

    Parameters
    ----------
    mix : pandas.DataFrame
        Shares per category, from :func:`custseg.dimensions.spending_mix`.
    segments : pandas.Series
        The segment of each row of ``mix`` (same index), e.g. from
        :func:`custseg.dimensions.cluster_mix`.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.

    Returns
    -------
    matplotlib.axes.Axes
        One bar container per category in ``ax.containers``, segments from the top.

    Examples
    --------
    >>> import pandas as pd
    >>> mix = pd.DataFrame({"葡萄酒": [0.8, 0.6, 0.1], "肉类": [0.2, 0.4, 0.9]})
    >>> ax = plot_spending_mix(mix, pd.Series(["品酒", "品酒", "肉食"]))
    >>> [float(bar.get_width()) for bar in ax.containers[0]]
    [0.7, 0.1]
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    if not mix.index.equals(segments.index):
        raise DataError("mix 与 segments 的索引 (index) 不一致：请传入同一批客户")
    means = mix.groupby(segments, observed=True, sort=False).mean()
    if isinstance(segments.dtype, pd.CategoricalDtype):
        means = means.sort_index()
    if means.empty:
        raise DataError("没有可画的客户群 (no segment)")
    with chinese_font_context():
        if ax is None:
            _, ax = plt.subplots(figsize=(8, 0.5 * len(means) + 1.8))
        positions = np.arange(len(means))
        left = np.zeros(len(means))
        for number, column in enumerate(means.columns):
            widths = means[column].fillna(0).to_numpy()
            ax.barh(
                positions,
                widths,
                left=left,
                color=palette.SERIES[number % len(palette.SERIES)],
                label=str(column),
            )
            left += widths
        ax.set_yticks(positions, [str(i) for i in means.index])
        ax.invert_yaxis()
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(PercentFormatter(1.0))
        ax.set_xlabel("平均消费结构 (share of spend)")
        ax.set_title("各客户群的消费结构 (spending mix)")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=min(len(means.columns), 6))
        pin_chinese_font(ax)
    return ax


def plot_purchase_styles(styles: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Share of customers next to share of spend for each purchase style.

    Parameters
    ----------
    styles : pandas.DataFrame
        From :func:`custseg.dimensions.purchase_styles` (``style`` and ``total``).
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.containers[0]``: customer shares, ``ax.containers[1]``: spend shares, in
        the order 忠诚型, 冲动型, 理性型.

    Examples
    --------
    >>> import pandas as pd
    >>> styles = pd.DataFrame({"style": ["忠诚型", "理性型", "理性型", "冲动型"],
    ...                        "total": [700.0, 100.0, 100.0, 100.0]})
    >>> ax = plot_purchase_styles(styles)
    >>> [float(bar.get_height()) for bar in ax.containers[1]]
    [0.7, 0.1, 0.2]
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    require_columns(styles, ["style", "total"], what="购买风格表 (purchase styles)")
    if styles.empty:
        raise DataError("购买风格表为空 (no customer)")
    order = list(PURCHASE_STYLES)
    customers = styles["style"].value_counts(normalize=True).reindex(order, fill_value=0)
    spend = styles.groupby("style")["total"].sum().reindex(order, fill_value=0)
    spend = spend / spend.sum()
    with chinese_font_context():
        if ax is None:
            _, ax = plt.subplots(figsize=(7, 4))
        positions = np.arange(len(order))
        width = 0.38
        first = ax.bar(
            positions - width / 2, customers, width, color=palette.NEUTRAL, label="客户数占比"
        )
        second = ax.bar(positions + width / 2, spend, width, color=palette.MAIN, label="销售额占比")
        for bars in (first, second):
            ax.bar_label(
                bars, labels=[f"{b.get_height():.0%}" for b in bars], padding=2, fontsize=9
            )
        ax.set_xticks(positions, order)
        ax.yaxis.set_major_formatter(PercentFormatter(1.0))
        ax.set_ylim(0, max(float(customers.max()), float(spend.max())) * 1.18)
        ax.set_ylabel("占比 (share)")
        ax.set_title("购买风格：客户数与销售额 (purchase styles)")
        ax.legend()
        pin_chinese_font(ax)
    return ax


def plot_response_by(table: pd.DataFrame, ax=None, *, title: str = ""):
    """Bars of each segment's response rate with the overall rate as a dashed line.

    ``table`` comes from :func:`custseg.dimensions.response_by`; returns the Axes.
    """
    with chinese_font_context():
        if ax is None:
            _, ax = plt.subplots(figsize=(7, 4))
        overall = overall_rate(table)
        labels = [str(i) for i in table.index]
        bars = ax.barh(labels[::-1], table["response_rate"].to_numpy()[::-1], color=palette.MAIN)
        ax.bar_label(
            bars, labels=[f"{v:.0%}" for v in table["response_rate"].to_numpy()[::-1]], padding=3
        )
        ax.axvline(
            overall, color=palette.HIGHLIGHT, linestyle="--", label=overall_rate_label(overall)
        )
        ax.xaxis.set_major_formatter(PercentFormatter(1.0))
        ax.set_xlabel(RESPONSE_AXIS_LABEL)
        ax.set_title(title or "各客户群的响应率")
        ax.legend(loc="lower right")
    return ax


def plot_response_rates(
    data: pd.DataFrame,
    by: str,
    ax: Axes | None = None,
    *,
    target: str = "y",
    positive: object = "yes",
    title: str = "",
) -> Axes:
    """Bars of the response rate of each segment along ``by``, the overall rate dashed.

    Segments are labelled as in :func:`custseg.dimensions.segment_labels` (``"age"`` in
    age bands, coded values in Chinese); the highest rate is drawn on top. The table is
    :func:`custseg.dimensions.segment_response`, the one the dimension widget shows.

    Examples
    --------
    >>> import pandas as pd
    >>> clients = pd.DataFrame({"job": ["student", "student", "retired", "retired"],
    ...                         "y": ["yes", "yes", "yes", "no"]})
    >>> ax = plot_response_rates(clients, by="job")
    >>> [t.get_text() for t in ax.get_yticklabels()], [float(p.get_width()) for p in ax.patches]
    (['退休', '学生'], [0.5, 1.0])
    >>> ax.get_title()
    '按职业分群的响应率'
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    table = segment_response(data, by, target=target, positive=positive)
    return plot_response_by(table, ax, title=title or response_title(table.index.name))
