"""Plan a promotion's budget with five sliders: the module 10 widget.

The arithmetic is :func:`custseg.promotion.promotion_roi`, the
one :func:`custseg.promotion.evaluate_campaign` uses after a campaign, run forwards with
planned numbers; the static chart of the same plan is
:func:`custseg.plotting.promotion.plot_roi_curve`.
"""

from __future__ import annotations

import ipywidgets as widgets

from custseg.plotting import palette
from custseg.promotion import (
    CURVE_LABEL,
    PLAN_LABEL,
    break_even_label,
    promotion_roi_table,
    roi_curve,
    roi_title,
    within_reach,
)
from custseg.promotion import promotion_roi as _promotion_roi
from custseg.widgets.live import LiveChart
from custseg.widgets.moved import moved_names

__all__ = ["promotion_roi_simulator"]

__getattr__ = moved_names(__name__, {"promotion_roi": "custseg.promotion"})  # old notebooks


def _result_html(plan: dict[str, float]) -> str:
    """The rows of :func:`custseg.promotion.promotion_roi_table` as an HTML table."""
    rows = promotion_roi_table(**plan).itertuples(index=False)
    body = "".join(f"<tr><th>{name}</th><td>{value}</td></tr>" for name, value in rows)
    return f"<table>{body}</table>"


def promotion_roi_simulator(
    *,
    targets: int = 1000,
    cost_per_contact: float = 5.0,
    revenue_per_response: float = 100.0,
    response_rate: float = 0.10,
    baseline_rate: float = 0.05,
) -> widgets.VBox:
    """Five sliders for a promotion plan and its cost, incremental revenue, ROI and break-even.

    Parameters
    ----------
    targets, cost_per_contact, revenue_per_response, response_rate, baseline_rate
        Where the sliders start; see :func:`custseg.promotion.promotion_roi`.

    Returns
    -------
    ipywidgets.VBox
        ``children``: a box of the five sliders (targets, cost per contact, revenue per
        response, expected response rate, response rate without the promotion), the result
        table (HTML, the rows of :func:`custseg.promotion.promotion_roi_table`) and the chart (a bqplot Figure, as
        :func:`custseg.plotting.promotion.plot_roi_curve`: the profit against the response rate, the zero line, the
        break-even rate as a dashed vertical line with its value in the legend, shown when
        within the curve's reach, and the plan as a point).
    """
    _promotion_roi(
        targets=targets,
        cost_per_contact=cost_per_contact,
        revenue_per_response=revenue_per_response,
        response_rate=response_rate,
        baseline_rate=baseline_rate,
    )  # refuse a bad starting plan before building the sliders
    style = {"description_width": "initial"}
    common = {"style": style, "continuous_update": False}
    sliders = {
        "targets": widgets.IntSlider(
            value=int(targets),
            min=100,
            max=max(20_000, int(targets)),
            step=100,
            description="目标客户数（人）",
            **common,
        ),
        "cost_per_contact": widgets.FloatSlider(
            value=float(cost_per_contact),
            min=0.0,
            max=max(50.0, float(cost_per_contact)),
            step=0.5,
            description="每次联系成本",
            **common,
        ),
        "revenue_per_response": widgets.FloatSlider(
            value=float(revenue_per_response),
            min=0.0,
            max=max(500.0, float(revenue_per_response)),
            step=5.0,
            description="每次响应带来的收入",
            **common,
        ),
        "response_rate": widgets.FloatSlider(
            value=float(response_rate),
            min=0.0,
            max=0.5,
            step=0.005,
            readout_format=".1%",
            description="预计响应率（活动组）",
            **common,
        ),
        "baseline_rate": widgets.FloatSlider(
            value=float(baseline_rate),
            min=0.0,
            max=0.5,
            step=0.005,
            readout_format=".1%",
            description="不做活动的响应率（对照组）",
            **common,
        ),
    }
    table = widgets.HTML()
    chart = LiveChart(
        x_label="活动组响应率 (response rate)",
        y_label="利润 (profit)",
        x_format=".1~%",
        y_format=",~f",
        x_min=0,
        size=(720, 420),
        left=90,
        legend=True,
    )
    chart.figure.legend_location = "top-left"
    curve = chart.lines([0, 1], [0, 0], color=palette.MAIN, label=CURVE_LABEL)
    chart.hline(0)
    even_line = chart.vline(0, label=break_even_label(0))
    point = chart.scatter([0], [0], color=palette.COMPARE, label=PLAN_LABEL, size=80, opacity=1.0,
                          tooltip_labels=("响应率", "利润"))  # fmt: skip
    point.tooltip.formats = [".1%", ",.0f"]

    def update(change: dict | None = None) -> None:
        plan = {name: slider.value for name, slider in sliders.items()}
        rates, profit, result = roi_curve(**plan)
        table.value = _result_html(plan)
        even = result["break_even_rate"]
        low, high = min(profit.min(), 0.0), max(profit.max(), 0.0)
        pad = 0.06 * (high - low) or 1.0
        with chart.hold():
            chart.figure.title = roi_title(plan["targets"], plan["baseline_rate"])
            chart.x.max = float(rates[-1])
            chart.y.min, chart.y.max = low - pad, high + pad
            curve.x, curve.y = rates, profit
            shown = within_reach(even, rates)
            even_line.x = [even, even] if shown else [0.0, 0.0]
            even_line.labels = [break_even_label(even)] if shown else []
            even_line.visible = even_line.display_legend = shown
            point.x, point.y = [plan["response_rate"]], [result["profit"]]

    for slider in sliders.values():
        slider.observe(update, names="value")
    update()
    return widgets.VBox([widgets.VBox(list(sliders.values())), table, chart.figure])
