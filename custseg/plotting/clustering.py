"""Plots for customer clusters: choosing k, cluster profiles, and the clusters in two features."""

from __future__ import annotations

from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.axes import Axes
from matplotlib.ticker import LogLocator, NullLocator, StrMethodFormatter

from custseg.cluster_tables import INERTIA_HEADER, SILHOUETTE_HEADER, SUGGESTED_HEADER
from custseg.clustering import FEATURE_LABELS, cluster_profiles
from custseg.errors import DataError, require_columns
from custseg.plotting import palette
from custseg.plotting.style import chinese_font_context, pin_chinese_font

__all__ = ["FEATURE_LABELS", "plot_choose_k", "plot_cluster_profiles", "plot_clusters"]


def _label(column: str) -> str:
    return FEATURE_LABELS.get(column, str(column))


def _new_axes(figsize: tuple[float, float]) -> Axes:
    """A new figure's Axes, in the CJK font (the font context keeps the notebook's backend
    interactive when this first figure switches it on, so later charts are shown too)."""
    with chinese_font_context():
        _, ax = plt.subplots(figsize=figsize)
    return ax


def plot_choose_k(table: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Elbow curve (inertia) and silhouette against k, with the suggested k marked.

    Parameters
    ----------
    table : pandas.DataFrame
        The result of :func:`custseg.clustering.choose_k` (index ``k``, columns
        ``inertia``, ``silhouette`` and ``suggested``) or of
        :func:`custseg.cluster_tables.k_choice_table` (the same in Chinese). The
        inertia is the within-cluster sum of **squared** distances to the centres.
    ax : matplotlib Axes, optional
        Where to draw the inertia; the silhouette goes on a twin y axis (its
        Axes is ``ax.right_ax``). A new figure is made if omitted.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes with the inertia curve.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"inertia": [90.0, 50.0, 40.0], "silhouette": [0.4, 0.5, 0.3],
    ...                       "suggested": [False, True, False]},
    ...                      index=pd.Index([2, 3, 4], name="k"))
    >>> ax = plot_choose_k(table)
    >>> ax.get_xlabel()
    '簇数 k (number of clusters)'
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    if INERTIA_HEADER in table.columns:
        table = pd.DataFrame(
            {
                "inertia": table[INERTIA_HEADER],
                "silhouette": table.get(SILHOUETTE_HEADER),
                "suggested": table.get(SUGGESTED_HEADER) == "是",
            },
            index=table.index,
        )
    require_columns(table, ["inertia", "silhouette"], what="choose_k 的结果表")
    if table.empty:
        raise DataError("choose_k 的结果表为空 (empty table): 没有可画的 k")
    ks = np.asarray(table.index, dtype=int)
    if ax is None:
        ax = _new_axes((7, 4))
    with chinese_font_context():
        ax.plot(
            ks, table["inertia"], marker="o", color=palette.MAIN, label="簇内平方和 (inertia)"
        )  # of squared distances
        ax.set_xlabel("簇数 k (number of clusters)")
        ax.set_ylabel("簇内平方和 (inertia)", color=palette.MAIN)
        ax.set_xticks(ks)
        right = ax.twinx()
        right.plot(
            ks,
            table["silhouette"],
            marker="s",
            color=palette.COMPARE,
            label="轮廓系数 (silhouette)",
        )
        right.set_ylabel("轮廓系数 (silhouette)", color=palette.COMPARE)
        if "suggested" in table.columns and table["suggested"].any():
            best = int(ks[np.flatnonzero(table["suggested"].to_numpy())[0]])
            ax.axvline(best, color=palette.REFERENCE, linestyle="--", label=f"建议 k = {best}")
        handles = ax.get_legend_handles_labels()
        extra = right.get_legend_handles_labels()
        ax.legend(handles[0] + extra[0], handles[1] + extra[1], loc="upper right")
        ax.set_title("选择簇数：肘部法则与轮廓系数")
        ax.right_ax = right
        pin_chinese_font(ax, right)
    return ax


def _standardised_means(features: pd.DataFrame, labels: Any) -> pd.DataFrame:
    """Cluster means of the numeric features in overall standard deviations from the mean."""
    profiles = cluster_profiles(features, labels)
    numeric = [c for c in features.columns if f"{c}_mean" in profiles.columns]
    if not numeric:
        raise DataError("没有数值特征 (no numeric features): 无法画特征均值")
    means = profiles[[f"{c}_mean" for c in numeric]].set_axis(numeric, axis="columns")
    spread = features[numeric].std(ddof=0).replace(0.0, np.nan)
    z = (means - features[numeric].mean()) / spread
    z.index = [
        f"{label} {name}" for label, name in zip(profiles.index, profiles["name"], strict=True)
    ]
    return z.fillna(0.0)


