"""Plots for distributor evaluation: the grade map and the grade changes between periods."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from custseg.distributors import (
    COVERAGE_SIZES,
    GRADE_LABELS,
    GRADES,
    OTHER_COVERAGE_SIZE,
)
from custseg.errors import require_columns
from custseg.plotting import palette
from custseg.plotting.style import chinese_font_context, pin_chinese_font

__all__ = ["plot_distributor_grades", "plot_grade_changes"]

#: Colour of each grade (shared with the widget).
GRADE_COLORS = palette.DISTRIBUTOR_GRADE_COLORS


def plot_distributor_grades(evaluation: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Sales capacity against cooperation willingness, coloured by grade, sized by coverage.

    Parameters
    ----------
    evaluation : pandas.DataFrame
        The table of :meth:`custseg.distributors.DistributorEvaluator.evaluate`.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.collections[k]`` holds the distributors of the k-th grade present (A first).

    Examples
    --------
    >>> import pandas as pd
    >>> from custseg.distributors import DistributorEvaluator
    >>> h1 = pd.DataFrame({"distributor_id": ["D1", "D2", "D3"],
    ...     "coverage": ["全国", "区域", "地方"], "sales": [5000.0, 1200.0, 300.0],
    ...     "target_attainment": [1.1, 0.9, 1.0], "cooperation": [4.5, 4.0, 2.0]})
    >>> evaluation = DistributorEvaluator().fit(h1).evaluate(h1)
    >>> ax = plot_distributor_grades(evaluation)
    >>> ax.collections[0].get_offsets().tolist()
    [[100.0, 87.5]]
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    require_columns(
        evaluation,
        ["score_sales", "score_cooperation", "grade", "coverage_type"],
        what="经销商评估结果 (evaluation)",
    )
    with chinese_font_context():
        if ax is None:
            _, ax = plt.subplots(figsize=(7, 6))
        for grade in GRADES:
            rows = evaluation[evaluation["grade"] == grade]
            if rows.empty:
                continue
            sizes = rows["coverage_type"].map(COVERAGE_SIZES).fillna(OTHER_COVERAGE_SIZE).to_numpy()
            ax.scatter(
                rows["score_sales"],
                rows["score_cooperation"],
                s=sizes,
                color=GRADE_COLORS[grade],
                alpha=0.75,
                edgecolor="white",
                label=f"{grade} {GRADE_LABELS[grade]}（{len(rows)} 家）",
            )
        ax.axvline(50, color=palette.REFERENCE, ls=":", lw=1)
        ax.axhline(50, color=palette.REFERENCE, ls=":", lw=1)
        ax.set_xlim(-3, 103)
        ax.set_ylim(-3, 103)
        ax.set_xlabel("销售能力得分 (sales capacity score)")
        ax.set_ylabel("合作意愿得分 (cooperation score)")
        ax.set_title("经销商分级：点越大覆盖越广（全国 > 区域 > 地方）")
        ax.legend(loc="lower right", fontsize=8)
        pin_chinese_font(ax)
    return ax


def plot_grade_changes(changes: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Heat map of grade before against grade after: who moved up, down or stayed.

    Rows are the grade before, columns the grade after, both from A down: cells below
    the diagonal are upgrades (a later grade nearer A), cells above it downgrades.

    Parameters
    ----------
    changes : pandas.DataFrame
        The table of :meth:`custseg.distributors.DistributorEvaluator.reevaluate`.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.images[0]`` holds the 4 x 4 counts (rows: grade before A-D, columns: after).

    Examples
    --------
    >>> import pandas as pd
    >>> changes = pd.DataFrame({"grade_before": ["A", "B", "B"],
    ...     "grade_after": ["A", "A", "C"], "movement": ["不变", "升级", "降级"]})
    >>> ax = plot_grade_changes(changes)
    >>> ax.images[0].get_array()[1].tolist()
    [1, 0, 1, 0]
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    require_columns(
        changes, ["grade_before", "grade_after", "movement"], what="复评结果 (re-evaluation)"
    )
    both = changes.dropna(subset=["grade_before", "grade_after"])
    counts = (
        pd.crosstab(both["grade_before"], both["grade_after"])
        .reindex(index=list(GRADES), columns=list(GRADES), fill_value=0)
        .to_numpy()
    )
    moves = changes["movement"].value_counts()
    with chinese_font_context():
        if ax is None:
            _, ax = plt.subplots(figsize=(6, 5.5))
        ax.imshow(counts, cmap=palette.COUNT_CMAP)
        for i in range(len(GRADES)):
            for j in range(len(GRADES)):
                dark = counts[i, j] > counts.max() / 2
                ax.text(
                    j,
                    i,
                    str(counts[i, j]),
                    ha="center",
                    va="center",
                    color="white" if dark else "black",
                )
        ticks = [f"{g} {GRADE_LABELS[g]}" for g in GRADES]
        ax.set_xticks(np.arange(len(GRADES)), ticks, fontsize=8)
        ax.set_yticks(np.arange(len(GRADES)), ticks, fontsize=8)
        ax.set_xlabel("本期等级 (grade after)")
        ax.set_ylabel("上期等级 (grade before)")
        summary = "，".join(f"{m} {moves.get(m, 0)} 家" for m in ("升级", "降级", "不变"))
        extra = "，".join(f"{m} {moves[m]} 家" for m in ("新增", "退出") if moves.get(m, 0))
        ax.set_title("经销商定期复评：" + summary + (f"，{extra}" if extra else ""))
        pin_chinese_font(ax)
    return ax
