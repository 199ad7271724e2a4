"""Plots for promotion evaluation: response rates and their increment per segment, with intervals."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from custseg.errors import require_columns
from custseg.plotting import palette
from custseg.plotting.style import chinese_font_context, pin_chinese_font
from custseg.promotion import (
    CURVE_LABEL,
    PLAN_LABEL,
    break_even_label,
    roi_curve,
    roi_title,
    within_reach,
)

__all__ = ["plot_campaign_lift", "plot_response_rates", "plot_roi_curve"]

_TREATMENT = palette.HIGHLIGHT
_CONTROL = palette.MAIN


def _labels(result: pd.DataFrame) -> list[str]:
    return [str(label) for label in result.index]


def plot_response_rates(
    result: pd.DataFrame,
    ax: Axes | None = None,
    *,
    treatment_label: str = "活动组",
    control_label: str = "对照组",
) -> Axes:
    """Response rate of the treated and the control group per segment, with Wilson intervals.

    Parameters
    ----------
    result : pandas.DataFrame
        The table of :func:`custseg.promotion.evaluate_campaign`.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.
    treatment_label, control_label : str
        Legend names of the two groups.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.containers[0]`` holds the treatment rates, ``ax.containers[1]`` the control
        rates (matplotlib error-bar containers; ``.lines[0]`` are the points), one point per
        row of ``result`` from top to bottom.

    Examples
    --------
    >>> import pandas as pd
    >>> from custseg.promotion import evaluate_campaign
    >>> clients = pd.DataFrame({"group": ["试点"] * 70 + ["对照"] * 80,
    ...     "y": ["yes"] * 56 + ["no"] * 14 + ["yes"] * 48 + ["no"] * 32})
    >>> result = evaluate_campaign(clients, group_col="group", treatment="试点",
    ...     control="对照", outcome_col="y")
    >>> ax = plot_response_rates(result)
    >>> [float(x) for x in ax.containers[1].lines[0].get_xdata()]
    [0.6]
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    require_columns(
        result,
        ["treatment_rate", "treatment_ci_low", "treatment_ci_high", "control_rate"],
        what="活动评估结果 (campaign result)",
    )
    y = np.arange(len(result))[::-1].astype(float)
    with chinese_font_context():
        if ax is None:
            _, ax = plt.subplots(figsize=(7, 0.45 * len(result) + 1.8))
        for prefix, label, color, shift in (
            ("treatment", treatment_label, _TREATMENT, 0.15),
            ("control", control_label, _CONTROL, -0.15),
        ):
            rate = result[f"{prefix}_rate"].to_numpy(dtype=float)
            low = rate - result[f"{prefix}_ci_low"].to_numpy(dtype=float)
            high = result[f"{prefix}_ci_high"].to_numpy(dtype=float) - rate
            ax.errorbar(
                rate, y + shift, xerr=[low, high], fmt="o", color=color, capsize=3, label=label
            )
        ax.set_yticks(y, _labels(result))
        ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
        ax.set_xlabel("响应率 (response rate)，误差线为 95% 置信区间 (Wilson)")
        ax.set_title("各细分群体的响应率：活动组 vs 对照组")
        ax.legend(loc="best")
        ax.grid(axis="x", alpha=0.3)
        pin_chinese_font(ax)
    return ax