def plot_cluster_profiles(features: pd.DataFrame, labels: Any, ax: Axes | None = None) -> Axes:
    """Heatmap of each cluster's feature means, standardised across all customers.

    Cell (cluster, feature) is (cluster mean − overall mean) / overall standard
    deviation, so red means above average and blue below, in comparable units.

    Parameters
    ----------
    features : pandas.DataFrame
        One row per customer; the numeric columns are drawn.
    labels : pandas.Series or array-like
        The cluster of each row.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.

    Returns
    -------
    matplotlib.axes.Axes
        Rows labelled "<cluster> <Chinese name>" as in
        :func:`custseg.clustering.cluster_profiles`.

    Examples
    --------
    >>> import pandas as pd
    >>> rfm = pd.DataFrame({"recency": [5, 8, 200, 250], "frequency": [12, 9, 1, 2],
    ...                     "monetary": [900.0, 700.0, 40.0, 80.0]})
    >>> ax = plot_cluster_profiles(rfm, [0, 0, 1, 1])
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['0 高价值活跃客户', '1 已流失低价值客户']
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    z = _standardised_means(features, labels)
    limit = max(1.0, float(np.abs(z.to_numpy()).max()))
    if ax is None:
        ax = _new_axes((2 + 1.6 * z.shape[1], 1.5 + 0.6 * z.shape[0]))
    with chinese_font_context():
        sns.heatmap(
            z.set_axis([_label(c).replace(" (", "\n(") for c in z.columns], axis="columns"),
            ax=ax,
            annot=True,
            fmt=".2f",
            cmap=palette.DIVERGING_CMAP,
            vmin=-limit,
            vmax=limit,
            cbar_kws={"label": "标准化均值 (z)"},
        )
        ax.set_title("各类客户的特征（相对总体均值的标准差数）")
        ax.set_xlabel("特征 (feature)")
        ax.set_ylabel("簇 (cluster)")
        ax.tick_params(axis="y", rotation=0)
        ax.tick_params(axis="x", rotation=0)
        pin_chinese_font(ax)
    return ax


def plot_clusters(
    features: pd.DataFrame,
    labels: Any,
    *,
    x: str = "recency",
    y: str = "monetary",
    log_y: bool = True,
    ax: Axes | None = None,
) -> Axes:
    """Scatter of two features, one colour per cluster (named as in the profiles).

    Parameters
    ----------
    features : pandas.DataFrame
        One row per customer, with columns ``x`` and ``y``.
    labels : pandas.Series or array-like
        The cluster of each row.
    x, y : str, default "recency" and "monetary"
        The columns on the horizontal and vertical axes.
    log_y : bool, default True
        Logarithmic vertical axis (for spend, which spans several orders of
        magnitude); symmetric-log when ``y`` has zero or negative values.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import pandas as pd
    >>> rfm = pd.DataFrame({"recency": [5, 8, 200, 250], "frequency": [12, 9, 1, 2],
    ...                     "monetary": [900.0, 700.0, 40.0, 80.0]})
    >>> ax = plot_clusters(rfm, [0, 0, 1, 1])
    >>> ax.get_legend().get_title().get_text()
    '簇'
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    require_columns(features, [x, y], what="特征表 (features)")
    profiles = cluster_profiles(features, labels)
    names = {label: f"{label} {name}" for label, name in profiles["name"].items()}
    if isinstance(labels, pd.Series):
        clusters = labels.reindex(features.index)
    else:
        clusters = pd.Series(np.asarray(labels), index=features.index)
    data = pd.DataFrame(
        {"x": features[x].to_numpy(), "y": features[y].to_numpy(), "类别": clusters.map(names)}
    )
    if ax is None:
        ax = _new_axes((7, 5))
    with chinese_font_context():
        colors = [palette.SERIES[k % len(palette.SERIES)] for k in range(len(names))]
        for color, name in zip(colors, names.values(), strict=True):
            members = data[data["类别"] == name]
            ax.scatter(members["x"], members["y"], s=12, alpha=0.6, linewidths=0,
                       color=color, label=name)  # fmt: skip
        if log_y and (data["y"] > 0).all():
            ax.set_yscale("log")
            # Marks at 1, 2, 5, 10, 20, 50 ... written as plain numbers ("1,000", not
            # "10^3"), and no unlabelled minor marks in between.
            ax.yaxis.set_major_locator(LogLocator(subs=(1.0, 2.0, 5.0)))
            ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.10g}"))
            ax.yaxis.set_minor_locator(NullLocator())
        elif log_y:
            ax.set_yscale("symlog")
        ax.set_xlabel(_label(x))
        ax.set_ylabel(_label(y))
        ax.set_title("客户分群散点图")
        ax.legend(title="簇")
        pin_chinese_font(ax)
    return ax
