"""Charts of the training evaluation report, labelled in Chinese."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from custseg.plotting import palette
from custseg.plotting.style import chinese_font_context

__all__ = ["plot_participation", "plot_score_distribution", "plot_topic_mastery"]


def plot_score_distribution(percent: pd.Series, *, ax: Axes | None = None) -> Axes:
    """Histogram of the students' scores in percent (bins of 10 points).

    Examples
    --------
    >>> ax = plot_score_distribution(pd.Series([95.0, 80.0, 35.0]))
    >>> ax.get_xlabel()
    '得分率 (%)'
    """
    with chinese_font_context():
        if ax is None:
            _, ax = plt.subplots(figsize=(6, 3.5))
        ax.hist(percent.dropna(), bins=np.arange(0, 101, 10), color=palette.MAIN, edgecolor="white")
        ax.set_xlim(0, 100)
        ax.set_xlabel("得分率 (%)")
        ax.set_ylabel("人数")
        ax.set_title("成绩分布")
    return ax


def plot_topic_mastery(mastery: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Horizontal bars: the share of points earned per course topic.

    Parameters
    ----------
    mastery : pandas.DataFrame
        Columns ``topic`` and ``mastery`` (0 to 1), as in the training report.

    Examples
    --------
    >>> ax = plot_topic_mastery(pd.DataFrame({"topic": ["缺失值"], "mastery": [0.5]}))
    >>> ax.get_xlabel()
    '掌握程度 (得分率 %)'
    """
    with chinese_font_context():
        if ax is None:
            _, ax = plt.subplots(figsize=(6, 0.5 * len(mastery) + 1.2))
        ordered = mastery.sort_values("mastery")
        ax.barh(ordered["topic"], 100 * ordered["mastery"], color=palette.GOOD)
        ax.set_xlim(0, 100)
        ax.set_xlabel("掌握程度 (得分率 %)")
        ax.set_title("各主题掌握程度")
    return ax


def plot_participation(participation: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Bars per assignment: enrolled, submitted and submitted on time.

    Examples
    --------
    >>> table = pd.DataFrame({"assignment": ["01"], "enrolled": [10], "submitted": [8],
    ...                       "on_time": [7]})
    >>> ax = plot_participation(table)
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['应交人数', '已提交', '按时提交']
    """
    with chinese_font_context():
        if ax is None:
            _, ax = plt.subplots(figsize=(6, 3.5))
        x = np.arange(len(participation))
        labels = {"enrolled": "应交人数", "submitted": "已提交", "on_time": "按时提交"}
        bars = zip((-0.27, 0, 0.27), labels.items(), palette.SERIES, strict=False)
        for offset, (column, label), color in bars:
            ax.bar(x + offset, participation[column], width=0.27, label=label, color=color)
        ax.set_xticks(x, participation["assignment"])
        ax.set_ylabel("人数")
        ax.set_title("参与情况")
        ax.legend()
    return ax