def plot_campaign_lift(result: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """The increment per segment (treated minus control rate) with its Newcombe interval.

    A forest plot. In the course's words the increment (增量) is a difference in percentage
    points; lift (提升度) would be the ratio of the two rates.

    Points right of the dashed zero line mean the treated group responded more;
    segments whose interval crosses zero show no clear effect. Significant segments are
    drawn in red, the others in grey.

    Parameters
    ----------
    result : pandas.DataFrame
        The table of :func:`custseg.promotion.evaluate_campaign`.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.collections[0]`` holds the lift points, one per row of ``result`` from top to
        bottom.

    Examples
    --------
    >>> import pandas as pd
    >>> from custseg.promotion import evaluate_campaign
    >>> clients = pd.DataFrame({"group": ["试点"] * 70 + ["对照"] * 80,
    ...     "y": ["yes"] * 56 + ["no"] * 14 + ["yes"] * 48 + ["no"] * 32})
    >>> result = evaluate_campaign(clients, group_col="group", treatment="试点",
    ...     control="对照", outcome_col="y")
    >>> ax = plot_campaign_lift(result)
    >>> ax.collections[0].get_offsets().tolist()
    [[0.2, 0.0]]
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    require_columns(
        result,
        ["abs_lift", "abs_lift_ci_low", "abs_lift_ci_high", "significant"],
        what="活动评估结果 (campaign result)",
    )
    y = np.arange(len(result))[::-1].astype(float)
    lift = result["abs_lift"].to_numpy(dtype=float)
    significant = result["significant"].to_numpy(dtype=bool)
    colors = np.where(significant, _TREATMENT, palette.NEUTRAL)
    with chinese_font_context():
        if ax is None:
            _, ax = plt.subplots(figsize=(7, 0.45 * len(result) + 1.8))
        ax.scatter(lift, y, c=colors, zorder=3)
        ax.hlines(
            y,
            result["abs_lift_ci_low"].to_numpy(dtype=float),
            result["abs_lift_ci_high"].to_numpy(dtype=float),
            colors=colors,
            lw=2,
        )
        ax.axvline(0, color=palette.REFERENCE, ls="--", lw=1)
        ax.set_yticks(y, _labels(result))
        ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v * 100:+.0f}"))
        ax.set_xlabel("响应率增量（个百分点）(difference in response rate)，线段为 95% 置信区间")
        ax.set_title("促销效果：活动组比对照组多出的响应率（红色 = 显著）")
        ax.grid(axis="x", alpha=0.3)
        pin_chinese_font(ax)
    return ax


def plot_roi_curve(
    *,
    targets: int,
    cost_per_contact: float,
    revenue_per_response: float,
    response_rate: float,
    baseline_rate: float = 0.0,
    ax: Axes | None = None,
) -> Axes:
    """Profit against response rate: the plan as a point, break-even as a dashed line.

    Parameters are those of :func:`custseg.promotion.promotion_roi`; ``ax`` is where to draw (a new figure if
    omitted).

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.lines[0]`` is the profit curve, ``ax.lines[1]`` the zero line, ``ax.lines[2]``
        the break-even rate (drawn when it is within reach), ``ax.collections[0]`` the plan.

    Examples
    --------
    >>> ax = plot_roi_curve(targets=1000, cost_per_contact=5, revenue_per_response=100,
    ...     response_rate=0.12, baseline_rate=0.04)
    >>> ax.collections[0].get_offsets().tolist()
    [[0.12, 3000.0]]
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    rates, profit, plan = roi_curve(
        targets=targets,
        cost_per_contact=cost_per_contact,
        revenue_per_response=revenue_per_response,
        response_rate=response_rate,
        baseline_rate=baseline_rate,
    )
    even = plan["break_even_rate"]
    with chinese_font_context():
        if ax is None:
            _, ax = plt.subplots(figsize=(7, 4))
        ax.plot(rates, profit, color=palette.MAIN, label=CURVE_LABEL)
        ax.axhline(0, color=palette.REFERENCE, lw=1)
        if within_reach(even, rates):
            ax.axvline(even, color=palette.HIGHLIGHT, ls="--", lw=1, label=break_even_label(even))
        ax.scatter(
            [response_rate],
            [plan["profit"]],
            color=palette.COMPARE,
            zorder=3,
            s=60,
            label=PLAN_LABEL,
        )
        ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
        ax.set_xlabel("活动组响应率 (response rate)")
        ax.set_ylabel("利润 (profit)")
        ax.set_title(roi_title(targets, baseline_rate))
        ax.legend(loc="upper left", fontsize=8)
        ax.grid(alpha=0.3)
        pin_chinese_font(ax)
    return ax
