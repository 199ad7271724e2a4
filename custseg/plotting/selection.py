"""Plots for customer selection: what makes up the score of each shortlisted customer."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from custseg.plotting import palette
from custseg.plotting.style import chinese_font_context, pin_chinese_font
from custseg.selection import TIER_LABELS, CustomerScorecard, criterion_label

__all__ = ["plot_shortlist"]


def plot_shortlist(
    scorecard: CustomerScorecard, X: pd.DataFrame, *, top: int = 15, ax: Axes | None = None
) -> Axes:
    """Stacked bars of the shortlist: each criterion's weighted share of the total score.

    The best customer is at the top; the bar length is the total score (0-100) and each
    colour the points a criterion adds (score x weight). Dotted lines mark the tier cuts,
    and the tier of each customer is written at the end of its bar.

    Parameters
    ----------
    scorecard : CustomerScorecard
        A fitted scorecard.
    X : pandas.DataFrame
        The customers to rank, with the criterion columns.
    top : int, default 15
        How many customers to show.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.containers[k]`` is the bar container of the k-th criterion.

    Examples
    --------
    >>> import pandas as pd
    >>> customers = pd.DataFrame({"potential_value": [900.0, 300.0, 50.0],
    ...     "loyalty": [12, 3, 1], "payment_ability": [1.0, 0.5, 0.9]})
    >>> card = CustomerScorecard().fit(customers)
    >>> ax = plot_shortlist(card, customers)
    >>> [round(float(bar.get_width()), 1) for bar in ax.containers[0]]
    [50.0, 33.3, 16.7]
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    table = scorecard.shortlist(X, top=top)
    weights = scorecard.weights_
    y = np.arange(len(table))[::-1].astype(float)
    with chinese_font_context():
        if ax is None:
            _, ax = plt.subplots(figsize=(8, 0.35 * len(table) + 2.2), layout="constrained")
        left = np.zeros(len(table))
        for k, name in enumerate(scorecard.criteria_):
            part = table[f"score_{name}"].to_numpy() * weights[name]
            ax.barh(
                y,
                part,
                left=left,
                color=palette.SCORE_PART_COLORS[k % len(palette.SCORE_PART_COLORS)],
                label=f"{criterion_label(name)}（权重 {weights[name]:.0%}）",
            )
            left += part
        for cut in scorecard.tier_cuts_:
            ax.axvline(cut, color=palette.REFERENCE, ls=":", lw=1)
        for yy, total, tier in zip(y, table["total_score"], table["tier"], strict=True):
            ax.text(total + 1, yy, f"{total:.0f} {tier}", va="center", fontsize=8)
        ax.set_yticks(y, [str(i) for i in table.index])
        ax.set_xlim(0, 118)
        ax.set_xlabel("综合得分 (total score, 0-100)：各标准得分 × 权重")
        ax.set_ylabel("客户 (customer)")
        ax.set_title(f"客户选择短名单（前 {len(table)} 名）；分层：{' / '.join(TIER_LABELS)}")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=3, fontsize=8)
        pin_chinese_font(ax)
    return ax
