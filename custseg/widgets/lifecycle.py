"""Move the lifecycle thresholds and watch customers change stage: the module 06 widget."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from custseg.lifecycle import lifecycle_stages
from custseg.plotting.lifecycle import plot_lifecycle_stages
from custseg.widgets.chart import Chart

__all__ = ["lifecycle_explorer"]


def lifecycle_explorer(
    transactions: Any, *, at_risk_days: int = 90, churn_days: int = 180, loyal_orders: int = 5
) -> widgets.VBox:
    """Sliders for the at-risk and churn thresholds and the loyal order count, and the stage counts.

    Parameters
    ----------
    transactions : frame
        Canonical transactions (see :func:`custseg.lifecycle.lifecycle_stages`).
    at_risk_days, churn_days, loyal_orders : int
        Where the sliders start.

    Returns
    -------
    ipywidgets.VBox
        ``children``: a box of the three sliders, a summary line (HTML) and the chart (Image).
    """
    style = {"description_width": "initial"}
    at_risk = widgets.IntSlider(
        value=at_risk_days,
        min=30,
        max=360,
        step=15,
        description="多少天未购买算流失风险",
        style=style,
        continuous_update=False,
    )
    churn = widgets.IntSlider(
        value=churn_days,
        min=45,
        max=720,
        step=15,
        description="多少天未购买算已流失",
        style=style,
        continuous_update=False,
    )
    loyal = widgets.IntSlider(
        value=loyal_orders,
        min=2,
        max=20,
        description="忠诚客户至少几单",
        style=style,
        continuous_update=False,
    )
    summary = widgets.HTML()
    chart = Chart(figsize=(6, 3.5))

    def update(change: dict | None = None) -> None:
        if churn.value <= at_risk.value:
            summary.value = "<b>“已流失”的天数必须大于“流失风险”的天数。</b>"
            return
        stages = lifecycle_stages(
            transactions,
            new_days=min(90, at_risk.value),
            at_risk_days=at_risk.value,
            churn_days=churn.value,
            loyal_orders=loyal.value,
        )
        counts = stages["stage"].value_counts()
        summary.value = "，".join(f"{stage} {count} 人" for stage, count in counts.items())
        ax = chart.axes()
        plot_lifecycle_stages(stages, ax=ax)
        chart.show()

    for slider in (at_risk, churn, loyal):
        slider.observe(update, names="value")
    update()
    return widgets.VBox([widgets.VBox([at_risk, churn, loyal]), summary, chart.image])
