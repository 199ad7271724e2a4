"""Plots for RFM analysis: segment sizes and the R x F heatmap of mean spend."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from matplotlib.axes import Axes

from custseg.errors import DataError, ParameterError, require_columns
from custseg.plotting import palette
from custseg.plotting.style import chinese_font_context, pin_chinese_font

__all__ = ["plot_rf_heatmap", "plot_segment_sizes"]

_VALUES = {
    "count": ("客户数 (customers)", "各客户群人数 (segment sizes)"),
    "monetary": ("消费总额 (total monetary)", "各客户群消费总额 (segment value)"),
}


def plot_segment_sizes(
    segmented: pd.DataFrame, ax: Axes | None = None, *, value: str = "count"
) -> Axes:
    """Horizontal bars of the customers (or the spend) in each RFM segment, largest on top.

    Parameters
    ----------
    segmented : pandas.DataFrame
        From :func:`custseg.rfm.segment_customers`: a ``segment`` column (and
        ``monetary`` for ``value="monetary"``).
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.
    value : {"count", "monetary"}, default "count"
        Bar length: number of customers, or their total ``monetary``.

    Returns
    -------
    matplotlib.axes.Axes
        One bar per segment, labelled with its Chinese name and its number.

    Examples
    --------
    >>> import pandas as pd
    >>> segmented = pd.DataFrame({"segment": ["重要价值客户", "一般挽留客户", "一般挽留客户"],
    ...                           "monetary": [900.0, 20.0, 30.0]})
    >>> ax = plot_segment_sizes(segmented)
    >>> [t.get_text() for t in ax.get_yticklabels()]  # from the bottom up
    ['重要价值客户', '一般挽留客户']
    >>> [float(p.get_width()) for p in ax.patches]
    [1.0, 2.0]
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    if value not in _VALUES:
        raise ParameterError(
            f"plot_segment_sizes 的参数 value 只能是 (must be) {sorted(_VALUES)}，收到 (got) {value!r}"
        )
    needed = ["segment"] if value == "count" else ["segment", "monetary"]
    require_columns(segmented, needed, what="分群结果 (segmented customers)")
    if segmented.empty:
        raise DataError("分群结果为空 (no customers): 没有可画的数据")
    if value == "count":
        sizes = segmented["segment"].value_counts()
    else:
        sizes = segmented.groupby("segment", sort=False)["monetary"].sum()
    sizes = sizes.sort_values(ascending=True, kind="stable")
    axis_label, title = _VALUES[value]
    with chinese_font_context():
        if ax is None:
            _, ax = plt.subplots(figsize=(8, 1.2 + 0.45 * len(sizes)))
        bars = ax.barh(
            [str(s) for s in sizes.index], sizes.to_numpy(dtype=float), color=palette.MAIN
        )
        ax.bar_label(bars, labels=[f"{v:,.0f}" for v in sizes.to_numpy()], padding=3)
        ax.set_xlabel(axis_label)
        ax.set_ylabel("客户群 (segment)")
        ax.set_title(title)
        ax.margins(x=0.15)
    pin_chinese_font(ax)
    return ax


def plot_rf_heatmap(scored: pd.DataFrame, ax: Axes | None = None, *, annot: bool = True) -> Axes:
    """Heatmap of mean ``monetary`` by R score (rows, best on top) and F score (columns).

    Parameters
    ----------
    scored : pandas.DataFrame
        From :class:`custseg.rfm.RFMScorer`: ``r_score``, ``f_score``, ``monetary``.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.
    annot : bool, default True
        Write the mean in each cell. Empty cells (no customer) stay blank.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import pandas as pd
    >>> scored = pd.DataFrame({"r_score": [1, 2, 2], "f_score": [1, 2, 2],
    ...                        "monetary": [10.0, 30.0, 50.0]})
    >>> ax = plot_rf_heatmap(scored)
    >>> ax.collections[0].get_array().tolist()
    [[None, 40.0], [10.0, None]]
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    require_columns(scored, ["r_score", "f_score", "monetary"], what="RFM 评分表 (scored RFM)")
    if scored.empty:
        raise DataError("RFM 评分表为空 (no customers): 没有可画的数据")
    means = scored.pivot_table(
        index="r_score", columns="f_score", values="monetary", aggfunc="mean"
    ).sort_index(ascending=False)
    with chinese_font_context():
        if ax is None:
            _, ax = plt.subplots(figsize=(1.5 + 1.1 * means.shape[1], 1 + 0.8 * means.shape[0]))
        sns.heatmap(
            means,
            ax=ax,
            annot=annot,
            fmt=",.0f",
            cmap=palette.RATE_CMAP,
            cbar_kws={"label": "平均消费金额 (mean monetary)"},
        )
        ax.set_xlabel("F 分 (frequency score)")
        ax.set_ylabel("R 分 (recency score)")
        ax.set_title("R × F 平均消费金额 (mean monetary)")
    pin_chinese_font(ax)
    return ax
