"""Move the lifecycle thresholds and watch customers change stage: the module 06 widget."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from custseg.lifecycle import (
    STAGES,
    explorer_thresholds,
    lifecycle_stages,
    stage_counts,
    stage_sentence,
)
from custseg.plotting import palette
from custseg.rfm import customer_summary
from custseg.widgets.live import LiveChart

__all__ = ["lifecycle_explorer"]


def lifecycle_explorer(
    transactions: Any,
    *,
    at_risk_days: int = 90,
    churn_days: int = 180,
    loyal_orders: int = 5,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
    invoice_col: str = "invoice_id",
) -> widgets.VBox:
    """Sliders for the at-risk and churn thresholds and the loyal order count, and the stage counts.

    The customers' orders, recency and tenure do not depend on the sliders: they are
    computed once (:func:`custseg.rfm.customer_summary`), and each move only stages them
    again with :func:`custseg.lifecycle.lifecycle_stages` and the new thresholds.

    Parameters
    ----------
    transactions : frame
        Canonical transactions (see :func:`custseg.lifecycle.lifecycle_stages`).
    at_risk_days, churn_days, loyal_orders : int
        Where the sliders start.
    customer_col, date_col, amount_col, invoice_col : str
        Column names of the customer id, the purchase date, the amount and the invoice
        number, as in :func:`custseg.lifecycle.lifecycle_stages`; errors name these columns.

    Returns
    -------
    ipywidgets.VBox
        ``children``: a box of the three sliders, a summary line (HTML) and the chart
        (a bqplot Figure: one bar per stage in lifecycle order, 潜在 → 已流失, with the
        number of customers written above each bar).
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
    columns = {
        "customer_col": customer_col,
        "date_col": date_col,
        "amount_col": amount_col,
        "invoice_col": invoice_col,
    }
    customers = customer_summary(transactions, **columns)
    names = list(STAGES)
    chart = LiveChart(
        title="客户生命周期分布 (customers per stage)",
        x_label="生命周期阶段 (lifecycle stage)",
        y_label="客户数 (customers)",
        x_scale="ordinal",
        y_min=0,
        y_format=",~f",
    )
    bars = chart.bars(names, [0] * len(names), colors=[palette.GOOD],
                      tooltip_labels=("阶段", "客户数"))  # fmt: skip
    numbers = chart.labels(names, [0] * len(names), [""] * len(names),
                           align="middle", x_offset=0, y_offset=-10)  # fmt: skip

    def update(change: dict | None = None) -> None:
        if churn.value <= at_risk.value:
            summary.value = "<b>“已流失”的天数必须大于“流失风险”的天数。</b>"
            return
        stages = lifecycle_stages(
            transactions,
            **explorer_thresholds(at_risk.value, churn.value, loyal.value),
            summary=customers,
            **columns,
        )
        summary.value = stage_sentence(stages)
        sizes = stage_counts(stages).reindex(names, fill_value=0).to_numpy()
        with chart.hold():
            chart.leave_room(sizes, axis="y")
            bars.y = sizes
            numbers.y = sizes
            numbers.text = [f"{n:,}" for n in sizes]

    for slider in (at_risk, churn, loyal):
        slider.observe(update, names="value")
    update()
    return widgets.VBox([widgets.VBox([at_risk, churn, loyal]), summary, chart.figure])
