"""Plots for privacy checks: how many rows sit in groups too small to hide in."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from custseg.plotting import palette
from custseg.plotting.style import chinese_font_context, pin_chinese_font
from custseg.privacy import (
    INFO_CLASSES,
    classify_columns,
    group_size_classes,
    group_sizes,
    k_risk,
    k_risk_title,
)

__all__ = ["plot_group_sizes", "plot_information_levels"]

#: Bars of groups smaller than k_min, and of the others (shared with the widget).
RISK_COLOR = palette.HIGHLIGHT
SAFE_COLOR = palette.MAIN


def plot_group_sizes(
    frame: pd.DataFrame,
    quasi_identifiers: Sequence[str],
    ax: Axes | None = None,
    *,
    k_min: int = 5,
) -> Axes:
    """Bar chart of rows by the size of their quasi-identifier group, small groups in red.

    Every row belongs to the group of rows sharing its quasi-identifier values (see
    :func:`custseg.privacy.k_anonymity`). Bars count the rows whose group has 1, 2, 3-4,
    5-9... rows; the red bars (groups smaller than ``k_min``) are the rows someone could
    single out.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per person.
    quasi_identifiers : sequence of str
        The columns an outsider could know.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.
    k_min : int, default 5
        Groups smaller than this are at risk.

    Returns
    -------
    matplotlib.axes.Axes
        One bar per size class in ``ax.patches``, from the smallest groups up.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"城市": ["北京"] * 6 + ["拉萨"], "性别": ["女"] * 7})
    >>> ax = plot_group_sizes(table, ["城市", "性别"], k_min=5)
    >>> [int(bar.get_height()) for bar in ax.patches]
    [1, 0, 0, 6, 0, 0]
    >>> ax.get_title()
    'k-匿名检查 (k-anonymity)：k = 1，1 行 (14.3%) 在少于 5 行的组合中'
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    columns = [quasi_identifiers] if isinstance(quasi_identifiers, str) else list(quasi_identifiers)
    k_min = int(k_min)
    risk = k_risk(frame, columns, k_min=k_min)
    classes = group_size_classes(group_sizes(frame, columns)["rows"], k_min)
    rows, labels = classes["rows"].tolist(), classes.index.tolist()
    colors = [RISK_COLOR if risky else SAFE_COLOR for risky in classes["at_risk"]]
    with chinese_font_context():
        if ax is None:
            _, ax = plt.subplots(figsize=(7, 4))
        positions = np.arange(len(classes))
        ax.bar(positions, rows, color=colors)
        ax.set_xticks(positions, labels)
        for x, count in zip(positions, rows, strict=True):
            if count:
                ax.annotate(f"{count:,}", (x, count), ha="center", va="bottom", fontsize=9)
        ax.set_xlabel("所在组合的行数 (group size)")
        ax.set_ylabel("行数 (rows)")
        ax.set_title(k_risk_title(risk, k_min))
        pin_chinese_font(ax)
    return ax


#: Colours of the three levels of :func:`custseg.privacy.classify_columns`.
LEVEL_COLORS = palette.PRIVACY_LEVEL_COLORS


def plot_information_levels(frame: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Stacked bars: the columns of each information class, by personal-information level.

    Parameters
    ----------
    frame : pandas.DataFrame
        A customer table; its columns are classified by :func:`custseg.privacy.classify_columns`.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.

    Returns
    -------
    matplotlib.axes.Axes
        One horizontal bar per information class (基本信息, 行为, 需求, 满意度, then 未分类
        if any), stacked by level; one legend entry per level.

    Examples
    --------
    >>> from custseg.privacy import example_customers
    >>> ax = plot_information_levels(example_customers())
    >>> [text.get_text() for text in ax.get_legend().get_texts()]
    ['非个人信息', '个人信息', '敏感个人信息']
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    classes = classify_columns(frame)
    unclassified = ["未分类"] if (classes["info_class"] == "未分类").any() else []
    order = [*INFO_CLASSES, *unclassified]
    counts = {
        level: [
            int(((classes["info_class"] == c) & (classes["personal"] == level)).sum())
            for c in order
        ]
        for level in LEVEL_COLORS
    }
    with chinese_font_context():
        if ax is None:
            _, ax = plt.subplots(figsize=(7, 3.5))
        positions = np.arange(len(order))
        left = np.zeros(len(order))
        for level, color in LEVEL_COLORS.items():
            ax.barh(positions, counts[level], left=left, color=color, label=level)
            left += counts[level]
        ax.set_yticks(positions, order)
        ax.invert_yaxis()
        ax.legend(title="个人信息级别")
        ax.set_xlabel("列数")
        ax.set_ylabel("信息类别")
        ax.set_title("客户表：四类信息和个人信息级别")
        pin_chinese_font(ax)
    return ax
