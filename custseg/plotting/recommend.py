"""Plots for recommendations: hit rates against a baseline, and one recommendation list."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import PercentFormatter

from custseg.errors import DataError, require_columns
from custseg.plotting import palette
from custseg.plotting.style import chinese_font_context, pin_chinese_font

__all__ = ["plot_hit_rates", "plot_recommendations"]

_BASE = palette.NEUTRAL
_MODEL = palette.MAIN
_LABEL_LENGTH = 32


def plot_hit_rates(
    table: pd.DataFrame, ax: Axes | None = None, *, baseline: str | None = None
) -> Axes:
    """Bar chart of leave-one-out hit rates, each model against the baseline.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`custseg.recommend.compare_hit_rates`: indexed by model name, with
        ``hit_rate``, ``baskets`` and ``top_n``.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.
    baseline : str, optional
        The row to compare with (drawn grey); each other bar is labelled with how many
        times the baseline's hit rate it reaches. By default, the last row.

    Returns
    -------
    matplotlib.axes.Axes
        One bar per model in ``ax.patches``, in the order of ``table``.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"hit_rate": [0.3, 0.05], "baskets": [2000, 2000], "top_n": 10},
    ...                      index=["同购推荐", "热门推荐"])
    >>> ax = plot_hit_rates(table)
    >>> [text.get_text() for text in ax.texts]
    ['30.0%\\n热门推荐的 6.0 倍', '5.0%']
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    require_columns(table, ["hit_rate", "baskets", "top_n"], what="命中率表 (hit-rate table)")
    if table.empty:
        raise DataError("命中率表为空 (empty hit-rate table)")
    baseline = table.index[-1] if baseline is None else baseline
    if baseline not in table.index:
        names = ", ".join(map(repr, table.index))
        raise DataError(f"基准模型 (baseline) {baseline!r} 不在表中；现有: {names}")
    rates = table["hit_rate"].astype(float)
    base = rates[baseline]
    with chinese_font_context():
        if ax is None:
            _, ax = plt.subplots(figsize=(6, 4))
        positions = np.arange(len(table))
        colors = [_BASE if name == baseline else _MODEL for name in table.index]
        ax.bar(positions, rates, color=colors)
        ax.set_xticks(positions, [str(name) for name in table.index])
        for x, (name, rate) in zip(positions, rates.items(), strict=True):
            label = f"{rate:.1%}"
            if name != baseline and base > 0:
                label += f"\n{baseline}的 {rate / base:.1f} 倍"
            ax.annotate(label, (x, rate), ha="center", va="bottom", fontsize=9)
        ax.set_ylim(0, max(rates.max() * 1.25, 0.01))
        ax.yaxis.set_major_formatter(PercentFormatter(1.0))
        ax.set_ylabel("命中率 (hit rate)")
        n = int(table["top_n"].iloc[0])
        baskets = int(table["baskets"].iloc[0])
        ax.set_title(f"留一法命中率：前 {n} 个推荐命中被隐藏的商品\n({baskets:,} 个测试订单)")
        pin_chinese_font(ax)
    return ax


def plot_recommendations(recommendations: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Horizontal bars of one recommendation list, best at the top.

    Parameters
    ----------
    recommendations : pandas.DataFrame
        From ``recommend()`` of :class:`custseg.recommend.ItemToItemRecommender`: the item
        code in the first column, ``description`` and ``score``.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.patches[0]`` is the best item.

    Examples
    --------
    >>> import pandas as pd
    >>> recs = pd.DataFrame({"stock_code": ["茶壶", "茶叶"], "description": ["紫砂壶", ""],
    ...                      "score": [0.82, 0.58]})
    >>> ax = plot_recommendations(recs)
    >>> [label.get_text() for label in ax.get_yticklabels()]
    ['紫砂壶 (茶壶)', '茶叶']
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    require_columns(recommendations, ["description", "score"], what="推荐列表 (recommendations)")
    if recommendations.empty:
        raise DataError("推荐列表为空 (no recommendation)")
    codes = recommendations.iloc[:, 0].astype(str)
    texts = recommendations["description"].fillna("").astype(str)
    labels = [
        f"{text[:_LABEL_LENGTH]} ({code})" if text else code
        for code, text in zip(codes, texts, strict=True)
    ]
    scores = recommendations["score"].astype(float).to_numpy()
    with chinese_font_context():
        if ax is None:
            _, ax = plt.subplots(figsize=(7, 0.4 * len(labels) + 1.2))
        positions = np.arange(len(labels))
        ax.barh(positions, scores, color=_MODEL)
        ax.set_yticks(positions, labels)
        ax.invert_yaxis()
        ax.set_xlabel("推荐得分 (score)：与购物篮商品的相似度之和")
        ax.set_title("推荐商品 (recommendations)")
        pin_chinese_font(ax)
    return ax
